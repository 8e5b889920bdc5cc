//! Building a timeline: grouping event mentions from several documents
//! into events.
//!
//! Mentions are grouped into happenings by what they say, who they name
//! and when (see [`cluster`]): each mention is a bag of words weighted by
//! rarity in the collection, and joins the most similar group whose date
//! nests with its own (`2018-12` and `2018-12-05` do; two different days
//! do not, unless sources a few days apart tell the same story). There is
//! no list of synonyms: the words around the trigger, the names and the
//! countries carry the comparison, and a group is only compared with
//! groups of its date, so the cost is linear in the mentions.
//!
//! An event's date is chosen by this rule: the date that the most
//! documents support (a document supports a date when one of its mentions
//! nests with it: `2018-12` supports `2018-12-05`); among equals the finest
//! precision; then the date given by the earliest-published document (the
//! first report); then the earliest date. Dates that conflict with the
//! chosen one are kept as [`crate::Event::alternatives`] with their
//! documents, so the page can show them side by side.
//!
//! Ids derive from the event's founding mention (its earliest document and
//! position), so they survive adding unrelated articles and overriding
//! titles.

use std::collections::{BTreeMap, BTreeSet};

use annals_parse::{EventMention, Precision, Value};
use chrono::NaiveDate;

pub(crate) mod cluster;

pub(crate) use cluster::words;

use crate::records::Mention;
use crate::store::{Interner, MentionStore, Stored};
use crate::{
    Alternative, Citation, DayCited, Document, Event, SourceInfo, Timeline, When, stable_id,
};

/// A mention with the document it comes from, its values looked up, and
/// its date's bounds and precision read once: clustering compares every
/// pair of mentions.
struct Item<'a> {
    store: &'a MentionStore,
    mention: &'a Stored,
    /// Its index in the store.
    at: usize,
    bounds: Option<(NaiveDate, NaiveDate)>,
    precision: Option<Precision>,
}

impl<'a> Item<'a> {
    fn new(store: &'a MentionStore, at: usize) -> Item<'a> {
        let mention = &store.mentions[at];
        let value = store.value_of(mention.value);
        Item {
            store,
            mention,
            at,
            bounds: value.bounds(),
            precision: value.precision(),
        }
    }

    /// The index of its document among the sources.
    fn doc(&self) -> usize {
        self.mention.doc as usize
    }

    fn value(&self) -> &'a Value {
        self.store.value_of(self.mention.value)
    }

    fn end(&self) -> Option<&'a Value> {
        self.mention.end().map(|e| self.store.value_of(e))
    }

    /// The trigger's base form.
    fn lemma(&self) -> &'a str {
        self.store.names.get(self.mention.lemma)
    }

    /// Names in the sentence, folded (interned).
    fn participants(&self) -> &'a [u32] {
        self.store.participants(self.mention)
    }

    /// Names in the clause and the title (interned).
    fn actors(&self) -> &'a [u32] {
        self.store.actors(self.mention)
    }

    /// Countries the clause or title names (interned).
    fn places(&self) -> &'a [u32] {
        self.store.places(self.mention)
    }
}

/// Whether two dates nest at their precisions.
fn compatible(a: &Item<'_>, b: &Item<'_>) -> bool {
    match (a.bounds, b.bounds) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let nested = (a0 >= b0 && a1 <= b1) || (b0 >= a0 && b1 <= a1);
            nested && a.precision.is_some() && b.precision.is_some()
        }
        _ => false,
    }
}

/// The names the collection mentions most: its main actors (interned).
fn leading_names(store: &MentionStore, docs: usize) -> Vec<u32> {
    let mut by_id: rustc_hash::FxHashMap<u32, usize> = Default::default();
    for m in store.mentions.iter().filter(|m| (m.doc as usize) < docs) {
        for &p in store.participants(m) {
            *by_id.entry(p).or_default() += 1;
        }
    }
    let counts: BTreeMap<&str, (usize, u32)> = by_id
        .into_iter()
        .map(|(id, n)| (store.names.get(id), (n, id)))
        .collect();
    let mut ranked: Vec<(&str, (usize, u32))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    ranked.into_iter().take(5).map(|(_, (_, id))| id).collect()
}

