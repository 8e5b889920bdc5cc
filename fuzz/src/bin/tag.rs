//! Fuzz target: `tag` on any UTF-8 text and anchor. It must not panic, its
//! spans must lie on char boundaries, in order and without overlap, and
//! every value must print as a TimeML value that parses back to itself.

use annals_parse::{Anchor, Value, tag};
use chrono::NaiveDate;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        // The first two bytes pick the anchor: any day of 1900 to 2079.
        let (head, rest) = data.split_at(data.len().min(2));
        let days = head.iter().fold(0u32, |acc, &b| acc * 256 + u32::from(b)) % 65_536;
        let Some(date) = NaiveDate::from_ymd_opt(1900, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(days))))
        else {
            return;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            return;
        };
        let mut last_end = 0;
        for t in tag(text, &Anchor::new(date)) {
            assert!(t.span.start < t.span.end, "empty span {:?}", t.span);
            assert!(t.span.start >= last_end, "overlap at {:?}", t.span);
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last_end = t.span.end;
            let printed = t.value.to_string();
            let back: Value = printed.parse().expect("a tagged value parses");
            assert_eq!(back, t.value);
        }
    });
}
