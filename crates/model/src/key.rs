//! The key events: the story told in its most reported happenings, each
//! told once.
//!
//! Merging keeps apart what it cannot prove to be one happening, so the
//! most salient events of a big story still hold the same happening more
//! than once: "Pro-democracy protests begin" on a day and "Demonstrations
//! against the rule of … begin" in its month, or an explosion dated to the
//! day and to its evening. A journalist's timeline gives each happening one
//! line. The key events are chosen by salience, and an event is passed
//! over when a more salient one already chosen tells the same happening:
//!
//! - both fall on the same calendar day (a timeline has one line a day;
//!   a range of a night, "from 6 pm to 7 am", is a line of its first day),
//! - they fall on days next to each other (a night's news is dated by
//!   either) and their titles share a word that is not a name, or
//! - one's period holds the other's ("March 2011" holds "18 March 2011")
//!   and their titles share a word that is not a name ("protests begin",
//!   "demonstrations begin"), or a name of two words or more that few
//!   titles of the timeline hold ("Bear Stearns is rescued", "… to bail
//!   out Bear Stearns"; the story's main actors, in many titles, say
//!   nothing), or they quote one sentence.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::{Event, Timeline};

impl Timeline {
    /// The indices (into `events`) of the `n` key events, most salient
    /// first (ties: the earlier event), each a different happening. Events
    /// added by hand count like the others.
    pub fn key_events(&self, n: usize) -> Vec<usize> {
        let mut ranked: Vec<usize> = (0..self.events.len()).collect();
        ranked.sort_by(|&a, &b| {
            self.events[b]
                .salience
                .cmp(&self.events[a].salience)
                .then(a.cmp(&b))
        });
        let mut names: Vec<BTreeSet<String>> =
            self.events.iter().map(|e| name_pairs(&e.title)).collect();
        let rare = rare_names(&names);
        let mut chosen: Vec<(usize, Candidate<'_>)> = Vec::with_capacity(n);
        for i in ranked {
            if chosen.len() == n {
                break;
            }
            let mut own = std::mem::take(&mut names[i]);
            own.retain(|name| rare.contains(name));
            let e = Candidate::of(&self.events[i], own);
            if !chosen.iter().any(|(_, c)| same_happening(c, &e)) {
                chosen.push((i, e));
            }
        }
        chosen.into_iter().map(|(i, _)| i).collect()
    }
}

/// An event with its title's content words, worked out once.
struct Candidate<'a> {
    event: &'a Event,
    words: BTreeSet<String>,
    /// The title's first word, stemmed: capitalised whatever it is, so a
    /// content word only when the other title writes it in lower case
    /// ("Protests begin", "the first protests").
    first: Option<String>,
    /// Its names of two words or more that few titles hold, as word
    /// pairs ("bear stearns").
    names: BTreeSet<String>,
}

/// The share of titles under which a name is told by few: one in fifty.
const RARE_NAME_SHARE: usize = 50;

/// Word pairs of names ("Bear Stearns", "Ben Bernanke") that at most one
/// title in [`RARE_NAME_SHARE`] holds (and at least two, or no two titles
/// share it anyway).
fn rare_names(titles: &[BTreeSet<String>]) -> BTreeSet<String> {
    let mut titles_with: std::collections::BTreeMap<&str, usize> = Default::default();
    for name in titles.iter().flatten() {
        *titles_with.entry(name).or_default() += 1;
    }
    let most = (titles.len() / RARE_NAME_SHARE).max(2);
    titles_with
        .into_iter()
        .filter(|&(_, n)| (2..=most).contains(&n))
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// Pairs of neighbouring capitalised words of a title, lower-cased.
fn name_pairs(title: &str) -> BTreeSet<String> {
    let words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .filter(|w| w.iter().all(|x| x.starts_with(|c: char| c.is_uppercase())))
        .map(|w| format!("{} {}", w[0], w[1]).to_lowercase())
        .collect()
}

impl Candidate<'_> {
    /// The candidate of `event`, whose title's rare name pairs are
    /// `names`.
    fn of(event: &Event, names: BTreeSet<String>) -> Candidate<'_> {
        let first = event
            .title
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() >= 3 && !STOPWORDS.contains(&w.as_str()))
            .map(|w| crate::build::cluster::stem(&w));
        Candidate {
            event,
            words: content_words(&event.title),
            first,
            names,
        }
    }

    fn shares_a_word(&self, other: &Candidate<'_>) -> bool {
        let first_in = |a: &Candidate<'_>, b: &Candidate<'_>| {
            a.first.as_ref().is_some_and(|w| b.words.contains(w))
        };
        self.words.iter().any(|w| other.words.contains(w))
            || first_in(self, other)
            || first_in(other, self)
    }
}

