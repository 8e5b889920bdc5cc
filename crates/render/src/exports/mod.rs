//! The exports beside the page: annals' own JSON ([`json`]), TimelineJS 3
//! JSON, Markwhen text, iCalendar and CSV. Each is a pure function of the
//! timeline: no clock, no environment, so the bytes are reproducible.

pub mod json;

use annals_model::{Event, Timeline};
use annals_parse::Precision;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::RenderError;
use crate::dates::{date_label, when_span};
use crate::html::escape_html;
use crate::url::safe_url;

// ---------------------------------------------------------------- TimelineJS

#[derive(Serialize)]
struct TjsTimeline {
    title: TjsSlide,
    events: Vec<TjsSlide>,
}

#[derive(Serialize)]
struct TjsSlide {
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TjsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TjsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: TjsText,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
}

#[derive(Serialize)]
struct TjsText {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct TjsDate {
    year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
}

fn html(text: &str) -> String {
    let mut out = String::new();
    escape_html(text, &mut out);
    out
}

/// The date of an event at the precision TimelineJS can show.
fn tjs_date(day: NaiveDate, precision: Precision) -> TjsDate {
    let month = precision >= Precision::Month;
    let with_day = precision >= Precision::Week;
    TjsDate {
        year: day.year().to_string(),
        month: (month || with_day).then(|| day.month().to_string()),
        day: with_day.then(|| day.day().to_string()),
    }
}

/// The text of a slide: summary, note and quotes, as escaped HTML.
fn tjs_text(e: &Event) -> String {
    let mut out = String::new();
    if let Some(s) = &e.summary {
        out.push_str(&format!("<p>{}</p>", html(s)));
    }
    if let Some(n) = &e.note {
        out.push_str(&format!("<p><em>Note:</em> {}</p>", html(n)));
    }
    for c in &e.citations {
        let source = html(c.source.as_deref().unwrap_or(&c.doc));
        let credit = match c.url.as_deref().and_then(safe_url) {
            Some(url) => format!("<a href=\"{}\">{source}</a>", html(&url)),
            None => source,
        };
        // A citation without a quote (an event added by hand) is a credit.
        if !c.quote.trim().is_empty() {
            out.push_str(&format!("<blockquote>{}</blockquote>", html(&c.quote)));
        }
        out.push_str(&format!("<p>— {credit}</p>"));
    }
    out
}

/// `timelinejs.json`: TimelineJS 3's JSON format. Every text is escaped
/// HTML (TimelineJS renders `text` as HTML). Events without a calendar
/// position are left out: TimelineJS needs a `start_date`. Periods coarser
/// than a day and ranges get an `end_date` (a range's at the precision of
/// its end), so that they are drawn as spans.
pub(crate) fn timelinejs(timeline: &Timeline) -> Result<String, RenderError> {
    let events = timeline
        .events
        .iter()
        .filter_map(|e| {
            let precision = e.when.precision()?;
            let (first, last) = when_span(&e.when)?;
            let end_precision = e
                .when
                .end
                .as_ref()
                .and_then(|v| v.precision())
                .unwrap_or(precision);
            Some(TjsSlide {
                unique_id: Some(format!("e-{}", e.id)),
                start_date: Some(tjs_date(first, precision)),
                end_date: (first != last).then(|| tjs_date(last, end_precision)),
                display_date: Some(date_label(&e.when)),
                text: TjsText {
                    headline: html(&e.title),
                    text: tjs_text(e),
                },
                group: None,
            })
        })
        .collect();
    let doc = TjsTimeline {
        title: TjsSlide {
            unique_id: None,
            start_date: None,
            end_date: None,
            display_date: None,
            text: TjsText {
                headline: html(&timeline.title),
                text: format!(
                    "<p>{} events from {} articles.</p>",
                    timeline.events.len(),
                    timeline.sources.len()
                ),
            },
            group: None,
        },
        events,
    };
    let mut out =
        serde_json::to_string_pretty(&doc).map_err(|e| RenderError::Json(e.to_string()))?;
    out.push('\n');
    Ok(out)
}

// ------------------------------------------------------------------ Markwhen

/// One line of Markwhen description text: whitespace (newlines included)
/// collapsed, and a line that Markwhen could read as an event, a section, a
/// comment or a property (`word: ...`) gets a leading "— " so it stays text.
fn mw_text(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = line.to_ascii_lowercase();
    let first_word = line.split(' ').next().unwrap_or("");
    let risky = line.starts_with(|c: char| c.is_ascii_digit() || "#/-*>[".contains(c))
        || first_word.contains(':')
        || ["section", "group", "endsection", "endgroup", "now", "today"]
            .iter()
            .any(|k| lower.starts_with(k));
    if risky { format!("— {line}") } else { line }
}

/// A Markwhen property line: `key: "value"`, the value a YAML double-quoted
/// scalar (JSON's string syntax is one), so no text can break the YAML.
fn mw_property(key: &str, value: &str) -> String {
    format!("{key}: {}\n", serde_json::Value::String(value.to_owned()))
}

/// `timeline.mw`: Markwhen text. Days are written `2019-09-25`; periods and
/// ranges as day ranges `2018-12-01/2018-12-31` so Markwhen draws them as
/// spans.
/// Each event has the properties `id`, `when` (the date in words) and
/// `note` when there is one, then its summary and quotes as text. Undated
/// events are listed in comments at the end.
pub(crate) fn markwhen(timeline: &Timeline) -> String {
    let mut out = String::new();
    out.push_str("---\n");
    out.push_str(&format!(
        "title: {}\n",
        serde_json::Value::String(timeline.title.clone())
    ));
    out.push_str("---\n");
    let mut undated = Vec::new();
    for e in &timeline.events {
        let Some((first, last)) = when_span(&e.when) else {
            undated.push(e);
            continue;
        };
        let date = if first == last {
            first.format("%Y-%m-%d").to_string()
        } else {
            format!("{}/{}", first.format("%Y-%m-%d"), last.format("%Y-%m-%d"))
        };
        let title = e.title.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("\n{date}: {title}\n"));
        out.push_str(&mw_property("id", &e.id));
        out.push_str(&mw_property("when", &date_label(&e.when)));
        if let Some(n) = &e.note {
            out.push_str(&mw_property("note", n));
        }
        if let Some(s) = &e.summary {
            out.push_str(&mw_text(s));
            out.push('\n');
        }
        for c in &e.citations {
            let source = c.source.as_deref().unwrap_or(&c.doc);
            if c.quote.trim().is_empty() {
                out.push_str(&mw_text(&format!("Reported by {source}")));
                out.push('\n');
            } else {
                out.push_str(&format!("> {} — {}\n", mw_text(&c.quote), mw_text(source)));
            }
        }
    }
    if !undated.is_empty() {
        out.push('\n');
        for e in undated {
            out.push_str(&format!(
                "// undated ({}): {}\n",
                mw_text(&date_label(&e.when)),
                mw_text(&e.title)
            ));
        }
    }
    out
}

