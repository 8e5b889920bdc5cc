//! The expression grammar. Each rule reads from a candidate position and
//! returns an unresolved [`Expr`]; `resolve` turns it into a TimeML value.
//!
//! ```text
//! expression = [modifier sp] core
//! modifier   = ["the" sp] ("early" | "late" | "mid" ["-"]) | "the end of" | "the beginning of"
//!            | "the middle of" | "about" | "nearly" | "more than" | "less than" | "at least" ...
//! core       = the longest of the rules below
//! month_day  = month [sp] day [","] [sp year4]            "Aug. 7, 1998"
//! day_month  = ["the" sp] day ["of"] sp month [","] [sp year4]   "25 September 2019"
//! month_year = month [","] sp ["of" sp] year4               "December 2018"
//! month_rel  = ["last" | "next" | "this" ["past" | "coming"]] sp month   "last December"
//! numeric    = mm "/" dd "/" (yyyy | yy) | yyyy "-" mm "-" dd
//! year       = ["fiscal" sp ["year" sp]] year4 | "the year" sp year4
//! decade     = ["the" sp] (year4 "s" | ["'"] 2DIGIT "s")
//! century    = ["the" sp] ordinal sp "century"
//! quarter    = ["the" sp] [year4 | "this year's" | ...] ordinal ("-" | sp) ["fiscal" sp] "quarter" [sp "of" sp yearref]
//! half       = ["the" sp] ("first" | "second" | "last") sp "half" [sp "of" sp yearref]
//! deictic    = ("this" | "last" | "next" | "the current" | "the coming" | "this past") sp unit
//! day        = ["last" | "next" | "this"] weekday [sp pod] | "today" | "yesterday" | "tomorrow" [sp pod]
//!            | "tonight" | "last night" | "this" sp pod | "earlier today"
//! shift      = amount sp unit sp ("ago" | "earlier" | "later" | "from now")
//! anaphor    = ("the next" | "the following" | "the previous" | "that" | "the same") sp unit
//! duration   = ["the" sp] [("past" | "last" | "next" | "first" | "coming") sp] amount (sp | "-") unit
//! time       = clock [sp zone] [sp day] | ("noon" | "midnight") [sp day]
//! set        = "daily" | "weekly" | ... | ("every" | "each" | "per") sp [amount sp] unit | "every" sp weekday
//! reference  = "now" | "currently" | "recently" | "the past" | "the future" | "soon" | ...
//! season     = [("this" | "last" | "next" | "the") sp] season [sp ["of" sp] year4]
//! holiday    = "Christmas" ["Day" | "Eve"] | "New Year's Day" | "Thanksgiving" ["Day"] | ...
//! ```

use nom::Parser;
use nom::branch::alt;
use nom::combinator::opt;

use super::calendars::Lunar;
use super::lex::{
    R, alpha, amount, at_boundary, day_number, digits, fail, kw, kw_any, lit, month, number,
    number_words, ordinal, osp, sp, unit, weekday, year4,
};
use super::words::*;
use super::{Amount, Day, Expr, Holiday, Pod, RefKind, Rel, Unit, YearSpec};
use crate::Mod;

/// A parsed expression with its modifier.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Parsed {
    pub(crate) expr: Expr,
    pub(crate) modifier: Option<Mod>,
}

/// expression = [modifier sp] core; returns the parse and the bytes consumed.
pub(crate) fn expression(i: &str) -> Option<(usize, Parsed)> {
    let first = first_groups(i);
    let plain = core_with(i, first).map(|(n, e)| {
        (
            n,
            Parsed {
                expr: e,
                modifier: None,
            },
        )
    });
    // Only words that can begin a modifier ("early", "about") need the
    // second parse; "mid-1990s" starts with "mid" too.
    let modified = if first & G_MOD != 0 {
        modified(i)
    } else {
        None
    };
    match (plain, modified) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The longest match among the core rules.
pub(crate) fn core(i: &str) -> Option<(usize, Expr)> {
    core_with(i, first_groups(i))
}

/// `core` for a candidate whose first-word groups are known.
fn core_with(i: &str, first: u32) -> Option<(usize, Expr)> {
    let mut best: Option<(usize, Expr)> = None;
    for (rule, starts) in RULES {
        if first & starts == 0 {
            continue;
        }
        if let Ok((rest, e)) = rule(i) {
            let n = i.len() - rest.len();
            if n > 0 && best.is_none_or(|(m, _)| n > m) {
                best = Some((n, e));
            }
        }
    }
    best
}

type Rule = for<'a> fn(&'a str) -> R<'a, Expr>;

/// Every rule with the groups of words it can start with, in priority
/// order (on equal length the earlier rule wins). Dispatching on the first
/// word keeps a candidate down to the few rules that can match it.
const RULES: [(Rule, u32); 26] = [
    (year_end, G_YEAR),
    (weekday_date, G_WEEKDAY_G),
    (week_of, G_THE),
    (comparable, G_THE | G_REL),
    (the_period, G_THE),
    (year_words, G_YEARWORD | G_THE),
    (month_day, G_MONTH_G),
    (day_month, G_DIGIT | G_THE),
    (month_year, G_MONTH_G),
    (month_rel, G_REL),
    (numeric, G_DIGIT),
    (year, G_DIGIT | G_FISCAL | G_THE),
    (decade, G_DIGIT | G_THE),
    (century, G_DIGIT | G_THE | G_ORD),
    (quarter, G_THE | G_FISCAL | G_DIGIT | G_REL | G_ORD),
    (half, G_THE | G_ORD | G_REL),
    (deictic, G_REL | G_THE),
    (day, G_REL | G_THE | G_THAT | G_WEEKDAY_G | G_DAYW | G_MOD),
    (shift, G_AMOUNT | G_DIGIT | G_THE | G_YEAR | G_REL),
    (anaphor, G_THE | G_THAT | G_REL),
    (reference, G_REF | G_THE | G_AMOUNT),
    (
        duration,
        G_THE | G_REL | G_AMOUNT | G_DIGIT | G_ORD | G_REF | G_PLURAL,
    ),
    (time, G_DIGIT | G_CLOCK),
    (set, G_SET),
    (season, G_REL | G_THE | G_SEASON),
    (holiday, G_HOLIDAY | G_REL),
];

/// The groups of the first word at `i`: digits, calendar names (which
/// must be capitalised) or the word table's groups.
fn first_groups(i: &str) -> u32 {
    let b = i.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_digit() || *c == b'\'' || *c == 0xE2 => G_DIGIT,
        Some(c) => {
            // "q3" is a table word; "FY2019" is read by its letters.
            let n = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            let (cls, mut g) = match lookup(&b[..n]) {
                (0, 0) => lookup(&b[..b.iter().take_while(|c| c.is_ascii_alphabetic()).count()]),
                found => found,
            };
            if c.is_ascii_uppercase() || cls & (MONTH | WEEKDAY) == 0 {
                if cls & MONTH != 0 {
                    g |= G_MONTH_G;
                }
                if cls & WEEKDAY != 0 {
                    g |= G_WEEKDAY_G;
                }
            }
            g
        }
        None => 0,
    }
}

/// modifier sp core, where the modifier suits the core's kind.
fn modified(i: &str) -> Option<(usize, Parsed)> {
    let (rest, m) = modifier(i).ok()?;
    let (n, e) = core(rest)?;
    let point = !matches!(e, Expr::Duration { .. } | Expr::Set(..) | Expr::Refer(..));
    let ok = match m {
        Mod::Start | Mod::Mid | Mod::End => point && !matches!(e, Expr::Shift { .. }),
        _ => {
            matches!(e, Expr::Duration { .. } | Expr::Shift { .. })
                && rest.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_alphabetic())
                && kw_any(&["the", "past", "last", "next"])(rest).is_err()
        }
    };
    ok.then(|| {
        (
            i.len() - rest.len() + n,
            Parsed {
                expr: e,
                modifier: Some(m),
            },
        )
    })
}

