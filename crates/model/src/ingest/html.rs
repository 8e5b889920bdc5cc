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

/// What the markup says about a page, before the readable text is chosen.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    /// Headline from `og:title` or `twitter:title`.
    pub(crate) og_title: Option<String>,
    /// The first `<h1>`.
    pub(crate) h1: Option<String>,
    /// The `<title>` element.
    pub(crate) title_tag: Option<String>,
    /// Outlet from `og:site_name`.
    pub(crate) source: Option<String>,
    /// `og:url`, else `<link rel="canonical">`.
    pub(crate) url: Option<String>,
    /// Publication day from a date meta tag.
    pub(crate) published: Option<NaiveDate>,
    /// The first `<time datetime>` (less sure than a meta tag).
    pub(crate) time_element: Option<NaiveDate>,
    /// A date written in an element whose class or id says it holds one
    /// (`date`, `time`, `publish`, `posted`, `byline`): the last resort.
    pub(crate) date_text: Option<NaiveDate>,
    /// `author` or `article:author` (when not a link).
    pub(crate) author: Option<String>,
    /// `<meta name="generator">`: tells annals' own pages apart.
    pub(crate) generator: Option<String>,
}

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "og:published_time",
    "sailthru.date",
    "parsely-pub-date",
];

impl PageMeta {
    fn meta_tag(&mut self, attrs: &str) {
        let key = attr(attrs, "property")
            .or_else(|| attr(attrs, "name"))
            .or_else(|| attr(attrs, "itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let Some(content) = attr(attrs, "content").map(|c| decode_entities(c).trim().to_owned())
        else {
            return;
        };
        if content.is_empty() {
            return;
        }
        match key.as_str() {
            "og:title" | "twitter:title" => set_once(&mut self.og_title, content),
            "og:site_name" => set_once(&mut self.source, content),
            "og:url" => set_once(&mut self.url, content),
            "author" | "article:author" | "byline" | "dc.creator" if !content.contains("://") => {
                set_once(&mut self.author, content)
            }
            "generator" => set_once(&mut self.generator, content),
            k if DATE_KEYS.contains(&k) && self.published.is_none() => {
                self.published = super::dates::parse_published(&content);
            }
            _ => {}
        }
    }
}

fn set_once(slot: &mut Option<String>, value: String) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// Folds the whitespace of an element's text and decodes its entities.
fn folded(text: &str) -> String {
    decode_entities(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The metadata pass: meta and link tags, `<time>`, `<title>`, `<h1>`.
fn scan_meta(toks: &[Result<Tag<'_>, &str>]) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut capture: Option<(bool, String)> = None;
    let mut date_capture: Option<String> = None;
    for t in toks {
        if meta.date_text.is_none() {
            date_text_step(t, &mut date_capture, &mut meta.date_text);
        }
        match t {
            Ok(tag) if !tag.closing && tag.name == "meta" => meta.meta_tag(tag.attrs),
            Ok(tag) if !tag.closing && tag.name == "link" => {
                if attr(tag.attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(href) = attr(tag.attrs, "href")
                {
                    set_once(&mut meta.url, decode_entities(href).trim().to_owned());
                }
            }
            Ok(tag) if !tag.closing && tag.name == "time" && meta.time_element.is_none() => {
                meta.time_element = attr(tag.attrs, "datetime")
                    .and_then(|d| super::dates::parse_published(&decode_entities(d)));
            }
            Ok(tag) if matches!(tag.name.as_str(), "title" | "h1") => {
                let is_title = tag.name == "title";
                if !tag.closing {
                    capture = Some((is_title, String::new()));
                } else if let Some((was_title, text)) = capture.take() {
                    let slot = if was_title {
                        &mut meta.title_tag
                    } else {
                        &mut meta.h1
                    };
                    let text = folded(&text);
                    if !text.is_empty() {
                        set_once(slot, text);
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
    meta
}

/// Class or id fragments of elements that hold a page's date.
const DATE_CLASSES: &[&str] = &["date", "time", "publish", "posted", "byline", "dateline"];

/// Follows the text of the first elements marked as holding a date until
/// one yields a full date (or 200 bytes pass without one).
fn date_text_step(
    t: &Result<Tag<'_>, &str>,
    capture: &mut Option<String>,
    found: &mut Option<NaiveDate>,
) {
    match t {
        Ok(tag) if !tag.closing && capture.is_none() => {
            let marked = ["class", "id"].iter().any(|k| {
                attr(tag.attrs, k).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    DATE_CLASSES.iter().any(|c| v.contains(c))
                })
            });
            if marked && !DROPPED.contains(&tag.name.as_str()) {
                *capture = Some(String::new());
            }
        }
        Err(text) => {
            if let Some(buf) = capture.as_mut() {
                buf.push_str(&decode_entities(text));
                buf.push(' ');
                if let Some(date) = super::dates::date_in_text(&folded(buf)) {
                    *found = Some(date);
                    *capture = None;
                } else if buf.len() > 200 {
                    *capture = None;
                }
            }
        }
        _ => {}
    }
}

/// The text of `<article>`, else `<main>`, else `<body>`, by the tag
/// scanner: the fallback when the readability pass finds no article.
fn scan_body(toks: &[Result<Tag<'_>, &str>]) -> String {
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
            Err(run) => push_run(&mut text, run),
        }
    }
    text.lines().map(str::trim).collect::<Vec<_>>().join("\n")
}

/// Appends a run of text, its whitespace folded, keeping one space where
/// the markup had some between runs.
fn push_run(text: &mut String, run: &str) {
    let run = decode_entities(run);
    let folded = run.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        if !text.ends_with(['\n', ' ']) && !text.is_empty() && !run.is_empty() {
            text.push(' ');
        }
        return;
    }
    if run.starts_with(char::is_whitespace) && !text.ends_with(['\n', ' ']) && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(&folded);
    if run.ends_with(char::is_whitespace) {
        text.push(' ');
    }
}

/// The text of an HTML fragment (a feed item's content): every element's
/// text, paragraphs kept, scripts and furniture dropped.
pub(crate) fn fragment_text(html: &str) -> String {
    let toks = tokens(html);
    scan_body(&toks)
}

/// A page's metadata and readable text, without choosing a headline yet:
/// see [`html_to_text`].
pub(crate) fn read_page(html: &str) -> (PageMeta, String, super::readable::Found) {
    let toks = tokens(html);
    let meta = scan_meta(&toks);
    let found = super::readable::extract(html);
    let text = match &found.text {
        Some(text) if !text.trim().is_empty() => text.clone(),
        _ => scan_body(&toks),
    };
    (meta, text, found)
}

/// The headline, date, outlet, URL and author of a page, first found
/// wins: see [`html_to_text`].
pub(crate) fn front_matter(
    html: &str,
    meta: PageMeta,
    found: super::readable::Found,
) -> FrontMatter {
    let url = meta.url.or(found.url);
    let published = meta
        .published
        .or(found.published)
        .or(meta.time_element)
        .or_else(|| super::dates::date_in_markup(html))
        .or_else(|| url.as_deref().and_then(super::dates::date_in_url))
        .or(meta.date_text);
    FrontMatter {
        title: meta
            .og_title
            .or(found.title)
            .or(meta.h1)
            .or(meta.title_tag)
            .filter(|t| !t.is_empty()),
        source: meta.source.or(found.source),
        url,
        published,
        author: found.author.or(meta.author),
    }
}

/// The text and metadata of an HTML article.
///
/// The text is what a readability pass (the `dom_smoothie` crate, a port
/// of Mozilla's Readability) takes as the article; when it finds none, the
/// text of `<article>`, `<main>` or `<body>` without furniture elements.
/// Metadata, first found wins: the headline from `og:title`, JSON-LD
/// `headline`, `<h1>`, `<title>`; the day from date meta tags, JSON-LD
/// `datePublished`, the first `<time datetime>`, a date stored under a known
/// key in the markup (`"datePublished":`, `published_date`), a date in the
/// URL, a date written in an element whose class says it holds one; the
/// outlet from `og:site_name`, JSON-LD `publisher`; the URL from `og:url`,
/// `<link rel="canonical">`, JSON-LD `url`; the author from JSON-LD or the
/// `author` meta tag.
pub fn html_to_text(html: &str) -> (FrontMatter, String) {
    let (meta, text, found) = read_page(html);
    (front_matter(html, meta, found), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "readability")]
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
    #[cfg(feature = "readability")]
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
        assert!(
            text.starts_with("Russian President Vladimir Putin received Nicolás Maduro in the Kremlin on Wednesday.\n\n"),
            "{text}"
        );
        assert!(
            text.ends_with("Maduro last visited Russia in December 2018, officials said."),
            "{text}"
        );
        for furniture in ["Home", "Breaking", "track", "Read more", "©"] {
            assert!(!text.contains(furniture), "{furniture} in {text}");
        }
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
