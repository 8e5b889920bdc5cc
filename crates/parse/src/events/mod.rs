//! Event mentions: which happening each date in a text belongs to.
//!
//! For every sentence, each calendar timex (a DATE or TIME with a
//! precision, not a duration or a vague reference) is attached to the
//! clause it sits in, and that clause's event word — a verb ("visited",
//! "met", "proclaimed") or an event noun ("visit", "uprising", "meeting"),
//! as the trigger model ([`triggers`](mod@crate::triggers)) finds them —
//! becomes the mention's trigger. The mention carries a short title built
//! from the clause's own words (see [`title`](self) rules below), the
//! clause as a summary, the sentence as its quote, and the names and
//! countries it involves, which `annals-model` uses to merge mentions of
//! one happening across articles.
//!
//! Rules, all general English:
//!
//! - Clauses are bounded by punctuation, subordinators ("after", "when",
//!   "who", "that", ...) and coordinators that start a new clause ("… and
//!   was recognized").
//! - A timex alone between commas ("Maduro's last visit to Moscow, last
//!   December, …") dates the phrase before it; a sentence-opening one ("In
//!   April, …") the clause after it.
//! - "the elections of 2020": a timex introduced by "of" dates the event
//!   noun before it.
//! - "since 2016" bounds a state and dates nothing, unless a clause with
//!   its own subject follows it directly ("since last January the
//!   opposition leader proclaimed himself …").
//! - A negated verb is no happening ("didn't offer"): an event noun of the
//!   same clause ("their meeting") is used instead, or nothing.
//! - Bare reporting verbs ("said", "added") date only the telling: an event
//!   noun of the clause is used instead, or nothing.
//! - One mention per trigger: "from 2005 to 2013" gives one mention, dated
//!   by the first timex.
//! - An article's lead reports the news of its day: an opening sentence
//!   with no date phrase whose main clause is in the present perfect ("Dr
//!   Murray has been found guilty") is dated by the publication day
//!   ([`lead`]).
//!
//! Titles: a verb mention is titled subject + verb + object ("Maduro
//! visited Russia"), a noun mention by its noun phrase ("Botched
//! uprising"), without timexes, their prepositions and temporal adverbs,
//! cut at a phrase boundary to 12 words. Every word is the text's own.

mod furniture;
mod lexicon;
mod title;
mod words;

use std::cell::OnceCell;
use std::ops::Range;

use crate::triggers::{Pos, Trigger, eventive_noun, triggers_within};
use crate::{Mod, Timex, TimexType, Value};
pub use lexicon::fold_name;
use lexicon::{
    AUXILIARIES, BARE_REPORTING, FILLER, NEGATIONS, REPORTING, SCHEDULING, SUBORDINATORS, country,
    is_name_word, is_verb_form, verb_base,
};
pub use title::MAX_TITLE_WORDS;
use title::{Head, is_participle_adjective};
use words::{Word, clauses, words};

/// One dated happening mentioned in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMention {
    /// Byte range of the sentence that reports it (the quote).
    pub sentence: Range<usize>,
    /// Byte range of the clause that reports it, verbatim (the summary).
    pub clause: Range<usize>,
    /// Byte range of the word that names the happening.
    pub trigger: Range<usize>,
    /// The trigger's base form, lower case: "visited" → "visit".
    pub lemma: String,
    /// Byte range of the timex that dates it.
    pub timex: Range<usize>,
    /// When it happened.
    pub value: Value,
    /// The timex's modifier ("early" → START).
    pub modifier: Option<Mod>,
    /// The end of the range the timex opens ("from 2005 to 2013" → `2013`).
    pub end: Option<Value>,
    /// A short title from the clause's own words, at most 12 words; empty
    /// when the clause makes no headline (no subject for its verb, "was
    /// found on Tuesday"): the mention still tells that its article cites
    /// the date.
    pub title: String,
    /// Names in the sentence, folded (lower case, no accents or
    /// possessives): "Guaidó's" → "guaido".
    pub participants: Vec<String>,
    /// Names in the clause and the title: who takes part in this
    /// happening rather than anywhere in the sentence.
    pub actors: Vec<String>,
    /// Countries the clause or title names, by any of their names
    /// ("Moscow", "Russian", "the Kremlin" → "russia").
    pub places: Vec<String>,
    /// True when the clause is negated ("didn't offer") and no other event
    /// word could stand in.
    pub negated: bool,
}

