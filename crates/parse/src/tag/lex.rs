//! Lexical rules: the word tables and the smallest nom parsers the grammar
//! is built from. Every parser here reads `&str` case-insensitively and
//! never allocates.
//!
//! ```text
//! sp      = 1*( " " | "\t" | "\n" | NBSP )       (never a blank line)
//! kw(w)   = w, case-insensitive, not followed by a letter or digit
//! number  = 1*4 DIGIT
//! amount  = number ["." DIGIT+] | number-words ["and a half"] | "a" | "an"
//!         | "a dozen" | "a couple of" | fuzzy
//! fuzzy   = "several" | "a few" | "few" | "many" | "a number of"
//! unit    = "second"s | "minute"s | "hour"s | "day"s | "week"s | "month"s
//!         | "quarter"s | "year"s | "decade"s | "century" | "centuries"
//! month   = "January" | "Jan" ["."] | ... | "Sept" ["."] | ...
//! weekday = "Monday" | "Mon" ["."] | ...
//! ```

use nom::IResult;

use super::words::WordIndex;
use super::{Amount, Unit};

pub(crate) type R<'a, T> = IResult<&'a str, T>;

/// A nom error at `i` (the grammar only needs to know that a rule failed).
pub(crate) fn fail<T>(i: &str) -> R<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// A byte of a word: an ASCII letter or digit, or a non-ASCII byte but
/// 0xE2, the lead byte of the general punctuation (’ — “ ” …).
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || (b >= 0x80 && b != 0xE2)
}

/// sp = 1*( " " | "\t" | "\n" | NBSP ), not crossing a blank line
pub(crate) fn sp(i: &str) -> R<'_, ()> {
    let b = i.as_bytes();
    let mut n = 0;
    let mut newlines = 0;
    loop {
        match b.get(n) {
            Some(b' ' | b'\t' | b'\r') => n += 1,
            Some(b'\n') => {
                newlines += 1;
                if newlines > 1 {
                    return fail(i);
                }
                n += 1;
            }
            Some(0xC2) if b.get(n + 1) == Some(&0xA0) => n += 2,
            _ => break,
        }
    }
    if n == 0 { fail(i) } else { Ok((&i[n..], ())) }
}

/// Optional whitespace.
pub(crate) fn osp(i: &str) -> R<'_, ()> {
    match sp(i) {
        Ok(r) => Ok(r),
        Err(_) => Ok((i, ())),
    }
}

/// True when `i` does not continue a word: "Friday’s" and "Friday—the"
/// end the word at the curly apostrophe and the dash.
pub(crate) fn at_boundary(i: &str) -> bool {
    match i.as_bytes().first() {
        None => true,
        Some(&b) if b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => !i.chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// kw(w) = w, case-insensitive, followed by a word boundary
pub(crate) fn kw<'a>(w: &'static str) -> impl Fn(&'a str) -> R<'a, &'a str> {
    move |i: &'a str| match kw_len(i.as_bytes(), w.as_bytes()) {
        Some(n) => match (i.get(..n), i.get(n..)) {
            (Some(head), Some(rest)) => Ok((rest, head)),
            _ => fail(i),
        },
        None => fail(i),
    }
}

/// One of several keywords; returns the index of the one that matched.
pub(crate) fn kw_any<'a>(words: &'static [&'static str]) -> impl Fn(&'a str) -> R<'a, usize> {
    move |i: &'a str| {
        for (k, w) in words.iter().enumerate() {
            if let Some(n) = kw_len(i.as_bytes(), w.as_bytes())
                && let Some(rest) = i.get(n..)
            {
                return Ok((rest, k));
            }
        }
        fail(i)
    }
}

/// The length of the keyword `w` at the start of `i` (ASCII letters in
/// any case, a word boundary after it), if it is there. Inlined so that
/// the first-byte test, which rejects most calls, costs no call.
#[inline(always)]
fn kw_len(i: &[u8], w: &[u8]) -> Option<usize> {
    match (i.first(), w.first()) {
        (Some(a), Some(b)) if a | 0x20 == b | 0x20 => kw_tail(i, w),
        _ => None,
    }
}

