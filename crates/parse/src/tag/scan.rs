//! The pre-scan and the driver loop.

use super::lex::is_word_byte;
use super::resolve::{State, Tense};
use super::rules::{Parsed, expression};
use super::words::{
    CAL, G_FISCAL, G_FUTURE_CUE, G_PAST_CUE, G_PRESENT_CUE, G_SEASON, HEAD, STRONG, WEAK, groups,
    lookup_key, word_at,
};
use super::{Amount, Day, Expr, Rel, Unit, YearSpec};
use crate::{Anchor, Timex, TimexType};

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
    let mut scan = Scan::new(anchor.date, 0);
    let mut out = Vec::new();
    while scan.i < text.len() {
        scan.step(text, &mut out);
    }
    finish(text, out)
}

/// The expressions a scan found, made final: those with no TimeML value
/// dropped, the second ends of ranges added.
pub(super) fn finish(text: &str, mut out: Vec<Timex>) -> Vec<Timex> {
    // Arithmetic on odd input ("1998 decades ago") can leave the years
    // TimeML writes (0000-9999): such a value is no TimeML value, and no
    // expression is better than a wrong one.
    out.retain(|t| t.value.is_well_formed());
    super::ranges::add_range_ends(text, &mut out);
    out
}

/// Where the scan of a text stands: the next byte to look at, the
/// resolution state, and the function words seen recently that may start
/// an expression once a head word arrives. Two scans that stand at the
/// same byte with the same state and no pending word find the same
/// expressions from there on.
#[derive(Clone, Debug)]
pub(super) struct Scan {
    /// The next byte to look at.
    pub(super) i: usize,
    pub(super) state: State,
    /// (start byte, index of the last word it may reach).
    pending: [(usize, usize); 8],
    npending: usize,
    /// Words seen so far.
    words: usize,
}

impl Scan {
    /// A scan from byte `i` (a word start or a space), resolving against
    /// `dct` as if nothing came before.
    pub(super) fn new(dct: chrono::NaiveDate, i: usize) -> Scan {
        Scan {
            i,
            state: State::new(dct),
            pending: [(0, 0); 8],
            npending: 0,
            words: 0,
        }
    }

    /// Whether no function word waits for a head word.
    pub(super) fn settled(&self) -> bool {
        self.npending == 0
    }

    /// Looks at the byte `self.i` (a space, a punctuation character or a
    /// word) and moves past it, pushing the expression that starts there
    /// or at a pending word before it, if any. Returns whether it pushed.
    pub(super) fn step(&mut self, text: &str, out: &mut Vec<Timex>) -> bool {
        let bytes = text.as_bytes();
        let b = bytes[self.i];
        let kind = BYTES[usize::from(b)];
        if kind == SPACE {
            self.i += 1;
            false
        } else if kind != WORD {
            self.punctuation(text, out)
        } else {
            self.word(text, out)
        }
    }

