//! HTML articles: the text of the article element (or the body), with its
//! metadata from `<meta>` tags, by a small tolerant tag scanner.
//!
//! - Content: `<article>` when the page has one, else `<main>`, else
//!   `<body>`. Navigation and furniture elements (`script`, `style`,
//!   `nav`, `header`, `footer`, `aside`, `form`, `noscript`, `svg`,
//!   `button`, `iframe`, `template`) are dropped with their content.
//! - Block elements (`p`, `div`, headings, `li`, `br`, `blockquote`, ...)
//!   become paragraph breaks; other tags vanish; entities are decoded.
//! - Metadata: the headline from `og:title`, else `<h1>`, else `<title>`;
//!   the publication day from `article:published_time`, `datePublished`,
//!   `pubdate` or a `<time datetime>`; the outlet from `og:site_name`; the
//!   URL from `og:url` or `<link rel="canonical">`.

use chrono::NaiveDate;

use super::FrontMatter;

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button",
    "iframe", "template", "select", "figure", "menu", "dialog",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "body",
    "dd",
    "dt",
    "pre",
    "hr",
    "figcaption",
];

/// One tag: its lower-case name, whether it closes, and its raw attributes.
struct Tag<'a> {
    name: String,
    closing: bool,
    attrs: &'a str,
}

/// Splits `html` into text runs and tags. Comments and doctype vanish.
fn tokens(html: &str) -> Vec<Result<Tag<'_>, &str>> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if lt > 0 {
            out.push(Err(&rest[..lt]));
        }
        let after = &rest[lt..];
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            out.push(Err(after));
            rest = "";
            break;
        };
        let inner = &after[1..gt];
        rest = &after[gt + 1..];
        if inner.starts_with('!') || inner.starts_with('?') {
            continue;
        }
        let closing = inner.starts_with('/');
        let body = inner.trim_start_matches('/');
        let name_end = body
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(body.len());
        let name = body[..name_end].to_ascii_lowercase();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            out.push(Err(&after[..gt + 1]));
            continue;
        }
        out.push(Ok(Tag {
            name,
            closing,
            attrs: &body[name_end..],
        }));
    }
    if !rest.is_empty() {
        out.push(Err(rest));
    }
    out
}

/// The value of attribute `key` in a raw attribute string.
fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(key) {
        let at = from + p;
        from = at + key.len();
        let before_ok = at == 0
            || !lower.as_bytes()[at - 1].is_ascii_alphanumeric()
                && lower.as_bytes()[at - 1] != b'-';
        let rest = attrs[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let v = &value[1..];
                &v[..v.find(q).unwrap_or(v.len())]
            }
            _ => {
                &value[..value
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value.len())]
            }
        });
    }
    None
}

/// Decodes HTML character references: named ones news uses, decimal and hex.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "eacute" => 'é',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "agrave" => 'à',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "deg" => '°',
        "middot" => '·',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "thinsp" => ' ',
        "ensp" => ' ',
        "emsp" => ' ',
        _ => return None,
    })
}