/// Whether `a` and `b`, two events the merge kept apart, tell one
/// happening by the rules in the module docs.
fn same_happening(a: &Candidate<'_>, b: &Candidate<'_>) -> bool {
    let (Some((a0, a1)), Some((b0, b1))) = (a.event.when.bounds(), b.event.when.bounds()) else {
        return false;
    };
    if a0 == a1 && b0 == b1 {
        // One sentence often tells two days ("arrived on Tuesday and met
        // on Wednesday"): next days must share words.
        return a0 == b0 || ((a0 - b0).num_days().abs() == 1 && a.shares_a_word(b));
    }
    // A night's range ("from 6 pm to 7 am") is a line of its first day.
    let short = |from: NaiveDate, to: NaiveDate| (to - from).num_days() <= 1;
    if a0 == b0 && short(a0, a1) && short(b0, b1) {
        return true;
    }
    let nested = (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1);
    let shares_a_name = a.names.iter().any(|n| b.names.contains(n));
    nested && (a.shares_a_word(b) || shares_a_name || quotes_a_sentence(a.event, b.event))
}

/// Content words of a title, stemmed so that inflections meet ("caps",
/// "cap"; "protests", "protest"). Capitalised words are left out:
/// names say who, and the story's main actors are in most titles; the
/// title's first word is capitalised whatever it is.
fn content_words(title: &str) -> BTreeSet<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.chars().count() >= 3
                && w.starts_with(|c: char| c.is_lowercase())
                && !STOPWORDS.contains(w)
        })
        .map(crate::build::cluster::stem)
        .collect()
}

fn quotes_a_sentence(a: &Event, b: &Event) -> bool {
    let quotes: BTreeSet<(&str, &str)> = a
        .citations
        .iter()
        .map(|c| (c.doc.as_str(), c.quote.as_str()))
        .collect();
    b.citations
        .iter()
        .any(|c| quotes.contains(&(c.doc.as_str(), c.quote.as_str())))
}