fn kw_tail(i: &[u8], w: &[u8]) -> Option<usize> {
    let n = w.len();
    let head = i.get(..n)?;
    (head.eq_ignore_ascii_case(w) && i.get(n).is_none_or(|&b| !is_word_byte(b))).then_some(n)
}

/// A literal (case-insensitive) with no boundary check: "-", ".", "'s".
pub(crate) fn lit<'a>(w: &'static str) -> impl Fn(&'a str) -> R<'a, ()> {
    move |i: &'a str| match i.get(..w.len()) {
        Some(head) if head.eq_ignore_ascii_case(w) => Ok((&i[w.len()..], ())),
        _ => fail(i),
    }
}

/// An ASCII word (letters only), as typed.
pub(crate) fn alpha(i: &str) -> R<'_, &str> {
    let n = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    match i.split_at_checked(n) {
        Some((w, rest))
            if n > 0
                && rest
                    .as_bytes()
                    .first()
                    .is_none_or(|&b| !is_word_byte(b) || b.is_ascii_digit()) =>
        {
            Ok((rest, w))
        }
        _ => fail(i),
    }
}

/// number = 1*4 DIGIT, not followed by another digit or a letter
/// (ordinal suffixes are read by `day_number`).
pub(crate) fn number(i: &str) -> R<'_, (u32, usize)> {
    let b = i.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 4 || b.get(n).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return fail(i);
    }
    let v = b[..n]
        .iter()
        .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
    Ok((&i[n..], (v, n)))
}

/// Exactly `k` digits.
pub(crate) fn digits(k: usize) -> impl Fn(&str) -> R<'_, u32> {
    move |i: &str| {
        let b = i.as_bytes();
        if b.len() < k
            || !b[..k].iter().all(u8::is_ascii_digit)
            || b.get(k).is_some_and(u8::is_ascii_digit)
        {
            return fail(i);
        }
        let v = b[..k]
            .iter()
            .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
        Ok((&i[k..], v))
    }
}

/// A day of the month as digits with an optional ordinal suffix: "7", "21st".
pub(crate) fn day_number(i: &str) -> R<'_, u32> {
    let b = i.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 2 {
        return fail(i);
    }
    let v = b[..n]
        .iter()
        .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
    let mut rest = &i[n..];
    for suffix in ["st", "nd", "rd", "th"] {
        if let Ok((r, _)) = kw(suffix)(rest) {
            rest = r;
            break;
        }
    }
    if !at_boundary(rest) || !(1..=31).contains(&v) {
        return fail(i);
    }
    Ok((rest, v))
}

/// A four-digit year 1000..=2199.
pub(crate) fn year4(i: &str) -> R<'_, i32> {
    let (rest, (v, n)) = number(i)?;
    if n == 4 && (1000..=2199).contains(&v) && !rest.starts_with(['%', ',']) {
        Ok((rest, v as i32))
    } else if n == 4 && (1000..=2199).contains(&v) && rest.starts_with(',') {
        // "1998," ends a clause; "1,998" never reaches here (n == 1).
        Ok((rest, v as i32))
    } else {
        fail(i)
    }
}

const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// month = full name | abbreviation ["."]; names must be capitalised
/// ("may" and "march" are also common words).
pub(crate) fn month(i: &str) -> R<'_, u32> {
    let (rest, w) = alpha(i)?;
    if !w.starts_with(|c: char| c.is_ascii_uppercase())
        || super::words::class(w.as_bytes()) & super::words::MONTH == 0
    {
        return fail(i);
    }
    let Some(&(name, m)) = MONTHS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)) else {
        return fail(i);
    };
    // Abbreviations take an optional period; all-caps "MAR" etc. is fine.
    let rest = if name.len() <= 4 && !matches!(name, "may" | "june" | "july") {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    Ok((rest, m))
}