/// modifier = ["the" sp] ("early" | "late" | "mid" ["-"]) | "the end of" | ...
fn modifier(i: &str) -> R<'_, Mod> {
    // "mid-1990s", "mid-November": no space after the hyphen
    let (j, the) = opt((kw("the"), sp)).parse(i)?;
    if let Ok((r, _)) = (lit("mid-"), nom::combinator::peek(alpha_or_digit)).parse(j) {
        return Ok((r, Mod::Mid));
    }
    if let Ok(r) = (kw_any(&["early", "late", "mid"]), sp).parse(j) {
        return Ok((r.0, [Mod::Start, Mod::End, Mod::Mid][r.1.0]));
    }
    if the.is_some() {
        if let Ok((r, (k, _, _, _))) = (
            kw_any(&["end", "close", "beginning", "start", "middle"]),
            sp,
            kw("of"),
            sp,
        )
            .parse(j)
        {
            return Ok((r, [Mod::End, Mod::End, Mod::Start, Mod::Start, Mod::Mid][k]));
        }
        return fail(i);
    }
    const PHRASES: [(&[&str], Mod); 17] = [
        (&["about"], Mod::Approx),
        (&["around"], Mod::Approx),
        (&["approximately"], Mod::Approx),
        (&["roughly"], Mod::Approx),
        (&["nearly"], Mod::Approx),
        (&["almost"], Mod::Approx),
        (&["some"], Mod::Approx),
        (&["more", "than"], Mod::MoreThan),
        (&["over"], Mod::MoreThan),
        (&["longer", "than"], Mod::MoreThan),
        (&["less", "than"], Mod::LessThan),
        (&["fewer", "than"], Mod::LessThan),
        (&["under"], Mod::LessThan),
        (&["at", "least"], Mod::EqualOrMore),
        (&["no", "less", "than"], Mod::EqualOrMore),
        (&["at", "most"], Mod::EqualOrLess),
        (&["no", "more", "than"], Mod::EqualOrLess),
    ];
    for (phrase, m) in PHRASES {
        if let Ok(r) = phrase_sp(phrase, i) {
            return Ok((r, m));
        }
    }
    if let Ok(r) = phrase_sp(&["up", "to"], i) {
        return Ok((r, Mod::EqualOrLess));
    }
    fail(i)
}

fn alpha_or_digit(i: &str) -> R<'_, ()> {
    if i.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        Ok((i, ()))
    } else {
        fail(i)
    }
}

/// A phrase of space-separated keywords followed by whitespace.
fn phrase_sp<'a>(phrase: &'static [&'static str], i: &'a str) -> Result<&'a str, ()> {
    let mut rest = i;
    for w in phrase {
        let (r, _) = kw(w)(rest).map_err(|_| ())?;
        let (r, _) = sp(r).map_err(|_| ())?;
        rest = r;
    }
    Ok(rest)
}

/// A phrase of space-separated keywords (no trailing space).
fn phrase<'a>(p: &'static [&'static str]) -> impl Fn(&'a str) -> R<'a, ()> {
    move |i: &'a str| {
        let mut rest = i;
        for (k, w) in p.iter().enumerate() {
            if k > 0 {
                rest = sp(rest)?.0;
            }
            rest = kw(w)(rest)?.0;
        }
        Ok((rest, ()))
    }
}

/// The optional ", yyyy" / " yyyy" after a month and day.
fn year_tail(i: &str) -> R<'_, Option<i32>> {
    let attempt = |i| -> R<'_, i32> {
        let (i, _) = opt(lit(",")).parse(i)?;
        let (i, _) = sp(i)?;
        year4(i)
    };
    match attempt(i) {
        Ok((r, y)) => Ok((r, Some(y))),
        Err(_) => Ok((i, None)),
    }
}

/// month_day = month [sp] day [","] [sp year4]
fn month_day(i: &str) -> R<'_, Expr> {
    let (i, m) = month(i)?;
    let (i, _) = osp(i)?;
    let (i, d) = day_number(i)?;
    let (i, y) = year_tail(i)?;
    Ok((i, Expr::Date { y, m, d }))
}

/// weekday_date = weekday [","] sp (month_day | day_month)   "Monday, Oct. 26"
fn weekday_date(i: &str) -> R<'_, Expr> {
    let (i, _) = weekday(i)?;
    let (i, _) = opt(lit(",")).parse(i)?;
    let (i, _) = sp(i)?;
    alt((month_day, day_month)).parse(i)
}

/// day_month = ["the" sp] day [sp "of"] sp month [","] [sp year4]
fn day_month(i: &str) -> R<'_, Expr> {
    // "on the 25th": a day of the month under discussion
    if let Ok((r, (_, _, d))) = (kw("the"), sp, day_number).parse(i)
        && (sp, kw("of")).parse(r).is_err()
        && phrase_ends(r)
    {
        return Ok((
            r,
            Expr::Day {
                day: Day::OfMonth(d),
                pod: None,
            },
        ));
    }
    let (i, the) = opt((kw("the"), sp)).parse(i)?;
    let (i, d) = if the.is_some() {
        alt((day_number, ordinal)).parse(i)?
    } else {
        day_number(i)?
    };
    let (i, _) = sp(i)?;
    let (i, _) = opt((kw("of"), sp)).parse(i)?;
    let (i, m) = month(i)?;
    let (i, y) = year_tail(i)?;
    Ok((i, Expr::Date { y, m, d }))
}

/// Whether "the 25th" ends here as a date: at punctuation or before a
/// function word, not before a noun ("the 25th anniversary").
pub(crate) fn phrase_ends(rest: &str) -> bool {
    let r = rest.trim_start_matches(' ');
    r.is_empty()
        || r.starts_with(['.', ',', ';', ':', ')', '\n', '!', '?'].as_slice())
        || kw_any(&[
            "at", "and", "or", "in", "when", "after", "before", "until", "to", "but", "with",
            "for", "as",
        ])(r)
        .is_ok()
}

/// month_year = month [","] sp ["of" sp] year4 | month (bare)
fn month_year(i: &str) -> R<'_, Expr> {
    let (j, m) = month(i)?;
    let with_year = |j| -> R<'_, i32> {
        let (j, _) = opt(lit(",")).parse(j)?;
        let (j, _) = sp(j)?;
        let (j, _) = opt((kw("of"), sp)).parse(j)?;
        year4(j)
    };
    if let Ok((r, y)) = with_year(j) {
        return Ok((
            r,
            Expr::Month {
                m,
                year: YearSpec::Abs(y),
                rel: Rel::Tense,
            },
        ));
    }
    // "July last year", "January nineteen ninety-seven"; in "October of
    // next year" the year is a timex of its own (as MEANTIME marks it) that
    // still gives October its year.
    if let Ok((r, (_, of, year))) = (
        sp,
        opt((kw("of"), sp)),
        alt((
            (kw_any(&["this", "last", "next"]), sp, kw("year"))
                .map(|(k, _, _)| YearSpec::Dct([0, -1, 1][k])),
            |i| match year_words(i)? {
                (r, Expr::Year(y)) => Ok((r, y)),
                _ => fail(i),
            },
        )),
    )
        .parse(j)
    {
        let r = if of.is_some() && matches!(year, YearSpec::Dct(_)) {
            j
        } else {
            r
        };
        return Ok((
            r,
            Expr::Month {
                m,
                year,
                rel: Rel::Tense,
            },
        ));
    }
    // A bare abbreviation needs its period ("Jan" is also a name).
    let text = &i[..i.len() - j.len()];
    if text.len() < 5 && !text.ends_with('.') && !matches!(m, 5..=7) {
        return fail(i);
    }
    Ok((
        j,
        Expr::Month {
            m,
            year: YearSpec::Infer,
            rel: Rel::Tense,
        },
    ))
}

/// ("last" | "next" | "this" ["past" | "coming"]) — the relation word.
fn rel_word(i: &str) -> R<'_, Rel> {
    if let Ok((r, _)) = (kw("this"), sp, kw_any(&["past", "last"])).parse(i) {
        return Ok((r, Rel::Last));
    }
    if let Ok((r, _)) = (kw("this"), sp, kw("coming")).parse(i) {
        return Ok((r, Rel::Next));
    }
    let (r, k) = kw_any(&["last", "next", "this", "past", "coming"])(i)?;
    Ok((
        r,
        [Rel::Last, Rel::Next, Rel::This, Rel::Last, Rel::Next][k],
    ))
}

/// month_rel = rel sp month
fn month_rel(i: &str) -> R<'_, Expr> {
    let (i, rel) = rel_word(i)?;
    let (i, _) = sp(i)?;
    let (i, m) = month(i)?;
    // "last Oct. 23", not "last March 12 percent"
    if let Ok((r, d)) = (osp, day_number).map(|t| t.1).parse(i)
        && phrase_ends(r)
    {
        return Ok((
            r,
            Expr::Day {
                day: Day::Dated(m, d, rel),
                pod: None,
            },
        ));
    }
    Ok((
        i,
        Expr::Month {
            m,
            year: YearSpec::Infer,
            rel,
        },
    ))
}

