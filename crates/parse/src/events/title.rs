//! Titles: a short headline for a mention, made of the clause's own words.
//!
//! A verb mention is titled subject + verb + what follows ("Maduro visited
//! Russia"); a noun mention by its noun phrase ("Botched uprising"). Timexes
//! and the prepositions that introduce them go, as do temporal adverbs
//! ("last", "just"); a long subject holding a name shrinks to the name
//! ("the opponent Juan Guaidó" → "Juan Guaidó"); a subject missing from the
//! clause is borrowed from the sentence. The result is cut at a phrase
//! boundary to [`MAX_TITLE_WORDS`] words. Nothing is invented: every word
//! is the text's own.

use std::ops::Range;

use super::Sentence;
use super::lexicon::{
    AUXILIARIES, DETERMINERS, FILLER, NEGATIONS, PREPOSITIONS, REPORTING, SCHEDULING,
    SUBJECT_PRONOUNS, TIMEX_PREPOSITIONS, is_name_word, is_verb_form, verb_base,
};

/// The longest title, in words.
pub const MAX_TITLE_WORDS: usize = 12;

/// Temporal adverbs that do not belong in a title.
const TITLE_DROP: &[&str] = &[
    "last", "just", "already", "also", "recently", "still", "then", "ago",
];

/// Connectives that open a clause but do not belong in a title or summary.
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
    "or",
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
    "that",
    "once",
    "whereas",
    "unless",
];

/// How a title is made: around a verb or a noun.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
    Verb,
    Noun,
}

/// A mention's title and what its shape says.
pub(super) struct Title {
    pub(super) text: String,
    /// The title ends at the trigger, a verb with nothing after it ("the
    /// Kremlin announced").
    pub(super) ends_at_trigger: bool,
    /// A verb title opens with a verb, an auxiliary or its trigger: no
    /// subject was found ("was found", "engaged in bloody clashes"); a
    /// noun title opens with a verb ("heard her cries").
    pub(super) subjectless: bool,
}

/// The title of the mention whose trigger is word `trigger` of `clause`.
pub(super) fn title(s: &Sentence<'_>, clause: Range<usize>, trigger: usize, head: Head) -> Title {
    let parts = match head {
        Head::Noun => noun_phrase(s, clause, trigger),
        Head::Verb => verb_phrase(s, clause, trigger),
    };
    let verb = match head {
        Head::Verb => headline_verb(s, &parts, trigger),
        Head::Noun => None,
    };
    let subjectless = opens_without_subject(s, &parts, trigger, head);
    Title {
        text: cut(s, &parts, trigger, head, verb.as_deref()),
        ends_at_trigger: parts.last() == Some(&trigger),
        subjectless,
    }
}

/// Whether a title of `parts` has no subject: a verb title opening with its
/// trigger, an auxiliary or a verb ("was found", "engaged in clashes"), or
/// a noun title opening with a verb, a verb phrase's tail ("heard her
/// cries", "predicting in his blog"; "armed men" is a noun phrase).
fn opens_without_subject(s: &Sentence<'_>, parts: &[usize], trigger: usize, head: Head) -> bool {
    let Some(&i) = parts.first() else {
        return false;
    };
    let w = &s.words[i];
    let l = w.lower();
    // "personally fight and die": an adverb before the verb, no subject.
    if let Some(&next) = parts.get(1)
        && is_manner_adverb(&l)
        && (next == trigger || is_verb_form(&s.words[next].lower()))
    {
        return true;
    }
    if head == Head::Verb && (i == trigger || (AUXILIARIES.contains(&l.as_str()) && l != "to")) {
        return true;
    }
    // A sentence's first word is capitalised whatever it is: "Presenting a
    // plan …, the minister said" opens with a participle ("Manning said"
    // with a name, no verb).
    let plain = !w.is_capitalized() || (i == 0 && l.ends_with("ing"));
    plain && opens_a_verb_phrase(s, i, head)
}

