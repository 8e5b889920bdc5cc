//! `annals articles`: the articles exactly as annals reads them, one JSON
//! object a line (`{"doc", "title", "source", "url", "published",
//! "text"}`, `published` null where unknown) or as a table. It reports and
//! never stops: unreadable files are warnings on stderr.

use std::io::Write;
use std::path::PathBuf;

use crate::Failure;
use annals_model::pipeline::with_config;

use crate::build::read_config;
use crate::input;

/// Arguments of `annals articles`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Article files or folders of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The annals.yaml whose metadata to apply (default: the one beside the inputs, if any).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// One line per article: id, date, source, length, headline.
    Table,
    /// One JSON object per line, readable back by annals as a .jsonl file.
    Jsonl,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let files = input::collect_files(&args.paths, None)?;
    let (config, _) = read_config(&args.paths, args.config.as_deref())?;
    let read = input::read_all(&files);
    input::warn(&read.warnings, &read.problems);
    let articles: Vec<_> = read
        .articles
        .iter()
        .map(|(_, a)| with_config(a, &config))
        .collect();
    let mut out = String::new();
    match args.format {
        Format::Jsonl => {
            for a in &articles {
                let line = serde_json::to_string(a)
                    .map_err(|e| Failure::Fatal(format!("cannot serialise an article: {e}")))?;
                out.push_str(&line);
                out.push('\n');
            }
        }
        Format::Table => out = table(&articles),
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Fatal(format!("cannot write to stdout: {e}"))),
    }
}

fn table(articles: &[annals_model::ingest::Article]) -> String {
    let rows: Vec<[String; 5]> = articles
        .iter()
        .map(|a| {
            [
                a.doc.clone(),
                a.published
                    .map_or_else(|| "-".to_owned(), |d| d.to_string()),
                a.source.clone().unwrap_or_else(|| "-".to_owned()),
                a.text.chars().count().to_string(),
                a.title.clone().unwrap_or_else(|| "-".to_owned()),
            ]
        })
        .collect();
    let header = ["doc", "published", "source", "chars", "title"].map(String::from);
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        out.push_str(&format!(
            "{:w0$}  {:w1$}  {:w2$}  {:>w3$}  {}\n",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        ));
    }
    out
}
