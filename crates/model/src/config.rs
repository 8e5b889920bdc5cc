//! `annals.yaml`: the timeline's title, metadata for each article, and the
//! corrections a person makes to the generated timeline.
//!
//! ```yaml
//! title: Maduro in Moscow          # the page title (optional)
//! min_sources: 1                   # hide events cited by fewer articles (optional)
//! articles:                        # metadata per article, by file name relative
//!   000_0d1d1294870afd6c.txt:      # to the folder of annals.yaml (optional)
//!     title: Putin Backs Venezuela Opposition Dialog, But No New Aid Offered
//!     source: Bloomberg
//!     url: https://www.bloomberg.com/...
//!     published: 2019-09-25       # a calendar day, YYYY-MM-DD
//! events:                          # overrides, applied in order (optional)
//!   - id: ev-1a2b3c4d              # select one event by id ...
//!     retitle: Maduro visits Moscow
//!   - match: { date: 2019-04, word: uprising }   # ... or by date and a title word
//!     redate: 2019-04-16           # any TimeML value; its precision is kept
//!     mod: START                   # optional: START, MID, END, APPROX, ...
//!   - id: ev-5e6f7a8b
//!     hide: true                   # remove the event from the timeline
//!   - id: ev-9c0d1e2f
//!     note: Confirmed by the Kremlin's own readout.
//!   - merge: [ev-1a2b3c4d, ev-3f4a5b6c]   # several events into the first one
//!     retitle: Maduro meets Putin  # optional with merge: retitle, redate, mod, note
//!   - split: ev-7d8e9f0a           # one event per cited article (undoes a merge)
//!   - add:
//!       date: 2019-01-23
//!       title: Guaidó proclaims himself interim president
//!       note: Sworn in before a crowd in Caracas.   # optional
//!       source: Reuters                             # optional
//!       url: https://example.com/guaido             # optional
//! ```
//!
//! ## Overrides
//!
//! Each item of `events:` is one of:
//!
//! - an **edit**: a selector, `id: EVENT-ID` or `match: { date: VALUE, word:
//!   WORD }`, and at least one action: `retitle: TEXT`, `redate: VALUE`,
//!   `mod: MOD`, `hide: true`, `note: TEXT`. A selector must pick exactly one
//!   event. `match.date` picks events whose value equals it or whose
//!   calendar days lie inside it (`2019-04` picks `2019-04-16`); `match.word`
//!   picks events whose title has that whole word, ignoring case and
//!   accents (`guaido` picks "Guaidó"). `mod` alone changes only the
//!   modifier; `redate` alone clears it.
//! - a **merge**: `merge: [ID, ID, ...]`, optionally with `retitle`,
//!   `redate`, `mod` and `note`. The first event keeps its id; the others'
//!   citations join it, one per article.
//! - a **split**: `split: ID`, alone: one event per cited article.
//! - an **add**: `add:` with `date` and `title`, optionally `note`, `source`
//!   and `url`. Its id is derived from its date and title, so it is stable.
//!
//! Items apply in order, each to the result of the ones before it; see
//! [`crate::overrides::apply`].
//!
//! ## Errors
//!
//! [`Config::parse`] reports every problem it finds, each as a
//! [`Diagnostic`] pointing at the offending node: YAML syntax, unknown keys
//! (with the closest allowed key), wrong types, values that are not TimeML
//! values or mods, `published` dates that are not `YYYY-MM-DD`, items that
//! select no event, two events or change nothing, `merge` with fewer than
//! two ids, `add` without `date` or `title`.

mod locate;

use std::collections::BTreeMap;
use std::ops::Range;

use annals_parse::{Mod, Value};
use chrono::NaiveDate;
use serde_yaml::Value as Yaml;

use crate::Diagnostic;
use locate::Node;

/// The parsed `annals.yaml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The timeline title, when given.
    pub title: Option<String>,
    /// Hide events cited by fewer articles than this, when given.
    pub min_sources: Option<usize>,
    /// Metadata per article, keyed by file name relative to the folder of
    /// `annals.yaml`.
    pub articles: BTreeMap<String, ArticleMeta>,
    events: Vec<Override>,
    file: String,
    source: String,
    articles_span: Option<Range<usize>>,
    article_spans: BTreeMap<String, Range<usize>>,
}

/// What `annals.yaml` says about one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The headline.
    pub title: Option<String>,
    /// The outlet, e.g. "Bloomberg".
    pub source: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
}

/// One item of `events:`: a correction to the timeline. Built by
/// [`Config::parse`], applied by [`crate::overrides::apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub(crate) action: Action,
    /// Byte span of the whole item, for diagnostics about it.
    pub(crate) span: Range<usize>,
}

/// A string with the byte span of the YAML node it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) span: Range<usize>,
}

/// What an override does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// Changes one selected event.
    Edit {
        selector: Selector,
        changes: Changes,
    },
    /// Merges several events into the first.
    Merge {
        ids: Spanned<Vec<Spanned<String>>>,
        changes: Changes,
    },
    /// Splits an event into one per cited document.
    Split { id: Spanned<String> },
    /// Adds an event.
    Add(NewEvent),
}

/// How an edit picks its event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Selector {
    /// `id: ev-…`.
    Id(Spanned<String>),
    /// `match: { date, word }`; the span is the `match` node's.
    Match {
        date: Option<Value>,
        word: Option<String>,
        span: Range<usize>,
    },
}