    /// [`Scan::step`] at a byte that is neither a space nor in a word.
    fn punctuation(&mut self, text: &str, out: &mut Vec<Timex>) -> bool {
        let (bytes, i) = (text.as_bytes(), self.i);
        let b = bytes[i];
        // "'90s", "’90s"
        let quoted_digit = match b {
            b'\'' => bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
            0xE2 => {
                bytes[i..].starts_with("\u{2019}".as_bytes())
                    && bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
            }
            _ => false,
        };
        if quoted_digit
            && (i == 0 || !is_word_byte(bytes[i - 1]))
            && let Some(t) = try_at(text, i, &mut self.state)
        {
            self.i = t.span.end;
            out.push(t);
            self.npending = 0;
            return true;
        }
        // A clause break ends a run of temporal words.
        if BYTES[usize::from(b)] == BREAK
            || (b == b'.'
                && bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace)
                && !abbreviation(bytes, i))
        {
            self.npending = 0;
        }
        // A punctuation character is three bytes (0xE2 ..): skip them
        // all, or its tail would start the next word.
        self.i += if b == 0xE2 { 3 } else { 1 };
        false
    }

    /// [`Scan::step`] at the start of a word.
    fn word(&mut self, text: &str, out: &mut Vec<Timex>) -> bool {
        let (bytes, i) = (text.as_bytes(), self.i);
        let b = bytes[i];
        let (end, key) = word_at(bytes, i);
        self.words += 1;
        let (mut c, g) = if b.is_ascii_digit() {
            (number_class(bytes, i, end), 0)
        } else if fiscal_year_word(&bytes[i..end]) {
            (STRONG, G_FISCAL)
        } else {
            key.map_or((0, 0), lookup_key)
        };
        // "may", "march", "last fall"; a lowercase season may still start
        // one after a preposition ("in spring"), which `plausible` checks.
        if c & CAL != 0 && b.is_ascii_lowercase() && g & G_SEASON == 0 {
            c = HEAD;
        }
        if c & (STRONG | HEAD) != 0
            && let Some(t) = self.at_head(text, c & STRONG != 0)
        {
            self.i = t.span.end.max(i + 1);
            out.push(t);
            return true;
        }
        if c == 0 {
            // A word outside the temporal vocabulary ends the run: "the
            // company" cannot start an expression that a later "year" ends.
            self.npending = 0;
        }
        if c & WEAK != 0 {
            let reach = self.words + if b.is_ascii_digit() { 3 } else { 5 };
            if self.npending == self.pending.len() {
                self.pending.copy_within(1.., 0);
                self.npending -= 1;
            }
            self.pending[self.npending] = (i, reach);
            self.npending += 1;
        }
        self.i = end;
        false
    }

    /// At a head word: the expression that starts at an earlier pending
    /// word, in text order, else (for a `strong` word) at this one.
    fn at_head(&mut self, text: &str, strong: bool) -> Option<Timex> {
        let mut found = None;
        for &(start, reach) in &self.pending[..self.npending] {
            if reach >= self.words
                && let Some(t) = try_at(text, start, &mut self.state)
            {
                found = Some(t);
                break;
            }
        }
        self.npending = 0;
        if found.is_none() && strong {
            found = try_at(text, self.i, &mut self.state);
        }
        found
    }
}

const SPACE: u8 = 0;
const WORD: u8 = 1;
const BREAK: u8 = 2;
const OTHER: u8 = 3;

/// Byte classes of the scan: word bytes (ASCII letters and digits and the
/// non-ASCII bytes of letters), whitespace, clause breaks, other.
static BYTES: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        // 0xE2 leads the general punctuation (’ — “ ” …), which ends a
        // word; other non-ASCII bytes belong to letters.
        t[b] = if c.is_ascii_alphanumeric() || (c >= 0x80 && c != 0xE2) {
            WORD
        } else if c == b' ' || c == b'\n' || c == b'\t' || c == b'\r' {
            SPACE
        } else if c == b';'
            || c == b'!'
            || c == b'?'
            || c == b'('
            || c == b')'
            || c == b'"'
            || c == b':'
        {
            BREAK
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

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
    // "twice a year", "$33 million a year", "24 hours a day": a rate.
    let kind = if matches!(
        expr,
        Expr::Duration {
            n: Amount::N(1),
            ..
        }
    ) && rate(text, i)
    {
        TimexType::Set
    } else {
        r.kind
    };
    Some(Timex {
        span: i..i + n,
        kind,
        value: r.value,
        modifier: r.modifier,
    })
}

/// Whether the "a year" at `i` is a rate: after a count, an amount or a
/// number ("twice a year", "$33 million a year", "24 hours a day").
fn rate(text: &str, i: usize) -> bool {
    let t = &text[i..];
    if !(t.starts_with("a ") || t.starts_with("an ")) {
        return false;
    }
    let before = text[..i].trim_end();
    let prev = prev_word(text, i);
    // "a day of mourning" is a day; "In 2018 a year ..." follows a year
    let after = &text[i..];
    if after.split_whitespace().nth(2).is_some_and(|w| w == "of") {
        return false;
    }
    let last_token = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let year_like = last_token.len() == 4 && last_token.bytes().all(|b| b.is_ascii_digit());
    (before.ends_with(|c: char| c.is_ascii_digit() || c == '%') && !year_like)
        || [
            "times", "once", "twice", "thrice", "million", "billion", "trillion", "thousand",
            "hundred", "percent", "dollars", "cents", "hours", "days", "weeks", "months",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev))
}

