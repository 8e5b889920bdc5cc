//! Publication dates as metadata writes them: ISO 8601 dates and
//! date-times, RFC 2822 (feeds), compact `YYYYMMDD`, "September 25, 2019",
//! and dates in URL paths.

use chrono::NaiveDate;

/// The day a metadata value names, in the publisher's own time zone (the
/// date part of a date-time is kept as written).
///
/// ```text
/// 2019-09-25 | 2019-09-25T23:10:00-05:00 | 2019-09-25 10:00:00
/// 20190925 | Wed, 25 Sep 2019 10:00:00 GMT | September 25, 2019 | 25 Sep 2019
/// ```
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = s
        .get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    {
        return Some(d);
    }
    if let Some(d) = s
        .get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y/%m/%d").ok())
    {
        return Some(d);
    }
    if s.len() >= 8 && s.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..8], "%Y%m%d") {
            return Some(d);
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    // "Wed, 25 Sep 2019 …" with an odd zone: drop the weekday and read on.
    let words = s.split_once(", ").map_or(s, |(head, rest)| {
        if head.len() <= 9 && head.chars().all(char::is_alphabetic) {
            rest
        } else {
            s
        }
    });
    super::parse_full_date(words).map(|(d, _)| d)
}

/// A date in a URL path: `/2019/09/25/`, `/2019-09-25-`, `/20190925/`.
/// Only plausible days (years 1990–2099) count.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    let year = |p: &str| {
        (p.len() == 4)
            .then(|| p.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1990..2100).contains(y))
    };
    let small = |p: &str| {
        (1..=2)
            .contains(&p.len())
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    for (i, p) in parts.iter().enumerate() {
        if let Some(y) = year(p) {
            let (m, d) = (parts.get(i + 1), parts.get(i + 2));
            if let (Some(m), Some(d)) = (m.and_then(|m| small(m)), d.and_then(|d| small(d))) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(date);
                }
            }
        }
        if p.len() == 8 && p.bytes().all(|b| b.is_ascii_digit()) && year(&p[..4]).is_some() {
            if let Ok(date) = NaiveDate::parse_from_str(p, "%Y%m%d") {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn published_table() {
        for (input, want) in [
            ("2019-09-25", d(2019, 9, 25)),
            ("2019-09-25T23:10:00-05:00", d(2019, 9, 25)),
            ("2019-09-25 10:00:00", d(2019, 9, 25)),
            ("2019/09/25", d(2019, 9, 25)),
            ("20190925", d(2019, 9, 25)),
            ("Wed, 25 Sep 2019 10:00:00 GMT", d(2019, 9, 25)),
            ("Wed, 25 Sep 2019 10:00:00 EDT", d(2019, 9, 25)),
            ("September 25, 2019", d(2019, 9, 25)),
            ("25 September 2019", d(2019, 9, 25)),
            ("2019-13-01", None),
            ("yesterday", None),
            ("", None),
        ] {
            assert_eq!(parse_published(input), want, "{input}");
        }
    }

    #[test]
    fn url_dates_table() {
        for (input, want) in [
            ("https://news.example/2019/09/25/story-name", d(2019, 9, 25)),
            (
                "https://news.example/world/2019-09-25-story",
                d(2019, 9, 25),
            ),
            ("https://news.example/a/20190925/story", d(2019, 9, 25)),
            ("https://news.example/2019/11/story.html", None),
            ("https://news.example/story-608399", None),
            ("https://news.example/1066/10/14/x", None),
        ] {
            assert_eq!(date_in_url(input), want, "{input}");
        }
    }
}