/// numeric = mm "/" dd "/" (yyyy | yy) | yyyy "-" mm "-" dd
fn numeric(i: &str) -> R<'_, Expr> {
    let us = |i| -> R<'_, Expr> {
        let (i, (m, _)) = number(i)?;
        let (i, _) = lit("/")(i)?;
        let (i, (d, _)) = number(i)?;
        let (i, _) = lit("/")(i)?;
        let (i, (y, n)) = number(i)?;
        let y = match n {
            4 => y as i32,
            2 if y < 40 => 2000 + y as i32,
            2 => 1900 + y as i32,
            _ => return fail(i),
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || i.starts_with('/') {
            return fail(i);
        }
        Ok((i, Expr::Date { y: Some(y), m, d }))
    };
    let iso = |i| -> R<'_, Expr> {
        let (i, y) = digits(4)(i)?;
        let (i, _) = lit("-")(i)?;
        let (i, m) = digits(2)(i)?;
        let (i, _) = lit("-")(i)?;
        let (i, d) = digits(2)(i)?;
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !at_boundary(i) {
            return fail(i);
        }
        Ok((
            i,
            Expr::Date {
                y: Some(y as i32),
                m,
                d,
            },
        ))
    };
    // "25/09/2019", "25.09.2019": day first when the day cannot be a
    // month (or with dots, as Europe writes them).
    let day_first = |i| -> R<'_, Expr> {
        let (i, (d, n)) = number(i)?;
        let (i, sep) = alt((lit("/").map(|_| '/'), lit(".").map(|_| '.'))).parse(i)?;
        let (i, (m, mn)) = number(i)?;
        let (i, _) = lit(if sep == '/' { "/" } else { "." })(i)?;
        let (i, y) = digits(4)(i)?;
        // dotted dates write both as two digits ("05.03.2019"), unlike
        // version numbers ("1.2.2019")
        if n > 2
            || (sep == '.' && (n != 2 || mn != 2))
            || !(1..=12).contains(&m)
            || !(1..=31).contains(&d)
            || (sep == '/' && d <= 12)
            || !at_boundary(i)
            || i.starts_with(['/', '.'].as_slice())
                && i[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return fail(i);
        }
        Ok((
            i,
            Expr::Date {
                y: Some(y as i32),
                m,
                d,
            },
        ))
    };
    alt((us, iso, day_first)).parse(i)
}

/// year = ["fiscal" sp ["year" sp]] year4 | "the year" sp year4
fn year(i: &str) -> R<'_, Expr> {
    let (i, _) = opt(alt((
        (kw("fiscal"), sp, opt((kw("year"), sp))),
        (kw("the"), sp, kw("year"), sp).map(|(a, b, c, _)| (a, b, Some((c, ())))),
    )))
    .parse(i)?;
    // "FY2019", "FY 2019", "FY19"
    if let Ok((r, _)) = kw("fy")(i).or_else(|_| lit("FY")(i).map(|(r, _)| (r, "")))
        && let Ok((r, y)) = alt((
            (osp, digits(4)).map(|t| t.1 as i32),
            digits(2).map(|y| 2000 + y as i32),
        ))
        .parse(r)
        && at_boundary(r)
    {
        return Ok((r, Expr::Year(YearSpec::Abs(y))));
    }
    // "in '82": an apostrophe and two digits, not a decade ("'80s")
    if let Some(r) = i.strip_prefix('\'').or_else(|| i.strip_prefix('\u{2019}'))
        && let Ok((r, y)) = digits(2)(r)
        && at_boundary(r)
        // "'60 Minutes", "the '20 percent rule'", "the '88 Club": quoted
        // titles and numbers, not years
        && phrase_ends(r)
    {
        return Ok((r, Expr::Year(YearSpec::Short(y as i32))));
    }
    let (i, y) = year4(i)?;
    Ok((i, Expr::Year(YearSpec::Abs(y))))
}

/// decade = ["the" sp] (year4 "s" | ["'"] 2DIGIT "s")
fn decade(i: &str) -> R<'_, Expr> {
    // "the nineties": the twentieth century's decades by name (not the
    // temperatures of "highs in the twenties tomorrow"; see `plausible`).
    if let Ok((r, (_, _, k))) = (
        kw("the"),
        sp,
        kw_any(&[
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ]),
    )
        .parse(i)
    {
        return Ok((r, Expr::Decade(192 + k as i32)));
    }
    let (i, _) = opt((kw("the"), sp)).parse(i)?;
    let (i, _) = opt(alt((lit("'"), lit("\u{2019}")))).parse(i)?;
    let b = i.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (n != 4 && n != 2) || b.get(n) != Some(&b's') || !at_boundary(&i[n + 1..]) {
        return fail(i);
    }
    let v = b[..n]
        .iter()
        .fold(0i32, |a, d| a * 10 + i32::from(d - b'0'));
    if v % 10 != 0 {
        return fail(i);
    }
    let dec = if n == 4 { v / 10 } else { 190 + v / 10 };
    Ok((&i[n + 1..], Expr::Decade(dec)))
}

/// century = ["the" sp] ordinal sp "century"
///         | "the turn of the century"       (the century's boundary nearest the anchor)
fn century(i: &str) -> R<'_, Expr> {
    if let Ok((r, _)) = phrase(&["the", "turn", "of", "the", "century"]).parse(i) {
        return Ok((r, Expr::TurnOfCentury));
    }
    let (i, _) = opt((kw("the"), sp)).parse(i)?;
    let (i, o) = ordinal(i)?;
    let (i, _) = alt((sp, lit("-").map(|_| ()))).parse(i)?;
    let (i, _) = kw("century")(i)?;
    if o == 0 || o > 30 {
        return fail(i);
    }
    Ok((i, Expr::Century(o as i32 - 1)))
}

/// yearref = year4 | ("this" | "last" | "next") sp "year" | "fiscal" sp year4
fn yearref(i: &str) -> R<'_, YearSpec> {
    if let Ok((r, _)) = (kw("the"), sp, kw("year")).parse(i)
        && !r.trim_start().starts_with(|c: char| c.is_ascii_digit())
    {
        return Ok((r, YearSpec::Dct(0)));
    }
    if let Ok((r, (_, _, k, _, _))) = (
        opt(kw("the")),
        osp,
        kw_any(&["this", "last", "next", "current", "previous"]),
        sp,
        kw("year"),
    )
        .parse(i)
    {
        return Ok((r, YearSpec::Dct([0, -1, 1, 0, -1][k])));
    }
    let (i, _) = opt((kw("fiscal"), sp)).parse(i)?;
    let (i, y) = year4(i)?;
    Ok((i, YearSpec::Abs(y)))
}

/// ("this" | "last" | "next") "year's" — a possessive year before a quarter.
fn year_possessive(i: &str) -> R<'_, YearSpec> {
    let (i, y) = alt((
        (
            kw_any(&["this", "last", "next"]),
            sp,
            lit("year"),
            alt((lit("'s"), lit("\u{2019}s"))),
        )
            .map(|(k, _, _, _)| YearSpec::Dct([0, -1, 1][k])),
        (year4, alt((lit("'s"), lit("\u{2019}s")))).map(|(y, _)| YearSpec::Abs(y)),
    ))
    .parse(i)?;
    Ok((i, y))
}

