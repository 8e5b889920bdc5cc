//! A collection's mention records held compactly for the reduce.
//!
//! A [`Mention`] record stands alone (it is a line of a mention file), so
//! each one owns a dozen small strings: its document id, value, lemma and
//! every name. Held for a whole collection that is most of the reduce's
//! memory, and mostly repeats. A [`MentionStore`] keeps each mention as
//! one small record: names, lemmas and values are interned (held once,
//! named by number), the document is its index among the sources, and
//! only the quote and title keep a string of their own (the quote moves
//! into the event's citation when the timeline is built).
//!
//! ```
//! use annals_model::store::MentionStore;
//! let mut store = MentionStore::default();
//! store.push(0, Vec::new());
//! assert!(store.is_empty());
//! ```

use std::ops::Range;

use annals_parse::{Mod, Value};
use rustc_hash::FxHashMap as HashMap;

use crate::records::Mention;

/// Strings met many times, each held once and named by its number.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    ids: HashMap<Box<str>, u32>,
    all: Vec<Box<str>>,
}

impl Interner {
    /// The number of `s`, given one if it is new.
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.all.len() as u32;
        self.ids.insert(s.into(), id);
        self.all.push(s.into());
        id
    }

    /// How many strings it holds (numbered from 0).
    pub(crate) fn len(&self) -> usize {
        self.all.len()
    }

    /// The string numbered `id`.
    pub(crate) fn get(&self, id: u32) -> &str {
        self.all.get(id as usize).map_or("", |s| s)
    }
}

/// One mention as the store holds it: [`Mention`]'s fields, with its
/// document as an index and its names, lemma and values as numbers.
#[derive(Debug)]
pub(crate) struct Stored {
    /// The index of its document among the sources.
    pub(crate) doc: usize,
    pub(crate) sentence: Range<usize>,
    pub(crate) clause: Range<usize>,
    pub(crate) trigger: Range<usize>,
    pub(crate) timex: Range<usize>,
    /// Index into [`MentionStore::values`].
    pub(crate) value: u32,
    pub(crate) end: Option<u32>,
    pub(crate) modifier: Option<Mod>,
    /// Interned.
    pub(crate) lemma: u32,
    pub(crate) title: Box<str>,
    /// Taken (left empty) when the timeline cites it.
    pub(crate) quote: Box<str>,
    /// Interned participants, then actors, then places.
    names: Box<[u32]>,
    /// How many of `names` are participants, and actors.
    split: [u16; 2],
    pub(crate) negated: bool,
}

impl Stored {
    /// Names in the sentence, folded (interned).
    pub(crate) fn participants(&self) -> &[u32] {
        &self.names[..usize::from(self.split[0])]
    }

    /// Names in the clause and the title (interned).
    pub(crate) fn actors(&self) -> &[u32] {
        let a = usize::from(self.split[0]);
        &self.names[a..a + usize::from(self.split[1])]
    }

    /// Countries the clause or title names (interned).
    pub(crate) fn places(&self) -> &[u32] {
        &self.names[usize::from(self.split[0]) + usize::from(self.split[1])..]
    }

    /// The clause, verbatim.
    pub(crate) fn summary(&self) -> &str {
        self.in_quote(&self.clause)
    }

    /// The trigger word as the text spells it.
    pub(crate) fn trigger_word(&self) -> &str {
        self.in_quote(&self.trigger)
    }

    fn in_quote(&self, range: &Range<usize>) -> &str {
        let start = range.start.saturating_sub(self.sentence.start);
        let end = range.end.saturating_sub(self.sentence.start);
        self.quote.get(start..end).unwrap_or_default()
    }
}

/// A list longer than a u16 counts (never met) keeps its first names.
fn cap(names: &[String]) -> &[String] {
    &names[..names.len().min(usize::from(u16::MAX))]
}

/// The mention records of a collection, held compactly for
/// [`crate::Timeline::from_store`] (see the module docs).
#[derive(Debug, Default)]
pub struct MentionStore {
    pub(crate) names: Interner,
    pub(crate) values: Vec<Value>,
    value_ids: HashMap<Value, u32>,
    pub(crate) mentions: Vec<Stored>,
}

impl MentionStore {
    /// Adds the mentions of the document `doc` (its index among the
    /// sources the timeline is built from).
    pub fn push(&mut self, doc: usize, mentions: Vec<Mention>) {
        self.mentions.reserve(mentions.len());
        for m in mentions {
            let stored = self.stored(doc, m);
            self.mentions.push(stored);
        }
    }

    /// Whether it holds no mention.
    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty()
    }

    fn stored(&mut self, doc: usize, m: Mention) -> Stored {
        let (p, a, c) = (cap(&m.participants), cap(&m.actors), cap(&m.places));
        let names: Box<[u32]> = p
            .iter()
            .chain(a)
            .chain(c)
            .map(|n| self.names.intern(n))
            .collect();
        Stored {
            doc,
            value: self.value(m.value),
            end: m.end.map(|e| self.value(e)),
            lemma: self.names.intern(&m.lemma),
            names,
            split: [p.len() as u16, a.len() as u16],
            sentence: m.sentence,
            clause: m.clause,
            trigger: m.trigger,
            timex: m.timex,
            modifier: m.modifier,
            title: m.title.into_boxed_str(),
            quote: m.quote.into_boxed_str(),
            negated: m.negated,
        }
    }

    fn value(&mut self, v: Value) -> u32 {
        if let Some(&id) = self.value_ids.get(&v) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(v.clone());
        self.value_ids.insert(v, id);
        id
    }

    /// The value numbered `id`.
    pub(crate) fn value_of(&self, id: u32) -> &Value {
        &self.values[id as usize]
    }
}
