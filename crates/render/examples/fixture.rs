//! Writes the fixture site (the seeds' story) to a folder, for the browser
//! check: `cargo run -p annals-render --example fixture -- OUTDIR`.
//! With `--hostile`, writes the hostile fixture instead (markup and
//! `javascript:` URLs in every field) to prove in a browser that nothing runs.
//! With `--large N`, writes a synthetic timeline of N events from 300
//! articles, for the speed check.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use std::path::PathBuf;
use std::process::ExitCode;

use annals_render::{SiteOptions, site};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut hostile = false;
    let mut large = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--hostile" => hostile = true,
            "--large" => large = args.next().and_then(|n| n.parse::<usize>().ok()),
            _ => out = Some(PathBuf::from(arg)),
        }
    }
    let Some(out) = out else {
        eprintln!("usage: fixture [--hostile | --large N] OUTDIR");
        return ExitCode::from(2);
    };
    let timeline = match (hostile, large) {
        (true, _) => fixture::hostile(),
        (false, Some(n)) => fixture::large(n, 300),
        (false, None) => fixture::seeds(),
    };
    let files = match site(&timeline, &SiteOptions::default()) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::from(2);
    }
    for file in files {
        let path = out.join(&file.name);
        if let Err(e) = std::fs::write(&path, &file.contents) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
