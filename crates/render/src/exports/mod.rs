//! The exports beside the page: annals' own JSON ([`json`]), TimelineJS 3
//! JSON, Markwhen text, iCalendar and CSV. Each is a pure function of the
//! timeline: no clock, no environment, so the bytes are reproducible.

pub mod json;

use annals_model::{Event, Timeline};
use annals_parse::Precision;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::RenderError;
use crate::dates::{date_label, span};
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
        out.push_str(&format!(
            "<blockquote>{}</blockquote><p>— {credit}</p>",
            html(&c.quote)
        ));
    }
    out
}

/// `timelinejs.json`: TimelineJS 3's JSON format. Every text is escaped
/// HTML (TimelineJS renders `text` as HTML). Events without a calendar
/// position are left out: TimelineJS needs a `start_date`. Periods coarser
/// than a day get an `end_date`, so that they are drawn as spans.
pub(crate) fn timelinejs(timeline: &Timeline) -> Result<String, RenderError> {
    let events = timeline
        .events
        .iter()
        .filter_map(|e| {
            let precision = e.when.precision()?;
            let (first, last) = span(&e.when.value)?;
            Some(TjsSlide {
                unique_id: Some(format!("e-{}", e.id)),
                start_date: Some(tjs_date(first, precision)),
                end_date: (first != last).then(|| tjs_date(last, precision)),
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
/// collapsed, and a line that Markwhen could read as an event, a section or
/// a comment gets a leading "— " so it stays text.
fn mw_text(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = line.to_ascii_lowercase();
    let risky = line.starts_with(|c: char| c.is_ascii_digit() || "#/-*>[".contains(c))
        || ["section", "group", "endsection", "endgroup", "now", "today"]
            .iter()
            .any(|k| lower.starts_with(k));
    if risky { format!("— {line}") } else { line }
}

/// `timeline.mw`: Markwhen text. Days are written `2019-09-25`; periods as
/// day ranges `2018-12-01/2018-12-31` so Markwhen draws them as spans, with
/// the date in words on the first description line. Undated events are
/// listed in comments at the end.
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
        let Some((first, last)) = span(&e.when.value) else {
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
        if first != last || e.when.modifier.is_some() {
            out.push_str(&format!("When: {}\n", mw_text(&date_label(&e.when))));
        }
        if let Some(s) = &e.summary {
            out.push_str(&mw_text(s));
            out.push('\n');
        }
        if let Some(n) = &e.note {
            out.push_str(&format!("Note: {}\n", mw_text(n)));
        }
        for c in &e.citations {
            let source = c.source.as_deref().unwrap_or(&c.doc);
            out.push_str(&format!("> {} — {}\n", mw_text(&c.quote), mw_text(source)));
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

/// `timeline.ics`: one all-day VEVENT per day-precision event (days, parts
/// of days, times). UIDs are `<event id>@annals`; DTSTAMP, which RFC 5545
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
        let Some((day, _)) = span(&e.when.value) else {
            continue;
        };
        let Some(next) = day.succ_opt() else {
            continue;
        };
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}@annals", ics_text(&e.id)));
        let dtstamp = stamp
            .clone()
            .unwrap_or_else(|| day.format("%Y%m%dT000000Z").to_string());
        ics_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        ics_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
        );
        ics_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
        );
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
            description.push(format!("“{}” — {source}", c.quote));
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
/// citations are joined: sources and docs by `; `, quotes by a line break.
pub(crate) fn csv(timeline: &Timeline) -> String {
    let mut out = String::new();
    let mut row = |fields: &[&str]| {
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    row(&[
        "id", "value", "mod", "label", "start", "end", "title", "summary", "note", "sources",
        "docs", "quotes",
    ]);
    for e in &timeline.events {
        let bounds = span(&e.when.value);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let sources: Vec<&str> = e
            .citations
            .iter()
            .map(|c| c.source.as_deref().unwrap_or(&c.doc))
            .collect();
        let docs: Vec<&str> = e.citations.iter().map(|c| c.doc.as_str()).collect();
        let quotes: Vec<&str> = e.citations.iter().map(|c| c.quote.as_str()).collect();
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
    }
}
