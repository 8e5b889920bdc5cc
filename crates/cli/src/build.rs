//! `annals build` and `annals events`: articles in, timeline out.
//!
//! The commands read files and print; every decision is made by the
//! library crates: `annals_model::ingest` cleans and dates articles,
//! `annals_parse` tags them and finds event mentions, `annals_model` builds
//! the timeline and applies annals.yaml, `annals_render` renders it.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use annals_model::config::Config;
use annals_model::records::Mention;
use annals_model::store::MentionStore;
use annals_model::{Diagnostic, SourceInfo, Timeline, ingest, pipeline};

use crate::Failure;
use crate::input::{self, io_reason, sorted_entries};

/// Arguments of `annals build`.
#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output folder (created if missing; existing files are updated, never wiped).
    #[arg(short, long)]
    out: PathBuf,
    /// Rebuild whenever an article or annals.yaml changes (stop with Ctrl-C).
    #[arg(long)]
    watch: bool,
    /// Render with your own copy of the templates (see `annals templates`):
    /// files named like the built-in ones replace them.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

/// Arguments of `annals templates`.
#[derive(Debug, clap::Args)]
pub(crate) struct TemplatesArgs {
    /// Folder to copy the built-in templates into (existing files are kept).
    dir: PathBuf,
}

/// Arguments of `annals check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
}

/// Arguments of `annals events`.
#[derive(Debug, clap::Args)]
pub(crate) struct EventsArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
    format: EventsFormat,
}

/// What `annals build` and `annals events` read.
#[derive(Debug, clap::Args)]
pub(crate) struct InputArgs {
    /// Article files (.txt, .md, .html, .jsonl, .jsonl.gz, .xml, .rss, .atom) or folders of them.
    #[arg(required_unless_present = "mentions")]
    paths: Vec<PathBuf>,
    /// Build from mention files written by `annals mentions` (`-` reads
    /// standard input) instead of articles: the reduce step.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    mentions: Vec<PathBuf>,
    /// The annals.yaml to use (default: the one beside the first input, if
    /// any; with --mentions, beside the first mention file).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Keep only the N most salient events (most sources, mentions, main actors).
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Stop at the first unreadable article (empty, binary, undated) and
    /// write nothing, instead of skipping it with a warning.
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum EventsFormat {
    /// A readable table.
    Table,
    /// One JSON document: {"title", "events": [...]}.
    Json,
    /// One event per line, for scripts and map steps.
    Jsonl,
}

pub(crate) fn build(args: BuildArgs) -> Result<(), Failure> {
    if args.watch {
        return watch(&args);
    }
    build_once(&args)
}

fn build_once(args: &BuildArgs) -> Result<(), Failure> {
    let timeline = timeline(&args.input, Some(&args.out))?;
    let mut options = annals_render::SiteOptions::default();
    if let Some(dir) = &args.templates {
        options.templates = Some(read_templates(dir)?);
    }
    let files = annals_render::site(&timeline, &options).map_err(|e| {
        eprintln!("error: {e}");
        Failure::Input
    })?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Failure::Fatal(format!("cannot create {}: {e}", args.out.display())))?;
    for file in &files {
        write_atomically(&args.out.join(&file.name), &file.contents)?;
    }
    if std::io::stderr().is_terminal() {
        eprintln!(
            "wrote {} ({} events from {} articles)",
            args.out.join("index.html").display(),
            timeline.events.len(),
            timeline.sources.len()
        );
    }
    Ok(())
}

/// Reads a user's templates: every file of `dir` must be named like a
/// built-in template.
fn read_templates(dir: &Path) -> Result<annals_render::Templates, Failure> {
    let known: Vec<&str> = annals_render::builtin_templates()
        .iter()
        .map(|(n, _)| *n)
        .collect();
    let paths = sorted_entries(dir, "templates folder")?;
    let mut templates = annals_render::Templates::new();
    let mut diagnostics = Vec::new();
    for path in paths.iter().filter(|p| p.is_file()) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let shown = path.display().to_string();
        if !known.contains(&name.as_str()) {
            diagnostics.push(
                Diagnostic::file(&shown, format!("`{name}` is not an annals template"))
                    .with_help(format!("template files are named {}", known.join(", "))),
            );
            continue;
        }
        let bytes = std::fs::read(path)
            .map_err(|e| Failure::Fatal(format!("cannot read {shown}: {}", io_reason(&e))))?;
        match ingest::decode(&shown, &bytes) {
            Ok(text) => templates.insert(name, text),
            Err(d) => diagnostics.push(d),
        }
    }
    if diagnostics.is_empty() {
        Ok(templates)
    } else {
        Err(report(&diagnostics))
    }
}

