//! # annals-model
//!
//! Documents, events and timelines: the middle of the annals pipeline.
//! [`ingest`] turns a file's bytes into articles; [`pipeline`] runs the
//! rest as library calls (an article and `annals.yaml` → a [`Document`];
//! a document → its event mentions as [`records::Mention`]s, the map
//! step; documents' records and `annals.yaml` → a [`Timeline`], the
//! reduce step). [`Timeline::build`] groups the event mentions that
//! `annals-parse` finds in several documents into events, and
//! [`overrides`] applies the corrections a person writes in `annals.yaml`.
//! [`records`] writes and reads the mention files that carry the map's
//! output to the reduce, in another process or on another machine.
//!
//! The crate does no I/O and never reads the clock: callers pass documents
//! (text plus metadata) in and get a [`Timeline`] back. The map step of
//! [`pipeline`] needs the `pipeline` feature (on by default), which brings
//! `annals-parse`'s tagger.

#![deny(missing_docs)]

mod attention;
pub(crate) mod build;
pub mod config;
mod copies;
pub mod diag;
pub mod ingest;
mod key;
pub mod overrides;
pub mod pipeline;
mod pool;
pub mod records;
pub mod store;

pub use diag::{Diagnostic, Warning};

use std::ops::Range;

use annals_parse::{Mod, Precision, Value};
use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize};

/// One article, decoded and cleaned, with its metadata. It serialises as
/// a line of `annals articles --format jsonl` (`id` as `doc`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the file name, e.g. `000_0d1d1294870afd6c.txt`.
    #[serde(rename = "doc")]
    pub id: String,
    /// The headline, when known.
    pub title: Option<String>,
    /// The outlet, e.g. "Bloomberg".
    pub source: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// The publication date: the anchor of every relative date in `text`.
    pub published: NaiveDate,
    /// The article body, boilerplate removed.
    pub text: String,
}

impl Document {
    /// The headline: the metadata's, else the text's first line; a longer
    /// line than [`HEADLINE_CHARS`] characters gives its first sentence
    /// when that fits, else is cut at a word ("…" marks the cut).
    pub fn headline(&self) -> Option<String> {
        if let Some(title) = &self.title {
            return Some(title.clone());
        }
        let line = self
            .text
            .lines()
            .map(|l| l.trim_start_matches(['•', '*', '-', '·', ' ', '\t']).trim())
            .find(|l| !l.is_empty())?;
        // Only the line's start can be the headline: a text on one long
        // line must not cost its length per sentence end.
        let line = line
            .char_indices()
            .nth(HEADLINE_CHARS + 2)
            .map_or(line, |(end, _)| &line[..end]);
        Some(shorten(first_sentence(line), HEADLINE_CHARS))
    }
}

/// The longest headline [`Document::headline`] takes from a text.
pub const HEADLINE_CHARS: usize = 120;

/// The first sentence of a line longer than [`HEADLINE_CHARS`], when it
/// ends within that length; else the line.
fn first_sentence(line: &str) -> &str {
    if line.chars().count() <= HEADLINE_CHARS {
        return line;
    }
    line.match_indices(['.', '?', '!'])
        .map(|(i, _)| i + 1)
        .filter(|&end| line[end..].starts_with(' ') && line[..end].chars().count() >= 20)
        .find(|&end| line[..end].chars().count() <= HEADLINE_CHARS)
        .map_or(line, |end| &line[..end])
}

/// `text` cut at the last word that fits in `max` characters, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 >= max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max - 1).collect();
    }
    out.push('…');
    out
}

/// When an event happened: a TimeML value at its own precision, with a
/// modifier when the text qualifies it ("early October" is `START` of
/// `2019-10`), and an end when the text gives a range ("from 2005 to
/// 2013" is `2005` to `2013`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "WhenFields")]
pub struct When {
    /// The TimeML value, e.g. `2018-12` or `2019-09-25`: the start of a
    /// range.
    pub value: Value,
    /// `START`, `MID`, `END`, `APPROX`, ... when the text says so.
    pub modifier: Option<Mod>,
    /// The last value of a range, which ends after `value` ends
    /// (serialized as `until`).
    pub end: Option<Value>,
}

