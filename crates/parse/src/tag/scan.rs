//! The pre-scan and the driver loop.

use super::lex::is_word_byte;
use super::resolve::{State, Tense};
use super::rules::{Parsed, expression};
use super::{Expr, Unit, YearSpec};
use crate::{Anchor, Timex};

/// Finds the temporal expressions of `text`, resolved against `anchor`.
///
/// Returns them in text order, never overlapping, with byte spans on
/// `char` boundaries.
///
/// ```
/// use annals_parse::{tag, Anchor};
/// use chrono::NaiveDate;
///
/// let anchor = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
/// let text = "Putin met Maduro on Wednesday, two weeks after the talks collapsed.";
/// let found: Vec<(&str, String)> = tag(text, &anchor)
///     .into_iter()
///     .map(|t| (&text[t.span], t.value.to_string()))
///     .collect();
/// assert_eq!(found, [("Wednesday", "2019-09-25".to_string()), ("two weeks", "P2W".to_string())]);
/// ```
pub fn tag(text: &str, anchor: &Anchor) -> Vec<Timex> {
    let bytes = text.as_bytes();
    let mut state = State::new(anchor.date);
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !is_word_byte(b) {
            if (b == b'\'' || b == 0xE2)
                && (i == 0 || !is_word_byte(bytes[i - 1]))
                && let Some(t) = try_at(text, i, &mut state)
            {
                i = t.span.end;
                out.push(t);
                continue;
            }
            i += 1;
            continue;
        }
        let end = word_end(bytes, i);
        if is_candidate(&bytes[i..end])
            && let Some(t) = try_at(text, i, &mut state)
        {
            i = t.span.end;
            out.push(t);
            continue;
        }
        i = end;
    }
    out
}

fn word_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < bytes.len() && is_word_byte(bytes[j]) {
        j += 1;
    }
    j
}

/// Parses and resolves the expression starting at byte `i`, if any.
fn try_at(text: &str, i: usize, state: &mut State) -> Option<Timex> {
    let rest = text.get(i..)?;
    let (n, Parsed { expr, modifier }) = expression(rest)?;
    if !plausible(text, i, n, &expr) {
        return None;
    }
    let mut cached = None;
    let deadline = matches!(expr, Expr::Month { .. });
    let mut tense = || *cached.get_or_insert_with(|| tense_at(text, i, i + n, deadline));
    let r = state.resolve(expr, modifier, &mut tense)?;
    Some(Timex {
        span: i..i + n,
        kind: r.kind,
        value: r.value,
        modifier: r.modifier,
    })
}

/// The word before byte `i`, if any (ASCII letters only).
fn prev_word(text: &str, i: usize) -> &str {
    let b = text.as_bytes();
    let mut e = i;
    while e > 0 && matches!(b[e - 1], b' ' | b'\t' | b'\n' | b'\r') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    &text[s..e]
}

/// Context checks the grammar cannot make from the expression alone.
fn plausible(text: &str, i: usize, n: usize, expr: &Expr) -> bool {
    let prev = prev_word(text, i);
    let is = |ws: &[&str]| ws.iter().any(|w| w.eq_ignore_ascii_case(prev));
    let before = text[..i].chars().next_back();
    if matches!(before, Some('$' | '#' | '-' | '/' | '.' | ',' | ':'))
        && text[..i].len() >= 2
        && text[..i - 1].ends_with(|c: char| c.is_ascii_digit())
    {
        return false; // inside a number: "1,998", "3-1998"
    }
    match expr {
        Expr::BarePlural(_) => is(&[
            "for", "within", "in", "over", "after", "than", "take", "takes", "took", "last",
            "lasted",
        ]),
        Expr::Year(YearSpec::Abs(y)) if &text[i..i + n] == y.to_string().as_str() => {
            if before == Some('$') {
                return false;
            }
            let after = text[i + n..].trim_start();
            let unit_after = [
                "percent",
                "people",
                "tons",
                "troops",
                "feet",
                "miles",
                "meters",
                "shares",
                "points",
                "employees",
                "jobs",
                "workers",
                "barrels",
                "acres",
                "cars",
                "dollars",
                "members",
                "students",
                "units",
                "homes",
                "km",
                "kilometers",
            ]
            .iter()
            .any(|w| {
                after
                    .get(..w.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(w))
            });
            !unit_after
                && ((1900..=2099).contains(y)
                    || is(&[
                        "in", "since", "from", "until", "by", "of", "to", "before", "after",
                        "during", "year", "mid", "early", "late", "fiscal", "and", "or", "through",
                    ]))
        }
        Expr::Duration {
            unit: Unit::Second, ..
        } => {
            // "a second consecutive day" is an ordinal
            let s = &text[i..i + n];
            let ordinal = (s.eq_ignore_ascii_case("a second")
                || s.eq_ignore_ascii_case("the second"))
                && text[i + n..].starts_with(' ')
                && text[i + n + 1..].starts_with(|c: char| c.is_ascii_alphabetic());
            !s.contains("second-") && !ordinal
        }
        Expr::Refer(_) => {
            let s = &text[i..i + n];
            // "current" and "recent" only as adjectives of time-like nouns
            // are left to the longer rules; alone they must not be "current
            // account" and the like.
            if s.eq_ignore_ascii_case("current") {
                let after = text[i + n..].trim_start();
                return !after
                    .get(..7)
                    .is_some_and(|w| w.eq_ignore_ascii_case("account"));
            }
            if s.eq_ignore_ascii_case("future") {
                return !text[i + n..].trim_start().starts_with(char::is_alphabetic)
                    || is(&["in", "near", "the"]);
            }
            true
        }
        _ => true,
    }
}