/// Words of three letters or more that say nothing of the happening.
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "its", "his", "her", "has", "had", "was", "are", "but", "not", "who",
    "new", "one", "two", "out", "off", "about", "after", "also", "been", "before", "from", "have",
    "into", "more", "over", "some", "than", "that", "their", "them", "there", "these", "they",
    "this", "were", "what", "when", "where", "which", "while", "will", "with", "would", "says",
    "said",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Citation, When};

    fn event(id: &str, value: &str, title: &str, salience: u64) -> Event {
        Event {
            id: id.into(),
            when: When::new(value.parse().expect("a valid value"), None),
            title: title.into(),
            summary: None,
            citations: vec![Citation {
                doc: format!("{id}.txt"),
                source: None,
                url: None,
                quote: format!("{title}."),
                span: 0..title.len(),
            }],
            note: None,
            alternatives: Vec::new(),
            added: false,
            salience,
        }
    }

    fn titles(t: &Timeline, n: usize) -> Vec<&str> {
        t.key_events(n)
            .into_iter()
            .map(|i| t.events[i].title.as_str())
            .collect()
    }

    fn timeline(events: Vec<Event>) -> Timeline {
        Timeline {
            title: "T".into(),
            events,
            sources: Vec::new(),
            also_cited: Vec::new(),
        }
    }

    #[test]
    fn one_key_event_a_day() {
        let t = timeline(vec![
            event("a", "2010-01-12", "Earthquake strikes Haiti", 900),
            event("b", "2010-01-12TEV", "Houses collapse in the capital", 500),
            event("c", "2010-01-13", "Aid flights arrive", 400),
            event("d", "2010-01-14", "More aid flights arrive", 300),
            event("e", "2010-01-15", "More aid flights arrive", 200),
        ]);
        // The next day's news is another line unless it tells the same.
        assert_eq!(
            titles(&t, 5),
            [
                "Earthquake strikes Haiti",
                "Aid flights arrive",
                "More aid flights arrive"
            ]
        );
    }

    #[test]
    fn a_period_holding_the_same_happening_is_passed_over() {
        let t = timeline(vec![
            event(
                "a",
                "2011-03",
                "Demonstrations against the government begin",
                900,
            ),
            event("b", "2011-03-18", "Pro-democracy protests begin", 800),
            event("c", "2011-03-20", "Parliament passes the budget", 700),
            event(
                "d",
                "2011",
                "The budget passed by Parliament takes effect",
                600,
            ),
            event("e", "2011", "Parliament elects a speaker", 500),
        ]);
        // "begin" ties the day to its month, "budget" the year to its day;
        // a shared name alone ties nothing.
        assert_eq!(
            titles(&t, 5),
            [
                "Demonstrations against the government begin",
                "Parliament passes the budget",
                "Parliament elects a speaker"
            ]
        );
    }

    #[test]
    fn a_capitalised_first_word_counts_when_the_other_title_writes_it_small() {
        let t = timeline(vec![
            event("a", "2011-03", "Protests against the ruler begin", 900),
            event("b", "2011-03-18", "The first protests break out", 800),
            event("c", "2011-03-20", "Protests Committee meets", 700),
        ]);
        // "Protests" opens a's title and is "protests" in b's; c's
        // "Protests" is only ever capitalised: perhaps a name.
        assert_eq!(
            titles(&t, 3),
            [
                "Protests against the ruler begin",
                "Protests Committee meets"
            ]
        );
    }

    #[test]
    fn a_nights_range_is_a_line_of_its_first_day() {
        let t = timeline(vec![
            event("a", "2011-01-28TEV", "Crowds fill the streets", 900),
            event("b", "2011-01-28T18:00", "A curfew is imposed", 800),
            event("c", "2011-01-28", "A long campaign starts", 700),
        ]);
        let mut t = t;
        t.events[1].when.end = Some("2011-01-29T07:00".parse().expect("a valid value"));
        t.events[2].when.end = Some("2011-03-01".parse().expect("a valid value"));
        // The night's curfew shares the 28th; a month-long range does not.
        assert_eq!(
            titles(&t, 3),
            ["Crowds fill the streets", "A long campaign starts"]
        );
    }

    #[test]
    fn a_period_sharing_a_rare_name_is_passed_over() {
        let mut events = vec![
            event(
                "a",
                "2008-03",
                "Bear Stearns is rescued by J.P. Morgan Chase",
                900,
            ),
            event(
                "b",
                "2008-03",
                "Fed Chairman Ben Bernanke, to bail out Bear Stearns",
                800,
            ),
            event("c", "2008-03-14", "Markets fall", 700),
        ];
        assert_eq!(
            titles(&timeline(events.clone()), 3),
            [
                "Bear Stearns is rescued by J.P. Morgan Chase",
                "Markets fall"
            ]
        );
        // A name in many titles is the story's main actor: it says nothing.
        for k in 0..3 {
            events.push(event(
                &format!("x{k}"),
                "2008-05",
                &format!("Bear Stearns item {k}"),
                1,
            ));
        }
        let t = timeline(events);
        assert_eq!(titles(&t, 3).len(), 3);
    }

    #[test]
    fn different_happenings_in_a_period_stay() {
        let t = timeline(vec![
            event("a", "2011-03", "Protests spread to the south", 900),
            event("b", "2011-03-18", "Troops fire on a funeral", 800),
            event("c", "2011-04", "Protests reach the capital", 700),
        ]);
        assert_eq!(titles(&t, 2).len(), 2);
        assert_eq!(titles(&t, 3).len(), 3);
    }
}
