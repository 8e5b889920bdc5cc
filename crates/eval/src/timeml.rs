//! Reading and writing TimeML documents.
//!
//! The document text is the character data of `<TEXT>` as an XML parser
//! delivers it: tags removed, entities decoded, line ends normalised to
//! `\n`, surrounding whitespace kept. Offsets are code points into it.
//! The reader is a small XML tokenizer sufficient for TimeML (elements,
//! attributes, entities, comments, processing instructions, CDATA).

use std::fmt;

/// A TIMEX3 annotation with code-point offsets into the document text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The `type` attribute.
    pub kind: String,
    /// The `value` attribute.
    pub value: String,
}

/// One TimeML document.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The file name.
    pub name: String,
    /// The text of `<TEXT>`.
    pub text: String,
    /// The value of the TIMEX3 inside `<DCT>`, empty when there is none.
    pub dct: String,
    /// The TIMEX3s inside `<TEXT>`, sorted by (start, end).
    pub timexes: Vec<Span>,
    /// The (start, end) code-point spans of the EVENTs inside `<TEXT>`.
    pub events: Vec<(usize, usize)>,
    /// The EVENTs inside `<TEXT>` with their ids and classes, sorted.
    pub event_details: Vec<EventSpan>,
    /// `(tid, start, end)` of each TIMEX3 inside `<TEXT>`.
    pub timex_ids: Vec<(String, usize, usize)>,
    /// The `tid` of the DCT's TIMEX3.
    pub dct_tid: String,
    /// `(eiid, eventID)` of each MAKEINSTANCE.
    pub instances: Vec<(String, String)>,
    /// The TLINKs between an event instance and a timex.
    pub time_links: Vec<TimeLink>,
}

/// A gold EVENT with code-point offsets.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EventSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The `eid` attribute.
    pub eid: String,
    /// The `class` attribute (OCCURRENCE, REPORTING, ...).
    pub class: String,
}

/// A TLINK from an event instance to a timex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeLink {
    /// The `eventInstanceID`.
    pub event_instance: String,
    /// The `relatedToTime` (a tid).
    pub time: String,
    /// The `relType` (IS_INCLUDED, BEFORE, ...).
    pub rel: String,
}

/// Why a TimeML document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimemlError {
    /// The XML is not well formed at this byte offset.
    Malformed {
        /// Byte offset of the problem.
        at: usize,
        /// What was expected.
        expected: &'static str,
    },
    /// The document has no `<TEXT>` element or more than one.
    TextCount(usize),
}

impl fmt::Display for TimemlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimemlError::Malformed { at, expected } => {
                write!(f, "not well-formed xml at byte {at}: expected {expected}")
            }
            TimemlError::TextCount(n) => {
                write!(f, "expected exactly one <TEXT> element, found {n}")
            }
        }
    }
}

impl std::error::Error for TimemlError {}

/// One XML event.
enum Token<'a> {
    Open(&'a str, Vec<(&'a str, String)>, bool),
    Close(&'a str),
    Text(String),
}

struct Lexer<'a> {
    s: &'a str,
    i: usize,
}

fn malformed<T>(at: usize, expected: &'static str) -> Result<T, TimemlError> {
    Err(TimemlError::Malformed { at, expected })
}

