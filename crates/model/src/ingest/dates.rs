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
    if s.len() >= 8
        && s.as_bytes()[..8].iter().all(u8::is_ascii_digit)
        && let Ok(d) = NaiveDate::parse_from_str(&s[..8], "%Y%m%d")
    {
        return Some(d);
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

/// A month written as a word in a URL (`nov`, `november`).
fn month_name(p: &str) -> Option<u32> {
    let p = p.to_ascii_lowercase();
    if p.len() < 3 || !p.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    super::MONTHS
        .iter()
        .position(|m| m.starts_with(&p) && (p.len() == 3 || p.len() == m.len()))
        .map(|m| m as u32 + 1)
}

/// A date in a URL path: `/2019/09/25/`, `/2019-09-25-`, `/20190925/`,
/// `/2019/nov/18/`.
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
            if let (Some(m), Some(d)) = (
                m.and_then(|m| small(m).or_else(|| month_name(m))),
                d.and_then(|d| small(d)),
            ) && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                return Some(date);
            }
        }
        if p.len() == 8
            && p.bytes().all(|b| b.is_ascii_digit())
            && year(&p[..4]).is_some()
            && let Ok(date) = NaiveDate::parse_from_str(p, "%Y%m%d")
        {
            return Some(date);
        }
    }
    None
}

/// Keys under which pages keep a publication date outside meta tags: in
/// JSON that is not JSON-LD, in hidden form fields, in data attributes.
const RAW_KEYS: &[&str] = &[
    "datePublished",
    "published_date",
    "publish_date",
    "publishDate",
    "date_published",
    "publishedDate",
    "dateCreated",
];

/// A date stored under a well-known key anywhere in the raw markup:
/// `"datePublished":"2019-11-18T10:15:00Z"`, `name="published_date"
/// value="2019-11-18 23:41:18"`. The value must start within 40 bytes of
/// the key.
pub(crate) fn date_in_markup(html: &str) -> Option<NaiveDate> {
    for key in RAW_KEYS {
        let mut from = 0;
        while let Some(p) = html[from..].find(key) {
            let after = from + p + key.len();
            from = after;
            let window_end = (after + 40..=after + 44)
                .find(|&e| html.is_char_boundary(e.min(html.len())))
                .map_or(html.len(), |e| e.min(html.len()));
            let window = &html[after..window_end];
            let value_at = window
                .char_indices()
                .find(|&(i, c)| {
                    c.is_ascii_digit() && window[..i].ends_with(['"', '\'', '=', ':', ' '])
                })
                .map(|(i, _)| i);
            if let Some(date) = value_at.and_then(|i| {
                parse_published(
                    &html[after + i..window_end.max(after + i)]
                        .chars()
                        .take(30)
                        .collect::<String>(),
                )
            }) {
                return Some(date);
            }
        }
    }
    None
}

/// The first full date written out in a short text ("Posted Nov. 19,
/// 2019 at 10:00", "19 November 2019", "2019-11-19").
pub(crate) fn date_in_text(text: &str) -> Option<NaiveDate> {
    let starts = std::iter::once(0).chain(
        text.char_indices()
            .filter(|&(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8()),
    );
    for at in starts {
        if let Some((date, _)) = super::parse_full_date(&text[at..]) {
            return Some(date);
        }
        let numeric = text[at..].get(..10).and_then(|w| {
            ["%Y/%m/%d", "%Y.%m.%d"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(w, f).ok())
        });
        if numeric.is_some() {
            return numeric;
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
    fn markup_dates_table() {
        for (input, want) in [
            (
                r#"{"datePublished":"2019-11-18T10:15:00+00:00"}"#,
                d(2019, 11, 18),
            ),
            (
                r#"<input name="published_date" type="hidden" value="2019-11-18 23:41:18">"#,
                d(2019, 11, 18),
            ),
            (
                r#"{"published_date":"","datePublished":"2019-11-18"}"#,
                d(2019, 11, 18),
            ),
            (r#"{"publishDate": null}"#, None),
        ] {
            assert_eq!(date_in_markup(input), want, "{input}");
        }
    }

    #[test]
    fn text_dates_table() {
        for (input, want) in [
            ("By A. Writer | Nov. 19, 2019 at 10:00 am", d(2019, 11, 19)),
            ("Updated 19 November 2019", d(2019, 11, 19)),
            ("2019-11-19 · 3 min read", d(2019, 11, 19)),
            ("입력 2018.09.28 10:00", d(2018, 9, 28)),
            ("Posted 2018/09/28", d(2018, 9, 28)),
            ("3 min read", None),
        ] {
            assert_eq!(date_in_text(input), want, "{input}");
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
            ("https://news.example/2019/nov/18/story", d(2019, 11, 18)),
            ("https://news.example/2019/may/story", None),
            ("https://news.example/story-608399", None),
            ("https://news.example/1066/10/14/x", None),
        ] {
            assert_eq!(date_in_url(input), want, "{input}");
        }
    }
}