impl When {
    /// A single date (no range).
    pub fn new(value: Value, modifier: Option<Mod>) -> When {
        When {
            value,
            modifier,
            end: None,
        }
    }

    /// The date a mention gives, with the end of its range.
    pub fn of(mention: &annals_parse::EventMention) -> When {
        When {
            value: mention.value.clone(),
            modifier: mention.modifier,
            end: mention.end.clone(),
        }
    }

    /// The first and last day the date covers, to the end of a range.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        let (first, last) = self.value.bounds()?;
        let last = match self.end.as_ref().and_then(Value::bounds) {
            Some((_, end)) if end > last => end,
            _ => last,
        };
        Some((first, last))
    }

    /// The precision of the date (month, day, ...).
    pub fn precision(&self) -> Option<Precision> {
        self.value.precision()
    }

    /// The first day the date covers, used to order the timeline.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.value.bounds().map(|(first, _)| first)
    }
}

/// A quotation that supports an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The document the quote comes from (its id, the file name).
    pub doc: String,
    /// The outlet, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article URL, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The sentence, verbatim.
    pub quote: String,
    /// Byte range of the quote in the document text (not written: read
    /// back, it is empty).
    #[serde(skip)]
    pub span: Range<usize>,
}

/// A [`When`] as it is written: TimeML strings.
#[derive(Deserialize)]
struct WhenFields {
    value: String,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    until: Option<String>,
}

impl TryFrom<WhenFields> for When {
    type Error = String;

    fn try_from(w: WhenFields) -> Result<When, String> {
        let value = |s: &str| s.parse::<Value>().map_err(|e| e.to_string());
        Ok(When {
            value: value(&w.value)?,
            modifier: w
                .modifier
                .map(|m| m.parse::<Mod>().map_err(|e| e.to_string()))
                .transpose()?,
            end: w.until.as_deref().map(value).transpose()?,
        })
    }
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("When", 3)?;
        s.serialize_field("value", self.value.as_str())?;
        if let Some(m) = self.modifier {
            s.serialize_field("mod", m.as_str())?;
        } else {
            s.skip_field("mod")?;
        }
        if let Some(end) = &self.end {
            s.serialize_field("until", end.as_str())?;
        } else {
            s.skip_field("until")?;
        }
        s.end()
    }
}

/// One happening on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable, content-derived id (survives unrelated changes).
    pub id: String,
    /// When it happened.
    #[serde(flatten)]
    pub when: When,
    /// A short title.
    pub title: String,
    /// A longer summary, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The quotes that report it, at most one per document.
    pub citations: Vec<Citation>,
    /// A note added by a person in annals.yaml.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Dates other sources give when they disagree with `when`, each with
    /// the documents that give it (see [`Timeline::build`] for the rule
    /// that picks `when`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// True for events a person added in annals.yaml: they are kept
    /// whatever the salience filters say.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
    /// How central the event is to the collection: first how much the
    /// articles point at its date (later articles retelling its day count
    /// most), then its own sources, mentions and the collection's main
    /// actors (see the `attention` module and [`Timeline::keep_salient`]).
    pub salience: u64,
}

/// The whole timeline: a title and its events in date order. It
/// serialises as `annals events --format json` prints it and reads back
/// from it (see [`Timeline::from_json`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// The page title.
    pub title: String,
    /// The events, sorted by date.
    pub events: Vec<Event>,
    /// The documents it was built from, by id.
    pub sources: Vec<SourceInfo>,
    /// Days the documents cite in clauses that make no headline ("… was
    /// found on Tuesday"): no event shows them, yet they tell how much a
    /// day is talked about (see the `attention` module). Not serialised:
    /// a timeline read back from JSON weighs its events' citations alone.
    #[serde(skip)]
    pub also_cited: Vec<DayCited>,
}

/// A day a document cites in a clause that makes no headline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayCited {
    /// The document's id.
    pub doc: String,
    /// The day.
    pub day: NaiveDate,
}

