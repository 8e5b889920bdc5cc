//! The whole pipeline as library calls, for the `annals` commands and any
//! other driver (a Spark job piping through `annals mentions`, a server):
//!
//! 1. [`document`]: an article read by [`crate::ingest::read_file`] plus
//!    what `annals.yaml` says about it → a [`Document`] (or `None` when
//!    it has no publication date: [`undated`] says how to give one);
//! 2. [`mentions`] (the map, one document at a time) → its event mentions
//!    as [`Mention`] records, ready to write with
//!    [`crate::records::Record::to_line`]; [`mentions_all`] does every
//!    document on several threads, in input order;
//! 3. [`reduce`]: documents and their mention records + `annals.yaml` →
//!    the [`Timeline`], with the corrections applied and the salience
//!    filters kept.
//!
//! [`timeline`] chains 2 and 3. The one-step build and the map/reduce
//! path call the same [`reduce`] on the same records, so they give the
//! same timeline, byte for byte once printed.
//!
//! ```
//! use annals_model::config::Config;
//! use annals_model::pipeline::{Options, document, timeline};
//! use annals_model::ingest::read_file;
//!
//! let text = b"---\npublished: 2019-09-25\n---\nThe council met on Tuesday.\n";
//! let found = read_file("a.md", "in/a.md", text).expect("an article");
//! let config = Config::default();
//! let doc = document(&found.articles[0], &config).expect("a dated article");
//! let timeline = timeline(&[doc], &config, &Options::default()).expect("no bad override");
//! assert_eq!(timeline.events[0].when.value.as_str(), "2019-09-24");
//! ```
//!
//! Errors: [`reduce`] and [`timeline`] return the diagnostics of the
//! `annals.yaml` corrections that cannot be applied
//! ([`crate::overrides::apply`]).

#[cfg(feature = "pipeline")]
use std::ops::Range;

use crate::config::Config;
use crate::ingest::{self, Article};
use crate::records::Mention;
use crate::store::MentionStore;
use crate::{Diagnostic, Document, SourceInfo, Timeline, overrides};

/// Knobs of [`reduce`] and [`timeline`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Keep only the N most salient events (see
    /// [`Timeline::keep_salient`]); `annals.yaml`'s `min_sources` applies
    /// as well.
    pub top: Option<usize>,
    /// Threads for [`timeline`]'s map step; 0 means one.
    pub workers: usize,
}

/// An article with the metadata `annals.yaml` gives it (under
/// `articles:`, by its id), its URL checked. Applying it twice changes
/// nothing, so articles printed by `annals articles` (already applied)
/// may go through it again.
pub fn with_config(article: &Article, config: &Config) -> Article {
    let meta = config
        .articles
        .get(&article.doc)
        .cloned()
        .unwrap_or_default();
    let url = meta
        .url
        .or_else(|| article.url.clone())
        .and_then(|u| ingest::check_url(&u).usable());
    Article {
        doc: article.doc.clone(),
        title: meta.title.or_else(|| article.title.clone()),
        source: meta.source.or_else(|| article.source.clone()),
        url,
        published: meta.published.or(article.published),
        author: article.author.clone(),
        text: article.text.clone(),
    }
}

/// The document an article becomes with `annals.yaml`'s metadata, or
/// `None` when neither gives a publication date (see [`undated`]).
pub fn document(article: &Article, config: &Config) -> Option<Document> {
    into_document(with_config(article, config), config)
}

/// [`document`], taking the article: its text moves into the document
/// rather than being copied (a collection's text is held once).
pub fn into_document(mut article: Article, config: &Config) -> Option<Document> {
    let text = std::mem::take(&mut article.text);
    let mut article = with_config(&article, config);
    article.text = text;
    Some(Document {
        published: article.published?,
        id: article.doc,
        title: article.title,
        source: article.source,
        url: article.url,
        text: article.text,
    })
}

/// The problem of an article with no publication date: `place` says where
/// it was read (a file, or a file and line), `config` names the
/// `annals.yaml` to add the date to, and the help shows the YAML.
pub fn undated(place: &str, doc: &str, config: &str) -> Diagnostic {
    Diagnostic::file(
        place,
        "no publication date: the article states none near its top",
    )
    .with_help(format!(
        "relative dates need it; add to {config}:\n\n{}",
        crate::config::article_snippet(doc)
    ))
}

/// The map step for one document: tags its temporal expressions against
/// its publication date, finds the event mentions (dated clauses, and the
/// lead's news of the publication day) and turns them into records.
#[cfg(feature = "pipeline")]
pub fn mentions(doc: &Document) -> Vec<Mention> {
    mentions_on(doc, 1)
}

