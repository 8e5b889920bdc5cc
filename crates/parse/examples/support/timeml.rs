//! A tiny TimeML reader and a TempEval-3 Task B event scorer, shared by the
//! `train_triggers` and `eval_triggers` examples.
//!
//! The document text is the character data of `<TEXT>` with every tag
//! removed and the XML entities decoded, as TempEval-3 reads it; spans here
//! are byte ranges into that text (the scorer compares like with like, so
//! bytes and code points give the same figures).

#![allow(dead_code)] // each example uses a different part

use std::fmt;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::Path;

/// A gold `EVENT`.
#[derive(Clone, Debug)]
pub struct GoldEvent {
    /// Byte range in [`Doc::text`].
    pub span: Range<usize>,
    /// The `class` attribute.
    pub class: String,
    /// The `pos` of its `MAKEINSTANCE` ("" when there is none).
    pub pos: String,
}

/// One TimeML document.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The file name.
    pub name: String,
    /// The character data of `<TEXT>`.
    pub text: String,
    /// Its events, in text order.
    pub events: Vec<GoldEvent>,
}

impl Doc {
    /// Its events as (span, class) pairs, as [`Counts::add`] takes them.
    pub fn gold(&self) -> Vec<(Range<usize>, &str)> {
        self.events
            .iter()
            .map(|e| (e.span.clone(), e.class.as_str()))
            .collect()
    }
}

/// Recognised triggers as (span, class) pairs, as [`Counts::add`] takes them.
pub fn system(found: &[annals_parse::triggers::Trigger]) -> Vec<(Range<usize>, &'static str)> {
    found
        .iter()
        .map(|t| (t.span.clone(), t.class.as_str()))
        .collect()
}

/// Reads every `.tml` file of `dir`, sorted by name.
pub fn read_dir(dir: &Path) -> io::Result<Vec<Doc>> {
    let mut paths: Vec<_> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "tml"));
    paths.sort();
    let mut docs = Vec::with_capacity(paths.len());
    for p in paths {
        let src = fs::read_to_string(&p)?;
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = parse(&name, &src)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{name}: {e}")))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// The value of attribute `name` in the tag source `tag` (`<EVENT a="b">`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = rest[..i].ends_with(|c: char| c.is_whitespace());
        let after = &rest[i + name.len()..];
        if before_ok && let Some(v) = after.strip_prefix("=\"") {
            return v.find('"').map(|e| &v[..e]);
        }
        rest = after;
    }
    None
}

/// Decodes the XML entities of `s` into `out`.
fn decode_into(s: &str, out: &mut String) -> Result<(), String> {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let semi = rest[i..]
            .find(';')
            .ok_or_else(|| format!("unterminated entity at {:?}", &rest[i..]))?;
        let name = &rest[i + 1..i + semi];
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
                code.and_then(char::from_u32)
                    .ok_or_else(|| format!("unknown entity &{name};"))?
            }
        };
        out.push(c);
        rest = &rest[i + semi + 1..];
    }
    out.push_str(rest);
    Ok(())
}

/// Parses one TimeML document.
pub fn parse(name: &str, src: &str) -> Result<Doc, String> {
    let src = src.replace("\r\n", "\n");
    let open = src.find("<TEXT>").ok_or("no <TEXT>")?;
    let close = src.find("</TEXT>").ok_or("no </TEXT>")?;
    let body = &src[open + "<TEXT>".len()..close];
    let mut text = String::with_capacity(body.len());
    let mut stack: Vec<(usize, String, String)> = Vec::new();
    let mut events: Vec<(Range<usize>, String, String)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        decode_into(&rest[..lt], &mut text)?;
        let gt = rest[lt..].find('>').ok_or("unterminated tag")? + lt;
        let tag = &rest[lt..=gt];
        if tag.starts_with("<EVENT") && !tag.ends_with("/>") {
            let eid = attr(tag, "eid").unwrap_or_default().to_owned();
            let class = attr(tag, "class").unwrap_or_default().to_owned();
            stack.push((text.len(), eid, class));
        } else if tag.starts_with("</EVENT") {
            let (start, eid, class) = stack.pop().ok_or("</EVENT> without <EVENT>")?;
            events.push((start..text.len(), eid, class));
        }
        rest = &rest[gt + 1..];
    }
    decode_into(rest, &mut text)?;
    let mut pos = std::collections::HashMap::new();
    let mut tail = &src[close..];
    while let Some(i) = tail.find("<MAKEINSTANCE") {
        let end = tail[i..].find('>').map_or(tail.len(), |e| i + e);
        let tag = &tail[i..end];
        if let (Some(e), Some(p)) = (attr(tag, "eventID"), attr(tag, "pos")) {
            pos.entry(e.to_owned()).or_insert_with(|| p.to_owned());
        }
        tail = &tail[end..];
    }
    events.sort_by_key(|e| (e.0.start, e.0.end));
    let events = events
        .into_iter()
        .map(|(span, eid, class)| GoldEvent {
            span,
            class,
            pos: pos.get(&eid).cloned().unwrap_or_default(),
        })
        .collect();
    Ok(Doc {
        name: name.to_owned(),
        text,
        events,
    })
}

