//! How much the collection points at an event's date.
//!
//! A journalist's timeline keeps the days the coverage keeps coming back
//! to. An article that cites a happening on a day *after* that day points
//! back at it: the day mattered enough to be retold. An article published
//! before the day and citing it was waiting for it (a vote, a deadline).
//! An article of the day itself is that day's news, which every day has.
//! So each article citing a day weighs [`LATER`], [`EARLIER`] or
//! [`SAME`] by when it was published, counted once per day however many
//! of the day's events it cites.
//!
//! A day is the unit of news: the attention of a day-precision event is
//! that of its whole day, shared by the day's events (the event's own
//! sources then rank it among them). A month or a year is not: it gathers
//! unrelated happenings, and an article recalling "2015" is giving
//! background, not retelling a day. So a coarser event's attention is its
//! own articles, [`SAME`] each.
//!
//! Copies of one story (see [`crate::copies`]) count once, by their most
//! telling copy. A clause that makes no headline ("… was found on
//! Tuesday", [`Timeline::also_cited`]) is no event, but its article cites
//! the day all the same: it counts towards a day that has events.
//!
//! An event told by one article alone is unconfirmed: however much its day
//! is talked about, a confirmed event comes first, so the key events are
//! happenings that two independent sources report. A coarser event is
//! background ("the 1989 spill", "in 2006 he was elected"), and in a big
//! collection two articles recalling a year is chance, not confirmation:
//! it is confirmed only when one article in [`BACKGROUND_SHARE`] of the
//! collection tells it (and two at least). Then the attention, and then
//! the event's own score ranks events of equal attention:
//!
//! `salience = confirmed · CONFIRMED + attention · OWN + own`, where
//! `own = 100 · independent sources + mentions and actors` (the part under
//! 100 that [`crate::build`] gives), `own < OWN` and `attention · OWN <
//! CONFIRMED`.

use std::collections::{BTreeMap, BTreeSet};

use annals_parse::Precision;
use chrono::NaiveDate;

use crate::{Event, Timeline, copies};

/// The weight of an article published after the day it cites.
pub(crate) const LATER: u64 = 5;
/// The weight of an article published before the day it cites.
pub(crate) const EARLIER: u64 = 2;
/// The weight of an article published on (or within) the date it cites.
pub(crate) const SAME: u64 = 1;
/// The salience an event's own score lives under.
pub(crate) const OWN: u64 = 100_000;
/// The salience a confirmed event (two independent sources) starts at.
pub(crate) const CONFIRMED: u64 = 1_000_000_000_000_000;
/// A coarser-than-day event is confirmed by one article in this many of
/// the collection (two at least).
pub(crate) const BACKGROUND_SHARE: usize = 100;
/// The highest attention that stays under [`CONFIRMED`].
const MAX_ATTENTION: u64 = CONFIRMED / OWN - 1;

impl Timeline {
    /// Sets every event's salience to whether it is confirmed, its
    /// attention, then its independent sources (copies of one story count
    /// once, see [`crate::copies`]), then the rest of its own score
    /// (mentions and actors, the part under 100), so calling it again
    /// changes nothing.
    pub(crate) fn weigh_attention(&mut self) {
        let scores = self.attention_and_sources();
        let background = confirming_background(self.sources.len());
        for (event, (attention, sources)) in self.events.iter_mut().zip(scores) {
            let needed = if day_of(event).is_some() {
                2
            } else {
                background
            };
            let confirmed = if sources >= needed { CONFIRMED } else { 0 };
            let own = 100 * sources.min(999) + event.salience % 100;
            event.salience = confirmed + attention.min(MAX_ATTENTION) * OWN + own;
        }
    }

    /// Each event's attention and number of independent sources.
    fn attention_and_sources(&self) -> Vec<(u64, u64)> {
        let published: BTreeMap<&str, NaiveDate> = self
            .sources
            .iter()
            .map(|s| (s.doc.as_str(), s.published))
            .collect();
        let originals = copies::originals(&self.sources, &self.events);
        let story = |doc: &str| -> Option<&str> {
            let (&doc, _) = published.get_key_value(doc)?;
            Some(originals.get(doc).copied().unwrap_or(doc))
        };
        // Each day's stories, weighed by their most telling copy.
        let mut days: BTreeMap<NaiveDate, BTreeMap<&str, u64>> = BTreeMap::new();
        let cite = |stories: &mut BTreeMap<_, u64>, doc: &str, day: NaiveDate| {
            if let Some(s) = story(doc) {
                let w = weight(published.get(doc).copied(), day);
                let old = stories.entry(s).or_default();
                *old = (*old).max(w);
            }
        };
        for event in &self.events {
            let Some(day) = day_of(event) else { continue };
            let stories = days.entry(day).or_default();
            for c in &event.citations {
                cite(stories, &c.doc, day);
            }
        }
        // Days cited in clauses that make no headline: talked about all the
        // same, where events were made.
        for cited in &self.also_cited {
            if let Some(stories) = days.get_mut(&cited.day) {
                cite(stories, &cited.doc, cited.day);
            }
        }
        let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
        self.events
            .iter()
            .map(|event| {
                let own: BTreeSet<&str> = event
                    .citations
                    .iter()
                    .filter_map(|c| story(&c.doc))
                    .collect();
                let attention = match day_of(event).and_then(|day| days.get(&day)) {
                    Some(stories) => stories.values().fold(0u64, |a, &w| a.saturating_add(w)),
                    None => SAME.saturating_mul(count(own.len())),
                };
                (attention, count(own.len()))
            })
            .collect()
    }
}

/// The independent sources that confirm a coarser-than-day event in a
/// collection of `articles`: one in [`BACKGROUND_SHARE`], two at least.
fn confirming_background(articles: usize) -> u64 {
    let share = articles.div_ceil(BACKGROUND_SHARE).max(2);
    u64::try_from(share).unwrap_or(u64::MAX)
}

/// The day of a day-precision (or finer) event.
fn day_of(event: &Event) -> Option<NaiveDate> {
    let fine = event.when.precision()? >= Precision::Day;
    fine.then(|| event.when.first_day()).flatten()
}

/// An article's weight for a day; a citation of no article of the
/// collection (an event added by hand cites `annals.yaml`) weighs nothing.
fn weight(published: Option<NaiveDate>, day: NaiveDate) -> u64 {
    match published {
        Some(p) if p > day => LATER,
        Some(p) if p < day => EARLIER,
        Some(_) => SAME,
        None => 0,
    }
}

#[cfg(test)]
mod tests;
