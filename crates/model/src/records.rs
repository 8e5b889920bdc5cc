//! Mention files: what the map step (`annals mentions`) writes and the
//! reduce step (`annals events --mentions`) reads, one JSON object a line.
//!
//! Two kinds of line, each carrying the schema version it was written
//! with ([`SCHEMA`]) and its `kind`:
//!
//! - `{"schema": 1, "kind": "document", "doc", "title", "source", "url",
//!   "published"}`: a document the timeline is built from (a
//!   [`SourceInfo`]; `title` is its headline), written before its mentions.
//! - `{"schema": 1, "kind": "mention", "doc", "sentence", "clause",
//!   "trigger", "timex", "value", "mod", "until", "lemma", "title", "quote",
//!   "participants", "actors", "places", "negated"}`: one event
//!   mention (a [`Mention`]), everything the merge compares and cites, so
//!   that the reduce needs no article text.
//!
//! Offsets (`sentence`, `clause`, `trigger`, `timex`) are `[start, end)`
//! UTF-8 byte ranges into the document's text, as annals' libraries count
//! them: the reduce only orders mentions by them and cuts the clause and
//! trigger out of `quote` (the sentence), so a reader never needs the text.
//! Empty lists, `false` and missing values are left out.
//!
//! Readers ignore fields they do not know; a change that alters what a
//! field means raises [`SCHEMA`], and a line of another schema is refused
//! by [`parse_line`] with a diagnostic that says what to do.
//!
//! ```
//! use annals_model::records::{Record, parse_line};
//! let line = r#"{"schema":1,"kind":"document","doc":"a.txt","title":"A","source":null,"url":null,"published":"2019-09-25"}"#;
//! let Record::Document(doc) = parse_line("m.jsonl", 1, line).expect("a document line") else {
//!     panic!("a document");
//! };
//! assert_eq!(doc.doc, "a.txt");
//! assert_eq!(Record::Document(doc).to_line(), line);
//! ```

use std::ops::Range;

use annals_parse::{EventMention, Mod, Value};
use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Document, SourceInfo};

/// The version of the mention-file schema this crate writes and reads.
pub const SCHEMA: u32 = 1;

/// One event mention as the merge reads it: the parser's
/// [`EventMention`] with the text it cites and the words it is compared
/// by, so that it stands without its document's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The id of the document it comes from.
    pub doc: String,
    /// Byte range of the sentence (the quote) in the document's text.
    #[serde(with = "span")]
    pub sentence: Range<usize>,
    /// Byte range of the clause (the summary), inside the sentence.
    #[serde(with = "span")]
    pub clause: Range<usize>,
    /// Byte range of the word that names the happening, inside the sentence.
    #[serde(with = "span")]
    pub trigger: Range<usize>,
    /// Byte range of the timex that dates it.
    #[serde(with = "span")]
    pub timex: Range<usize>,
    /// When it happened.
    #[serde(with = "value")]
    pub value: Value,
    /// The timex's modifier.
    #[serde(
        rename = "mod",
        with = "modifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modifier: Option<Mod>,
    /// The end of the range the timex opens.
    #[serde(
        rename = "until",
        with = "end",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end: Option<Value>,
    /// The trigger's base form, lower case.
    pub lemma: String,
    /// A short title from the clause's own words; empty when the clause
    /// makes no headline (the mention only tells that the date is cited).
    pub title: String,
    /// The sentence, verbatim: the text of `sentence`.
    pub quote: String,
    /// Names in the sentence, folded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Names in the clause and the title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// Countries the clause or title names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// True when the clause is negated: kept, since its names still count
    /// towards the collection's main actors, but never an event.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

impl Mention {
    /// The record of `mention`, found in `doc`. The clause and trigger are
    /// kept inside the sentence (the parser never puts them outside).
    pub fn new(doc: &Document, mention: &EventMention) -> Mention {
        Mention::of(doc, mention.clone())
    }

