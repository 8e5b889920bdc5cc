//! Inputs at the edges of the tagger, kept as named tests: the crashes the
//! fuzzers (`fuzz/`) find go here, each with the invariant it broke, next
//! to edge cases of the newer passes (range ends, lunar holidays) that
//! the fuzzers were pointed at. Every input must tag without panicking,
//! with spans on char boundaries, in order, and values that parse back.

use annals_parse::{Anchor, Value, sentences, tag};
use chrono::NaiveDate;

fn well_formed(text: &str, anchor: (i32, u32, u32)) -> Vec<(String, String)> {
    let date = NaiveDate::from_ymd_opt(anchor.0, anchor.1, anchor.2).expect("a day");
    let mut last = 0;
    let mut out = Vec::new();
    for t in tag(text, &Anchor::new(date)) {
        assert!(
            t.span.start >= last && t.span.start < t.span.end,
            "{text:?}"
        );
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        let back: Value = t.value.to_string().parse().expect("a TimeML value");
        assert_eq!(back, t.value);
        last = t.span.end;
        out.push((text[t.span].to_owned(), t.value.to_string()));
    }
    for s in sentences(text) {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    out
}

#[test]
fn range_ends_at_the_end_of_the_text() {
    for text in [
        "in 2009-",
        "in 2009–",
        "in 2009 - ",
        "Sept. 25-",
        "two to",
        "and 90 days",
    ] {
        well_formed(text, (2019, 9, 25));
    }
}

#[test]
fn range_ends_next_to_multibyte_text() {
    for text in [
        "in 2009-é",
        "in 2009–2010é",
        "2009–20—",
        "Sept. 25-26’s",
        "ünd 60 and 90 days",
    ] {
        well_formed(text, (2019, 9, 25));
    }
}

#[test]
fn range_ends_that_are_no_dates() {
    let table: [(&str, &[(&str, &str)]); 4] = [
        ("Dec. 31-32 was odd.", &[("Dec. 31", "2018-12-31")]),
        ("In 1990-1890 nothing.", &[("1990", "1990")]),
        ("In 9999-99 nothing.", &[]),
        ("In 2009-2010-2011 it rose.", &[("2009", "2009")]),
    ];
    for (text, want) in table {
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, v)| ((*s).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(well_formed(text, (2019, 9, 25)), want, "{text}");
    }
}

#[test]
fn lunar_holidays_near_the_ends_of_the_calendar() {
    for anchor in [(1, 1, 1), (999, 12, 31), (3000, 12, 31), (9999, 12, 31)] {
        well_formed(
            "Ramadan, Eid al-Adha, Diwali, Chinese New Year, Passover and Hanukkah.",
            anchor,
        );
        well_formed("Eid al-", anchor);
        well_formed("the turn of the century, this time last year", anchor);
    }
}