const WEEKDAYS: [(&str, u32); 17] = [
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

/// weekday = full name | abbreviation "." (1 = Monday .. 7 = Sunday)
pub(crate) fn weekday(i: &str) -> R<'_, u32> {
    let (rest, w) = alpha(i)?;
    if super::words::class(w.as_bytes()) & super::words::WEEKDAY == 0 {
        return fail(i);
    }
    let Some(&(name, d)) = WEEKDAYS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)) else {
        return fail(i);
    };
    if name.len() <= 5 && !name.ends_with("day") {
        // "sun", "sat", "wed" are words: require a capital and a period.
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return fail(i);
        }
        return match rest.strip_prefix('.') {
            Some(r) => Ok((r, d)),
            None => fail(i),
        };
    }
    Ok((rest, d))
}

const UNITS: [(&str, Unit); 24] = [
    ("seconds", Unit::Second),
    ("second", Unit::Second),
    ("minutes", Unit::Minute),
    ("minute", Unit::Minute),
    ("mins", Unit::Minute),
    ("hours", Unit::Hour),
    ("hour", Unit::Hour),
    ("days", Unit::Day),
    ("day", Unit::Day),
    ("weeks", Unit::Week),
    ("week", Unit::Week),
    ("fortnights", Unit::Fortnight),
    ("fortnight", Unit::Fortnight),
    ("months", Unit::Month),
    ("month", Unit::Month),
    ("quarters", Unit::Quarter),
    ("quarter", Unit::Quarter),
    ("years", Unit::Year),
    ("year", Unit::Year),
    ("yrs", Unit::Year),
    ("decades", Unit::Decade),
    ("decade", Unit::Decade),
    ("centuries", Unit::Century),
    ("century", Unit::Century),
];

/// unit = "second"s | ... | "century" | "centuries"; returns (unit, plural)
pub(crate) fn unit(i: &str) -> R<'_, (Unit, bool)> {
    static INDEX: WordIndex<64> = WordIndex::new(&{
        let mut names = [""; UNITS.len()];
        let mut k = 0;
        while k < UNITS.len() {
            names[k] = UNITS[k].0;
            k += 1;
        }
        names
    });
    let (rest, w) = alpha(i)?;
    match INDEX.get(w.as_bytes()).map(|k| UNITS[k]) {
        Some((name, u)) => Ok((rest, (u, name.ends_with('s')))),
        None => fail(i),
    }
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number word below 100: "seven", "twenty", "twenty-one", "twenty one".
pub(crate) fn number_words(i: &str) -> R<'_, u32> {
    // ONES then TENS: position k < 20 is the number k, 20 + t is 20 + 10t.
    static INDEX: WordIndex<64> = WordIndex::new(&{
        let mut names = [""; ONES.len() + TENS.len()];
        let mut k = 0;
        while k < names.len() {
            names[k] = if k < ONES.len() {
                ONES[k]
            } else {
                TENS[k - ONES.len()]
            };
            k += 1;
        }
        names
    });
    let (rest, w) = alpha(i)?;
    let t = match INDEX.get(w.as_bytes()) {
        Some(v) if v < ONES.len() => return Ok((rest, v as u32)),
        Some(v) => v - ONES.len(),
        None => return fail(i),
    };
    let tens = 20 + 10 * t as u32;
    for sep in ["-", " "] {
        if let Some(r) = rest.strip_prefix(sep)
            && let Ok((r2, w2)) = alpha(r)
            && let Some(v @ 1..=9) = INDEX.get(w2.as_bytes())
        {
            return Ok((r2, tens + v as u32));
        }
    }
    Ok((rest, tens))
}

