//! Diagnostics: problems in the input, reported with file, line, column, the
//! offending line with a caret under it, and what would fix it.
//!
//! ```text
//! error: `2019-13` is not a TimeML value
//!   --> seeds/annals.yaml:12:11
//!    |
//! 12 |     redate: 2019-13
//!    |             ^^^^^^^
//!    = help: write a date like 2019-04, 2019-04-30 or 2019-W17
//! ```
//!
//! A diagnostic keeps a byte span into its source text and computes the line
//! and column only when printed.

use std::fmt;
use std::ops::Range;

/// One problem in one input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in, as the user named it.
    pub file: String,
    /// What is wrong, lowercase, saying what was expected and what was found.
    pub message: String,
    /// Where, with the file's text, when the problem has a place.
    pub location: Option<Location>,
    /// What would fix it.
    pub help: Option<String>,
}

/// The place of a diagnostic: a byte span in a source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The whole text of the file.
    pub source: String,
    /// Byte range of the offending text (may be empty: a point).
    pub span: Range<usize>,
}

impl Diagnostic {
    /// A problem with a whole file (no line to point at).
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            message: message.into(),
            location: None,
            help: None,
        }
    }

    /// A problem at `span` of `source`.
    pub fn at(
        file: impl Into<String>,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        Diagnostic {
            file: file.into(),
            message: message.into(),
            location: Some(Location {
                source: source.to_owned(),
                span: start..end,
            }),
            help: None,
        }
    }

    /// Adds what would fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let loc = self.location.as_ref()?;
        let before = &loc.source[..loc.span.start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let col = loc.source[line_start..loc.span.start].chars().count() + 1;
        Some((line, col))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A diagnostic printed as a warning: the same text under `warning:`, for
/// problems that are reported and skipped rather than stopping the run.
#[derive(Debug)]
pub struct Warning<'a>(&'a Diagnostic);

impl Diagnostic {
    /// This diagnostic, to print as a warning.
    ///
    /// ```
    /// let d = annals_model::Diagnostic::file("a.txt", "the file is empty");
    /// assert!(d.warning().to_string().starts_with("warning: the file is empty"));
    /// ```
    pub fn warning(&self) -> Warning<'_> {
        Warning(self)
    }

    /// A problem on line `line` (1-based) of a file too large to keep
    /// whole: only that line is kept, so that a JSON-lines file of
    /// millions of articles costs one line per diagnostic.
    pub fn on_line(
        file: impl Into<String>,
        line: usize,
        text: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let pad = "\n".repeat(line.saturating_sub(1));
        let shift = pad.len();
        let source = format!("{pad}{text}");
        Diagnostic::at(file, &source, span.start + shift..span.end + shift, message)
    }

    fn render(&self, f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
        writeln!(f, "{label}: {}", self.message)?;
        match (&self.location, self.line_col()) {
            (Some(loc), Some((line, col))) => {
                let gutter = line.to_string().len();
                let pad = " ".repeat(gutter);
                writeln!(f, "{pad}--> {}:{line}:{col}", self.file)?;
                let line_start = loc.source[..loc.span.start]
                    .rfind('\n')
                    .map_or(0, |p| p + 1);
                let line_end = loc.source[line_start..]
                    .find('\n')
                    .map_or(loc.source.len(), |p| line_start + p);
                let text = loc.source[line_start..line_end].trim_end_matches('\r');
                let caret_start = loc.source[line_start..loc.span.start].chars().count();
                let caret_len = loc.source[loc.span.start..loc.span.end.min(line_end)]
                    .chars()
                    .count()
                    .max(1);
                writeln!(f, "{pad} |")?;
                writeln!(f, "{line} | {text}")?;
                writeln!(
                    f,
                    "{pad} | {}{}",
                    " ".repeat(caret_start),
                    "^".repeat(caret_len)
                )?;
            }
            _ => writeln!(f, "  --> {}", self.file)?,
        }
        if let Some(help) = &self.help {
            let pad = match self.line_col() {
                Some((line, _)) => " ".repeat(line.to_string().len()),
                None => " ".into(),
            };
            // Continuation lines (a YAML snippet) line up under the text.
            let mut lines = help.lines();
            writeln!(f, "{pad} = help: {}", lines.next().unwrap_or_default())?;
            for line in lines {
                if line.is_empty() {
                    writeln!(f)?;
                } else {
                    writeln!(f, "{pad}         {line}")?;
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f, "error")
    }
}

impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.render(f, "warning")
    }
}

impl std::error::Error for Diagnostic {}

/// A serde message without its "at line 1 column 7" tail: diagnostics say
/// where themselves.
pub(crate) fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_line_column_and_caret() {
        let src = "title: x\nevents:\n  - redate: 2019-13\n";
        let start = src.find("2019-13").unwrap();
        let d = Diagnostic::at("annals.yaml", src, start..start + 7, "bad date")
            .with_help("write 2019-12");
        assert_eq!(d.line_col(), Some((3, 13)));
        insta::assert_snapshot!(d.to_string(), @r"
        error: bad date
         --> annals.yaml:3:13
          |
        3 |   - redate: 2019-13
          |             ^^^^^^^
          = help: write 2019-12
        ");
    }

    #[test]
    fn counts_columns_in_characters() {
        let src = "title: Guaidó é x";
        let start = src.find('x').unwrap();
        let d = Diagnostic::at("a.yaml", src, start..start + 1, "m");
        assert_eq!(d.line_col(), Some((1, 17)));
    }

    #[test]
    fn file_level_diagnostic_has_no_caret() {
        let d = Diagnostic::file("seeds/x.txt", "the article is empty")
            .with_help("remove the file or add its text");
        insta::assert_snapshot!(d.to_string(), @r"
        error: the article is empty
          --> seeds/x.txt
          = help: remove the file or add its text
        ");
    }

    #[test]
    fn spans_off_char_boundaries_are_clamped() {
        let src = "é";
        let d = Diagnostic::at("f", src, 1..2, "m");
        assert_eq!(
            d.location.unwrap().span,
            0..2,
            "start floors to the char start"
        );
    }
}