/// Whether word `i` (a title's first) reads as a verb: a past form before
/// its object ("heard her cries", "that drove Iraq out"), or a verb form
/// that is no adjective by its place ("a botched uprising") and, in a noun
/// title, no noun or adjective by WordNet ("involve", "predicting"; not
/// "armed", "meeting").
fn opens_a_verb_phrase(s: &Sentence<'_>, i: usize, head: Head) -> bool {
    use crate::triggers::{is_noun_or_adjective, known_verb_base};
    let l = s.words[i].lower();
    let base = known_verb_base(&l);
    let past = base.as_ref().is_some_and(|b| b.as_str() != &*l)
        && !l.ends_with("ing")
        && !l.ends_with('s');
    let takes_object = s.words.get(i + 1).is_some_and(|next| {
        let n = next.lower();
        DETERMINERS.contains(&n.as_str())
            || PREPOSITIONS.contains(&n.as_str())
            || next.is_capitalized()
    });
    // "presenting a plan": an "-ing" form that is no noun, before its
    // object ("meeting the president" may be a noun phrase).
    let ing = l.ends_with("ing") && base.is_some() && !is_noun_or_adjective(&l);
    if (past || ing) && takes_object {
        return true;
    }
    let verb = match head {
        Head::Verb => is_verb_form(&l) || base.is_some_and(|b| !is_noun_or_adjective(&b)),
        Head::Noun => base.is_some_and(|b| !is_noun_or_adjective(&l) && !is_noun_or_adjective(&b)),
    };
    verb && !is_participle_adjective(s, i)
}

/// Titles are headlines, in the historical present: "Maduro visited
/// Russia" → "Maduro visits Russia". Only a simple past verb changes (no
/// auxiliary before it: "had grown", "was scheduled" stay), to the third
/// person singular, or to the base form after a plural subject ("Russia and
/// China signed" → "sign").
fn headline_verb(s: &Sentence<'_>, parts: &[usize], trigger: usize) -> Option<String> {
    let word = s.words[trigger].lower();
    let base = verb_base(&word)?;
    if base == word.as_str() || matches!(base.as_str(), "be" | "have" | "do") {
        return None;
    }
    let subject: Vec<usize> = parts.iter().copied().take_while(|&i| i < trigger).collect();
    // "was arrested", "was also arrested", "was more restrained": an
    // auxiliary before the verb, adverbs aside.
    let aux_before = subject
        .iter()
        .rev()
        .map(|&i| s.words[i].lower())
        .find(|l| !is_adverb(l))
        .is_some_and(|l| AUXILIARIES.contains(&l.as_str()) || NEGATIONS.contains(&l.as_str()));
    // "…, scheduled for next year": a bare participle is no finite verb.
    // (A prepositional pseudo-subject, "Of the tons … supplied", needs no
    // check here: such a mention is dropped whole.)
    let bare_participle = trigger > 0
        && s.words[trigger - 1].breaks_after
        && s.clauses
            .iter()
            .rfind(|c| c.end <= trigger)
            .is_some_and(|c| c.clone().any(|i| s.is_verb(i)));
    // "estimates cited by the minister": a participle before its agent;
    // "a protest scheduled for Thursday": scheduling is told in the passive.
    // (The agent may come after the date: "cited on Monday by".)
    let agent = (trigger + 1..s.words.len()).find(|&i| !is_dating(s, i));
    let passive = agent.is_some_and(|i| s.words[i].lower() == "by")
        || (SCHEDULING.contains(&base.as_str()) && word.ends_with("ed"));
    if subject.is_empty() || aux_before || bare_participle || passive {
        return None;
    }
    if is_plural(s, &subject) {
        return Some(base);
    }
    Some(third_person(&base))
}

/// An "-ly" word WordNet knows as no adjective or noun: "personally",
/// "reportedly", not "early", "daily" or "elderly".
fn is_manner_adverb(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ly") && !crate::triggers::is_noun_or_adjective(lower)
}

