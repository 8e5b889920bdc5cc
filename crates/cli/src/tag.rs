//! `annals tag`: JSON lines of documents in, JSON lines of timexes out.
//!
//! Input, one document a line: `{"doc": "...", "dct": "2019-09-25", "text": "..."}`.
//! Output, one timex a line: `{"doc", "start", "end", "text", "type", "value"}`
//! plus `"mod"` when there is one; `start`/`end` count code points, end
//! exclusive. With `--format timeml`, one TimeML document per input line.
//! Lines are read and written in batches, so memory stays bounded by the
//! batch whatever the input size; `--jobs N` tags a batch on N threads and
//! writes it in input order.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{BufRead, BufWriter, Write};

use annals_parse::{Timex, tag};
use serde::Deserialize;

use crate::Failure;

/// Output formats of `annals tag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// One JSON object per timex.
    Jsonl,
    /// One TimeML document per input document.
    Timeml,
}

/// Arguments of `annals tag`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// JSON lines file of documents (`{"doc", "dct", "text"}`); stdin when absent.
    file: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Threads to tag with (output keeps the input order).
    #[arg(long, default_value_t = 1)]
    jobs: usize,
}

/// An input line; its strings borrow from the line unless they hold
/// escapes, so the text is not copied again.
#[derive(Deserialize)]
struct InputDoc<'a> {
    #[serde(borrow)]
    doc: Cow<'a, str>,
    #[serde(borrow)]
    dct: Cow<'a, str>,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// The result of one input line: output text or a diagnostic.
type LineResult = Result<String, String>;

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let name = args
        .file
        .as_ref()
        .map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
    let input: Box<dyn BufRead> = match &args.file {
        Some(p) => Box::new(std::io::BufReader::new(std::fs::File::open(p).map_err(
            |e| Failure::Fatal(format!("{}: cannot open: {e}", p.display())),
        )?)),
        None => Box::new(std::io::stdin().lock()),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let jobs = args.jobs.max(1);
    let batch = 64 * jobs;
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(batch);
    let mut bad = false;
    let io = |e: std::io::Error| Failure::Fatal(format!("{name}: {e}"));
    for (k, line) in input.lines().enumerate() {
        lines.push((k + 1, line.map_err(io)?));
        if lines.len() == batch {
            bad |= flush(&name, &mut lines, args.format, jobs, &mut out)?;
        }
    }
    bad |= flush(&name, &mut lines, args.format, jobs, &mut out)?;
    out.flush()
        .map_err(|e| Failure::Fatal(format!("stdout: {e}")))?;
    if bad { Err(Failure::Input) } else { Ok(()) }
}

/// Tags a batch (in parallel when `jobs` > 1) and writes it in order.
/// Returns whether some line was bad.
fn flush(
    name: &str,
    lines: &mut Vec<(usize, String)>,
    format: Format,
    jobs: usize,
    out: &mut impl Write,
) -> Result<bool, Failure> {
    let results: Vec<LineResult> = if jobs == 1 || lines.len() < 2 {
        lines.iter().map(|(_, l)| process(l, format)).collect()
    } else {
        let chunk = lines.len().div_ceil(jobs);
        std::thread::scope(|s| {
            let handles: Vec<_> = lines
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|(_, l)| process(l, format))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join()
                        .unwrap_or_else(|_| vec![Err("the tagger thread panicked".to_owned())])
                })
                .collect()
        })
    };
    let mut bad = false;
    for ((lineno, _), r) in lines.iter().zip(results) {
        match r {
            Ok(s) => out
                .write_all(s.as_bytes())
                .map_err(|e| Failure::Fatal(format!("stdout: {e}")))?,
            Err(msg) => {
                bad = true;
                eprintln!("error: {name}:{lineno}: {msg}");
            }
        }
    }
    lines.clear();
    Ok(bad)
}

