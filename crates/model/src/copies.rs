//! Near-identical articles: one wire story carried by several outlets, or
//! one article updated and published again.
//!
//! Each copy stays a citation — a reader may trust one outlet more than
//! another — but copies confirm a happening once: "six sources" that are
//! one agency's text are one source. Two articles are copies when they
//! share at least [`MIN_SHARED`] quoted sentences word for word and those
//! are at least half the quoted sentences of the shorter one. A sentence
//! quoted by more than [`MAX_CARRIERS`] articles (a standard paragraph of
//! background) says nothing about which articles copy which, and is not
//! looked at, so the cost stays linear in the citations.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::{Event, SourceInfo};

/// The least number of identical quoted sentences two copies share.
const MIN_SHARED: usize = 3;
/// Sentences quoted by more articles than this are boilerplate.
const MAX_CARRIERS: usize = 20;

/// For each article that copies another, the earliest article of its
/// copies (by publication day, then id); articles that copy nothing are
/// absent.
pub(crate) fn originals<'a>(
    sources: &'a [SourceInfo],
    events: &'a [Event],
) -> BTreeMap<&'a str, &'a str> {
    let mut order: Vec<&SourceInfo> = sources.iter().collect();
    order.sort_by(|a, b| (a.published, &a.doc).cmp(&(b.published, &b.doc)));
    let index: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, s)| (s.doc.as_str(), i))
        .collect();
    let quotes = quotes_by_document(&index, order.len(), events);
    let mut carriers: HashMap<&str, Vec<usize>> = HashMap::default();
    for (doc, qs) in quotes.iter().enumerate() {
        for q in qs {
            carriers.entry(q).or_default().push(doc);
        }
    }
    let mut parent: Vec<usize> = (0..order.len()).collect();
    for (doc, qs) in quotes.iter().enumerate() {
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for q in qs {
            let docs = &carriers[q];
            if docs.len() <= MAX_CARRIERS {
                for &other in docs.iter().filter(|&&o| o < doc) {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        for (other, n) in shared {
            if n >= MIN_SHARED && 2 * n >= qs.len().min(quotes[other].len()) {
                union(&mut parent, doc, other);
            }
        }
    }
    (0..order.len())
        .filter_map(|i| {
            let root = find(&mut parent, i);
            (root != i).then(|| (order[i].doc.as_str(), order[root].doc.as_str()))
        })
        .collect()
}

/// Each of the `n` articles' distinct quoted sentences, by its place in
/// the order (an id given twice names its last place).
fn quotes_by_document<'a>(
    index: &HashMap<&str, usize>,
    n: usize,
    events: &'a [Event],
) -> Vec<Vec<&'a str>> {
    let mut quotes: Vec<Vec<&str>> = vec![Vec::new(); n];
    for c in events.iter().flat_map(|e| &e.citations) {
        if let Some(&i) = index.get(c.doc.as_str()) {
            quotes[i].push(c.quote.as_str());
        }
    }
    for qs in &mut quotes {
        qs.sort_unstable();
        qs.dedup();
    }
    quotes
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins the sets of `a` and `b`, the earlier article as the root.
fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (root, child) = (ra.min(rb), ra.max(rb));
    parent[child] = root;
}

#[cfg(test)]
mod tests;