/// Decodes entities and normalises line ends in character data.
fn decode(raw: &str, at: usize) -> Result<String, TimemlError> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(k) = rest.find(['&', '\r']) {
        out.push_str(&rest[..k]);
        if rest.as_bytes()[k] == b'\r' {
            out.push('\n');
            rest = &rest[k + 1..];
            rest = rest.strip_prefix('\n').unwrap_or(rest);
            continue;
        }
        let Some(semi) = rest[k..].find(';') else {
            return malformed(at, "`;` ending an entity");
        };
        let name = &rest[k + 1..k + semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(h) = name.strip_prefix("#x") {
                    u32::from_str_radix(h, 16).ok()
                } else if let Some(d) = name.strip_prefix('#') {
                    d.parse().ok()
                } else {
                    None
                };
                match code.and_then(char::from_u32) {
                    Some(c) => c,
                    None => return malformed(at, "a known entity"),
                }
            }
        };
        out.push(c);
        rest = &rest[k + semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

impl<'a> Lexer<'a> {
    fn next(&mut self) -> Result<Option<Token<'a>>, TimemlError> {
        let s = self.s;
        if self.i >= s.len() {
            return Ok(None);
        }
        let rest = &s[self.i..];
        if !rest.starts_with('<') {
            let k = rest.find('<').unwrap_or(rest.len());
            let at = self.i;
            self.i += k;
            return Ok(Some(Token::Text(decode(&rest[..k], at)?)));
        }
        for (open, close) in [("<?", "?>"), ("<!--", "-->"), ("<!DOCTYPE", ">")] {
            if rest.starts_with(open) {
                let Some(k) = rest.find(close) else {
                    return malformed(self.i, close);
                };
                self.i += k + close.len();
                return self.next();
            }
        }
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let Some(k) = body.find("]]>") else {
                return malformed(self.i, "]]>");
            };
            self.i += 9 + k + 3;
            return Ok(Some(Token::Text(body[..k].replace("\r\n", "\n"))));
        }
        let Some(end) = rest.find('>') else {
            return malformed(self.i, "`>`");
        };
        let inner = &rest[1..end];
        let at = self.i;
        self.i += end + 1;
        if let Some(name) = inner.strip_prefix('/') {
            return Ok(Some(Token::Close(name.trim())));
        }
        let (inner, empty) = match inner.strip_suffix('/') {
            Some(x) => (x, true),
            None => (inner, false),
        };
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = &inner[..name_end];
        let mut attrs = Vec::new();
        let mut a = inner[name_end..].trim_start();
        while !a.is_empty() {
            let Some(eq) = a.find('=') else {
                return malformed(at, "`=` in an attribute");
            };
            let key = a[..eq].trim();
            let v = a[eq + 1..].trim_start();
            let Some(q) = v.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                return malformed(at, "a quoted attribute value");
            };
            let Some(close) = v[1..].find(q) else {
                return malformed(at, "a closing quote");
            };
            attrs.push((key, decode(&v[1..1 + close], at)?));
            a = v[close + 2..].trim_start();
        }
        Ok(Some(Token::Open(name, attrs, empty)))
    }
}