/// quarter = ["the" sp] [year4 sp | possessive sp] ordinal ("-" | sp) ["fiscal" sp] "quarter"
///           [sp "of" sp yearref]
///         | ("the" sp ("latest" | "current" | "year-ago" | "year-earlier") | "this" | "last" | "next") sp "quarter"
fn quarter(i: &str) -> R<'_, Expr> {
    let numbered = |i| -> R<'_, Expr> {
        let (i, the) = opt((kw("the"), sp)).parse(i)?;
        let (i, _) = opt((kw("fiscal"), alt((sp, lit("-").map(|_| ()))))).parse(i)?;
        let (i, pre) = opt(alt((
            (year_possessive, sp).map(|(y, _)| y),
            (year4, sp).map(|(y, _)| YearSpec::Abs(y)),
        )))
        .parse(i)?;
        let (i, q) = alt((ordinal, kw_any(&["final", "last"]).map(|_| 4))).parse(i)?;
        let (i, hyphen) = alt((sp.map(|_| false), lit("-").map(|_| true))).parse(i)?;
        let (i, _) = opt((kw("fiscal"), sp)).parse(i)?;
        let (i, _) = kw("quarter")(i)?;
        // "the third-quarter results": the article belongs to "results".
        if !(1..=4).contains(&q) || (hyphen && the.is_some()) {
            return fail(i);
        }
        let (i, post) = opt((sp, kw("of"), sp, yearref).map(|t| t.3)).parse(i)?;
        let year = post.or(pre).unwrap_or(YearSpec::Infer);
        Ok((i, Expr::Quarter { q: Some(q), year }))
    };
    let relative = |i| -> R<'_, Expr> {
        let (i, year) = alt((
            (
                kw("the"),
                sp,
                kw_any(&[
                    "latest",
                    "current",
                    "year-ago",
                    "year-earlier",
                    "past",
                    "last",
                ]),
            )
                .map(|(_, _, k)| [None, Some(0), Some(-4), Some(-4), Some(-1), Some(-1)][k]),
            kw_any(&["this", "last", "next"]).map(|k| Some([0, -1, 1][k])),
        ))
        .parse(i)?;
        let (i, _) = sp(i)?;
        let (i, _) = kw("quarter")(i)?;
        Ok((i, Expr::QuarterRel(year)))
    };
    let period = |i| -> R<'_, Expr> {
        let (i, _) = kw("the")(i)?;
        let (i, _) = sp(i)?;
        let (i, k) = alt((
            kw("quarter").map(|_| None),
            (kw("latest"), sp, kw("period")).map(|_| None),
            (kw_any(&["year-ago", "year-earlier"]), sp, kw("period")).map(|_| Some(-4)),
        ))
        .parse(i)?;
        Ok((i, Expr::QuarterRel(k)))
    };
    // "Q3 2019", "Q4", "H1 2019", "Q3'19": the financial shorthand
    let short = |i| -> R<'_, Expr> {
        let (i, (h, k)) = alt((
            (kw_any(&["q1", "q2", "q3", "q4"])).map(|k| (false, k as u32 + 1)),
            (kw_any(&["h1", "h2"])).map(|k| (true, k as u32 + 1)),
        ))
        .parse(i)?;
        let (i, year) = opt(alt((
            (sp, year4).map(|(_, y)| y),
            (osp, alt((lit("'"), lit("\u{2019}"))), digits(2)).map(|(_, _, y)| 2000 + y as i32),
        )))
        .parse(i)?;
        if !at_boundary(i) {
            return fail(i);
        }
        let year = year.map_or(YearSpec::Infer, YearSpec::Abs);
        if h {
            // "H1" alone is too often something else
            if year == YearSpec::Infer {
                return fail(i);
            }
            return Ok((i, Expr::Half { h: k, year }));
        }
        Ok((i, Expr::Quarter { q: Some(k), year }))
    };
    alt((numbered, relative, period, short)).parse(i)
}

/// year_end = "year" ("-" | sp | "'s" sp) "end"
fn year_end(i: &str) -> R<'_, Expr> {
    let (i, _) = kw("year")(i)?;
    let (i, _) = alt((
        lit("-"),
        sp,
        (alt((lit("'s"), lit("\u{2019}s"))), sp).map(|_| ()),
    ))
    .parse(i)?;
    let (i, _) = kw("end")(i)?;
    Ok((i, Expr::YearEnd))
}

/// week_of = "the" sp ("first" | "second" | "third" | "fourth" | "last" | "final") sp "week of" sp month_year
///         | "the week of" sp month_day
fn week_of(i: &str) -> R<'_, Expr> {
    let (i, _) = (kw("the"), sp).parse(i)?;
    let (i, k) = opt((
        kw_any(&["first", "second", "third", "fourth", "last", "final"]),
        sp,
    )
        .map(|(k, _)| [1, 2, 3, 4, -1, -1][k]))
    .parse(i)?;
    let (i, _) = (kw("week"), sp, kw("of"), sp).parse(i)?;
    match k {
        None => match month_day(i)? {
            (r, Expr::Date { y, m, d }) => Ok((r, Expr::WeekOf(Day::Date(y, m, d)))),
            _ => fail(i),
        },
        Some(k) => match month_year(i)? {
            (r, Expr::Month { m, year, .. }) => Ok((r, Expr::WeekOfMonth { k, m, year })),
            _ => fail(i),
        },
    }
}

/// comparable = "the" sp year4 sp ("period" | "quarter" | "months")
///            | "the" sp ("year-ago" | "year-earlier" | "prior-year") sp period [sp back]
///            | "the" sp ("same" | "corresponding" | "comparable") sp period sp back
/// period     = ["year-ago" sp | "year-earlier" sp] ("period" | "quarter" | "month" | "week" | "day" | "months" | "weeks")
/// back       = ["of" sp] ("last year" | "the previous year" | "the prior year" | "the year before")
///            | "a year" sp ("ago" | "earlier" | "before") | ("in" | "of") sp year4
///
/// The period under discussion in another year: "the same period last
/// year", "the year-ago quarter", "the 1988 period".
fn comparable(i: &str) -> R<'_, Expr> {
    // "last year's quarter", "last year's third quarter"
    if let Ok((r, (.., q, k))) = (
        kw("last"),
        sp,
        kw("year"),
        alt((lit("'s"), lit("\u{2019}s"))),
        sp,
        opt((ordinal, sp).map(|t| t.0)),
        kw_any(&["quarter", "period"]),
    )
        .parse(i)
    {
        return Ok((
            r,
            Expr::Comparable {
                unit: (k == 0).then_some(Unit::Quarter),
                q: q.filter(|q| (1..=4).contains(q)),
                year: None,
                back: 1,
            },
        ));
    }
    let (i, _) = (kw("the"), sp).parse(i)?;
    let unit_word = |i| -> R<'_, Option<Unit>> {
        let (i, k) = kw_any(&[
            "period", "quarter", "month", "week", "day", "months", "weeks",
        ])(i)?;
        Ok((
            i,
            [
                None,
                Some(Unit::Quarter),
                Some(Unit::Month),
                Some(Unit::Week),
                Some(Unit::Day),
                None,
                None,
            ][k],
        ))
    };
    if let Ok((r, (y, _, k))) = (year4, sp, kw_any(&["period", "quarter", "months"])).parse(i) {
        return Ok((
            r,
            Expr::Comparable {
                unit: (k == 1).then_some(Unit::Quarter),
                q: None,
                year: Some(y),
                back: 0,
            },
        ));
    }
    let (i, adj) = kw_any(&[
        "year-ago",
        "year-earlier",
        "prior-year",
        "same",
        "corresponding",
        "comparable",
    ])(i)?;
    let (i, _) = sp(i)?;
    // "the comparable year-ago quarter", "the year-ago third quarter"
    let (i, ago) = opt((kw_any(&["year-ago", "year-earlier"]), sp)).parse(i)?;
    let (i, q) = opt((ordinal, sp).map(|t| t.0)).parse(i)?;
    let (i, unit) = unit_word(i)?;
    let q = q.filter(|q| (1..=4).contains(q) && unit == Some(Unit::Quarter));
    let back = |i| -> R<'_, (Option<i32>, i32)> {
        let (i, _) = sp(i)?;
        alt((
            (
                opt((kw("of"), sp)),
                alt((
                    (kw("last"), sp, kw("year")).map(|_| ()),
                    (
                        kw("the"),
                        sp,
                        kw_any(&["previous", "prior"]),
                        sp,
                        kw("year"),
                    )
                        .map(|_| ()),
                    (kw("the"), sp, kw("year"), sp, kw("before")).map(|_| ()),
                )),
            )
                .map(|_| (None, 1)),
            (
                kw("a"),
                sp,
                kw("year"),
                sp,
                kw_any(&["ago", "earlier", "before"]),
            )
                .map(|_| (None, 1)),
            (kw_any(&["in", "of"]), sp, year4).map(|(_, _, y)| (Some(y), 0)),
        ))
        .parse(i)
    };
    let (i, tail) = opt(back).parse(i)?;
    let (year, back) = match (tail, adj) {
        (Some(t), _) => t,
        (None, 0..=2) => (None, 1),
        (None, _) if ago.is_some() => (None, 1),
        (None, _) => return fail(i),
    };
    Ok((
        i,
        Expr::Comparable {
            unit,
            q,
            year,
            back,
        },
    ))
}

