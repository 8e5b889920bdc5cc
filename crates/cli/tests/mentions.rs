//! The map/reduce path gives, byte for byte, what the one-step commands
//! give on the same articles: `annals articles --format jsonl`, piped
//! through `annals mentions -`, piped into `annals events --mentions -`.
//! Bad mention files are diagnostics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs annals in the workspace root with `stdin`; exit code, stdout,
/// stderr.
fn annals(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .current_dir(root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the annals binary runs");
    let mut input = child.stdin.take().expect("a piped stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let out = child.wait_with_output().expect("annals ends");
    writer
        .join()
        .expect("the writer ends")
        .expect("stdin is written");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs annals and returns its output, failing on a non-zero exit.
fn ok(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let (code, out, err) = annals(args, stdin);
    assert_eq!(code, 0, "annals {args:?} failed: {err}");
    out
}

/// The seeds' mention file, through the map step on `jobs` threads.
fn seed_mentions(jobs: &str) -> Vec<u8> {
    let articles = ok(&["articles", "seeds", "--format", "jsonl"], b"");
    ok(&["mentions", "-", "--jobs", jobs], &articles)
}

#[test]
fn the_seeds_give_the_same_events_by_map_and_reduce() {
    let mentions = seed_mentions("2");
    for format in ["json", "jsonl", "table"] {
        let one_step = ok(&["events", "seeds", "--format", format], b"");
        let reduced = ok(
            &[
                "events",
                "--mentions",
                "-",
                "--config",
                "seeds/annals.yaml",
                "--format",
                format,
            ],
            &mentions,
        );
        assert!(!one_step.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&reduced),
            String::from_utf8_lossy(&one_step),
            "{format}"
        );
    }
}

#[test]
fn the_seeds_give_the_same_site_by_map_and_reduce() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mentions.jsonl");
    std::fs::write(&file, seed_mentions("1")).expect("write the mentions");
    // The config is found beside the first mention file.
    std::fs::copy(
        root().join("seeds/annals.yaml"),
        dir.path().join("annals.yaml"),
    )
    .expect("copy annals.yaml");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    let arg = |p: &Path| p.display().to_string();
    ok(&["build", "seeds", "-o", &arg(&one)], b"");
    ok(&["build", "--mentions", &arg(&file), "-o", &arg(&two)], b"");
    let mut names: Vec<_> = std::fs::read_dir(&one)
        .expect("the site")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 2, "{names:?}");
    for name in names {
        let a = std::fs::read(one.join(&name)).expect("one-step file");
        let b = std::fs::read(two.join(&name)).expect("reduced file");
        assert!(a == b, "{name:?} differs");
    }
}

#[test]
fn mentions_keep_input_order_whatever_the_threads_and_files_split() {
    let one = seed_mentions("1");
    assert_eq!(seed_mentions("3"), one);
    let text = String::from_utf8(one).expect("UTF-8");
    // Split before the third document line: two files reduce as one.
    let third = text
        .match_indices("{\"schema\":1,\"kind\":\"document\"")
        .nth(2)
        .map(|(i, _)| i)
        .expect("five documents");
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    std::fs::write(&a, &text[..third]).expect("write a");
    std::fs::write(&b, &text[third..]).expect("write b");
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let config = ["--config", "seeds/annals.yaml", "--format", "json"];
    let mut args = vec!["events", "--mentions", &a, &b];
    args.extend(config);
    let split = ok(&args, b"");
    let mut args = vec!["events", "--mentions", "-"];
    args.extend(config);
    assert_eq!(split, ok(&args, text.as_bytes()));
}

#[test]
fn bad_mention_lines_say_where_and_what_to_do() {
    let doc = r#"{"schema":1,"kind":"document","doc":"a.txt","title":null,"source":null,"url":null,"published":"2019-09-25"}"#;
    let cases = [
        (format!("{doc}\n{{\"schema\":1,\"kind\"\n"), "<stdin>:2:", "was the file cut or edited?"),
        (
            format!("{doc}\n{{\"schema\":7,\"kind\":\"mention\"}}\n"),
            "<stdin>:2:2",
            "mention schema 7 is not one this annals reads",
        ),
        (
            r#"{"schema":1,"kind":"mention","doc":"b.txt","sentence":[0,2],"clause":[0,1],"trigger":[0,1],"timex":[1,2],"value":"2019","lemma":"x","title":"x","quote":"ab"}"#.to_owned(),
            "<stdin>:1:",
            "a mention of `b.txt`, which no document line before it names",
        ),
        (String::new(), "<stdin>", "no document line in <stdin>"),
    ];
    for (input, place, message) in cases {
        let (code, out, err) = annals(&["events", "--mentions", "-"], input.as_bytes());
        assert_eq!(code, 1, "{input}: {err}");
        assert!(out.is_empty(), "{input}");
        assert!(
            err.contains(place) && err.contains(message),
            "{input}: {err}"
        );
        assert!(err.contains("help:"), "{err}");
    }
}

#[test]
fn the_map_skips_bad_articles_with_a_warning_or_stops_with_strict() {
    let input = concat!(
        "{\"doc\": \"a.txt\", \"published\": \"2019-09-25\", \"text\": \"The council met on Tuesday.\"}\n",
        "{\"doc\": \"b.txt\", \"text\": \"broken\n",
        "{\"doc\": \"c.txt\", \"text\": \"No date here.\"}\n",
    );
    let (code, out, err) = annals(&["mentions"], input.as_bytes());
    assert_eq!(code, 0, "{err}");
    let out = String::from_utf8(out).expect("UTF-8");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(err.contains("--> <stdin>:2:"), "{err}");
    assert!(err.contains("<stdin>:3 (c.txt)") && err.contains("published: YYYY-MM-DD"));
    assert!(err.contains("skipped 2 lines"), "{err}");
    let (code, out, err) = annals(&["mentions", "--strict"], input.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty() || !String::from_utf8_lossy(&out).contains("c.txt"));
    assert!(err.contains("error: not a JSON object"), "{err}");
    // An empty input (an empty Spark partition) is no error.
    assert_eq!(
        annals(&["mentions", "-"], b""),
        (0, Vec::new(), String::new())
    );
}
