//! Where each node of a YAML text is: a small locator that pairs with
//! `serde_yaml::Value`, which knows the values but not their positions.
//!
//! It reads the block style people write (`key: value`, `- item`, compact
//! `- key: value` items, `|`/`>` block scalars, multi-line plain and quoted
//! scalars, comments) and the flow style (`{ date: 2019-04 }`, `[a, b]`).
//! It runs only on text that `serde_yaml` has already accepted, so it may be
//! lenient: when it cannot follow a construct (complex `? ` keys, ...) it
//! stops there, and callers fall back to the nearest located ancestor.
//! It never panics and its spans always lie on `char` boundaries.

use std::ops::Range;

/// A located YAML node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    /// Byte range of the node's text (empty for an empty value).
    pub(crate) span: Range<usize>,
    /// What the node is.
    pub(crate) kind: Kind,
}

/// The shape of a located node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A scalar (plain, quoted or block) or an empty value.
    Scalar,
    /// A mapping, its entries in source order.
    Map(Vec<Entry>),
    /// A sequence, its items in source order.
    Seq(Vec<Node>),
}

/// One `key: value` entry of a located mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The key's text, unquoted.
    pub(crate) key: String,
    /// Byte range of the key (with its quotes, if any).
    pub(crate) key_span: Range<usize>,
    /// The value.
    pub(crate) value: Node,
}

impl Node {
    /// The entry for `key`, when this node is a mapping that has it.
    pub(crate) fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// The `index`th item, when this node is a sequence that long.
    pub(crate) fn item(&self, index: usize) -> Option<&Node> {
        match &self.kind {
            Kind::Seq(items) => items.get(index),
            _ => None,
        }
    }
}

/// Locates the nodes of a YAML document; `None` when it has no content.
pub(crate) fn locate(src: &str) -> Option<Node> {
    let locator = Locator::new(src);
    let first = locator.next_significant(0)?;
    let (node, _) = locator.node(locator.content_start(first), -1, true);
    Some(node)
}

/// One line of the source: byte offsets of its start and end (without the
/// line break) and its indentation in spaces.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
}

struct Locator<'a> {
    src: &'a str,
    lines: Vec<Line>,
}