/// the_period = "the" sp ["full" | "entire" | "whole" | "fiscal" | "current fiscal" | "latest fiscal"] sp
///              ("year" | "day" | "week" | "weekend" | "month")
///
/// The year, day or week under discussion. "the year ended June 30" is a
/// year long (a DURATION), as financial reports use it.
fn the_period(i: &str) -> R<'_, Expr> {
    let (i, _) = kw("the")(i)?;
    let (i, _) = sp(i)?;
    let (i, qual) = opt(alt((
        (kw("current"), sp, kw("fiscal"), sp).map(|_| 0),
        (kw("latest"), sp, kw("fiscal"), sp).map(|_| -1),
        (kw_any(&["full", "entire", "whole", "fiscal"]), sp).map(|_| 0),
    )))
    .parse(i)?;
    let (rest, k) = kw_any(&["year", "day", "week", "weekend", "month"])(i)?;
    // "the month of May" is May.
    if k == 4 && (sp, kw("of")).parse(rest).is_ok() {
        return fail(i);
    }
    // "the day of his death", "the year when the war ended": a time told
    // by a happening, which neither the reference time nor the document's
    // date gives.
    if defined_by_a_happening(rest) {
        return fail(i);
    }
    let reported = (sp, kw_any(&["ended", "ending", "through"]))
        .parse(rest)
        .is_ok();
    let e = match k {
        0 if reported => Expr::Duration {
            n: Amount::N(1),
            unit: Unit::Year,
        },
        0 => match qual {
            Some(off) => Expr::Year(YearSpec::Dct(off)),
            None => Expr::Anaphor {
                unit: Unit::Year,
                offset: 0,
            },
        },
        _ if qual.is_some() => return fail(i),
        1 => Expr::Anaphor {
            unit: Unit::Day,
            offset: 0,
        },
        2 => Expr::Anaphor {
            unit: Unit::Week,
            offset: 0,
        },
        3 => Expr::WeekendTense,
        _ => Expr::Anaphor {
            unit: Unit::Month,
            offset: 0,
        },
    };
    Ok((rest, e))
}

/// Whether `rest`, after "the day" or "the year", names the happening that
/// defines it: "of" + a determiner ("of his death", "of the attack") or
/// "when".
fn defined_by_a_happening(rest: &str) -> bool {
    let mut of_happening = (
        sp,
        kw("of"),
        sp,
        kw_any(&[
            "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
        ]),
    );
    let mut when = (sp, kw_any(&["when", "whereupon"]));
    of_happening.parse(rest).is_ok() || when.parse(rest).is_ok()
}

/// year_words = ("nineteen" | "eighteen") sp tens ["-" ones] | ["the year" sp] "two thousand" [["and"] sp ones]
fn year_words(i: &str) -> R<'_, Expr> {
    let century = |i| -> R<'_, i32> {
        let (i, c) = kw_any(&["nineteen", "eighteen"])(i)?;
        let (i, _) = sp(i)?;
        let (i, y) = number_words(i)?;
        if y < 10 {
            return fail(i);
        }
        Ok((i, [1900, 1800][c] + y as i32))
    };
    let thousand = |i| -> R<'_, i32> {
        let (i, _) = opt((kw("the"), sp, kw("year"), sp)).parse(i)?;
        let (i, _) = (kw("two"), sp, kw("thousand")).parse(i)?;
        let (i, y) = opt((sp, opt((kw("and"), sp)), number_words).map(|t| t.2)).parse(i)?;
        Ok((i, 2000 + y.unwrap_or(0) as i32))
    };
    let (i, y) = alt((century, thousand)).parse(i)?;
    // "two thousand years" is an amount
    if (sp, unit).parse(i).is_ok() {
        return fail(i);
    }
    Ok((i, Expr::Year(YearSpec::Abs(y))))
}

/// half = ["the" sp] ("first" | "second" | "last") sp "half" [sp "of" sp yearref]
fn half(i: &str) -> R<'_, Expr> {
    let (i, _) = opt((kw("the"), sp)).parse(i)?;
    let (i, k) = kw_any(&["first", "second", "last"])(i)?;
    let (i, _) = alt((sp, lit("-").map(|_| ()))).parse(i)?;
    let (i, _) = kw("half")(i)?;
    let (i, year) = opt((sp, kw("of"), sp, yearref).map(|t| t.3)).parse(i)?;
    Ok((
        i,
        Expr::Half {
            h: if k == 0 { 1 } else { 2 },
            year: year.unwrap_or(YearSpec::Infer),
        },
    ))
}

/// deictic = ["earlier" | "later" sp] ("this" | "last" | "next" | "the current" | "the coming"
///           | "this past") sp ("week" | "weekend" | "month" | "year" | "decade" | "century")
fn deictic(i: &str) -> R<'_, Expr> {
    let (i, _) = opt((kw_any(&["earlier", "later"]), sp)).parse(i)?;
    let (i, off) = alt((
        (kw("the"), sp, kw_any(&["current", "coming"])).map(|(_, _, k)| [0, 1][k]),
        rel_word.map(|r| match r {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        }),
    ))
    .parse(i)?;
    let (i, _) = sp(i)?;
    let (i, k) = kw_any(&["week", "weekend", "month", "year", "decade", "century"])(i)?;
    let e = match k {
        0 => Expr::Week(off),
        1 => Expr::Weekend(off),
        2 => Expr::MonthOffset(off),
        3 => Expr::Year(YearSpec::Dct(off)),
        4 => Expr::DecadeOffset(off),
        _ => Expr::CenturyOffset(off),
    };
    Ok((i, e))
}

/// pod = "morning" | "afternoon" | "evening" | "night"
fn pod(i: &str) -> R<'_, Pod> {
    let (r, k) = kw_any(&["morning", "afternoon", "evening", "night", "overnight"])(i)?;
    Ok((r, [Pod::Mo, Pod::Af, Pod::Ev, Pod::Ni, Pod::Ni][k]))
}

/// day = ["last" | "next" | "this"] weekday [sp pod] | ("today" | "yesterday" | "tomorrow") [sp pod]
///     | "tonight" | "last night" | "this" sp pod | ("earlier" | "later" | "early" | "late") sp "today"
///     | ("that" | "the next" | "the following" | "the previous") sp pod
fn day(i: &str) -> R<'_, Expr> {
    let (i, _) = opt((kw_any(&["earlier", "later"]), sp)).parse(i)?;
    let weekday_form = |i| -> R<'_, Day> {
        let (i, rel) = opt(alt((
            (rel_word, sp).map(|(r, _)| r),
            (
                kw("the"),
                sp,
                kw_any(&["previous", "preceding", "following", "next"]),
                sp,
            )
                .map(|(_, _, k, _)| [Rel::Last, Rel::Last, Rel::Next, Rel::Next][k]),
        )))
        .parse(i)?;
        let (i, d) = weekday(i)?;
        Ok((i, Day::Weekday(d, rel.unwrap_or(Rel::Tense))))
    };
    let deictic_form = |i| -> R<'_, Day> {
        // "the day before yesterday", "the day after tomorrow"
        if let Ok((r, (_, _, _, _, _, _, k))) = (
            kw("the"),
            sp,
            kw("day"),
            sp,
            kw_any(&["before", "after"]),
            sp,
            kw_any(&["yesterday", "tomorrow"]),
        )
            .parse(i)
        {
            return Ok((r, Day::Dct([-2, 2][k])));
        }
        let (r, k) = kw_any(&["today", "yesterday", "tomorrow"])(i)?;
        Ok((r, Day::Dct([0, -1, 1][k])))
    };
    let with_pod = |i| -> R<'_, Expr> {
        let (i, d) = alt((weekday_form, deictic_form)).parse(i)?;
        let (i, p) = opt((sp, pod).map(|t| t.1)).parse(i)?;
        Ok((i, Expr::Day { day: d, pod: p }))
    };
    let tonight = |i| -> R<'_, Expr> {
        let (i, off) = alt((
            kw("tonight").map(|_| 0),
            (kw("last"), sp, kw("night")).map(|_| -1),
        ))
        .parse(i)?;
        Ok((
            i,
            Expr::Day {
                day: Day::Dct(off),
                pod: Some(Pod::Ni),
            },
        ))
    };
    let this_pod = |i| -> R<'_, Expr> {
        let (i, _) = kw("this")(i)?;
        let (i, _) = sp(i)?;
        let (i, p) = pod(i)?;
        Ok((
            i,
            Expr::Day {
                day: Day::Dct(0),
                pod: Some(p),
            },
        ))
    };
    // "that night", "the next morning", "the previous evening"
    let anaphoric_pod = |i| -> R<'_, Expr> {
        let (i, k) = alt((
            kw("that").map(|_| 0),
            (
                kw("the"),
                sp,
                kw_any(&["next", "following", "previous", "preceding"]),
            )
                .map(|(_, _, k)| [1, 1, -1, -1][k]),
        ))
        .parse(i)?;
        let (i, _) = sp(i)?;
        let (i, p) = pod(i)?;
        Ok((
            i,
            Expr::Day {
                day: Day::FromReference(k),
                pod: Some(p),
            },
        ))
    };
    // "mid-afternoon", "mid morning yesterday": the reference day unless
    // a day follows.
    let mid_pod = |i| -> R<'_, Expr> {
        let (i, _) = kw("mid")(i)?;
        let (i, _) = alt((lit("-"), sp)).parse(i)?;
        let (i, k) = kw_any(&["morning", "afternoon"])(i)?;
        let (i, d) = opt((sp, deictic_form).map(|t| t.1)).parse(i)?;
        Ok((
            i,
            Expr::Day {
                day: d.unwrap_or(Day::Reference),
                pod: Some([Pod::Mo, Pod::Af][k]),
            },
        ))
    };
    alt((with_pod, tonight, this_pod, anaphoric_pod, mid_pod)).parse(i)
}