/// A date for an event that some sources give and the timeline did not
/// choose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    /// The date those sources give.
    #[serde(flatten)]
    pub when: When,
    /// The documents (ids) that give it.
    pub docs: Vec<String>,
}

impl Timeline {
    /// Reads a timeline back from the JSON `annals events --format json`
    /// prints (`file` names it in diagnostics). That JSON is a stable
    /// interface and carries no version, so that its bytes stay as they
    /// are; it is schema 1, and a later one will say `"schema": 2`, which
    /// this version refuses. Errors point at the line and column.
    ///
    /// ```
    /// let t = annals_model::Timeline {
    ///     title: "T".into(),
    ///     events: Vec::new(),
    ///     sources: Vec::new(),
    ///     also_cited: Vec::new(),
    /// };
    /// let json = serde_json::to_string_pretty(&t).expect("plain data");
    /// assert_eq!(annals_model::Timeline::from_json("events.json", &json), Ok(t));
    /// ```
    pub fn from_json(file: &str, json: &str) -> Result<Timeline, Diagnostic> {
        #[derive(Deserialize)]
        struct Version {
            schema: Option<serde_json::Value>,
        }
        let at = |e: &serde_json::Error| {
            let line_start: usize = json
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum();
            let col = json[line_start..]
                .char_indices()
                .nth(e.column().saturating_sub(1))
                .map_or(json.len() - line_start, |(i, _)| i);
            line_start + col
        };
        let fail = |e: serde_json::Error| {
            let message = e.to_string();
            let message = crate::diag::strip_position(&message).to_owned();
            let at = at(&e);
            Diagnostic::at(
                file,
                json,
                at..at + 1,
                format!("not an annals timeline: {message}"),
            )
            .with_help("give the JSON `annals events --format json` prints")
        };
        let version: Version = serde_json::from_str(json).map_err(fail)?;
        if let Some(v) = version
            .schema
            .filter(|v| v.as_u64() != Some(u64::from(records::SCHEMA)))
        {
            let at = json.find("\"schema\"").unwrap_or(0);
            return Err(Diagnostic::at(
                file,
                json,
                at..at + 8,
                format!(
                    "timeline schema {v} is not one this annals reads (it reads schema {})",
                    records::SCHEMA
                ),
            )
            .with_help("read it with the annals that wrote it"));
        }
        serde_json::from_str(json).map_err(fail)
    }

    /// Keeps the events cited by at least `min_sources` documents and, of
    /// those, the `top` key events ([`Timeline::key_events`]: the most
    /// salient, each happening once), still in date order. Events added by
    /// hand are always kept.
    pub fn keep_salient(&mut self, top: Option<usize>, min_sources: Option<usize>) {
        let min = min_sources.unwrap_or(0);
        self.events.retain(|e| e.added || e.citations.len() >= min);
        if let Some(top) = top.filter(|&n| n < self.events.len()) {
            let keep: std::collections::BTreeSet<usize> =
                self.key_events(top).into_iter().collect();
            let mut i = 0;
            self.events.retain(|e| {
                let kept = keep.contains(&i) || e.added;
                i += 1;
                kept
            });
        }
    }
}

/// What the timeline says about each input document: the document
/// without its text. Also the document line of a mention file (see
/// [`records`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The document id (file name).
    pub doc: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub source: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Its publication date.
    pub published: NaiveDate,
}

/// A short, stable identifier derived from content: `ev-` and 8 hex digits
/// of the 64-bit FNV-1a hash of `parts` (separated by a unit separator).
///
/// Stable across platforms, runs and Rust versions, unlike `std`'s hasher,
/// so that ids written into annals.yaml keep pointing at the same event.
///
/// ```
/// assert_eq!(annals_model::stable_id(&["2018-12", "visit"]), annals_model::stable_id(&["2018-12", "visit"]));
/// assert_ne!(annals_model::stable_id(&["2018-12", "visit"]), annals_model::stable_id(&["2018-12", "visits"]));
/// ```
pub fn stable_id(parts: &[&str]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash = (hash ^ 0x1f).wrapping_mul(PRIME);
        }
        for byte in part.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    }
    format!("ev-{:08x}", (hash >> 32) ^ (hash & 0xffff_ffff))
}

