//! Finding and reading articles: the front half shared by `build`,
//! `events`, `check` and `articles`.
//!
//! Folders are searched recursively for the kinds of file annals reads;
//! hidden entries and the output folder are never entered. Every file is
//! read by `annals_model::ingest::read_file`; a file that cannot be read
//! is a *problem*, which callers report as a warning and skip, or, with
//! `--strict`, as an error that stops the run.

use std::io::Write;
use std::path::{Path, PathBuf};

use annals_model::Diagnostic;
use annals_model::ingest::{self, Article, Format};

use crate::Failure;

/// The kinds of file annals reads, for messages.
pub(crate) const KINDS: &str = ".txt, .md, .html, .jsonl, .jsonl.gz, .xml, .rss and .atom";

/// The article files named by `paths`, sorted, and the other files met in
/// the folders (reported, not read). `exclude` (the output folder) is
/// never entered.
#[derive(Debug, Default)]
pub(crate) struct Files {
    /// Files to read.
    pub(crate) articles: Vec<PathBuf>,
    /// Files of other kinds found in the folders.
    pub(crate) others: Vec<PathBuf>,
}

pub(crate) fn collect_files(paths: &[PathBuf], exclude: Option<&Path>) -> Result<Files, Failure> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut files = Files::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            Failure::Fatal(format!("cannot read {}: {}", path.display(), io_reason(&e)))
        })?;
        if meta.is_dir() {
            // The output folder given as the input itself is read; only
            // folders inside the input are skipped.
            let top = path.canonicalize().ok();
            let skip = exclude.as_ref().filter(|e| Some(*e) != top.as_ref());
            walk(path, skip.map(PathBuf::as_path), &mut files)?;
            if let Some(out) = exclude.as_deref().filter(|e| Some(*e) == top.as_deref()) {
                files.articles.retain(|p| !is_own_output(p, out));
                // Beside its page annals writes its exports: not worth a
                // warning each.
                files.others.retain(|p| !in_folder(p, out));
            }
        } else if Format::from_name(&path.to_string_lossy()).is_some() {
            files.articles.push(path.clone());
        } else {
            return Err(Failure::Fatal(format!(
                "{} is not an article: annals reads {KINDS} files",
                path.display()
            )));
        }
    }
    files.articles.sort();
    files.articles.dedup();
    if files.articles.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "error: no articles in {}\n  = help: annals reads {KINDS} files; put the articles there or name them",
            names.join(", ")
        );
        return Err(Failure::Input);
    }
    Ok(files)
}

/// Whether `path` sits directly in `dir` (canonical).
fn in_folder(path: &Path, dir: &Path) -> bool {
    path.parent()
        .and_then(|p| p.canonicalize().ok())
        .is_some_and(|p| p == dir)
}

/// A page annals wrote into `out` (canonical): written into the input
/// folder itself, it must not be read back, nor count as a change.
pub(crate) fn is_own_output(path: &Path, out: &Path) -> bool {
    if !in_folder(path, out) || Format::from_name(&path.to_string_lossy()) != Some(Format::Html) {
        return false;
    }
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    String::from_utf8_lossy(&head[..n]).contains("<meta name=\"generator\" content=\"annals ")
}

/// The entries of a folder, sorted so that every run sees them in the same
/// order. `what` names the folder in the error.
pub(crate) fn sorted_entries(dir: &Path, what: &str) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Failure::Fatal(format!(
            "cannot read {what} {}: {}",
            dir.display(),
            io_reason(&e)
        ))
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

/// Searches `dir` recursively, skipping hidden entries and `exclude`.
pub(crate) fn walk(dir: &Path, exclude: Option<&Path>, files: &mut Files) -> Result<(), Failure> {
    for path in sorted_entries(dir, "folder")? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            if exclude.is_some_and(|e| path.canonicalize().ok().as_deref() == Some(e)) {
                continue;
            }
            walk(&path, exclude, files)?;
        } else if Format::from_name(&name).is_some() {
            files.articles.push(path);
        } else if !is_config_name(&name) {
            files.others.push(path);
        }
    }
    Ok(())
}

pub(crate) fn is_config_name(name: &str) -> bool {
    matches!(name, "annals.yaml" | "annals.yml")
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Everything read from the files: the articles, the files that held none
/// (problems), and what was read with a caveat (warnings).
#[derive(Debug, Default)]
pub(crate) struct Read {
    /// The articles, in file order, each with the file it came from.
    pub(crate) articles: Vec<(PathBuf, Article)>,
    /// One per file that gave no article.
    pub(crate) problems: Vec<Diagnostic>,
    /// Read anyway (a guessed encoding, a bad line of a JSON-lines file),
    /// or never meant to be read (files of other kinds).
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Reads every file; never stops at a bad one.
pub(crate) fn read_all(files: &Files) -> Read {
    let mut read = Read {
        warnings: other_warnings(files),
        ..Read::default()
    };
    for path in &files.articles {
        match read_one(path) {
            Ok(found) => {
                read.articles
                    .extend(found.articles.into_iter().map(|a| (path.clone(), a)));
                read.warnings.extend(found.warnings);
            }
            Err(d) => read.problems.push(d),
        }
    }
    read
}

/// Files of other kinds are never articles: a warning each, even with
/// --strict (a folder may hold notes, images, gold files).
pub(crate) fn other_warnings(files: &Files) -> Vec<Diagnostic> {
    files
        .others
        .iter()
        .map(|path| {
            Diagnostic::file(
                path.display().to_string(),
                "not an article: annals does not read this kind of file; skipped",
            )
            .with_help(format!("annals reads {KINDS} files"))
        })
        .collect()
}

/// Reads one article file: its articles and what was read with a caveat,
/// or the problem that it holds none.
pub(crate) fn read_one(path: &Path) -> Result<ingest::FileArticles, Diagnostic> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::file(&shown, format!("cannot read the file: {}", io_reason(&e)))
    })?;
    ingest::read_file(&name, &shown, &bytes)
}

/// Prints warnings, then the skipped files as warnings with a count.
pub(crate) fn warn(warnings: &[Diagnostic], skipped: &[Diagnostic]) {
    let mut stderr = std::io::stderr().lock();
    for d in warnings.iter().chain(skipped) {
        let _ = writeln!(stderr, "{}", d.warning());
    }
    if !skipped.is_empty() {
        let n = skipped.len();
        let _ = writeln!(
            stderr,
            "warning: skipped {n} unreadable or undated input{} (see above); `--strict` stops on {} instead",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" },
        );
    }
}