/// Texts at least this long are split into runs of sentences whose
/// mentions are found on several threads.
#[cfg(feature = "pipeline")]
const SPLIT_BYTES: usize = 1 << 20;

/// Runs of sentences per thread: more runs than threads, so that a thread
/// that finishes early takes another.
#[cfg(feature = "pipeline")]
const RUNS_PER_THREAD: usize = 4;

/// [`mentions`] on `threads` threads: a long text is tagged in parts on
/// every thread ([`annals_parse::tag_on`]) while its sentences are split,
/// then its sentences are split into runs, whose mentions are found in
/// parallel and joined in order (the same records as on one thread).
#[cfg(feature = "pipeline")]
fn mentions_on(doc: &Document, threads: usize) -> Vec<Mention> {
    mentions_split(doc, threads, SPLIT_BYTES)
}

/// [`mentions_on`], splitting texts of at least `split` bytes.
#[cfg(feature = "pipeline")]
fn mentions_split(doc: &Document, threads: usize, split: usize) -> Vec<Mention> {
    use annals_parse::events;
    let text = doc.text.as_str();
    let parallel = threads > 1 && text.len() >= split;
    let (timexes, sentences) = tag_and_split(doc, if parallel { threads } else { 1 });
    let runs = if parallel {
        runs(text.len(), &sentences, threads)
    } else {
        vec![&sentences[..]]
    };
    let found = crate::pool::in_order(
        runs.into_iter(),
        threads,
        &|run| {
            events::mentions_in(text, run, &timexes)
                .into_iter()
                .map(|m| Mention::of(doc, m))
                .collect::<Vec<_>>()
        },
        &|| {},
    );
    let mut out: Vec<Mention> = found.into_iter().flatten().collect();
    let lead = events::lead(text, &timexes, doc.published);
    out.extend(lead.into_iter().map(|m| Mention::of(doc, m)));
    out
}

