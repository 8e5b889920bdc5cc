//! Scores `annals_parse::triggers` against the EVENT annotations of a folder
//! of TimeML files, TempEval-3 Task B style: strict and relaxed span
//! precision, recall and F1, class accuracy and class F1.
//!
//! ```text
//! cargo run -p annals-parse --example eval_triggers -- DIR [--jsonl OUT] [--confusion]
//! ```
//!
//! `--jsonl OUT` writes the system events, one a line, with code-point
//! offsets (`{"doc", "start", "end", "class"}`) for an independent check;
//! `--confusion` prints the class confusion table of the relaxed pairs;
//! `--repeat N` runs the recogniser N more times over the folder for a
//! steadier throughput figure.

#[path = "support/timeml.rs"]
mod timeml;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use annals_parse::triggers::triggers;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut jsonl, mut confusion, mut repeat) = (None, None, false, 0usize);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => jsonl = args.next().map(PathBuf::from),
            "--confusion" => confusion = true,
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(0),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => {
                eprintln!("usage: eval_triggers DIR [--jsonl OUT] [--confusion] [--repeat N]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: eval_triggers DIR [--jsonl OUT] [--confusion] [--repeat N]");
        return ExitCode::from(2);
    };
    let docs = match timeml::read_dir(&dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let mut counts = timeml::Counts::default();
    let mut lines = String::new();
    let mut table: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let mut bytes = 0;
    let mut elapsed = std::time::Duration::ZERO;
    // Decode the compiled tables before timing.
    let _ = triggers("warm up");
    for doc in &docs {
        bytes += doc.text.len();
        let started = std::time::Instant::now();
        let found = triggers(&doc.text);
        elapsed += started.elapsed();
        let system = timeml::system(&found);
        let gold = doc.gold();
        counts.add(&gold, &system);
        let gs: Vec<_> = gold.iter().map(|g| g.0.clone()).collect();
        let ss: Vec<_> = system.iter().map(|s| s.0.clone()).collect();
        for (g, s) in timeml::pair(&gs, &ss) {
            *table
                .entry((gold[g].1.to_owned(), system[s].1))
                .or_default() += 1;
        }
        for t in &found {
            let cp = |b: usize| doc.text[..b].chars().count();
            let _ = writeln!(
                lines,
                "{{\"doc\": \"{}\", \"start\": {}, \"end\": {}, \"class\": \"{}\"}}",
                doc.name,
                cp(t.span.start),
                cp(t.span.end),
                t.class
            );
        }
    }
    // Time `triggers` alone over the whole folder, `repeat` more times.
    for _ in 0..repeat {
        for doc in &docs {
            let started = std::time::Instant::now();
            std::hint::black_box(triggers(std::hint::black_box(&doc.text)));
            elapsed += started.elapsed();
            bytes += doc.text.len();
        }
    }
    let secs = elapsed.as_secs_f64();
    println!("{}: {} documents", dir.display(), docs.len());
    println!("{counts}");
    println!(
        "speed     {:.1} MB/s (this build)",
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    if confusion {
        println!("\ngold class -> system class: pairs");
        for ((g, s), n) in &table {
            println!("{g:12} {s:12} {n}");
        }
    }
    if let Some(out) = jsonl
        && let Err(e) = std::fs::write(&out, lines)
    {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