/// The changes an edit or a merge makes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Changes {
    pub(crate) retitle: Option<String>,
    pub(crate) redate: Option<Value>,
    pub(crate) modifier: Option<Mod>,
    pub(crate) hide: bool,
    pub(crate) note: Option<String>,
}

/// An event written in `add:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NewEvent {
    pub(crate) date: Value,
    pub(crate) title: String,
    pub(crate) note: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
    /// The span of the `add` key.
    pub(crate) span: Range<usize>,
}

impl Config {
    /// Parses the text of `annals.yaml`; `file` is its name as the user
    /// wrote it, for diagnostics. Reports every problem found, in file
    /// order.
    ///
    /// ```
    /// use annals_model::config::Config;
    /// let config = Config::parse("annals.yaml", "title: Maduro in Moscow\n").unwrap();
    /// assert_eq!(config.title.as_deref(), Some("Maduro in Moscow"));
    ///
    /// let errors = Config::parse("annals.yaml", "events:\n  - id: ev-1\n    retitel: x\n").unwrap_err();
    /// assert!(errors[0].to_string().contains("did you mean `retitle`?"));
    /// ```
    pub fn parse(file: &str, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let yaml: Yaml = match serde_yaml::from_str(text) {
            Ok(yaml) => yaml,
            Err(error) => return Err(vec![syntax_error(file, text, &error)]),
        };
        let root = locate::locate(text);
        let mut reader = Reader {
            file,
            src: text,
            diags: Vec::new(),
        };
        let mut config = Config {
            file: file.to_owned(),
            source: text.to_owned(),
            ..Config::default()
        };
        let top = Y {
            value: &yaml,
            node: root.as_ref(),
            span: 0..0,
        };
        reader.top(top, &mut config);
        if reader.diags.is_empty() {
            Ok(config)
        } else {
            reader
                .diags
                .sort_by_key(|d| d.location.as_ref().map_or(0, |l| l.span.start));
            Err(reader.diags)
        }
    }

    /// The overrides of `events:`, in order.
    pub fn overrides(&self) -> &[Override] {
        &self.events
    }

    /// The file name given to [`Config::parse`].
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The text given to [`Config::parse`].
    pub fn text(&self) -> &str {
        &self.source
    }

    /// Forgets `articles:` (each article's metadata and where it is
    /// written), which only the map step reads: a reduce over a large
    /// dated collection need not hold it. The corrections stay.
    pub fn forget_articles(&mut self) {
        self.articles = BTreeMap::new();
        self.article_spans = BTreeMap::new();
    }

    /// The byte span of the key of an article's entry in `articles:`, when
    /// it has one.
    pub fn article_span(&self, name: &str) -> Option<Range<usize>> {
        self.article_spans.get(name).cloned()
    }

    /// The byte span of the `articles:` key, when the file has one.
    pub fn articles_span(&self) -> Option<Range<usize>> {
        self.articles_span.clone()
    }

    /// A diagnostic about an article's metadata: at its entry in
    /// `articles:`, else at the `articles:` key, else about the whole file.
    ///
    /// ```
    /// use annals_model::config::{Config, article_snippet};
    /// let config = Config::parse("annals.yaml", "articles:\n  a.txt:\n    source: AFP\n").unwrap();
    /// let d = config
    ///     .article_diagnostic("a.txt", "no publication date for `a.txt`")
    ///     .with_help(format!("add it:\n{}", article_snippet("a.txt")));
    /// assert_eq!(d.line_col(), Some((2, 3)));
    /// ```
    pub fn article_diagnostic(&self, name: &str, message: impl Into<String>) -> Diagnostic {
        match self.article_span(name).or_else(|| self.articles_span()) {
            Some(span) => Diagnostic::at(&self.file, &self.source, span, message),
            None => Diagnostic::file(&self.file, message),
        }
    }
}

/// The `articles:` block that gives one article its publication date, to
/// show in "add this to annals.yaml" help. The file name is quoted when
/// YAML needs it.
///
/// ```
/// assert_eq!(
///     annals_model::config::article_snippet("003_3fe9664795b9ca9a.txt"),
///     "articles:\n  003_3fe9664795b9ca9a.txt:\n    published: YYYY-MM-DD\n",
/// );
/// ```
pub fn article_snippet(file_name: &str) -> String {
    format!(
        "articles:\n  {}:\n    published: YYYY-MM-DD\n",
        yaml_key(file_name)
    )
}

