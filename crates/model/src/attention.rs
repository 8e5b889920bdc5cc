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
//! The attention leads an event's salience; the score
//! [`crate::build`] gives from the event's own sources, mentions and actors
//! stays in the low digits and ranks events of equal attention:
//! `salience = attention · OWN + own`, with `own < OWN`.

use std::collections::{BTreeMap, BTreeSet};

use annals_parse::Precision;
use chrono::NaiveDate;

use crate::{Event, Timeline};

/// The weight of an article published after the day it cites.
pub(crate) const LATER: u32 = 5;
/// The weight of an article published before the day it cites.
pub(crate) const EARLIER: u32 = 2;
/// The weight of an article published on (or within) the date it cites.
pub(crate) const SAME: u32 = 1;
/// The salience an event's own score lives under.
pub(crate) const OWN: u32 = 100_000;
/// The highest attention that still fits a `u32` salience.
const MAX_ATTENTION: u32 = (u32::MAX - OWN) / OWN;

impl Timeline {
    /// Sets every event's salience to its attention followed by its own
    /// score (the part of the salience under [`OWN`]), so calling it again
    /// changes nothing.
    pub(crate) fn weigh_attention(&mut self) {
        let published: BTreeMap<&str, NaiveDate> = self
            .sources
            .iter()
            .map(|s| (s.doc.as_str(), s.published))
            .collect();
        let mut days: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
        for event in &self.events {
            if let Some(day) = day_of(event) {
                let docs = days.entry(day).or_default();
                docs.extend(event.citations.iter().map(|c| c.doc.as_str()));
            }
        }
        let attention: Vec<u32> = self
            .events
            .iter()
            .map(|event| {
                let known = |doc: &&str| published.contains_key(doc);
                match day_of(event).and_then(|day| Some((day, days.get(&day)?))) {
                    Some((day, docs)) => docs
                        .iter()
                        .map(|d| weight(published.get(d).copied(), day))
                        .fold(0, u32::saturating_add),
                    None => {
                        let docs: BTreeSet<&str> =
                            event.citations.iter().map(|c| c.doc.as_str()).collect();
                        let n = docs.into_iter().filter(known).count();
                        SAME.saturating_mul(u32::try_from(n).unwrap_or(u32::MAX))
                    }
                }
            })
            .collect();
        for (event, attention) in self.events.iter_mut().zip(attention) {
            event.salience = attention.min(MAX_ATTENTION) * OWN + event.salience % OWN;
        }
    }
}

/// The day of a day-precision (or finer) event.
fn day_of(event: &Event) -> Option<NaiveDate> {
    let fine = event.when.precision()? >= Precision::Day;
    fine.then(|| event.when.first_day()).flatten()
}

/// An article's weight for a day; a citation of no article of the
/// collection (an event added by hand cites `annals.yaml`) weighs nothing.
fn weight(published: Option<NaiveDate>, day: NaiveDate) -> u32 {
    match published {
        Some(p) if p > day => LATER,
        Some(p) if p < day => EARLIER,
        Some(_) => SAME,
        None => 0,
    }
}

#[cfg(test)]
mod tests;
