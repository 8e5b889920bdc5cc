//! The other end of a range whose first pass found one end. The TIMEX3
//! guidelines tag each end of a range as a timex of its own:
//!
//! ```text
//! year_range   = year4 dash (year4 | 2 digit)          "2009-2010", "1957-58"
//! day_range    = month_day dash day                     "Sept. 25-26"
//! amount_range = amount sp ("to" | "and" | "or") sp amount sp unit
//!                                                       "60 and 90 days", "two to three weeks"
//! dash         = [" "] ("-" | "–") [" "]
//! ```
//!
//! The grammar reads "2009" and "90 days"; this pass adds "2010" (a year
//! after a year, never before it), "26" (a later day of the same month)
//! and "60" (a smaller amount of the same unit).

use chrono::NaiveDate;

use super::Amount;
use super::lex::amount;
use super::words;
use crate::{DurationUnit, Precision, Timex, TimexType, Value};

/// Adds the second ends of the ranges in `out` (sorted, not overlapping),
/// keeping it sorted and free of overlaps.
pub(super) fn add_range_ends(text: &str, out: &mut Vec<Timex>) {
    let mut extra = Vec::new();
    for (k, t) in out.iter().enumerate() {
        let next = out.get(k + 1).map_or(text.len(), |n| n.span.start);
        let prev = k.checked_sub(1).map_or(0, |p| out[p].span.end);
        extra.extend(dash_end(text, t, next));
        extra.extend(smaller_amount(text, t, prev));
    }
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|t| t.span.start);
    }
}

/// The digits after a dash that follows `t`, within `text[..limit]`: their
/// span and value. Not part of a longer number, date or word ("2009-10-12",
/// "1,000", "1957-58th").
fn digits_after_dash(text: &str, t: &Timex, limit: usize) -> Option<(usize, usize, u32)> {
    let after = text.get(t.span.end..limit)?;
    let rest = after.strip_prefix(' ').unwrap_or(after);
    let rest = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('\u{2013}'))?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&n) {
        return None;
    }
    let tail = &rest[n..];
    let mut chars = tail.chars();
    let glued = match chars.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || matches!(c, '-' | '/' | '\u{2013}') => true,
        Some('.' | ',') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => false,
    };
    if glued {
        return None;
    }
    let start = t.span.end + (after.len() - rest.len());
    Some((start, start + n, rest[..n].parse().ok()?))
}

/// "2009-2010", "1957-58", "Sept. 25-26": the later end after a dash.
fn dash_end(text: &str, t: &Timex, limit: usize) -> Option<Timex> {
    // The cheap tests first: most timexes are followed by no dash.
    let (start, end, n) = digits_after_dash(text, t, limit)?;
    if t.kind != TimexType::Date || !text[t.span.clone()].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let p = t.value.point()?;
    let year = p.year()?;
    let value = match p.precision() {
        Precision::Year if end - start == 4 => {
            let y = i32::try_from(n).ok()?;
            (year < y && y <= year + 50).then(|| Value::year(y))?
        }
        Precision::Year if end - start == 2 => {
            let mut y = year - year.rem_euclid(100) + i32::try_from(n).ok()?;
            if y <= year {
                y += 100;
            }
            (y <= year + 50).then(|| Value::year(y))?
        }
        Precision::Day if p.time.is_none() && end - start <= 2 => {
            let (month, day) = (p.month?, p.day?);
            (n > day).then_some(())?;
            Value::day(NaiveDate::from_ymd_opt(year, month, n)?)
        }
        _ => return None,
    };
    Some(Timex {
        span: start..end,
        kind: TimexType::Date,
        value,
        modifier: None,
    })
}

