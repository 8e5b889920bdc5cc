//! Applying the corrections of `annals.yaml` to a built timeline.
//!
//! [`apply`] runs the `events:` items of a [`Config`] in order, each on the
//! result of the ones before it (see [`crate::config`] for the format):
//!
//! - **edit** (`id:` or `match:` with `retitle`, `redate`, `mod`, `hide`,
//!   `note`): `redate` replaces the value, keeping its precision as
//!   written (`2019-04` stays a month) and clearing the modifier unless
//!   `mod` is given, and drops that date from the event's alternatives;
//!   `mod` alone changes only the modifier; `hide: true` removes the
//!   event.
//! - **merge**: the first id keeps its id, title, summary and place; the
//!   others' citations join it, at most one per article (the first one
//!   listed wins); the date is `redate` when given, else the most precise
//!   of the events' dates, which must all contain it (`2019-04` and
//!   `2019-04-16` merge to `2019-04-16`; two different days need a
//!   `redate`). The merged events' alternative dates are kept, and dates a
//!   `redate` overrules become alternatives with their articles. Salience
//!   is rescored: 100 per article plus the best mention/actor score.
//! - **split**: one event per cited article, in citation order; the first
//!   keeps the id (and the note), the others get `stable_id(["split", id,
//!   article])`. An article that gave an alternative date gets that date.
//! - **add**: a new event with id `stable_id(["added", date, title])`,
//!   stable across runs; `source`/`url` become a citation whose `doc` is
//!   the config file and whose quote is empty; salience 0.
//!
//! A selector picks exactly one event: `id` by id; `match.date` events
//! whose value equals it or whose calendar days lie inside it; `match.word`
//! events whose title has it as a whole word (or phrase), ignoring case
//! and the accents of Latin letters.
//!
//! Afterwards events are sorted by their first day, then precision (coarse
//! before fine), title and id, and the config's `title`, when given,
//! becomes the timeline's.
//!
//! ## Errors
//!
//! All or nothing: every item is checked and every problem reported (an
//! `id` no event has, with the closest ids or what removed it; a `match`
//! that selects no event or several, with the candidates; a `merge` of
//! events whose dates disagree; a `split` of an event from one article; an
//! `add` of an event that already exists), and then either the whole
//! corrected timeline or only the diagnostics come back.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use annals_parse::Value;

use crate::config::{Action, Changes, Config, NewEvent, Override, Selector, Spanned};
use crate::{Alternative, Citation, Diagnostic, Event, Timeline, When, stable_id};

/// Applies `config`'s overrides to `timeline`: the corrected timeline, or
/// every problem found (then nothing is applied).
///
/// ```
/// use annals_model::{config::Config, overrides, Timeline};
/// let timeline = Timeline {
///     title: "t".into(),
///     events: Vec::new(),
///     sources: Vec::new(),
///     also_cited: Vec::new(),
/// };
/// let config = Config::parse(
///     "annals.yaml",
///     "events:\n  - add:\n      date: 2019-01-23\n      title: Guaidó proclaims himself interim president\n",
/// )
/// .unwrap();
/// let fixed = overrides::apply(&timeline, &config).unwrap();
/// assert_eq!(fixed.events[0].when.value.as_str(), "2019-01-23");
///
/// let bad = Config::parse("annals.yaml", "events:\n  - id: ev-00000000\n    hide: true\n").unwrap();
/// let errors = overrides::apply(&timeline, &bad).unwrap_err();
/// assert!(errors[0].to_string().contains("no event has the id `ev-00000000`"));
/// ```
pub fn apply(timeline: &Timeline, config: &Config) -> Result<Timeline, Vec<Diagnostic>> {
    apply_owned(timeline.clone(), config)
}