impl Timeline {
    /// Builds the timeline of `docs`, given each document's event mentions
    /// (`mentions[i]` belongs to `docs[i]`; entries past the documents are
    /// ignored). The same as [`Timeline::from_records`] on the documents'
    /// [`SourceInfo`] and the mentions' records.
    pub fn build(title: &str, docs: &[Document], mentions: &[Vec<EventMention>]) -> Timeline {
        let sources: Vec<SourceInfo> = docs.iter().map(SourceInfo::of).collect();
        let records: Vec<Vec<Mention>> = docs
            .iter()
            .zip(mentions)
            .map(|(doc, ms)| ms.iter().map(|m| Mention::new(doc, m)).collect())
            .collect();
        Timeline::from_records(title, &sources, &records)
    }

    /// Builds the timeline of the documents `sources` from their mention
    /// records (`mentions[i]` belongs to `sources[i]`): the reduce step,
    /// which needs no article text.
    pub fn from_records(
        title: &str,
        sources: &[SourceInfo],
        mentions: &[Vec<Mention>],
    ) -> Timeline {
        let mut store = MentionStore::default();
        for (doc, ms) in mentions.iter().enumerate().take(sources.len()) {
            store.push(doc, ms.clone());
        }
        Timeline::from_store(title, sources, store)
    }

    /// [`Timeline::from_records`] on records held in a [`MentionStore`]
    /// (mentions of document `i` pushed as document `i` of `sources`),
    /// which it takes: quotes move into the citations.
    pub fn from_store(title: &str, sources: &[SourceInfo], store: MentionStore) -> Timeline {
        Timeline::from_store_on(title, sources, store, 1)
    }

    /// [`Timeline::from_store`], working out the mentions' words on
    /// `workers` threads (at least one): the same timeline.
    pub fn from_store_on(
        title: &str,
        sources: &[SourceInfo],
        mut store: MentionStore,
        workers: usize,
    ) -> Timeline {
        let also_cited = days_cited_without_headline(sources, &store);
        let (mut events, cited) = events(sources, &store, workers);
        // Each mention is cited at most once: clusters do not overlap.
        for (e, c, at) in cited {
            let quote = std::mem::take(&mut store.mentions[at].quote);
            events[e].citations[c].quote = quote.into_string();
        }
        drop(store);
        sort_events(&mut events);
        let mut timeline = Timeline {
            title: title.to_owned(),
            events,
            sources: sources.to_vec(),
            also_cited,
        };
        timeline.weigh_attention();
        timeline
    }
}

/// The days the store's mentions without a title (no headline: see
/// [`annals_parse::events::EventMention::title`]) cite, by document: no
/// event is made of them.
fn days_cited_without_headline(sources: &[SourceInfo], store: &MentionStore) -> Vec<DayCited> {
    store
        .mentions
        .iter()
        .filter(|m| m.title.is_empty() && !m.negated)
        .filter_map(|m| {
            let doc = &sources.get(m.doc as usize)?.doc;
            let value = store.value_of(m.value);
            let fine = value.precision()? >= Precision::Day;
            let (day, _) = value.bounds().filter(|_| fine)?;
            Some(DayCited {
                doc: doc.clone(),
                day,
            })
        })
        .collect()
}

/// Which store mention each citation quotes: (event, citation, mention).
type Cited = Vec<(usize, usize, usize)>;

/// The events of the store's mentions, unsorted, their citations' quotes
/// left empty and said where to take from.
fn events(sources: &[SourceInfo], store: &MentionStore, workers: usize) -> (Vec<Event>, Cited) {
    let items = items(sources, store);
    let (clusters, typical) = clustered(&items, &store.names, workers);
    let collection = leading_names(store, sources.len());
    let mut cited = Vec::new();
    let events = clusters
        .iter()
        .zip(&typical)
        .enumerate()
        .map(|(e, (c, typical))| {
            let (event, quoted) = event(sources, &items, c, typical, &collection, &store.names);
            cited.extend(quoted.into_iter().enumerate().map(|(i, at)| (e, i, at)));
            event
        })
        .collect();
    (events, cited)
}

/// Clusters whose typicality a thread works out at a time.
const EVENTS_BATCH: usize = 256;

