//! Event mentions: which happening each date in a text belongs to.
//!
//! For every sentence, each calendar timex (a DATE or TIME with a
//! precision, not a duration or a vague reference) is attached to the
//! clause it sits in, and that clause's event word — a verb ("visited",
//! "met", "proclaimed") or an event noun ("visit", "uprising", "meeting") —
//! becomes the mention's trigger. The mention carries a short title built
//! from the clause's own words (subject, verb, object; nothing invented),
//! the sentence as its quote, and the names it involves, which
//! `annals-model` uses to merge mentions of one happening across articles.
//!
//! Clauses are found by punctuation and subordinating words ("after",
//! "before", "when", "who", ...). A timex that stands alone between commas
//! ("Maduro's last visit to Moscow, last December, ...") dates the phrase
//! before it. A timex introduced by "since" or "until" bounds a state
//! rather than dating an event and yields no mention, unless a clause with
//! its own subject follows it directly ("since last January the opposition
//! leader proclaimed himself ...").

use std::ops::Range;

use crate::{Mod, Timex, TimexType, Value};

/// One dated happening mentioned in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMention {
    /// Byte range of the sentence that reports it (the quote).
    pub sentence: Range<usize>,
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
    /// A short title from the clause's own words, at most 12 words.
    pub title: String,
    /// Names in the sentence, folded (lower case, no accents or
    /// possessives): "Guaidó's" → "guaido".
    pub participants: Vec<String>,
    /// True when the clause is negated ("didn't offer").
    pub negated: bool,
    /// Byte range of the clause that reports the happening, verbatim
    /// (within `sentence`).
    pub clause: Range<usize>,
}

/// Finds the dated event mentions of `text`, given its `timexes` (from
/// [`crate::tag`] or any other source, sorted by position).
pub fn mentions(text: &str, timexes: &[Timex]) -> Vec<EventMention> {
    let mut out = Vec::new();
    for sentence in crate::sentences(text) {
        let words = words(text, sentence.clone());
        let in_sentence = timexes
            .iter()
            .filter(|t| t.span.start >= sentence.start && t.span.end <= sentence.end);
        for timex in in_sentence {
            if !dates_an_event(timex) {
                continue;
            }
            if let Some(m) = mention(text, &sentence, &words, timex) {
                out.push(m);
            }
        }
    }
    out
}

/// For each event span (e.g. a trigger from [`crate::triggers`] or a gold
/// annotation), the index into `timexes` of the timex that dates it, or
/// `None` when no timex in its sentence does (the document's creation time
/// then dates reporting verbs and present-tense news).
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
    let sentences = crate::sentences(text);
    let mut out = vec![None; events.len()];
    for sentence in &sentences {
        let in_sentence: Vec<usize> = (0..events.len())
            .filter(|&i| events[i].start >= sentence.start && events[i].end <= sentence.end)
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let words = words(text, sentence.clone());
        let clauses = clauses(&words);
        let clause_of = |offset: usize| {
            let w = words.iter().position(|w| w.span.1 > offset)?;
            clauses.iter().position(|c| c.contains(&w))
        };
        // Each timex's home clause and whether it opens the sentence.
        let homes: Vec<(usize, usize, bool)> = timexes
            .iter()
            .enumerate()
            .filter(|(_, t)| t.span.start >= sentence.start && t.span.end <= sentence.end)
            .filter(|(_, t)| t.kind != TimexType::Set)
            .filter_map(|(i, t)| {
                let ci = clause_of(t.span.start)?;
                let filler_only = words[clauses[ci].clone()].iter().all(|w| {
                    (w.span.0 >= t.span.start && w.span.1 <= t.span.end)
                        || FILLER.contains(&lower(w).as_str())
                });
                if !filler_only {
                    return Some((i, ci, false));
                }
                match ci.checked_sub(1) {
                    Some(prev) => Some((i, prev, false)),
                    None => Some((i, 1.min(clauses.len() - 1), true)),
                }
            })
            .collect();
        for e in in_sentence {
            let Some(ce) = clause_of(events[e].start) else {
                continue;
            };
            let subordinate = SUBORDINATORS.contains(&lower(&words[clauses[ce].start]).as_str());
            let distance = |t: usize| timexes[t].span.start.abs_diff(events[e].start);
            let same_clause = homes
                .iter()
                .filter(|(_, home, _)| *home == ce)
                .map(|(t, _, _)| *t)
                .min_by_key(|&t| distance(t));
            let opening = homes
                .iter()
                .filter(|(_, _, opens)| *opens && !subordinate)
                .map(|(t, _, _)| *t)
                .next();
            out[e] = same_clause.or(opening);
        }
    }
    out
}

