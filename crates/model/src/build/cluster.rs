//! Grouping mentions into happenings, in time linear in the mentions.
//!
//! Each mention is a bag of words: the stems of its clause's and title's
//! content words (the date's own words left out), its trigger's base form,
//! and the names and countries it involves. Words are weighted by how rare
//! they are in the collection (`ln(1 + N/df)`), so that "Haiti" in a folder
//! about Haiti counts for little and "Citadel" for much. A mention joins
//! the group whose centroid is most similar to it (cosine), when:
//!
//! - their dates nest (`2010-01` holds `2010-01-12`) and the similarity
//!   reaches [`SAME_DATE`], or [`COARSER`] when the mention is coarser
//!   than the group (a month joining a day needs more evidence);
//! - or both are days at most three days apart, the mention's article is
//!   not already in the group (one article giving two days tells of two
//!   happenings), and the similarity reaches [`NEAR_DAYS`]: sources
//!   disagree about "yesterday";
//! - and neither names countries the other lacks entirely (a trip to
//!   China and one to Russia are two trips), nor, in its clause or its
//!   sentence, names that identify someone (names in at most [`IDENTIFYING_SHARE`] of the
//!   mentions) none of which the other's clauses name: "shares of Citadel
//!   closed" and "shares of Ralston closed" are two stories, while
//!   "Mubarak resigned" in a folder about Mubarak identifies nobody in
//!   particular and blocks nothing;
//! - and, for dates coarser than a day, a mention and a group of other
//!   articles both name someone or somewhere: "the company earned $17
//!   million in 1988" tells nothing that joins two articles.
//!
//! Mentions are visited finest date first, then in document order, so a
//! month joins the day it names. Candidate groups are found through an
//! index of (date bucket, word), reading a bounded number of entries per
//! word, so each mention costs a bounded amount of work whatever the size
//! of the collection.

use rustc_hash::FxHashMap as HashMap;

use annals_parse::Precision;
use chrono::{Datelike, NaiveDate};

use super::Item;
use crate::store::Interner;

/// The least similarity for mentions with the same date to merge.
pub(super) const SAME_DATE: f64 = 0.4;
/// The least similarity for a coarser date to join a finer group.
pub(super) const COARSER: f64 = 0.5;
/// The least similarity for days a little apart to merge.
pub(super) const NEAR_DAYS: f64 = 0.6;
/// The least similarity for mentions of one day that share two names in
/// their clauses ("Putin received Maduro", "Maduro met Putin").
pub(super) const SAME_DAY_AGENTS: f64 = 0.1;
/// The share of the usual similarity that mentions of one kind of
/// happening ("visited", "visit") with a name in common need.
pub(super) const SAME_KIND: f64 = 0.5;
/// How much more a name or country weighs than another word.
const NAME_WEIGHT: f64 = 2.0;
/// The largest share of the mentions a name may appear in and still tell
/// whose happening a clause reports: rarer names ("Citadel", a company
/// named once in a collection) identify, frequent ones ("Inc", "U.S.", a
/// collection's protagonist) do not.
const IDENTIFYING_SHARE: f64 = 0.02;
/// Words per mention by which candidate groups are looked up.
const LOOKUP_WORDS: usize = 8;
/// Index entries read per word: the most recent groups that hold it.
const POSTINGS_READ: usize = 24;

/// Function words and date words that say nothing about what happened.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "day",
    "did",
    "do",
    "does",
    "during",
    "each",
    "early",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "last",
    "late",
    "later",
    "may",
    "might",
    "month",
    "more",
    "most",
    "much",
    "must",
    "new",
    "next",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "said",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "today",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "week",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "yesterday",
    "you",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A word's stem, enough to match a word's forms: "visited", "visits",
/// "visiting" → "visit"; "closed", "closes", "close" → "clos";
/// "stopped" → "stop"; "countries", "country" → "country".
pub(crate) fn stem(word: &str) -> String {
    let mut out = word.to_owned();
    stem_in_place(&mut out);
    out
}

/// [`stem`], cutting `word` down where it is rather than copying it.
fn stem_in_place(word: &mut String) {
    let cut = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .map(str::len);
    if let Some(len) = cut {
        word.truncate(len);
    }
    if word.len() > 4 && word.ends_with("ies") {
        word.truncate(word.len() - 3);
        word.push('y');
        return;
    }
    let stripped = [("ing", 5), ("ed", 4), ("s", 3)]
        .iter()
        .find(|&&(suffix, min)| word.len() > min && !word.ends_with("ss") && word.ends_with(suffix))
        .map(|&(suffix, _)| suffix.len());
    if let Some(len) = stripped {
        word.truncate(word.len() - len);
    }
    let bytes = word.as_bytes();
    let doubled = bytes.len() > 3
        && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
        && !matches!(bytes[bytes.len() - 1], b'l' | b's' | b'z' | b'e' | b'o');
    if stripped.is_some() && doubled {
        word.pop();
    }
    if word.len() > 3 && word.ends_with('e') {
        word.pop();
    }
}

