//! Properties of the tagger and the value type (proptest):
//! `tag` never panics on arbitrary UTF-8, its spans lie on char boundaries
//! inside the text, in order and without overlap, and every value it
//! prints parses back to itself.

use annals_parse::{Anchor, Value, tag};
use chrono::NaiveDate;
use proptest::prelude::*;

/// Words that drive the grammar deep: temporal vocabulary, numbers,
/// punctuation and a few non-ASCII characters next to them.
const VOCAB: &[&str] = &[
    "the",
    "last",
    "next",
    "this",
    "past",
    "a",
    "an",
    "two",
    "twenty-one",
    "and",
    "half",
    "of",
    "year",
    "years",
    "month",
    "week",
    "weekend",
    "day",
    "quarter",
    "third-quarter",
    "decade",
    "century",
    "ago",
    "earlier",
    "later",
    "early",
    "late",
    "mid-",
    "about",
    "more",
    "than",
    "less",
    "at",
    "least",
    "December",
    "Sept.",
    "May",
    "Wednesday",
    "morning",
    "night",
    "today",
    "yesterday",
    "now",
    "recent",
    "future",
    "every",
    "Tuesday",
    "annually",
    "fiscal",
    "1998",
    "1990s",
    "'90s",
    "25",
    "21st",
    "9/25/2019",
    "2019-09-25",
    "10:35",
    "a.m.",
    "p.m.",
    "UTC",
    "noon",
    "summer",
    "Christmas",
    "Day",
    "nineteen",
    "ninety-six",
    "same",
    "that",
    "following",
    ",",
    ".",
    "-",
    "’",
    "é",
    "日本",
    "\u{a0}",
    "\n",
    "\n\n",
    "$",
    "%",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(VOCAB),
            prop::sample::select(&[" ", "", "  ", "-"][..]),
        ),
        0..40,
    )
    .prop_map(|ws| ws.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn anchor() -> impl Strategy<Value = Anchor> {
    (1900i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| Anchor::new(NaiveDate::from_ymd_opt(y, m, d).expect("valid day")))
}

fn check(text: &str, anchor: &Anchor) -> Result<(), TestCaseError> {
    let found = tag(text, anchor);
    let mut last_end = 0;
    for t in &found {
        prop_assert!(t.span.start < t.span.end, "empty span {:?}", t.span);
        prop_assert!(t.span.end <= text.len());
        prop_assert!(
            t.span.start >= last_end,
            "overlap or disorder at {:?}",
            t.span
        );
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        let printed = t.value.to_string();
        let back: Value = printed
            .parse()
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(back.to_string(), printed);
        last_end = t.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_a11a), ..proptest::prelude::ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC*", a in anchor()) {
        check(&text, &a)?;
    }

    #[test]
    fn never_panics_on_temporal_soup(text in soup(), a in anchor()) {
        check(&text, &a)?;
    }

    #[test]
    fn day_month_year_values_round_trip(y in 0i32..=9999, m in 1u32..=12, d in 1u32..=28) {
        for v in [
            Value::day(NaiveDate::from_ymd_opt(y, m, d).expect("valid day")),
            Value::month(y, m),
            Value::year(y),
            Value::week(y, d),
            Value::quarter(y, (m - 1) / 3 + 1),
            Value::half(y, (m - 1) / 6 + 1),
        ] {
            let back: Value = v.as_str().parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert_eq!(back, v);
        }
    }

    #[test]
    fn parsed_values_print_back(s in "[0-9PTXYMWDHQSEC_REFUAOIN:.+-]{1,16}") {
        if let Ok(v) = s.parse::<Value>() {
            prop_assert_eq!(v.to_string(), s);
            let _ = (v.precision(), v.bounds());
        }
    }
}