/// A text's timexes and sentences; with more than one thread, the
/// sentences are split beside the tagging, which takes every thread.
#[cfg(feature = "pipeline")]
fn tag_and_split(doc: &Document, threads: usize) -> (Vec<annals_parse::Timex>, Vec<Range<usize>>) {
    let text = doc.text.as_str();
    let tag = || annals_parse::tag_on(text, &annals_parse::Anchor::new(doc.published), threads);
    if threads <= 1 {
        return (tag(), annals_parse::sentences(text));
    }
    std::thread::scope(|scope| {
        let split = scope.spawn(|| annals_parse::sentences(text));
        let timexes = tag();
        match split.join() {
            Ok(sentences) => (timexes, sentences),
            // A panic in the splitter is a bug; carry it to the caller.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// `sentences` (of a text `len` bytes long) in [`RUNS_PER_THREAD`] runs
/// per thread, consecutive and of about equal length.
#[cfg(feature = "pipeline")]
fn runs(len: usize, sentences: &[Range<usize>], threads: usize) -> Vec<&[Range<usize>]> {
    let n = threads.max(1) * RUNS_PER_THREAD;
    let mut out = Vec::with_capacity(n);
    let mut rest = sentences;
    for k in 1..n {
        let until = len / n * k;
        let (run, after) = rest.split_at(rest.partition_point(|s| s.end <= until));
        out.push(run);
        rest = after;
    }
    out.push(rest);
    out
}

/// [`mentions`] of every document on `workers` threads (at least one),
/// in input order; `done` is called after each document (a progress bar).
/// A long document's sentences are shared among the threads too.
#[cfg(feature = "pipeline")]
pub fn mentions_all(
    docs: &[Document],
    workers: usize,
    done: &(dyn Fn() + Sync),
) -> Vec<Vec<Mention>> {
    crate::pool::in_order(docs.iter(), workers, &|doc| mentions_on(doc, workers), done)
}

/// [`mentions_all`], taking the documents: each text is dropped as soon
/// as its mentions are found, so a collection's texts and records are not
/// all held at once. Returns the documents' [`SourceInfo`]s and their
/// mentions, in input order.
#[cfg(feature = "pipeline")]
pub fn map_all(
    docs: Vec<Document>,
    workers: usize,
    done: &(dyn Fn() + Sync),
) -> (Vec<SourceInfo>, Vec<Vec<Mention>>) {
    let sources: Vec<SourceInfo> = docs.iter().map(SourceInfo::of).collect();
    let found = crate::pool::in_order(
        docs.into_iter(),
        workers,
        &|doc| mentions_on(&doc, workers),
        done,
    );
    (sources, found)
}

/// The map step for one article: with `annals.yaml`'s metadata, its
/// [`SourceInfo`] and its [`mentions`], the text dropped once they are
/// found; `None` when it has no publication date (see [`undated`]).
#[cfg(feature = "pipeline")]
pub fn map_article(article: Article, config: &Config) -> Option<(SourceInfo, Vec<Mention>)> {
    map_article_on(article, config, 1)
}

/// [`map_article`], a long text's mentions found on `threads` threads
/// (see [`mentions_all`]): the same records.
#[cfg(feature = "pipeline")]
pub fn map_article_on(
    article: Article,
    config: &Config,
    threads: usize,
) -> Option<(SourceInfo, Vec<Mention>)> {
    let doc = into_document(article, config)?;
    Some((SourceInfo::of(&doc), mentions_on(&doc, threads)))
}

/// `work` on every item on `workers` threads (at least one), each result
/// handed to `sink` on the calling thread in input order as soon as the
/// ones before it are. Workers take the next item as they finish one, so
/// a few long articles do not leave the other threads idle.
///
/// A driver that reads files passes their names as the items and reads
/// each one inside `work` (then [`map_article`]), and keeps what `sink`
/// is given compactly (a [`MentionStore`]): only the files in progress
/// are held, never a collection's texts or all its records as made.
#[cfg(feature = "pipeline")]
pub fn for_each_in_order<T: Send, R: Send>(
    items: impl ExactSizeIterator<Item = T> + Send,
    workers: usize,
    work: &(dyn Fn(T) -> R + Sync),
    sink: &mut dyn FnMut(R),
) {
    let workers = workers.clamp(1, items.len().max(1));
    let queue = std::sync::Mutex::new(items.enumerate());
    let (sender, results) = std::sync::mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (queue, sender) = (&queue, sender.clone());
                scope.spawn(move || {
                    // A poisoned lock means another worker panicked; its
                    // panic reaches the caller below.
                    while let Some((i, item)) = queue.lock().ok().and_then(|mut q| q.next()) {
                        if sender.send((i, work(item))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(sender);
        // Results that came before their turn.
        let mut early = std::collections::BTreeMap::new();
        let mut next = 0;
        for (i, r) in results {
            early.insert(i, r);
            while let Some(r) = early.remove(&next) {
                sink(r);
                next += 1;
            }
        }
        for handle in handles {
            // A panic in a worker is a bug; carry it to the caller.
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

/// The reduce step: the timeline of the documents `sources` from their
/// mention records (`mentions[i]` belongs to `sources[i]`), titled and
/// corrected by `annals.yaml`, then filtered by salience.
pub fn reduce(
    sources: &[SourceInfo],
    mentions: &[Vec<Mention>],
    config: &Config,
    options: &Options,
) -> Result<Timeline, Vec<Diagnostic>> {
    let mut store = MentionStore::default();
    for (doc, ms) in mentions.iter().enumerate().take(sources.len()) {
        store.push(doc, ms.clone());
    }
    reduce_store(sources, store, config, options)
}

/// [`reduce`], taking the records: each document's move into the store
/// rather than being copied, so a collection's records are not held
/// twice.
pub fn reduce_owned(
    sources: &[SourceInfo],
    mentions: Vec<Vec<Mention>>,
    config: &Config,
    options: &Options,
) -> Result<Timeline, Vec<Diagnostic>> {
    let mut store = MentionStore::default();
    for (doc, ms) in mentions.into_iter().enumerate().take(sources.len()) {
        store.push(doc, ms);
    }
    reduce_store(sources, store, config, options)
}

/// [`reduce`] on records held in a [`MentionStore`] (the mentions of
/// `sources[i]` pushed as document `i`), which it takes.
pub fn reduce_store(
    sources: &[SourceInfo],
    store: MentionStore,
    config: &Config,
    options: &Options,
) -> Result<Timeline, Vec<Diagnostic>> {
    let title = config.title.as_deref().unwrap_or("Timeline");
    let built = Timeline::from_store_on(title, sources, store, options.workers);
    // Corrections first: they may name any event, even one the filters drop.
    let mut timeline = overrides::apply_owned(built, config)?;
    timeline.keep_salient(options.top, config.min_sources);
    Ok(timeline)
}

/// Documents + `annals.yaml` → the timeline: [`mentions_all`] then
/// [`reduce`].
#[cfg(feature = "pipeline")]
pub fn timeline(
    docs: &[Document],
    config: &Config,
    options: &Options,
) -> Result<Timeline, Vec<Diagnostic>> {
    let mentions = mentions_all(docs, options.workers, &|| {});
    let sources: Vec<SourceInfo> = docs.iter().map(SourceInfo::of).collect();
    reduce(&sources, &mentions, config, options)
}

#[cfg(test)]
mod tests;