/// The [`LOOKUP_WORDS`] heaviest of `words`, the trigger's stem and up to
/// as many names.
fn lookup_keys(words: &[u32], weight: &[f64], names: &[u32], lemma: Option<u32>) -> Vec<u32> {
    let mut keys = words.to_vec();
    keys.sort_by(|&a, &b| {
        weight[b as usize]
            .total_cmp(&weight[a as usize])
            .then(a.cmp(&b))
    });
    keys.truncate(LOOKUP_WORDS);
    keys.extend(lemma);
    keys.extend(names.iter().take(LOOKUP_WORDS));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Whether `word` is one of the [`STOPWORDS`]: looked up in a set, as
/// every word of every mention is.
fn is_stopword(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(word)
}

/// Adds a token's stem unless it is a function or date word.
fn push_word(out: &mut Vec<String>, token: &str) {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    let mut folded = annals_parse::events::fold_name(token);
    if folded.len() < 2 || is_stopword(&folded) {
        return;
    }
    stem_in_place(&mut folded);
    out.push(folded);
}

/// The words a mention is compared by, before interning: `text` holds
/// its `clause` and `timex` (byte ranges into it).
pub(crate) fn words(
    text: &str,
    clause: &std::ops::Range<usize>,
    timex: &std::ops::Range<usize>,
    m: &crate::records::Mention,
) -> Vec<String> {
    let names = m.participants.iter().chain(&m.places).map(String::as_str);
    words_of(text, clause, timex, (&m.title, &m.lemma), names)
}

/// [`words`] of a stored mention, its names looked up in `names`.
pub(super) fn item_words(item: &Item<'_>, names: &Interner) -> Vec<String> {
    let m = item.mention;
    let s = m.sentence().start;
    let local = |r: &std::ops::Range<usize>| r.start.saturating_sub(s)..r.end.saturating_sub(s);
    let ids = item.participants().iter().chain(item.places());
    words_of(
        &m.quote,
        &m.clause(),
        &local(&m.timex()),
        (&m.title, item.lemma()),
        ids.map(|&id| names.get(id)),
    )
}

/// [`words`] from the parts of a mention: `title_lemma` its title and
/// trigger lemma, `names` its participants then places.
fn words_of<'a>(
    text: &str,
    clause: &std::ops::Range<usize>,
    timex: &std::ops::Range<usize>,
    (title, lemma): (&str, &str),
    names: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push_text = |from: usize, to: usize| {
        let Some(part) = text.get(from..to) else {
            return;
        };
        for token in part.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            push_word(&mut out, token);
        }
    };
    // The clause without its timex.
    let (c, t) = (clause, timex);
    if t.start >= c.start && t.end <= c.end {
        push_text(c.start, t.start);
        push_text(t.end, c.end);
    } else {
        push_text(c.start, c.end);
    }
    for token in title.split_whitespace() {
        push_word(&mut out, token);
    }
    out.push(stem(lemma));
    out.extend(names.map(str::to_owned));
    out.sort();
    out.dedup();
    out
}

/// Interned words with their document frequency over the mentions.
#[derive(Default)]
pub(super) struct Vocabulary {
    ids: HashMap<String, u32>,
    df: Vec<u32>,
}

impl Vocabulary {
    /// Interns `words` (sorted, distinct) and counts them once.
    pub(super) fn add(&mut self, words: Vec<String>) -> Vec<u32> {
        let mut out: Vec<u32> = words
            .into_iter()
            .map(|w| {
                let next = self.df.len() as u32;
                let id = *self.ids.entry(w).or_insert(next);
                if id == next {
                    self.df.push(0);
                }
                self.df[id as usize] += 1;
                id
            })
            .collect();
        out.sort_unstable();
        out
    }

    fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

/// Every item's interned words, end to end: one allocation for the
/// collection rather than one per mention.
#[derive(Default)]
pub(super) struct Words {
    all: Vec<u32>,
    ends: Vec<usize>,
}

/// Words a mention has, about: what [`Words`] is sized for at first.
const WORDS_PER_ITEM: usize = 16;

impl Words {
    /// Room for `items` items' words, sized once (see [`WORDS_PER_ITEM`])
    /// rather than grown by doubling from nothing, which leaves the
    /// outgrown blocks behind in the heap.
    pub(super) fn with_capacity(items: usize) -> Words {
        Words {
            all: Vec::with_capacity(items * WORDS_PER_ITEM),
            ends: Vec::with_capacity(items),
        }
    }

    /// Adds the next item's words.
    pub(super) fn push(&mut self, words: Vec<u32>) {
        self.all.extend(words);
        self.ends.push(self.all.len());
    }

    /// How many words all the items have.
    pub(super) fn len(&self) -> usize {
        self.all.len()
    }

    /// Item `i`'s words.
    pub(super) fn get(&self, i: usize) -> &[u32] {
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        self.all.get(start..self.ends[i]).unwrap_or_default()
    }
}

/// Where a group is found: its date's day, month or year, or for other
/// spans (seasons, quarters, decades) their first day.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Bucket {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Span(NaiveDate, NaiveDate),
}