// ----------------------------------------------------------------- iCalendar

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets (RFC 5545 §3.1) without
/// splitting a UTF-8 character, ended by CRLF.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    let mut limit = 75;
    for c in line.chars() {
        if width + c.len_utf8() > limit {
            out.push_str("\r\n ");
            width = 0;
            limit = 74;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// `timeline.ics`: one VEVENT per day-precision event: all-day for days and
/// parts of days, at its local (floating) time for a clock time; a range
/// ends on its end's last day (DTEND is exclusive). UIDs are `<event id>@annals`; DTSTAMP, which RFC 5545
/// requires, is the latest publication date of the articles (midnight UTC),
/// never the clock, so the file is byte-identical for the same input.
pub(crate) fn icalendar(timeline: &Timeline) -> String {
    let stamp = timeline
        .sources
        .iter()
        .map(|s| s.published)
        .max()
        .map(|d| d.format("%Y%m%dT000000Z").to_string());
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!(
            "PRODID:-//annals//annals ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        ics_line(&mut out, line);
    }
    ics_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", ics_text(&timeline.title)),
    );
    for e in &timeline.events {
        if e.when.precision().is_none_or(|p| p < Precision::Day) {
            continue;
        }
        let Some((start, end)) = ics_times(&e.when) else {
            continue;
        };
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}@annals", ics_text(&e.id)));
        let dtstamp = stamp.clone().unwrap_or_else(|| {
            let day = when_span(&e.when).map(|(d, _)| d).unwrap_or_default();
            day.format("%Y%m%dT000000Z").to_string()
        });
        ics_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        ics_line(&mut out, &format!("DTSTART{start}"));
        ics_line(&mut out, &format!("DTEND{end}"));
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&e.title)));
        let mut description = Vec::new();
        description.push(date_label(&e.when));
        if let Some(s) = &e.summary {
            description.push(s.clone());
        }
        if let Some(n) = &e.note {
            description.push(format!("Note: {n}"));
        }
        for c in &e.citations {
            let source = c.source.as_deref().unwrap_or(&c.doc);
            if c.quote.trim().is_empty() {
                description.push(format!("Source: {source}"));
            } else {
                description.push(format!("“{}” — {source}", c.quote));
            }
        }
        ics_line(
            &mut out,
            &format!("DESCRIPTION:{}", ics_text(&description.join("\n\n"))),
        );
        if let Some(url) = e
            .citations
            .iter()
            .find_map(|c| c.url.as_deref().and_then(safe_url))
        {
            ics_line(&mut out, &format!("URL:{url}"));
        }
        ics_line(&mut out, "TRANSP:TRANSPARENT");
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