/// One sentence, split into words and clauses, with its timexes.
pub(crate) struct Sentence<'a> {
    text: &'a str,
    range: Range<usize>,
    words: Vec<Word<'a>>,
    clauses: Vec<Range<usize>>,
    /// Per word: the index (into the sentence's timexes) of the timex it
    /// is part of.
    timex_of: Vec<Option<usize>>,
    /// Per clause, per word: the event trigger it is, found on first use.
    triggers: Vec<OnceCell<Vec<Option<Trigger>>>>,
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str, range: Range<usize>, timexes: &[Range<usize>]) -> Sentence<'a> {
        let words = words(text, range.clone());
        let clauses = clauses(&words, timexes);
        let timex_of = words
            .iter()
            .map(|w| {
                timexes
                    .iter()
                    .position(|t| w.span.0 < t.end && w.span.1 > t.start)
            })
            .collect();
        Sentence {
            text,
            range,
            words,
            timex_of,
            triggers: (0..clauses.len()).map(|_| OnceCell::new()).collect(),
            clauses,
        }
    }

    /// The event trigger that word `i` is, if the trigger model finds one.
    /// The model scores the words of `i`'s clause, once, in the context of
    /// the whole sentence: only the clauses that dates point to cost time.
    fn trigger(&self, i: usize) -> Option<&Trigger> {
        let ci = self.clause_of_word(i)?;
        let clause = self.clauses[ci].clone();
        let per_word = self.triggers[ci].get_or_init(|| {
            let start = self.range.start;
            let within =
                self.words[clause.start].span.0 - start..self.words[clause.end - 1].span.1 - start;
            let found = triggers_within(&self.text[self.range.clone()], within);
            self.words[clause.clone()]
                .iter()
                .map(|w| {
                    found
                        .iter()
                        .find(|t| t.span.start + start < w.span.1 && t.span.end + start > w.span.0)
                        .cloned()
                })
                .collect()
        });
        per_word.get(i - clause.start)?.as_ref()
    }

    /// Whether word `i` is a noun trigger: "the elections", "a visit".
    fn event_noun(&self, i: usize) -> Option<&Trigger> {
        self.trigger(i).filter(|t| t.pos == Pos::Noun)
    }

    fn in_timex(&self, i: usize) -> bool {
        self.timex_of[i].is_some()
    }

    /// A past-tense or participle verb (not a name, not an adjective).
    fn is_verb(&self, i: usize) -> bool {
        let w = &self.words[i];
        !self.in_timex(i)
            && (!w.is_capitalized() || i == 0)
            && is_verb_form(&w.lower())
            && !is_participle_adjective(self, i)
    }

    /// Whether `clause` holds a negation ("didn't", "never").
    fn negated(&self, mut clause: Range<usize>) -> bool {
        clause.any(|i| NEGATIONS.contains(&self.words[i].lower().as_str()))
    }

    fn clause_of_word(&self, i: usize) -> Option<usize> {
        self.clauses.iter().position(|c| c.contains(&i))
    }

    fn word_at(&self, offset: usize) -> Option<usize> {
        self.words.iter().position(|w| w.span.1 > offset)
    }

    /// Whether clause `ci` holds nothing but timex `t` and filler words.
    fn only_filler(&self, ci: usize, t: usize) -> bool {
        self.clauses[ci].clone().all(|i| {
            self.timex_of[i] == Some(t) || FILLER.contains(&self.words[i].lower().as_str())
        })
    }

    /// The clause a timex dates: its own, or for an appositive or opening
    /// date the one before or after.
    fn home_clause(&self, t: usize, first_word: usize) -> Option<usize> {
        let ci = self.clause_of_word(first_word)?;
        if !self.only_filler(ci, t) {
            return Some(ci);
        }
        match ci.checked_sub(1) {
            Some(prev) => Some(prev),
            // An opening date ("Yesterday, the same day that …, Washington
            // announced …") dates the first main clause after it.
            None => (1..self.clauses.len()).find(|&c| {
                let first = self.clauses[c].start;
                let dates_only = self.clauses[c].clone().all(|i| {
                    self.timex_of[i].is_some() || FILLER.contains(&self.words[i].lower().as_str())
                });
                !dates_only && !SUBORDINATORS.contains(&self.words[first].lower().as_str())
            }),
        }
    }
}