/// Tags one input line and renders its output.
fn process(line: &str, format: Format) -> LineResult {
    if line.trim().is_empty() {
        return Ok(String::new());
    }
    let d: InputDoc<'_> = serde_json::from_str(line).map_err(|e| {
        format!(
            "{e}: expected a JSON object {{\"doc\": ..., \"dct\": \"YYYY-MM-DD\", \"text\": ...}}"
        )
    })?;
    let anchor = annals_eval::anchor_of(&d.dct).ok_or_else(|| {
        format!(
            "`dct` is {:?}: expected a date YYYY-MM-DD (a time may follow)",
            d.dct
        )
    })?;
    let timexes = tag(&d.text, &anchor);
    Ok(match format {
        Format::Jsonl => jsonl(&d, &timexes),
        Format::Timeml => timeml(&d, &timexes),
    })
}

fn jsonl(d: &InputDoc<'_>, timexes: &[Timex]) -> String {
    let mut s = String::new();
    let (mut byte, mut cp) = (0usize, 0usize);
    for t in timexes {
        cp += d.text[byte..t.span.start].chars().count();
        let start = cp;
        cp += d.text[t.span.clone()].chars().count();
        byte = t.span.end;
        s.push_str("{\"doc\":");
        push_json_str(&mut s, &d.doc);
        let _ = write!(s, ",\"start\":{start},\"end\":{cp},\"text\":");
        push_json_str(&mut s, &d.text[t.span.clone()]);
        let _ = write!(s, ",\"type\":\"{}\",\"value\":", t.kind.as_str());
        push_json_str(&mut s, t.value.as_str());
        if let Some(m) = t.modifier {
            let _ = write!(s, ",\"mod\":\"{}\"", m.as_str());
        }
        s.push('}');
        s.push('\n');
    }
    s
}

/// Appends `v` as a JSON string, escaped as serde_json escapes it (`"`,
/// `\\`, control characters), without building a `serde_json::Value`.
fn push_json_str(out: &mut String, v: &str) {
    out.push('"');
    let mut from = 0;
    for (i, b) in v.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&v[from..i]);
        if esc.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.push_str(esc);
        }
        from = i + 1;
    }
    out.push_str(&v[from..]);
    out.push('"');
}

fn timeml(d: &InputDoc<'_>, timexes: &[Timex]) -> String {
    let tagged: Vec<annals_eval::timeml::Tagged<'_>> = timexes
        .iter()
        .map(|t| annals_eval::timeml::Tagged {
            span: (t.span.start, t.span.end),
            kind: t.kind.as_str(),
            value: t.value.as_str(),
            modifier: t.modifier.map(|m| m.as_str()),
        })
        .collect();
    annals_eval::timeml::write(&d.doc, &d.dct, &d.text, &tagged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_as_serde_json_does() {
        for v in [
            "plain",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak\ttab\r",
            "\u{1}\u{1f}\u{8}\u{c}",
            "Guaidó ’s",
        ] {
            let mut s = String::new();
            push_json_str(&mut s, v);
            assert_eq!(s, serde_json::Value::from(v).to_string(), "{v:?}");
        }
    }

    #[test]
    fn offsets_are_code_points() {
        let line = r#"{"doc":"a","dct":"2019-09-25","text":"Guaidó left yesterday."}"#;
        let out = process(line, Format::Jsonl).expect("valid line");
        assert_eq!(
            out,
            "{\"doc\":\"a\",\"start\":12,\"end\":21,\"text\":\"yesterday\",\"type\":\"DATE\",\"value\":\"2019-09-24\"}\n"
        );
    }

    #[test]
    fn bad_lines_say_what_was_expected() {
        let e = process(r#"{"doc":"a","dct":"soon","text":""}"#, Format::Jsonl);
        assert_eq!(
            e,
            Err("`dct` is \"soon\": expected a date YYYY-MM-DD (a time may follow)".into())
        );
        assert!(process("not json", Format::Jsonl).is_err());
    }
}