/// "60 and 90 days", "two to three weeks": the smaller amount before a
/// counted duration, in the duration's unit.
fn smaller_amount(text: &str, t: &Timex, limit: usize) -> Option<Timex> {
    if t.kind != TimexType::Duration {
        return None;
    }
    // "... 60 and " before the duration (the cheap test first).
    let before = text.get(limit..t.span.start)?.strip_suffix(' ')?;
    let before = ["to", "and", "or"]
        .iter()
        .find_map(|w| strip_word_suffix(before, w))?
        .strip_suffix(' ')?;
    let d = t.value.duration()?;
    let [part] = d.parts.as_slice() else {
        return None;
    };
    let (_, Amount::N(shown)) = leading_amount(&text[t.span.clone()])? else {
        return None;
    };
    let total = part.amount?;
    if shown == 0 {
        return None;
    }
    let scale = total / f64::from(shown);
    if scale.fract() != 0.0 {
        return None;
    }
    let token_len = before
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    let start = limit + before.len() - token_len;
    let token = &text[start..limit + before.len()];
    if text[..start].ends_with(['$', ',', '.', '/']) {
        return None;
    }
    // "the next 12 to 18 months" is one span of uncertain length: a lead
    // word before the first amount binds the range into one expression.
    let lead = text[..start].trim_end();
    let lead = &lead[lead.len()
        - lead
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count()..];
    if words::class(lead.as_bytes()) & (words::WEAK | words::GLUE) != 0 {
        return None;
    }
    let (rest, Amount::N(first)) = leading_amount(token)? else {
        return None;
    };
    if !rest.is_empty() || first == 0 || first >= shown {
        return None;
    }
    let value = duration(f64::from(first) * scale, part.unit)?;
    Some(Timex {
        span: start..start + token.len(),
        kind: TimexType::Duration,
        value,
        modifier: None,
    })
}

/// The amount a duration's text opens with ("two" in "two weeks").
fn leading_amount(s: &str) -> Option<(&str, Amount)> {
    amount(s).ok()
}

/// `s` without its last word `w` (any case), if it ends with it.
fn strip_word_suffix<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(w.len())?;
    let (head, tail) = (s.get(..cut)?, s.get(cut..)?);
    (tail.eq_ignore_ascii_case(w) && !head.ends_with(|c: char| c.is_alphanumeric())).then_some(head)
}

/// `P{n}{unit}` (`PT` for hours, minutes and seconds).
fn duration(n: f64, unit: DurationUnit) -> Option<Value> {
    let (time, letter) = match unit {
        DurationUnit::Millennium => (false, 'L'),
        DurationUnit::Century => (false, 'C'),
        DurationUnit::Decade => (false, 'E'),
        DurationUnit::Year => (false, 'Y'),
        DurationUnit::Quarter => (false, 'Q'),
        DurationUnit::Month => (false, 'M'),
        DurationUnit::Week => (false, 'W'),
        DurationUnit::Day => (false, 'D'),
        DurationUnit::Hour => (true, 'H'),
        DurationUnit::Minute => (true, 'M'),
        DurationUnit::Second => (true, 'S'),
    };
    let t = if time { "T" } else { "" };
    format!("P{t}{n}{letter}").parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::{Anchor, tag};
    use chrono::NaiveDate;

    fn found(text: &str) -> Vec<(String, String)> {
        let anchor = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).expect("a day"));
        tag(text, &anchor)
            .into_iter()
            .map(|t| (text[t.span].to_owned(), t.value.to_string()))
            .collect()
    }

    #[test]
    fn both_ends_of_a_range() {
        let table: [(&str, &[(&str, &str)]); 10] = [
            (
                "Sales rose in 2009-2010.",
                &[("2009", "2009"), ("2010", "2010")],
            ),
            (
                "He served in 1957-58 only.",
                &[("1957", "1957"), ("58", "1958")],
            ),
            ("In 1999–00 it fell.", &[("1999", "1999"), ("00", "2000")]),
            (
                "The talks are set for Sept. 25-26 in Geneva.",
                &[("Sept. 25", "2019-09-25"), ("26", "2019-09-26")],
            ),
            (
                "It will take two to three weeks.",
                &[("two", "P2W"), ("three weeks", "P3W")],
            ),
            (
                "Payment is due in 60 or 90 days.",
                &[("60", "P60D"), ("90 days", "P90D")],
            ),
            (
                "It lasts two or three decades.",
                &[("two", "P20Y"), ("three decades", "P30Y")],
            ),
            // Not ranges: a date, a number before a larger one that is not
            // an amount of it, a range bound by a lead word.
            ("On 2009-10-12 it fell.", &[("2009-10-12", "2009-10-12")]),
            ("Between 1,000 and 90 days passed.", &[("90 days", "P90D")]),
            (
                "In the next 12 to 18 months it grows.",
                &[("18 months", "P18M")],
            ),
        ];
        for (text, want) in table {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(s, v)| ((*s).to_owned(), (*v).to_owned()))
                .collect();
            assert_eq!(found(text), want, "{text}");
        }
    }
}