impl<'a> Locator<'a> {
    fn new(src: &'a str) -> Locator<'a> {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in src.split_inclusive('\n') {
            // A byte order mark is not part of the first line's text.
            let bom = if start == 0 && piece.starts_with('\u{feff}') {
                '\u{feff}'.len_utf8()
            } else {
                0
            };
            let text = piece[bom..].trim_end_matches(['\n', '\r']);
            let indent = text.len() - text.trim_start_matches(' ').len();
            lines.push(Line {
                start: start + bom,
                end: start + bom + text.len(),
                indent,
            });
            start += piece.len();
        }
        Locator { src, lines }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn byte(&self, pos: usize) -> Option<u8> {
        self.bytes().get(pos).copied()
    }

    fn content_start(&self, line: usize) -> usize {
        self.lines[line].start + self.lines[line].indent
    }

    fn indent(&self, line: usize) -> usize {
        self.lines[line].indent
    }

    /// The index of the line that holds byte `pos`.
    fn line_of(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= pos)
            .saturating_sub(1)
    }

    /// The column (in bytes, which are spaces and `-` in block indentation)
    /// of `pos` in its line.
    fn column(&self, pos: usize) -> usize {
        pos - self.lines[self.line_of(pos)].start
    }

    /// Lines with content: not blank, not a comment, not a document marker
    /// or directive.
    fn is_significant(&self, line: usize) -> bool {
        let l = self.lines[line];
        let text = &self.src[l.start + l.indent..l.end];
        let trimmed = text.trim_end();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('\t') {
            return false;
        }
        let marker = |m: &str| {
            trimmed
                .strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        };
        if l.indent == 0 && (marker("---") || marker("...") || trimmed.starts_with('%')) {
            return false;
        }
        true
    }

    fn next_significant(&self, from: usize) -> Option<usize> {
        (from..self.lines.len()).find(|&l| self.is_significant(l))
    }

    /// Where the text of a plain scalar that starts at `pos` ends on its
    /// line: before a ` #` comment, trailing blanks trimmed.
    fn text_end(&self, pos: usize) -> usize {
        let line = self.lines[self.line_of(pos)];
        let bytes = self.bytes();
        let mut end = line.end;
        for i in pos..line.end {
            if bytes[i] == b'#' && i > pos && matches!(bytes[i - 1], b' ' | b'\t') {
                end = i;
                break;
            }
        }
        while end > pos && matches!(bytes[end - 1], b' ' | b'\t') {
            end -= 1;
        }
        end
    }

    /// True when `pos` is the `-` of a block sequence item.
    fn is_dash(&self, pos: usize) -> bool {
        self.byte(pos) == Some(b'-')
            && matches!(
                self.byte(pos + 1),
                None | Some(b' ' | b'\t' | b'\n' | b'\r')
            )
    }

    fn skip_blanks(&self, mut pos: usize) -> usize {
        while matches!(self.byte(pos), Some(b' ' | b'\t')) {
            pos += 1;
        }
        pos
    }

    /// True when nothing but blanks or a comment follows `pos` on its line.
    fn at_line_end(&self, pos: usize) -> bool {
        matches!(self.byte(pos), None | Some(b'\n' | b'\r' | b'#'))
    }

    /// Skips node properties: `&anchor` and `!tag` tokens.
    fn skip_properties(&self, mut pos: usize) -> usize {
        while matches!(self.byte(pos), Some(b'&' | b'!')) {
            while !matches!(self.byte(pos), None | Some(b' ' | b'\t' | b'\n' | b'\r')) {
                pos += 1;
            }
            pos = self.skip_blanks(pos);
        }
        pos
    }

    /// The end of a quoted scalar that starts at `pos` (after its closing
    /// quote), or the end of the text when it is not closed.
    fn quoted_end(&self, pos: usize) -> usize {
        let bytes = self.bytes();
        let quote = bytes[pos];
        let mut i = pos + 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if quote == b'"' => i += 2,
                b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
                b if b == quote => return i + 1,
                _ => i += 1,
            }
        }
        bytes.len()
    }

    /// A block mapping key at `pos`: its text, span, and the position just
    /// after its `:`.
    fn map_key(&self, pos: usize) -> Option<(String, Range<usize>, usize)> {
        let bytes = self.bytes();
        let line_end = self.lines[self.line_of(pos)].end;
        let first = *bytes.get(pos)?;
        let (key, key_end) = match first {
            b'"' | b'\'' => {
                let end = self.quoted_end(pos);
                if end > line_end {
                    return None;
                }
                (unquote(&self.src[pos..end]), end)
            }
            b'[' | b'{' | b'|' | b'>' | b'#' | b'?' | b'*' | b'&' | b'!' | b'%' | b'@' | b'`' => {
                return None;
            }
            _ => {
                let mut i = pos;
                loop {
                    if i >= line_end {
                        return None;
                    }
                    if bytes[i] == b':'
                        && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
                    {
                        break;
                    }
                    if bytes[i] == b'#' && i > pos && matches!(bytes[i - 1], b' ' | b'\t') {
                        return None;
                    }
                    i += 1;
                }
                let text = self.src[pos..i].trim_end();
                (text.to_owned(), pos + text.len())
            }
        };
        let colon = self.skip_blanks(key_end);
        if self.byte(colon) != Some(b':')
            || !matches!(
                self.byte(colon + 1),
                None | Some(b' ' | b'\t' | b'\n' | b'\r')
            )
        {
            return None;
        }
        Some((key, pos..key_end, colon + 1))
    }

    /// The node whose text starts at `pos` (not a blank). Lines that belong
    /// to it are indented deeper than `parent`. `compact` allows a block
    /// mapping or sequence to start here (after `- ` or at a line's start),
    /// as opposed to after `key: `. Returns the node and the first line
    /// after it.
    fn node(&self, pos: usize, parent: isize, compact: bool) -> (Node, usize) {
        let line = self.line_of(pos);
        let pos = self.skip_properties(pos);
        if self.at_line_end(pos) {
            // `key: &anchor` with the value on the lines below.
            return self.value_below(pos, line, parent, false);
        }
        if compact && self.is_dash(pos) {
            return self.sequence(pos);
        }
        if compact && self.map_key(pos).is_some() {
            return self.mapping(pos);
        }
        match self.bytes()[pos] {
            b'[' | b'{' => {
                let (node, end) = self.flow(pos);
                (node, self.line_of(end.saturating_sub(1).max(pos)) + 1)
            }
            b'|' | b'>' => {
                let mut next = line + 1;
                while next < self.lines.len() {
                    let l = self.lines[next];
                    let blank = self.src[l.start..l.end].trim().is_empty();
                    if !blank && to_isize(l.indent) <= parent {
                        break;
                    }
                    next += 1;
                }
                let node = Node {
                    span: pos..self.text_end(pos),
                    kind: Kind::Scalar,
                };
                (node, next)
            }
            b'"' | b'\'' => {
                let end = self.quoted_end(pos);
                let node = Node {
                    span: pos..end,
                    kind: Kind::Scalar,
                };
                (node, self.line_of(end.saturating_sub(1).max(pos)) + 1)
            }
            _ => {
                let mut end = self.text_end(pos);
                let mut next = line + 1;
                while next < self.lines.len() {
                    let l = self.lines[next];
                    let text = self.src[l.start + l.indent..l.end].trim_end();
                    if text.is_empty() {
                        next += 1;
                        continue;
                    }
                    if text.starts_with('#') || to_isize(l.indent) <= parent {
                        break;
                    }
                    end = self.text_end(l.start + l.indent);
                    next += 1;
                }
                let node = Node {
                    span: pos..end,
                    kind: Kind::Scalar,
                };
                (node, next)
            }
        }
    }

    /// The value after a `key:` or `-` indicator at `pos` on `line`, in a
    /// collection indented by `indent`.
    fn value_after(
        &self,
        pos: usize,
        line: usize,
        indent: usize,
        same_indent_seq: bool,
        compact: bool,
    ) -> (Node, usize) {
        let start = self.skip_properties(self.skip_blanks(pos));
        if self.at_line_end(start) {
            self.value_below(pos, line, to_isize(indent), same_indent_seq)
        } else {
            self.node(start, to_isize(indent), compact)
        }
    }

    /// A value written on the lines below `line` (deeper than `parent`), or
    /// an empty value at `pos`.
    fn value_below(
        &self,
        pos: usize,
        line: usize,
        parent: isize,
        same_indent_seq: bool,
    ) -> (Node, usize) {
        if let Some(below) = self.next_significant(line + 1) {
            let indent = to_isize(self.indent(below));
            let start = self.content_start(below);
            if indent > parent || (same_indent_seq && indent == parent && self.is_dash(start)) {
                return self.node(start, parent, true);
            }
        }
        let empty = Node {
            span: pos..pos,
            kind: Kind::Scalar,
        };
        (empty, line + 1)
    }

    /// A block sequence whose first `-` is at `pos`.
    fn sequence(&self, pos: usize) -> (Node, usize) {
        let indent = self.column(pos);
        let mut items = Vec::new();
        let mut dash = pos;
        let mut end = pos + 1;
        loop {
            let line = self.line_of(dash);
            let (item, next) = self.value_after(dash + 1, line, indent, false, true);
            end = end.max(item.span.end);
            items.push(item);
            match self.next_significant(next) {
                Some(l)
                    if self.indent(l) == indent
                        && self.is_dash(self.content_start(l))
                        && self.content_start(l) > dash =>
                {
                    dash = self.content_start(l);
                }
                _ => {
                    let node = Node {
                        span: pos..end,
                        kind: Kind::Seq(items),
                    };
                    return (node, next);
                }
            }
        }
    }

    /// A block mapping whose first key is at `pos`.
    fn mapping(&self, pos: usize) -> (Node, usize) {
        let indent = self.column(pos);
        let mut entries = Vec::new();
        let mut at = pos;
        let mut end = pos;
        let mut next = self.line_of(pos) + 1;
        while let Some((key, key_span, after)) = self.map_key(at) {
            let line = self.line_of(at);
            let (value, after_value) = self.value_after(after, line, indent, true, false);
            end = end.max(value.span.end).max(key_span.end);
            next = after_value;
            entries.push(Entry {
                key,
                key_span,
                value,
            });
            match self.next_significant(next) {
                Some(l)
                    if self.indent(l) == indent
                        && !self.is_dash(self.content_start(l))
                        && self.content_start(l) > at =>
                {
                    at = self.content_start(l);
                }
                _ => break,
            }
        }
        let node = Node {
            span: pos..end,
            kind: Kind::Map(entries),
        };
        (node, next)
    }

    /// Skips blanks, line breaks and comments inside a flow collection.
    fn skip_flow_space(&self, mut pos: usize) -> usize {
        loop {
            match self.byte(pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => pos += 1,
                Some(b'#') => {
                    while !matches!(self.byte(pos), None | Some(b'\n')) {
                        pos += 1;
                    }
                }
                _ => return pos,
            }
        }
    }

    /// A flow node at `pos`: returns it and the position after it.
    fn flow(&self, pos: usize) -> (Node, usize) {
        let pos = self.skip_properties(self.skip_flow_space(pos));
        match self.byte(pos) {
            Some(b'[') => {
                let mut items = Vec::new();
                let mut at = pos + 1;
                loop {
                    at = self.skip_flow_space(at);
                    match self.byte(at) {
                        None => break,
                        Some(b']') => {
                            at += 1;
                            break;
                        }
                        Some(b',') => {
                            at += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let (item, after) = self.flow(at);
                    if after <= at {
                        break;
                    }
                    items.push(item);
                    at = self.skip_flow_space(after);
                    if self.byte(at) == Some(b':') {
                        // A single-pair mapping inside a list: skip its value.
                        let (_, after) = self.flow(at + 1);
                        at = after.max(at + 1);
                    }
                }
                let node = Node {
                    span: pos..at,
                    kind: Kind::Seq(items),
                };
                (node, at)
            }
            Some(b'{') => {
                let mut entries = Vec::new();
                let mut at = pos + 1;
                loop {
                    at = self.skip_flow_space(at);
                    match self.byte(at) {
                        None => break,
                        Some(b'}') => {
                            at += 1;
                            break;
                        }
                        Some(b',') => {
                            at += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let (key_node, after_key) = self.flow(at);
                    if after_key <= at {
                        break;
                    }
                    let key = unquote(&self.src[key_node.span.clone()]);
                    let colon = self.skip_flow_space(after_key);
                    let (value, after) = if self.byte(colon) == Some(b':') {
                        let start = self.skip_flow_space(colon + 1);
                        if matches!(self.byte(start), Some(b',' | b'}')) {
                            let empty = Node {
                                span: colon + 1..colon + 1,
                                kind: Kind::Scalar,
                            };
                            (empty, start)
                        } else {
                            self.flow(start)
                        }
                    } else {
                        let empty = Node {
                            span: key_node.span.end..key_node.span.end,
                            kind: Kind::Scalar,
                        };
                        (empty, colon)
                    };
                    entries.push(Entry {
                        key,
                        key_span: key_node.span,
                        value,
                    });
                    at = after.max(after_key);
                }
                let node = Node {
                    span: pos..at,
                    kind: Kind::Map(entries),
                };
                (node, at)
            }
            Some(b'"' | b'\'') => {
                let end = self.quoted_end(pos);
                let node = Node {
                    span: pos..end,
                    kind: Kind::Scalar,
                };
                (node, end)
            }
            _ => {
                let bytes = self.bytes();
                let mut end = pos;
                while end < bytes.len() {
                    let b = bytes[end];
                    let flow_end = matches!(
                        bytes.get(end + 1),
                        None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}')
                    );
                    if matches!(b, b',' | b'[' | b']' | b'{' | b'}')
                        || (b == b':' && flow_end)
                        || (b == b'#'
                            && end > pos
                            && matches!(bytes[end - 1], b' ' | b'\t' | b'\n'))
                    {
                        break;
                    }
                    end += 1;
                }
                let text_end = pos + self.src[pos..end].trim_end().len();
                let node = Node {
                    span: pos..text_end,
                    kind: Kind::Scalar,
                };
                (node, end)
            }
        }
    }
}

fn to_isize(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// The text of a scalar as written: quotes removed and the common escapes
/// (`\"`, `\\`, `\n`, `\t`, `''`) undone; plain text as is.
fn unquote(raw: &str) -> String {
    if let Some(inner) = raw.strip_prefix('"') {
        let inner = inner.strip_suffix('"').unwrap_or(inner);
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        }
        out
    } else if let Some(inner) = raw.strip_prefix('\'') {
        inner.strip_suffix('\'').unwrap_or(inner).replace("''", "'")
    } else {
        raw.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a located tree as `path = text` lines, for compact asserts.
    fn dump(src: &str) -> String {
        fn walk(src: &str, node: &Node, path: &str, out: &mut String) {
            match &node.kind {
                Kind::Scalar => {
                    out.push_str(&format!("{path} = {:?}\n", &src[node.span.clone()]));
                }
                Kind::Map(entries) => {
                    for e in entries {
                        assert_eq!(unquote(&src[e.key_span.clone()]), e.key);
                        walk(src, &e.value, &format!("{path}.{}", e.key), out);
                    }
                }
                Kind::Seq(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(src, item, &format!("{path}[{i}]"), out);
                    }
                }
            }
        }
        let mut out = String::new();
        if let Some(node) = locate(src) {
            walk(src, &node, "", &mut out);
        }
        out
    }

    #[test]
    fn block_mappings_and_sequences() {
        let src = "\
# comment
title: Maduro in Moscow   # trailing comment
min_sources: 2
articles:
  a.txt:
    title: \"Putin: no aid\"
    published: 2019-09-25
events:
  - id: ev-1
    retitle: Maduro visits Moscow
  -   match: { date: 2019-04, word: uprising }
      redate: 2019-04-16
  - merge: [ev-1, 'ev-2']
  -
    split: ev-3
  - add:
      date: 2019-01-23
      title: Guaidó proclaims himself
";
        insta::assert_snapshot!(dump(src), @r#"
        .title = "Maduro in Moscow"
        .min_sources = "2"
        .articles.a.txt.title = "\"Putin: no aid\""
        .articles.a.txt.published = "2019-09-25"
        .events[0].id = "ev-1"
        .events[0].retitle = "Maduro visits Moscow"
        .events[1].match.date = "2019-04"
        .events[1].match.word = "uprising"
        .events[1].redate = "2019-04-16"
        .events[2].merge[0] = "ev-1"
        .events[2].merge[1] = "'ev-2'"
        .events[3].split = "ev-3"
        .events[4].add.date = "2019-01-23"
        .events[4].add.title = "Guaidó proclaims himself"
        "#);
    }

    #[test]
    fn same_indent_sequences_block_scalars_and_continuations() {
        let src = "\
events:
- id: ev-1
  note: |
    first line
    # not a comment
  retitle: a title
    that goes on
- hide: true
---
title: after
";
        insta::assert_snapshot!(dump(src), @r#"
        .events[0].id = "ev-1"
        .events[0].note = "|"
        .events[0].retitle = "a title\n    that goes on"
        .events[1].hide = "true"
        .title = "after"
        "#);
    }

    #[test]
    fn empty_values_and_nested_lists() {
        let src = "a:\nb:\n  - - x\n    - y\n  -\nc: \"multi\n  line\"\nd: [ [1, 2], {k: v} ]\n";
        insta::assert_snapshot!(dump(src), @r#"
        .a = ""
        .b[0][0] = "x"
        .b[0][1] = "y"
        .b[1] = ""
        .c = "\"multi\n  line\""
        .d[0][0] = "1"
        .d[0][1] = "2"
        .d[1].k = "v"
        "#);
    }

    #[test]
    fn quoted_keys_and_anchors() {
        let src = "\"a: b.txt\":\n  title: &t x\n'it''s':  *t\n";
        insta::assert_snapshot!(dump(src), @r#"
        .a: b.txt.title = "x"
        .it's = "*t"
        "#);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for src in [
            "",
            "#",
            "-",
            "- ",
            ":",
            "a:",
            "[",
            "{",
            "{a",
            "[a,",
            "\"",
            "'",
            "a: \"",
            "? x\n: y",
            "- - -",
            "a:\n\t- b",
            "é: ü\n  - ñ",
            "a: [b: c]",
            "{: x}",
            "a:\r\n  b: c\r\n",
        ] {
            let _ = locate(src);
            let _ = dump(src);
        }
    }
}

/// Generated documents: the locator must agree with serde_yaml on the
/// shape of every document and on the text of every scalar.
#[cfg(test)]
mod agreement {
    use super::*;
    use serde_yaml::Value as Yaml;

    /// xorshift64*: deterministic, so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    const WORDS: &[&str] = &[
        "ev-1a2b3c4d",
        "Maduro visits Moscow",
        "2019-04",
        "2019",
        "Guaidó",
        "a.txt",
        "true",
        "x",
        "https://example.com/a#b",
        "1.10",
        "C'est ça",
    ];
    const QUOTED: &[&str] = &[
        "\"Putin: no aid\"",
        "'it''s'",
        "\"a # b\"",
        "\"tab\\tand \\\"quote\\\"\"",
        "'[not a list]'",
    ];
    const KEYS: &[&str] = &[
        "id",
        "title",
        "a.txt",
        "match",
        "\"odd: key\"",
        "'q'",
        "Guaidó",
    ];

    fn scalar(rng: &mut Rng) -> String {
        if rng.below(4) == 0 {
            rng.pick(QUOTED).to_owned()
        } else {
            rng.pick(WORDS).to_owned()
        }
    }

    fn comment(rng: &mut Rng) -> &'static str {
        if rng.below(4) == 0 { "  # note" } else { "" }
    }

    /// A flow node.
    fn flow(rng: &mut Rng, depth: usize) -> String {
        match if depth == 0 { 0 } else { rng.below(3) } {
            0 => {
                let s = scalar(rng);
                // Plain scalars with flow indicators cannot go in flow.
                if s.contains(['#', ',', ':']) && !s.starts_with(['"', '\'']) {
                    "plain".to_owned()
                } else {
                    s
                }
            }
            1 => {
                let items: Vec<String> = (0..rng.below(4)).map(|_| flow(rng, depth - 1)).collect();
                format!("[{}]", items.join(", "))
            }
            _ => {
                let mut keys: Vec<&str> = Vec::new();
                for _ in 0..rng.below(4) {
                    let k = rng.pick(&["date", "word", "k"]);
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
                let entries: Vec<String> = keys
                    .iter()
                    .map(|k| format!("{k}: {}", flow(rng, depth - 1)))
                    .collect();
                format!("{{ {} }}", entries.join(", "))
            }
        }
    }

    /// A block mapping at `indent`; `first` is written before the first
    /// key (e.g. `- `), the other keys are indented.
    fn mapping(rng: &mut Rng, indent: usize, depth: usize, out: &mut String, first: &str) {
        let mut keys: Vec<&str> = Vec::new();
        for _ in 0..2 + rng.below(3) {
            let k = rng.pick(KEYS);
            let plain = k.trim_matches(['"', '\'']);
            if !keys
                .iter()
                .any(|seen| seen.trim_matches(['"', '\'']) == plain)
            {
                keys.push(k);
            }
        }
        for (i, key) in keys.iter().enumerate() {
            if i == 0 {
                out.push_str(first);
            } else {
                out.push_str(&" ".repeat(indent));
            }
            out.push_str(key);
            out.push(':');
            value(rng, indent, depth, out);
            if rng.below(5) == 0 {
                out.push_str("\n# a comment line\n");
            }
        }
    }

    /// The value after `key:`, with its line break(s).
    fn value(rng: &mut Rng, indent: usize, depth: usize, out: &mut String) {
        match if depth == 0 { 0 } else { rng.below(9) } {
            7 => {
                let pad = " ".repeat(indent + 2);
                out.push_str(&format!(
                    " |\n{pad}line one\n{pad}# not a comment\n\n{pad}line two\n"
                ));
            }
            8 => {
                let pad = " ".repeat(indent + 2);
                out.push_str(&format!(" a plain text\n{pad}that goes on\n"));
            }
            0 => {
                out.push(' ');
                out.push_str(&scalar(rng));
                out.push_str(comment(rng));
                out.push('\n');
            }
            1 => {
                out.push(' ');
                out.push_str(&flow(rng, 2));
                out.push('\n');
            }
            2 | 5 => {
                out.push('\n');
                mapping(rng, indent + 2, depth - 1, out, &" ".repeat(indent + 2));
            }
            3 | 6 => {
                out.push('\n');
                // Lists may sit at the key's own indentation.
                let at = if rng.below(2) == 0 {
                    indent
                } else {
                    indent + 2
                };
                sequence(rng, at, depth - 1, out);
            }
            _ => out.push('\n'),
        }
    }

    fn sequence(rng: &mut Rng, indent: usize, depth: usize, out: &mut String) {
        for _ in 0..1 + rng.below(3) {
            let dash = format!("{}- ", " ".repeat(indent));
            match if depth == 0 { 0 } else { rng.below(4) } {
                0 => {
                    out.push_str(&dash);
                    out.push_str(&scalar(rng));
                    out.push_str(comment(rng));
                    out.push('\n');
                }
                1 => mapping(rng, indent + 2, depth - 1, out, &dash),
                2 => {
                    out.push_str(&dash);
                    out.push_str(&flow(rng, 2));
                    out.push('\n');
                }
                _ => {
                    out.push_str(&format!("{}-\n", " ".repeat(indent)));
                    mapping(rng, indent + 2, depth - 1, out, &" ".repeat(indent + 2));
                }
            }
        }
    }

    fn check(src: &str, yaml: &Yaml, node: &Node, path: &str) {
        match (yaml, &node.kind) {
            (Yaml::Mapping(map), Kind::Map(entries)) => {
                assert_eq!(map.len(), entries.len(), "{path}: entries\n{src}");
                for ((key, value), entry) in map.iter().zip(entries) {
                    let key_text = match key {
                        Yaml::String(s) => s.clone(),
                        other => serde_yaml::to_string(other)
                            .unwrap_or_default()
                            .trim()
                            .to_owned(),
                    };
                    let located: Yaml = serde_yaml::from_str(&src[entry.key_span.clone()])
                        .expect("a key's text is YAML");
                    assert_eq!(&located, key, "{path}: key\n{src}");
                    check(src, value, &entry.value, &format!("{path}.{key_text}"));
                }
            }
            (Yaml::Sequence(seq), Kind::Seq(items)) => {
                assert_eq!(seq.len(), items.len(), "{path}: items\n{src}");
                for (i, (value, item)) in seq.iter().zip(items).enumerate() {
                    check(src, value, item, &format!("{path}[{i}]"));
                }
            }
            (Yaml::Null, Kind::Scalar) if node.span.is_empty() => {}
            (Yaml::String(_), Kind::Scalar) if src[node.span.clone()].starts_with('|') => {}
            (scalar, Kind::Scalar) => {
                let text = &src[node.span.clone()];
                let located: Yaml = serde_yaml::from_str(text)
                    .unwrap_or_else(|e| panic!("{path}: {text:?} is not YAML: {e}\n{src}"));
                assert_eq!(&located, scalar, "{path}: scalar {text:?}\n{src}");
            }
            (yaml, _) => panic!("{path}: serde_yaml has {yaml:?}, the locator {node:?}\n{src}"),
        }
    }

    #[test]
    fn locator_agrees_with_serde_yaml() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut checked = 0;
        let mut lines = 0;
        for _ in 0..2000 {
            let mut src = String::new();
            if rng.below(3) == 0 {
                src.push_str("# annals.yaml\n\n");
            }
            mapping(&mut rng, 0, 4, &mut src, "");
            let Ok(yaml) = serde_yaml::from_str::<Yaml>(&src) else {
                continue;
            };
            let node = locate(&src).expect("a document with content");
            check(&src, &yaml, &node, "");
            lines += src.lines().count();
            checked += 1;
        }
        assert!(
            checked > 1500,
            "most generated documents are valid: {checked}"
        );
        assert!(lines > 20 * checked, "documents are nested: {lines} lines");
    }
}
