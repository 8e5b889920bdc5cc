//! `annals mentions` (the map step) and `--mentions` of `annals events`,
//! `build` and `check` (the reduce step).
//!
//! The map reads articles as JSON lines (what `annals articles --format
//! jsonl` prints) and writes each document's line, then one line per
//! event mention (`annals_model::records`). It streams: a batch of lines
//! is read, tagged on `--jobs` threads and written in input order before
//! the next is read, so memory stays bounded whatever the input's size.
//!
//! The reduce reads mention files, in the order given, and builds the
//! timeline with `annals_model::pipeline::reduce`, the call the one-step
//! commands make: the same articles give the same timeline either way.

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

use annals_model::config::Config;
use annals_model::ingest::JsonLines;
use annals_model::records::{self, Mention, Record};
use annals_model::{Diagnostic, Document, SourceInfo, Timeline, pipeline};

use crate::Failure;
use crate::build::{config_warnings, read_config, report, workers};
use crate::input::io_reason;

/// Arguments of `annals mentions`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Articles as JSON lines (`annals articles --format jsonl`); `-` or
    /// nothing reads standard input.
    file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Threads to tag on (default: all cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// The annals.yaml whose article metadata to apply (default: the one
    /// beside FILE, none for standard input). Applying it again to what
    /// `annals articles` printed changes nothing.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Stop at the first line without a readable, dated article instead
    /// of skipping it with a warning.
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// A document line, then one line per event mention (schema 1).
    Jsonl,
}

/// Documents tagged per thread in one batch: enough to keep the threads
/// busy, few enough to bound memory.
const BATCH_PER_JOB: usize = 32;

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let Format::Jsonl = args.format;
    let path = args.file.clone().unwrap_or_else(|| PathBuf::from("-"));
    let (config, config_name) = config_for(std::slice::from_ref(&path), args.config.as_deref())?;
    let mut lines = Lines::open(&path)?;
    let name = if is_stdin(&path) {
        "stdin".to_owned()
    } else {
        path.file_name()
            .map_or_else(|| lines.shown.clone(), |n| n.to_string_lossy().into_owned())
    };
    let mut map = Map {
        articles: JsonLines::new(&name, &lines.shown),
        config,
        config_name,
        strict: args.strict,
        skipped: 0,
    };
    let jobs = args.jobs.unwrap_or_else(workers).max(1);
    let mut out = BufWriter::new(std::io::stdout().lock());
    loop {
        let docs = map.batch(&mut lines, jobs * BATCH_PER_JOB)?;
        if docs.is_empty() {
            break;
        }
        let found = pipeline::mentions_all(&docs, jobs, &|| {});
        if !write_batch(&mut out, &docs, &found)? {
            return Ok(());
        }
    }
    map.summary();
    match out.flush() {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Fatal(format!("cannot write to stdout: {e}"))),
    }
}

/// The map's state across batches.
struct Map {
    articles: JsonLines,
    config: Config,
    config_name: Option<String>,
    strict: bool,
    skipped: usize,
}

impl Map {
    /// The next `size` dated documents (fewer at the end of the input).
    fn batch(&mut self, lines: &mut Lines, size: usize) -> Result<Vec<Document>, Failure> {
        let mut docs = Vec::with_capacity(size);
        while docs.len() < size {
            let Some((number, line)) = lines.next()? else {
                break;
            };
            let article = line.and_then(|line| self.articles.article(number, &line));
            let problem = match article {
                Ok(None) => continue,
                Ok(Some(article)) => match pipeline::document(&article, &self.config) {
                    Some(doc) => {
                        docs.push(doc);
                        continue;
                    }
                    None => self.undated(&lines.shown, number, &article.doc),
                },
                Err(d) => d,
            };
            self.problem(&problem)?;
        }
        Ok(docs)
    }

    fn undated(&self, shown: &str, number: usize, doc: &str) -> Diagnostic {
        let target = self.config_name.clone().unwrap_or_else(|| {
            "the annals.yaml of the articles (and pass it with --config)".to_owned()
        });
        pipeline::undated(&format!("{shown}:{number} ({doc})"), doc, &target)
    }

    /// Reports a line that gave no document: a warning, or with
    /// `--strict` the error that stops the run.
    fn problem(&mut self, d: &Diagnostic) -> Result<(), Failure> {
        if self.strict {
            return Err(report(std::slice::from_ref(d)));
        }
        eprintln!("{}", d.warning());
        self.skipped += 1;
        Ok(())
    }

    fn summary(&self) {
        let n = self.skipped;
        if n > 0 {
            eprintln!(
                "warning: skipped {n} line{} without a readable, dated article (see above); `--strict` stops on {} instead",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" },
            );
        }
    }
}

/// Writes each document's line and its mentions' lines; false when the
/// reader went away (a closed pipe), which ends the run quietly.
fn write_batch(
    out: &mut impl Write,
    docs: &[Document],
    found: &[Vec<Mention>],
) -> Result<bool, Failure> {
    let mut text = String::new();
    for (doc, mentions) in docs.iter().zip(found) {
        text.push_str(&records::document_line(&SourceInfo::of(doc)));
        text.push('\n');
        for m in mentions {
            text.push_str(&records::mention_line(m));
            text.push('\n');
        }
    }
    match out.write_all(text.as_bytes()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(Failure::Fatal(format!("cannot write to stdout: {e}"))),
    }
}