/// Whether the bare number `y`, which ends at byte `end`, reads as a year:
/// not before a unit ("2000 people", "the Russell 2000 index") nor as the
/// whole part of a decimal ("1299.59"); between 1900 and 2099, or after a
/// word that introduces a year ("in", "since", "fiscal"...).
fn bare_year_plausible(text: &str, end: usize, y: i32, is: impl Fn(&[&str]) -> bool) -> bool {
    let rest = &text[end..];
    if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let after = text[end..].trim_start();
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
        "index",
    ]
    .iter()
    .any(|w| {
        after
            .get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
    });
    !unit_after
        && ((1900..=2099).contains(&y)
            || is(&[
                "in", "since", "from", "until", "by", "of", "to", "before", "after", "during",
                "year", "mid", "early", "late", "fiscal", "and", "or", "through",
            ]))
}

/// "FY2019", "FY19": a fiscal year written as one word.
fn fiscal_year_word(w: &[u8]) -> bool {
    matches!(w.len(), 4 | 6)
        && w[..2].eq_ignore_ascii_case(b"fy")
        && w[2..].iter().all(u8::is_ascii_digit)
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

/// Whether the decade at byte `i` is someone's age: a possessive before
/// it, perhaps with "early", "mid" or "late" between ("in her mid-30s").
fn an_age(text: &str, i: usize) -> bool {
    let is_any = |w: &str, ws: &[&str]| ws.iter().any(|x| x.eq_ignore_ascii_case(w));
    let at = if text[..i].ends_with('-') { i - 1 } else { i };
    let mut w = prev_word(text, at);
    if is_any(w, &["early", "mid", "late", "upper"]) {
        w = prev_word(text, start_of(text, at, w));
    }
    is_any(w, &["his", "her", "their", "my", "our", "your", "its"])
}

/// Where `w`, the word `prev_word(text, i)` returned, starts: the place to
/// look for the word before it.
fn start_of(text: &str, i: usize, w: &str) -> usize {
    text[..i].trim_end().len() - w.len()
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
        // "a quarter point", "a quarter mile" are measures
        Expr::Duration {
            unit: Unit::Quarter,
            ..
        } if {
            let after = text[i + n..].trim_start();
            ["point", "percent", "mile", "inch", "cent", "pound"]
                .iter()
                .any(|w| {
                    after
                        .get(..w.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(w))
                })
        } =>
        {
            false
        }
        // "a quarter of the inhabitants", "half of" are fractions
        Expr::Duration {
            unit: Unit::Quarter,
            ..
        } if text[i + n..].trim_start().starts_with("of ") => {
            // ... unless an adjective makes it a span of quarters: "two
            // consecutive quarters of decline"
            let words: Vec<&str> = text[i..i + n].split_whitespace().collect();
            let before = words.len().checked_sub(2).and_then(|k| words.get(k));
            !before.is_some_and(|w| {
                ["a", "an", "one", "two", "three", "four"]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(w))
            })
        }
        Expr::BarePlural(_) => is(&[
            "for", "within", "in", "over", "after", "than", "take", "takes", "took", "last",
            "lasted",
        ]),
        Expr::Year(YearSpec::Abs(y)) if &text[i..i + n] == y.to_string().as_str() => {
            before != Some('$') && bare_year_plausible(text, i + n, *y, is)
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
        // A bare lowercase season needs a preposition before it and the
        // end of the phrase after it: "in spring.", not "hot spring", "in
        // spring wheat" or "a fall in prices" ("fall" is left to "last
        // fall", "this fall").
        Expr::Season {
            year: YearSpec::Infer,
            rel: Rel::Tense,
            ..
        } if text[i..].starts_with(|c: char| c.is_ascii_lowercase())
            && text[i..i + n].bytes().all(|b| b.is_ascii_alphabetic()) =>
        {
            !text[i..].starts_with("fall")
                && is(&[
                    "in",
                    "during",
                    "by",
                    "since",
                    "until",
                    "till",
                    "through",
                    "throughout",
                    "over",
                    "into",
                ])
                && super::rules::phrase_ends(&text[i + n..])
        }
        // A quoted, capitalised duration is a title: "'60 Minutes'".
        Expr::Duration { .. }
            if matches!(before, Some('\'' | '"' | '\u{2018}' | '\u{201c}'))
                && text[i..i + n]
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) =>
        {
            false
        }
        // "the 25th" alone is a date only after a preposition of time.
        Expr::Day {
            day: Day::OfMonth(_),
            ..
        } => is(&[
            "on", "by", "until", "till", "since", "from", "before", "after", "through",
        ]),
        // "Highs in the twenties", "the forties age bracket": decade names
        // after weather words or before a noun are no decades.
        Expr::Decade(_) if !text[i..i + n].bytes().any(|b| b.is_ascii_digit()) => {
            // the 40 bytes before, widened to a char boundary, in lower case
            let mut from = i.saturating_sub(40);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let window = text[from..i].to_ascii_lowercase();
            let weather = [
                "high",
                "low",
                "temperature",
                "degree",
                "mid ",
                "upper",
                "lower",
                "reached",
            ]
            .iter()
            .any(|w| window.contains(w));
            !weather && super::rules::phrase_ends(&text[i + n..])
        }
        // Ages are not decades: "in their 50s", "in his late forties".
        Expr::Decade(_)
            if text[i..i + n].bytes().filter(u8::is_ascii_digit).count() == 2
                && an_age(text, i) =>
        {
            false
        }
        // Ages are not durations: "42 years old".
        Expr::Duration { .. }
            if text[i + n..].strip_prefix(' ').is_some_and(|r| {
                r.starts_with("old") && !r[3..].starts_with(char::is_alphabetic)
            }) =>
        {
            false
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
            // "the now-defunct plant": part of an adjective.
            if text[i + n..].starts_with('-') {
                return false;
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

/// The class of a number: `STRONG` when it looks like a year, a clock
/// time, a numeric date, a decade or an ordinal ("1998", "10:35", "9/25",
/// "1990s", "21st", "3 p.m."), else `WEAK` (an amount: "two" weeks).
fn number_class(bytes: &[u8], i: usize, end: usize) -> u8 {
    let digits = bytes[i..end]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 4 || digits < end - i {
        return STRONG;
    }
    // "10:35", "9/25/2019", "1990's"; not "3.5" or "16-hour", whose head
    // word ("percent", "hour") decides.
    if matches!(bytes.get(end), Some(b':' | b'/' | b'\'')) {
        return STRONG;
    }
    let mut j = end;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'\n' | b'\t') {
        j += 1;
    }
    if bytes.len() >= j + 2
        && matches!(bytes[j].to_ascii_lowercase(), b'a' | b'p')
        && matches!(bytes[j + 1].to_ascii_lowercase(), b'.' | b'm')
    {
        return STRONG;
    }
    WEAK
}

/// The tense of the sentence around `start..end`: the tense cue nearest to
/// the expression wins ("said Friday that it will" → past for "Friday").
pub(crate) fn tense_at(text: &str, start: usize, end: usize, deadline: bool) -> Tense {
    // A month deadline is ahead whatever the verb: "by February"; a
    // weekday one is not ("had filed reports by Wednesday").
    let prev = prev_word(text, start);
    if (deadline && prev.eq_ignore_ascii_case("by"))
        || text[..start].trim_end().ends_with("as soon as")
    {
        return Tense::Future;
    }
    // "since March", "since the Oct. 23 slaying": behind, whatever the verb.
    let since = prev.eq_ignore_ascii_case("since")
        || (prev.eq_ignore_ascii_case("the")
            && prev_word(text, start_of(text, start, prev)).eq_ignore_ascii_case("since"));
    if since {
        return Tense::Past;
    }
    // "closed until Friday", "has extended loans through January": ahead
    // unless the verb is past ("sales rose through August").
    let ahead = ["until", "till"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev))
        || (deadline && prev.eq_ignore_ascii_case("through"));
    match verb_tense(text, start, end) {
        Tense::Past => Tense::Past,
        _ if ahead => Tense::Future,
        t => t,
    }
}

/// The tense cue nearest to `start..end` within its sentence.
fn verb_tense(text: &str, start: usize, end: usize) -> Tense {
    // The search stays inside the sentence (and 400 bytes either way).
    let b = text.as_bytes();
    let (s, e) = (start.saturating_sub(400), (end + 400).min(b.len()));
    let word_cue = |w0: usize, w1: usize| -> Option<Tense> {
        let w = &text[w0..w1];
        // "is to resume", "set to meet"
        if text[w1..].starts_with(" to ")
            && [
                "is",
                "are",
                "set",
                "ready",
                "likely",
                "expect",
                "expects",
                "plan",
                "plans",
                "aim",
                "aims",
                "hope",
                "hopes",
                "want",
                "wants",
                "intend",
                "intends",
                "seek",
                "seeks",
                "vow",
                "vows",
                "promise",
                "promises",
                "scheduled",
                "poised",
            ]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            return Some(Tense::Future);
        }
        // "next to the embassy" is a place.
        if w.eq_ignore_ascii_case("next") && text[w1..].starts_with(" to ") {
            return None;
        }
        // "won't" is a future; "won the vote" is not.
        if w.eq_ignore_ascii_case("won")
            && (text[w1..].starts_with("'t") || text[w1..].starts_with("\u{2019}t"))
        {
            return Some(Tense::Future);
        }
        match cue(w, w0 > 0 && b[w0 - 1] == b'\'') {
            // "stay closed", "remain open": an adjective, not a verb
            Some(Tense::Past)
                if [
                    "stay", "stays", "remain", "remains", "seem", "seems", "become", "becomes",
                    "get", "gets", "keep", "keeps",
                ]
                .iter()
                .any(|v| v.eq_ignore_ascii_case(prev_word(text, w0))) =>
            {
                None
            }
            Some(Tense::Past) => Some(participle_frame(text, w0).unwrap_or(Tense::Past)),
            t => t,
        }
    };
    // The nearest cue after the expression (past a comma it belongs to
    // another clause, and counts only when nothing before the expression
    // does: "in September, according to minutes released")...
    let mut right = None;
    let mut comma = false;
    let mut k = end;
    while k < e {
        if !b[k].is_ascii_alphabetic() {
            let c = b[k];
            if matches!(c, b'!' | b'?' | b'\n')
                || (c == b'.'
                    && b.get(k + 1).is_none_or(u8::is_ascii_whitespace)
                    && !abbreviation(b, k))
            {
                break;
            }
            comma |= c == b',';
            k += 1;
            continue;
        }
        let w0 = k;
        while k < e && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        if let Some(t) = word_cue(w0, k) {
            right = Some((w0 - end, t, comma));
            break;
        }
    }
    // ... and before it, searched outward and no further than the first.
    let mut left = None;
    let mut k = start;
    while k > s {
        if !b[k - 1].is_ascii_alphabetic() {
            let c = b[k - 1];
            if matches!(c, b'!' | b'?' | b'\n')
                || (c == b'.' && b.get(k) == Some(&b' ') && !abbreviation(b, k - 1))
            {
                break;
            }
            k -= 1;
            continue;
        }
        let w1 = k;
        if right.is_some_and(|(d, _, comma)| !comma && start - w1 > d) {
            break;
        }
        while k > s && b[k - 1].is_ascii_alphabetic() {
            k -= 1;
        }
        if let Some(t) = word_cue(k, w1) {
            left = Some((start - w1, t));
            break;
        }
    }
    match (left, right) {
        (Some((l, lt)), Some((r, rt, comma))) => {
            if comma || l <= r {
                lt
            } else {
                rt
            }
        }
        (Some((_, t)), None) | (None, Some((_, t, _))) => t,
        (None, None) => Tense::Present,
    }
}

