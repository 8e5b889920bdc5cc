//! JSON-lines exports of news datasets: one article a line.
//!
//! Fields, first present wins (news-please, CC-News and similar exports,
//! and `annals articles --format jsonl` itself):
//!
//! - text: `text`, `maintext`, `content`
//! - headline: `title`
//! - day: `published`, `date`, `date_publish`, `date_published`
//! - URL: `url`; outlet: `source`, `source_domain`; author: `author`,
//!   `authors` (a list is joined)
//! - id: `doc`, else `FILE#LINE`
//!
//! A line that is not a JSON object, or has no text, is skipped with a
//! warning that points at it; `.jsonl.gz` files are gunzipped first.

use std::collections::HashSet;
use std::io::Read;

use serde_json::{Map, Value};

use super::article::{Article, FileArticles};
use crate::Diagnostic;

const TEXT: &[&str] = &["text", "maintext", "content"];
const DATE: &[&str] = &["published", "date", "date_publish", "date_published"];
const SOURCE: &[&str] = &["source", "source_domain"];

/// Reads a `.jsonl` or `.jsonl.gz` file.
pub(crate) fn read(name: &str, shown: &str, bytes: &[u8]) -> Result<FileArticles, Diagnostic> {
    let unpacked;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| {
                Diagnostic::file(shown, format!("cannot unpack the gzip file: {e}"))
                    .with_help("check that the file was copied whole (`gzip -t` tests it)")
            })?;
        unpacked = out;
        &unpacked[..]
    } else {
        bytes
    };
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)).map_err(|e| {
            Diagnostic::file(
                shown,
                format!(
                    "JSON lines must be UTF-8; invalid byte at offset {}",
                    e.valid_up_to()
                ),
            )
            .with_help("convert the file to UTF-8 (e.g. with `iconv`)")
        })?;
    let mut out = FileArticles::default();
    let mut lines = JsonLines::new(name, shown);
    for (i, line) in text.lines().enumerate() {
        match lines.article(i + 1, line) {
            Ok(Some(article)) => out.articles.push(article),
            Ok(None) => {}
            Err(d) => out.warnings.push(d),
        }
    }
    if out.articles.is_empty() {
        let mut d = Diagnostic::file(shown, "no article in this JSON-lines file")
            .with_help("write one JSON object a line, with the article in `text`");
        if let Some(first) = out.warnings.first() {
            d = first.clone();
        }
        return Err(d);
    }
    Ok(out)
}

/// A JSON-lines file read one line at a time, for streams too large to
/// hold whole (`annals mentions`): the same rules as [`super::read_file`]
/// on a `.jsonl` file. It remembers the ids it gave, so that a repeated
/// `doc` becomes `FILE#LINE` as it does there.
#[derive(Debug)]
pub struct JsonLines {
    name: String,
    shown: String,
    seen: HashSet<String>,
}

impl JsonLines {
    /// A reader of the file `name` (ids of articles that name none are
    /// `name#LINE`), shown as `shown` in diagnostics.
    pub fn new(name: &str, shown: &str) -> JsonLines {
        JsonLines {
            name: name.to_owned(),
            shown: shown.to_owned(),
            seen: HashSet::new(),
        }
    }

    /// The article on line `number` (1-based; a BOM on line 1 and a
    /// trailing CR are dropped): `None` for a blank line, an error that
    /// points into the line for a line that holds no article.
    pub fn article(&mut self, number: usize, line: &str) -> Result<Option<Article>, Diagnostic> {
        let line = line.trim_end_matches('\r');
        let line = if number == 1 {
            line.strip_prefix('\u{feff}').unwrap_or(line)
        } else {
            line
        };
        if line.trim().is_empty() {
            return Ok(None);
        }
        match read_line(&self.name, number, line) {
            Ok(mut article) => {
                if !self.seen.insert(article.doc.clone()) {
                    article.doc = format!("{}#{number}", self.name);
                }
                Ok(Some(article))
            }
            Err((span, message, help)) => {
                Err(Diagnostic::on_line(&self.shown, number, line, span, message).with_help(help))
            }
        }
    }
}

type LineError = (std::ops::Range<usize>, String, String);

