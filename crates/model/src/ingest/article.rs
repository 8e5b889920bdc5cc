//! One input file to its articles: the whole ingest pipeline, without I/O.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Format, encoding};
use crate::Diagnostic;

/// One article exactly as annals read it, before annals.yaml is applied:
/// what `annals articles` prints, one JSON object a line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Its id: the file name, or `FILE#N` for the N-th item of a feed or
    /// line of a JSON-lines file that names none.
    pub doc: String,
    /// The headline, when known.
    pub title: Option<String>,
    /// The outlet, when known.
    pub source: Option<String>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// The publication day, when the article states one.
    pub published: Option<NaiveDate>,
    /// The author, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The article body, boilerplate removed.
    pub text: String,
}

/// What one file held: its articles, and the problems that were skipped
/// on the way (a bad line of a JSON-lines file, a guessed encoding).
#[derive(Debug, Default)]
pub struct FileArticles {
    /// The articles, in file order.
    pub articles: Vec<Article>,
    /// Problems that did not stop the file from being read.
    pub warnings: Vec<Diagnostic>,
}

/// Reads one file's bytes into its articles. `name` is the file name (the
/// article id), `shown` the path to print in diagnostics. An error means
/// the file holds no readable article: empty, binary, not a format annals
/// reads, or an article with no text.
pub fn read_file(name: &str, shown: &str, bytes: &[u8]) -> Result<FileArticles, Diagnostic> {
    let format = Format::from_name(name).ok_or_else(|| {
        Diagnostic::file(shown, "annals does not read this kind of file").with_help(
            "articles are .txt, .md, .html, .jsonl, .jsonl.gz, .xml, .rss or .atom files",
        )
    })?;
    match format {
        Format::Jsonl => super::jsonl::read(name, shown, bytes),
        Format::Feed => super::feed::read(name, shown, bytes),
        Format::Text | Format::Markdown | Format::Html => {
            let decoded = encoding::decode_article(shown, bytes, format == Format::Html)?;
            let article = read_single(name, shown, &decoded.text, format)?;
            Ok(FileArticles {
                articles: vec![article],
                warnings: decoded.warning.into_iter().collect(),
            })
        }
    }
}

/// A page annals wrote itself (its `<meta name="generator">`).
fn is_annals_output(generator: Option<&str>) -> bool {
    generator.is_some_and(|g| g.split_whitespace().next() == Some("annals"))
}

/// One text, Markdown or HTML article.
fn read_single(name: &str, shown: &str, raw: &str, format: Format) -> Result<Article, Diagnostic> {
    // Most files have no carriage return: no copy of the text for them.
    let raw: Cow<'_, str> = if raw.contains('\r') {
        Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(raw)
    };
    let (front, body): (_, Cow<'_, str>) = match format {
        Format::Html => {
            let (meta, body, found) = super::html::read_page(&raw);
            if is_annals_output(meta.generator.as_deref()) {
                return Err(Diagnostic::file(
                    shown,
                    "this page is a timeline annals wrote, not an article",
                )
                .with_help("keep annals' output folder (-o) apart from the articles"));
            }
            (
                super::html::front_matter(&raw, meta, found),
                Cow::Owned(body),
            )
        }
        _ => {
            let (front, body) = super::split_front_matter(shown, &raw)?;
            (front, Cow::Borrowed(body))
        }
    };
    let mut text = super::clean(&body, format);
    let dateline = super::find_dateline(&text);
    if let Some(dl) = &dateline {
        // The dateline and whatever precedes it on its line (a byline, a
        // user name) are furniture, not article text.
        let line_start = text[..dl.span.start].rfind('\n').map_or(0, |p| p + 1);
        text.replace_range(line_start..dl.span.end, "");
        text = text.trim_start().to_owned();
    }
    if text.trim().is_empty() {
        return Err(Diagnostic::file(
            shown,
            "the article is empty (no text after removing boilerplate)",
        )
        .with_help("add the article's text, or remove the file"));
    }
    Ok(Article {
        doc: name.to_owned(),
        title: front.title,
        source: front.source,
        url: front.url,
        // A dateline on a line of its own can be taken for furniture by
        // `clean`; look for one in the text as it came too.
        published: front
            .published
            .or(dateline.map(|d| d.date))
            .or_else(|| super::find_dateline(body.trim_start()).map(|d| d.date)),
        author: front.author,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_text_article_with_its_dateline() {
        let raw = b"Headline of the story\n\nPosted March 3, 2020\n\nThe minister visited Paris on Monday, officials said on the record.\n";
        let got = read_file("a.txt", "in/a.txt", raw).unwrap();
        let a = &got.articles[0];
        assert_eq!(a.doc, "a.txt");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 3, 3));
        assert!(
            a.text.starts_with("Headline of the story\n\nThe minister"),
            "{}",
            a.text
        );
    }

    #[test]
    fn refuses_annals_own_pages_and_unknown_kinds() {
        let page = b"<html><head><meta name=\"generator\" content=\"annals 0.1.0\"></head><body><p>Timeline</p></body></html>";
        let e = read_file("index.html", "site/index.html", page).unwrap_err();
        assert!(e.message.contains("annals wrote"), "{}", e.message);
        let e = read_file("photo.png", "in/photo.png", b"\x89PNG").unwrap_err();
        assert!(e.message.contains("does not read"), "{}", e.message);
    }

    #[test]
    fn legacy_encodings_are_read() {
        let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article><p>The caf\xe9 opened in March, the owner said, to \x93long queues\x94 on the street outside.</p></article></body></html>";
        let got = read_file("p.html", "p.html", page).unwrap();
        assert!(
            got.warnings.is_empty(),
            "a declared charset needs no warning"
        );
        let text = &got.articles[0].text;
        assert!(
            text.contains("café opened") && text.contains("“long queues”"),
            "{text}"
        );
        let feed = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>Caf\xe9 Post</title><item><title>T</title><description>Caf\xe9 news.</description></item></channel></rss>";
        let got = read_file("f.rss", "f.rss", feed).unwrap();
        assert_eq!(got.articles[0].text, "Café news.");
        assert_eq!(got.articles[0].source.as_deref(), Some("Café Post"));
    }

    #[test]
    fn a_text_file_without_text_is_an_error() {
        let e = read_file("a.md", "in/a.md", b"---\ntitle: T\n---\n\nADVERTISEMENT\n").unwrap_err();
        assert!(e.message.contains("empty"), "{}", e.message);
    }
}
