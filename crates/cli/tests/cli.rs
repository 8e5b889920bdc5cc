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
      = help: annals reads .txt, .md, .html, .jsonl, .jsonl.gz, .xml, .rss and .atom files; put the articles there or name them
    ");
}

#[test]
fn unsupported_file_named_directly_is_refused() {
    let f = Folder::new();
    let p = f.file("a.pdf", b"%PDF");
    let (code, _, err) = f.run(&["events", &p.display().to_string()]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(err, @"error: $DIR/a.pdf is not an article: annals reads .txt, .md, .html, .jsonl, .jsonl.gz, .xml, .rss and .atom files");
}

/// A folder with a binary file, an empty article and a Windows-1252 one.
fn messy_folder() -> Folder {
    let f = Folder::new();
    f.file("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    f.file("b.txt", "ADVERTISEMENT\n\n   \n");
    f.file(
        "c.txt",
        b"Posted May 1, 2019\n\nThe caf\xe9 opened in March 2019 and cost \xa35, the owner said in an interview.\n",
    );
    f.file("d.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    f.file(
        "annals.yaml",
        "articles:\n  b.txt:\n    published: 2019-05-01\n",
    );
    f
}

#[test]
fn unreadable_files_are_skipped_with_a_warning_each() {
    let f = messy_folder();
    let (code, out, err) = f.run(&["events", &f.arg(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("March 2019"), "{out}");
    insta::assert_snapshot!(err, @r"
    warning: not an article: annals does not read this kind of file; skipped
      --> $DIR/d.png
      = help: annals reads .txt, .md, .html, .jsonl, .jsonl.gz, .xml, .rss and .atom files

    warning: the file is not UTF-8; read it as windows-1252
      --> $DIR/c.txt
      = help: if the text looks wrong, save the file as UTF-8 (e.g. `iconv -f windows-1252 -t UTF-8`)

    warning: the file looks binary (a NUL byte at offset 8), not an article
      --> $DIR/a.txt
      = help: give annals articles (.txt, .md, .html, .jsonl, or .xml, .rss, .atom feeds), or move this file out of the folder

    warning: the article is empty (no text after removing boilerplate)
      --> $DIR/b.txt
      = help: add the article's text, or remove the file

    warning: skipped 2 unreadable or undated inputs (see above); `--strict` stops on them instead
    ");
}

#[test]
fn strict_makes_unreadable_files_errors_and_writes_nothing() {
    let f = messy_folder();
    let input = f.path().display().to_string();
    let site = f.path().join("site");
    let (code, out, err) = f.run(&[
        "build",
        &input,
        "-o",
        &site.display().to_string(),
        "--strict",
    ]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(!site.exists(), "nothing written");
    insta::assert_snapshot!(err, @r"
    warning: not an article: annals does not read this kind of file; skipped
      --> $DIR/d.png
      = help: annals reads .txt, .md, .html, .jsonl, .jsonl.gz, .xml, .rss and .atom files

    warning: the file is not UTF-8; read it as windows-1252
      --> $DIR/c.txt
      = help: if the text looks wrong, save the file as UTF-8 (e.g. `iconv -f windows-1252 -t UTF-8`)

    error: the file looks binary (a NUL byte at offset 8), not an article
      --> $DIR/a.txt
      = help: give annals articles (.txt, .md, .html, .jsonl, or .xml, .rss, .atom feeds), or move this file out of the folder

    error: the article is empty (no text after removing boilerplate)
      --> $DIR/b.txt
      = help: add the article's text, or remove the file

    error: 2 problems in the input; nothing was written
    ");
}

#[test]
fn missing_date_shows_the_yaml_to_add() {
    let f = Folder::new();
    f.file("story.txt", ARTICLE);
    let (code, _, err) = f.run(&["events", &f.arg()]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err, @r"
    warning: no publication date: the article states none near its top
      --> $DIR/story.txt
      = help: relative dates need it; add to $DIR/annals.yaml:

              articles:
                story.txt:
                  published: YYYY-MM-DD

    warning: skipped 1 unreadable or undated input (see above); `--strict` stops on it instead
    error: none of the 1 files held a readable article; nothing was written
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
    assert_eq!(code, 0, "an undated article is skipped");
    assert!(err.contains("warning: no publication date"), "{err}");
    let (code, _, err) = f.run(&["check", &f.arg(), "--strict"]);
    assert_eq!(code, 1);
    assert!(err.contains("error: no publication date"), "{err}");
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
        card.replace("class=\"t\"", "class=\"t\" data-mine=\"yes\""),
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

#[test]
fn the_output_folder_is_never_read_back() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    f.file(
        "in/annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let input = f.path().join("in").display().to_string();
    let site = f.path().join("in/site").display().to_string();
    for _ in 0..2 {
        let (code, _, err) = f.run(&["build", &input, "-o", &site]);
        assert_eq!((code, err.as_str()), (0, ""));
    }
    // Without -o the page is still recognised as annals' own and skipped.
    let (code, out, err) = f.run(&["articles", &input, "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        err.contains("$DIR/in/site/index.html")
            && err.contains("this page is a timeline annals wrote"),
        "{err}"
    );
}

#[test]
fn a_misspelt_article_name_is_an_error_with_a_suggestion() {
    let f = Folder::new();
    f.file("story.txt", ARTICLE);
    f.file(
        "annals.yaml",
        "articles:\n  stroy.txt:\n    published: 2019-09-25\n    url: www.news.example/story\n",
    );
    let (code, _, err) = f.run(&["check", &f.arg()]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err, @r"
    error: `stroy.txt` names no article that was read
     --> $DIR/annals.yaml:2:3
      |
    2 |   stroy.txt:
      |   ^^^^^^^^^
      = help: did you mean `story.txt`? names under `articles:` are file names of the articles read

    error: 1 problem in the input; nothing was written
    ");
}

#[test]
fn odd_urls_in_annals_yaml_are_warned_about() {
    let f = Folder::new();
    f.file("story.txt", ARTICLE);
    f.file(
        "annals.yaml",
        "articles:\n  story.txt:\n    published: 2019-09-25\n    url: ftp://files.example/story\n",
    );
    let (code, out, err) = f.run(&["articles", &f.arg(), "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"url\":null"), "{out}");
    let (code, _, err2) = f.run(&["check", &f.arg()]);
    assert_eq!(code, 0);
    assert!(err.is_empty(), "articles only reports files: {err}");
    insta::assert_snapshot!(err2, @r"
    warning: `ftp://files.example/story` is dropped: `ftp:` is not a web address
     --> $DIR/annals.yaml:4:10
      |
    4 |     url: ftp://files.example/story
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^
      = help: give the article's web address, starting with https:// or http://
    ");
}

const FEED: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Town Post</title>
<item><title>Budget passes</title><link>https://post.example/budget</link>
<pubDate>Tue, 24 Sep 2019 18:00:00 GMT</pubDate>
<description>&lt;p&gt;The council approved the budget in March 2019, officials said on the record.&lt;/p&gt;</description></item>
</channel></rss>"#;

#[test]
fn articles_reads_every_kind_and_its_jsonl_reads_back_the_same() {
    let f = Folder::new();
    f.file(
        "in/page.html",
        r#"<html><head><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2019-09-25T10:00:00Z"><title>A page</title></head>
<body><nav>Home</nav><article><p>The minister visited Paris in March 2019, officials said on the record.</p></article></body></html>"#,
    );
    f.file("in/story.txt", format!("Posted June 2, 2019\n\n{ARTICLE}"));
    f.file("in/post.rss", FEED);
    f.file(
        "in/dump.jsonl",
        "{\"title\": \"From a dataset\", \"maintext\": \"The mayor resigned last week.\", \"date_publish\": \"2019-10-01 08:00:00\", \"source_domain\": \"news.example\"}\n",
    );
    let (code, first, err) = f.run(&[
        "articles",
        &f.path().join("in").display().to_string(),
        "--format",
        "jsonl",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!(first, @r#"
    {"doc":"dump.jsonl#1","title":"From a dataset","source":"news.example","url":null,"published":"2019-10-01","text":"The mayor resigned last week."}
    {"doc":"page.html","title":"A page","source":"Example News","url":null,"published":"2019-09-25","text":"The minister visited Paris in March 2019, officials said on the record."}
    {"doc":"post.rss#1","title":"Budget passes","source":"Town Post","url":"https://post.example/budget","published":"2019-09-24","text":"The council approved the budget in March 2019, officials said on the record."}
    {"doc":"story.txt","title":null,"source":null,"url":null,"published":"2019-06-02","text":"Headline of the story\n\nThe minister visited Paris in March 2019, officials said on the record."}
    "#);
    f.file("again/all.jsonl", &first);
    let again = f.path().join("again").display().to_string();
    let (code, second, _) = f.run(&["articles", &again, "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(
        first, second,
        "the JSON lines read back to the same articles"
    );
    let (code, table, _) = f.run(&["articles", &again]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(table, @r"
    doc           published   source        chars  title
    dump.jsonl#1  2019-10-01  news.example     29  From a dataset
    page.html     2019-09-25  Example News     71  A page
    post.rss#1    2019-09-24  Town Post        76  Budget passes
    story.txt     2019-06-02  -                94  -
    ");
}

#[test]
fn output_written_into_the_input_folder_is_not_read_back() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    f.file(
        "in/annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let input = f.path().join("in").display().to_string();
    for _ in 0..2 {
        let (code, _, err) = f.run(&["build", &input, "-o", &input]);
        assert_eq!((code, err.as_str()), (0, ""));
    }
    assert!(f.path().join("in/index.html").is_file());
}

#[test]
fn watch_ignores_its_own_output_inside_the_input() {
    let f = Folder::new();
    f.file("in/a.txt", ARTICLE);
    f.file(
        "in/annals.yaml",
        "articles:\n  a.txt:\n    published: 2019-09-25\n",
    );
    let log = f.path().join("watch.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["build", "--watch", "-o"])
        .arg(f.path().join("in/site"))
        .arg(f.path().join("in"))
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("annals runs");
    let builds = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .matches("built ")
            .count()
    };
    // Wait for the first build, then give a looping watcher time to show.
    for _ in 0..200 {
        if builds() > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(2000));
    let n = builds();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        n,
        1,
        "{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
}