/// `name` as a YAML mapping key: plain when that reads back as the same
/// text, double-quoted otherwise.
fn yaml_key(name: &str) -> String {
    let safe = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && !name.ends_with(' ')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "._-+~()/ ".contains(c));
    let reads_back = serde_yaml::from_str::<Yaml>(&format!("{name}: x"))
        .ok()
        .and_then(|v| v.as_mapping().and_then(|m| m.keys().next().cloned()))
        .is_some_and(|k| k.as_str() == Some(name));
    if safe && reads_back {
        return name.to_owned();
    }
    let mut out = String::from("\"");
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML syntax error from serde_yaml, as a diagnostic at its position.
fn syntax_error(file: &str, text: &str, error: &serde_yaml::Error) -> Diagnostic {
    let raw = error.to_string();
    let message = strip_positions(&raw);
    if let Some(d) = duplicate_key(file, text, &message) {
        return d;
    }
    if message.contains("more than one document") {
        let second = second_document(text);
        let message = "a config file holds one YAML document, but this one has several";
        let help = "remove the `---` line and merge the documents into one";
        return match second {
            Some(span) => Diagnostic::at(file, text, span, message).with_help(help),
            None => Diagnostic::file(file, message).with_help(help),
        };
    }
    // For constructs left open, libyaml's context mark (where the key,
    // quote or bracket started) is where the fix goes, not where it gave up.
    let opened = [
        (
            "while scanning a simple key",
            "expected `key: value`, found a line with no `: `",
            "this line has no `: ` after its key: write `key: value`, or join it to the line \
             above if it continues that text",
        ),
        (
            "while scanning a quoted scalar",
            "this quoted text has no closing quote",
            "add the closing quote mark at the end of the text (inside, use the other kind of quote)",
        ),
        (
            "while parsing a flow sequence",
            "",
            "this `[` is not closed: end the list with `]` on the same item, e.g. `merge: \
             [ev-1a2b3c4d, ev-5e6f7a8b]`",
        ),
        (
            "while parsing a flow mapping",
            "",
            "this `{` is not closed: end it with `}`, e.g. `match: { date: 2019-04, word: \
             uprising }`",
        ),
    ];
    for (context, plain, help) in opened {
        if let Some((line, column)) = context_mark(&raw, context) {
            let offset = offset_of(text, line, column);
            let message = if plain.is_empty() {
                format!("this is not valid YAML: {message}")
            } else {
                format!("this is not valid YAML: {plain}")
            };
            return Diagnostic::at(file, text, offset..offset, message).with_help(help);
        }
    }
    let Some(location) = error.location() else {
        return Diagnostic::file(file, format!("this is not valid YAML: {message}"))
            .with_help("check the file against the example in the annals documentation");
    };
    let lines: Vec<&str> = text.lines().collect();
    if let Some(help) = indentation_help(&lines, location.line()) {
        // Point at the line's first character: its indentation is the fault.
        let at = offset_of(text, location.line(), 1);
        let indent = text[at..].len() - text[at..].trim_start_matches(' ').len();
        return Diagnostic::at(
            file,
            text,
            at + indent..at + indent,
            "this is not valid YAML: this line is not indented like the lines around it",
        )
        .with_help(help);
    }
    let offset = offset_of(text, location.line(), location.column());
    let help = syntax_help(text, location.line(), &message);
    Diagnostic::at(
        file,
        text,
        offset..offset,
        format!("this is not valid YAML: {message}"),
    )
    .with_help(help)
}

/// The 1-based line and column after `context` in a libyaml message
/// (`…, while scanning a simple key at line 2 column 1`).
fn context_mark(raw: &str, context: &str) -> Option<(usize, usize)> {
    let rest = raw.split(context).nth(1)?.strip_prefix(" at line ")?;
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// serde_yaml's "duplicate entry with key" error, at the second key.
fn duplicate_key(file: &str, text: &str, message: &str) -> Option<Diagnostic> {
    let quoted = message.split("duplicate entry with key ").nth(1)?;
    let key: String = serde_yaml::from_str(quoted).ok()?;
    let span = locate::locate(text).and_then(|root| second_key(&root, &key));
    let message = format!("`{key}` appears twice in the same mapping");
    let help = "keep one entry: a key may appear once per mapping (merge the two entries)";
    Some(match span {
        Some(span) => Diagnostic::at(file, text, span, message).with_help(help),
        None => Diagnostic::file(file, message).with_help(help),
    })
}

/// The span of the second `key` in the first mapping that has it twice.
fn second_key(node: &Node, key: &str) -> Option<Range<usize>> {
    match &node.kind {
        locate::Kind::Scalar => None,
        locate::Kind::Seq(items) => items.iter().find_map(|n| second_key(n, key)),
        locate::Kind::Map(entries) => entries
            .iter()
            .filter(|e| e.key == key)
            .nth(1)
            .map(|e| e.key_span.clone())
            .or_else(|| entries.iter().find_map(|e| second_key(&e.value, key))),
    }
}

/// The `---` line that starts a second document, if any.
fn second_document(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    let mut content = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed.starts_with("--- ") {
            if content {
                return Some(offset..offset + 3);
            }
        } else if !trimmed.trim_start().is_empty() && !trimmed.trim_start().starts_with('#') {
            content = true;
        }
        offset += line.len();
    }
    None
}

/// What would fix a YAML syntax error on 1-based `line`.
fn syntax_help(text: &str, line: usize, message: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let here = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
    if here.trim_start_matches(' ').starts_with('\t') {
        return "indent with spaces: YAML does not allow tabs in indentation".to_owned();
    }
    if message.contains("flow sequence") {
        return "close the list that starts with `[` with a `]`, e.g. `merge: [ev-1a2b3c4d, \
                ev-5e6f7a8b]`"
            .to_owned();
    }
    if message.contains("flow mapping") {
        return "close the mapping that starts with `{` with a `}`, e.g. `match: { date: \
                2019-04, word: uprising }`"
            .to_owned();
    }
    if message.contains("mapping values are not allowed") {
        return "quote text that contains `: `, e.g. title: \"Putin: no aid\"".to_owned();
    }
    if message.contains("could not find expected ':'") {
        return "each line of a mapping is `key: value`: check this line and the next for a \
                missing `: ` or a quote that is not closed"
            .to_owned();
    }
    if message.contains("did not find expected key") {
        return "a new `key:` should start here: check for stray characters after the value, \
                or a quote or bracket that is not closed"
            .to_owned();
    }
    if message.contains("expected '-' indicator") {
        return "items of a list start with `- `, at the column of the first item".to_owned();
    }
    "check the indentation (keys of one mapping line up; items of a list start with `- ` at \
     the same column) and quote text that starts with a special character such as `*`, `&`, \
     `!`, `[`, `{` or `%`"
        .to_owned()
}