fn read_line(name: &str, n: usize, line: &str) -> Result<Article, LineError> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let at = line
            .char_indices()
            .nth(e.column().saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        (
            at..at + 1,
            format!("not a JSON object: {}", crate::diag::strip_position(&e.to_string())),
            "each line must be one JSON object, e.g. {\"title\": …, \"published\": \"2019-09-25\", \"text\": …}".to_owned(),
        )
    })?;
    let Value::Object(map) = value else {
        return Err((
            0..line.len(),
            "expected a JSON object on this line".to_owned(),
            "each line must be one JSON object with the article in `text`".to_owned(),
        ));
    };
    let text = first_string(&map, TEXT)
        .map(|t| tidy(&t))
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            (
                0..line.len().min(1),
                "this line has no article text".to_owned(),
                "put the article in `text` (or `maintext`, `content`)".to_owned(),
            )
        })?;
    Ok(Article {
        doc: first_string(&map, &["doc"]).unwrap_or_else(|| format!("{name}#{n}")),
        title: first_string(&map, &["title"]),
        source: first_string(&map, SOURCE),
        url: first_string(&map, &["url"]),
        published: first_string(&map, DATE).and_then(|d| super::parse_published(&d)),
        author: author(&map),
        text,
    })
}

fn first_string(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    })
}

fn author(map: &Map<String, Value>) -> Option<String> {
    if let Some(a) = first_string(map, &["author"]) {
        return Some(a);
    }
    let Some(Value::Array(list)) = map.get("authors") else {
        return None;
    };
    let names: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Line ends normalised, trailing spaces trimmed, at most one blank line
/// between paragraphs: idempotent, so that what `annals articles` prints
/// reads back unchanged.
fn tidy(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn reads_news_please_and_plain_fields() {
        let input = concat!(
            r#"{"title": "A", "maintext": "Body one.\r\n\r\n\r\nMore.", "date_publish": "2019-09-25 10:00:00", "source_domain": "news.example", "url": "https://news.example/a", "authors": ["X", "Y"]}"#,
            "\n\n",
            r#"{"doc": "b.html", "text": "Body two.", "published": "2019-09-26"}"#,
            "\n"
        );
        let got = read("dump.jsonl", "in/dump.jsonl", input.as_bytes()).unwrap();
        assert!(got.warnings.is_empty());
        let a = &got.articles[0];
        assert_eq!(a.doc, "dump.jsonl#1");
        assert_eq!(a.text, "Body one.\n\nMore.");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2019, 9, 25));
        assert_eq!(a.source.as_deref(), Some("news.example"));
        assert_eq!(a.author.as_deref(), Some("X, Y"));
        assert_eq!(got.articles[1].doc, "b.html");
    }

    #[test]
    fn bad_lines_are_warnings_that_point_at_them() {
        let input = "{\"text\": \"Fine.\"}\n{\"text\": \"broken\n{\"title\": \"no text\"}\n";
        let got = read("d.jsonl", "d.jsonl", input.as_bytes()).unwrap();
        assert_eq!(got.articles.len(), 1);
        let shown: Vec<String> = got
            .warnings
            .iter()
            .map(|w| w.warning().to_string())
            .collect();
        insta::assert_snapshot!(shown.join("\n"), @r#"
        warning: not a JSON object: EOF while parsing a string
         --> d.jsonl:2:16
          |
        2 | {"text": "broken
          |                ^
          = help: each line must be one JSON object, e.g. {"title": …, "published": "2019-09-25", "text": …}

        warning: this line has no article text
         --> d.jsonl:3:1
          |
        3 | {"title": "no text"}
          | ^
          = help: put the article in `text` (or `maintext`, `content`)
        "#);
    }

    #[test]
    fn line_by_line_reads_like_the_whole_file() {
        let input = "\u{feff}{\"doc\": \"a\", \"text\": \"One.\"}\n\n{\"doc\": \"a\", \"text\": \"Two.\"}\r\nbad\n";
        let whole = read("d.jsonl", "in/d.jsonl", input.as_bytes()).unwrap();
        let mut lines = JsonLines::new("d.jsonl", "in/d.jsonl");
        let (mut articles, mut warnings) = (Vec::new(), Vec::new());
        for (i, line) in input.split('\n').enumerate() {
            match lines.article(i + 1, line) {
                Ok(found) => articles.extend(found),
                Err(d) => warnings.push(d),
            }
        }
        assert_eq!(articles, whole.articles);
        assert_eq!(warnings, whole.warnings);
        let ids: Vec<&str> = articles.iter().map(|a| a.doc.as_str()).collect();
        assert_eq!(ids, ["a", "d.jsonl#3"]);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn gzip_is_unpacked() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"text\": \"Zipped.\"}\n").unwrap();
        let bytes = gz.finish().unwrap();
        let got = read("d.jsonl.gz", "d.jsonl.gz", &bytes).unwrap();
        assert_eq!(got.articles[0].text, "Zipped.");
        let e = read("d.jsonl.gz", "d.jsonl.gz", &bytes[..10]).unwrap_err();
        assert!(e.message.contains("gzip"), "{}", e.message);
    }
}
