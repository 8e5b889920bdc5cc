//! Which URLs the page may link to.

/// The URL if it is an absolute `http:` or `https:` URL without control
/// characters or whitespace, else `None`: a `javascript:`, `data:` or
/// relative URL from the input is never turned into a link.
pub(crate) fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host_ok = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '[');
    let clean = !url.chars().any(|c| c.is_control() || c.is_whitespace());
    (host_ok && clean).then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_linked() {
        let table = [
            (
                "https://example.com/a?b=1&c=2",
                Some("https://example.com/a?b=1&c=2"),
            ),
            ("http://example.com", Some("http://example.com")),
            ("  HTTPS://Example.com/x  ", Some("HTTPS://Example.com/x")),
            ("javascript:alert(1)", None),
            ("JaVaScRiPt:alert(1)", None),
            (" javascript:alert(1)", None),
            ("java\tscript:alert(1)", None),
            ("data:text/html,<script>alert(1)</script>", None),
            ("vbscript:msgbox", None),
            ("//evil.example/x", None),
            ("/relative", None),
            ("https://", None),
            ("https:///x", None),
            ("https://a.example/\u{0}x", None),
            ("https://a.example/ x", None),
            ("", None),
        ];
        for (input, want) in table {
            assert_eq!(safe_url(input).as_deref(), want, "{input:?}");
        }
    }
}