/// Finds the dated event mentions of `text`, given its `timexes` (from
/// [`crate::tag`] or any other source, sorted by position).
pub fn mentions(text: &str, timexes: &[Timex]) -> Vec<EventMention> {
    mentions_in(text, &crate::sentences(text), timexes)
}

/// [`mentions`] of some of `text`'s sentences only: `sentences` is a run
/// of [`crate::sentences`]`(text)`, in order. Each sentence's mentions
/// depend on that sentence and its timexes alone, so the mentions of a
/// text are those of consecutive runs of its sentences, one after the
/// other: a long text may be done run by run, on several threads.
///
/// ```
/// use annals_parse::{Anchor, events, sentences, tag};
///
/// let text = "The council met on Tuesday. The mayor resigned in May.";
/// let anchor = Anchor::new(chrono::NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
/// let timexes = tag(text, &anchor);
/// let all = sentences(text);
/// let mut runs = events::mentions_in(text, &all[..1], &timexes);
/// runs.extend(events::mentions_in(text, &all[1..], &timexes));
/// assert_eq!(runs.len(), 2);
/// assert_eq!(runs, events::mentions(text, &timexes));
/// ```
pub fn mentions_in(text: &str, sentences: &[Range<usize>], timexes: &[Timex]) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::new();
    let mut ahead = timexes;
    for range in sentences.iter().cloned() {
        // Most sentences date nothing: those are passed over before their
        // page furniture is looked for (what it leaves is a part of them).
        if !in_sentence(&mut ahead, &range)
            .iter()
            .any(|t| dates_an_event(t))
        {
            continue;
        }
        let range = without_furniture(text, range);
        let local = in_sentence(&mut ahead, &range);
        if !local.iter().any(|t| dates_an_event(t)) {
            continue;
        }
        let spans: Vec<Range<usize>> = local.iter().map(|t| t.span.clone()).collect();
        let s = Sentence::new(text, range, &spans);
        let first = out.len();
        for (k, timex) in local.iter().enumerate() {
            if !dates_an_event(timex) {
                continue;
            }
            let Some(mut m) = mention(&s, k, timex) else {
                continue;
            };
            m.end = crate::range::range_end(text, timex, local.get(k + 1).copied());
            // One mention per trigger: "from 2005 to 2013" is one event.
            if out[first..].iter().any(|o| o.trigger == m.trigger) {
                continue;
            }
            out.push(m);
        }
    }
    out
}

/// The sentence `range` of `text` without the page furniture that opens
/// it (a photo credit, dateline, byline or time stamp): the quote and the
/// title start at its first word of news.
fn without_furniture(text: &str, range: Range<usize>) -> Range<usize> {
    let skip = furniture::furniture_len(&text[range.clone()]);
    range.start + skip..range.end
}

/// How many opening sentences make an article's lead.
pub const LEAD_SENTENCES: usize = 3;

/// Words that make a clause part of another one, or a question.
const WH_WORDS: &[&str] = &[
    "what", "why", "who", "whom", "whose", "which", "that", "how", "when", "where", "if", "whether",
];

/// How far into a text the lead is looked for.
const LEAD_BYTES: usize = 4096;