    /// [`Mention::new`], taking the mention: its title and names move
    /// into the record rather than being copied.
    pub fn of(doc: &Document, mention: EventMention) -> Mention {
        let sentence = mention.sentence.clone();
        let inside = |r: &Range<usize>| {
            let start = r.start.clamp(sentence.start, sentence.end);
            start..r.end.clamp(start, sentence.end)
        };
        Mention {
            doc: doc.id.clone(),
            quote: doc
                .text
                .get(sentence.clone())
                .unwrap_or_default()
                .to_owned(),
            clause: inside(&mention.clause),
            trigger: inside(&mention.trigger),
            sentence,
            timex: mention.timex,
            value: mention.value,
            modifier: mention.modifier,
            end: mention.end,
            lemma: mention.lemma,
            title: mention.title,
            participants: mention.participants,
            actors: mention.actors,
            places: mention.places,
            negated: mention.negated,
        }
    }

    /// The words the merge compares it by: stems of the clause's content
    /// words (not the timex's) and the title's, the trigger's stem, the
    /// names and countries; sorted and distinct. Computed from the record,
    /// so mention files need not carry them.
    pub fn words(&self) -> Vec<String> {
        let s = self.sentence.start;
        let local = |r: &Range<usize>| r.start.saturating_sub(s)..r.end.saturating_sub(s);
        crate::build::words(&self.quote, &local(&self.clause), &local(&self.timex), self)
    }

    /// The clause, verbatim: the event's summary.
    pub fn summary(&self) -> &str {
        self.in_quote(&self.clause)
    }

    /// The trigger word as the text spells it.
    pub fn trigger_word(&self) -> &str {
        self.in_quote(&self.trigger)
    }

    fn in_quote(&self, range: &Range<usize>) -> &str {
        let start = range.start.saturating_sub(self.sentence.start);
        let end = range.end.saturating_sub(self.sentence.start);
        self.quote.get(start..end).unwrap_or_default()
    }

    /// Whether the offsets agree with the quote; what is wrong if not.
    fn check(&self) -> Result<(), String> {
        let s = &self.sentence;
        if s.start > s.end || s.end - s.start != self.quote.len() {
            return Err(format!(
                "`sentence` [{}, {}] does not span the {} bytes of `quote`",
                s.start,
                s.end,
                self.quote.len()
            ));
        }
        for (name, r) in [("clause", &self.clause), ("trigger", &self.trigger)] {
            let inside = r.start >= s.start && r.end <= s.end && r.start <= r.end;
            if !inside || self.quote.get(r.start - s.start..r.end - s.start).is_none() {
                return Err(format!(
                    "`{name}` [{}, {}] does not cut `quote` (the sentence [{}, {}]) at characters",
                    r.start, r.end, s.start, s.end
                ));
            }
        }
        Ok(())
    }
}

/// One line of a mention file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// A document, written before its mentions.
    Document(SourceInfo),
    /// An event mention of a document written before it.
    Mention(Box<Mention>),
}

/// A record as written: the schema and kind first, then its fields.
#[derive(Serialize)]
struct Line<'a, T> {
    schema: u32,
    kind: &'static str,
    #[serde(flatten)]
    body: &'a T,
}

impl Record {
    /// The record as one line of JSON (without the line end).
    pub fn to_line(&self) -> String {
        match self {
            Record::Document(d) => document_line(d),
            Record::Mention(m) => mention_line(m),
        }
    }
}

/// A document's line of a mention file (without the line end).
pub fn document_line(doc: &SourceInfo) -> String {
    line("document", doc)
}

/// A mention's line of a mention file (without the line end).
pub fn mention_line(mention: &Mention) -> String {
    line("mention", mention)
}

fn line<T: Serialize>(kind: &'static str, body: &T) -> String {
    let line = Line {
        schema: SCHEMA,
        kind,
        body,
    };
    // Strings, numbers, dates and lists of them: nothing fails to print.
    serde_json::to_string(&line).expect("records are plain data, always serialisable")
}

