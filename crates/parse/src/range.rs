//! Ranges: two dates that the text joins into one span.
//!
//! TimeML tags "from 2005 to 2013" as two timexes; an event dated by the
//! first lasts until the second. The grammar, over the text between (and
//! just before) two adjacent timexes `A` and `B`:
//!
//! ```text
//! range := "from" A ("to" | "until" | "till" | "through") B
//!        | "between" A "and" B
//!        | A ("-" | "–" | "—") B          (nothing else between them)
//! ```
//!
//! `B` must end after `A` ends and not start before `A` starts: "from
//! 2013 to 2005" is no range.

use crate::{Timex, Value};

/// The end of the range that `start` opens, when `next` (the following
/// timex in `text`) closes it, or when a year is followed by a dash and a
/// later year that the tagger leaves out ("2009-2010").
pub(crate) fn range_end(text: &str, start: &Timex, next: Option<&Timex>) -> Option<Value> {
    match next {
        Some(next) => range_to(text, start, next).or_else(|| year_dash_year(text, start)),
        None => year_dash_year(text, start),
    }
}

/// `A-B` where `A` is a year timex and `B` four digits right after the
/// dash: a later year.
fn year_dash_year(text: &str, start: &Timex) -> Option<Value> {
    if start.value.precision() != Some(crate::Precision::Year) {
        return None;
    }
    let rest = text.get(start.span.end..)?;
    let rest = rest.strip_prefix(['-', '–', '—'])?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    let (_, last) = start.value.bounds()?;
    let end = chrono::NaiveDate::from_ymd_opt(year, 1, 1)?;
    (end > last).then(|| Value::year(year))
}

/// The range `start` to `next` when the words around them make one.
fn range_to(text: &str, start: &Timex, next: &Timex) -> Option<Value> {
    let gap = text.get(start.span.end..next.span.start)?;
    let before = text.get(..start.span.start)?;
    if !joins(before, gap) {
        return None;
    }
    let (a_first, a_last) = start.value.bounds()?;
    let (b_first, b_last) = next.value.bounds()?;
    (b_first >= a_first && b_last > a_last).then(|| next.value.clone())
}

/// True when `gap` (between the two dates) and the word before the first
/// date make them a range.
fn joins(before: &str, gap: &str) -> bool {
    let gap = gap.trim();
    if matches!(gap, "-" | "–" | "—") {
        return true;
    }
    let opener = before
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .to_lowercase();
    let gap = gap.to_lowercase();
    match opener.as_str() {
        "from" => matches!(gap.as_str(), "to" | "until" | "till" | "through"),
        "between" => gap == "and",
        _ => false,
    }
}

#[cfg(test)]
#[cfg(feature = "tagger")]
mod tests {
    use super::*;
    use crate::{Anchor, tag};
    use chrono::NaiveDate;

    /// The range end of the first timex of `text`, as TimeML spells it.
    fn end_of_first(text: &str) -> Option<String> {
        let anchor = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
        let timexes = tag(text, &anchor);
        range_end(text, timexes.first()?, timexes.get(1)).map(|v| v.to_string())
    }

    #[test]
    fn ranges_from_the_words_between_two_dates() {
        let table: &[(&str, Option<&str>)] = &[
            ("It signed contracts from 2005 to 2013.", Some("2013")),
            ("Talks ran between May and July.", Some("2019-07")),
            ("Output fell in 2009-2010.", Some("2010")),
            ("Output fell in 2009–2010.", Some("2010")),
            ("Output fell in 2010-2009.", None),
            // The tagger reads "2009-10" as two years, so it is a range too.
            ("Output fell in 2009-10.", Some("2010")),
            ("It was built from March until June.", Some("2019-06")),
            ("It happened in 2005 and in 2013.", None),
            ("It rose in 2005, and fell in 2013.", None),
            ("Between 2005 and 2013 it grew.", Some("2013")),
            ("from 2013 to 2005", None),
            ("He came in May and left in July.", None),
        ];
        for (text, want) in table {
            assert_eq!(end_of_first(text).as_deref(), *want, "{text}");
        }
    }
}