/// The DTSTART and DTEND of a day-precision date, parameters included:
/// `;VALUE=DATE:20190925` and the next day, or a floating local time
/// `:20190925T140000` and an hour later when the value has a clock time
/// (and no range).
fn ics_times(when: &annals_model::When) -> Option<(String, String)> {
    let (first, last) = when_span(when)?;
    // A clock time TimeML spells `2019-09-25T14:30` (a zone or seconds
    // after it are left out: the time is the text's local time).
    let clock = (when.precision() == Some(Precision::Time) && when.end.is_none())
        .then(|| crate::dates::datetime_attr(&when.value))
        .flatten()
        .and_then(|c| chrono::NaiveDateTime::parse_from_str(c.get(..16)?, "%Y-%m-%dT%H:%M").ok());
    if let Some(start) = clock {
        let end = start + chrono::Duration::hours(1);
        let fmt = |t: chrono::NaiveDateTime| format!(":{}", t.format("%Y%m%dT%H%M%S"));
        return Some((fmt(start), fmt(end)));
    }
    let next = last.succ_opt()?;
    Some((
        format!(";VALUE=DATE:{}", first.format("%Y%m%d")),
        format!(";VALUE=DATE:{}", next.format("%Y%m%d")),
    ))
}

// ----------------------------------------------------------------------- CSV

/// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
/// A field a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, tab or CR) is prefixed with `'`.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// `timeline.csv`: a header and one row per event, CRLF line ends. Several
/// citations are joined: sources and docs by `; `, quotes by a line break;
/// `alternatives` lists other dates as `VALUE (doc, doc)` joined by `; `.
pub(crate) fn csv(timeline: &Timeline) -> String {
    let mut out = String::new();
    let mut row = |fields: &[&str]| {
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    row(&[
        "id",
        "value",
        "mod",
        "label",
        "start",
        "end",
        "title",
        "summary",
        "note",
        "sources",
        "docs",
        "quotes",
        "alternatives",
    ]);
    for e in &timeline.events {
        let bounds = when_span(&e.when);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let sources: Vec<&str> = e
            .citations
            .iter()
            .map(|c| c.source.as_deref().unwrap_or(&c.doc))
            .collect();
        let docs: Vec<&str> = e.citations.iter().map(|c| c.doc.as_str()).collect();
        let quotes: Vec<&str> = e.citations.iter().map(|c| c.quote.as_str()).collect();
        // "2019-01-23 (004_x.txt, 005_y.txt)": other dates and who gives them.
        let alternatives: Vec<String> = e
            .alternatives
            .iter()
            .map(|a| format!("{} ({})", a.when.value.as_str(), a.docs.join(", ")))
            .collect();
        row(&[
            &e.id,
            e.when.value.as_str(),
            e.when.modifier.map(|m| m.as_str()).unwrap_or(""),
            &date_label(&e.when),
            &bounds.map(|(a, _)| day(a)).unwrap_or_default(),
            &bounds.map(|(_, b)| day(b)).unwrap_or_default(),
            &e.title,
            e.summary.as_deref().unwrap_or(""),
            e.note.as_deref().unwrap_or(""),
            &sources.join("; "),
            &docs.join("; "),
            &quotes.join("\r\n"),
            &alternatives.join("; "),
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_lines_fold_at_75_octets_on_char_boundaries() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é".repeat(60));
        ics_line(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn ics_times_keep_clock_times_and_range_ends() {
        let when = |v: &str, end: Option<&str>| annals_model::When {
            end: end.map(|e| e.parse().unwrap()),
            ..annals_model::When::new(v.parse().unwrap(), None)
        };
        let table = [
            (
                when("2019-09-25", None),
                ";VALUE=DATE:20190925",
                ";VALUE=DATE:20190926",
            ),
            (
                when("2019-09-25T14:30", None),
                ":20190925T143000",
                ":20190925T153000",
            ),
            (
                when("2019-09-25TMO", None),
                ";VALUE=DATE:20190925",
                ";VALUE=DATE:20190926",
            ),
            (
                when("2019-09-25", Some("2019-09-27")),
                ";VALUE=DATE:20190925",
                ";VALUE=DATE:20190928",
            ),
        ];
        for (w, start, end) in table {
            assert_eq!(ics_times(&w), Some((start.into(), end.into())), "{w:?}");
        }
    }

    #[test]
    fn ics_text_escapes() {
        assert_eq!(ics_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let table = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("@cmd", "'@cmd"),
        ];
        for (input, want) in table {
            assert_eq!(csv_field(input), want, "{input}");
        }
    }

    #[test]
    fn markwhen_text_cannot_start_an_event() {
        assert_eq!(mw_text("2019: a year"), "— 2019: a year");
        assert_eq!(mw_text("section Foo"), "— section Foo");
        assert_eq!(mw_text("plain\ntext"), "plain text");
        assert_eq!(mw_text("Note: a: b"), "— Note: a: b");
        assert_eq!(mw_text("Putin said: yes"), "Putin said: yes");
    }
}