/// The tense of the auxiliary before a past form that is a participle:
/// "has extended" (present), "will be named" (future), "had been
/// scheduled" (past). `None` when the word stands alone.
fn participle_frame(text: &str, w0: usize) -> Option<Tense> {
    let is = |w: &str, set: &[&str]| set.iter().any(|c| w.eq_ignore_ascii_case(c));
    let mut at = w0;
    let mut aux = prev_word(text, at);
    // "has already agreed", "was not told"
    if is(
        aux,
        &["already", "not", "also", "just", "since", "now", "recently"],
    ) {
        at = start_of(text, at, aux);
        aux = prev_word(text, at);
    }
    // The word before the auxiliary `w`, past a "not": "will not be".
    let before = |w: &str| {
        let at = start_of(text, at, w);
        let b = prev_word(text, at);
        if b.eq_ignore_ascii_case("not") {
            prev_word(text, start_of(text, at, b))
        } else {
            b
        }
    };
    const MODAL: &[&str] = &[
        "will", "would", "ll", "shall", "may", "might", "should", "to",
    ];
    if is(aux, &["is", "are", "am", "being", "has", "have"]) {
        Some(Tense::Present)
    } else if is(aux, &["had", "was", "were"]) {
        Some(Tense::Past)
    } else if is(aux, &["be"]) {
        Some(if is(before(aux), MODAL) {
            Tense::Future
        } else {
            Tense::Present
        })
    } else if is(aux, &["been"]) {
        let b = before(aux);
        Some(if is(b, MODAL) {
            Tense::Future
        } else if is(b, &["has", "have"]) {
            Tense::Present
        } else {
            Tense::Past
        })
    } else {
        None
    }
}