/// The bucket a mention looks in, and the buckets a group with that date
/// is filed under.
fn buckets(bounds: (NaiveDate, NaiveDate)) -> (Bucket, Vec<Bucket>) {
    let (a, b) = bounds;
    let month = Bucket::Month(a.year(), a.month());
    let year = Bucket::Year(a.year());
    if a == b {
        (Bucket::Day(a), vec![Bucket::Day(a), month, year])
    } else if (a.year(), a.month()) == (b.year(), b.month()) && a.day() == 1 {
        (month, vec![month, year])
    } else if a.year() == b.year() && a.ordinal() == 1 {
        (year, vec![year])
    } else if a.year() == b.year() {
        (Bucket::Span(a, b), vec![Bucket::Span(a, b), year])
    } else {
        (Bucket::Span(a, b), vec![Bucket::Span(a, b)])
    }
}

/// A small sorted set. A group's documents, names and lemmas are few and
/// mostly come in order, and a B-tree's node per set (a group has five)
/// costs more than the members.
struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord + Copy> Set<T> {
    fn insert(&mut self, x: T) {
        if let Err(at) = self.0.binary_search(&x) {
            self.0.insert(at, x);
        }
    }

    fn contains(&self, x: &T) -> bool {
        self.0.binary_search(x).is_ok()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord + Copy> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for x in items {
            self.insert(x);
        }
    }
}

impl<'a, T: Ord + Copy + 'a> Extend<&'a T> for Set<T> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, items: I) {
        self.extend(items.into_iter().copied());
    }
}

/// How often each word occurs in a group, sorted by word: eight bytes a
/// word, where a hash map per group cost several times that in a large
/// collection's tens of thousands of groups.
#[derive(Default)]
struct Counts(Vec<(u32, u32)>);

impl Counts {
    /// Counts `w` once more; returns its new count.
    fn add(&mut self, w: u32) -> u32 {
        match self.0.binary_search_by_key(&w, |&(x, _)| x) {
            Ok(at) => {
                self.0[at].1 += 1;
                self.0[at].1
            }
            Err(at) => {
                self.0.insert(at, (w, 1));
                1
            }
        }
    }
}

/// A growing group: its members and centroid.
struct Group {
    members: Vec<usize>,
    docs: Set<usize>,
    counts: Counts,
    /// Σ (count·weight)² over the words: the centroid's squared norm,
    /// up to the member count.
    norm2: f64,
    actors: Set<u32>,
    places: Set<u32>,
    agents: Set<u32>,
    lemmas: Set<u32>,
    /// Whether its agents, and its actors, name someone identifying:
    /// kept as they join, rather than looked for at every candidate.
    identified: [bool; 2],
    filed: Vec<Bucket>,
}

/// What most candidates are turned away on, kept apart from their
/// [`Group`] in a small record of their own: a lookup reads these side
/// by side and loads the whole group only for the few that pass.
#[derive(Clone, Copy)]
struct Summary {
    anchor: (NaiveDate, NaiveDate),
    precision: Option<Precision>,
    /// The one article of the members, [`Summary::NONE`] before any
    /// joined, or [`Summary::MANY`] (look in [`Group::docs`]).
    doc: u32,
    /// Whether it has no members (none yet, or all moved away).
    empty: bool,
    /// Whether its members name nobody and nowhere.
    nameless: bool,
}

impl Summary {
    const NONE: u32 = u32::MAX;
    const MANY: u32 = u32::MAX - 1;

    /// A new group's summary, dated `anchor`.
    fn new(anchor: (NaiveDate, NaiveDate), precision: Option<Precision>) -> Summary {
        Summary {
            anchor,
            precision,
            doc: Summary::NONE,
            empty: true,
            nameless: true,
        }
    }

    /// Counts article `doc` among the members'.
    fn add_doc(&mut self, doc: usize) {
        let one = u32::try_from(doc).ok().filter(|&d| d < Summary::MANY);
        self.doc = match (self.doc, one) {
            (Summary::NONE, Some(d)) => d,
            (d, Some(e)) if d == e => d,
            _ => Summary::MANY,
        };
    }

    /// Whether a member comes from article `doc`; `group` (whose
    /// summary this is) is read only when the members come from several
    /// articles. A group passed by reference would be loaded ahead of
    /// the test, missing the cache for every candidate.
    fn has_doc(&self, doc: usize, groups: &[Group], group: usize) -> bool {
        match self.doc {
            Summary::NONE => false,
            Summary::MANY => groups[group].docs.contains(&doc),
            d => d as usize == doc,
        }
    }
}

/// The mention being placed, with its words and their weights.
struct Probe<'a> {
    index: usize,
    words: &'a [u32],
    /// Each word's weight, squared: looked up once rather than at every
    /// candidate.
    squares: Vec<f64>,
    norm: f64,
    actors: Vec<u32>,
    places: Vec<u32>,
    /// Names in the clause itself.
    agents: Vec<u32>,
    /// The trigger's stem.
    lemma: Option<u32>,
    /// The words by which candidate groups are looked up: the heaviest,
    /// the trigger and the names, which the rules that join groups use.
    keys: Vec<u32>,
}

