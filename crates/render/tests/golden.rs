//! Golden files for the seeds' fixture: the page and every export.
//!
//! `tests/golden/seeds/` holds the expected bytes. A missing golden file
//! fails; `UPDATE_GOLDEN=1 cargo test -p annals-render` rewrites them (read
//! the diff before committing it).

mod fixture;

use std::path::PathBuf;

use annals_render::{OutputFile, SiteOptions, site};

fn render_seeds() -> Vec<OutputFile> {
    let options = SiteOptions::default();
    site(&fixture::seeds(), &options).expect("the seeds render")
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seeds")
}

#[test]
fn site_matches_golden_files() {
    let files = render_seeds();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "index.html",
            "timeline.json",
            "timelinejs.json",
            "timeline.mw",
            "timeline.ics",
            "timeline.csv"
        ]
    );
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = golden_dir();
    let mut failures = Vec::new();
    for file in &files {
        let path = dir.join(&file.name);
        if update {
            std::fs::create_dir_all(&dir).expect("create the golden folder");
            std::fs::write(&path, &file.contents).expect("write a golden file");
            continue;
        }
        match std::fs::read(&path) {
            Ok(want) if want == file.contents => {}
            Ok(_) => failures.push(format!(
                "{} differs from {} (UPDATE_GOLDEN=1 to accept, then read the diff)",
                file.name,
                path.display()
            )),
            Err(e) => failures.push(format!(
                "{} is missing ({e}); UPDATE_GOLDEN=1 creates it",
                path.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn output_is_byte_deterministic() {
    assert_eq!(render_seeds(), render_seeds());
}
