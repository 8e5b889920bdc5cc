//! The tagger: finds temporal expressions and resolves their values.
//!
//! First cut: "Month YYYY" only. The full grammar replaces this.

use crate::{Anchor, Timex, TimexType, Value};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Finds the temporal expressions of `text`, resolved against `anchor`.
///
/// Returns them in text order, never overlapping.
pub fn tag(text: &str, anchor: &Anchor) -> Vec<Timex> {
    let _ = anchor;
    let mut out = Vec::new();
    let words: Vec<(usize, &str)> = text
        .split_inclusive(|c: char| !c.is_alphanumeric())
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len();
            Some((start, w.trim_end_matches(|c: char| !c.is_alphanumeric())))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let [(s, month), (ys, year)] = pair else {
            continue;
        };
        let Some(m) = MONTHS.iter().position(|n| n.eq_ignore_ascii_case(month)) else {
            continue;
        };
        if year.len() == 4
            && let Ok(y) = year.parse::<i32>()
        {
            out.push(Timex {
                span: *s..ys + year.len(),
                kind: TimexType::Date,
                value: Value::month(y, m as u32 + 1),
                modifier: None,
            });
        }
    }
    out
}
