//! End-to-end tests of the `annals` binary: exit codes, diagnostics and
//! what it writes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn annals(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .output()
        .expect("the annals binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A temporary folder of articles; paths in messages are made relative to
/// it so that snapshots do not depend on the machine.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Folder {
        Folder {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, contents).expect("write fixture");
        p
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let (code, out, err) = annals(args);
        let root = self.path().display().to_string();
        (code, out.replace(&root, "$DIR"), err.replace(&root, "$DIR"))
    }

    fn arg(&self) -> String {
        self.path().display().to_string()
    }

    /// `annals build in -o site` (plus `extra`) inside the folder.
    fn build(&self, extra: &[&str]) -> (i32, String, String) {
        let input = self.path().join("in").display().to_string();
        let site = self.path().join("site").display().to_string();
        let mut args = vec!["build", input.as_str(), "-o", site.as_str()];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

const ARTICLE: &str = "Headline of the story\n\nThe minister visited Paris in March 2019, officials said on the record.\n";

#[test]
fn missing_path_is_a_usage_error() {
    let f = Folder::new();
    let missing = f.path().join("nope");
    let (code, _, err) = f.run(&["events", &missing.display().to_string()]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(err, @"error: cannot read $DIR/nope: no such file or folder");
}

#[test]
fn empty_folder_says_what_annals_reads() {
    let f = Folder::new();
    f.file("notes.pdf", b"%PDF-1.4");
    let (code, _, err) = f.run(&["events", &f.arg()]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err, @r"
    error: no articles in $DIR
      = help: annals reads .txt, .md and .html files; put the articles there or name them
    ");
}

#[test]
fn unsupported_file_named_directly_is_refused() {
    let f = Folder::new();
    let p = f.file("a.pdf", b"%PDF");
    let (code, _, err) = f.run(&["events", &p.display().to_string()]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(err, @"error: $DIR/a.pdf is not an article: annals reads .txt, .md and .html files");
}

#[test]
fn binary_empty_and_non_utf8_articles_are_all_reported() {
    let f = Folder::new();
    f.file("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    f.file("b.txt", "ADVERTISEMENT\n\n   \n");
    f.file(
        "c.txt",
        b"Posted May 1, 2019\n\nIt cost 5\xa3 in Caf\xe9 Roma.\n",
    );
    f.file(
        "annals.yaml",
        "articles:\n  b.txt:\n    published: 2019-05-01\n",
    );
    let (code, out, err) = f.run(&["events", &f.arg()]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    insta::assert_snapshot!(err, @r"
    error: the file looks binary (a NUL byte at offset 8), not an article
      --> $DIR/a.txt
      = help: give annals .txt, .md or .html articles, or move this file out of the folder

    error: the article is empty (no text after removing boilerplate)
      --> $DIR/b.txt
      = help: add the article's text, or remove the file

    error: invalid UTF-8 (byte 0xa3)
     --> $DIR/c.txt:3:10
      |
    3 | It cost 5� in Caf� Roma.
      |          ^
      = help: save the article as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)

    error: 3 problems in the input; nothing was written
    ");
}

#[test]
fn missing_date_shows_the_yaml_to_add() {
    let f = Folder::new();
    f.file("story.txt", ARTICLE);
    let (code, _, err) = f.run(&["events", &f.arg()]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err, @r"
    error: no publication date: the article states none near its top
      --> $DIR/story.txt
      = help: relative dates need it; add to $DIR/annals.yaml:

              articles:
                story.txt:
                  published: YYYY-MM-DD

    error: 1 problem in the input; nothing was written
    ");
}

#[test]
fn date_comes_from_yaml_front_matter_or_dateline() {
    let f = Folder::new();
    f.file(
        "a.md",
        format!("---\ntitle: A\npublished: 2019-06-01\n---\n{ARTICLE}"),
    );
    f.file("b.txt", format!("Posted June 2, 2019\n\n{ARTICLE}"));
    let (code, out, err) = f.run(&["events", &f.arg(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    let published: Vec<&str> = json["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["published"].as_str().expect("date"))
        .collect();
    assert_eq!(published, ["2019-06-01", "2019-06-02"]);
}

#[test]
fn crlf_and_bom_are_read() {
    let f = Folder::new();
    f.file(
        "a.txt",
        format!("\u{feff}{}", ARTICLE.replace('\n', "\r\n")),
    );
    f.file(
        "annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let (code, out, err) = f.run(&["events", &f.arg(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(r#""value":"2019-03""#), "{out}");
    assert!(!out.contains('\r'), "{out}");
}

#[test]
fn build_updates_an_existing_folder_without_wiping_it() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    f.file(
        "in/annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let keep = f.file("site/keep.txt", "mine");
    let site = f.path().join("site");
    let (code, _, err) = f.build(&[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(keep).expect("kept"), "mine");
    let names: Vec<String> = std::fs::read_dir(&site)
        .expect("site")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains(".tmp-")),
        "no temporary file left: {names:?}"
    );
}

#[test]
fn bad_input_writes_nothing() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    let site = f.path().join("site");
    let (code, _, _) = f.build(&[]);
    assert_eq!(code, 1);
    assert!(
        !site.exists(),
        "nothing is written when the input has problems"
    );
}

#[test]
fn check_validates_without_writing() {
    let f = Folder::new();
    f.file("a.txt", ARTICLE);
    f.file(
        "annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let (code, out, err) = f.run(&["check", &f.arg()]);
    assert_eq!(
        (code, out.as_str()),
        (0, "ok: 1 articles, 1 events\n"),
        "{err}"
    );
    f.file("b.txt", ARTICLE);
    let (code, _, err) = f.run(&["check", &f.arg()]);
    assert_eq!(code, 1);
    assert!(err.contains("no publication date"), "{err}");
}

#[test]
fn watch_rebuilds_when_the_config_changes() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    let yaml = f.file(
        "in/annals.yaml",
        "title: First\narticles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let site = f.path().join("site");
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["build", "--watch", "-o"])
        .arg(&site)
        .arg(f.path().join("in"))
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("annals runs");
    let json = site.join("timeline.json");
    let wait_for = |needle: &str| {
        // Generous: this waits for a rebuild, it does not time one.
        for _ in 0..200 {
            if std::fs::read_to_string(&json).is_ok_and(|s| s.contains(needle)) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        false
    };
    let first = wait_for("First");
    // Modification times can be coarse: make sure the change is visible.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(
        &yaml,
        "title: Second\narticles:\n  a.txt:\n    published: 2019-09-25\n",
    )
    .expect("edit");
    let second = wait_for("Second");
    let _ = child.kill();
    let _ = child.wait();
    assert!(first, "the first build wrote timeline.json");
    assert!(second, "the edit triggered a rebuild");
}

#[test]
fn added_events_survive_filters_and_cite_their_source_without_a_quote() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    f.file(
        "in/annals.yaml",
        "min_sources: 2\narticles:\n  a.txt:\n    published: 2019-09-25\nevents:\n  - add:\n      date: 2019-01-23\n      title: Guaidó sworn in\n      source: Reuters\n      url: https://example.com/guaido\n",
    );
    let site = f.path().join("site");
    let (code, _, err) = f.build(&[]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(site.join("index.html")).expect("page");
    assert!(
        html.contains("Guaidó sworn in"),
        "the added event is kept despite min_sources"
    );
    assert!(
        !html.contains("The minister visited Paris"),
        "the one-source event is filtered"
    );
    assert!(
        html.contains(r#"href="https://example.com/guaido""#),
        "its source is linked"
    );
    assert!(!html.contains("<p></p></blockquote>"), "no empty quote");
}

#[test]
fn top_keeps_the_most_cited_events() {
    let f = Folder::new();
    f.file("a.txt", "Paris visit\n\nThe minister visited Paris in March 2019, officials said on the record.\n\nThe minister met the king in Madrid in May 2019, officials said on the record.\n");
    f.file("b.txt", "Madrid meeting\n\nThe minister met the king in Madrid in May 2019, aides confirmed to the press.\n");
    f.file(
        "annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n  b.txt:\n    published: 2019-09-25\n",
    );
    let (code, out, err) = f.run(&["events", &f.arg(), "--top", "1", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("2019-05"), "{out}");
}

#[test]
fn bad_overrides_are_reported_with_their_place_and_nothing_is_written() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    f.file(
        "in/annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\nevents:\n  - id: ev-00000000\n    retitel: Paris trip\n  - match: { date: 2019-13, word: paris }\n    hide: true\n",
    );
    let site = f.path().join("site");
    let (code, _, err) = f.build(&[]);
    assert_eq!(code, 1);
    assert!(!site.exists(), "nothing is written");
    insta::assert_snapshot!(err);
}

#[test]
fn ids_survive_a_retitle_and_an_unrelated_article() {
    let f = Folder::new();
    f.file("a.txt", ARTICLE);
    f.file(
        "annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let ids = |f: &Folder| -> Vec<String> {
        let (code, out, err) = f.run(&["events", &f.arg(), "--format", "jsonl"]);
        assert_eq!(code, 0, "{err}");
        out.lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                    .as_str()
                    .expect("id")
                    .to_owned()
            })
            .collect()
    };
    let before = ids(&f);
    assert_eq!(before.len(), 1);
    f.file("b.txt", "Other news\n\nThe company opened a factory in Ohio in May 2017, its chief said on the record.\n");
    f.file(
        "annals.yaml",
        format!("articles:\n  a.txt:\n    published: 2019-09-25\n  b.txt:\n    published: 2019-09-25\nevents:\n  - id: {}\n    retitle: The Paris trip\n", before[0]),
    );
    let after = ids(&f);
    assert_eq!(after.len(), 2);
    assert!(after.contains(&before[0]), "{before:?} kept in {after:?}");
}

#[test]
fn many_articles_are_tagged_in_parallel_and_keep_their_own_dates() {
    let f = Folder::new();
    let mut yaml = String::from("articles:\n");
    for i in 0..60 {
        let year = 1950 + i;
        f.file(
            &format!("a{i:02}.txt"),
            format!("Story {i}\n\nThe mayor of Town{i} opened a bridge in {year}, officials said on the record.\n"),
        );
        yaml.push_str(&format!("  a{i:02}.txt:\n    published: 2019-09-25\n"));
    }
    f.file("annals.yaml", yaml);
    let (code, out, err) = f.run(&["events", &f.arg(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let events: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(events.len(), 60);
    for e in &events {
        let doc = e["citations"][0]["doc"].as_str().expect("doc");
        let i: i64 = doc[1..3].parse().expect("index");
        assert_eq!(
            e["value"],
            (1950 + i).to_string(),
            "{doc} keeps its own date"
        );
    }
}

#[test]
fn user_templates_replace_the_built_in_ones() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    f.file(
        "in/annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let tpl = f.path().join("tpl");
    let (code, out, err) = f.run(&["templates", &tpl.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("card.html"), "{out}");
    let card = std::fs::read_to_string(tpl.join("card.html")).expect("copied");
    std::fs::write(
        tpl.join("card.html"),
        card.replace("<h4>", "<h4 data-mine=\"yes\">"),
    )
    .expect("edit");
    let site = f.path().join("site");
    let tpl_arg = tpl.display().to_string();
    let build = |f: &Folder| f.build(&["--templates", &tpl_arg]);
    let (code, _, err) = build(&f);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(site.join("index.html")).expect("page");
    assert!(
        html.contains("data-mine=\"yes\""),
        "the edited card template is used"
    );
    // A file that is no template is an error, not silently ignored.
    std::fs::write(tpl.join("cards.html"), "x").expect("write");
    let (code, _, err) = build(&f);
    assert_eq!(code, 1);
    assert!(
        err.contains("`cards.html` is not an annals template"),
        "{err}"
    );
}

#[test]
fn html_articles_bring_their_own_metadata() {
    let f = Folder::new();
    f.file(
        "page.html",
        r#"<html><head><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2019-09-25T08:00:00Z"><title>Minister in Paris</title></head>
<body><nav>Home | World</nav><article><h1>Minister in Paris</h1>
<p>The minister visited Paris in March 2019, officials said on the record.</p></article>
<footer>&copy; Example</footer></body></html>"#,
    );
    let (code, out, err) = f.run(&["events", &f.arg(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["sources"][0]["source"], "Example News");
    assert_eq!(json["sources"][0]["published"], "2019-09-25");
    assert_eq!(json["events"][0]["value"], "2019-03");
    assert!(
        !out.contains("Home | World"),
        "navigation is not article text"
    );
}