/// shift = amount sp unit sp ("ago" | "earlier" | "later" | "before" | "from now")
///       | ("year" | "month") "-" ("ago" | "earlier")
///       | "this time" sp ("last" | "next") sp ("year" | "month" | "week")
fn shift(i: &str) -> R<'_, Expr> {
    if let Ok((r, _)) = (kw("this"), sp, kw("time"), sp).parse(i) {
        let (r, (dir, _, (unit, _))) = (
            alt((kw("last").map(|_| -1), kw("next").map(|_| 1))),
            sp,
            super::lex::unit,
        )
            .parse(r)?;
        if !matches!(unit, Unit::Year | Unit::Month | Unit::Week) {
            return fail(i);
        }
        let n = Amount::N(1);
        let from_ref = false;
        return Ok((
            r,
            Expr::Shift {
                n,
                unit,
                dir,
                from_ref,
            },
        ));
    }
    let spelled = |i| -> R<'_, Expr> {
        let (i, n) = amount(i)?;
        let (i, _) = sp(i)?;
        let (i, (u, _)) = unit(i)?;
        // "an hour later" is a duration followed by a signal
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
            return fail(i);
        }
        // "a week or so ago"
        let (i, _) = opt((sp, kw("or"), sp, kw("so"))).parse(i)?;
        let (i, _) = sp(i)?;
        let (i, (dir, from_ref)) = alt((
            kw("ago").map(|_| (-1, false)),
            kw("earlier").map(|_| (-1, true)),
            kw("later").map(|_| (1, true)),
            (kw("from"), sp, kw("now")).map(|_| (1, false)),
            kw("hence").map(|_| (1, false)),
        ))
        .parse(i)?;
        Ok((
            i,
            Expr::Shift {
                n,
                unit: u,
                dir,
                from_ref,
            },
        ))
    };
    let hyphenated = |i| -> R<'_, Expr> {
        let (i, k) = alt((
            (kw("the"), sp, lit("year-")).map(|_| 0),
            lit("year-").map(|_| 0),
        ))
        .parse(i)?;
        let (i, _) = kw_any(&["ago", "earlier"])(i)?;
        let _ = k;
        Ok((
            i,
            Expr::Shift {
                n: Amount::N(1),
                unit: Unit::Year,
                dir: -1,
                from_ref: true,
            },
        ))
    };
    alt((spelled, hyphenated)).parse(i)
}

/// anaphor = ("the" sp ("next" | "following" | "previous" | "preceding" | "same")
///           | "that" [sp "same"]) sp ("day" | "week" | "month" | "year")
///         | "the day" sp ("before" | "after")
fn anaphor(i: &str) -> R<'_, Expr> {
    let (i, off) = alt((
        (
            kw("the"),
            sp,
            kw_any(&[
                "next",
                "following",
                "previous",
                "preceding",
                "same",
                "prior",
            ]),
        )
            .map(|(_, _, k)| [1, 1, -1, -1, 0, -1][k]),
        (kw("that"), opt((sp, kw("same")))).map(|_| 0),
        (kw("earlier"), sp, kw("that")).map(|_| 0),
    ))
    .parse(i)?;
    let (i, _) = sp(i)?;
    let (i, (u, plural)) = unit(i)?;
    if plural || !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
        return fail(i);
    }
    Ok((
        i,
        Expr::Anaphor {
            unit: u,
            offset: off,
        },
    ))
}

/// duration = ["the" sp] [("past" | "last" | "next" | "first" | "coming" | ...) sp] amount (sp | "-") unit
///          | ("the past" | "the last") sp unit        ("the past year" is a year long)
///          | ("several" | "recent" | "for") plural unit
fn duration(i: &str) -> R<'_, Expr> {
    let counted = |i| -> R<'_, Expr> {
        let (i, the) = opt((kw("the"), sp)).parse(i)?;
        let (i, lead) = opt((
            kw_any(&[
                "past",
                "last",
                "next",
                "first",
                "coming",
                "previous",
                "final",
                "remaining",
                "latest",
                "following",
                "preceding",
                "initial",
            ]),
            sp,
        ))
        .parse(i)?;
        let (i, n) = amount(i)?;
        if the.is_some() && lead.is_none() && n == Amount::N(1) {
            return fail(i); // "the a year" is not English; avoid "the one day"
        }
        let (i, sep) = alt((sp.map(|_| false), lit("-").map(|_| true))).parse(i)?;
        // "the 90-day truce": the article belongs to the noun.
        if sep && the.is_some() && lead.is_none() {
            return fail(i);
        }
        let (i, _) = opt((
            kw_any(&[
                "trading",
                "business",
                "working",
                "straight",
                "consecutive",
                "more",
                "additional",
                "full",
            ]),
            sp,
        ))
        .parse(i)?;
        let (i, (u, plural)) = unit(i)?;
        if sep && (plural || i.starts_with("-old") || i.starts_with("-olds")) {
            return fail(i);
        }
        // "a minute and a half"
        if let Amount::N(k) = n
            && let Ok((r, _)) = (sp, kw("and"), sp, kw("a"), sp, kw("half")).parse(i)
        {
            return Ok((
                r,
                Expr::Duration {
                    n: Amount::Half(k),
                    unit: u,
                },
            ));
        }
        Ok((i, Expr::Duration { n, unit: u }))
    };
    let past_unit = |i| -> R<'_, Expr> {
        let (i, _) = kw("the")(i)?;
        let (i, _) = sp(i)?;
        let (i, k) = kw_any(&["past", "last", "next", "coming"])(i)?;
        let (i, _) = sp(i)?;
        let (i, (u, plural)) = unit(i)?;
        let n = if plural { Amount::Fuzzy } else { Amount::N(1) };
        // "the past year" names the previous calendar year, as the corpora
        // annotate it.
        if !plural && u == Unit::Year {
            return Ok((i, Expr::Year(YearSpec::Dct(if k < 2 { -1 } else { 1 }))));
        }
        Ok((i, Expr::Duration { n, unit: u }))
    };
    // "recent years", "the coming weeks", "the weeks ahead"
    let fuzzy = |i| -> R<'_, Expr> {
        let plural_unit = |i| match unit(i)? {
            (r, (u, true)) => Ok((r, u)),
            _ => fail(i),
        };
        let (i, u) = alt((
            (
                opt((kw("the"), sp)),
                kw_any(&["recent", "coming", "ensuing"]),
                sp,
                plural_unit,
            )
                .map(|t| t.3),
            (kw("the"), sp, plural_unit, sp, kw("ahead")).map(|t| t.2),
        ))
        .parse(i)?;
        Ok((
            i,
            Expr::Duration {
                n: Amount::Fuzzy,
                unit: u,
            },
        ))
    };
    let bare_plural = |i| -> R<'_, Expr> {
        let (i, (u, plural)) = unit(i)?;
        if !plural || matches!(u, Unit::Second | Unit::Quarter) {
            return fail(i);
        }
        Ok((i, Expr::BarePlural(u)))
    };
    alt((counted, past_unit, fuzzy, bare_plural)).parse(i)
}