/// Adverbs that stand between an auxiliary and its verb ("was also
/// arrested", "was more restrained").
fn is_adverb(lower: &str) -> bool {
    (lower.len() > 4 && lower.ends_with("ly"))
        || matches!(
            lower,
            "also"
                | "more"
                | "most"
                | "less"
                | "still"
                | "already"
                | "just"
                | "then"
                | "later"
                | "first"
                | "now"
                | "even"
                | "only"
                | "very"
                | "so"
                | "too"
                | "again"
                | "soon"
        )
}

/// Nouns that are plural without an "-s".
const PLURAL_ONLY: &[&str] = &["police", "people", "children", "men", "women", "cattle"];

/// Words that open a subordinate clause, whose subject is the verb's.
const SUBJECT_BOUNDARIES: &[&str] = &[
    "as", "because", "when", "while", "if", "although", "though", "whereas", "where", "but",
];

/// Whether a subject is plural, by its head: the words before its first
/// prepositional phrase, relative clause or appositive ("Protests against
/// the leader" is plural, "The number of protesters" singular): a
/// coordination ("Russia and China"), a plural-only noun ("police"), a
/// quantifier ("Six of"), a plural noun, or a plural pronoun.
fn is_plural(s: &Sentence<'_>, subject: &[usize]) -> bool {
    let Some(head) = subject_head(s, subject) else {
        return false;
    };
    let lower = |i: usize| s.words[i].lower();
    head.iter().any(|&i| lower(i) == "and")
        || head
            .iter()
            .any(|&i| PLURAL_ONLY.contains(&lower(i).as_str()))
        || head.iter().any(|&i| is_quantifier(&lower(i)))
        || head.iter().any(|&i| is_plural_noun(s, i))
        || head.last().is_some_and(|&i| looks_plural(s, i))
        || head
            .last()
            .is_some_and(|&i| matches!(lower(i).as_str(), "they" | "we" | "i" | "you"))
}

/// The head of a subject: after its last subordinator ("… as we head"),
/// up to its first preposition, relative or appositive. `None` for a
/// clause of its own ("what appears").
fn subject_head<'a>(s: &Sentence<'_>, subject: &'a [usize]) -> Option<&'a [usize]> {
    let from = subject
        .iter()
        .rposition(|&i| SUBJECT_BOUNDARIES.contains(&s.words[i].lower().as_str()))
        .map_or(0, |k| k + 1);
    let subject = &subject[from..];
    if subject
        .last()
        .is_some_and(|&i| s.words[i].lower() == "what")
    {
        return None;
    }
    let end = subject
        .iter()
        .enumerate()
        .skip(1)
        .find(|&(k, &i)| {
            let l = s.words[i].lower();
            PREPOSITIONS.contains(&l.as_str())
                || matches!(l.as_str(), "who" | "which" | "that")
                || s.words[subject[k - 1]].breaks_after
        })
        .map_or(subject.len(), |(k, _)| k);
    Some(&subject[..end])
}

/// A plural noun WordNet knows, in lower case or opening the sentence
/// ("Fighters loyal", "Protests began").
fn is_plural_noun(s: &Sentence<'_>, i: usize) -> bool {
    let w = &s.words[i];
    (!w.is_capitalized() || i == 0) && crate::triggers::is_plural_noun(w.text)
}

/// A word that looks plural though WordNet lacks it ("jihadists").
fn looks_plural(s: &Sentence<'_>, i: usize) -> bool {
    let w = &s.words[i];
    let l = w.lower();
    !w.is_capitalized()
        && l.ends_with('s')
        && !["ss", "'s", "is", "us"].iter().any(|e| l.ends_with(e))
        && !crate::triggers::is_known_word(&l)
}

/// "Some of the fighters", "Six of 45 activists", "Dozens of …".
fn is_quantifier(lower: &str) -> bool {
    let numeral = lower.chars().all(|c| c.is_ascii_digit() || c == ',') && lower != "1";
    numeral || QUANTIFIERS.contains(&lower)
}

/// Words that make a subject plural before "of".
const QUANTIFIERS: &[&str] = &[
    "some",
    "many",
    "most",
    "all",
    "both",
    "several",
    "few",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];