/// The news an article's lead reports without a date phrase: "Dr Murray
/// has been found guilty of …" in an article published that day. A lead
/// sentence (one of the first [`LEAD_SENTENCES`]) with no timex at all
/// whose main clause is in the present perfect ("has been found", "have
/// voted") tells what has just happened, and is dated by the publication
/// day `published`. Sentences with a date phrase are left to
/// [`mentions`]; sentences with a duration or a simple past ("He opened
/// his practice in 2000", "He had long …") are background.
pub fn lead(text: &str, timexes: &[Timex], published: chrono::NaiveDate) -> Vec<EventMention> {
    // The lead is at the start: split only a prefix, and drop a sentence
    // the prefix may have cut.
    let mut cut = text.len().min(LEAD_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut ahead = timexes;
    crate::sentences(&text[..cut])
        .into_iter()
        .take(LEAD_SENTENCES)
        .filter(|range| cut == text.len() || range.end < cut)
        .map(|range| without_furniture(text, range))
        .filter_map(|range| {
            // A date phrase leaves the sentence to `mentions`; a quote
            // tells what someone said, not what happened.
            let quoted = text[range.clone()].starts_with(['"', '“', '\'']);
            if !in_sentence(&mut ahead, &range).is_empty() || quoted {
                return None;
            }
            let s = Sentence::new(text, range.clone(), &[]);
            let (clause, (verb, base)) = s
                .clauses
                .iter()
                .find_map(|c| Some((c.clone(), present_perfect(&s, c.clone())?)))?;
            if s.negated(clause.clone())
                || SUBORDINATORS.contains(&s.words[clause.start].lower().as_str())
            {
                return None;
            }
            let word = (verb, base, Head::Verb, false);
            let dating = Dating {
                span: range.start..range.start,
                value: Value::day(published),
                modifier: None,
            };
            finish(&s, clause, word, dating)
        })
        .collect()
}

/// The participle of a present perfect in `clause` ("has been found",
/// "have now voted") and its base form, when its subject comes first.
fn present_perfect(s: &Sentence<'_>, clause: Range<usize>) -> Option<(usize, String)> {
    let has = clause
        .clone()
        .find(|&i| matches!(s.words[i].lower().as_str(), "has" | "have"))?;
    // The subject is a plain noun phrase: "Has the vote …?" asks, "what
    // we have seen" and "why the government has retaliated" are parts of
    // another clause, "this may be the first time X has" is a comment.
    let mut subject = clause.start..has;
    while subject.start < has && title::is_opener(s, subject.start) {
        subject.start += 1;
    }
    let plain = !subject.is_empty()
        && subject.clone().all(|i| {
            let l = s.words[i].lower();
            !WH_WORDS.contains(&l.as_str()) && !AUXILIARIES.contains(&l.as_str()) && !s.is_verb(i)
        });
    if !plain {
        return None;
    }
    let mut i = has + 1;
    while i < clause.end {
        let l = s.words[i].lower();
        let skip = l == "been"
            || (l.ends_with("ly") && l.len() > 4)
            || matches!(l.as_str(), "now" | "just" | "also" | "finally" | "already");
        if !skip {
            break;
        }
        i += 1;
    }
    if i >= clause.end || !s.is_verb(i) {
        return None;
    }
    let base = verb_base(&s.words[i].lower())?;
    (!REPORTING.contains(&base.as_str())).then_some((i, base))
}

/// The timexes inside `range`, from `ahead` (sorted by position), which
/// moves past them: sentences come in order, so each timex is looked at
/// about once and the cost stays linear in the text.
fn in_sentence<'t>(ahead: &mut &'t [Timex], range: &Range<usize>) -> Vec<&'t Timex> {
    let skip = ahead
        .iter()
        .take_while(|t| t.span.start < range.start)
        .count();
    *ahead = &ahead[skip..];
    ahead
        .iter()
        .take_while(|t| t.span.start < range.end)
        .filter(|t| t.span.end <= range.end)
        .collect()
}

fn dates_an_event(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value.precision().is_some()
        && t.value.bounds().is_some()
}

/// The mention dated by the sentence's `k`-th timex.
fn mention(s: &Sentence<'_>, k: usize, timex: &Timex) -> Option<EventMention> {
    let first = s.word_at(timex.span.start)?;
    if furniture::is_self_stamp(s.words[..first].iter().map(|w| w.text)) {
        return None;
    }
    let before = first
        .checked_sub(1)
        .map(|i| s.words[i].lower())
        .unwrap_or_default();
    let (clause, found) = match before.as_str() {
        "since" | "until" | "till" => {
            let (clause, found) = clause_after_bound(s, timex)?;
            (clause, Some(found))
        }
        "of" if first >= 2 && s.event_noun(first - 2).is_some() => {
            let noun = first - 2;
            let ci = s.clause_of_word(noun)?;
            let lemma = s.event_noun(noun)?.lemma.clone();
            (s.clauses[ci].clone(), Some((noun, lemma, Head::Noun)))
        }
        _ => (s.clauses[s.home_clause(k, first)?].clone(), None),
    };
    let word = match found {
        Some((i, lemma, head)) => (i, lemma, head, false),
        None => event_word(s, clause.clone())?,
    };
    let dating = Dating {
        span: timex.span.clone(),
        value: timex.value.clone(),
        modifier: timex.modifier,
    };
    finish(s, clause, word, dating)
}

/// What dates a mention: a timex of the text, or the publication day for
/// an article's lead (an empty span where the sentence starts).
struct Dating {
    span: Range<usize>,
    value: Value,
    modifier: Option<Mod>,
}