/// The store's mentions that are not negated and make a headline (see
/// [`days_cited_without_headline`] for the others), by document id, then
/// position: a deterministic order.
fn items<'a>(sources: &[SourceInfo], store: &'a MentionStore) -> Vec<Item<'a>> {
    // Sized once: a large vector that grows by doubling leaves the
    // blocks it outgrew behind in the heap, and the peak memory with them.
    let mut items: Vec<Item<'_>> = Vec::with_capacity(store.mentions.len());
    items.extend(
        (0..store.mentions.len())
            .filter(|&at| {
                (store.mentions[at].doc as usize) < sources.len()
                    && !store.mentions[at].negated
                    && !store.mentions[at].title.is_empty()
            })
            .map(|at| Item::new(store, at)),
    );
    let rank = doc_ranks(sources);
    items.sort_by_key(|i| {
        (
            rank[i.doc()],
            i.mention.sentence().start,
            i.mention.timex().start,
        )
    });
    items
}

/// Each source's place in the order of their document ids, equal ids
/// sharing one: sorting by it sorts by id without comparing strings.
fn doc_ranks(sources: &[SourceInfo]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| sources[a].doc.cmp(&sources[b].doc));
    let mut rank = vec![0; sources.len()];
    let mut r = 0;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && sources[i].doc != sources[order[k - 1]].doc {
            r += 1;
        }
        rank[i] = r;
    }
    rank
}