/// "visit" → "visits", "reach" → "reaches", "try" → "tries", "go" → "goes".
fn third_person(base: &str) -> String {
    let vowel = |c: char| "aeiou".contains(c);
    if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(vowel)
    {
        format!("{stem}ies")
    } else {
        format!("{base}s")
    }
}

/// Words to keep from `range`: not timexes, not the prepositions that
/// introduce them, not temporal adverbs; stopping at a coordinated verb.
fn body(s: &Sentence<'_>, range: Range<usize>, trigger: usize) -> Vec<usize> {
    let mut parts = Vec::new();
    for i in range {
        let w = &s.words[i];
        if is_dating(s, i) {
            continue;
        }
        let l = w.lower();
        if TITLE_DROP.contains(&l.as_str()) && i != trigger {
            continue;
        }
        // "… a full investigation 01.36 GMT The Italian journalist …": a
        // time stamp between a headline and the text run on after it.
        if i > trigger
            && s.words
                .get(i + 1)
                .is_some_and(|z| super::furniture::is_stamp(w.text, z.text))
        {
            break;
        }
        // "… food and water Up to 10,000 troops …": a caption or headline
        // run on into the text with no stop; the title keeps the trigger's
        // side.
        if runs_on_at(s, i) {
            if i > trigger {
                break;
            }
            parts.clear();
        }
        // "2010 s celebration": the possessive of a dropped date.
        if matches!(l.as_str(), "s" | "'s" | "’s") && i > 0 && s.in_timex(i - 1) {
            continue;
        }
        // A second coordinated verb starts another event: "… and was recognized".
        if i > trigger && matches!(l.as_str(), "and" | "but" | "or") {
            let next = s.words.get(i + 1).map(|w| w.lower()).unwrap_or_default();
            if AUXILIARIES.contains(&next.as_str()) || is_verb_form(&next) {
                break;
            }
        }
        // "Protesters who were gathered in the square said": the main
        // clause's telling verb ends the relative clause.
        if i > trigger
            && TOLD.contains(&l.as_str())
            && !AUXILIARIES.contains(&s.words[i - 1].lower().as_str())
        {
            break;
        }
        parts.push(i);
    }
    parts
}

/// Capitalised words that open a sentence run on after another with no
/// stop: a capital here is no name's ("water Up to", "Haiti It's midday",
/// "people Most live"). Not "I", which is capitalised anywhere, nor "In" or
/// "At", which open names.
const RUN_ON_OPENERS: &[&str] = &[
    "A", "An", "The", "It", "It's", "It’s", "Its", "He", "She", "They", "We", "There", "This",
    "These", "Those", "Most", "Some", "Many", "Up",
];

/// Whether word `i` starts a sentence run on after another: one of
/// [`RUN_ON_OPENERS`] right after a word with only a space between and
/// before a lower-case word ("The Hague", "The New York Times" are names).
fn runs_on_at(s: &Sentence<'_>, i: usize) -> bool {
    let (Some(prev), Some(next)) = (i.checked_sub(1).map(|p| &s.words[p]), s.words.get(i + 1))
    else {
        return false;
    };
    let w = &s.words[i];
    RUN_ON_OPENERS.contains(&w.text)
        && s.text[prev.span.1..w.span.0] == *" "
        && prev.text.ends_with(|c: char| c.is_alphanumeric())
        && next.text.starts_with(char::is_lowercase)
}

/// Whether a run-on sentence starts between words `a` and `b` ("looking
/// for food Up to 10,000 troops will be there by Monday": the caption's
/// verb is not dated by the text's "Monday").
pub(super) fn run_on_between(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    (a.min(b) + 1..=a.max(b)).any(|i| runs_on_at(s, i))
}

/// Whether word `i` belongs to a date: a timex, or the preposition that
/// opens one ("on" of "on Monday").
fn is_dating(s: &Sentence<'_>, i: usize) -> bool {
    s.in_timex(i)
        || (i + 1 < s.words.len()
            && s.in_timex(i + 1)
            && TIMEX_PREPOSITIONS.contains(&s.words[i].lower().as_str()))
}