const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// An ordinal word or numeral: "third", "3rd" → 3.
pub(crate) fn ordinal(i: &str) -> R<'_, u32> {
    static INDEX: WordIndex<32> = WordIndex::new(&ORDINALS);
    if let Ok((rest, w)) = alpha(i)
        && let Some(v) = INDEX.get(w.as_bytes())
    {
        return Ok((rest, v as u32 + 1));
    }
    let b = i.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 2 {
        return fail(i);
    }
    let v = b[..n]
        .iter()
        .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
    let rest = &i[n..];
    for suffix in ["st", "nd", "rd", "th"] {
        if let Ok((r, _)) = kw(suffix)(rest) {
            return Ok((r, v));
        }
    }
    fail(i)
}

/// amount = number ["." DIGIT+] | number-words ["and a half"] | "a" | "an"
///        | "a dozen" | "dozens of" | "a couple of" | fuzzy
pub(crate) fn amount(i: &str) -> R<'_, Amount> {
    let (rest, base) = amount_base(i)?;
    // "two thousand years", "five hundred years"
    let (rest, base) = match base {
        Amount::N(n) if n < 1000 => {
            match sp(rest).and_then(|(r, _)| kw_any(&["hundred", "thousand"])(r)) {
                Ok((r, k)) => (r, Amount::N(n * [100, 1000][k])),
                Err(_) => (rest, base),
            }
        }
        _ => (rest, base),
    };
    // "two and a half years"
    if let Amount::N(n) = base
        && let Ok((r, _)) = half_suffix(rest)
    {
        return Ok((r, Amount::Half(n)));
    }
    Ok((rest, base))
}

fn half_suffix(i: &str) -> R<'_, ()> {
    let (i, _) = sp(i)?;
    let (i, _) = kw("and")(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = kw("a")(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = kw("half")(i)?;
    Ok((i, ()))
}

fn amount_base(i: &str) -> R<'_, Amount> {
    // digits, with an optional decimal part
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        let b = i.as_bytes();
        let mut n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if n > 4 {
            return fail(i);
        }
        let mut v = b[..n]
            .iter()
            .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
        // "1,000 days": groups of three after a comma
        while n <= 3
            && v < 1_000_000
            && b.get(n) == Some(&b',')
            && b.len() >= n + 4
            && b[n + 1..n + 4].iter().all(u8::is_ascii_digit)
            && !b.get(n + 4).is_some_and(u8::is_ascii_digit)
        {
            v = b[n + 1..n + 4]
                .iter()
                .fold(v, |a, d| a * 10 + u32::from(d - b'0'));
            n += 4;
        }
        let rest = &i[n..];
        if let Some(frac) = rest.strip_prefix('.') {
            let m = frac.bytes().take_while(u8::is_ascii_digit).count();
            if m > 0 && m <= 2 && at_boundary(&frac[m..]) {
                let d = frac[..m]
                    .bytes()
                    .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
                if m == 1 && d == 5 {
                    return Ok((&frac[m..], Amount::Half(v)));
                }
                return fail(i);
            }
        }
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return fail(i);
        }
        // "5 1/2 hours", "5-1/2 hours"
        if let Some(r) = rest
            .strip_prefix(' ')
            .or_else(|| rest.strip_prefix('-'))
            .and_then(|r| r.strip_prefix("1/2"))
            && at_boundary(r)
        {
            return Ok((r, Amount::Half(v)));
        }
        return Ok((rest, Amount::N(v)));
    }
    if let Ok(r) = number_words(i) {
        return Ok((r.0, Amount::N(r.1)));
    }
    let (rest, w) = alpha(i)?;
    let lower = |s: &str| s.eq_ignore_ascii_case(w);
    if lower("a") || lower("an") {
        // "a dozen", "a couple of", "a few", "a number of"
        if let Ok((r, _)) = sp(rest) {
            if let Ok((r2, _)) = kw("dozen")(r) {
                return Ok((r2, Amount::N(12)));
            }
            if let Ok((r2, _)) = kw("couple")(r) {
                let r3 = of_opt(r2);
                return Ok((r3, Amount::N(2)));
            }
            if let Ok((r2, _)) = kw("few")(r) {
                return Ok((r2, Amount::Fuzzy));
            }
            if let Ok((r2, _)) = kw("number")(r)
                && let Ok((r3, _)) = sp(r2)
                && let Ok((r4, _)) = kw("of")(r3)
            {
                return Ok((r4, Amount::Fuzzy));
            }
        }
        return Ok((rest, Amount::N(1)));
    }
    if lower("dozen") {
        return Ok((rest, Amount::N(12)));
    }
    // "the next couple of years"
    if lower("couple")
        && let Ok((r, _)) = sp(rest)
        && let Ok((r, _)) = kw("of")(r)
    {
        return Ok((r, Amount::N(2)));
    }
    if lower("several") || lower("few") || lower("many") {
        return Ok((rest, Amount::Fuzzy));
    }
    if lower("dozens") || lower("hundreds") || lower("thousands") {
        if let Ok((r, _)) = sp(rest)
            && let Ok((r2, _)) = kw("of")(r)
        {
            return Ok((r2, Amount::Fuzzy));
        }
        return fail(i);
    }
    if lower("hundred") {
        return Ok((rest, Amount::N(100)));
    }
    fail(i)
}