/// The items grouped into happenings (see [`cluster`]), and for each
/// group how typical each member is of it, in fifths (see [`Member`]).
/// The items' words and their vocabulary, large for a large collection,
/// are dropped before the events are built.
fn clustered(
    items: &[Item<'_>],
    names: &Interner,
    workers: usize,
) -> (Vec<Vec<usize>>, Vec<Vec<u32>>) {
    let mut vocab = cluster::Vocabulary::default();
    let words = interned(items, names, &mut vocab, workers, WORDS_BATCH);
    let weight = cluster::weights_of(items, &vocab, names);
    let clusters = cluster::cluster(items, &words, &vocab, names, &weight);
    drop(vocab);
    let typical = crate::pool::in_order(
        clusters.chunks(EVENTS_BATCH),
        workers,
        &|some| {
            some.iter()
                .map(|c| fifths(&cluster::typicality(c, &words, &weight)))
                .collect::<Vec<_>>()
        },
        &|| {},
    );
    (clusters, typical.into_iter().flatten().collect())
}

/// Cosines in [0, 1] in fifths: near-equals are left equal.
fn fifths(scores: &[f64]) -> Vec<u32> {
    // The cast cannot truncate: the value is in 0..=5.
    scores
        .iter()
        .map(|s| (s.clamp(0.0, 1.0) * 5.0).round() as u32)
        .collect()
}

/// Items whose words a thread works out at a time.
const WORDS_BATCH: usize = 2048;

/// Each item's words, interned in item order. Batches of `batch` items
/// have their words worked out on `workers` threads, so that only a few
/// batches' words are held before interning.
fn interned(
    items: &[Item<'_>],
    names: &Interner,
    vocab: &mut cluster::Vocabulary,
    workers: usize,
    batch: usize,
) -> cluster::Words {
    let batch = batch.max(1);
    let mut out = cluster::Words::with_capacity(items.len());
    for some in items.chunks(batch * workers.max(1)) {
        let found = crate::pool::in_order(
            some.chunks(batch),
            workers,
            &|part| {
                part.iter()
                    .map(|i| cluster::item_words(i, names))
                    .collect::<Vec<_>>()
            },
            &|| {},
        );
        for words in found.into_iter().flatten() {
            out.push(vocab.add(words));
        }
    }
    out
}

impl SourceInfo {
    /// What the timeline keeps of a document: all but its text, with the
    /// headline [`Document::headline`] gives.
    pub fn of(doc: &Document) -> SourceInfo {
        SourceInfo {
            doc: doc.id.clone(),
            title: doc.headline(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            published: doc.published,
        }
    }
}

/// Orders events by first day, coarse precision first, then title and id.
/// The keys are made once per event (a stable sort, like the comparison
/// it replaces): the day and precision parse the event's value, which
/// cost more than the sort itself when done at every comparison.
pub(crate) fn sort_events(events: &mut [Event]) {
    events.sort_by_cached_key(|e| {
        (
            e.when.first_day(),
            e.when.precision(),
            e.title.clone(),
            e.id.clone(),
        )
    });
}

/// A mention of an event's cluster, with how typical it is of the
/// cluster (see [`cluster::typicality`]), in fifths: near-equals are left
/// to the title's qualities to decide.
#[derive(Clone, Copy)]
struct Member<'m, 'a> {
    item: &'m Item<'a>,
    typical: u32,
}

/// The event of one cluster, and for each of its citations (in order)
/// the store index of the mention whose quote it takes.
fn event(
    docs: &[SourceInfo],
    items: &[Item<'_>],
    cluster: &[usize],
    typical: &[u32],
    collection: &[u32],
    names: &Interner,
) -> (Event, Vec<usize>) {
    let mentions: Vec<Member<'_, '_>> = cluster
        .iter()
        .zip(typical)
        .map(|(&i, &typical)| Member {
            item: &items[i],
            typical,
        })
        .collect();
    let dominant = dominant_kind(&mentions);
    let plain: Vec<&Item<'_>> = mentions.iter().map(|m| m.item).collect();
    let (when, alternatives) = date(docs, &plain);
    let by_doc = best_per_document(docs, &mentions, dominant, &when, names);
    let best = by_doc
        .values()
        .max_by(|a, b| {
            rank(a, dominant, &when, names)
                .cmp(&rank(b, dominant, &when, names))
                .then_with(|| docs[b.item.doc()].doc.cmp(&docs[a.item.doc()].doc))
        })
        .copied()
        .unwrap_or(mentions[0]);
    let founder = mentions[0].item;
    let founder_doc = &docs[founder.doc()];
    // The trigger's own word, not its lemma: ids must not change when the
    // lemmatizer improves.
    let id = stable_id(&[
        &founder_doc.doc,
        &founder.mention.quote,
        founder.value().as_str(),
        founder.mention.trigger_word(),
    ]);
    let actors: BTreeSet<u32> = plain
        .iter()
        .flat_map(|m| m.participants())
        .filter(|p| collection.contains(p))
        .copied()
        .collect();
    let salience = salience(by_doc.len(), mentions.len(), actors.len());
    let quoted = by_doc.values().map(|m| m.item.at).collect();
    let citations = by_doc
        .values()
        .map(|m| {
            let d = &docs[m.item.doc()];
            Citation {
                doc: d.doc.clone(),
                source: d.source.clone(),
                url: d.url.clone(),
                quote: String::new(),
                span: m.item.mention.sentence(),
            }
        })
        .collect();
    let best = best.item.mention;
    let event = Event {
        id,
        when,
        title: best.title.to_string(),
        summary: Some(best.summary().to_owned()).filter(|s| **s != *best.title),
        citations,
        note: None,
        alternatives,
        added: false,
        salience,
    };
    (event, quoted)
}

/// The dominant kind of happening among the mentions (the most frequent
/// lemma; ties: the first in order).
fn dominant_kind<'a>(mentions: &[Member<'_, 'a>]) -> &'a str {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions {
        *kinds.entry(m.item.lemma()).or_default() += 1;
    }
    kinds
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
        .unwrap_or_default()
}

/// One citation per document: its best mention.
fn best_per_document<'d, 'm, 'a>(
    docs: &'d [SourceInfo],
    mentions: &[Member<'m, 'a>],
    dominant: &str,
    when: &When,
    names: &Interner,
) -> BTreeMap<&'d str, Member<'m, 'a>> {
    let mut by_doc: BTreeMap<&str, Member<'_, '_>> = BTreeMap::new();
    for m in mentions {
        let doc = docs[m.item.doc()].doc.as_str();
        let better = match by_doc.get(doc) {
            None => true,
            Some(old) => rank(m, dominant, when, names) > rank(old, dominant, when, names),
        };
        if better {
            by_doc.insert(doc, *m);
        }
    }
    by_doc
}

/// The date a mention gives, with the end of its range.
fn when_of(m: &Item<'_>) -> When {
    When {
        value: m.value().clone(),
        modifier: m.mention.modifier,
        end: m.end().cloned(),
    }
}

/// An event's own score, under the attention its date gets (see
/// [`crate::attention`]): sources count most, then mentions, then how many
/// of the collection's main actors take part: `100·sources + 10·mentions +
/// actors`, the last two capped at 9 so that they only break ties between
/// source counts, and the whole under [`crate::attention::OWN`].
fn salience(sources: usize, mentions: usize, actors: usize) -> u64 {
    let cap = |n: usize| n.min(9) as u64;
    100 * sources.min(999) as u64 + 10 * cap(mentions) + cap(actors)
}

/// How good a mention is as the event's representative: it states the
/// happening (not someone telling of it, not what might be), it is typical
/// of the event's mentions (not an odd clause that joined on a shared
/// name), gives the event's date, its title opens with a name (a headline
/// says who), has a reasonable length, and is of the dominant kind.
fn rank(
    m: &Member<'_, '_>,
    dominant: &str,
    when: &When,
    names: &Interner,
) -> (bool, u32, bool, bool, usize, bool, std::cmp::Reverse<usize>) {
    let item = m.item;
    let title_words = item.mention.title.split_whitespace().count();
    let named = item
        .mention
        .title
        .split_whitespace()
        .next()
        .is_some_and(|w| {
            let folded = annals_parse::events::fold_name(w);
            item.participants().iter().any(|&p| names.get(p) == folded)
        });
    (
        states(item.lemma(), &item.mention.title),
        m.typical,
        *item.value() == when.value,
        named,
        title_words.min(6),
        item.lemma() == dominant,
        std::cmp::Reverse(item.mention.sentence().start),
    )
}

/// Verbs of telling: "X tells Reuters" is the interview, not the news.
const TELLING: &[&str] = &[
    "say", "tell", "report", "add", "note", "comment", "write", "explain", "tweet",
];

/// Words that make a clause a possibility rather than a happening.
const MODALS: &[&str] = &["might", "may", "could", "would", "should"];

/// Whether a mention with this trigger `lemma` and `title` states a
/// happening: its trigger is not a verb of telling and its title holds no
/// modal.
fn states(lemma: &str, title: &str) -> bool {
    !TELLING.contains(&lemma)
        && !title
            .split_whitespace()
            .any(|w| MODALS.contains(&w.to_lowercase().as_str()))
}

/// The event's date and the conflicting alternatives, by the rule in the
/// module docs.
fn date(docs: &[SourceInfo], mentions: &[&Item<'_>]) -> (When, Vec<Alternative>) {
    // Distinct values (one mention stands for each), in a deterministic order.
    let mut values: Vec<&Item<'_>> = Vec::new();
    for m in mentions {
        if !values.iter().any(|v| v.mention.value == m.mention.value) {
            values.push(m);
        }
    }
    values.sort_by(|a, b| a.value().cmp(b.value()));
    let supporters = |v: &Item<'_>| -> BTreeSet<usize> {
        mentions
            .iter()
            .filter(|m| compatible(m, v))
            .map(|m| m.doc())
            .collect()
    };
    let first_report = |v: &Item<'_>| {
        mentions
            .iter()
            .filter(|m| m.value() == v.value())
            .map(|m| docs[m.doc()].published)
            .min()
    };
    // Only the finest dates compete: a month that holds two conflicting
    // days supports both, it does not settle between them.
    let leaves: Vec<&Item<'_>> = values
        .iter()
        .filter(|v| {
            !values
                .iter()
                .any(|w| compatible(w, v) && w.precision > v.precision)
        })
        .copied()
        .collect();
    let chosen = leaves
        .iter()
        .max_by(|a, b| {
            supporters(a)
                .len()
                .cmp(&supporters(b).len())
                .then(a.precision.cmp(&b.precision))
                .then(first_report(b).cmp(&first_report(a)))
                .then(b.bounds.cmp(&a.bounds))
        })
        .copied()
        .unwrap_or(mentions[0]);
    // Conflicting values, each at its finest precision, with its documents.
    let mut alternatives: Vec<Alternative> = Vec::new();
    for v in &values {
        if compatible(v, chosen) {
            continue;
        }
        let finer_conflict = values
            .iter()
            .any(|w| !compatible(w, chosen) && compatible(w, v) && w.precision > v.precision);
        if finer_conflict {
            continue;
        }
        let mut ids: Vec<String> = mentions
            .iter()
            .filter(|m| compatible(m, v))
            .map(|m| docs[m.doc()].doc.clone())
            .collect();
        ids.sort();
        ids.dedup();
        alternatives.push(Alternative {
            when: when_of(v),
            docs: ids,
        });
    }
    let when = when_of(chosen);
    (when, alternatives)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::collections::BTreeSet;

    #[test]
    fn doc_ranks_follow_the_ids() {
        let table: &[(&[&str], &[u32])] = &[
            (&[], &[]),
            (&["a.txt"], &[0]),
            (&["b", "a", "b", "c"], &[1, 0, 1, 2]),
            (&["b10", "b2", "a"], &[1, 2, 0]),
        ];
        for (ids, want) in table {
            let sources: Vec<SourceInfo> = ids
                .iter()
                .map(|id| SourceInfo {
                    doc: (*id).to_owned(),
                    title: None,
                    source: None,
                    url: None,
                    published: NaiveDate::from_ymd_opt(2019, 9, 25).expect("a date"),
                })
                .collect();
            assert_eq!(doc_ranks(&sources), *want, "{ids:?}");
        }
    }

    fn docs_of(e: &Event) -> BTreeSet<&str> {
        e.citations.iter().map(|c| c.doc.as_str()).collect()
    }

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: None,
            source: None,
            url: None,
            published: NaiveDate::from_ymd_opt(2019, 9, 25).unwrap(),
            text: text.into(),
        }
    }

    fn mention(text: &str, lemma: &str, value: &str, title: &str, names: &[&str]) -> EventMention {
        EventMention {
            sentence: 0..text.len(),
            trigger: 0..1,
            lemma: lemma.into(),
            timex: 0..1,
            value: value.parse().unwrap(),
            modifier: None,
            end: None,
            title: title.into(),
            participants: names.iter().map(|s| s.to_string()).collect(),
            negated: false,
            clause: 0..text.len(),
            places: Vec::new(),
            actors: names.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_mention_states_a_happening_unless_it_tells_or_supposes() {
        assert!(states("kill", "An explosion kills eleven workers"));
        assert!(!states("tell", "The chief executive tells reporters"));
        assert!(!states(
            "contribute",
            "A valve Might have contributed to the blast"
        ));
        assert!(states("announce", "The company announces a cap"));
    }

    #[test]
    fn words_worked_out_on_several_threads_are_interned_in_order() {
        let mut store = crate::store::MentionStore::default();
        let records: Vec<Mention> = ["Maduro visited Russia", "Putin met Maduro", "The storm hit"]
            .iter()
            .cycle()
            .take(11)
            .map(|t| {
                Mention::new(
                    &doc("a.txt", t),
                    &mention(t, "visit", "2018-12", t, &["maduro"]),
                )
            })
            .collect();
        store.push(0, records);
        let items: Vec<Item<'_>> = (0..11).map(|at| Item::new(&store, at)).collect();
        let words = |workers: usize, batch: usize| {
            let mut vocab = cluster::Vocabulary::default();
            let w = interned(&items, &store.names, &mut vocab, workers, batch);
            (0..11).map(|i| w.get(i).to_vec()).collect::<Vec<_>>()
        };
        let want = words(1, WORDS_BATCH);
        assert_eq!(want.len(), 11);
        assert!(want.iter().all(|w| !w.is_empty()));
        for (workers, batch) in [(2, 1), (3, 2), (4, 5)] {
            assert_eq!(words(workers, batch), want);
        }
    }

    #[test]
    fn merges_one_happening_across_documents_and_refines_the_date() {
        let docs = [doc("a.txt", "A."), doc("b.txt", "B."), doc("c.txt", "C.")];
        let mentions = vec![
            vec![mention(
                "A.",
                "visit",
                "2018-12",
                "Maduro visited Russia",
                &["maduro", "russia"],
            )],
            vec![mention(
                "B.",
                "visit",
                "2018-12-05",
                "Maduro's visit to Moscow",
                &["maduro", "moscow"],
            )],
            vec![mention(
                "C.",
                "send",
                "2018-12",
                "Russia sent bombers",
                &["russia"],
            )],
        ];
        let t = Timeline::build("T", &docs, &mentions);
        assert_eq!(t.events.len(), 2, "{:#?}", t.events);
        let visit = t.events.iter().find(|e| e.title.contains("visit")).unwrap();
        assert_eq!(visit.when.value.as_str(), "2018-12-05");
        assert_eq!(docs_of(visit), BTreeSet::from(["a.txt", "b.txt"]));
    }

    #[test]
    fn trips_to_different_countries_stay_apart() {
        let docs = [doc("a.txt", "A."), doc("b.txt", "B.")];
        let mut russia = mention(
            "A.",
            "visit",
            "2018-12",
            "Maduro visited Russia",
            &["maduro", "russia"],
        );
        russia.places = vec!["russia".into()];
        let mut china = mention(
            "B.",
            "visit",
            "2018",
            "Maduro visited China",
            &["maduro", "china"],
        );
        china.places = vec!["china".into()];
        let t = Timeline::build("T", &docs, &[vec![russia], vec![china]]);
        assert_eq!(t.events.len(), 2);
    }

    #[test]
    fn same_day_with_two_shared_names_merges_different_verbs() {
        let docs = [doc("a.txt", "A."), doc("b.txt", "B.")];
        let mentions = vec![
            vec![mention(
                "A.",
                "receive",
                "2019-09-25",
                "Putin received Maduro",
                &["maduro", "putin"],
            )],
            vec![mention(
                "B.",
                "tell",
                "2019-09-25",
                "Putin told Maduro",
                &["maduro", "putin"],
            )],
        ];
        let t = Timeline::build("T", &docs, &mentions);
        assert_eq!(t.events.len(), 1);
        assert_eq!(t.events[0].citations.len(), 2);
    }

    #[test]
    fn close_conflicting_days_merge_and_keep_the_alternative() {
        let mut docs = [doc("a.txt", "A."), doc("b.txt", "B."), doc("c.txt", "C.")];
        docs[0].published = NaiveDate::from_ymd_opt(2019, 9, 26).unwrap();
        let names = &["maduro", "moscow"];
        let mentions = vec![
            vec![mention(
                "A.",
                "arrive",
                "2019-09-25",
                "Maduro arrived in Moscow",
                names,
            )],
            vec![mention(
                "B.",
                "arrive",
                "2019-09-24",
                "Maduro arrived in Moscow",
                names,
            )],
            vec![mention(
                "C.",
                "arrive",
                "2019-09",
                "Maduro arrived in Moscow",
                names,
            )],
        ];
        let t = Timeline::build("T", &docs, &mentions);
        assert_eq!(t.events.len(), 1, "{:#?}", t.events);
        let e = &t.events[0];
        // Both days have two supporters (the month supports both); the
        // earlier-published report (b.txt, 2019-09-25) wins the tie.
        assert_eq!(e.when.value.as_str(), "2019-09-24");
        assert_eq!(e.alternatives.len(), 1);
        assert_eq!(e.alternatives[0].when.value.as_str(), "2019-09-25");
        assert_eq!(e.alternatives[0].docs, ["a.txt", "c.txt"]);
    }

    #[test]
    fn one_kind_of_news_about_different_companies_stays_apart() {
        let texts = [
            "Citadel shares closed at $45.75.",
            "Ralston shares closed at $30.10.",
            "Ogden shares closed at $12.",
        ];
        let docs: Vec<Document> = (0..3).map(|i| doc(&format!("{i}.txt"), texts[i])).collect();
        let mentions: Vec<Vec<EventMention>> = texts
            .iter()
            .map(|t| {
                let name = t.split_whitespace().next().unwrap().to_lowercase();
                let title = t.trim_end_matches('.');
                vec![mention(t, "close", "2019-09-25", title, &[&name])]
            })
            .collect();
        let t = Timeline::build("T", &docs, &mentions);
        assert_eq!(t.events.len(), 3, "{:#?}", t.events);
    }

    #[test]
    fn one_happening_told_in_other_words_merges() {
        let texts = [
            "A strong earthquake struck Haiti near the capital Port-au-Prince.",
            "The earthquake hit Port-au-Prince.",
            "Flights to the region were cancelled.",
        ];
        let docs: Vec<Document> = (0..3).map(|i| doc(&format!("{i}.txt"), texts[i])).collect();
        let names: [&[&str]; 3] = [&["haiti", "port-au-prince"], &["port-au-prince"], &[]];
        let lemmas = ["strike", "hit", "cancel"];
        let mentions: Vec<Vec<EventMention>> = (0..3)
            .map(|i| {
                let title = texts[i].trim_end_matches('.');
                vec![mention(texts[i], lemmas[i], "2010-01-12", title, names[i])]
            })
            .collect();
        let t = Timeline::build("T", &docs, &mentions);
        assert_eq!(t.events.len(), 2, "{:#?}", t.events);
        let quake = t.events.iter().find(|e| e.citations.len() == 2).unwrap();
        assert_eq!(docs_of(quake), BTreeSet::from(["0.txt", "1.txt"]));
    }

    #[test]
    fn a_mention_without_a_headline_makes_no_event_but_cites_its_day() {
        let docs = [doc("a.txt", "A. B."), doc("b.txt", "C.")];
        let names = &["maduro", "putin"];
        let mentions = vec![
            vec![
                mention("A.", "meet", "2019-09-24", "Putin met Maduro", names),
                mention("B.", "find", "2019-09-24", "", &[]),
            ],
            vec![mention("C.", "visit", "2019-09", "", names)],
        ];
        let t = Timeline::build("T", &docs, &mentions);
        let titles: Vec<&str> = t.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Putin met Maduro"]);
        // A day, not a month, is evidence of a day talked about.
        let day = NaiveDate::from_ymd_opt(2019, 9, 24).unwrap();
        assert_eq!(
            t.also_cited,
            [DayCited {
                doc: "a.txt".into(),
                day
            }]
        );
    }

    #[test]
    fn different_days_in_one_article_stay_apart() {
        let docs = [doc("a.txt", "A. B.")];
        let names = &["maduro", "putin"];
        let mentions = vec![vec![
            mention("A.", "meet", "2019-09-24", "Putin met Maduro", names),
            mention("A.", "meet", "2019-09-25", "Putin met Maduro", names),
        ]];
        assert_eq!(Timeline::build("T", &docs, &mentions).events.len(), 2);
    }

    #[test]
    fn days_far_apart_stay_apart_across_articles() {
        let docs = [doc("a.txt", "A."), doc("b.txt", "B.")];
        let names = &["maduro", "putin"];
        let mentions = vec![
            vec![mention(
                "A.",
                "meet",
                "2019-09-20",
                "Putin met Maduro",
                names,
            )],
            vec![mention(
                "B.",
                "meet",
                "2019-09-25",
                "Putin met Maduro",
                names,
            )],
        ];
        assert_eq!(Timeline::build("T", &docs, &mentions).events.len(), 2);
    }

    #[test]
    fn ids_survive_an_unrelated_article() {
        let docs = [doc("a.txt", "A."), doc("b.txt", "B.")];
        let m1 = vec![mention(
            "A.",
            "visit",
            "2018-12",
            "Maduro visited Russia",
            &["maduro"],
        )];
        let m2 = vec![mention(
            "B.",
            "strike",
            "2017-03",
            "Workers struck",
            &["renault"],
        )];
        let alone = Timeline::build("T", &docs[..1], std::slice::from_ref(&m1));
        let both = Timeline::build("T", &docs, &[m1, m2]);
        let id = &alone.events[0].id;
        assert!(both.events.iter().any(|e| &e.id == id));
    }

    #[test]
    fn salience_ranks_sources_then_mentions_then_actors() {
        assert!(salience(2, 1, 0) > salience(1, 9, 9));
        assert!(salience(1, 3, 0) > salience(1, 2, 9));
        assert!(salience(1, 2, 3) > salience(1, 2, 2));
    }

    #[test]
    fn keep_salient_filters_by_sources_and_top() {
        let docs = [doc("a.txt", "A."), doc("b.txt", "B.")];
        let mentions = vec![
            vec![
                mention(
                    "A.",
                    "visit",
                    "2018-12",
                    "Maduro visited Russia",
                    &["maduro", "russia"],
                ),
                mention("A.", "strike", "2017-03", "Workers struck", &["renault"]),
            ],
            vec![mention(
                "B.",
                "visit",
                "2018-12",
                "Maduro visited Moscow",
                &["maduro"],
            )],
        ];
        let t = Timeline::build("T", &docs, &mentions);
        assert_eq!(t.events.len(), 2);
        let mut two = t.clone();
        two.keep_salient(None, Some(2));
        assert_eq!(two.events.len(), 1);
        assert_eq!(two.events[0].citations.len(), 2);
        let mut top = t.clone();
        top.keep_salient(Some(1), None);
        assert_eq!(top.events, two.events);
        // Events added by hand survive both filters, even with a citation.
        let mut with_added = t.clone();
        let mut added = t.events[0].clone();
        added.id = "ev-added".into();
        added.added = true;
        added.salience = 0;
        with_added.events.push(added);
        with_added.keep_salient(Some(1), Some(2));
        assert!(with_added.events.iter().any(|e| e.id == "ev-added"));
        assert_eq!(with_added.events.len(), 2);
    }

    #[test]
    fn negated_mentions_are_not_events() {
        let docs = [doc("a.txt", "A.")];
        let mut m = mention(
            "A.",
            "offer",
            "2019-09-25",
            "Putin didn't offer aid",
            &["putin"],
        );
        m.negated = true;
        assert!(Timeline::build("T", &docs, &[vec![m]]).events.is_empty());
    }
}
