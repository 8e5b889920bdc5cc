//! # annals-model
//!
//! Documents, events and timelines: the middle of the annals pipeline.
//! [`Timeline::build`] groups the event mentions that `annals-parse` finds in
//! several documents into events, and [`overrides`] applies the corrections
//! a person writes in `annals.yaml`.
//!
//! The crate does no I/O and never reads the clock: callers pass documents
//! (text plus metadata) in and get a [`Timeline`] back.

#![deny(missing_docs)]

mod build;
pub mod config;
pub mod diag;
pub mod ingest;
pub mod overrides;

pub use diag::{Diagnostic, Warning};

use std::ops::Range;

use annals_parse::{Mod, Precision, Value};
use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::SerializeStruct;

/// One article, decoded and cleaned, with its metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the file name, e.g. `000_0d1d1294870afd6c.txt`.
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

/// When an event happened: a TimeML value at its own precision, with a
/// modifier when the text qualifies it ("early October" is `START` of
/// `2019-10`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct When {
    /// The TimeML value, e.g. `2018-12` or `2019-09-25`.
    pub value: Value,
    /// `START`, `MID`, `END`, `APPROX`, ... when the text says so.
    pub modifier: Option<Mod>,
}

impl When {
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// Byte range of the quote in the document text.
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("When", 2)?;
        s.serialize_field("value", self.value.as_str())?;
        if let Some(m) = self.modifier {
            s.serialize_field("mod", m.as_str())?;
        } else {
            s.skip_field("mod")?;
        }
        s.end()
    }
}

/// One happening on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Stable, content-derived id (survives unrelated changes).
    pub id: String,
    /// When it happened.
    #[serde(flatten)]
    pub when: When,
    /// A short title.
    pub title: String,
    /// A longer summary, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The quotes that report it, at most one per document.
    pub citations: Vec<Citation>,
    /// A note added by a person in annals.yaml.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Dates other sources give when they disagree with `when`, each with
    /// the documents that give it (see [`Timeline::build`] for the rule
    /// that picks `when`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// True for events a person added in annals.yaml: they are kept
    /// whatever the salience filters say.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
    /// How central the event is to the collection: more sources, more
    /// mentions and the collection's main actors score higher (see
    /// [`Timeline::keep_salient`]).
    pub salience: u32,
}

/// The whole timeline: a title and its events in date order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The page title.
    pub title: String,
    /// The events, sorted by date.
    pub events: Vec<Event>,
    /// The documents it was built from, by id.
    pub sources: Vec<SourceInfo>,
}

/// A date for an event that some sources give and the timeline did not
/// choose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alternative {
    /// The date those sources give.
    #[serde(flatten)]
    pub when: When,
    /// The documents (ids) that give it.
    pub docs: Vec<String>,
}

impl Timeline {
    /// Keeps the events cited by at least `min_sources` documents and, of
    /// those, the `top` most salient, still in date order. Events added by
    /// hand are always kept.
    pub fn keep_salient(&mut self, top: Option<usize>, min_sources: Option<usize>) {
        let min = min_sources.unwrap_or(0);
        self.events.retain(|e| e.added || e.citations.len() >= min);
        if let Some(top) = top.filter(|&n| n < self.events.len()) {
            let mut ranked: Vec<(u32, usize)> = self
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| (e.salience, i))
                .collect();
            // Highest salience first; among equals, the earlier event.
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let keep: std::collections::BTreeSet<usize> =
                ranked.into_iter().take(top).map(|(_, i)| i).collect();
            let mut i = 0;
            self.events.retain(|e| {
                let kept = keep.contains(&i) || e.added;
                i += 1;
                kept
            });
        }
    }
}

/// What the timeline says about each input document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