/// TempEval-3 Task B counts, summed over documents.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// Gold events.
    pub gold: usize,
    /// System events.
    pub system: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    /// Pairs (overlapping spans, one to one).
    pub relaxed: usize,
    /// Pairs with the same class.
    pub class: usize,
}

/// Pairs gold and system spans one to one, greedily in text order (each
/// system span takes the first unpaired gold span it overlaps), and
/// returns the pairs as (gold index, system index).
pub fn pair(gold: &[Range<usize>], system: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut used = vec![false; gold.len()];
    let mut out = Vec::new();
    let mut g0 = 0;
    for (si, s) in system.iter().enumerate() {
        while g0 < gold.len() && gold[g0].end <= s.start {
            g0 += 1;
        }
        let mut g = g0;
        while g < gold.len() && gold[g].start < s.end {
            if !used[g] && gold[g].end > s.start {
                used[g] = true;
                out.push((g, si));
                break;
            }
            g += 1;
        }
    }
    out
}

impl Counts {
    /// Adds one document: gold and system (span, class) lists in text order.
    pub fn add(&mut self, gold: &[(Range<usize>, &str)], system: &[(Range<usize>, &str)]) {
        self.gold += gold.len();
        self.system += system.len();
        let gs: Vec<_> = gold.iter().map(|g| g.0.clone()).collect();
        let ss: Vec<_> = system.iter().map(|s| s.0.clone()).collect();
        for (g, s) in pair(&gs, &ss) {
            self.relaxed += 1;
            self.strict += usize::from(gs[g] == ss[s]);
            self.class += usize::from(gold[g].1 == system[s].1);
        }
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.class += other.class;
    }

    fn prf(&self, matched: usize) -> (f64, f64, f64) {
        let p = ratio(matched, self.system);
        let r = ratio(matched, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Strict span precision, recall, F1.
    pub fn strict(&self) -> (f64, f64, f64) {
        self.prf(self.strict)
    }

    /// Relaxed span precision, recall, F1.
    pub fn relaxed(&self) -> (f64, f64, f64) {
        self.prf(self.relaxed)
    }

    /// Class accuracy over relaxed pairs and class F1 (= accuracy × relaxed F1).
    pub fn class(&self) -> (f64, f64) {
        let acc = ratio(self.class, self.relaxed);
        (acc, acc * self.relaxed().2)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict();
        let (rp, rr, rf) = self.relaxed();
        let (ca, cf) = self.class();
        writeln!(f, "events: gold {}, system {}", self.gold, self.system)?;
        writeln!(f, "          P       R       F1")?;
        writeln!(
            f,
            "strict    {:6.2}  {:6.2}  {:6.2}",
            100.0 * sp,
            100.0 * sr,
            100.0 * sf
        )?;
        writeln!(
            f,
            "relaxed   {:6.2}  {:6.2}  {:6.2}",
            100.0 * rp,
            100.0 * rr,
            100.0 * rf
        )?;
        write!(
            f,
            "class     accuracy {:6.2}  F1 {:6.2}",
            100.0 * ca,
            100.0 * cf
        )
    }
}