/// A help when 1-based `line` is indented to no column the lines above
/// allow: the columns of enclosing keys and items, or deeper after a
/// `key:` or `-` that opens a block.
fn indentation_help(lines: &[&str], line: usize) -> Option<String> {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let here = lines.get(line.checked_sub(1)?)?;
    if here.trim().is_empty() {
        return None;
    }
    let own = indent(here);
    let mut above = lines[..line - 1]
        .iter()
        .rev()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let nearest = above.next()?;
    let opens = {
        let t = nearest.split(" #").next().unwrap_or("").trim_end();
        t.ends_with(':')
            || t.ends_with(" -")
            || t.trim() == "-"
            || t.ends_with(" |")
            || t.ends_with(" >")
    };
    if opens && own > indent(nearest) {
        return None;
    }
    // Columns allowed: each enclosing line's indentation and key columns.
    let mut allowed: Vec<usize> = Vec::new();
    let mut limit = usize::MAX;
    for l in std::iter::once(nearest).chain(above) {
        let at = indent(l);
        if at >= limit {
            continue;
        }
        limit = at;
        allowed.push(at);
        let mut column = at;
        let mut rest = l.trim_start_matches(' ');
        while let Some(after) = rest.strip_prefix("- ") {
            let gap = after.len() - after.trim_start_matches(' ').len();
            column += 2 + gap;
            rest = &after[gap..];
            allowed.push(column);
        }
    }
    if allowed.contains(&own) {
        return None;
    }
    allowed.sort_unstable();
    allowed.dedup();
    let columns: Vec<String> = allowed.iter().map(ToString::to_string).collect();
    Some(format!(
        "this line is indented by {own} spaces, but the lines above allow {}: keys of one \
         mapping line up, and items of a list start with `- ` at the same column",
        columns.join(", ")
    ))
}

