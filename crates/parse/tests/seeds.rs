//! Snapshot of the tagger's output on the five seed articles (insta):
//! any change in what the tagger finds in them shows up as a reviewed diff.
//! The seeds report a meeting on Wednesday 2019-09-25, their anchor.

use annals_parse::{Anchor, tag};
use chrono::NaiveDate;

fn render(text: &str) -> String {
    let anchor = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).expect("valid day"));
    tag(text, &anchor)
        .into_iter()
        .map(|t| {
            let m = t.modifier.map(|m| format!(" mod={m}")).unwrap_or_default();
            format!("{:?} {} {}{m}\n", &text[t.span], t.kind, t.value)
        })
        .collect()
}

#[test]
fn seed_articles() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = String::new();
    for p in names {
        let text = std::fs::read_to_string(&p).expect("seed readable");
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push_str(&format!("== {name}\n{}", render(&text)));
    }
    insta::assert_snapshot!(out);
}