/// Is this word (the bytes of one word) the first word of some rule?
fn is_candidate(word: &[u8]) -> bool {
    if word[0].is_ascii_digit() {
        return true;
    }
    if word.len() > 13 {
        return false;
    }
    let mut buf = [0u8; 13];
    for (k, b) in word.iter().enumerate() {
        buf[k] = b.to_ascii_lowercase();
    }
    trigger(&buf[..word.len()])
}

/// The static trigger table: first words of the grammar's rules.
fn trigger(w: &[u8]) -> bool {
    matches!(
        w,
        b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sept"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"the"
            | b"this"
            | b"last"
            | b"next"
            | b"past"
            | b"coming"
            | b"early"
            | b"late"
            | b"mid"
            | b"earlier"
            | b"later"
            | b"about"
            | b"around"
            | b"approximately"
            | b"roughly"
            | b"nearly"
            | b"almost"
            | b"some"
            | b"more"
            | b"over"
            | b"longer"
            | b"less"
            | b"fewer"
            | b"under"
            | b"at"
            | b"no"
            | b"up"
            | b"fiscal"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"a"
            | b"an"
            | b"dozen"
            | b"several"
            | b"few"
            | b"many"
            | b"dozens"
            | b"hundreds"
            | b"thousands"
            | b"hundred"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"fifth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
            | b"tenth"
            | b"eleventh"
            | b"twelfth"
            | b"year"
            | b"today"
            | b"yesterday"
            | b"tomorrow"
            | b"tonight"
            | b"that"
            | b"recent"
            | b"ensuing"
            | b"years"
            | b"months"
            | b"weeks"
            | b"days"
            | b"hours"
            | b"minutes"
            | b"decades"
            | b"centuries"
            | b"noon"
            | b"midnight"
            | b"midday"
            | b"daily"
            | b"weekly"
            | b"monthly"
            | b"annually"
            | b"yearly"
            | b"quarterly"
            | b"hourly"
            | b"nightly"
            | b"biweekly"
            | b"every"
            | b"each"
            | b"per"
            | b"right"
            | b"now"
            | b"currently"
            | b"current"
            | b"nowadays"
            | b"these"
            | b"recently"
            | b"lately"
            | b"previously"
            | b"formerly"
            | b"soon"
            | b"future"
            | b"spring"
            | b"summer"
            | b"fall"
            | b"autumn"
            | b"winter"
            | b"christmas"
            | b"new"
            | b"thanksgiving"
            | b"independence"
            | b"halloween"
            | b"valentine"
            | b"memorial"
            | b"labor"
            | b"veterans"
            | b"easter"
            | b"good"
            | b"election"
    )
}