/// Removes serde_yaml's " at line L column C" and " at position N"
/// mentions: the diagnostic prints the position itself.
fn strip_positions(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(at) = rest.find(" at ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 4..];
        let skip = ["line ", "position "].iter().find_map(|prefix| {
            let tail = after.strip_prefix(prefix)?;
            let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let mut used = prefix.len() + digits;
            if *prefix == "line " {
                let tail = &after[used..];
                let tail = tail.strip_prefix(" column ")?;
                let digits =
                    tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                used += " column ".len() + digits;
            }
            Some(used)
        });
        match skip {
            Some(used) => rest = &after[used..],
            None => {
                out.push_str(" at ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    line_start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

/// A YAML value with the located node it came from, when found, and the
/// span to point at otherwise.
#[derive(Clone, Debug)]
struct Y<'a> {
    value: &'a Yaml,
    node: Option<&'a Node>,
    span: Range<usize>,
}

/// An entry of a mapping: its key's text and span, and its value.
#[derive(Clone, Debug)]
struct Field<'a> {
    key: String,
    key_span: Range<usize>,
    value: Y<'a>,
}

impl<'a> Y<'a> {
    /// Where to point for a problem with this value: the node, or its
    /// nearest located ancestor.
    fn span(&self) -> Range<usize> {
        match self.node {
            Some(node) if !node.span.is_empty() => node.span.clone(),
            _ => self.span.clone(),
        }
    }

    /// The entries of a mapping, with their positions. Keys that YAML
    /// reads as numbers or booleans keep their text as written (`1.10`,
    /// not `1.1`).
    fn fields(&self) -> Option<Vec<Field<'a>>> {
        let map = self.value.as_mapping()?;
        let own = self.span();
        // Entries pair up by position when the locator saw them all.
        let located = match self.node.map(|n| &n.kind) {
            Some(locate::Kind::Map(entries)) if entries.len() == map.len() => Some(entries),
            _ => None,
        };
        Some(
            map.iter()
                .enumerate()
                .map(|(i, (key, value))| {
                    let by_position = located.map(|entries| &entries[i]);
                    let entry = match key {
                        Yaml::String(s) => by_position
                            .filter(|e| e.key == *s)
                            .or_else(|| self.node.and_then(|n| n.entry(s))),
                        _ => by_position,
                    };
                    let key = match (key, entry) {
                        (Yaml::String(s), _) => s.clone(),
                        (_, Some(e)) => e.key.clone(),
                        (other, None) => scalar_text(other),
                    };
                    let key_span = entry.map_or(own.clone(), |e| e.key_span.clone());
                    Field {
                        value: Y {
                            value,
                            node: entry.map(|e| &e.value),
                            span: key_span.clone(),
                        },
                        key,
                        key_span,
                    }
                })
                .collect(),
        )
    }

    /// The items of a sequence, with their positions.
    fn items(&self) -> Option<Vec<Y<'a>>> {
        let seq = self.value.as_sequence()?;
        let own = self.span();
        Some(
            seq.iter()
                .enumerate()
                .map(|(i, value)| Y {
                    value,
                    node: self.node.and_then(|n| n.item(i)),
                    span: own.clone(),
                })
                .collect(),
        )
    }
}

/// The text of a scalar key or value (numbers and booleans as YAML
/// prints them).
fn scalar_text(value: &Yaml) -> String {
    match value {
        Yaml::String(s) => s.clone(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Null => "null".to_owned(),
        Yaml::Sequence(_) => "[…]".to_owned(),
        Yaml::Mapping(_) => "{…}".to_owned(),
        Yaml::Tagged(t) => scalar_text(&t.value),
    }
}

/// How a value looks, for "found …" in messages.
fn describe(value: &Yaml) -> String {
    match value {
        Yaml::Null => "an empty value".to_owned(),
        Yaml::Bool(b) => format!("`{b}`"),
        Yaml::Number(n) => format!("the number {n}"),
        Yaml::String(s) => format!("the text `{}`", shorten(s)),
        Yaml::Sequence(_) => "a list".to_owned(),
        Yaml::Mapping(_) => "a mapping (`key: value` pairs)".to_owned(),
        Yaml::Tagged(t) => format!("a value tagged `{}`", t.tag),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_owned()
    }
}

const TOP_KEYS: &[&str] = &["title", "min_sources", "articles", "events"];
const TOP_HINTS: &[(&str, &str)] = &[
    ("overrides", "events"),
    ("sources", "articles"),
    ("files", "articles"),
    ("min_citations", "min_sources"),
];
const ARTICLE_KEYS: &[&str] = &["title", "source", "url", "published"];
const ARTICLE_HINTS: &[(&str, &str)] = &[
    ("date", "published"),
    ("dct", "published"),
    ("outlet", "source"),
    ("headline", "title"),
    ("link", "url"),
];
const ITEM_KEYS: &[&str] = &[
    "id", "match", "merge", "split", "add", "retitle", "redate", "mod", "hide", "note",
];
const ITEM_HINTS: &[(&str, &str)] = &[
    ("title", "retitle"),
    ("date", "redate"),
    ("modifier", "mod"),
    ("remove", "hide"),
    ("delete", "hide"),
    ("summary", "note"),
];
const MATCH_KEYS: &[&str] = &["date", "word"];
const ADD_KEYS: &[&str] = &["date", "title", "note", "source", "url"];
const ADD_HINTS: &[(&str, &str)] = &[
    ("when", "date"),
    ("value", "date"),
    ("text", "note"),
    ("summary", "note"),
];
const SELECTORS: &[&str] = &["id", "match"];
const KINDS: &[&str] = &["id", "match", "merge", "split", "add"];
const EDIT_ACTIONS: &[&str] = &["retitle", "redate", "mod", "hide", "note"];
const VALUE_HELP: &str = "write a TimeML value: a day like 2019-04-16, a month like 2019-04, a \
                          year like 2019, a week like 2019-W16, a quarter like 2019-Q2 or a \
                          season like 2019-SU";

/// Reads the YAML tree into a [`Config`], collecting diagnostics.
struct Reader<'a> {
    file: &'a str,
    src: &'a str,
    diags: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        let d = Diagnostic::at(self.file, self.src, span, message).with_help(help);
        self.diags.push(d);
    }

    /// Reports keys not in `allowed`, suggesting the closest one.
    fn check_keys(
        &mut self,
        fields: &[Field<'_>],
        allowed: &[&str],
        hints: &[(&str, &str)],
        context: &str,
    ) -> usize {
        let mut unknown = 0;
        for field in fields {
            if allowed.contains(&field.key.as_str()) {
                continue;
            }
            unknown += 1;
            let list = allowed
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let suggestion = hints
                .iter()
                .find(|(from, _)| field.key.eq_ignore_ascii_case(from))
                .map(|(_, to)| *to)
                .or_else(|| closest(&field.key, allowed.iter().copied()));
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`? {context} can have {list}"),
                None => format!("{context} can have {list}"),
            };
            self.error(
                field.key_span.clone(),
                format!("unknown key `{}` in {context}", field.key),
                help,
            );
        }
        unknown
    }

    /// A mapping's fields, or an error saying what was expected.
    fn mapping<'y>(&mut self, y: &Y<'y>, expected: &str, help: &str) -> Option<Vec<Field<'y>>> {
        let fields = y.fields();
        if fields.is_none() {
            self.error(
                y.span(),
                format!("expected {expected}, found {}", describe(y.value)),
                help,
            );
        }
        fields
    }

    /// Text: a string, or a number or boolean as written.
    fn text(&mut self, y: &Y<'_>, key: &str) -> Option<String> {
        match y.value {
            Yaml::String(s) => Some(s.clone()),
            Yaml::Number(_) | Yaml::Bool(_) => Some(self.raw(y)),
            other => {
                self.error(
                    y.span(),
                    format!("expected text for `{key}`, found {}", describe(other)),
                    format!("write `{key}: ` followed by the text on the same line"),
                );
                None
            }
        }
    }

    /// Non-empty text.
    fn nonempty_text(&mut self, y: &Y<'_>, key: &str) -> Option<String> {
        let text = self.text(y, key)?;
        if text.trim().is_empty() {
            self.error(
                y.span(),
                format!("`{key}` is empty"),
                format!("write the text after `{key}: `"),
            );
            return None;
        }
        Some(text.trim().to_owned())
    }

    /// The source text of a plain scalar (so that `redate: 2019` reads as
    /// written, not as a number YAML may reformat).
    fn raw(&self, y: &Y<'_>) -> String {
        match y.node {
            Some(node) if !node.span.is_empty() => self.src[node.span.clone()].to_owned(),
            _ => scalar_text(y.value),
        }
    }

    /// A TimeML value.
    fn value(&mut self, y: &Y<'_>, key: &str) -> Option<Value> {
        let text = match y.value {
            Yaml::String(s) => s.clone(),
            Yaml::Number(_) => self.raw(y),
            other => {
                self.error(
                    y.span(),
                    format!(
                        "expected a TimeML value for `{key}`, found {}",
                        describe(other)
                    ),
                    VALUE_HELP,
                );
                return None;
            }
        };
        match text.trim().parse::<Value>() {
            Ok(value) => Some(value),
            Err(_) => {
                self.error(
                    y.span(),
                    format!("`{}` is not a TimeML value", shorten(&text)),
                    VALUE_HELP,
                );
                None
            }
        }
    }

    /// A TimeML `mod`.
    fn modifier(&mut self, y: &Y<'_>) -> Option<Mod> {
        let Yaml::String(text) = y.value else {
            self.error(
                y.span(),
                format!("expected a TimeML mod, found {}", describe(y.value)),
                "write one of START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, \
                 EQUAL_OR_MORE, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER",
            );
            return None;
        };
        match text.parse::<Mod>() {
            Ok(m) => Some(m),
            Err(_) => {
                let upper = text.trim().to_uppercase().replace([' ', '-'], "_");
                let help = match upper.parse::<Mod>() {
                    Ok(m) => format!("did you mean `{m}`? mods are written in capitals"),
                    Err(_) => "write one of START, MID, END, APPROX, LESS_THAN, MORE_THAN, \
                               EQUAL_OR_LESS, EQUAL_OR_MORE, BEFORE, AFTER, ON_OR_BEFORE, \
                               ON_OR_AFTER"
                        .to_owned(),
                };
                self.error(
                    y.span(),
                    format!("`{}` is not a TimeML mod", shorten(text)),
                    help,
                );
                None
            }
        }
    }

    /// A boolean.
    fn boolean(&mut self, y: &Y<'_>, key: &str) -> Option<bool> {
        match y.value {
            Yaml::Bool(b) => Some(*b),
            other => {
                self.error(
                    y.span(),
                    format!(
                        "expected true or false for `{key}`, found {}",
                        describe(other)
                    ),
                    format!("write `{key}: true`"),
                );
                None
            }
        }
    }

    fn top(&mut self, y: Y<'_>, config: &mut Config) {
        if y.value.is_null() {
            return;
        }
        let Some(fields) = self.mapping(
            &y,
            "a mapping with `title`, `articles` and `events`",
            "start the file with `title: …`, `articles:` or `events:` at the first column",
        ) else {
            return;
        };
        self.check_keys(&fields, TOP_KEYS, TOP_HINTS, "annals.yaml");
        for field in &fields {
            let value = &field.value;
            match field.key.as_str() {
                "title" => config.title = self.nonempty_text(value, "title"),
                "min_sources" => config.min_sources = self.min_sources(value),
                "articles" => {
                    config.articles_span = Some(field.key_span.clone());
                    self.articles(value, config);
                }
                "events" => {
                    if value.value.is_null() {
                        continue;
                    }
                    let Some(items) = value.items() else {
                        self.error(
                            value.span(),
                            format!(
                                "expected a list of overrides, found {}",
                                describe(value.value)
                            ),
                            "write each override as an item starting with `- `, e.g. \
                             `- id: ev-1a2b3c4d` with `retitle: …` below it",
                        );
                        continue;
                    };
                    for item in items {
                        if let Some(o) = self.item(&item) {
                            config.events.push(o);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn min_sources(&mut self, y: &Y<'_>) -> Option<usize> {
        let n = y.value.as_u64().and_then(|n| usize::try_from(n).ok());
        if n.is_none() {
            self.error(
                y.span(),
                format!(
                    "expected a whole number of articles for `min_sources`, found {}",
                    describe(y.value)
                ),
                "write e.g. `min_sources: 2` to hide events that fewer than two articles report",
            );
        }
        n
    }

    fn articles(&mut self, y: &Y<'_>, config: &mut Config) {
        if y.value.is_null() {
            return;
        }
        let Some(fields) = self.mapping(
            y,
            "a mapping from article file names to their metadata",
            "write each file name followed by `:`, and its metadata indented below it, e.g.\n\
             articles:\n  000_0d1d1294870afd6c.txt:\n    published: 2019-09-25",
        ) else {
            return;
        };
        for field in fields {
            config
                .article_spans
                .insert(field.key.clone(), field.key_span.clone());
            let meta = self.article(&field);
            config.articles.insert(field.key, meta);
        }
    }

    fn article(&mut self, field: &Field<'_>) -> ArticleMeta {
        let mut meta = ArticleMeta::default();
        let y = &field.value;
        if y.value.is_null() {
            return meta;
        }
        let Some(fields) = self.mapping(
            y,
            &format!("the metadata of `{}`", field.key),
            "indent `title`, `source`, `url` and `published` below the file name",
        ) else {
            return meta;
        };
        self.check_keys(
            &fields,
            ARTICLE_KEYS,
            ARTICLE_HINTS,
            &format!("the metadata of `{}`", field.key),
        );
        for f in &fields {
            if f.value.value.is_null() {
                continue;
            }
            match f.key.as_str() {
                "title" => meta.title = self.nonempty_text(&f.value, "title"),
                "source" => meta.source = self.nonempty_text(&f.value, "source"),
                "url" => meta.url = self.nonempty_text(&f.value, "url"),
                "published" => meta.published = self.published(&f.value),
                _ => {}
            }
        }
        meta
    }

    fn published(&mut self, y: &Y<'_>) -> Option<NaiveDate> {
        let text = match y.value {
            Yaml::String(s) => s.trim().to_owned(),
            Yaml::Number(_) => self.raw(y),
            other => {
                self.error(
                    y.span(),
                    format!(
                        "expected the publication day (YYYY-MM-DD), found {}",
                        describe(other)
                    ),
                    "write the day the article appeared, e.g. `published: 2019-09-25`",
                );
                return None;
            }
        };
        let shaped = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
        match date {
            Some(date) if shaped => Some(date),
            _ => {
                let message = if shaped {
                    format!("`{text}` is not a day of the calendar")
                } else {
                    format!("`{}` is not a publication day (YYYY-MM-DD)", shorten(&text))
                };
                self.error(
                    y.span(),
                    message,
                    "write the day the article appeared as year-month-day, e.g. \
                     `published: 2019-09-25`",
                );
                None
            }
        }
    }

    fn item(&mut self, y: &Y<'_>) -> Option<Override> {
        let fields = self.mapping(
            y,
            "an override (`key: value` lines such as `id: ev-…` and `retitle: …`)",
            "start each override with `- ` and a selector, e.g.\n  - id: ev-1a2b3c4d\n    \
             retitle: Maduro visits Moscow",
        )?;
        // A misspelt key is reported once: not also as a missing selector
        // or action.
        let misspelt = self.check_keys(&fields, ITEM_KEYS, ITEM_HINTS, "an override") > 0;
        let field = |key: &str| fields.iter().find(|f| f.key == key);
        let item_span = fields
            .first()
            .map_or(y.span(), |f| f.key_span.start..f.key_span.end);

        // Read every known field, to report all type errors at once.
        let mut ok = true;
        let mut changes = Changes::default();
        let id = self.read(&fields, "id", &mut ok, |r, v| r.id(v, "id"));
        let matcher = self.read(&fields, "match", &mut ok, |r, v| r.matcher(v));
        let merge = self.read(&fields, "merge", &mut ok, |r, v| r.merge(v));
        let split = self.read(&fields, "split", &mut ok, |r, v| r.id(v, "split"));
        let add = match field("add") {
            Some(f) => {
                let got = self.add(f);
                ok &= got.is_some();
                got
            }
            None => None,
        };
        changes.retitle = self.read(&fields, "retitle", &mut ok, |r, v| {
            r.nonempty_text(v, "retitle")
        });
        changes.redate = self.read(&fields, "redate", &mut ok, |r, v| r.value(v, "redate"));
        changes.modifier = self.read(&fields, "mod", &mut ok, |r, v| r.modifier(v));
        changes.hide = self
            .read(&fields, "hide", &mut ok, |r, v| r.boolean(v, "hide"))
            .unwrap_or(false);
        changes.note = self.read(&fields, "note", &mut ok, |r, v| r.nonempty_text(v, "note"));

        // The item's shape: exactly one kind, and the actions it allows.
        let kinds: Vec<&Field<'_>> = fields
            .iter()
            .filter(|f| KINDS.contains(&f.key.as_str()))
            .collect();
        let actions: Vec<&Field<'_>> = fields
            .iter()
            .filter(|f| EDIT_ACTIONS.contains(&f.key.as_str()))
            .collect();
        let Some(first) = kinds.first() else {
            if misspelt {
                return None;
            }
            let found = if actions.is_empty() {
                String::new()
            } else {
                format!(
                    " (it has {} but no selector)",
                    actions
                        .iter()
                        .map(|f| format!("`{}`", f.key))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            self.error(
                item_span,
                format!("this override does not say which event it changes{found}"),
                "start it with `id: ev-…` or `match: { date: …, word: … }` to select an \
                 event, or make it an `add`, `merge` or `split` item",
            );
            return None;
        };
        if let Some(second) = kinds.get(1) {
            let (message, help) = if SELECTORS.contains(&first.key.as_str())
                && SELECTORS.contains(&second.key.as_str())
            {
                (
                    "an override selects one event, but this one has both `id` and `match`"
                        .to_owned(),
                    "keep one of them: `id` names the event exactly, `match` finds it by date \
                     and a word of its title"
                        .to_owned(),
                )
            } else {
                (
                    format!(
                        "`{}` cannot be combined with `{}` in one override",
                        second.key, first.key
                    ),
                    "write them as two items of `events:`; items apply in order".to_owned(),
                )
            };
            self.error(second.key_span.clone(), message, help);
            return None;
        }
        let allowed: &[&str] = match first.key.as_str() {
            "id" | "match" => EDIT_ACTIONS,
            "merge" => &["retitle", "redate", "mod", "note"],
            _ => &[],
        };
        for action in &actions {
            if allowed.contains(&action.key.as_str()) {
                continue;
            }
            let help = match first.key.as_str() {
                "merge" => "hide the merged event in a later item: `- id: <the first id>` with \
                            `hide: true`"
                    .to_owned(),
                "split" => "split first, then change the new events in later items (list their \
                            ids with `annals events PATH --format table`)"
                    .to_owned(),
                _ => "write the event's `date`, `title` and `note` inside `add:`".to_owned(),
            };
            self.error(
                action.key_span.clone(),
                format!("`{}` cannot be combined with `{}`", action.key, first.key),
                help,
            );
            ok = false;
        }
        if SELECTORS.contains(&first.key.as_str()) && actions.is_empty() {
            if misspelt {
                return None;
            }
            self.error(
                item_span.clone(),
                format!(
                    "this override selects an event with `{}` but changes nothing",
                    first.key
                ),
                "add one of `retitle: …`, `redate: …`, `mod: …`, `hide: true` or `note: …`",
            );
            return None;
        }
        if !ok {
            return None;
        }
        let action = match first.key.as_str() {
            "id" => Action::Edit {
                selector: Selector::Id(id?),
                changes,
            },
            "match" => Action::Edit {
                selector: matcher?,
                changes,
            },
            "merge" => Action::Merge {
                ids: merge?,
                changes,
            },
            "split" => Action::Split { id: split? },
            _ => Action::Add(add?),
        };
        Some(Override {
            action,
            span: item_span,
        })
    }

    /// Reads the field `key` when present; clears `ok` when it is invalid.
    fn read<T>(
        &mut self,
        fields: &[Field<'_>],
        key: &str,
        ok: &mut bool,
        read: impl FnOnce(&mut Self, &Y<'_>) -> Option<T>,
    ) -> Option<T> {
        let field = fields.iter().find(|f| f.key == key)?;
        let got = read(self, &field.value);
        *ok &= got.is_some();
        got
    }

    fn id(&mut self, y: &Y<'_>, key: &str) -> Option<Spanned<String>> {
        let value = self.nonempty_text(y, key)?;
        Some(Spanned {
            value,
            span: y.span(),
        })
    }

    fn matcher(&mut self, y: &Y<'_>) -> Option<Selector> {
        let fields = self.mapping(
            y,
            "a mapping with `date` and `word`",
            "write e.g. `match: { date: 2019-04, word: uprising }`",
        )?;
        self.check_keys(&fields, MATCH_KEYS, &[("title", "word")], "`match`");
        let mut ok = true;
        let mut date = None;
        let mut word = None;
        for f in &fields {
            match f.key.as_str() {
                "date" => {
                    date = self.value(&f.value, "date");
                    ok &= date.is_some();
                }
                "word" => {
                    word = self.nonempty_text(&f.value, "word");
                    if let Some(w) = &word
                        && !w.chars().any(char::is_alphanumeric)
                    {
                        self.error(
                            f.value.span(),
                            format!("`{w}` is not a word"),
                            "write a word of the event's title, e.g. `word: uprising`",
                        );
                        word = None;
                    }
                    ok &= word.is_some();
                }
                _ => ok = false,
            }
        }
        if ok && date.is_none() && word.is_none() {
            self.error(
                y.span(),
                "`match` needs a `date`, a `word` or both",
                "write e.g. `match: { date: 2019-04, word: uprising }`",
            );
            return None;
        }
        ok.then_some(Selector::Match {
            date,
            word,
            span: y.span(),
        })
    }

    fn merge(&mut self, y: &Y<'_>) -> Option<Spanned<Vec<Spanned<String>>>> {
        let Some(items) = y.items() else {
            self.error(
                y.span(),
                format!("expected a list of event ids for `merge`, found {}", describe(y.value)),
                "write the ids in brackets, the one to keep first: `merge: [ev-1a2b3c4d, ev-5e6f7a8b]`",
            );
            return None;
        };
        let mut ids: Vec<Spanned<String>> = Vec::new();
        let mut ok = true;
        for item in &items {
            let Some(id) = self.id(item, "merge") else {
                ok = false;
                continue;
            };
            if ids.iter().any(|seen| seen.value == id.value) {
                self.error(
                    id.span.clone(),
                    format!("`{}` is listed twice in `merge`", id.value),
                    "list each event once",
                );
                ok = false;
                continue;
            }
            ids.push(id);
        }
        if ok && ids.len() < 2 {
            self.error(
                y.span(),
                format!(
                    "`merge` needs at least two event ids, found {}",
                    ids.len()
                ),
                "list the events to merge, the one to keep first: `merge: [ev-1a2b3c4d, ev-5e6f7a8b]`",
            );
            return None;
        }
        ok.then(|| Spanned {
            value: ids,
            span: y.span(),
        })
    }

    fn add(&mut self, field: &Field<'_>) -> Option<NewEvent> {
        let y = &field.value;
        let fields = self.mapping(
            y,
            "the new event's `date` and `title`",
            "indent the fields below `add:`, e.g.\n  - add:\n      date: 2019-01-23\n      \
             title: Guaidó proclaims himself interim president",
        )?;
        self.check_keys(&fields, ADD_KEYS, ADD_HINTS, "`add`");
        let mut ok = true;
        let (mut date, mut title, mut note, mut source, mut url) = (None, None, None, None, None);
        for f in &fields {
            let (slot, got) = match f.key.as_str() {
                "date" => {
                    date = self.value(&f.value, "date");
                    (true, date.is_some())
                }
                "title" => {
                    title = self.nonempty_text(&f.value, "title");
                    (true, title.is_some())
                }
                "note" => {
                    note = self.nonempty_text(&f.value, "note");
                    (true, note.is_some())
                }
                "source" => {
                    source = self.nonempty_text(&f.value, "source");
                    (true, source.is_some())
                }
                "url" => {
                    url = self.nonempty_text(&f.value, "url");
                    (true, url.is_some())
                }
                _ => (false, false),
            };
            ok &= slot && got;
        }
        for (key, missing, example) in [
            ("date", date.is_none(), "date: 2019-01-23"),
            (
                "title",
                title.is_none(),
                "title: Guaidó proclaims himself interim president",
            ),
        ] {
            if missing && !fields.iter().any(|f| f.key == key) {
                self.error(
                    field.key_span.clone(),
                    format!("`add` needs a `{key}`"),
                    format!("add `{example}` inside `add:`"),
                );
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        Some(NewEvent {
            date: date?,
            title: title?,
            note,
            source,
            url,
            span: field.key_span.clone(),
        })
    }
}

/// The candidate closest to `word` by edit distance (transpositions count
/// as one edit), when it is close enough to be a typo.
pub(crate) fn closest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions,
/// substitutions and adjacent transpositions, over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests;