/// [`apply`], taking the timeline: its events are corrected in place
/// rather than copied (a collection's citations are held once).
pub fn apply_owned(timeline: Timeline, config: &Config) -> Result<Timeline, Vec<Diagnostic>> {
    let mut state = State {
        config,
        events: timeline.events,
        gone: BTreeMap::new(),
        split_at: BTreeMap::new(),
    };
    let mut diags = Vec::new();
    for item in config.overrides() {
        if let Err(mut problems) = state.apply(item) {
            diags.append(&mut problems);
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut events = state.events;
    crate::build::sort_events(&mut events);
    let mut fixed = Timeline {
        title: config.title.clone().unwrap_or(timeline.title),
        events,
        sources: timeline.sources,
        also_cited: timeline.also_cited,
    };
    // Merges, splits and new dates move citations between dates; with no
    // override the built salience stands.
    if !config.overrides().is_empty() {
        fixed.weigh_attention();
    }
    Ok(fixed)
}

/// The events as the overrides so far left them, and for each id an
/// override removed, a help saying which one.
struct State<'a> {
    config: &'a Config,
    events: Vec<Event>,
    gone: BTreeMap<String, String>,
    /// Events made by a `split`, with the line of that override.
    split_at: BTreeMap<String, usize>,
}

type Problems = Vec<Diagnostic>;

impl State<'_> {
    fn error(&self, span: Range<usize>, message: String, help: String) -> Diagnostic {
        Diagnostic::at(self.config.file(), self.config.text(), span, message).with_help(help)
    }

    /// The 1-based line of an override, to say which one removed an event.
    fn line(&self, item: &Override) -> usize {
        let text = self.config.text();
        text[..item.span.start.min(text.len())]
            .matches('\n')
            .count()
            + 1
    }

    /// Applies one override, or changes nothing and says why.
    fn apply(&mut self, item: &Override) -> Result<(), Problems> {
        match &item.action {
            Action::Edit { selector, changes } => {
                let index = self.select(selector).map_err(|d| vec![d])?;
                self.edit(index, changes, item);
                Ok(())
            }
            Action::Merge { ids, changes } => self.merge(ids, changes, item),
            Action::Split { id } => self.split(id, item).map_err(|d| vec![d]),
            Action::Add(new) => self.add(new).map_err(|d| vec![d]),
        }
    }

    fn edit(&mut self, index: usize, changes: &Changes, item: &Override) {
        if changes.hide {
            let event = self.events.remove(index);
            let line = self.line(item);
            self.gone.insert(
                event.id,
                format!(
                    "it was hidden by the override at line {line}; move this override before \
                     that one, or drop one of them"
                ),
            );
            return;
        }
        let event = &mut self.events[index];
        if let Some(title) = &changes.retitle {
            event.title.clone_from(title);
        }
        if let Some(value) = &changes.redate {
            event.when = When::new(value.clone(), changes.modifier);
            // A date the person chose is no longer an alternative to it.
            event.alternatives.retain(|a| a.when.value != *value);
        } else if let Some(modifier) = changes.modifier {
            event.when.modifier = Some(modifier);
        }
        if let Some(note) = &changes.note {
            event.note = Some(note.clone());
        }
    }

    /// The index of the one event a selector picks.
    fn select(&self, selector: &Selector) -> Result<usize, Diagnostic> {
        match selector {
            Selector::Id(id) => self.find(id),
            Selector::Match { date, word, span } => {
                self.find_match(date.as_ref(), word.as_deref(), span.clone())
            }
        }
    }

    /// The index of the event with id `id`.
    fn find(&self, id: &Spanned<String>) -> Result<usize, Diagnostic> {
        if let Some(index) = self.events.iter().position(|e| e.id == id.value) {
            return Ok(index);
        }
        let message = format!("no event has the id `{}`", id.value);
        if let Some(why) = self.gone.get(&id.value) {
            return Err(self.error(id.span.clone(), message, why.clone()));
        }
        let mut near: Vec<(usize, &Event)> = self
            .events
            .iter()
            .map(|e| {
                let lower = id.value.to_lowercase();
                (
                    crate::config::edit_distance(&lower, &e.id.to_lowercase()),
                    e,
                )
            })
            .filter(|(d, _)| *d <= 2)
            .collect();
        near.sort_by_key(|(d, e)| (*d, e.id.clone()));
        let near: Vec<&Event> = near.iter().take(3).map(|(_, e)| *e).collect();
        let help = match near.len() {
            0 => "run `annals events PATH --format table` to list the ids".to_owned(),
            1 => format!(
                "did you mean this one? (`annals events PATH --format table` lists all ids)\n{}",
                list(&near)
            ),
            _ => format!(
                "did you mean one of these? (`annals events PATH --format table` lists all \
                 ids)\n{}",
                list(&near)
            ),
        };
        Err(self.error(id.span.clone(), message, help))
    }

    /// The index of the one event a `match` picks.
    fn find_match(
        &self,
        date: Option<&Value>,
        word: Option<&str>,
        span: Range<usize>,
    ) -> Result<usize, Diagnostic> {
        let by_date = |e: &&Event| date.is_none_or(|d| date_matches(&e.when.value, d));
        let by_word = |e: &&Event| word.is_none_or(|w| has_word(&e.title, w));
        let found: Vec<(usize, &Event)> = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| by_date(e) && by_word(e))
            .collect();
        let what = match (date, word) {
            (Some(d), Some(w)) => format!("no event on {d} has `{w}` in its title"),
            (Some(d), None) => format!("no event is on {d}"),
            (None, Some(w)) => format!("no event has `{w}` in its title"),
            (None, None) => "no event matches".to_owned(),
        };
        match found.as_slice() {
            [(index, _)] => Ok(*index),
            [] => {
                // Show what half the selector finds on its own.
                let (label, near): (String, Vec<&Event>) = match (date, word) {
                    (Some(d), Some(_)) if self.events.iter().any(|e| by_date(&e)) => (
                        format!("events on {d}"),
                        self.events.iter().filter(by_date).collect(),
                    ),
                    (Some(_), Some(w)) => (
                        format!("events with `{w}`"),
                        self.events.iter().filter(by_word).collect(),
                    ),
                    _ => (String::new(), Vec::new()),
                };
                // A misspelt word: the closest word of the titles on that date.
                let typo = word.and_then(|w| {
                    let wanted = words(w);
                    let [wanted] = wanted.as_slice() else {
                        return None;
                    };
                    let vocabulary: BTreeSet<String> = self
                        .events
                        .iter()
                        .filter(by_date)
                        .flat_map(|e| words(&e.title))
                        .collect();
                    crate::config::closest(wanted, vocabulary.iter().map(String::as_str))
                        .map(str::to_owned)
                });
                let help = if let Some(typo) = typo {
                    let with: Vec<&Event> = self
                        .events
                        .iter()
                        .filter(|e| by_date(e) && has_word(&e.title, &typo))
                        .collect();
                    format!("did you mean `{typo}`?\n{}", list(&with))
                } else if near.is_empty() {
                    "check the date and the word, or run `annals events PATH --format table` to \
                     list the events"
                        .to_owned()
                } else {
                    format!("{label}:\n{}", list(&near))
                };
                Err(self.error(span, what, help))
            }
            several => {
                let events: Vec<&Event> = several.iter().map(|(_, e)| *e).collect();
                let message = format!(
                    "`match` selects {} events, but an override changes one",
                    several.len()
                );
                let help = format!(
                    "select one with `id:` instead, or a more precise date or word:\n{}",
                    list(&events)
                );
                Err(self.error(span, message, help))
            }
        }
    }

    fn merge(
        &mut self,
        ids: &Spanned<Vec<Spanned<String>>>,
        changes: &Changes,
        item: &Override,
    ) -> Result<(), Problems> {
        let mut indices = Vec::new();
        let mut problems = Vec::new();
        for id in &ids.value {
            match self.find(id) {
                Ok(index) => indices.push(index),
                Err(d) => problems.push(d),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let events: Vec<&Event> = indices.iter().map(|&i| &self.events[i]).collect();
        let when = match &changes.redate {
            Some(value) => When::new(value.clone(), changes.modifier),
            None => {
                let mut when = merged_date(&events).ok_or_else(|| {
                    let dates: Vec<String> = events
                        .iter()
                        .map(|e| format!("`{}` is {}", e.id, e.when.value))
                        .collect();
                    vec![self.error(
                        ids.span.clone(),
                        format!(
                            "cannot merge events whose dates disagree: {}",
                            dates.join(", ")
                        ),
                        "add `redate: …` to this merge to choose the date, or check that these \
                         are the same event"
                            .to_owned(),
                    )]
                })?;
                if let Some(modifier) = changes.modifier {
                    when.modifier = Some(modifier);
                }
                when
            }
        };
        let mut citations: Vec<Citation> = Vec::new();
        for event in &events {
            for c in &event.citations {
                if !citations.iter().any(|kept| kept.doc == c.doc) {
                    citations.push(c.clone());
                }
            }
        }
        // The merged events' alternatives, and the dates of merged events
        // that a `redate` overrules, with the articles that give them.
        let mut alternatives: Vec<Alternative> = Vec::new();
        for event in &events {
            for a in &event.alternatives {
                add_alternative(&mut alternatives, &a.when, &a.docs);
            }
            if !compatible(&event.when.value, &when.value) {
                let docs: Vec<String> = event.citations.iter().map(|c| c.doc.clone()).collect();
                add_alternative(&mut alternatives, &event.when, &docs);
            }
        }
        alternatives.retain(|a| !compatible(&a.when.value, &when.value));
        // Salience as `Timeline::build` scores it: 100 per article, plus
        // the best of the merged events' mention and actor scores.
        let salience = 100 * u64::try_from(citations.len()).unwrap_or(u64::MAX / 100)
            + events.iter().map(|e| e.salience % 100).max().unwrap_or(0);
        let first = events[0];
        let merged = Event {
            id: first.id.clone(),
            when,
            title: changes
                .retitle
                .clone()
                .unwrap_or_else(|| first.title.clone()),
            summary: events.iter().find_map(|e| e.summary.clone()),
            citations,
            note: changes
                .note
                .clone()
                .or_else(|| events.iter().find_map(|e| e.note.clone())),
            alternatives,
            added: events.iter().any(|e| e.added),
            salience,
        };
        let line = self.line(item);
        for &index in &indices[1..] {
            let id = &self.events[index].id;
            self.gone.insert(
                id.clone(),
                format!(
                    "it was merged into `{0}` by the override at line {line}; write `{0}` \
                     instead, or move this override before the merge",
                    merged.id
                ),
            );
        }
        self.events[indices[0]] = merged;
        // Highest index first, so that removals do not shift the others;
        // distinct and never the kept event, even if the timeline had two
        // events with one id.
        let mut removed: Vec<usize> = indices[1..]
            .iter()
            .copied()
            .filter(|&i| i != indices[0])
            .collect();
        removed.sort_unstable_by(|a, b| b.cmp(a));
        removed.dedup();
        for index in removed {
            self.events.remove(index);
        }
        Ok(())
    }

    fn split(&mut self, id: &Spanned<String>, item: &Override) -> Result<(), Diagnostic> {
        let index = self.find(id)?;
        let event = &self.events[index];
        let mut docs: Vec<&str> = Vec::new();
        for c in &event.citations {
            if !docs.contains(&c.doc.as_str()) {
                docs.push(&c.doc);
            }
        }
        if docs.len() < 2 {
            let cites = match docs.first() {
                Some(doc) => format!("only `{doc}`"),
                None => "no article".to_owned(),
            };
            let help = match self.split_at.get(&id.value) {
                Some(line) => format!(
                    "it was already split by the override at line {line}; remove one of the two"
                ),
                None => format!(
                    "`split` makes one event per cited article; to change this event, use \
                     `id: {}` with `retitle`, `redate` or `hide`",
                    id.value
                ),
            };
            return Err(self.error(
                id.span.clone(),
                format!("`{}` cites {cites}, so there is nothing to split", id.value),
                help,
            ));
        }
        let parts: Vec<Event> = docs
            .iter()
            .enumerate()
            .map(|(i, doc)| Event {
                id: if i == 0 {
                    event.id.clone()
                } else {
                    stable_id(&["split", &event.id, doc])
                },
                // An article that gave another date gets it back.
                when: event
                    .alternatives
                    .iter()
                    .find(|a| a.docs.iter().any(|d| d == doc))
                    .map_or_else(|| event.when.clone(), |a| a.when.clone()),
                title: event.title.clone(),
                summary: event.summary.clone(),
                added: event.added,
                citations: event
                    .citations
                    .iter()
                    .filter(|c| c.doc == *doc)
                    .take(1)
                    .cloned()
                    .collect(),
                note: if i == 0 { event.note.clone() } else { None },
                alternatives: Vec::new(),
                salience: 100 + event.salience % 100,
            })
            .collect();
        if let Some(clash) = parts[1..]
            .iter()
            .find(|p| self.events.iter().any(|e| e.id == p.id))
        {
            return Err(self.error(
                id.span.clone(),
                format!("`{}` was already split: `{}` exists", id.value, clash.id),
                "remove this `split`, or the earlier one".to_owned(),
            ));
        }
        let line = self.line(item);
        for part in &parts {
            self.split_at.insert(part.id.clone(), line);
        }
        self.events.splice(index..=index, parts);
        Ok(())
    }

    fn add(&mut self, new: &NewEvent) -> Result<(), Diagnostic> {
        let id = stable_id(&["added", new.date.as_str(), &new.title]);
        if let Some(existing) = self.events.iter().find(|e| e.id == id) {
            return Err(self.error(
                new.span.clone(),
                format!(
                    "this event is already on the timeline as `{id}` ({} {})",
                    existing.when.value, existing.title
                ),
                "remove the repeated `add`".to_owned(),
            ));
        }
        let citations = if new.source.is_some() || new.url.is_some() {
            vec![Citation {
                doc: self.config.file().to_owned(),
                source: new.source.clone(),
                url: new.url.clone(),
                quote: String::new(),
                span: 0..0,
            }]
        } else {
            Vec::new()
        };
        self.events.push(Event {
            id,
            when: When::new(new.date.clone(), None),
            title: new.title.clone(),
            summary: None,
            citations,
            note: new.note.clone(),
            alternatives: Vec::new(),
            added: true,
            salience: 0,
        });
        Ok(())
    }
}

/// Events for a help, one a line (id, date, title in aligned columns):
/// up to ten, and how many more there are.
fn list(events: &[&Event]) -> String {
    let shown = &events[..events.len().min(10)];
    let id_width = shown
        .iter()
        .map(|e| e.id.chars().count())
        .max()
        .unwrap_or(0);
    let date_width = shown
        .iter()
        .map(|e| e.when.value.as_str().chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<String> = shown
        .iter()
        .map(|e| {
            format!(
                "  {:id_width$}  {:date_width$}  {}",
                e.id,
                e.when.value.as_str(),
                e.title
            )
        })
        .collect();
    if events.len() > shown.len() {
        lines.push(format!("  … and {} more", events.len() - shown.len()));
    }
    lines.join("\n")
}

/// True when an event dated `value` falls under the selector date
/// `wanted`: the same value, or calendar days inside its days.
fn date_matches(value: &Value, wanted: &Value) -> bool {
    if value == wanted {
        return true;
    }
    match (value.bounds(), wanted.bounds()) {
        (Some((first, last)), Some((from, to))) => from <= first && last <= to,
        _ => false,
    }
}

/// True when one value's calendar days contain the other's (or they are
/// the same value).
fn compatible(a: &Value, b: &Value) -> bool {
    a == b || date_matches(a, b) || date_matches(b, a)
}

/// Adds `docs` to the alternative date `when`, creating it if needed.
fn add_alternative(alternatives: &mut Vec<Alternative>, when: &When, docs: &[String]) {
    let index = match alternatives.iter().position(|a| a.when == *when) {
        Some(index) => index,
        None => {
            alternatives.push(Alternative {
                when: when.clone(),
                docs: Vec::new(),
            });
            alternatives.len() - 1
        }
    };
    let entry = &mut alternatives[index];
    for doc in docs {
        if !entry.docs.contains(doc) {
            entry.docs.push(doc.clone());
        }
    }
    entry.docs.sort();
}

/// The date of merged events: the most precise one, when every other
/// date contains it (dates without calendar bounds, like `PAST_REF`, give
/// way to any dated one); `None` when they disagree.
fn merged_date(events: &[&Event]) -> Option<When> {
    let dated: Vec<(&When, (chrono::NaiveDate, chrono::NaiveDate))> = events
        .iter()
        .filter_map(|e| e.when.value.bounds().map(|b| (&e.when, b)))
        .collect();
    let Some(&(best, (first, last))) = dated
        .iter()
        .min_by_key(|(w, (a, b))| (*b - *a, std::cmp::Reverse(w.precision())))
    else {
        // Nothing dated: the values must agree exactly.
        let when = &events[0].when;
        return events
            .iter()
            .all(|e| e.when.value == when.value)
            .then(|| when.clone());
    };
    dated
        .iter()
        .all(|(_, (a, b))| *a <= first && last <= *b)
        .then(|| best.clone())
}

/// True when `title` contains `word` (one word or several in a row) as
/// whole words, ignoring case and accents.
fn has_word(title: &str, word: &str) -> bool {
    let title = words(title);
    let word = words(word);
    !word.is_empty() && title.windows(word.len()).any(|w| w == word.as_slice())
}

/// The words of `text`, lowercase and without accents.
fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(plain) => folded.push_str(plain),
            None => folded.push(c),
        }
    }
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The unaccented spelling of a lowercase Latin letter with a diacritic.
fn fold(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăąǎ", "a"),
        ("çćĉċč", "c"),
        ("ďđð", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįıǐ", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏőǒ", "o"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűųǔ", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("œ", "oe"),
        ("þ", "th"),
    ];
    TABLE
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map(|(_, plain)| *plain)
}

#[cfg(test)]
mod tests;