/// The tense of the sentence around `start..end`: the tense cue nearest to
/// the expression wins ("said Friday that it will" → past for "Friday").
pub(crate) fn tense_at(text: &str, start: usize, end: usize, deadline: bool) -> Tense {
    // A month deadline is ahead whatever the verb: "by February"; a
    // weekday one is not ("had filed reports by Wednesday").
    let prev = prev_word(text, start);
    if (deadline
        && ["by", "until", "till", "through"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(prev)))
        || text[..start].trim_end().ends_with("as soon as")
    {
        return Tense::Future;
    }
    let (s, e) = sentence_bounds(text, start, end);
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |w0: usize, w1: usize, t: Tense| {
        let dist = if w1 <= start {
            start - w1
        } else {
            w0.saturating_sub(end)
        };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, t));
        }
    };
    let b = text.as_bytes();
    let mut k = s;
    while k < e {
        if !b[k].is_ascii_alphabetic() {
            k += 1;
            continue;
        }
        let w0 = k;
        while k < e && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        if w0 >= start && k <= end {
            continue;
        }
        let w = &text[w0..k];
        let to_follows = text[k..].starts_with(" to ");
        if to_follows
            && ["is", "are", "set", "ready", "likely"]
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c))
        {
            consider(w0, k, Tense::Future);
            continue;
        }
        if let Some(t) = cue(w, w0 > 0 && matches!(b[w0 - 1], b'\'')) {
            consider(w0, k, t);
        }
    }
    best.map_or(Tense::Present, |(_, t)| t)
}

fn cue(w: &str, after_apostrophe: bool) -> Option<Tense> {
    let lw = |s: &str| w.eq_ignore_ascii_case(s);
    if after_apostrophe {
        return if lw("ll") {
            Some(Tense::Future)
        } else if lw("d") {
            Some(Tense::Past)
        } else {
            None
        };
    }
    const FUTURE: [&str; 17] = [
        "will",
        "shall",
        "won",
        "going",
        "plans",
        "plan",
        "scheduled",
        "expected",
        "expects",
        "upcoming",
        "tomorrow",
        "intends",
        "next",
        "planned",
        "planning",
        "should",
        "due",
    ];
    const PAST: [&str; 12] = [
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "ago",
        "yesterday",
        "last",
        "earlier",
        "came",
        "went",
    ];
    const PRESENT: [&str; 5] = ["is", "are", "says", "say", "am"];
    if FUTURE.iter().any(|c| lw(c)) {
        return Some(Tense::Future);
    }
    if PAST.iter().any(|c| lw(c)) {
        return Some(Tense::Past);
    }
    if PRESENT.iter().any(|c| lw(c)) {
        return Some(Tense::Present);
    }
    let b = w.as_bytes();
    if b.len() >= 5
        && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !matches!(
            w.to_ascii_lowercase().as_str(),
            "indeed" | "based" | "need" | "speed" | "proceed" | "united" | "limited" | "related"
        )
    {
        return Some(Tense::Past);
    }
    None
}

/// The sentence around a span: from the last stop before it to the next
/// stop after it (at most 400 bytes each way).
fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let lo = start.saturating_sub(400);
    let mut s = start;
    while s > lo {
        let c = b[s - 1];
        if (matches!(c, b'!' | b'?' | b'\n') || (c == b'.' && b.get(s) == Some(&b' '))) && s < start
        {
            break;
        }
        s -= 1;
    }
    let hi = (end + 400).min(b.len());
    let mut e = end;
    while e < hi {
        let c = b[e];
        if matches!(c, b'!' | b'?' | b'\n')
            || (c == b'.' && b.get(e + 1).is_none_or(|n| n.is_ascii_whitespace()))
        {
            break;
        }
        e += 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tense_table() {
        let table = [
            (
                "Maduro arrived in Moscow on Wednesday.",
                "Wednesday",
                Tense::Past,
            ),
            ("He will visit on Friday.", "Friday", Tense::Future),
            ("He said Friday that he will resign.", "Friday", Tense::Past),
            ("Talks are set for Friday.", "Friday", Tense::Present),
        ];
        for (text, word, want) in table {
            let s = text.find(word).unwrap();
            assert_eq!(tense_at(text, s, s + word.len(), false), want, "{text}");
        }
    }

    #[test]
    fn candidates() {
        assert!(is_candidate(b"December"));
        assert!(is_candidate(b"1998"));
        assert!(!is_candidate(b"Putin"));
        assert!(!is_candidate(b"extraordinarily"));
    }
}