/// The mention of `clause`'s event word `word` (index, lemma, head,
/// negated), with its title, summary and names; `None` when the title
/// would not make a headline.
fn finish(
    s: &Sentence<'_>,
    clause: Range<usize>,
    (trigger, lemma, head, negated): (usize, String, Head, bool),
    dating: Dating,
) -> Option<EventMention> {
    let title::Title {
        text: title,
        ends_at_trigger,
        subjectless,
    } = title::title(s, clause.clone(), trigger, head);
    let title = resolve_pronoun(title)?;
    if title.split_whitespace().count() < 2 {
        return None;
    }
    // "Of the tons of grain supplied, it will go to …": a verb whose only
    // subject is a prepositional phrase makes a fragment, not a headline.
    let mut opening = title.split_whitespace().map(str::to_lowercase);
    let first = opening.next().unwrap_or_default();
    let second = opening.next().unwrap_or_default();
    let fragment = head == Head::Verb
        && lexicon::PREPOSITIONS.contains(&first.as_str())
        && !title::is_comparison(&first, &second);
    // "Was found", "Engaged in bloody clashes", "Do you remember …": a verb
    // with no subject to be found, or a question, is no headline; nor is
    // "the Kremlin announced last week", a telling with nothing told, nor a
    // verb whose date lies past a caption run on into the text ("looking
    // for food Up to 10,000 troops … by Monday"). Each still tells that its
    // article cites the date: it stays a mention, without a title.
    let telling = head == Head::Verb && REPORTING.contains(&lemma.as_str()) && ends_at_trigger;
    let apart = s
        .word_at(dating.span.start)
        .is_some_and(|t| title::run_on_between(s, trigger, t));
    let headline = !fragment && !subjectless && !telling && !apart;
    // "legislative elections, scheduled for next year" is about the elections.
    let lemma = if SCHEDULING.contains(&lemma.as_str()) {
        let in_title: Vec<&str> = title.split_whitespace().collect();
        (0..s.words.len())
            .filter(|&i| in_title.contains(&s.words[i].text))
            .find_map(|i| s.event_noun(i).map(|t| t.lemma.clone()))
            .or_else(|| in_title.iter().find_map(|w| eventive_noun(w)))
            .unwrap_or(lemma)
    } else {
        lemma
    };
    // The summary starts after the connective: "after a botched uprising
    // in April" → "a botched uprising in April".
    let mut summary_start = clause.start;
    while summary_start + 1 < clause.end && title::is_opener(s, summary_start) {
        summary_start += 1;
    }
    let first_word = &s.words[summary_start];
    let last_word = &s.words[clause.end - 1];
    let clause_end = s.text[last_word.span.1..s.range.end]
        .char_indices()
        .find(|&(_, c)| !matches!(c, '"' | '”' | '’' | ')'))
        .map_or(s.range.end, |(i, _)| last_word.span.1 + i);
    Some(EventMention {
        sentence: s.range.clone(),
        clause: first_word.span.0..clause_end,
        trigger: s.words[trigger].span.0..s.words[trigger].span.1,
        lemma,
        timex: dating.span,
        value: dating.value,
        modifier: dating.modifier,
        end: None,
        places: places(s, &title, clause.clone()),
        actors: actors(s, &title, clause),
        title: if headline { title } else { String::new() },
        participants: participants(s),
        negated,
    })
}

/// A title that opens with a pronoun says nothing on its own ("He
/// resigned", "It was ratified"), and a wrong guess at whom it means
/// would put a false claim in a headline: such a clause makes no mention.
/// First and second persons ("I", "we", "you") tell a speaker's own
/// story, not news, in any case. (Nor do such clauses count as the day's
/// evidence as fragments do: "he said on Monday" is mostly the telling.)
fn resolve_pronoun(title: String) -> Option<String> {
    let first = title.split_whitespace().next().unwrap_or_default();
    let pronoun = matches!(
        first.to_lowercase().as_str(),
        "i" | "we"
            | "you"
            | "my"
            | "our"
            | "your"
            | "me"
            | "us"
            | "he"
            | "she"
            | "his"
            | "her"
            | "it"
            | "its"
            | "they"
            | "their"
            | "them"
    );
    (!pronoun).then_some(title)
}

