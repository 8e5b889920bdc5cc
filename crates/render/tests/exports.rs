//! Format rules of the exports: JSON fields, RFC 5545 and RFC 4180.

mod fixture;

use annals_render::{SiteOptions, site};

fn file(name: &str) -> String {
    let options = SiteOptions::default();
    let files = site(&fixture::seeds(), &options).expect("renders");
    let f = files.iter().find(|f| f.name == name).expect("file exists");
    String::from_utf8(f.contents.clone()).expect("utf-8")
}

#[test]
fn timeline_json_has_the_documented_fields() {
    let v: serde_json::Value = serde_json::from_str(&file("timeline.json")).unwrap();
    assert_eq!(v["schema"], "annals-timeline/1");
    assert_eq!(v["title"], "Maduro visits Putin, September 2019");
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 10);
    let oct = events.iter().find(|e| e["value"] == "2019-10").unwrap();
    assert_eq!(oct["mod"], "START");
    assert_eq!(oct["label"], "early October 2019");
    assert_eq!(oct["start"], "2019-10-01");
    assert_eq!(oct["end"], "2019-10-31");
    let meeting = events.iter().find(|e| e["value"] == "2019-09-25").unwrap();
    assert_eq!(meeting["citations"][0]["doc"], "000_0d1d1294870afd6c.txt");
    assert_eq!(meeting["citations"][0]["source"], "Bloomberg");
    assert!(
        meeting["citations"][0]["quote"]
            .as_str()
            .unwrap()
            .starts_with("Putin, one")
    );
    assert!(meeting.get("mod").is_none(), "no mod, no field");
    for e in events {
        for key in ["id", "value", "title", "citations", "label", "precision"] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
    }
}

#[test]
fn timelinejs_json_has_dates_and_spans() {
    let v: serde_json::Value = serde_json::from_str(&file("timelinejs.json")).unwrap();
    assert_eq!(
        v["title"]["text"]["headline"],
        "Maduro visits Putin, September 2019"
    );
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 9, "the undated event is left out");
    let meeting = events
        .iter()
        .find(|e| e["unique_id"] == "e-9a7b6c5d")
        .unwrap();
    assert_eq!(meeting["start_date"]["year"], "2019");
    assert_eq!(meeting["start_date"]["month"], "9");
    assert_eq!(meeting["start_date"]["day"], "25");
    assert!(meeting.get("end_date").is_none());
    let december = events
        .iter()
        .find(|e| e["unique_id"] == "e-3c9e1a04")
        .unwrap();
    assert!(december["start_date"].get("day").is_none());
    assert_eq!(december["end_date"]["month"], "12");
    assert_eq!(december["display_date"], "December 2018");
}

#[test]
fn icalendar_follows_rfc_5545() {
    let ics = file("timeline.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    // Day-precision events only: the meeting and the approximate visit.
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
    assert!(unfolded.contains("UID:9a7b6c5d@annals\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20190925\r\nDTEND;VALUE=DATE:20190926\r\n"));
    assert!(
        unfolded.contains("DTSTAMP:20190926T000000Z\r\n"),
        "latest publication, not the clock"
    );
    assert!(unfolded.contains("SUMMARY:Putin meets Maduro in the Kremlin\r\n"));
    assert!(
        unfolded.contains("didn’t offer any major new financial support to the embattled regime")
    );
    assert!(unfolded.contains("\\, "), "commas escaped");
}

#[test]
fn csv_follows_rfc_4180() {
    let csv = file("timeline.csv");
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "id,value,mod,label,start,end,title,summary,note,sources,docs,quotes"
    );
    assert!(csv.ends_with("\r\n"));
    // A small RFC 4180 reader: the file parses back into 11 rows of 12.
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        let row = rows.last_mut().unwrap();
        match (c, quoted) {
            ('"', false) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().unwrap().push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => row.push(String::new()),
            ('\r', false) if chars.peek() == Some(&'\n') => {
                chars.next();
                rows.push(vec![String::new()]);
            }
            (c, _) => row.last_mut().unwrap().push(c),
        }
    }
    rows.pop();
    assert_eq!(rows.len(), 11);
    assert!(rows.iter().all(|r| r.len() == 12), "{rows:?}");
    let bombers = rows.iter().find(|r| r[0] == "b41f0c7e").unwrap();
    assert_eq!(bombers[3], "late December 2018");
    assert!(bombers[11].contains("military \"advisers\""));
    assert!(bombers[11].contains("\r\n"), "quotes joined by line breaks");
}

#[test]
fn markwhen_writes_days_and_spans() {
    let mw = file("timeline.mw");
    assert!(mw.starts_with("---\ntitle: \"Maduro visits Putin, September 2019\"\n---\n"));
    assert!(mw.contains("\n2019-09-25: Putin meets Maduro in the Kremlin\n"));
    assert!(mw.contains("\n2018-12-01/2018-12-31: Maduro visits Moscow\nWhen: December 2018\n"));
    assert!(mw.contains("\n2020-01-01/2020-12-31: Venezuelan legislative elections\n"));
    assert!(
        mw.contains("// undated (in the past): Russia services weapons delivered to Venezuela")
    );
}