/// The timeline from mention files, in the order given, with annals.yaml
/// (`--config`, else the one beside the first mention file).
pub(crate) fn reduce(
    paths: &[PathBuf],
    config: Option<&Path>,
    options: &pipeline::Options,
) -> Result<Timeline, Failure> {
    let (config, _) = config_for(paths, config)?;
    let mut reduced = Reduced::default();
    for path in paths {
        reduced.read(path)?;
    }
    if !reduced.problems.is_empty() {
        return Err(report(&reduced.problems));
    }
    if reduced.sources.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| shown(p)).collect();
        eprintln!(
            "error: no document line in {}; nothing was written\n  = help: mention files come from `annals mentions`; check that it read articles",
            names.join(", ")
        );
        return Err(Failure::Input);
    }
    config_warnings(&config);
    let Reduced {
        sources, mentions, ..
    } = reduced;
    pipeline::reduce_owned(&sources, mentions, &config, options).map_err(|ds| report(&ds))
}

/// Most problems reported from mention files before giving up: past a
/// few, the file is not a mention file at all.
const MAX_PROBLEMS: usize = 20;

/// The documents and mentions read so far.
#[derive(Default)]
struct Reduced {
    sources: Vec<SourceInfo>,
    mentions: Vec<Vec<Mention>>,
    /// The latest document of each id: a mention belongs to it.
    latest: std::collections::HashMap<String, usize>,
    problems: Vec<Diagnostic>,
}

impl Reduced {
    fn read(&mut self, path: &Path) -> Result<(), Failure> {
        let mut lines = Lines::open(path)?;
        while self.problems.len() < MAX_PROBLEMS {
            let Some((number, line)) = lines.next()? else {
                break;
            };
            let added = match line {
                Ok(line) if line.trim().is_empty() => Ok(()),
                Ok(line) => records::parse_line(&lines.shown, number, &line)
                    .and_then(|record| self.add(record, &lines.shown, number, &line)),
                Err(d) => Err(d),
            };
            if let Err(d) = added {
                self.problems.push(d);
            }
        }
        Ok(())
    }

    /// Files a record of line `number` of `shown`; a mention of no
    /// document read before it is an error.
    fn add(
        &mut self,
        record: Record,
        shown: &str,
        number: usize,
        line: &str,
    ) -> Result<(), Diagnostic> {
        match record {
            Record::Document(doc) => {
                self.latest.insert(doc.doc.clone(), self.sources.len());
                self.sources.push(doc);
                self.mentions.push(Vec::new());
                Ok(())
            }
            Record::Mention(m) => {
                let Some(&i) = self.latest.get(&m.doc) else {
                    let at = line.find("\"doc\"").unwrap_or(0);
                    let message = format!(
                        "a mention of `{}`, which no document line before it names",
                        m.doc
                    );
                    return Err(
                        Diagnostic::on_line(shown, number, line, at..at + 5, message).with_help(
                            "a mention file gives each document's line before its mentions; \
                             give the files in the order `annals mentions` wrote them",
                        ),
                    );
                };
                self.mentions[i].push(*m);
                Ok(())
            }
        }
    }
}

/// annals.yaml for commands that read files or standard input: the one
/// named, else the one beside the first file (never beside `-`).
fn config_for(
    paths: &[PathBuf],
    config: Option<&Path>,
) -> Result<(Config, Option<String>), Failure> {
    let files: Vec<PathBuf> = paths.iter().filter(|p| !is_stdin(p)).cloned().collect();
    if files.is_empty() && config.is_none() {
        return Ok((Config::default(), None));
    }
    read_config(&files, config)
}

fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

fn shown(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// A line's number (from 1) and its text, or why it is not text.
type NumberedLine = (usize, Result<String, Diagnostic>);

/// The lines of a file or of standard input, numbered from 1, line ends
/// dropped; a line that is not UTF-8 is a diagnostic.
struct Lines {
    reader: Box<dyn BufRead>,
    shown: String,
    number: usize,
    buf: Vec<u8>,
}

impl Lines {
    fn open(path: &Path) -> Result<Lines, Failure> {
        let reader: Box<dyn BufRead> = if is_stdin(path) {
            Box::new(std::io::stdin().lock())
        } else {
            let file = std::fs::File::open(path).map_err(|e| {
                Failure::Fatal(format!("cannot read {}: {}", path.display(), io_reason(&e)))
            })?;
            Box::new(std::io::BufReader::new(file))
        };
        Ok(Lines {
            reader,
            shown: shown(path),
            number: 0,
            buf: Vec::new(),
        })
    }

    /// The next line and its number, `None` at the end.
    fn next(&mut self) -> Result<Option<NumberedLine>, Failure> {
        self.buf.clear();
        let n = self.reader.read_until(b'\n', &mut self.buf).map_err(|e| {
            Failure::Fatal(format!("cannot read {}: {}", self.shown, io_reason(&e)))
        })?;
        if n == 0 {
            return Ok(None);
        }
        self.number += 1;
        while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
            self.buf.pop();
        }
        let line = match std::str::from_utf8(&self.buf) {
            Ok(line) => Ok(line.to_owned()),
            Err(e) => {
                let at = e.valid_up_to();
                let lossy = String::from_utf8_lossy(&self.buf).into_owned();
                Err(Diagnostic::on_line(
                    &self.shown,
                    self.number,
                    &lossy,
                    at..at + 1,
                    format!(
                        "this line is not UTF-8 (an invalid byte at column {})",
                        at + 1
                    ),
                )
                .with_help("JSON lines must be UTF-8; convert the file (e.g. with `iconv`)"))
            }
        };
        Ok(Some((self.number, line)))
    }
}