/// "since last January the president … proclaimed himself …": the clause
/// after a bounding timex, when it has a subject of its own.
fn clause_after_bound(
    s: &Sentence<'_>,
    timex: &Timex,
) -> Option<(Range<usize>, (usize, String, Head))> {
    let next = s.words.iter().position(|w| w.span.0 >= timex.span.end)?;
    let opener = &s.words[next];
    let names_subject = matches!(
        opener.lower().as_str(),
        "the" | "a" | "an" | "his" | "her" | "their"
    ) || is_name_word(opener.text);
    if !names_subject || s.words[next - 1].breaks_after || s.timex_of[next].is_some() {
        return None;
    }
    // The subject may be interrupted by appositives: extend to the verb.
    let mut ci = s.clause_of_word(next)?;
    let mut range = next..s.clauses[ci].end;
    loop {
        if let Some((i, lemma, head, false)) = event_word(s, range.clone())
            && head == Head::Verb
        {
            return Some((range, (i, lemma, head)));
        }
        ci += 1;
        range.end = s.clauses.get(ci)?.end;
    }
}

/// The event word of a clause, from the trigger model: its first verb
/// (after its subject), else the event noun nearest its date. Returns the
/// word, its base form, how to title it, and whether the happening is
/// negated.
fn event_word(s: &Sentence<'_>, clause: Range<usize>) -> Option<(usize, String, Head, bool)> {
    let negated = s.negated(clause.clone());
    // A date names the happening nearest to it: "comments at the opening
    // of their meeting in the Kremlin Wednesday" is about the meeting.
    let dates: Vec<usize> = clause.clone().filter(|&i| s.in_timex(i)).collect();
    let distance = |i: usize| dates.iter().map(|&d| d.abs_diff(i)).min().unwrap_or(0);
    let mut verb: Option<(usize, String)> = None;
    let mut noun: Option<(usize, String)> = None;
    for i in clause.clone() {
        let Some(t) = s.trigger(i).filter(|_| !s.in_timex(i)) else {
            continue;
        };
        // "after winning another term": a gerund with no auxiliary before
        // it names the happening as a noun does.
        let gerund = t.pos == Pos::Verb
            && s.words[i].lower().ends_with("ing")
            && !(i > clause.start && AUXILIARIES.contains(&s.words[i - 1].lower().as_str()));
        // "a botched uprising": a participle after a determiner describes.
        let verb_like = t.pos == Pos::Verb && !gerund && !is_participle_adjective(s, i);
        if verb_like && verb.is_none() {
            verb = Some((i, t.lemma.clone()));
        } else if (t.pos == Pos::Noun || gerund)
            && noun
                .as_ref()
                .is_none_or(|&(n, _)| distance(i) < distance(n))
        {
            noun = Some((i, t.lemma.clone()));
        }
    }
    match (verb, noun) {
        (Some((_, lemma)), Some((n, base)))
            if negated || BARE_REPORTING.contains(&lemma.as_str()) =>
        {
            Some((n, base, Head::Noun, false))
        }
        (Some((_, lemma)), None) if BARE_REPORTING.contains(&lemma.as_str()) => None,
        (Some((v, lemma)), _) => Some((v, lemma, Head::Verb, negated)),
        (None, Some((n, base))) => Some((n, base, Head::Noun, false)),
        (None, None) => copula_in_place(s, clause),
    }
}

/// "Maduro was in Moscow": being somewhere at a time is a visit.
fn copula_in_place(s: &Sentence<'_>, clause: Range<usize>) -> Option<(usize, String, Head, bool)> {
    let ws = &s.words;
    clause.clone().find_map(|i| {
        let is_copula = matches!(ws[i].lower().as_str(), "was" | "were");
        let place = ws
            .get(i + 1)
            .is_some_and(|p| matches!(p.lower().as_str(), "in" | "at"))
            && ws.get(i + 2).is_some_and(|n| is_name_word(n.text))
            && clause.contains(&(i + 2));
        (is_copula && place && i > clause.start).then(|| (i, "visit".to_owned(), Head::Verb, false))
    })
}