fn of_opt(i: &str) -> &str {
    if let Ok((r, _)) = sp(i)
        && let Ok((r2, _)) = kw("of")(r)
    {
        return r2;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_read_in_any_case() {
        for (k, w) in ONES.iter().chain(&TENS).enumerate() {
            let want = if k < 20 {
                k as u32
            } else {
                20 + 10 * (k as u32 - 20)
            };
            for w in [w.to_string(), w.to_uppercase()] {
                assert_eq!(number_words(&w), Ok(("", want)), "{w}");
            }
        }
        for (k, w) in ORDINALS.iter().enumerate() {
            assert_eq!(ordinal(&w.to_uppercase()), Ok(("", k as u32 + 1)), "{w}");
        }
        for (w, u) in UNITS {
            let upper = w.to_uppercase();
            assert_eq!(unit(&upper), Ok(("", (u, w.ends_with('s')))), "{w}");
        }
        assert!(unit("weekday").is_err() && number_words("twentyone").is_err());
    }

    #[test]
    fn number_words_table() {
        let table = [
            ("seven", 7),
            ("twenty", 20),
            ("twenty-one", 21),
            ("Twenty one", 21),
            ("nineteen", 19),
        ];
        for (input, want) in table {
            assert_eq!(number_words(input).map(|r| r.1), Ok(want), "{input}");
        }
    }

    #[test]
    fn amount_table() {
        let table = [
            ("2 weeks", Amount::N(2)),
            ("a dozen years", Amount::N(12)),
            ("two and a half months", Amount::Half(2)),
            ("2.5 years", Amount::Half(2)),
            ("several years", Amount::Fuzzy),
            ("a few days", Amount::Fuzzy),
            ("an hour", Amount::N(1)),
            ("a couple of weeks", Amount::N(2)),
        ];
        for (input, want) in table {
            assert_eq!(amount(input).map(|r| r.1), Ok(want), "{input}");
        }
    }

    #[test]
    fn month_and_weekday_table() {
        assert_eq!(month("Sept. 25").map(|r| r.1), Ok(9));
        assert_eq!(month("December 2018").map(|r| r.1), Ok(12));
        assert!(month("may").is_err());
        assert_eq!(weekday("Wednesday").map(|r| r.1), Ok(3));
        assert_eq!(weekday("Wed.").map(|r| r.1), Ok(3));
        assert!(weekday("sat").is_err());
    }

    #[test]
    fn kw_needs_a_boundary() {
        assert!(kw("day")("days").is_err());
        assert!(kw("day")("Day,").is_ok());
        assert_eq!(day_number("21st of").map(|r| r.1), Ok(21));
        assert!(day_number("32").is_err());
        assert_eq!(year4("1998.").map(|r| r.1), Ok(1998));
        assert!(year4("19980").is_err());
    }
}
