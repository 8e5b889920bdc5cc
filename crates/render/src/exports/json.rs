//! `timeline.json`: the timeline in annals' own schema, version 1.
//!
//! ```text
//! {
//!   "schema": "annals-timeline/1",
//!   "title": "Maduro visits Putin",
//!   "events": [
//!     {
//!       "id": "e3f1c2...",              stable event id
//!       "value": "2019-09-25",          TimeML value of the date
//!       "mod": "START",                 TimeML mod (omitted when none)
//!       "until": "2013",                TimeML value of a range's end (omitted when none)
//!       "precision": "day",             century|decade|year|half|quarter|season|
//!                                       month|week|day|part-of-day|time|none
//!       "label": "Wednesday 25 September 2019",   the date in words
//!       "start": "2019-09-25",          first day covered (omitted when unknown)
//!       "end": "2019-09-25",            last day covered, inclusive, to the end
//!                                       of a range (idem)
//!       "title": "Putin meets Maduro",
//!       "summary": "...",               (omitted when none)
//!       "note": "...",                  from annals.yaml (omitted when none)
//!       "salience": 1000000001100305,   how central the event is (higher: more):
//!                                       10^15 when two independent sources report
//!                                       it, plus how much the articles point at
//!                                       its date ×10^5, plus its own sources ×100
//!       "alternatives": [               other dates sources give (omitted when none)
//!         { "value": "2019-01-23", "mod": "APPROX", "label": "...",
//!           "docs": ["004_3bbc4a77e2b0eceb.txt"] }
//!       ],
//!       "citations": [
//!         {
//!           "doc": "000_0d1d1294870afd6c.txt",   the article file name
//!           "source": "Bloomberg",               (omitted when unknown)
//!           "url": "https://...",                (http/https only; omitted otherwise)
//!           "quote": "the sentence, verbatim"
//!         }
//!       ]
//!     }
//!   ],
//!   "sources": [
//!     { "doc": "...", "title": "...", "source": "...", "url": "...",
//!       "published": "2019-09-25" }       (title, source, url omitted when unknown;
//!                                          url only when http/https)
//!   ]
//! }
//! ```
//!
//! Events keep the timeline's order. Additions to the schema add optional
//! fields; a change that breaks readers bumps the `schema` version.

use annals_model::{Event, Timeline};
use serde::Serialize;

use crate::RenderError;
use crate::dates::date_label;
use crate::url::safe_url;

/// The schema identifier written in every file.
pub const SCHEMA: &str = "annals-timeline/1";

#[derive(Serialize)]
struct TimelineJson<'a> {
    schema: &'static str,
    title: &'a str,
    events: Vec<EventJson<'a>>,
    sources: Vec<SourceJson<'a>>,
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<&'a str>,
    precision: &'static str,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    salience: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<AlternativeJson<'a>>,
    citations: Vec<CitationJson<'a>>,
}

#[derive(Serialize)]
struct AlternativeJson<'a> {
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'static str>,
    label: String,
    docs: &'a [String],
}

#[derive(Serialize)]
struct CitationJson<'a> {
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    quote: &'a str,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    published: String,
}

fn event(e: &Event) -> EventJson<'_> {
    let bounds = crate::dates::when_span(&e.when);
    EventJson {
        id: &e.id,
        value: e.when.value.as_str(),
        modifier: e.when.modifier.map(|m| m.as_str()),
        until: e.when.end.as_ref().map(|v| v.as_str()),
        precision: crate::dates::precision_name(e.when.precision()),
        label: date_label(&e.when),
        start: bounds.map(|(a, _)| a.format("%Y-%m-%d").to_string()),
        end: bounds.map(|(_, b)| b.format("%Y-%m-%d").to_string()),
        title: &e.title,
        summary: e.summary.as_deref(),
        note: e.note.as_deref(),
        salience: e.salience,
        alternatives: e
            .alternatives
            .iter()
            .map(|a| AlternativeJson {
                value: a.when.value.as_str(),
                modifier: a.when.modifier.map(|m| m.as_str()),
                label: date_label(&a.when),
                docs: &a.docs,
            })
            .collect(),
        citations: e
            .citations
            .iter()
            .map(|c| CitationJson {
                doc: &c.doc,
                source: c.source.as_deref(),
                url: c.url.as_deref().and_then(safe_url),
                quote: &c.quote,
            })
            .collect(),
    }
}

/// `timeline.json`, pretty-printed, ending with a newline.
pub(crate) fn render(timeline: &Timeline) -> Result<String, RenderError> {
    let doc = TimelineJson {
        schema: SCHEMA,
        title: &timeline.title,
        events: timeline.events.iter().map(event).collect(),
        sources: timeline
            .sources
            .iter()
            .map(|s| SourceJson {
                doc: &s.doc,
                title: s.title.as_deref(),
                source: s.source.as_deref(),
                url: s.url.as_deref().and_then(safe_url),
                published: s.published.format("%Y-%m-%d").to_string(),
            })
            .collect(),
    };
    let mut out =
        serde_json::to_string_pretty(&doc).map_err(|e| RenderError::Json(e.to_string()))?;
    out.push('\n');
    Ok(out)
}
