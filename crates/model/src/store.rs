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
    pub(crate) doc: u32,
    /// Byte ranges in the text, held as u32 (see [`offsets`]): a large
    /// collection holds hundreds of thousands of these records.
    sentence: [u32; 2],
    timex: [u32; 2],
    /// Byte ranges in the quote (not the text).
    clause: [u32; 2],
    trigger: [u32; 2],
    /// Index into [`MentionStore::values`].
    pub(crate) value: u32,
    /// Index into [`MentionStore::values`], or [`Stored::NO_END`].
    end: u32,
    pub(crate) modifier: Option<Mod>,
    /// Interned.
    pub(crate) lemma: u32,
    pub(crate) title: Box<str>,
    /// Taken (left empty) when the timeline cites it.
    pub(crate) quote: Box<str>,
    /// Where its names start in [`MentionStore::lists`]: participants,
    /// then actors, then places, interned.
    names_at: u32,
    /// How many participants, actors and places it has.
    split: [u16; 3],
    pub(crate) negated: bool,
}

impl Stored {
    const NO_END: u32 = u32::MAX;

    /// The end of the range the timex opens (index into the values).
    pub(crate) fn end(&self) -> Option<u32> {
        (self.end != Self::NO_END).then_some(self.end)
    }

    /// The sentence's byte range in the text.
    pub(crate) fn sentence(&self) -> Range<usize> {
        self.sentence[0] as usize..self.sentence[1] as usize
    }

    /// The timex's byte range in the text.
    pub(crate) fn timex(&self) -> Range<usize> {
        self.timex[0] as usize..self.timex[1] as usize
    }

    /// The clause's byte range in the quote.
    pub(crate) fn clause(&self) -> Range<usize> {
        self.clause[0] as usize..self.clause[1] as usize
    }

    /// The clause, verbatim.
    pub(crate) fn summary(&self) -> &str {
        self.quote.get(self.clause()).unwrap_or_default()
    }

    /// The trigger word as the text spells it.
    pub(crate) fn trigger_word(&self) -> &str {
        let [start, end] = self.trigger;
        self.quote
            .get(start as usize..end as usize)
            .unwrap_or_default()
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
    /// Every mention's names, end to end (see [`Stored::names_at`]).
    lists: Vec<u32>,
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
        // Past 4 Gi names (never met) a mention's names are lost.
        let names_at = u32::try_from(self.lists.len()).unwrap_or(u32::MAX);
        for n in p.iter().chain(a).chain(c) {
            let id = self.names.intern(n);
            self.lists.push(id);
        }
        // Offsets into a quote over 4 GiB (never met) cut it at its start.
        let from = m.sentence.start;
        let local = |r: &Range<usize>| {
            let at = |x: usize| u32::try_from(x.saturating_sub(from)).unwrap_or(0);
            [at(r.start), at(r.end)]
        };
        Stored {
            // Past u32 documents (never met) a mention is left out of the
            // timeline rather than filed under another document.
            doc: u32::try_from(doc).unwrap_or(u32::MAX),
            value: self.value(m.value),
            end: m.end.map_or(Stored::NO_END, |e| self.value(e)),
            lemma: self.names.intern(&m.lemma),
            names_at,
            split: [p.len() as u16, a.len() as u16, c.len() as u16],
            sentence: offsets(&m.sentence),
            clause: local(&m.clause),
            trigger: local(&m.trigger),
            timex: offsets(&m.timex),
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

    /// The names of `m`, participants, actors and places (interned).
    fn names_of(&self, m: &Stored, part: usize) -> &[u32] {
        let [p, a, c] = m.split.map(usize::from);
        let (from, len) = [(0, p), (p, a), (p + a, c)][part];
        let at = m.names_at as usize + from;
        self.lists.get(at..at + len).unwrap_or_default()
    }

    /// Names in the sentence of `m`, folded (interned).
    pub(crate) fn participants(&self, m: &Stored) -> &[u32] {
        self.names_of(m, 0)
    }

    /// Names in the clause and the title of `m` (interned).
    pub(crate) fn actors(&self, m: &Stored) -> &[u32] {
        self.names_of(m, 1)
    }

    /// Countries the clause or title of `m` names (interned).
    pub(crate) fn places(&self, m: &Stored) -> &[u32] {
        self.names_of(m, 2)
    }

    /// The value numbered `id`.
    pub(crate) fn value_of(&self, id: u32) -> &Value {
        &self.values[id as usize]
    }
}

/// A byte range of a text as two u32: a text over 4 GiB (never met) has
/// the offsets past that cut to u32::MAX.
fn offsets(r: &Range<usize>) -> [u32; 2] {
    let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    [at(r.start), at(r.end)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(quote: &str, start: usize, names: [&[&str]; 3]) -> Mention {
        let owned = |n: &[&str]| n.iter().map(|s| s.to_string()).collect();
        Mention {
            doc: "a.txt".into(),
            sentence: start..start + quote.len(),
            clause: start + 4..start + quote.len(),
            trigger: start + 10..start + 13,
            timex: start..start + 3,
            value: "2019-09-25".parse().expect("a value"),
            modifier: None,
            end: None,
            lemma: "meet".into(),
            title: "Putin met Maduro".into(),
            quote: quote.into(),
            participants: owned(names[0]),
            actors: owned(names[1]),
            places: owned(names[2]),
            negated: false,
        }
    }

    #[test]
    fn a_stored_mention_reads_back_as_pushed() {
        let mut store = MentionStore::default();
        let names: [&[&str]; 3] = [&["putin", "maduro"], &["putin"], &["russia"]];
        let quote = "Now Putin met Maduro.";
        store.push(0, vec![mention(quote, 100, names)]);
        store.push(1, vec![mention(quote, 7, [&["maduro"], &[], &[]])]);
        let [a, b] = &store.mentions[..] else {
            panic!("two mentions");
        };
        let spelled = |ids: &[u32]| -> Vec<String> {
            ids.iter().map(|&i| store.names.get(i).to_owned()).collect()
        };
        assert_eq!(spelled(store.participants(a)), ["putin", "maduro"]);
        assert_eq!(spelled(store.actors(a)), ["putin"]);
        assert_eq!(spelled(store.places(a)), ["russia"]);
        assert_eq!(spelled(store.participants(b)), ["maduro"]);
        assert!(store.actors(b).is_empty() && store.places(b).is_empty());
        // Interned once: both mentions name "maduro" by one number.
        assert_eq!(store.participants(a)[1], store.participants(b)[0]);
        assert_eq!((a.doc, b.doc), (0, 1));
        assert_eq!(a.value, b.value);
        assert_eq!(a.end(), None);
        assert_eq!(a.summary(), "Putin met Maduro.");
        assert_eq!(b.trigger_word(), "met");
    }
}