/// Past forms of telling that end a clause they follow.
const TOLD: &[&str] = &["said", "says", "told", "tells", "added", "reported"];

/// "a botched uprising in April" → "botched uprising"; "their meeting in
/// the Kremlin Wednesday" → "meeting in the Kremlin".
fn noun_phrase(s: &Sentence<'_>, clause: Range<usize>, trigger: usize) -> Vec<usize> {
    // Left edge: adjectives, names and possessives before the noun, back to
    // a determiner, preposition or verb.
    let mut start = trigger;
    while start > clause.start {
        let prev = &s.words[start - 1];
        let l = prev.lower();
        let stop = PREPOSITIONS.contains(&l.as_str())
            || AUXILIARIES.contains(&l.as_str())
            || (is_verb_form(&l) && start - 1 != trigger && !is_participle_adjective(s, start - 1))
            || prev.breaks_after
            || s.in_timex(start - 1);
        if stop {
            break;
        }
        start -= 1;
    }
    // Right edge: the noun's own prepositional phrases, up to a verb, a
    // clause break or a timex.
    let mut end = trigger + 1;
    while end < clause.end {
        let w = &s.words[end];
        let l = w.lower();
        let aux = AUXILIARIES.contains(&l.as_str()) && l != "to";
        if s.in_timex(end) || aux || (is_verb_form(&l) && !is_participle_adjective(s, end)) {
            break;
        }
        end += 1;
        if w.breaks_after {
            break;
        }
    }
    let mut parts = body(s, start..end, trigger);
    while parts.len() > 1 && DETERMINERS.contains(&s.words[parts[0]].lower().as_str()) {
        parts.remove(0);
    }
    parts
}

/// "a botched uprising", "cleared burned cars": a participle right after
/// a determiner, or between a finite verb and a noun, is an adjective.
pub(super) fn is_participle_adjective(s: &Sentence<'_>, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &s.words[p]) else {
        return false;
    };
    let l = prev.lower();
    if DETERMINERS.contains(&l.as_str()) {
        return true;
    }
    let after_verb = !prev.breaks_after
        && !prev.is_capitalized()
        && !AUXILIARIES.contains(&l.as_str())
        && l.ends_with("ed")
        && is_verb_form(&l);
    let before_noun = s.words.get(i + 1).is_some_and(|next| {
        let n = next.lower();
        !s.words[i].breaks_after
            && !next.is_capitalized()
            && n.chars().all(char::is_alphabetic)
            && !PREPOSITIONS.contains(&n.as_str())
            && !DETERMINERS.contains(&n.as_str())
            && !matches!(n.as_str(), "and" | "or" | "but" | "that")
            && !is_verb_form(&n)
    });
    after_verb && before_noun
}

fn verb_phrase(s: &Sentence<'_>, clause: Range<usize>, trigger: usize) -> Vec<usize> {
    let mut start = clause.start;
    while start < trigger && is_opener(s, start) {
        start += 1;
    }
    // "…, who is due to visit": the relative pronoun is the subject.
    let relative_subject = start > clause.start
        && matches!(s.words[start - 1].lower().as_str(), "who" | "which")
        && (AUXILIARIES.contains(&s.words[start].lower().as_str()) || start == trigger);
    let has_subject = !relative_subject
        && (start..trigger).any(|i| {
            let l = s.words[i].lower();
            !s.in_timex(i)
                && !FILLER.contains(&l.as_str())
                && !AUXILIARIES.contains(&l.as_str())
                && !NEGATIONS.contains(&l.as_str())
        });
    let mut parts: Vec<usize> = Vec::new();
    let borrowed = || {
        borrowed_subject(s, clause.start, trigger).or_else(|| coordinated_subject(s, clause.start))
    };
    if !has_subject && let Some(subject) = borrowed() {
        parts.extend(subject);
    }
    // Follow appositives that complete the object: ", Nicolás Maduro, in Moscow".
    let mut end = clause.end;
    if let Some(ci) = s.clauses.iter().position(|c| c.start == clause.start) {
        for c in s.clauses.iter().skip(ci + 1) {
            // Only a name ("Nicolás Maduro") or a place ("in Moscow").
            let opener = s.words[c.start].lower();
            let names = is_name_word(s.words[c.start].text)
                || (matches!(opener.as_str(), "in" | "at")
                    && s.words
                        .get(c.start + 1)
                        .is_some_and(|w| is_name_word(w.text)));
            let verbless = !(c.clone()).any(|i| s.is_verb(i));
            if !verbless || !names || c.len() > 4 {
                break;
            }
            end = c.end;
        }
    }
    // "announced on Twitter that he was going to Russia": what was
    // announced is the news; take the complement clause along.
    if REPORTING.contains(
        &verb_base(&s.words[trigger].lower())
            .unwrap_or_default()
            .as_str(),
    ) && let Some(next) = s.clauses.iter().find(|c| c.start == end)
        && s.words[next.start].lower() == "that"
    {
        end = next.end;
    }
    parts.extend(
        body(s, start..end, trigger)
            .into_iter()
            .filter(|&i| s.words[i].lower() != "that" || i < trigger),
    );
    compress_subject(s, parts, trigger)
}

