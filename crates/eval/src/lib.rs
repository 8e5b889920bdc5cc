//! # annals-eval
//!
//! Evaluates the `annals-parse` temporal tagger on TimeML corpora with the
//! TempEval-3 TIMEX3 measures: strict and relaxed span precision, recall
//! and F1, and type and value F1 (attribute accuracy on relaxed pairs times
//! relaxed F1). The figures agree with the reference scorer `te3score.py`,
//! whose token-level alignment quirks are ported exactly.
//!
//! ```
//! use annals_eval::{evaluate_docs, timeml};
//!
//! let src = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2019-09-25">x</TIMEX3></DCT>
//! <TEXT>He left <TIMEX3 tid="t1" type="DATE" value="2019-09-24">yesterday</TIMEX3>.</TEXT></TimeML>"#;
//! let doc = timeml::read("a.tml", src).unwrap();
//! let report = evaluate_docs(&[doc], false).unwrap();
//! assert_eq!(report.counts.value_ok, 1);
//! ```
//!
//! ## Errors
//!
//! [`TimemlError`](timeml::TimemlError) when a file is not TimeML;
//! [`EvalError`] when a folder cannot be read or a document's DCT is not a
//! date.

#![deny(missing_docs)]

pub mod events;
pub mod score;
pub mod timeml;

use std::fmt;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use annals_parse::{Anchor, tag};
use chrono::NaiveDate;

pub use score::{Counts, Metrics, ScoreError, metrics, score_doc};
use timeml::{Document, Span};

/// Why an evaluation could not run.
#[derive(Debug)]
pub enum EvalError {
    /// The folder or a file could not be read.
    Io(PathBuf, std::io::Error),
    /// A file is not TimeML.
    Timeml(String, timeml::TimemlError),
    /// The folder holds no `.tml` file.
    Empty(PathBuf),
    /// A document's DCT is not a date.
    Dct(String, String),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            EvalError::Timeml(name, e) => write!(f, "{name}: {e}"),
            EvalError::Empty(p) => write!(f, "no .tml files in {}", p.display()),
            EvalError::Dct(name, v) => write!(
                f,
                "{name}: the creation time `{v}` is not a date: expected YYYY-MM-DD..."
            ),
        }
    }
}

impl std::error::Error for EvalError {}

/// The outcome of an evaluation.
#[derive(Clone, Debug)]
pub struct Report {
    /// Number of documents.
    pub documents: usize,
    /// Summed counts.
    pub counts: Counts,
    /// Every error, sorted, when asked for.
    pub errors: Vec<ScoreError>,
}

impl Report {
    /// The TempEval-3 metrics of the summed counts.
    pub fn metrics(&self) -> Metrics {
        metrics(&self.counts)
    }

    /// The report as `te3score.py` prints it.
    pub fn render(&self) -> String {
        let c = &self.counts;
        let m = self.metrics();
        let pct = |x: f64| format!("{:6.2}", 100.0 * x);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "documents: {}   gold timexes: {}   system timexes: {}",
            self.documents, c.gold, c.system
        );
        let _ = writeln!(
            out,
            "pairs (relaxed): {}   exact spans: {}   type ok: {}   value ok: {}",
            c.relaxed, c.strict, c.type_ok, c.value_ok
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "              F1      P      R");
        for (label, r) in [("strict   ", m.strict), ("relaxed  ", m.relaxed)] {
            let _ = writeln!(out, "{label}  {} {} {}", pct(r.f1), pct(r.p), pct(r.r));
        }
        for (label, r) in [("type     ", m.kind), ("value    ", m.value)] {
            let _ = writeln!(
                out,
                "{label}  {} {} {}   (accuracy on pairs {})",
                pct(r.f1),
                pct(r.p),
                pct(r.r),
                pct(r.accuracy)
            );
        }
        if !self.errors.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(out, "errors (doc, offset, kind, gold, system):");
            for e in &self.errors {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    e.doc, e.offset, e.kind, e.gold, e.system
                );
            }
        }
        out
    }
}

/// The anchor date of a DCT value such as `1998-01-08` or `1999-10-24T20:00`.
pub fn anchor_of(dct: &str) -> Option<Anchor> {
    let day = dct.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(Anchor::new)
}

/// Tags a document's text and returns the timexes as code-point spans.
pub fn system_spans(text: &str, anchor: &Anchor) -> Vec<Span> {
    let timexes = tag(text, anchor);
    let mut out = Vec::with_capacity(timexes.len());
    let (mut byte, mut cp) = (0usize, 0usize);
    let mut to_cp = |b: usize| {
        cp += text[byte..b].chars().count();
        byte = b;
        cp
    };
    for t in timexes {
        let start = to_cp(t.span.start);
        let end = to_cp(t.span.end);
        out.push(Span {
            start,
            end,
            kind: t.kind.as_str().to_owned(),
            value: t.value.to_string(),
        });
    }
    out
}

/// Tags and scores already-read documents.
pub fn evaluate_docs(docs: &[Document], want_errors: bool) -> Result<Report, EvalError> {
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    for d in docs {
        let anchor =
            anchor_of(&d.dct).ok_or_else(|| EvalError::Dct(d.name.clone(), d.dct.clone()))?;
        let system = system_spans(&d.text, &anchor);
        let c = score_doc(
            &d.name,
            &d.text,
            &d.timexes,
            &d.events,
            &system,
            &[],
            want_errors.then_some(&mut errors),
        );
        counts.add(&c);
    }
    errors.sort();
    Ok(Report {
        documents: docs.len(),
        counts,
        errors,
    })
}

/// Scores system TimeML documents against gold ones with the same names
/// (a gold document without a system one counts as tagged with nothing).
pub fn score_docs(gold: &[Document], system: &[Document], want_errors: bool) -> Report {
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    for g in gold {
        let (spans, events) = system
            .iter()
            .find(|s| s.name == g.name)
            .map_or((&[][..], &[][..]), |s| (&s.timexes[..], &s.events[..]));
        let c = score_doc(
            &g.name,
            &g.text,
            &g.timexes,
            &g.events,
            spans,
            events,
            want_errors.then_some(&mut errors),
        );
        counts.add(&c);
    }
    errors.sort();
    Report {
        documents: gold.len(),
        counts,
        errors,
    }
}

/// Reads every `.tml` file of `dir`, sorted by name.
pub fn read_dir(dir: &Path) -> Result<Vec<Document>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::Io(dir.to_owned(), e))?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|e| EvalError::Io(dir.to_owned(), e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tml") && !name.starts_with('.') {
            names.push(name);
        }
    }
    names.sort();
    if names.is_empty() {
        return Err(EvalError::Empty(dir.to_owned()));
    }
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let src = std::fs::read_to_string(&path).map_err(|e| EvalError::Io(path.clone(), e))?;
            timeml::read(&name, &src).map_err(|e| EvalError::Timeml(name.clone(), e))
        })
        .collect()
}

/// Reads, tags and scores every `.tml` file of `dir`.
pub fn evaluate_dir(dir: &Path, want_errors: bool) -> Result<Report, EvalError> {
    evaluate_docs(&read_dir(dir)?, want_errors)
}