/// ampm = "a.m." | "p.m." | "am" | "pm"; returns 0 or 12.
fn ampm(i: &str) -> R<'_, u32> {
    alt((
        alt((lit("a.m."), kw("am").map(|_| ()), lit("a. m."))).map(|_| 0),
        alt((lit("p.m."), kw("pm").map(|_| ()), lit("p. m."))).map(|_| 12),
    ))
    .parse(i)
}

/// zone = "EST" | "EDT" | "GMT" | "UTC" | ... (kept in the span, not in the value)
fn zone(i: &str) -> R<'_, bool> {
    let (r, w) = alpha(i)?;
    const ZONES: [&str; 14] = [
        "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "ET", "PT", "CET",
        "BST",
    ];
    if ZONES.contains(&w) {
        Ok((r, w == "GMT" || w == "UTC"))
    } else {
        fail(i)
    }
}

/// clock = hh ":" mm [osp ampm] | hh osp ampm | "noon" | "midnight" | "midday"
fn clock(i: &str) -> R<'_, (u32, Option<u32>)> {
    let hm = |i| -> R<'_, (u32, Option<u32>)> {
        let (i, (h, n)) = number(i)?;
        if n > 2 {
            return fail(i);
        }
        let (i, _) = lit(":")(i)?;
        let (i, m) = digits(2)(i)?;
        let (i, ap) = opt((osp, ampm).map(|t| t.1)).parse(i)?;
        let h = to_24(h, ap).ok_or(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )))?;
        if m > 59 {
            return fail(i);
        }
        Ok((i, (h, Some(m))))
    };
    let h_only = |i| -> R<'_, (u32, Option<u32>)> {
        let (i, (h, n)) = number(i)?;
        if n > 2 {
            return fail(i);
        }
        let (i, _) = osp(i)?;
        let (i, ap) = ampm(i)?;
        match to_24(h, Some(ap)) {
            Some(h) => Ok((i, (h, Some(0)))),
            None => fail(i),
        }
    };
    let named = |i| -> R<'_, (u32, Option<u32>)> {
        let (r, k) = kw_any(&["noon", "midnight", "midday"])(i)?;
        Ok((r, [(12, Some(0)), (24, None), (12, Some(0))][k]))
    };
    // "1430 GMT": four digits are a clock only with a zone after them.
    let military = |i| -> R<'_, (u32, Option<u32>)> {
        let (r, (v, n)) = number(i)?;
        let (h, m) = (v / 100, v % 100);
        if n != 4 || h > 23 || m > 59 || (sp, zone).parse(r).is_err() {
            return fail(i);
        }
        Ok((r, (h, Some(m))))
    };
    alt((hm, h_only, named, military)).parse(i)
}

fn to_24(h: u32, ampm: Option<u32>) -> Option<u32> {
    match ampm {
        None => (h <= 24).then_some(h),
        Some(off) => match h {
            12 => Some(off),
            1..=11 => Some(h + off),
            _ => None,
        },
    }
}

/// time = clock [sp zone] [sp (weekday | "today" | "yesterday" | "tomorrow" | month_day)]
fn time(i: &str) -> R<'_, Expr> {
    let (i, (h, m)) = clock(i)?;
    let (i, utc) = opt((sp, zone).map(|t| t.1)).parse(i)?;
    let (i, day) = opt((sp, time_day).map(|t| t.1)).parse(i)?;
    Ok((
        i,
        Expr::Time {
            h,
            m,
            day: day.unwrap_or(Day::Reference),
            utc: utc.unwrap_or(false),
        },
    ))
}

/// The day after a clock time: "3 p.m. Friday", "noon yesterday".
fn time_day(i: &str) -> R<'_, Day> {
    alt((
        weekday.map(|d| Day::Weekday(d, Rel::Tense)),
        kw_any(&["today", "yesterday", "tomorrow"]).map(|k| Day::Dct([0, -1, 1][k])),
        |i| match month_day(i)? {
            (r, Expr::Date { y, m, d }) => Ok((r, Day::Date(y, m, d))),
            _ => fail(i),
        },
    ))
    .parse(i)
}

/// set = "daily" | "weekly" | "monthly" | "annually" | "yearly" | "quarterly" | "hourly"
///     | ("every" | "each" | "per") sp [amount sp] unit | "every" sp weekday
fn set(i: &str) -> R<'_, Expr> {
    let adverb = |i| -> R<'_, Expr> {
        let (r, k) = kw_any(&[
            "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly",
        ])(i)?;
        let u = [
            (1, Unit::Day),
            (1, Unit::Week),
            (1, Unit::Month),
            (1, Unit::Year),
            (1, Unit::Year),
            (1, Unit::Hour),
            (1, Unit::Day),
            (2, Unit::Week),
        ][k];
        Ok((r, Expr::Set(Some(u.0), u.1)))
    };
    let every = |i| -> R<'_, Expr> {
        let (i, _) = kw_any(&["every", "each", "per"])(i)?;
        let (i, _) = sp(i)?;
        if let Ok((r, d)) = weekday(i) {
            return Ok((r, Expr::SetWeekday(d)));
        }
        // "every summer", "each July"
        if let Ok((r, k)) = kw_any(&["spring", "summer", "fall", "autumn", "winter"])(i) {
            return Ok((r, Expr::SetSeason([0, 1, 2, 2, 3][k])));
        }
        if let Ok((r, m)) = month(i) {
            return Ok((r, Expr::SetMonth(m)));
        }
        let (i, n) = opt((amount, sp).map(|t| t.0)).parse(i)?;
        let (i, (u, _)) = unit(i)?;
        let n = match n {
            Some(Amount::N(n)) => Some(n),
            Some(_) => return fail(i),
            None => Some(1),
        };
        Ok((i, Expr::Set(n, u)))
    };
    alt((adverb, every)).parse(i)
}

/// reference = "now" | "right now" | "currently" | "current" | "recently" | "lately"
///           | "previously" | "formerly" | "soon" | "nowadays" | "the past" | "the future"
///           | "the near future" | "recent years" | "these days" | "at present"
fn reference(i: &str) -> R<'_, Expr> {
    let present = alt((
        phrase(&["right", "now"]),
        phrase(&["now"]),
        phrase(&["currently"]),
        phrase(&["current"]),
        phrase(&["nowadays"]),
        phrase(&["these", "days"]),
        phrase(&["at", "present"]),
        phrase(&["the", "present"]),
    ))
    .map(|_| RefKind::Present);
    let past = alt((
        phrase(&["recently"]),
        phrase(&["lately"]),
        phrase(&["the", "past"]),
        phrase(&["recent", "years"]),
        phrase(&["recent", "times"]),
        phrase(&["recent"]),
    ))
    .map(|_| RefKind::Past);
    let future = alt((
        phrase(&["a", "later", "date"]),
        phrase(&["a", "later", "time"]),
        phrase(&["the", "future"]),
        phrase(&["the", "near", "term"]),
        phrase(&["the", "long", "term"]),
        phrase(&["the", "longer", "term"]),
        phrase(&["the", "short", "term"]),
        phrase(&["the", "near", "future"]),
        phrase(&["the", "foreseeable", "future"]),
        phrase(&["the", "coming", "years"]),
        phrase(&["future"]),
    ))
    .map(|_| RefKind::Future);
    let (r, k) = alt((present, past, future)).parse(i)?;
    Ok((r, Expr::Refer(k)))
}

/// season = [rel sp | "the" sp] season_name [sp ["of" sp] year4]
fn season(i: &str) -> R<'_, Expr> {
    let (i, rel) = opt(alt((
        (rel_word, sp).map(|(r, _)| Some(r)),
        (kw("the"), sp).map(|_| None),
    )))
    .parse(i)?;
    let (i, k) = kw_any(&["spring", "summer", "fall", "autumn", "winter"])(i)?;
    let s = [0, 1, 2, 2, 3][k];
    let year_any = |i| match year_words(i) {
        Ok((r, Expr::Year(YearSpec::Abs(y)))) => Ok((r, y)),
        _ => year4(i),
    };
    let (i, y) = opt((sp, opt((kw("of"), sp)), year_any).map(|t| t.2)).parse(i)?;
    let rel = rel.flatten().unwrap_or(Rel::Tense);
    Ok((
        i,
        Expr::Season {
            s,
            year: y.map_or(YearSpec::Infer, YearSpec::Abs),
            rel,
        },
    ))
}