/// Copies the built-in templates into a folder, as a starting point for
/// `annals build --templates`. Existing files are never overwritten.
pub(crate) fn templates(args: TemplatesArgs) -> Result<(), Failure> {
    std::fs::create_dir_all(&args.dir).map_err(|e| {
        Failure::Fatal(format!(
            "cannot create {}: {}",
            args.dir.display(),
            io_reason(&e)
        ))
    })?;
    for (name, text) in annals_render::builtin_templates() {
        let path = args.dir.join(name);
        if path.exists() {
            eprintln!("kept {} (it exists)", path.display());
            continue;
        }
        write_atomically(&path, text.as_bytes())?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// Rebuilds on every change of the inputs, until interrupted. Problems are
/// reported and the previous output is left in place.
fn watch(args: &BuildArgs) -> Result<(), Failure> {
    let mut last = None;
    loop {
        let stamp = fingerprint(&args.input, args.templates.as_deref(), &args.out);
        if last.as_ref() != Some(&stamp) {
            let started = std::time::Instant::now();
            match build_once(args) {
                Ok(()) => eprintln!(
                    "built {} in {} ms; watching for changes",
                    args.out.display(),
                    started.elapsed().as_millis()
                ),
                Err(Failure::Fatal(message)) => eprintln!("error: {message}"),
                Err(Failure::Input) => eprintln!("watching for changes"),
            }
            last = Some(stamp);
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
}

/// Names, sizes and modification times of every input, config and
/// template file: what a rebuild depends on.
fn fingerprint(
    input: &InputArgs,
    templates: Option<&Path>,
    out: &Path,
) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut paths = Vec::new();
    if let Some(dir) = templates
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        paths.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
    }
    // The output folder is left out: its own writes must not look like
    // a change of the input (that would rebuild forever).
    let out = out.canonicalize().ok();
    for p in &input.paths {
        if p.is_dir() {
            let mut files = input::Files::default();
            let top = p.canonicalize().ok();
            let skip = out.as_ref().filter(|o| Some(*o) != top.as_ref());
            let _ = input::walk(p, skip.map(PathBuf::as_path), &mut files);
            if let Some(o) = out.as_deref().filter(|o| Some(*o) == top.as_deref()) {
                files.articles.retain(|f| !input::is_own_output(f, o));
            }
            paths.extend(files.articles);
            paths.extend(["annals.yaml", "annals.yml"].iter().map(|n| p.join(n)));
        } else {
            paths.push(p.clone());
            if let Some(dir) = p.parent() {
                paths.extend(["annals.yaml", "annals.yml"].iter().map(|n| dir.join(n)));
            }
        }
    }
    paths.extend(input.config.iter().cloned());
    paths.extend(input.mentions.iter().cloned());
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let size = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta.and_then(|m| m.modified().ok());
            (p, size, modified)
        })
        .collect()
}

/// Validates the inputs and annals.yaml — every article readable and
/// dated, every override applicable — without writing anything.
pub(crate) fn check(args: CheckArgs) -> Result<(), Failure> {
    let timeline = timeline(&args.input, None)?;
    println!(
        "ok: {} articles, {} events",
        timeline.sources.len(),
        timeline.events.len()
    );
    Ok(())
}

pub(crate) fn events(args: EventsArgs) -> Result<(), Failure> {
    let timeline = timeline(&args.input, None)?;
    // Written as it is serialised: a large collection's JSON is never
    // held whole beside its timeline.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        EventsFormat::Json => serde_json::to_writer_pretty(&mut stdout, &timeline)
            .map_err(std::io::Error::from)
            .and_then(|()| stdout.write_all(b"\n")),
        EventsFormat::Jsonl => timeline.events.iter().try_for_each(|event| {
            serde_json::to_writer(&mut stdout, event)?;
            stdout.write_all(b"\n")
        }),
        EventsFormat::Table => stdout.write_all(table(&timeline).as_bytes()),
    };
    match written.and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Fatal(format!("cannot write to stdout: {e}"))),
    }
}

