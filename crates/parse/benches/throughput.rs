//! Throughput of `tag` over the concatenated texts of the TimeML corpora
//! in `../shared/data/timeml` (aquaint, timebank, meantime-en), single
//! thread. Prints MB/s; it is a measurement, not a timed test.
//!
//! ```sh
//! cargo bench -p annals-parse
//! ```
//!
//! Set `ANNALS_CORPORA` to another folder of corpus folders to measure
//! other text.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annals_parse::{Anchor, tag};
use chrono::NaiveDate;

/// The character data of `<TEXT>`, tags dropped, the common entities decoded.
fn text_of(tml: &str) -> String {
    let body = tml
        .split_once("<TEXT>")
        .and_then(|(_, rest)| rest.split_once("</TEXT>"))
        .map_or("", |(t, _)| t);
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn corpora_root() -> PathBuf {
    std::env::var_os("ANNALS_CORPORA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/timeml"),
        PathBuf::from,
    )
}

fn main() {
    let root = corpora_root();
    let mut texts = Vec::new();
    for corpus in ["aquaint", "timebank", "meantime-en"] {
        let Ok(dir) = std::fs::read_dir(root.join(corpus)) else {
            eprintln!(
                "skipped {corpus}: {} not found",
                root.join(corpus).display()
            );
            continue;
        };
        let mut files: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        files.sort();
        for f in files {
            if let Ok(src) = std::fs::read_to_string(&f) {
                texts.push(text_of(&src));
            }
        }
    }
    if texts.is_empty() {
        eprintln!("no corpus text found under {}", root.display());
        return;
    }
    let text = texts.join("\n\n");
    let anchor = Anchor::new(NaiveDate::from_ymd_opt(1998, 2, 6).expect("valid date"));
    let mb = text.len() as f64 / 1e6;
    // Warm up, then run for at least two seconds (or ANNALS_BENCH_PASSES
    // passes, for counting instructions with `perf stat`).
    let found = tag(&text, &anchor).len();
    let passes: Option<u32> = std::env::var("ANNALS_BENCH_PASSES")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut runs = 0u32;
    let cpu_start = thread_cpu_ns();
    let start = Instant::now();
    while passes.map_or(start.elapsed() < Duration::from_secs(2) || runs < 3, |p| {
        runs < p
    }) {
        std::hint::black_box(tag(std::hint::black_box(&text), &anchor));
        runs += 1;
    }
    let secs = start.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "tag: {:.2} MB of corpus text, {found} timexes, {:.2} ms per pass, {:.1} MB/s (single thread, {runs} passes)",
        mb,
        secs * 1e3,
        mb / secs
    );
    // On a shared machine the wall clock counts other processes' time too;
    // the thread's own CPU time does not.
    if let (Some(a), Some(b)) = (cpu_start, thread_cpu_ns()) {
        let cpu = (b - a) as f64 / 1e9 / f64::from(runs);
        println!(
            "tag: {:.2} ms of CPU per pass, {:.1} MB per CPU second",
            cpu * 1e3,
            mb / cpu
        );
    }
}

/// The CPU time this thread has run, in nanoseconds (Linux's schedstat).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