/// Whether word `i` opens its clause without being part of it ("But",
/// "As"), though "As many as 200,000 people" is a subject.
pub(super) fn is_opener(s: &Sentence<'_>, i: usize) -> bool {
    let l = s.words[i].lower();
    let next = s.words.get(i + 1).map(|w| w.lower()).unwrap_or_default();
    OPENERS.contains(&l.as_str()) && !is_comparison(&l, &next)
}

/// "As many as", "as much as": a quantity, not a connective.
pub(super) fn is_comparison(first: &str, second: &str) -> bool {
    first == "as"
        && matches!(
            second,
            "many" | "much" | "few" | "little" | "well" | "soon" | "long" | "far"
        )
}

/// The subject of a clause that starts at its verb.
///
/// - "…, scheduled for next year": a bare participle after a comma
///   describes the noun phrase just before it.
/// - "…, Nicolás Maduro, in Moscow, who arrived": a relative clause's
///   subject is the nearest name before it.
/// - "Putin, one of Maduro's few allies, didn't offer": otherwise the first
///   verbless clause holding a name.
fn borrowed_subject(s: &Sentence<'_>, clause_start: usize, trigger: usize) -> Option<Vec<usize>> {
    let bare_participle = trigger == clause_start
        && clause_start > 0
        && s.words[clause_start - 1].breaks_after
        && is_verb_form(&s.words[trigger].lower());
    if bare_participle && let Some(np) = noun_phrase_before(s, clause_start) {
        return Some(np);
    }
    let relative = matches!(s.words[clause_start].lower().as_str(), "who" | "which");
    let candidates: Vec<&Range<usize>> = s
        .clauses
        .iter()
        .filter(|c| c.end <= clause_start)
        .filter(|c| !PREPOSITIONS.contains(&s.words[c.start].lower().as_str()))
        .filter(|c| !(*c).clone().any(|i| s.is_verb(i)))
        .collect();
    // A clause that is nothing but a name ("…, Vladimir Putin, received")
    // is the subject's name; otherwise the first clause with a name
    // ("Putin, one of Maduro's allies, …"), or for a relative clause the
    // nearest one.
    let all_name = |c: &Range<usize>| c.clone().all(|i| is_name_word(s.words[i].text));
    // The name clause stands right before ("…, Vladimir Putin, received"),
    // not across another verb ("BP, which hired the rig that caught fire
    // and sank").
    let adjacent = |c: &Range<usize>| relative || c.end == clause_start;
    if let Some(c) = candidates.iter().rev().find(|c| all_name(c) && adjacent(c)) {
        return Some((*c).clone().collect());
    }
    // "Port-au-Prince's cathedral, which was damaged": the noun phrase the
    // relative clause follows.
    if relative && let Some(np) = noun_phrase_before(s, clause_start) {
        return Some(np);
    }
    let ordered: Box<dyn Iterator<Item = &&Range<usize>>> = if relative {
        Box::new(candidates.iter().rev())
    } else {
        Box::new(candidates.iter())
    };
    for c in ordered {
        let name = longest_name(s, (*c).clone());
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

/// "The team arrived on Friday and pulled …": a clause opened by a
/// coordinator shares the subject of the clause before it, the words
/// before that clause's verb (a pronoun there is no help).
fn coordinated_subject(s: &Sentence<'_>, clause_start: usize) -> Option<Vec<usize>> {
    let opener = s.words[clause_start].lower();
    if !matches!(opener.as_str(), "and" | "but" | "or" | "then") {
        return None;
    }
    let prev = s.clauses.iter().rfind(|c| c.end <= clause_start)?;
    let start = (prev.start..prev.end).find(|&i| !is_opener(s, i))?;
    let verb = (start..prev.end)
        .find(|&i| s.is_verb(i) || AUXILIARIES.contains(&s.words[i].lower().as_str()))?;
    let subject: Vec<usize> = (start..verb).filter(|&i| !s.in_timex(i)).collect();
    let first = s.words[*subject.first()?].lower();
    (subject.len() <= 6 && !SUBJECT_PRONOUNS.contains(&first.as_str())).then_some(subject)
}

/// The short noun phrase ending the verbless clause just before
/// `clause_start`, after its last preposition, verb or connective, without
/// its determiner.
fn noun_phrase_before(s: &Sentence<'_>, clause_start: usize) -> Option<Vec<usize>> {
    let prev = s.clauses.iter().rfind(|c| c.end <= clause_start)?;
    // "…, with 250 beds onboard, arrived": an adverbial phrase is no
    // subject.
    let adverbial = matches!(
        s.words[prev.start].lower().as_str(),
        "with" | "without" | "including" | "despite"
    );
    if prev.end != clause_start || adverbial {
        return None;
    }
    let np_start = (prev.start..prev.end)
        .rev()
        .find(|&i| {
            let l = s.words[i].lower();
            PREPOSITIONS.contains(&l.as_str())
                || s.is_verb(i)
                || (is_opener(s, i) && !matches!(l.as_str(), "and" | "or"))
        })
        .map_or(prev.start, |i| i + 1);
    let np: Vec<usize> = (np_start..prev.end)
        .skip_while(|&i| matches!(s.words[i].lower().as_str(), "and" | "or"))
        .enumerate()
        .filter(|&(k, i)| k > 0 || !DETERMINERS.contains(&s.words[i].lower().as_str()))
        .map(|(_, i)| i)
        .collect();
    (!np.is_empty() && np.len() <= 5).then_some(np)
}

/// The longest run of name words in `range`; the last one on ties.
fn longest_name(s: &Sentence<'_>, range: Range<usize>) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for i in range.clone().chain(std::iter::once(range.end)) {
        let continues = i < range.end
            && is_name_word(s.words[i].text)
            && run.last().is_none_or(|&p| !s.words[p].breaks_after);
        if continues {
            run.push(i);
            continue;
        }
        if !run.is_empty() && run.len() >= best.len() {
            best = std::mem::take(&mut run);
        }
        run.clear();
        if i < range.end && is_name_word(s.words[i].text) {
            run.push(i);
        }
    }
    best
}

/// "The opponent Juan Guaidó proclaimed" → "Juan Guaidó proclaimed": a
/// subject whose name of two or more words stands right before the verb
/// (or closes an appositive there) is shortened to that name.
fn compress_subject(s: &Sentence<'_>, parts: Vec<usize>, trigger: usize) -> Vec<usize> {
    let Some(split) = parts.iter().position(|&i| i >= trigger) else {
        return parts;
    };
    let subject = &parts[..split];
    let Some(&last) = subject.last() else {
        return parts;
    };
    // The name must end the subject, with only auxiliaries or negation
    // between it and the verb.
    let adjacent = (last + 1..trigger).all(|i| {
        let l = s.words[i].lower();
        AUXILIARIES.contains(&l.as_str()) || NEGATIONS.contains(&l.as_str())
    });
    if !adjacent || !is_name_word(s.words[last].text) {
        return parts;
    }
    // "The ambassador to the United States", "Supporters of Egypt's
    // President Hosni Mubarak": a name inside a prepositional phrase is not
    // the subject; one set off by commas is ("the president of the
    // Assembly, Juan Guaidó,").
    let in_phrase = |first: usize| {
        (subject[0]..first)
            .rev()
            .take_while(|&i| !s.words[i].breaks_after)
            .filter(|&i| PREPOSITIONS.contains(&s.words[i].lower().as_str()))
            // "Chief of Staff Gen. …": a preposition inside a job title.
            .any(|i| i <= 1 || !is_name_word(s.words[i - 1].text))
    };
    let mut k = subject.len() - 1;
    while k > 0
        && is_name_word(s.words[subject[k - 1]].text)
        && subject[k - 1] + 1 == subject[k]
        && !s.words[subject[k - 1]].breaks_after
    {
        k -= 1;
    }
    let name = &subject[k..];
    if name.len() >= 2 && name.len() < subject.len() && !in_phrase(name[0]) {
        let mut out = name.to_vec();
        out.extend_from_slice(&parts[split..]);
        out
    } else {
        parts
    }
}

/// Joins the kept words, cut to at most [`MAX_TITLE_WORDS`] at a phrase
/// boundary, and capitalizes the first letter.
///
/// After the trigger, the title is a run of phrases, each starting at a
/// preposition, conjunction or relative word ("in the Russian capital",
/// "in search of a greater commitment" — "of" continues a phrase). Whole
/// phrases are kept while they fit. Dangling words at the end (articles,
/// prepositions, a participle such as "saying") go.
fn cut(s: &Sentence<'_>, idx: &[usize], trigger: usize, head: Head, verb: Option<&str>) -> String {
    let mut n = idx.len();
    if n > MAX_TITLE_WORDS {
        let starts_phrase = |k: usize| {
            let l = s.words[idx[k]].lower();
            idx[k] > trigger
                && l != "of"
                && (PREPOSITIONS.contains(&l.as_str())
                    || matches!(
                        l.as_str(),
                        "and" | "or" | "but" | "that" | "who" | "which" | "while"
                    )
                    || (l.ends_with("ing") && l.len() > 5))
        };
        // The last phrase start that leaves the title within the limit.
        n = (2..=MAX_TITLE_WORDS)
            .rev()
            .find(|&k| k < idx.len() && starts_phrase(k))
            .unwrap_or(MAX_TITLE_WORDS);
    }
    while n > 1 {
        let i = idx[n - 1];
        let l = s.words[i].lower();
        let dangling = DETERMINERS.contains(&l.as_str())
            || PREPOSITIONS.contains(&l.as_str())
            || matches!(l.as_str(), "and" | "or" | "but")
            || (i != trigger && l.ends_with("ing") && l.len() > 5);
        if !dangling {
            break;
        }
        n -= 1;
    }
    let mut title = String::new();
    for k in 0..n {
        if k > 0 {
            // Keep a comma between neighbouring words ("Venezuelan
            // counterpart, Nicolás Maduro, in Moscow"), not before the verb.
            let (a, b) = (idx[k - 1], idx[k]);
            let between = &s.text[s.words[a].span.1..s.words[b].span.0];
            let comma = b == a + 1 && between.trim() == "," && (b != trigger || head == Head::Noun);
            title.push_str(if comma { ", " } else { " " });
        }
        match verb {
            Some(v) if idx[k] == trigger => title.push_str(v),
            _ => title.push_str(s.words[idx[k]].text),
        }
    }
    let title = title.trim_end_matches([',', ';', ':']).to_owned();
    capitalize(&title)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::third_person;

    #[test]
    fn third_person_table() {
        for (base, want) in [
            ("visit", "visits"),
            ("reach", "reaches"),
            ("try", "tries"),
            ("go", "goes"),
            ("stay", "stays"),
            ("proclaim", "proclaims"),
            ("fix", "fixes"),
            ("push", "pushes"),
        ] {
            assert_eq!(third_person(base), want);
        }
    }
}