fn table(timeline: &Timeline) -> String {
    let rows: Vec<[String; 4]> = timeline
        .events
        .iter()
        .map(|e| {
            let date = annals_render::date_label(&e.when);
            [
                e.id.clone(),
                date,
                e.citations.len().to_string(),
                e.title.clone(),
            ]
        })
        .collect();
    let header = ["id", "date", "sources", "title"].map(String::from);
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!("{}\n", timeline.title);
    for row in std::iter::once(&header).chain(&rows) {
        out.push_str(&format!(
            "{:w0$}  {:w1$}  {:>w2$}  {}\n",
            row[0],
            row[1],
            row[2],
            row[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        ));
    }
    out
}

/// Reads, tags and builds: the shared front half of `build` and `events`.
/// `out` (the output folder) is never read as input.
fn timeline(input: &InputArgs, out: Option<&Path>) -> Result<Timeline, Failure> {
    let options = pipeline::Options {
        top: input.top,
        workers: workers(),
    };
    if !input.mentions.is_empty() {
        return crate::mentions::reduce(&input.mentions, input.config.as_deref(), &options);
    }
    let files = input::collect_files(&input.paths, out)?;
    let (mut config, config_name) = read_config(&input.paths, input.config.as_deref())?;
    let progress = progress_bar(files.articles.len());
    let mapped = map_files(
        &files,
        &config,
        config_name.as_deref(),
        options.workers,
        &|| {
            progress.inc(1);
        },
    );
    progress.finish_and_clear();
    let mut config_errors = Vec::new();
    if input.paths.iter().all(|p| p.is_dir()) {
        config_errors = known_names_check(&config, &mapped.names, &files);
    }
    let problems = &mapped.problems;
    if !config_errors.is_empty() || (input.strict && !problems.is_empty()) {
        input::warn(&mapped.warnings, &[]);
        let mut all = config_errors;
        if input.strict {
            all.extend(problems.iter().cloned());
        }
        return Err(report(&all));
    }
    input::warn(&mapped.warnings, problems);
    config_warnings(&config);
    if mapped.sources.is_empty() {
        eprintln!(
            "error: none of the {} files held a readable article; nothing was written",
            files.articles.len()
        );
        return Err(Failure::Input);
    }
    // The reduce reads only the corrections and the records: each
    // article's metadata has been applied, and the file list and ids,
    // large for a big collection, have been checked.
    config.forget_articles();
    drop(files);
    // The rest of what the map made (every article's id, the problems
    // reported) is dropped here, not after the reduce.
    let Mapped {
        sources,
        store,
        names,
        warnings,
        problems,
    } = mapped;
    drop((names, warnings, problems));
    pipeline::reduce_store(&sources, store, &config, &options).map_err(|ds| report(&ds))
}

/// What the map step made of the files: the dated articles' sources and
/// mention records (those of `sources[i]` stored as document `i`), every
/// article id read, and what to report.
struct Mapped {
    sources: Vec<SourceInfo>,
    store: MentionStore,
    /// The ids of all articles read, dated or not, in file order.
    names: Vec<String>,
    /// Files of other kinds and articles read with a caveat.
    warnings: Vec<Diagnostic>,
    /// Files that held no article, then articles with no publication date.
    problems: Vec<Diagnostic>,
}

/// One file through the map step: each article's id with its source and
/// mentions (`None` when undated) and the file's warnings, or the
/// problem that it holds no article.
type MappedFile = Result<
    (
        Vec<(String, Option<(SourceInfo, Vec<Mention>)>)>,
        Vec<Diagnostic>,
    ),
    Diagnostic,
>;

/// Reads, dates and maps every file on `workers` threads: each file is
/// read by the worker that maps it, its texts are dropped once their
/// mentions are found, and the mentions are stored compactly as they
/// come, so a collection's texts are never all held at once.
fn map_files(
    files: &input::Files,
    config: &Config,
    config_name: Option<&str>,
    workers: usize,
    done: &dyn Fn(),
) -> Mapped {
    let work = |path: &PathBuf| -> MappedFile {
        let found = input::read_one(path)?;
        let articles = found
            .articles
            .into_iter()
            .map(|a| (a.doc.clone(), pipeline::map_article_on(a, config, workers)))
            .collect();
        Ok((articles, found.warnings))
    };
    let mut mapped = Mapped {
        sources: Vec::new(),
        store: MentionStore::default(),
        names: Vec::new(),
        warnings: input::other_warnings(files),
        problems: Vec::new(),
    };
    let mut undated_ones = Vec::new();
    // Results come in file order.
    let mut paths = files.articles.iter();
    let mut sink = |file: MappedFile| {
        done();
        let path = paths.next().map_or(Path::new(""), PathBuf::as_path);
        let (articles, warnings) = match file {
            Ok(found) => found,
            Err(d) => return mapped.problems.push(d),
        };
        mapped.warnings.extend(warnings);
        for (id, article) in articles {
            match article {
                Some((source, mentions)) => {
                    mapped.store.push(mapped.sources.len(), mentions);
                    mapped.sources.push(source);
                }
                None => undated_ones.push(undated(path, &id, config_name)),
            }
            mapped.names.push(id);
        }
    };
    pipeline::for_each_in_order(files.articles.iter(), workers, &work, &mut sink);
    mapped.problems.extend(undated_ones);
    mapped
}

/// The threads to tag on: all cores.
pub(crate) fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Prints what looks wrong in annals.yaml's URLs.
pub(crate) fn config_warnings(config: &Config) {
    for w in ingest::config_url_warnings(config) {
        eprintln!("{}", w.warning());
    }
}

/// Names under `articles:` that match no article read and no file found.
fn known_names_check(config: &Config, read: &[String], files: &input::Files) -> Vec<Diagnostic> {
    let mut names: Vec<String> = read.to_vec();
    names.extend(
        files
            .articles
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())),
    );
    names.sort();
    names.dedup();
    ingest::unknown_article_names(config, names.iter().map(String::as_str))
}

