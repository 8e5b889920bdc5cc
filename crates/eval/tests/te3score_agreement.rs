//! The scorer agrees with the reference `te3score.py` on a fixture the
//! repository owns: `fixtures/gold` against `fixtures/system` (which
//! exercise both token-level quirks, partial overlaps, type and value
//! errors, misses, spurious timexes and a document without output).
//! `fixtures/te3score-expected.txt` is the output of
//! `python3 ../shared/tools/te3score.py fixtures/gold fixtures/system --errors`.

use std::path::Path;

use annals_eval::{read_dir, score_docs};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

fn report() -> String {
    let gold = read_dir(&fixtures().join("gold")).expect("gold fixtures read");
    let system = read_dir(&fixtures().join("system")).expect("system fixtures read");
    score_docs(&gold, &system, true).render()
}

#[test]
fn agrees_with_recorded_te3score_output() {
    let want = std::fs::read_to_string(fixtures().join("te3score-expected.txt"))
        .expect("expected output recorded");
    assert_eq!(report(), want);
}

/// When python3 and the reference scorer are at hand, compare live too.
#[test]
fn agrees_with_live_te3score_when_available() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/tools/te3score.py");
    if !script.exists() {
        eprintln!("skipped: {} not found", script.display());
        return;
    }
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(fixtures().join("gold"))
        .arg(fixtures().join("system"))
        .arg("--errors")
        .output();
    match out {
        Ok(o) if o.status.success() => {
            assert_eq!(report(), String::from_utf8_lossy(&o.stdout));
        }
        _ => eprintln!("skipped: python3 not runnable"),
    }
}