#[cfg(test)]
mod headline_tests {
    use super::*;

    fn doc(title: Option<&str>, text: &str) -> Document {
        Document {
            id: "a.txt".into(),
            title: title.map(Into::into),
            source: None,
            url: None,
            published: NaiveDate::from_ymd_opt(2020, 1, 1).expect("a valid date"),
            text: text.into(),
        }
    }

    #[test]
    fn headline_from_metadata_else_the_first_line() {
        let long = "word ".repeat(40);
        let table: &[(Option<&str>, &str, Option<&str>)] = &[
            (Some("Given"), "First line\nBody.", Some("Given")),
            (None, "\n  First line  \nBody.", Some("First line")),
            (None, "• Bulleted line\nBody.", Some("Bulleted line")),
            (None, "", None),
        ];
        for (title, text, want) in table {
            assert_eq!(doc(*title, text).headline().as_deref(), *want, "{text}");
        }
        let sentences = format!("A first sentence of the line. {long}");
        assert_eq!(
            doc(None, &sentences).headline().as_deref(),
            Some("A first sentence of the line.")
        );
        let cut = doc(None, &long).headline().expect("a first line");
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= HEADLINE_CHARS, "{cut}");
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn the_seeds_timeline_reads_back_and_prints_the_same_bytes() {
        let golden = include_str!("../../../tests/golden/events.json");
        let timeline = Timeline::from_json("events.json", golden).expect("the golden timeline");
        assert!(timeline.events.iter().any(|e| e.when.modifier.is_some()));
        let printed = serde_json::to_string_pretty(&timeline).expect("plain data") + "\n";
        assert!(printed == golden, "the timeline printed back differs");
        // What the seeds lack: an alternative date, a range, a note, an
        // added event.
        let mut more = timeline.clone();
        let event = &mut more.events[0];
        event.alternatives.push(Alternative {
            when: When {
                value: "2019-09".parse().expect("a value"),
                modifier: None,
                end: Some("2020".parse().expect("a value")),
            },
            docs: vec!["a.txt".into()],
        });
        event.note = Some("checked".into());
        event.added = true;
        let json = serde_json::to_string(&more).expect("plain data");
        assert_eq!(Timeline::from_json("t.json", &json), Ok(more));
    }

    #[test]
    fn a_document_reads_back_as_itself_and_as_an_article_line() {
        let doc = Document {
            id: "a.txt".into(),
            title: Some("Headline".into()),
            source: None,
            url: Some("https://news.example/a".into()),
            published: NaiveDate::from_ymd_opt(2019, 9, 25).expect("a valid date"),
            text: "Body, é.\n\nMore.".into(),
        };
        let line = serde_json::to_string(&doc).expect("plain data");
        assert!(line.starts_with("{\"doc\":\"a.txt\""), "{line}");
        assert_eq!(
            serde_json::from_str::<Document>(&line).expect("a document"),
            doc
        );
        let article = ingest::JsonLines::new("d.jsonl", "d.jsonl")
            .article(1, &line)
            .expect("an article line")
            .expect("not blank");
        let config = config::Config::default();
        assert_eq!(pipeline::document(&article, &config), Some(doc));
    }

    #[test]
    fn a_bad_timeline_says_where() {
        let bad = "{\"title\": \"T\", \"sources\": [],\n \"events\": [{\"id\": \"ev-1\", \"value\": \"2019-13\", \"title\": \"E\", \"citations\": [], \"salience\": 1}]}";
        let e = Timeline::from_json("events.json", bad).expect_err("a bad month");
        assert_eq!(e.line_col().map(|(line, _)| line), Some(2), "{e}");
        assert!(e.message.contains("2019-13"), "{e}");
        let later = "{\"schema\": 2, \"title\": \"T\", \"events\": [], \"sources\": []}";
        let e = Timeline::from_json("events.json", later).expect_err("schema 2");
        assert!(e.message.contains("timeline schema 2"), "{e}");
    }
}