/// Whether the period at `dot` ends an initial or a title rather than a
/// sentence: "Daniel P. Davison", "Mr. Davison", "Gov. Smith".
fn abbreviation(b: &[u8], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let w = &b[s..dot];
    // An initial ("P."), but not the last letter of "U.S.", which often
    // ends a sentence.
    (w.len() == 1 && w[0].is_ascii_uppercase() && !(s >= 2 && b[s - 1] == b'.'))
        || [
            "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt",
            "prof", "jr", "sr", "rev", "gens", "messrs", "no", "vs",
        ]
        .iter()
        .any(|a| w.eq_ignore_ascii_case(a.as_bytes()))
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
    let g = groups(w.as_bytes());
    if g & G_FUTURE_CUE != 0 {
        return Some(Tense::Future);
    }
    if g & G_PAST_CUE != 0 {
        return Some(Tense::Past);
    }
    if g & G_PRESENT_CUE != 0 {
        return Some(Tense::Present);
    }
    let b = w.as_bytes();
    // "-eed" is a stem ("succeed", "exceed", "need") but for a few pasts.
    let eed_stem = b.len() >= 3
        && b[b.len() - 3..].eq_ignore_ascii_case(b"eed")
        && ![
            "agreed",
            "disagreed",
            "freed",
            "guaranteed",
            "decreed",
            "refereed",
        ]
        .iter()
        .any(|x| lw(x));
    if b.len() >= 5
        && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !eed_stem
        && ![
            "based", "united", "limited", "related", "hundred", "sacred", "naked", "wicked",
            "rugged", "kindred", "crooked", "beloved", "infrared",
        ]
        .iter()
        .any(|x| lw(x))
    {
        return Some(Tense::Past);
    }
    None
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
            ("Trump won the vote on Tuesday.", "Tuesday", Tense::Past),
            ("He won't leave on Tuesday.", "Tuesday", Tense::Future),
            (
                "He won\u{2019}t leave on Tuesday.",
                "Tuesday",
                Tense::Future,
            ),
        ];
        for (text, word, want) in table {
            let s = text.find(word).unwrap();
            assert_eq!(tense_at(text, s, s + word.len(), false), want, "{text}");
        }
    }

    #[test]
    fn numbers_that_may_start_an_expression() {
        let cand = |s: &str| {
            let e = s.find(' ').unwrap_or(s.len());
            number_class(s.as_bytes(), 0, e)
        };
        assert_eq!(cand("1998"), STRONG);
        assert_eq!(cand("1990s"), STRONG);
        assert_eq!(cand("3 p.m."), STRONG);
        assert_eq!(cand("15 people"), WEAK);
    }

    #[test]
    fn finds_weak_starts_before_heads() {
        let a = Anchor::new(chrono::NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
        let text = "the president said the past two years were hard";
        let t = tag(text, &a);
        assert_eq!(t.len(), 1);
        assert_eq!(&text[t[0].span.clone()], "the past two years");
    }
}