fn dates_an_event(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value.precision().is_some()
        && t.value.bounds().is_some()
}

/// A word of a sentence: its byte span and text.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    span: (usize, usize),
    text: &'a str,
    /// Punctuation that ends a clause right after this word.
    breaks_after: bool,
}

fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let s = &text[range.clone()];
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let part_of_word = c.is_alphanumeric()
            || (matches!(c, '\'' | '’' | '-' | '.' | '$' | '%')
                && start.is_some()
                && s[i + c.len_utf8().min(s.len() - i)..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric));
        if part_of_word || (start.is_none() && c == '$') {
            start.get_or_insert(i);
            continue;
        }
        if let Some(b) = start.take() {
            out.push(Word {
                span: (range.start + b, range.start + i),
                text: &s[b..i],
                breaks_after: false,
            });
        }
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')' | '"' | '“' | '”')
            && let Some(last) = out.last_mut()
        {
            last.breaks_after = true;
        }
    }
    out
}

/// Words that open a subordinate clause: a clause boundary before them.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "although", "though", "until", "since", "where",
    "which", "who", "whom", "whose", "whereas", "unless", "once", "that",
];

/// Clauses: index ranges into `words`.
fn clauses(words: &[Word<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        let lower = w.text.to_ascii_lowercase();
        if i > start && SUBORDINATORS.contains(&lower.as_str()) {
            out.push(start..i);
            start = i;
        }
        if w.breaks_after {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}

fn lower(w: &Word<'_>) -> String {
    w.text.to_lowercase().replace('’', "'")
}

/// Words that carry no event and no subject: prepositions, determiners,
/// temporal adverbs. A clause made only of these and a timex is an
/// appositive date.
const FILLER: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "by",
    "for",
    "to",
    "as",
    "from",
    "the",
    "a",
    "an",
    "last",
    "this",
    "next",
    "just",
    "recently",
    "early",
    "late",
    "and",
    "or",
    "than",
    "since",
    "until",
    "ago",
    "shortly",
    "only",
    "even",
    "also",
    "then",
    "until",
    "during",
    "through",
    "throughout",
];

const AUXILIARIES: &[&str] = &[
    "did", "didn't", "will", "won't", "would", "wouldn't", "could", "couldn't", "can", "can't",
    "cannot", "may", "might", "must", "should", "shall", "has", "have", "had", "hasn't", "haven't",
    "hadn't", "is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't", "be", "been",
    "being", "does", "do", "doesn't", "don't", "to",
];

const NEGATIONS: &[&str] = &[
    "not", "never", "didn't", "won't", "wouldn't", "couldn't", "can't", "cannot", "hasn't",
    "haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "no",
];

/// Irregular past forms and their base.
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("ate", "eat"),
    ("beat", "beat"),
    ("became", "become"),
    ("began", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("cut", "cut"),
    ("dealt", "deal"),
    ("drew", "draw"),
    ("drove", "drive"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("fought", "fight"),
    ("found", "find"),
    ("froze", "freeze"),
    ("gave", "give"),
    ("got", "get"),
    ("grew", "grow"),
    ("held", "hold"),
    ("hit", "hit"),
    ("kept", "keep"),
    ("knew", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("overthrew", "overthrow"),
    ("paid", "pay"),
    ("put", "put"),
    ("quit", "quit"),
    ("ran", "run"),
    ("rose", "rise"),
    ("said", "say"),
    ("sank", "sink"),
    ("saw", "see"),
    ("sent", "send"),
    ("set", "set"),
    ("shot", "shoot"),
    ("shut", "shut"),
    ("sold", "sell"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spread", "spread"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("took", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("told", "tell"),
    ("tore", "tear"),
    ("understood", "understand"),
    ("upheld", "uphold"),
    ("went", "go"),
    ("withdrew", "withdraw"),
    ("won", "win"),
    ("wore", "wear"),
    ("wrote", "write"),
];

/// Nouns that name happenings, with the base their verb shares.
const EVENT_NOUNS: &[(&str, &str)] = &[
    ("visit", "visit"),
    ("visits", "visit"),
    ("trip", "visit"),
    ("trips", "visit"),
    ("tour", "visit"),
    ("journey", "visit"),
    ("meeting", "meet"),
    ("meetings", "meet"),
    ("summit", "meet"),
    ("talks", "talk"),
    ("negotiations", "negotiate"),
    ("uprising", "uprising"),
    ("coup", "uprising"),
    ("revolt", "uprising"),
    ("rebellion", "uprising"),
    ("insurrection", "uprising"),
    ("protest", "protest"),
    ("protests", "protest"),
    ("demonstration", "protest"),
    ("demonstrations", "protest"),
    ("election", "elect"),
    ("elections", "elect"),
    ("vote", "vote"),
    ("referendum", "vote"),
    ("war", "war"),
    ("attack", "attack"),
    ("attacks", "attack"),
    ("invasion", "invade"),
    ("annexation", "annex"),
    ("collapse", "collapse"),
    ("agreement", "agree"),
    ("deal", "agree"),
    ("treaty", "agree"),
    ("accord", "agree"),
    ("sanctions", "sanction"),
    ("embargo", "sanction"),
    ("announcement", "announce"),
    ("speech", "speak"),
    ("interview", "interview"),
    ("conference", "meet"),
    ("inauguration", "inaugurate"),
    ("ceremony", "ceremony"),
    ("trial", "trial"),
    ("verdict", "rule"),
    ("arrest", "arrest"),
    ("resignation", "resign"),
    ("death", "die"),
    ("killing", "kill"),
    ("crash", "crash"),
    ("explosion", "explode"),
    ("earthquake", "earthquake"),
    ("merger", "merge"),
    ("acquisition", "acquire"),
    ("launch", "launch"),
    ("campaign", "campaign"),
    ("offensive", "attack"),
    ("ceasefire", "ceasefire"),
    ("strike", "strike"),
    ("raid", "raid"),
    ("riot", "riot"),
    ("rally", "rally"),
    ("debate", "debate"),
    ("hearing", "hearing"),
    ("bombing", "bomb"),
    ("proclamation", "proclaim"),
    ("breakdown", "collapse"),
    ("default", "default"),
    ("bailout", "bail"),
    ("shutdown", "shut"),
];

/// Words ending in "-ed" that are rarely past-tense verbs.
const NOT_VERBS_ED: &[&str] = &[
    "embattled",
    "united",
    "hundred",
    "indeed",
    "need",
    "speed",
    "seed",
    "feed",
    "bed",
    "red",
    "so-called",
    "proceed",
    "exceed",
    "succeed",
    "bred",
    "shed",
    "wed",
    "sled",
    "creed",
    "greed",
    "breed",
    "deed",
    "weed",
    "naked",
    "sacred",
    "wicked",
    "rugged",
    "kindred",
    "beloved",
];

/// The base form of a verb-like word, if it is one.
fn verb_base(word: &str) -> Option<String> {
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return Some((*base).to_owned());
    }
    if word.len() > 4 && word.ends_with("ed") && !NOT_VERBS_ED.contains(&word) {
        let stem = &word[..word.len() - 2];
        let stem = if let Some(head) = stem.strip_suffix('i') {
            format!("{head}y")
        } else if stem.len() > 2
            && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2]
            && !stem.ends_with("ss")
            && !stem.ends_with("ll")
        {
            stem[..stem.len() - 1].to_owned()
        } else if needs_e(stem) {
            format!("{stem}e")
        } else {
            stem.to_owned()
        };
        return Some(stem);
    }
    None
}

/// "announc" → "announce", "proclaim" stays: a stem whose "-ed" swallowed an "e".
fn needs_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    n >= 2
        && (matches!(
            &stem[n - 2..],
            "nc" | "rc" | "iz" | "at" | "ut" | "ot" | "iv" | "uc" | "us" | "ir" | "ur" | "ag"
        ) || (matches!(b[n - 1], b'v' | b'z') && !stem.ends_with("zz")))
        && !matches!(&stem[n - 2..], "at" if n > 3 && matches!(b[n - 3], b'e' | b'o' | b'a'))
}

/// The event word of a clause (`words[range]`, skipping the timex words):
/// a finite or auxiliary-led verb first, else an event noun.
fn trigger(
    words: &[Word<'_>],
    range: Range<usize>,
    timex: (usize, usize),
) -> Option<(usize, String)> {
    let inside = |w: &Word<'_>| w.span.0 >= timex.0 && w.span.1 <= timex.1;
    let mut noun = None;
    let mut after_aux = false;
    for i in range {
        let w = &words[i];
        if inside(w) {
            continue;
        }
        let l = lower(w);
        let capitalized = w.text.chars().next().is_some_and(char::is_uppercase);
        if AUXILIARIES.contains(&l.as_str()) {
            after_aux = true;
            continue;
        }
        if NEGATIONS.contains(&l.as_str()) || l.ends_with("ly") {
            continue;
        }
        // "a botched uprising": a participle after a determiner is an adjective.
        let after_determiner = i > 0
            && matches!(
                lower(&words[i - 1]).as_str(),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
            );
        if (!capitalized || i == 0) && !after_determiner {
            if let Some(base) = verb_base(&l) {
                return Some((i, base));
            }
            if after_aux && !FILLER.contains(&l.as_str()) && !capitalized {
                return Some((i, l));
            }
        }
        if noun.is_none()
            && let Some((_, base)) = EVENT_NOUNS.iter().find(|(n, _)| *n == l)
        {
            noun = Some((i, (*base).to_owned()));
        }
        after_aux = false;
    }
    noun
}

fn mention(
    text: &str,
    sentence: &Range<usize>,
    words: &[Word<'_>],
    timex: &Timex,
) -> Option<EventMention> {
    let t = (timex.span.start, timex.span.end);
    let clauses = clauses(words);
    let first_timex_word = words.iter().position(|w| w.span.1 > t.0)?;
    let mut ci = clauses.iter().position(|c| c.contains(&first_timex_word))?;
    let before = first_timex_word
        .checked_sub(1)
        .map(|i| lower(&words[i]))
        .unwrap_or_default();
    if matches!(before.as_str(), "since" | "until" | "till") {
        // "since 2016" bounds a state. Only a clause that follows the timex
        // directly, with a subject of its own, is dated by it.
        let next = words.iter().position(|w| w.span.0 >= t.1)?;
        let opener = lower(&words[next]);
        let names_subject = matches!(
            opener.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their"
        ) || words[next]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !names_subject || words[next - 1].breaks_after {
            return None;
        }
        let end = clauses.get(ci).map_or(words.len(), |c| c.end);
        let range = next..end.max(next + 1);
        let mut range = range;
        // The subject may be interrupted by an appositive: extend to the verb.
        let mut k = ci + 1;
        while trigger(words, range.clone(), t).is_none() && k < clauses.len() {
            range.end = clauses[k].end;
            k += 1;
        }
        return build(text, sentence, words, &clauses, range, timex);
    }
    let only_filler = |c: &Range<usize>| {
        words[c.clone()]
            .iter()
            .all(|w| (w.span.0 >= t.0 && w.span.1 <= t.1) || FILLER.contains(&lower(w).as_str()))
    };
    if only_filler(&clauses[ci]) {
        // An appositive date ("…, last December, …") dates the phrase before it.
        ci = ci
            .checked_sub(1)
            .or_else(|| (clauses.len() > 1).then_some(1))?;
    }
    build(text, sentence, words, &clauses, clauses[ci].clone(), timex)
}

fn build(
    text: &str,
    sentence: &Range<usize>,
    words: &[Word<'_>],
    clauses: &[Range<usize>],
    clause: Range<usize>,
    timex: &Timex,
) -> Option<EventMention> {
    let t = (timex.span.start, timex.span.end);
    let (ti, lemma) = trigger(words, clause.clone(), t)?;
    let negated = words[clause.clone()]
        .iter()
        .any(|w| NEGATIONS.contains(&lower(w).as_str()));
    let title = title(text, words, clauses, clause.clone(), ti, t);
    if title.split_whitespace().count() < 2 {
        return None;
    }
    let participants = participants(&words[sentence_words(words)]);
    let clause_span = {
        let first = &words[clause.start];
        let last = &words[clause.end - 1];
        let end = text[last.span.1..sentence.end]
            .char_indices()
            .find(|&(_, c)| !matches!(c, '"' | '”' | '’' | ')'))
            .map_or(sentence.end, |(i, _)| last.span.1 + i);
        first.span.0..end
    };
    Some(EventMention {
        sentence: sentence.clone(),
        trigger: words[ti].span.0..words[ti].span.1,
        lemma,
        timex: timex.span.clone(),
        value: timex.value.clone(),
        modifier: timex.modifier,
        title,
        participants,
        negated,
        clause: clause_span,
    })
    .filter(|m| !text[m.trigger.clone()].is_empty())
}

fn sentence_words(words: &[Word<'_>]) -> Range<usize> {
    0..words.len()
}

/// Words dropped from titles: the timex and temporal adverbs around it.
const TITLE_DROP: &[&str] = &[
    "last", "just", "already", "also", "recently", "still", "then", "ago",
];

/// Connectives that open a clause but do not belong in a title.
const OPENERS: &[&str] = &[
    "after",
    "before",
    "when",
    "while",
    "because",
    "although",
    "though",
    "since",
    "but",
    "and",
    "however",
    "shortly",
    "so",
    "yet",
    "meanwhile",
    "moreover",
    "as",
    "which",
    "who",
    "until",
];

const MAX_TITLE_WORDS: usize = 12;

/// The title: the clause's subject (borrowed from the clause before when the
/// clause starts at its verb), the verb and what follows, without the timex
/// and its preposition, cut at a phrase boundary to 12 words.
fn title(
    text: &str,
    words: &[Word<'_>],
    clauses: &[Range<usize>],
    clause: Range<usize>,
    trigger: usize,
    t: (usize, usize),
) -> String {
    let inside = |w: &Word<'_>| w.span.0 >= t.0 && w.span.1 <= t.1;
    let mut parts: Vec<usize> = Vec::new();
    let mut start = clause.start;
    while start < trigger && OPENERS.contains(&lower(&words[start]).as_str()) {
        start += 1;
    }
    let has_subject = (start..trigger).any(|i| {
        let l = lower(&words[i]);
        !inside(&words[i])
            && !FILLER.contains(&l.as_str())
            && !AUXILIARIES.contains(&l.as_str())
            && !NEGATIONS.contains(&l.as_str())
    });
    let is_noun_trigger = verb_base(&lower(&words[trigger])).is_none()
        && EVENT_NOUNS
            .iter()
            .any(|(n, _)| *n == lower(&words[trigger]));
    if !has_subject && !is_noun_trigger {
        if let Some(subject) = borrowed_subject(words, clauses, clause.start) {
            parts.extend(subject);
        }
        start = start.max(clause.start);
    }
    let mut end = clause.end;
    // Follow appositives that complete the object: ", Nicolás Maduro, in Moscow".
    let ci = clauses
        .iter()
        .position(|c| c.start == clause.start)
        .unwrap_or(0);
    for c in clauses.iter().skip(ci + 1) {
        let verbless = trigger_free(words, c.clone());
        let opener = lower(&words[c.start]);
        let names = words[c.clone()].iter().any(|w| {
            w.text.chars().next().is_some_and(char::is_uppercase) && !STOP_NAMES.contains(&w.text)
        });
        if !verbless || !names || OPENERS.contains(&opener.as_str()) || c.len() > 4 {
            break;
        }
        end = c.end;
    }
    for i in start..end {
        let w = &words[i];
        if inside(w) {
            continue;
        }
        let l = lower(w);
        // The preposition that introduces the timex goes with it.
        let next_is_timex = words.get(i + 1).is_some_and(&inside);
        if next_is_timex
            && matches!(
                l.as_str(),
                "in" | "on" | "at" | "during" | "by" | "of" | "as"
            )
        {
            continue;
        }
        if TITLE_DROP.contains(&l.as_str()) && i != trigger {
            continue;
        }
        // A second coordinated verb starts another event: "… and was recognized".
        if i > trigger && matches!(l.as_str(), "and" | "but" | "or") {
            let next = words.get(i + 1).map(lower).unwrap_or_default();
            if AUXILIARIES.contains(&next.as_str()) || verb_base(&next).is_some() {
                break;
            }
        }
        parts.push(i);
    }
    let parts = compress_subject(words, parts, trigger);
    cut(text, words, &parts, trigger)
}

/// "The opponent Juan Guaidó proclaimed" → "Juan Guaidó proclaimed": a
/// subject holding a name of two or more words is shortened to the name.
fn compress_subject(words: &[Word<'_>], parts: Vec<usize>, trigger: usize) -> Vec<usize> {
    let Some(split) = parts.iter().position(|&i| i >= trigger) else {
        return parts;
    };
    let subject = &parts[..split];
    let is_name = |i: usize| {
        let w = &words[i];
        w.text.chars().next().is_some_and(char::is_uppercase) && !STOP_NAMES.contains(&w.text)
    };
    let mut best: &[usize] = &[];
    let mut k = 0;
    while k < subject.len() {
        if !is_name(subject[k]) {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        while k < subject.len()
            && is_name(subject[k])
            && subject[k] == subject[k - 1] + 1
            && !words[subject[k - 1]].breaks_after
        {
            k += 1;
        }
        if k - start > best.len() {
            best = &subject[start..k];
        }
    }
    if best.len() >= 2 && best.len() < subject.len() {
        let mut out = best.to_vec();
        out.extend_from_slice(&parts[split..]);
        out
    } else {
        parts
    }
}

fn trigger_free(words: &[Word<'_>], range: Range<usize>) -> bool {
    trigger(words, range, (usize::MAX, usize::MAX)).is_none()
}

/// The subject of a clause that starts at its verb: the nearest clause
/// before it that holds a proper name and no verb ("Putin, one of …,
/// didn't offer" → "Putin"; "…, Nicolás Maduro, … who arrived" → "Nicolás
/// Maduro").
fn borrowed_subject(
    words: &[Word<'_>],
    clauses: &[Range<usize>],
    before: usize,
) -> Option<Vec<usize>> {
    let candidates: Vec<&Range<usize>> = clauses.iter().filter(|c| c.end <= before).collect();
    let relative = words
        .get(before)
        .is_some_and(|w| matches!(lower(w).as_str(), "who" | "which"));
    let order: Vec<&Range<usize>> = if relative {
        candidates.into_iter().rev().collect()
    } else {
        candidates
    };
    for c in order {
        if !trigger_free(words, c.clone()) {
            continue;
        }
        let names = proper_name(words, c.clone());
        if !names.is_empty() {
            return Some(names);
        }
    }
    None
}

/// The longest run of capitalized words (a name), keeping "of"/"de" inside.
fn proper_name(words: &[Word<'_>], range: Range<usize>) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for i in range {
        let w = &words[i];
        let cap = w.text.chars().next().is_some_and(char::is_uppercase);
        if cap && !STOP_NAMES.contains(&w.text) {
            run.push(i);
        } else {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    best
}

/// Truncates a title to [`MAX_TITLE_WORDS`] at a phrase boundary and
/// capitalizes its first letter.
fn cut(text: &str, words: &[Word<'_>], idx: &[usize], trigger: usize) -> String {
    let parts: Vec<&str> = idx.iter().map(|&i| words[i].text).collect();
    let mut n = parts.len();
    if n > MAX_TITLE_WORDS {
        n = MAX_TITLE_WORDS;
        // Back off to just before a preposition or conjunction, so the
        // title does not stop mid-phrase.
        let boundary = (3..=n)
            .rev()
            .find(|&k| {
                matches!(
                    parts[k - 1].to_lowercase().as_str(),
                    "in" | "to"
                        | "for"
                        | "of"
                        | "with"
                        | "from"
                        | "and"
                        | "on"
                        | "at"
                        | "by"
                        | "as"
                        | "that"
                )
            })
            .map(|k| k - 1);
        if let Some(b) = boundary {
            n = b;
        }
    }
    while n > 1
        && matches!(
            parts[n - 1].to_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "of"
                | "in"
                | "to"
                | "and"
                | "on"
                | "at"
                | "for"
                | "his"
                | "her"
                | "their"
                | "its"
        )
    {
        n -= 1;
    }
    let mut title = String::new();
    for k in 0..n {
        if k > 0 {
            // Keep a comma between neighbouring words ("Assembly, Juan").
            let (a, b) = (idx[k - 1], idx[k]);
            let between = &text[words[a].span.1..words[b].span.0];
            let comma = b == a + 1 && between.trim() == "," && b != trigger;
            title.push_str(if comma { ", " } else { " " });
        }
        title.push_str(parts[k]);
    }
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    title
}

/// Capitalized words that are not names.
const STOP_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "However",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "For",
    "With",
    "By",
    "From",
    "To",
    "Of",
    "If",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "President",
    "Minister",
    "Prime",
    "Secretary",
    "Chancellor",
    "King",
    "Queen",
    "General",
    "Gen.",
    "Sen.",
    "Senator",
    "Governor",
    "Mayor",
    "Yes",
    "No",
    "Even",
    "Shortly",
    "Meanwhile",
    "Also",
    "So",
    "Then",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
];

/// Folds a name for comparison: lower case, accents and possessives removed.
pub fn fold_name(name: &str) -> String {
    let base = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name);
    base.chars()
        .filter_map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            Some(match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                '.' => return None,
                c => c,
            })
        })
        .collect()
}

fn participants(words: &[Word<'_>]) -> Vec<String> {
    let mut out: Vec<String> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.text.chars().next().is_some_and(char::is_uppercase))
        .filter(|(_, w)| !STOP_NAMES.contains(&w.text) && w.text.chars().count() > 1)
        .map(|(_, w)| fold_name(w.text))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timex(text: &str, phrase: &str, value: &str) -> Timex {
        let start = text.find(phrase).expect("phrase in text");
        Timex {
            span: start..start + phrase.len(),
            kind: TimexType::Date,
            value: value.parse().expect("valid value"),
            modifier: None,
        }
    }

    fn one(text: &str, phrase: &str, value: &str) -> Option<(String, String)> {
        let t = timex(text, phrase, value);
        let ms = mentions(text, &[t]);
        assert!(ms.len() <= 1);
        ms.into_iter().next().map(|m| (m.lemma, m.title))
    }

    #[test]
    fn titles_and_triggers_table() {
        type Row<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);
        let table: &[Row<'_>] = &[
            (
                "Maduro last visited Russia in December 2018, just days before two Russian strategic bombers made a trip to Venezuela.",
                "December 2018",
                Some(("visit", "Maduro visited Russia")),
            ),
            (
                "The Venezuelan leader visited Moscow for discussions with Putin in December.",
                "December",
                Some((
                    "visit",
                    "The Venezuelan leader visited Moscow for discussions with Putin",
                )),
            ),
            (
                "Shortly after Maduro's last visit to Moscow, last December, Russia sent two strategic bombers.",
                "last December",
                Some(("visit", "Maduro's visit to Moscow")),
            ),
            (
                "The opposition's efforts to take over the palace have stalled after a botched uprising in April.",
                "April",
                Some(("uprising", "A botched uprising")),
            ),
            (
                "The Chavista leader met on Wednesday in Moscow with Russian President Vladimir Putin.",
                "Wednesday",
                Some((
                    "meet",
                    "The Chavista leader met in Moscow with Russian President Vladimir Putin",
                )),
            ),
            (
                "Venezuela lives in deep crisis after the opponent Juan Guaidó proclaimed himself president of the country last January and was recognized by 50 countries.",
                "last January",
                Some((
                    "proclaim",
                    "Juan Guaidó proclaimed himself president of the country",
                )),
            ),
            (
                "This is the first trip abroad of the Venezuelan since last January the president of the Assembly, Juan Guaidó, proclaimed himself interim president.",
                "last January",
                Some((
                    "proclaim",
                    "Juan Guaidó proclaimed himself interim president",
                )),
            ),
            ("Moscow has been a backer since 2016.", "2016", None),
            (
                "Putin, one of Maduro's few allies, didn't offer new support at their meeting in the Kremlin Wednesday.",
                "Wednesday",
                Some((
                    "offer",
                    "Putin didn't offer new support at their meeting in the Kremlin",
                )),
            ),
        ];
        for (text, phrase, want) in table {
            let got = one(text, phrase, "2019-01");
            let want = want.map(|(l, t)| (l.to_owned(), t.to_owned()));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn anchors_table() {
        // (text, timex phrases with values, event word, expected timex phrase)
        type Row<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str, Option<&'a str>);
        let table: &[Row<'_>] = &[
            (
                "In April, the army rebelled and the president fled.",
                &[("April", "2019-04")],
                "fled",
                Some("April"),
            ),
            (
                "In April, the army rebelled after talks failed.",
                &[("April", "2019-04")],
                "failed",
                None,
            ),
            (
                "Maduro's visit to Moscow, last December, alarmed Washington.",
                &[("last December", "2018-12")],
                "visit",
                Some("last December"),
            ),
            (
                "Officials said the plant closed in 2016.",
                &[("2016", "2016")],
                "closed",
                Some("2016"),
            ),
            (
                "Officials said Monday that the plant had closed.",
                &[("Monday", "2019-09-23")],
                "closed",
                None,
            ),
            (
                "Officials said Monday that the plant had closed.",
                &[("Monday", "2019-09-23")],
                "said",
                Some("Monday"),
            ),
            (
                "The firm, which was founded in 1990, said it would sell.",
                &[("1990", "1990")],
                "said",
                None,
            ),
        ];
        for (text, phrases, event, want) in table {
            let timexes: Vec<Timex> = phrases.iter().map(|(p, v)| timex(text, p, v)).collect();
            let at = text.find(event).unwrap();
            let span = std::iter::once(at..at + event.len()).collect::<Vec<_>>();
            let got = anchors(text, &timexes, &span)[0].map(|i| &text[timexes[i].span.clone()]);
            assert_eq!(got, *want, "{text} / {event}");
        }
    }

    #[test]
    fn durations_and_references_date_nothing() {
        let text = "He waited two weeks in recent years.";
        let mut t = timex(text, "two weeks", "P2W");
        t.kind = TimexType::Duration;
        let r = timex(text, "recent years", "PAST_REF");
        assert!(mentions(text, &[t, r]).is_empty());
    }

    #[test]
    fn negation_and_participants() {
        let text = "Putin didn't offer Guaidó's allies aid in Moscow on Wednesday.";
        let m = &mentions(text, &[timex(text, "Wednesday", "2019-09-25")])[0];
        assert!(m.negated);
        assert_eq!(m.participants, ["guaido", "moscow", "putin"]);
    }

    #[test]
    fn verb_bases() {
        for (form, base) in [
            ("visited", Some("visit")),
            ("proclaimed", Some("proclaim")),
            ("announced", Some("announce")),
            ("stopped", Some("stop")),
            ("tried", Some("try")),
            ("met", Some("meet")),
            ("embattled", None),
            ("arrived", Some("arrive")),
            ("called", Some("call")),
            ("received", Some("receive")),
            ("stalled", Some("stall")),
            ("bed", None),
        ] {
            assert_eq!(verb_base(form).as_deref(), base, "{form}");
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Arbitrary text with timexes on arbitrary char-boundary spans.
    fn text_and_timexes() -> impl Strategy<Value = (String, Vec<Timex>)> {
        let text = prop_oneof![
            "\\PC{0,200}",
            Just("Maduro last visited Russia in December 2018, just days before bombers flew.".to_owned()),
            Just("Since last January, the president of the Assembly, Juan Guaidó, said that it ended.".to_owned()),
        ];
        (
            text,
            prop::collection::vec((any::<u16>(), any::<u16>(), 0..4u8), 0..6),
        )
            .prop_map(|(text, raw)| {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                let mut timexes: Vec<Timex> = raw
                    .into_iter()
                    .filter_map(|(a, b, k)| {
                        let a = bounds[a as usize % bounds.len()];
                        let b = bounds[b as usize % bounds.len()];
                        let (start, end) = (a.min(b), a.max(b));
                        (start < end).then(|| Timex {
                            span: start..end,
                            kind: [
                                TimexType::Date,
                                TimexType::Time,
                                TimexType::Duration,
                                TimexType::Set,
                            ][k as usize],
                            value: ["2019-09-25", "2018-12", "P2W", "XXXX-WXX-1"][k as usize]
                                .parse()
                                .expect("valid"),
                            modifier: None,
                        })
                    })
                    .collect();
                timexes.sort_by_key(|t| t.span.start);
                (text, timexes)
            })
    }

    proptest! {
        #[test]
        fn mentions_and_anchors_stay_in_bounds((text, timexes) in text_and_timexes()) {
            for m in mentions(&text, &timexes) {
                for r in [&m.sentence, &m.trigger, &m.timex] {
                    prop_assert!(r.start <= r.end && r.end <= text.len());
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
                prop_assert!(m.title.split_whitespace().count() <= MAX_TITLE_WORDS);
            }
            let spans: Vec<Range<usize>> = timexes.iter().map(|t| t.span.clone()).collect();
            let anchored = anchors(&text, &timexes, &spans);
            prop_assert_eq!(anchored.len(), spans.len());
            prop_assert!(anchored.iter().flatten().all(|&i| i < timexes.len()));
        }
    }
}