/// Reads a TimeML document from its source.
pub fn read(name: &str, source: &str) -> Result<Document, TimemlError> {
    let mut lx = Lexer { s: source, i: 0 };
    let mut doc = Document {
        name: name.to_owned(),
        ..Document::default()
    };
    let mut stack: Vec<&str> = Vec::new();
    let mut texts = 0;
    let mut in_text = false;
    let mut pos = 0usize; // code points of TEXT so far
    // open TIMEX3 / EVENT inside TEXT: (name, start, type or class, value
    // or nothing, tid or eid)
    let mut open: Vec<(&str, usize, String, String, String)> = Vec::new();
    let mut in_dct = false;
    while let Some(tok) = lx.next()? {
        match tok {
            Token::Open(tag, attrs, empty) => {
                let get = |k: &str| {
                    attrs
                        .iter()
                        .find(|(n, _)| *n == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                if tag == "TEXT" {
                    texts += 1;
                    in_text = !empty;
                } else if tag == "DCT" {
                    in_dct = !empty;
                } else if tag == "TIMEX3" && in_dct && doc.dct.is_empty() {
                    doc.dct = get("value");
                    doc.dct_tid = get("tid");
                } else if tag == "MAKEINSTANCE" {
                    doc.instances.push((get("eiid"), get("eventID")));
                } else if tag == "TLINK" {
                    let (event_instance, time) = (get("eventInstanceID"), get("relatedToTime"));
                    if !event_instance.is_empty() && !time.is_empty() {
                        doc.time_links.push(TimeLink {
                            event_instance,
                            time,
                            rel: get("relType"),
                        });
                    }
                } else if in_text && (tag == "TIMEX3" || tag == "EVENT") {
                    if empty {
                        if tag == "TIMEX3" {
                            doc.timexes.push(Span {
                                start: pos,
                                end: pos,
                                kind: get("type"),
                                value: get("value"),
                            });
                        }
                    } else if tag == "TIMEX3" {
                        open.push((tag, pos, get("type"), get("value"), get("tid")));
                    } else {
                        open.push((tag, pos, get("class"), String::new(), get("eid")));
                    }
                }
                if !empty {
                    stack.push(tag);
                }
            }
            Token::Close(tag) => {
                if stack.pop() != Some(tag) {
                    return malformed(lx.i, "a matching closing tag");
                }
                if tag == "TEXT" {
                    in_text = false;
                } else if tag == "DCT" {
                    in_dct = false;
                } else if in_text
                    && (tag == "TIMEX3" || tag == "EVENT")
                    && let Some(k) = open.iter().rposition(|o| o.0 == tag)
                {
                    let (t, start, kind, value, id) = open.remove(k);
                    if t == "TIMEX3" {
                        doc.timexes.push(Span {
                            start,
                            end: pos,
                            kind,
                            value,
                        });
                        doc.timex_ids.push((id, start, pos));
                    } else {
                        doc.events.push((start, pos));
                        doc.event_details.push(EventSpan {
                            start,
                            end: pos,
                            eid: id,
                            class: kind,
                        });
                    }
                }
            }
            Token::Text(t) => {
                if in_text {
                    pos += t.chars().count();
                    doc.text.push_str(&t);
                }
            }
        }
    }
    if texts != 1 {
        return Err(TimemlError::TextCount(texts));
    }
    doc.timexes.sort_by_key(|t| (t.start, t.end));
    doc.events.sort_unstable();
    doc.event_details.sort();
    Ok(doc)
}

/// Escapes text for XML character data.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// A timex to write: byte span into the text, type, value, optional mod.
#[derive(Clone, Copy, Debug)]
pub struct Tagged<'a> {
    /// Byte range in the text.
    pub span: (usize, usize),
    /// DATE, TIME, DURATION or SET.
    pub kind: &'a str,
    /// The TimeML value.
    pub value: &'a str,
    /// The TimeML mod, if any.
    pub modifier: Option<&'a str>,
}

/// Writes a TimeML document holding `text` with its timexes (byte spans,
/// sorted, non-overlapping) and the DCT.
pub fn write(doc_id: &str, dct: &str, text: &str, timexes: &[Tagged<'_>]) -> String {
    let mut out = String::with_capacity(text.len() + 256 + timexes.len() * 80);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>");
    escape(doc_id, &mut out);
    out.push_str("</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"");
    escape(dct, &mut out);
    out.push_str("\" functionInDocument=\"CREATION_TIME\">");
    escape(dct, &mut out);
    out.push_str("</TIMEX3></DCT>\n<TEXT>");
    let mut at = 0;
    for (k, t) in timexes.iter().enumerate() {
        let (s, e) = t.span;
        if s < at || e > text.len() {
            continue;
        }
        escape(&text[at..s], &mut out);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"",
            k + 1,
            t.kind
        ));
        escape(t.value, &mut out);
        out.push('"');
        if let Some(m) = t.modifier {
            out.push_str(&format!(" mod=\"{m}\""));
        }
        out.push('>');
        escape(&text[s..e], &mut out);
        out.push_str("</TIMEX3>");
        at = e;
    }
    escape(&text[at..], &mut out);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_timexes_and_dct() {
        let src = "<?xml version=\"1.0\"?>\n<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"1998-01-08\">x</TIMEX3></DCT>\
                   <TEXT>A &amp; B <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998\">last year</TIMEX3>, \
                   <EVENT eid=\"e1\">said</EVENT> caf\u{e9}\r\n<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P1W\">week</TIMEX3></TEXT></TimeML>";
        let d = read("x.tml", src).expect("well formed");
        assert_eq!(d.dct, "1998-01-08");
        assert_eq!(d.text, "A & B last year, said caf\u{e9}\nweek");
        assert_eq!(d.timexes.len(), 2);
        assert_eq!((d.timexes[0].start, d.timexes[0].end), (6, 15));
        assert_eq!((d.timexes[1].start, d.timexes[1].end), (27, 31));
        assert_eq!(d.events, vec![(17, 21)]);
    }

    #[test]
    fn write_then_read_round_trips() {
        let text = "On <Friday> & later";
        let t = [Tagged {
            span: (3, 11),
            kind: "DATE",
            value: "1998-01-09",
            modifier: None,
        }];
        let xml = write("d", "1998-01-08", text, &t);
        let d = read("d", &xml).expect("own output parses");
        assert_eq!(d.text, text);
        assert_eq!((d.timexes[0].start, d.timexes[0].end), (3, 11));
    }

    #[test]
    fn errors_say_what_was_expected() {
        assert_eq!(
            read("x", "<TimeML>").map(|_| ()),
            Err(TimemlError::TextCount(0))
        );
        let e = read("x", "<TEXT a=b></TEXT>").map(|_| ());
        assert_eq!(
            e.map_err(|e| e.to_string()),
            Err("not well-formed xml at byte 0: expected a quoted attribute value".into())
        );
    }
}
