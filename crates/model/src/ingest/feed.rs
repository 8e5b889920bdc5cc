//! RSS 2.0 and Atom feeds (`feed-rs`): each item an article.
//!
//! An item's headline is its title, its URL the first link, its day
//! `pubDate`/`published` (else `updated`), its text the content (else the
//! description/summary) with markup removed; the outlet is the feed's
//! title. Items are `FILE#N`, N counting from 1 in feed order. An item
//! without text is skipped with a warning.

use super::article::{Article, FileArticles};
use crate::Diagnostic;

/// Reads a feed file.
pub(crate) fn read(name: &str, shown: &str, bytes: &[u8]) -> Result<FileArticles, Diagnostic> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| {
        Diagnostic::file(shown, format!("not an RSS or Atom feed: {e}"))
            .with_help("annals reads .xml, .rss and .atom files as feeds; move other XML files out of the folder")
    })?;
    let source = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_owned())
        .filter(|t| !t.is_empty());
    let mut out = FileArticles::default();
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = super::html::fragment_text(&body).trim().to_owned();
        if text.is_empty() {
            out.warnings.push(
                Diagnostic::file(shown, format!("item {n} of the feed has no text; skipped"))
                    .with_help("feeds that carry only headlines give annals nothing to read"),
            );
            continue;
        }
        out.articles.push(Article {
            doc: format!("{name}#{n}"),
            title: entry
                .title
                .as_ref()
                .map(|t| super::html::fragment_text(&t.content).trim().to_owned())
                .filter(|t| !t.is_empty()),
            source: source.clone(),
            url: entry.links.first().map(|l| l.href.clone()),
            published: entry.published.or(entry.updated).map(|d| d.date_naive()),
            author: entry.authors.first().and_then(|p| p.name.clone()),
            text,
        });
    }
    if out.articles.is_empty() {
        return Err(Diagnostic::file(shown, "the feed has no item with text")
            .with_help("feeds that carry only headlines give annals nothing to read"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Town Post</title><link>https://post.example</link>
<item><title>Budget passes</title><link>https://post.example/budget</link>
<pubDate>Tue, 24 Sep 2019 18:00:00 GMT</pubDate>
<description>&lt;p&gt;The council approved the budget on Tuesday.&lt;/p&gt;&lt;p&gt;It takes effect in May.&lt;/p&gt;</description></item>
<item><title>Headline only</title></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lab Notes</title><id>urn:x</id><updated>2020-01-02T00:00:00Z</updated>
<entry><title>New result</title><id>urn:x:1</id><link href="https://lab.example/1"/>
<updated>2020-01-02T09:00:00Z</updated><author><name>R. Author</name></author>
<content type="html">&lt;p&gt;We measured it again last week.&lt;/p&gt;</content></entry></feed>"#;

    #[test]
    fn rss_items_are_articles() {
        let got = read("post.xml", "in/post.xml", RSS.as_bytes()).unwrap();
        assert_eq!(got.articles.len(), 1);
        let a = &got.articles[0];
        assert_eq!(a.doc, "post.xml#1");
        assert_eq!(a.title.as_deref(), Some("Budget passes"));
        assert_eq!(a.source.as_deref(), Some("Town Post"));
        assert_eq!(a.url.as_deref(), Some("https://post.example/budget"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2019, 9, 24));
        assert_eq!(
            a.text,
            "The council approved the budget on Tuesday.\n\nIt takes effect in May."
        );
        assert_eq!(got.warnings.len(), 1);
        assert!(got.warnings[0].message.contains("item 2"));
    }

    #[test]
    fn atom_entries_are_articles() {
        let got = read("lab.atom", "lab.atom", ATOM.as_bytes()).unwrap();
        let a = &got.articles[0];
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 1, 2));
        assert_eq!(a.author.as_deref(), Some("R. Author"));
        assert_eq!(a.text, "We measured it again last week.");
    }

    #[test]
    fn other_xml_is_refused() {
        let e = read("sitemap.xml", "sitemap.xml", b"<urlset><url/></urlset>").unwrap_err();
        assert!(
            e.message.starts_with("not an RSS or Atom feed"),
            "{}",
            e.message
        );
    }
}