/// Groups `items` (in their deterministic order) into happenings;
/// `words.get(i)` are item `i`'s interned words.
pub(super) fn cluster(
    items: &[Item<'_>],
    words: &Words,
    vocab: &Vocabulary,
    names: &Interner,
    weight: &[f64],
) -> Vec<Vec<usize>> {
    let name_ids = name_ids(vocab, names);
    let identifying = identifying(items.len(), vocab);
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].bounds.is_some())
        .collect();
    // Finest first (a stable sort keeps document order among equals).
    order.sort_by(|&a, &b| items[b].precision.cmp(&items[a].precision));
    let mut state = Clustering {
        items,
        weight,
        identifying: &identifying,
        // At most a group per mention; sized once, like the postings
        // (each mention files its group under at most three buckets per
        // word), so that neither grows by doubling through the heap.
        groups: Vec::with_capacity(order.len()),
        summaries: Vec::with_capacity(order.len()),
        index: Index::with_capacity(words.len() * 3),
        seen: Seen::default(),
    };
    for &i in &order {
        let probe = probe(i, items, words, (vocab, &name_ids), weight);
        let g = match state.best_group(&probe, None) {
            Some(g) => g,
            None => state.open(i),
        };
        state.join(g, &probe);
    }
    // A mention placed early may belong with a group formed after it:
    // each group, by its founding mention, may join a better one.
    for g in 0..state.groups.len() {
        let founder = state.groups[g].members[0];
        let founding = probe(founder, items, words, (vocab, &name_ids), weight);
        if founding.words.is_empty() {
            continue;
        }
        if let Some(target) = state.best_group(&founding, Some(g)) {
            let members = std::mem::take(&mut state.groups[g].members);
            state.summaries[g].empty = true;
            for m in members {
                let p = probe(m, items, words, (vocab, &name_ids), weight);
                state.join(target, &p);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = state
        .groups
        .into_iter()
        .filter(|g| !g.members.is_empty())
        .map(|g| {
            let mut m = g.members;
            m.sort_unstable();
            m
        })
        .collect();
    out.sort();
    out
}

/// Each interned name's word number, looked up once.
fn name_ids(vocab: &Vocabulary, names: &Interner) -> Vec<Option<u32>> {
    (0..names.len())
        .map(|id| vocab.id(names.get(id as u32)))
        .collect()
}

/// Each word's weight (see [`weights`]), the names looked up in `names`.
pub(super) fn weights_of(items: &[Item<'_>], vocab: &Vocabulary, names: &Interner) -> Vec<f64> {
    weights(items, &name_ids(vocab, names), vocab)
}

/// Each word's weight: its rarity among the mentions, more for names.
fn weights(items: &[Item<'_>], name_ids: &[Option<u32>], vocab: &Vocabulary) -> Vec<f64> {
    let n = items.len().max(1) as f64;
    let mut weight: Vec<f64> = vocab
        .df
        .iter()
        .map(|&df| (1.0 + n / f64::from(df.max(1))).ln())
        .collect();
    // Who and where weigh more than what was said about them.
    let mut named = vec![false; weight.len()];
    for item in items {
        for &name in item.participants().iter().chain(item.places()) {
            if let Some(&Some(id)) = name_ids.get(name as usize) {
                named[id as usize] = true;
            }
        }
    }
    for (w, named) in weight.iter_mut().zip(named) {
        if named {
            *w *= NAME_WEIGHT;
        }
    }
    weight
}

/// Per word: whether it is rare enough to identify a participant (see
/// [`IDENTIFYING_SHARE`]); never fewer than two mentions.
fn identifying(mentions: usize, vocab: &Vocabulary) -> Vec<bool> {
    let most = (mentions as f64 * IDENTIFYING_SHARE).max(2.0);
    vocab.df.iter().map(|&df| f64::from(df) <= most).collect()
}

/// The groups filed under each (bucket, word), newest first: for each key
/// the newest posting, and for each posting the group and the one filed
/// before it under the same key. One table of small entries and one list
/// of postings hold what a list per key would, without an allocation
/// per key.
/// Keys of days, months and years are packed in a u64 (see [`packed`]),
/// the few of other spans kept as they are.
#[derive(Default)]
struct Index {
    newest: HashMap<u64, u32>,
    spans: HashMap<(Bucket, u32), u32>,
    /// (group, the posting before it or [`Index::NONE`]).
    postings: Vec<(u32, u32)>,
}

impl Index {
    const NONE: u32 = u32::MAX;

    /// An empty index with room for `postings` postings.
    fn with_capacity(postings: usize) -> Index {
        Index {
            postings: Vec::with_capacity(postings),
            ..Index::default()
        }
    }

    /// Files group `g` under `key`.
    fn file(&mut self, key: (Bucket, u32), g: u32) {
        let at = self.postings.len() as u32;
        let before = match packed(key) {
            Some(k) => self.newest.insert(k, at),
            None => self.spans.insert(key, at),
        };
        self.postings.push((g, before.unwrap_or(Self::NONE)));
    }

    /// The newest posting under `key`, or [`Index::NONE`].
    fn newest(&self, key: (Bucket, u32)) -> u32 {
        let newest = match packed(key) {
            Some(k) => self.newest.get(&k),
            None => self.spans.get(&key),
        };
        newest.copied().unwrap_or(Self::NONE)
    }

    /// Appends to `out` the `read` newest groups filed under each of
    /// `keys`. The lists are walked side by side, a step in each at a
    /// time: a posting's place is known only once the one after it has
    /// been read, and a read from memory waits on the one before it in
    /// its own list only.
    fn recent(&self, keys: impl Iterator<Item = (Bucket, u32)>, read: usize, out: &mut Vec<u32>) {
        let mut at: Vec<u32> = keys.map(|k| self.newest(k)).collect();
        for _ in 0..read {
            at.retain_mut(|p| match self.postings.get(*p as usize) {
                Some(&(g, before)) => {
                    out.push(g);
                    *p = before;
                    true
                }
                None => false,
            });
            if at.is_empty() {
                break;
            }
        }
    }
}

/// A day, month or year bucket and a word as one number: a 2-bit kind
/// and 30 bits of days since the common era, months or years (every
/// date chrono holds fits), then the word. `None` for other spans.
fn packed((bucket, word): (Bucket, u32)) -> Option<u64> {
    const BITS: u32 = (1 << 30) - 1;
    let (kind, n) = match bucket {
        Bucket::Day(d) => (0, d.num_days_from_ce()),
        Bucket::Month(y, m) => (1, y * 12 + m as i32),
        Bucket::Year(y) => (2, y),
        Bucket::Span(..) => return None,
    };
    let code = (kind << 30) | (n as u32 & BITS);
    Some((u64::from(code) << 32) | u64::from(word))
}

/// The groups so far and the index that finds them.
struct Clustering<'a, 'b> {
    items: &'a [Item<'b>],
    weight: &'a [f64],
    identifying: &'a [bool],
    groups: Vec<Group>,
    /// Per group, what most lookups need of it.
    summaries: Vec<Summary>,
    index: Index,
    seen: Seen,
}

/// Which groups a lookup has found already: per group, the number of
/// the last lookup that found it. Candidates are made distinct in one
/// pass over them, where sorting them cost more than weighing them.
#[derive(Default)]
struct Seen {
    lookup: u32,
    last: Vec<u32>,
    /// The candidates of the lookup, kept for the next one's.
    candidates: Vec<u32>,
}

impl Seen {
    /// Starts a lookup among `groups` groups.
    fn start(&mut self, groups: usize) {
        self.last.resize(groups, 0);
        self.lookup = self.lookup.wrapping_add(1);
        if self.lookup == 0 {
            // After four billion lookups: forget them all.
            self.last.fill(0);
            self.lookup = 1;
        }
        self.candidates.clear();
    }

    /// Keeps the first of each group in `candidates`, in their order.
    fn distinct(&mut self) {
        let (lookup, last) = (self.lookup, &mut self.last);
        self.candidates.retain(|&g| {
            let seen = &mut last[g as usize];
            let first = *seen != lookup;
            *seen = lookup;
            first
        });
    }
}

impl Clustering<'_, '_> {
    /// A new, empty group dated like item `i`.
    fn open(&mut self, i: usize) -> usize {
        let bounds = self.items[i].bounds.unwrap_or_default();
        self.groups.push(Group {
            members: Vec::new(),
            docs: Set::default(),
            counts: Counts::default(),
            norm2: 0.0,
            actors: Set::default(),
            places: Set::default(),
            agents: Set::default(),
            lemmas: Set::default(),
            identified: [false; 2],
            filed: buckets(bounds).1,
        });
        self.summaries
            .push(Summary::new(bounds, self.items[i].precision));
        self.groups.len() - 1
    }
}

fn probe<'a>(
    i: usize,
    items: &[Item<'_>],
    words: &'a Words,
    (vocab, name_ids): (&Vocabulary, &[Option<u32>]),
    weight: &[f64],
) -> Probe<'a> {
    let ids = |names: &[u32]| -> Vec<u32> {
        names
            .iter()
            .filter_map(|&n| name_ids.get(n as usize).copied().flatten())
            .collect()
    };
    let own = words.get(i);
    let squares: Vec<f64> = own.iter().map(|&w| weight[w as usize].powi(2)).collect();
    let norm = squares.iter().sum::<f64>().sqrt();
    let m = &items[i];
    let (actors, places) = (ids(m.participants()), ids(m.places()));
    let lemma = vocab.id(&stem(items[i].lemma()));
    let names: Vec<u32> = actors.iter().chain(&places).copied().collect();
    Probe {
        index: i,
        words: own,
        squares,
        norm,
        agents: ids(m.actors()),
        lemma,
        keys: lookup_keys(own, weight, &names, lemma),
        actors,
        places,
    }
}

impl Clustering<'_, '_> {
    /// Adds the probe to group `g`, filing the group under its new words.
    fn join(&mut self, g: usize, probe: &Probe<'_>) {
        let (items, weight, index) = (self.items, self.weight, &mut self.index);
        let group = &mut self.groups[g];
        for &w in probe.words {
            let wt = weight[w as usize];
            let count = group.counts.add(w);
            let old = f64::from(count - 1) * wt;
            let new = f64::from(count) * wt;
            group.norm2 += new * new - old * old;
            if count == 1 {
                for &b in &group.filed {
                    index.file((b, w), g as u32);
                }
            }
        }
        group.members.push(probe.index);
        group.docs.insert(items[probe.index].doc());
        let summary = &mut self.summaries[g];
        summary.empty = false;
        summary.add_doc(items[probe.index].doc());
        summary.nameless &= probe.actors.is_empty() && probe.places.is_empty();
        group.actors.extend(&probe.actors);
        group.places.extend(&probe.places);
        group.agents.extend(&probe.agents);
        group.lemmas.extend(probe.lemma);
        let any = |names: &[u32]| names.iter().any(|&a| identifies(self.identifying, a));
        group.identified[0] |= any(&probe.agents);
        group.identified[1] |= any(&probe.actors);
    }

    /// The groups filed under the probe's keys in its date's bucket and,
    /// for a day, the three days either side of it, each once, into
    /// `self.seen.candidates`.
    fn candidates(&mut self, probe: &Probe<'_>, bounds: (NaiveDate, NaiveDate)) {
        let (own, _) = buckets(bounds);
        let mut look = [own; 7];
        let mut n = 1;
        if let Bucket::Day(d) = own {
            for k in 1..=3 {
                look[n] = Bucket::Day(d - chrono::Days::new(k));
                look[n + 1] = Bucket::Day(d + chrono::Days::new(k));
                n += 2;
            }
        }
        self.seen.start(self.groups.len());
        let keys = look[..n]
            .iter()
            .flat_map(|&b| probe.keys.iter().map(move |&w| (b, w)));
        self.index
            .recent(keys, POSTINGS_READ, &mut self.seen.candidates);
        self.seen.distinct();
    }

    /// The most similar group the probe may join, if any, other than `not`.
    /// Of equally similar groups, the first formed.
    fn best_group(&mut self, probe: &Probe<'_>, not: Option<usize>) -> Option<usize> {
        let item = &self.items[probe.index];
        self.candidates(probe, item.bounds?);
        let mut best: Option<(f64, usize)> = None;
        for &g in &self.seen.candidates {
            let g = g as usize;
            let summary = &self.summaries[g];
            if Some(g) == not || summary.empty {
                continue;
            }
            let Some(need) = threshold(item, summary, (&self.groups, g)) else {
                continue;
            };
            if unnamed_across(item, probe, summary, (&self.groups, g)) {
                continue;
            }
            let group = &self.groups[g];
            if disjoint(&probe.places, &group.places) || self.strangers(probe, group) {
                continue;
            }
            let sim = similarity(probe, group);
            let met = meets(item, probe, (summary, group), need, sim);
            if met && best.is_none_or(|(s, b)| sim > s || (sim == s && g < b)) {
                best = Some((sim, g));
            }
        }
        best.map(|(_, g)| g)
    }
}

/// Whether the probe, `sim` similar to the group, is similar enough to
/// join it: `need`, or less for a happening of the same kind to the same
/// party, or for two agents on the same day.
fn meets(
    item: &Item<'_>,
    probe: &Probe<'_>,
    (summary, group): (&Summary, &Group),
    need: f64,
    sim: f64,
) -> bool {
    let agents = probe
        .agents
        .iter()
        .filter(|a| group.agents.contains(a))
        .count();
    let same_day = item.precision >= Some(Precision::Day)
        && item.bounds.map(|b| b.0) == Some(summary.anchor.0)
        && summary.precision >= Some(Precision::Day);
    let same_value = item.bounds == Some(summary.anchor);
    let same_kind = probe.lemma.is_some_and(|l| group.lemmas.contains(&l))
        && probe
            .actors
            .iter()
            .chain(&probe.places)
            .any(|a| group.actors.contains(a) || group.places.contains(a));
    sim >= need
        || (same_kind
            && sim
                >= if same_value {
                    SAME_DAY_AGENTS
                } else {
                    need * SAME_KIND
                })
        || (same_day && agents >= 2 && sim >= SAME_DAY_AGENTS)
}

impl Clustering<'_, '_> {
    /// The probe's clause (or sentence) names someone identifying, the
    /// group's clauses (or sentences) do too, and none of the probe's is
    /// among the group's: two parties' happenings ("Citadel's shares
    /// closed", "Ralston's shares closed").
    fn strangers(&self, probe: &Probe<'_>, group: &Group) -> bool {
        let [agents, actors] = group.identified;
        (agents && self.none_shared(&probe.agents, &group.agents))
            || (actors && self.none_shared(&probe.actors, &group.actors))
    }

    /// `mine` names someone identifying, none of them among `theirs`
    /// (which the caller knows to name someone identifying).
    fn none_shared(&self, mine: &[u32], theirs: &Set<u32>) -> bool {
        let mut mine = mine
            .iter()
            .filter(|&&a| identifies(self.identifying, a))
            .peekable();
        mine.peek().is_some() && !mine.any(|a| theirs.contains(a))
    }
}

/// Whether name `a` identifies someone (see [`IDENTIFYING_SHARE`]).
fn identifies(identifying: &[bool], a: u32) -> bool {
    identifying.get(a as usize).copied().unwrap_or(false)
}

/// A mention and a group from another article, one of them naming
/// nobody and nowhere, dated coarser than a day: "the company earned $17
/// million in 1988" in two articles tells of two companies as often as of
/// one, and nothing in the words can tell which.
fn unnamed_across(
    item: &Item<'_>,
    probe: &Probe<'_>,
    summary: &Summary,
    (groups, g): (&[Group], usize),
) -> bool {
    let coarse = item.precision < Some(Precision::Day) || summary.precision < Some(Precision::Day);
    let nameless = (probe.actors.is_empty() && probe.places.is_empty()) || summary.nameless;
    coarse && nameless && !summary.has_doc(item.doc(), groups, g)
}

/// The similarity the item needs to join the group, or `None` when their
/// dates rule it out.
fn threshold(item: &Item<'_>, summary: &Summary, (groups, g): (&[Group], usize)) -> Option<f64> {
    let (a0, a1) = item.bounds?;
    let (b0, b1) = summary.anchor;
    if a0 <= b0 && a1 >= b1 {
        return Some(if (a0, a1) == (b0, b1) {
            SAME_DATE
        } else {
            COARSER
        });
    }
    if a0 >= b0 && a1 <= b1 {
        return Some(SAME_DATE);
    }
    let days = |p: Option<Precision>| p >= Some(Precision::Day);
    let near = days(item.precision)
        && days(summary.precision)
        && (a0.num_days_from_ce() - b0.num_days_from_ce()).abs() <= 3
        && !summary.has_doc(item.doc(), groups, g);
    near.then_some(NEAR_DAYS)
}

/// Both sides name something and nothing in common.
fn disjoint(a: &[u32], b: &Set<u32>) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

/// The count of word `w` in `counts` (sorted by word, none of them
/// before `w` wanted) and the counts after it: a search in steps that
/// double, then halve, so that words close together are found in a few.
fn gallop(counts: &[(u32, u32)], w: u32) -> (Option<u32>, &[(u32, u32)]) {
    let mut end = 1;
    while end < counts.len() && counts[end - 1].0 < w {
        end *= 2;
    }
    let end = end.min(counts.len());
    let at = counts[..end].partition_point(|&(x, _)| x < w);
    match counts.get(at) {
        Some(&(x, c)) if x == w => (Some(c), &counts[at + 1..]),
        _ => (None, &counts[at..]),
    }
}

/// How typical each of `members` is of them all: the cosine between its
/// words and the members' centroid. The most typical member says what the
/// group is about; an odd clause that joined it on a shared name does not.
pub(super) fn typicality(members: &[usize], words: &Words, weight: &[f64]) -> Vec<f64> {
    let mut counts: HashMap<u32, u32> = HashMap::default();
    for &m in members {
        for &w in words.get(m) {
            *counts.entry(w).or_default() += 1;
        }
    }
    let norm2: f64 = counts
        .iter()
        .map(|(&w, &c)| (f64::from(c) * weight[w as usize]).powi(2))
        .sum();
    members
        .iter()
        .map(|&m| {
            let w2 = |w: u32| weight[w as usize].powi(2);
            let norm = words.get(m).iter().map(|&w| w2(w)).sum::<f64>().sqrt();
            let dot: f64 = words
                .get(m)
                .iter()
                .map(|&w| f64::from(counts.get(&w).copied().unwrap_or(0)) * w2(w))
                .sum();
            if norm == 0.0 || norm2 <= 0.0 {
                0.0
            } else {
                dot / (norm * norm2.sqrt())
            }
        })
        .collect()
}

/// Cosine between the probe's words and the group's centroid.
fn similarity(probe: &Probe<'_>, group: &Group) -> f64 {
    if probe.norm == 0.0 || group.norm2 <= 0.0 {
        return 0.0;
    }
    // Both word lists are sorted: each word is looked for after the last.
    let mut rest = &group.counts.0[..];
    let dot: f64 = probe
        .words
        .iter()
        .zip(&probe.squares)
        .filter_map(|(&w, &square)| {
            let (found, after) = gallop(rest, w);
            rest = after;
            found.map(|c| f64::from(c) * square)
        })
        .sum();
    dot / (probe.norm * group.norm2.sqrt())
}

#[cfg(test)]
mod tests {
    use super::{Words, gallop, stem, typicality};
    use crate::{Document, Timeline};
    use annals_parse::EventMention;
    use chrono::NaiveDate;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: None,
            source: None,
            url: None,
            published: NaiveDate::from_ymd_opt(2019, 9, 25).expect("a date"),
            text: text.into(),
        }
    }

    #[test]
    fn gallop_finds_a_word_and_what_follows() {
        let counts: Vec<(u32, u32)> = (0..20).map(|k| (k * 3, k + 1)).collect();
        // (word, its count, how many counts are left after the search)
        let table: &[(u32, Option<u32>, usize)] = &[
            (0, Some(1), 19),
            (1, None, 19),
            (3, Some(2), 18),
            (30, Some(11), 9),
            (31, None, 9),
            (57, Some(20), 0),
            (58, None, 0),
        ];
        for &(w, want, left) in table {
            let (found, rest) = gallop(&counts, w);
            assert_eq!((found, rest.len()), (want, left), "{w}");
        }
        assert_eq!(gallop(&[], 4), (None, &[][..]));
    }

    /// One mention per text, its whole text the clause; `names` are the
    /// sentence's names, the first `agents` of them the clause's.
    fn build(texts: &[&str], value: &str, names: &[&[&str]], agents: usize) -> Timeline {
        let docs: Vec<Document> = (0..texts.len())
            .map(|i| doc(&format!("{i}.txt"), texts[i]))
            .collect();
        let mentions: Vec<Vec<EventMention>> = (0..texts.len())
            .map(|i| {
                let t = texts[i];
                let own = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
                vec![EventMention {
                    sentence: 0..t.len(),
                    clause: 0..t.len(),
                    trigger: 0..1,
                    lemma: "report".into(),
                    timex: 0..1,
                    value: value.parse().expect("a value"),
                    modifier: None,
                    end: None,
                    title: t.trim_end_matches('.').into(),
                    participants: own(names[i]),
                    actors: own(&names[i][..agents.min(names[i].len())]),
                    places: Vec::new(),
                    negated: false,
                }]
            })
            .collect();
        Timeline::build("T", &docs, &mentions)
    }

    #[test]
    fn companies_sharing_only_a_common_name_stay_apart() {
        // "corp" is in every mention, so it identifies nobody; the
        // company names do, and differ.
        let texts = [
            "Acme Corp reported a third-quarter loss of $5 million.",
            "Zenith Corp reported a third-quarter loss of $7 million.",
            "Orbit Corp reported a third-quarter loss of $2 million.",
        ];
        let names: [&[&str]; 3] = [&["acme", "corp"], &["zenith", "corp"], &["orbit", "corp"]];
        let t = build(&texts, "2019-09-25", &names, 0);
        assert_eq!(t.events.len(), 3, "{:#?}", t.events);
        // The same company in two articles is one happening.
        let texts = [
            texts[0],
            "Acme Corp reported a third-quarter loss of $5 million.",
        ];
        let t = build(&texts, "2019-09-25", &[names[0], names[0]], 2);
        assert_eq!(t.events.len(), 1, "{:#?}", t.events);
    }

    #[test]
    fn nameless_coarse_mentions_of_two_articles_stay_apart() {
        let texts = [
            "In 2018, the company earned $17 million on revenue of $350 million.",
            "In 2018, the company earned $20 million on revenue of $350 million.",
        ];
        let t = build(&texts, "2018", &[&[], &[]], 0);
        assert_eq!(t.events.len(), 2, "{:#?}", t.events);
        // A day is evidence enough: one quake, told twice.
        let texts = [
            "The earthquake struck the coast on Tuesday.",
            "The earthquake struck the coast on Tuesday.",
        ];
        let t = build(&texts, "2019-09-24", &[&[], &[]], 0);
        assert_eq!(t.events.len(), 1, "{:#?}", t.events);
    }

    #[test]
    fn the_odd_member_is_the_least_typical() {
        // Words 0..3 are what three members say; member 3 shares only the
        // name (word 0) and talks of something else (words 4, 5).
        let mut words = Words::default();
        for w in [
            vec![0, 1, 2],
            vec![0, 1, 2, 3],
            vec![0, 1, 3],
            vec![0, 4, 5],
        ] {
            words.push(w);
        }
        let weight = vec![1.0; 6];
        let t = typicality(&[0, 1, 2, 3], &words, &weight);
        let least = (0..4).min_by(|&a, &b| t[a].total_cmp(&t[b]));
        assert_eq!(least, Some(3), "{t:?}");
        assert!(t.iter().all(|&x| (0.0..=1.0).contains(&x)), "{t:?}");
        // No words: not typical of anything, and no division by zero.
        let mut none = Words::default();
        none.push(Vec::new());
        assert_eq!(typicality(&[0], &none, &weight), [0.0]);
    }

    #[test]
    fn stems_strip_common_endings() {
        for (forms, want) in [
            (&["visited", "visits", "visiting", "visit"][..], "visit"),
            (&["closed", "closes", "close", "closing"], "clos"),
            (&["stopped", "stops", "stop"], "stop"),
            (&["countries", "country"], "country"),
            (&["press"], "press"),
            (&["gas"], "gas"),
            (&["falls", "fall"], "fall"),
            (&["obama's", "obama"], "obama"),
        ] {
            for form in forms {
                assert_eq!(stem(form), want, "{form}");
            }
        }
    }
}