/// A day from an ISO date or date-time: `2019-09-25T10:00:00Z` → 2019-09-25.
fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// The text and metadata of an HTML article.
pub fn html_to_text(html: &str) -> (FrontMatter, String) {
    let toks = tokens(html);
    let mut meta = FrontMatter::default();
    let (mut title_tag, mut h1) = (None::<String>, None::<String>);
    // Metadata pass.
    let mut capture: Option<(&str, String)> = None;
    for t in &toks {
        match t {
            Ok(tag) if !tag.closing && tag.name == "meta" => {
                let key = attr(tag.attrs, "property")
                    .or_else(|| attr(tag.attrs, "name"))
                    .or_else(|| attr(tag.attrs, "itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let content = attr(tag.attrs, "content").map(decode_entities);
                match (key.as_str(), content) {
                    ("og:title" | "twitter:title", Some(c)) if meta.title.is_none() => {
                        meta.title = Some(c.trim().to_owned())
                    }
                    ("og:site_name", Some(c)) => meta.source = Some(c.trim().to_owned()),
                    ("og:url", Some(c)) => meta.url = Some(c.trim().to_owned()),
                    (
                        "article:published_time"
                        | "datepublished"
                        | "pubdate"
                        | "date"
                        | "dc.date"
                        | "og:published_time",
                        Some(c),
                    ) if meta.published.is_none() => meta.published = day(&c),
                    _ => {}
                }
            }
            Ok(tag) if !tag.closing && tag.name == "link" => {
                if attr(tag.attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && meta.url.is_none()
                {
                    meta.url = attr(tag.attrs, "href").map(decode_entities);
                }
            }
            Ok(tag) if !tag.closing && tag.name == "time" && meta.published.is_none() => {
                meta.published = attr(tag.attrs, "datetime").and_then(day);
            }
            Ok(tag) if !tag.closing && matches!(tag.name.as_str(), "title" | "h1") => {
                capture = Some((
                    if tag.name == "title" { "title" } else { "h1" },
                    String::new(),
                ));
            }
            Ok(tag) if tag.closing && matches!(tag.name.as_str(), "title" | "h1") => {
                if let Some((which, text)) = capture.take() {
                    let text = decode_entities(
                        text.split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .as_str(),
                    );
                    if which == "title" {
                        title_tag.get_or_insert(text);
                    } else {
                        h1.get_or_insert(text);
                    }
                }
            }
            Err(text) => {
                if let Some((_, buf)) = capture.as_mut() {
                    buf.push_str(text);
                }
            }
            Ok(_) => {}
        }
    }
    meta.title = meta.title.or(h1).or(title_tag).filter(|t| !t.is_empty());
    // Content: the article element, else main, else body, else everything.
    let region = ["article", "main", "body"].iter().find_map(|el| {
        let start = toks
            .iter()
            .position(|t| matches!(t, Ok(tag) if !tag.closing && tag.name == *el))?;
        let end = toks
            .iter()
            .rposition(|t| matches!(t, Ok(tag) if tag.closing && tag.name == *el))
            .filter(|&e| e > start)
            .unwrap_or(toks.len());
        Some(start..end)
    });
    let region = region.unwrap_or(0..toks.len());
    let mut text = String::new();
    let mut dropped: Vec<String> = Vec::new();
    for t in &toks[region] {
        match t {
            Ok(tag) if DROPPED.contains(&tag.name.as_str()) => {
                if tag.closing {
                    if let Some(p) = dropped.iter().rposition(|d| *d == tag.name) {
                        dropped.truncate(p);
                    }
                } else if !tag.attrs.trim_end().ends_with('/') {
                    dropped.push(tag.name.clone());
                }
            }
            _ if !dropped.is_empty() => {}
            Ok(tag) if BLOCKS.contains(&tag.name.as_str()) => {
                if !text.ends_with("\n\n") && !text.is_empty() {
                    text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
                }
            }
            Ok(_) => {}
            Err(run) => {
                let run = decode_entities(run);
                let folded = run.split_whitespace().collect::<Vec<_>>().join(" ");
                if folded.is_empty() {
                    if !text.ends_with(['\n', ' ']) && !text.is_empty() && !run.is_empty() {
                        text.push(' ');
                    }
                    continue;
                }
                if run.starts_with(char::is_whitespace)
                    && !text.ends_with(['\n', ' '])
                    && !text.is_empty()
                {
                    text.push(' ');
                }
                text.push_str(&folded);
                if run.ends_with(char::is_whitespace) {
                    text.push(' ');
                }
            }
        }
    }
    let text = text.lines().map(str::trim).collect::<Vec<_>>().join("\n");
    (meta, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head>
<title>Putin meets Maduro | Example News</title>
<meta property="og:title" content="Putin meets Maduro &amp; talks aid">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2019-09-25T10:30:00Z">
<link rel="canonical" href="https://news.example/putin-maduro">
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h2>Breaking</h2></header>
<article>
<h1>Putin meets Maduro</h1>
<p>Russian President Vladimir Putin <b>received</b> Nicol&aacute;s Maduro in the Kremlin on Wednesday.</p>
<script>track("view");</script>
<figure><img src="a.jpg"><figcaption>Photo: agency</figcaption></figure>
<p>Maduro last visited Russia in December&nbsp;2018, officials said.</p>
<aside>Read more: other story</aside>
</article>
<footer>&copy; 2019 Example News</footer>
</body></html>"#;

    #[test]
    fn reads_the_article_and_its_metadata() {
        let (meta, text) = html_to_text(PAGE);
        assert_eq!(
            meta.title.as_deref(),
            Some("Putin meets Maduro & talks aid")
        );
        assert_eq!(meta.source.as_deref(), Some("Example News"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://news.example/putin-maduro")
        );
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2019, 9, 25));
        assert_eq!(
            text.trim(),
            "Putin meets Maduro\n\nRussian President Vladimir Putin received Nicolás Maduro in the Kremlin on Wednesday.\n\nMaduro last visited Russia in December 2018, officials said."
        );
    }

    #[test]
    fn entities_table() {
        for (input, want) in [
            ("a &amp; b", "a & b"),
            ("&#8220;x&#8221;", "“x”"),
            ("&#x2019;", "’"),
            ("AT&T", "AT&T"),
            ("&bogus; &", "&bogus; &"),
            ("&#0;", "&#0;"),
        ] {
            assert_eq!(decode_entities(input), want, "{input}");
        }
    }

    #[test]
    fn broken_markup_never_panics_and_keeps_text() {
        for input in [
            "<p>unclosed <b>bold",
            "a < b and c > d",
            "<",
            "<!-- never closed",
            "<p attr=\"x>y\">t</p>",
            "é<br/>ü",
        ] {
            let (_, text) = html_to_text(input);
            assert!(text.len() <= input.len() * 2, "{input}");
        }
        assert!(
            html_to_text("a < b and c > d").1.contains("a < b"),
            "a lone < is text"
        );
    }
}