/// The holidays beyond the first alternatives of `holiday` (nom's `alt`
/// takes at most 21).
fn more_holidays(i: &str) -> R<'_, Holiday> {
    let apos = |i| alt((lit("'"), lit("\u{2019}"))).parse(i);
    let day = |i| (sp, kw("Day")).parse(i);
    alt((
        (kw("Boxing"), day).map(|_| Holiday::Fixed(12, 26)),
        (
            alt((kw("St."), kw("Saint"))),
            sp,
            kw("Patrick"),
            apos,
            lit("s"),
            day,
        )
            .map(|_| Holiday::Fixed(3, 17)),
        (kw("Bastille"), day).map(|_| Holiday::Fixed(7, 14)),
        (kw("Mother"), apos, lit("s"), day).map(|_| Holiday::Nth(5, 7, 2)),
        (kw("Father"), apos, lit("s"), day).map(|_| Holiday::Nth(6, 7, 3)),
        (kw("Presidents"), opt(apos), day).map(|_| Holiday::Nth(2, 1, 3)),
        (
            kw("Martin"),
            sp,
            kw("Luther"),
            sp,
            kw("King"),
            opt((sp, kw("Jr."))),
            day,
        )
            .map(|_| Holiday::Nth(1, 1, 3)),
        (kw("Columbus"), day).map(|_| Holiday::Nth(10, 1, 2)),
        (kw("Black"), sp, kw("Friday")).map(|_| Holiday::AfterThanksgiving(1)),
        (kw("Cyber"), sp, kw("Monday")).map(|_| Holiday::AfterThanksgiving(4)),
        (kw("Palm"), sp, kw("Sunday")).map(|_| Holiday::Easter(-7)),
        (kw("Ash"), sp, kw("Wednesday")).map(|_| Holiday::Easter(-46)),
        (kw("Pentecost")).map(|_| Holiday::Easter(49)),
        (kw("Inauguration"), day).map(|_| Holiday::Fixed(1, 20)),
        (alt((kw("Remembrance"), kw("Armistice"))), day).map(|_| Holiday::Fixed(11, 11)),
        (kw("Juneteenth")).map(|_| Holiday::Fixed(6, 19)),
        (kw("Groundhog"), day).map(|_| Holiday::Fixed(2, 2)),
        (kw("Earth"), day).map(|_| Holiday::Fixed(4, 22)),
        lunar_holiday.map(Holiday::Lunar),
    ))
    .parse(i)
}

/// lunar_holiday = "Rosh Hashanah" | "Yom Kippur" | ("Hanukkah" | "Chanukah")
///               | ("Passover" | "Pesach") | "Ramadan" | "Eid al-Fitr" | "Eid al-Adha" | "Eid"
///               | ("Chinese" | "Lunar") sp "New Year" | "Diwali" | "Deepavali"
fn lunar_holiday(i: &str) -> R<'_, Lunar> {
    // "Eid al-Fitr", "Eid-al-Adha", "Eid ul-Adha"
    let eid = |which: &'static str| {
        move |i| {
            (
                kw("Eid"),
                alt((sp, lit("-").map(|_| ()))),
                alt((kw("al"), kw("ul"), kw("el"))),
                alt((sp, lit("-").map(|_| ()))),
                kw(which),
            )
                .parse(i)
        }
    };
    alt((
        (kw("Rosh"), sp, alt((kw("Hashanah"), kw("Hashana")))).map(|_| Lunar::RoshHashanah),
        (kw("Yom"), sp, kw("Kippur")).map(|_| Lunar::YomKippur),
        alt((kw("Hanukkah"), kw("Hanukah"), kw("Chanukah"))).map(|_| Lunar::Hanukkah),
        alt((kw("Passover"), kw("Pesach"))).map(|_| Lunar::Passover),
        kw("Ramadan").map(|_| Lunar::Ramadan),
        eid("Adha").map(|_| Lunar::EidAlAdha),
        eid("Fitr").map(|_| Lunar::EidAlFitr),
        kw("Eid").map(|_| Lunar::EidAlFitr),
        (
            alt((kw("Chinese"), kw("Lunar"))),
            sp,
            kw("New"),
            sp,
            kw("Year"),
        )
            .map(|_| Lunar::ChineseNewYear),
        alt((kw("Diwali"), kw("Deepavali"))).map(|_| Lunar::Diwali),
    ))
    .parse(i)
}

/// holiday = "Christmas" ["Day" | "Eve"] | "New Year's" ("Day" | "Eve") | "Thanksgiving" ["Day"]
///         | "Independence Day" | "Halloween" | "Valentine's Day" | "Memorial Day" | "Labor Day"
///         | "Veterans Day" | "Easter" ["Sunday"] | "Good Friday" | "Election Day"
fn holiday(i: &str) -> R<'_, Expr> {
    let (i, _) = opt((kw("last"), sp)).parse(i)?;
    // Names, not "my mother's day job" or "a black Friday shirt"
    if !i.starts_with(|c: char| c.is_ascii_uppercase()) {
        return fail(i);
    }
    let apos = |i| alt((lit("'"), lit("\u{2019}"))).parse(i);
    let (i, h) = alt((
        (kw("Christmas"), sp, kw("Eve")).map(|_| Holiday::Fixed(12, 24)),
        (kw("Christmas"), opt((sp, kw("Day")))).map(|_| Holiday::Fixed(12, 25)),
        (kw("New"), sp, kw("Year"), apos, lit("s"), sp, kw("Eve")).map(|_| Holiday::Fixed(12, 31)),
        (kw("New"), sp, kw("Year"), apos, lit("s"), sp, kw("Day")).map(|_| Holiday::Fixed(1, 1)),
        (kw("Thanksgiving"), opt((sp, kw("Day")))).map(|_| Holiday::Thanksgiving),
        (kw("Independence"), sp, kw("Day")).map(|_| Holiday::Fixed(7, 4)),
        (kw("Halloween")).map(|_| Holiday::Fixed(10, 31)),
        (kw("Valentine"), apos, lit("s"), sp, kw("Day")).map(|_| Holiday::Fixed(2, 14)),
        (kw("Memorial"), sp, kw("Day")).map(|_| Holiday::MemorialDay),
        (kw("Labor"), sp, kw("Day")).map(|_| Holiday::LaborDay),
        (kw("Veterans"), opt(apos), sp, kw("Day")).map(|_| Holiday::Fixed(11, 11)),
        (kw("Easter"), opt((sp, kw("Sunday")))).map(|_| Holiday::Easter(0)),
        (kw("Good"), sp, kw("Friday")).map(|_| Holiday::Easter(-2)),
        (kw("Election"), sp, kw("Day")).map(|_| Holiday::ElectionDay),
        more_holidays,
    ))
    .parse(i)?;
    let (i, y) = opt((opt(lit(",")), sp, year4).map(|t| t.2)).parse(i)?;
    Ok((
        i,
        Expr::Holiday {
            h,
            year: y.map_or(YearSpec::Infer, YearSpec::Abs),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(&str, Parsed)> {
        expression(s).map(|(n, p)| (&s[..n], p))
    }

    #[test]
    fn spans_table() {
        let table = [
            ("December 2018 was", "December 2018"),
            ("Aug. 7, 1998, the", "Aug. 7, 1998"),
            ("the third quarter of 1989", "the third quarter of 1989"),
            ("third-quarter profit", "third-quarter"),
            ("more than two weeks ago", "more than two weeks ago"),
            ("early October", "early October"),
            ("the mid-1990s", "the mid-1990s"),
            ("10:35 a.m. Friday", "10:35 a.m. Friday"),
            ("five-year plan", "five-year"),
            ("Wednesday morning", "Wednesday morning"),
            ("two and a half months", "two and a half months"),
            ("the next day", "the next day"),
            ("recent years", "recent years"),
        ];
        for (input, want) in table {
            let got = parse(input).map(|(s, _)| s);
            assert_eq!(got, Some(want), "{input}");
        }
    }

    #[test]
    fn rejects_table() {
        for input in [
            "may be",
            // (a bare lowercase season parses; the scan's context check
            // rejects "prices fall": see `tag::tests::everyday_news_forms`)
            "55-year-old",
            "the one",
            "Jan said",
            "sat",
        ] {
            assert!(parse(input).is_none(), "{input} should not parse");
        }
    }
}