fn undated(path: &Path, doc: &str, config_name: Option<&str>) -> Diagnostic {
    let target = config_name.map_or_else(
        || {
            format!(
                "{}/annals.yaml",
                path.parent()
                    .map_or(".".into(), |p| p.display().to_string())
            )
        },
        str::to_owned,
    );
    let shown = path.display().to_string();
    let place = if doc.contains('#') {
        format!("{shown} ({doc})")
    } else {
        shown
    };
    pipeline::undated(&place, doc, &target)
}

/// A progress bar on a terminal for long runs; piped, the command stays
/// quiet.
fn progress_bar(files: usize) -> indicatif::ProgressBar {
    if files < 50 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} files, {eta} left")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("tagging");
    bar
}

pub(crate) fn report(diagnostics: &[Diagnostic]) -> Failure {
    let mut stderr = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(stderr, "{d}");
    }
    let n = diagnostics.len();
    let _ = writeln!(
        stderr,
        "error: {n} problem{} in the input; nothing was written",
        if n == 1 { "" } else { "s" }
    );
    Failure::Input
}

/// The config named by `--config`, or annals.yaml beside the first input.
pub(crate) fn read_config(
    paths: &[PathBuf],
    config: Option<&Path>,
) -> Result<(Config, Option<String>), Failure> {
    let path = match config {
        Some(p) => Some(p.to_path_buf()),
        None => paths.iter().find_map(|p| {
            let dir = if p.is_dir() { p.as_path() } else { p.parent()? };
            ["annals.yaml", "annals.yml"]
                .iter()
                .map(|n| dir.join(n))
                .find(|c| c.is_file())
        }),
    };
    let Some(path) = path else {
        return Ok((Config::default(), None));
    };
    let name = path.display().to_string();
    let bytes = std::fs::read(&path)
        .map_err(|e| Failure::Fatal(format!("cannot read {name}: {}", io_reason(&e))))?;
    let text = ingest::decode(&name, &bytes).map_err(|d| report(&[d]))?;
    let config = Config::parse(&name, &text).map_err(|ds| report(&ds))?;
    Ok((config, Some(name)))
}

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename, so that `path` is never left half-written.
fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, contents).and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Failure::Fatal(format!(
            "cannot write {}: {}",
            path.display(),
            io_reason(&e)
        ))
    })
}
