//! The seeds' timeline, end to end: the events it must show, and golden
//! files that pin its JSON and its site byte for byte.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test -p annals
//! --test seeds`, read the diff, and commit it with the change that caused
//! it. A missing golden file fails.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn annals(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_annals"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("the annals binary runs");
    assert!(
        out.status.success(),
        "annals {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn events() -> serde_json::Value {
    serde_json::from_str(&annals(&["events", "seeds", "--format", "json"])).expect("JSON")
}

/// The event with `value` whose citations include a quote containing `needle`.
fn find<'a>(events: &'a serde_json::Value, value: &str, needle: &str) -> &'a serde_json::Value {
    events["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| {
            e["value"] == value
                && e["citations"]
                    .as_array()
                    .expect("citations")
                    .iter()
                    .any(|c| c["quote"].as_str().expect("quote").contains(needle))
        })
        .unwrap_or_else(|| panic!("no event {value} quoting {needle:?}"))
}

fn docs(event: &serde_json::Value) -> Vec<&str> {
    let mut d: Vec<&str> = event["citations"]
        .as_array()
        .expect("citations")
        .iter()
        .map(|c| &c["doc"].as_str().expect("doc")[..3])
        .collect();
    d.sort();
    d
}

#[test]
fn the_december_2018_visit_cites_every_article_that_mentions_it() {
    let json = events();
    let visit = find(
        &json,
        "2018-12",
        "Maduro last visited Russia in December 2018",
    );
    assert_eq!(docs(visit), ["000", "001", "002", "003"]);
}

#[test]
fn guaido_proclaims_himself_interim_president_in_january_2019() {
    let json = events();
    let e = find(&json, "2019-01", "proclaimed himself");
    assert!(
        e["title"]
            .as_str()
            .expect("title")
            .contains("Guaidó proclaimed himself"),
        "{e}"
    );
    assert_eq!(docs(e), ["002", "003"]);
}

#[test]
fn the_april_2019_uprising() {
    let json = events();
    let e = find(&json, "2019-04", "botched uprising in April");
    assert_eq!(e["title"], "Botched uprising");
}

#[test]
fn the_kremlin_meeting_cites_all_four_september_articles() {
    let json = events();
    let e = find(&json, "2019-09-25", "received his Venezuelan counterpart");
    assert_eq!(docs(e), ["000", "001", "002", "003"]);
}

#[test]
fn output_is_deterministic() {
    assert_eq!(
        annals(&["events", "seeds", "--format", "json"]),
        annals(&["events", "seeds", "--format", "json"])
    );
}

/// Compares `actual` with the golden file, or rewrites it under
/// UPDATE_GOLDEN=1.
fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}: run UPDATE_GOLDEN=1 cargo test -p annals --test seeds",
            path.display()
        )
    });
    if expected != actual {
        let diff_at = expected
            .iter()
            .zip(actual)
            .position(|(a, b)| a != b)
            .unwrap_or(expected.len().min(actual.len()));
        let context = |bytes: &[u8]| {
            String::from_utf8_lossy(
                &bytes[diff_at.saturating_sub(80)..(diff_at + 80).min(bytes.len())],
            )
            .into_owned()
        };
        panic!(
            "{name} differs from its golden file at byte {diff_at}\n--- golden\n{}\n--- actual\n{}\n(UPDATE_GOLDEN=1 regenerates; read the diff)",
            context(&expected),
            context(actual)
        );
    }
}

#[test]
fn golden_events_json() {
    golden(
        "events.json",
        annals(&["events", "seeds", "--format", "json"]).as_bytes(),
    );
}

#[test]
fn golden_site() {
    let out = tempfile::tempdir().expect("temp dir");
    annals(&["build", "seeds", "-o", &out.path().display().to_string()]);
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .expect("site")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "build wrote nothing");
    for name in &names {
        golden(
            &format!("site/{name}"),
            &std::fs::read(out.path().join(name)).expect("read"),
        );
    }
    if std::env::var_os("UPDATE_GOLDEN").is_none() {
        let mut expected: Vec<String> = std::fs::read_dir(root().join("tests/golden/site"))
            .expect("golden site folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        expected.sort();
        assert_eq!(names, expected, "the site has exactly the golden files");
    }
}