/// What every line says before its fields.
#[derive(Deserialize)]
struct Header {
    schema: Option<serde_json::Value>,
    kind: Option<serde_json::Value>,
}

const REMAKE: &str = "mention files are written by `annals mentions --format jsonl`; \
                      write this one again with it";

/// Reads line `number` (1-based) of the mention file `file`. Errors point
/// at the place in the line and say what would fix it: a line that is
/// not JSON, of an unknown schema or kind, or whose fields are missing,
/// mistyped or disagree with each other.
pub fn parse_line(file: &str, number: usize, line: &str) -> Result<Record, Diagnostic> {
    let fail = |span: Range<usize>, message: String, help: &str| {
        Diagnostic::on_line(file, number, line, span, message).with_help(help)
    };
    let header: Header =
        serde_json::from_str(line).map_err(|e| json_error(file, number, line, &e))?;
    let schema_at = field_at(line, "schema");
    match &header.schema {
        None => {
            return Err(fail(
                0..1,
                "no `schema` field: this is not a line of a mention file".into(),
                REMAKE,
            ));
        }
        Some(v) if v.as_u64() != Some(u64::from(SCHEMA)) => {
            return Err(fail(
                schema_at,
                format!(
                    "mention schema {v} is not one this annals reads (it reads schema {SCHEMA})"
                ),
                "write the file again with this annals' `annals mentions`, or reduce it with the annals that wrote it",
            ));
        }
        Some(_) => {}
    }
    let kind_at = field_at(line, "kind");
    let record = match header.kind.as_ref().and_then(serde_json::Value::as_str) {
        Some("document") => serde_json::from_str(line).map(Record::Document),
        Some("mention") => serde_json::from_str(line).map(|m| Record::Mention(Box::new(m))),
        _ => {
            return Err(fail(
                kind_at,
                "expected `\"kind\": \"document\"` or `\"kind\": \"mention\"`".into(),
                REMAKE,
            ));
        }
    };
    let record = record.map_err(|e| json_error(file, number, line, &e))?;
    if let Record::Mention(m) = &record {
        m.check()
            .map_err(|why| fail(field_at(line, "sentence"), why, REMAKE))?;
    }
    Ok(record)
}

/// A serde_json error as a diagnostic at its column.
fn json_error(file: &str, number: usize, line: &str, e: &serde_json::Error) -> Diagnostic {
    let at = line
        .char_indices()
        .nth(e.column().saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let message = e.to_string();
    let message = crate::diag::strip_position(&message);
    let help = if e.is_syntax() || e.is_eof() {
        "each line must be one JSON object; was the file cut or edited?".to_owned()
    } else {
        REMAKE.to_owned()
    };
    Diagnostic::on_line(
        file,
        number,
        line,
        at..at + 1,
        format!("bad mention line: {message}"),
    )
    .with_help(help)
}

/// The byte range of `"name"` in a JSON line, or its start when absent.
fn field_at(line: &str, name: &str) -> Range<usize> {
    let key = format!("\"{name}\"");
    line.find(&key).map_or(0..1, |at| at..at + key.len())
}

/// A byte range as `[start, end]`.
mod span {
    use std::ops::Range;

    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq([r.start, r.end])
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(start..end)
    }
}

/// A TimeML value as its string.
mod value {
    use annals_parse::Value;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub(super) fn serialize<S: Serializer>(v: &Value, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.as_str())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(D::Error::custom)
    }
}

/// An optional TimeML value as its string.
mod end {
    use annals_parse::Value;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub(super) fn serialize<S: Serializer>(v: &Option<Value>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_str(v.as_str()),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| t.parse().map_err(D::Error::custom))
            .transpose()
    }
}

/// An optional TimeML mod as its spelling (`START`).
mod modifier {
    use annals_parse::Mod;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub(super) fn serialize<S: Serializer>(m: &Option<Mod>, s: S) -> Result<S::Ok, S::Error> {
        match m {
            Some(m) => s.serialize_str(m.as_str()),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Mod>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| t.parse().map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests;