fn participants(s: &Sentence<'_>) -> Vec<String> {
    let mut out: Vec<String> = s
        .words
        .iter()
        .filter(|w| is_name_word(w.text))
        .map(|w| fold_name(w.text))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Names in the clause or the title, folded. A title word counts only
/// as the sentence writes it: the title's capitalised first word
/// ("Building maintenance …") is no name unless the sentence capitalises
/// it too.
fn actors(s: &Sentence<'_>, title: &str, clause: Range<usize>) -> Vec<String> {
    let in_sentence = |w: &str| s.words.iter().any(|x| x.text == w);
    // Names first: most title words are none, and need no search.
    let mut out: Vec<String> = clause
        .map(|i| s.words[i].text)
        .filter(|w| is_name_word(w))
        .chain(
            title
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| is_name_word(w) && in_sentence(w)),
        )
        .map(fold_name)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Countries named in the clause or the title, one and two words at a time.
fn places(s: &Sentence<'_>, title: &str, clause: Range<usize>) -> Vec<String> {
    // The folded words end to end in one buffer, not a string each.
    let mut all = String::new();
    let mut ends: Vec<usize> = Vec::new();
    let words = clause.map(|i| s.words[i].text).chain(
        title
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())),
    );
    for w in words {
        lexicon::fold_name_into(w, &mut all);
        ends.push(all.len());
    }
    let folded = |k: usize| &all[k.checked_sub(1).map_or(0, |j| ends[j])..ends[k]];
    let mut pair = String::new();
    let mut out: Vec<String> = Vec::new();
    for k in 0..ends.len() {
        let w = folded(k);
        let in_pair = k + 1 < ends.len() && lexicon::opens_country_name(w);
        if in_pair {
            pair.clear();
            pair.push_str(w);
            pair.push(' ');
            pair.push_str(folded(k + 1));
        }
        let found = in_pair
            .then(|| country(&pair))
            .flatten()
            .or_else(|| country(w));
        if let Some(c) = found {
            out.push(c.to_owned());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// For each event span (e.g. a recognised trigger or a gold annotation),
/// the index into `timexes` of the timex that dates it, or `None` when no
/// timex in its sentence does (the document's creation time then dates
/// reporting verbs and present-tense news).
///
/// A timex dates the events of its own clause; an appositive date ("…,
/// last December, …") dates the clause before it; a sentence-initial date
/// ("In April, …") dates every main clause of the sentence. When several
/// timexes qualify, the nearest wins.
///
/// ```
/// use annals_parse::{events::anchors, Timex, TimexType};
/// let text = "Prices rose in May after the bank cut rates on Tuesday.";
/// let t = |s: &str, v: &str| {
///     let at = text.find(s).unwrap();
///     Timex { span: at..at + s.len(), kind: TimexType::Date, value: v.parse().unwrap(), modifier: None }
/// };
/// let timexes = [t("May", "2019-05"), t("Tuesday", "2019-05-07")];
/// let rose = text.find("rose").unwrap();
/// let cut = text.find("cut").unwrap();
/// assert_eq!(anchors(text, &timexes, &[rose..rose + 4, cut..cut + 3]), [Some(0), Some(1)]);
/// ```
pub fn anchors(text: &str, timexes: &[Timex], events: &[Range<usize>]) -> Vec<Option<usize>> {
    let mut out = vec![None; events.len()];
    for range in crate::sentences(text) {
        let in_sentence: Vec<usize> = (0..events.len())
            .filter(|&i| events[i].start >= range.start && events[i].end <= range.end)
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let local: Vec<usize> = (0..timexes.len())
            .filter(|&i| timexes[i].span.start >= range.start && timexes[i].span.end <= range.end)
            .collect();
        let spans: Vec<Range<usize>> = local.iter().map(|&i| timexes[i].span.clone()).collect();
        let s = Sentence::new(text, range, &spans);
        // Each timex's home clause and whether it opens the sentence.
        let homes: Vec<(usize, usize, bool)> = local
            .iter()
            .enumerate()
            .filter(|&(_, &i)| timexes[i].kind != TimexType::Set)
            .filter_map(|(k, &i)| {
                let first = s.word_at(timexes[i].span.start)?;
                let own = s.clause_of_word(first)?;
                let home = s.home_clause(k, first)?;
                Some((i, home, own == 0 && home != own))
            })
            .collect();
        for e in in_sentence {
            let Some(ce) = s.word_at(events[e].start).and_then(|w| s.clause_of_word(w)) else {
                continue;
            };
            let subordinate =
                SUBORDINATORS.contains(&s.words[s.clauses[ce].start].lower().as_str());
            let distance = |t: usize| timexes[t].span.start.abs_diff(events[e].start);
            let same_clause = homes
                .iter()
                .filter(|(_, home, _)| *home == ce)
                .map(|(t, _, _)| *t)
                .min_by_key(|&t| distance(t));
            let opening = homes
                .iter()
                .find(|(_, _, opens)| *opens && !subordinate)
                .map(|(t, _, _)| *t);
            out[e] = same_clause.or(opening);
        }
    }
    out
}

#[cfg(test)]
mod tests;
