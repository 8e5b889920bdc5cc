use chrono::NaiveDate;

use super::originals;
use crate::{Citation, Event, SourceInfo, When};

fn source(doc: &str, day: u32) -> SourceInfo {
    SourceInfo {
        doc: doc.into(),
        title: None,
        source: None,
        url: None,
        published: NaiveDate::from_ymd_opt(2020, 3, day).expect("a valid day"),
    }
}

/// One event per quote, cited by `docs`.
fn events(quoted: &[(&str, &[&str])]) -> Vec<Event> {
    quoted
        .iter()
        .enumerate()
        .map(|(i, (quote, docs))| Event {
            id: format!("ev-{i}"),
            when: When::new("2020-03-01".parse().expect("a valid value"), None),
            title: "Something happens".into(),
            summary: None,
            citations: docs
                .iter()
                .map(|d| Citation {
                    doc: (*d).into(),
                    source: None,
                    url: None,
                    quote: (*quote).into(),
                    span: 0..quote.len(),
                })
                .collect(),
            note: None,
            alternatives: Vec::new(),
            added: false,
            salience: 100,
        })
        .collect()
}

#[test]
fn a_wire_story_in_two_outlets_is_one_story_first_published_first() {
    let sources = [
        source("wire-b.txt", 3),
        source("wire-a.txt", 2),
        source("own.txt", 2),
    ];
    let evs = events(&[
        (
            "The council voted on Monday.",
            &["wire-a.txt", "wire-b.txt"],
        ),
        ("The vote was 9 to 2.", &["wire-a.txt", "wire-b.txt"]),
        (
            "Talks resume on Friday.",
            &["wire-a.txt", "wire-b.txt", "own.txt"],
        ),
        ("Our reporter saw the vote.", &["own.txt"]),
        ("The mayor spoke on Tuesday.", &["own.txt"]),
    ]);
    let copies = originals(&sources, &evs);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies.get("wire-b.txt"), Some(&"wire-a.txt"));
}

#[test]
fn two_shared_sentences_or_a_small_share_make_no_copy() {
    let sources = [source("a.txt", 1), source("b.txt", 1)];
    let two = events(&[("One.", &["a.txt", "b.txt"]), ("Two.", &["a.txt", "b.txt"])]);
    assert!(originals(&sources, &two).is_empty());
    // Three shared of b's eight sentences: less than half.
    let mut quoted: Vec<(String, Vec<&str>)> = (0..3)
        .map(|i| (format!("Shared {i}."), vec!["a.txt", "b.txt"]))
        .collect();
    quoted.extend((0..5).map(|i| (format!("Own {i}."), vec!["a.txt"])));
    quoted.extend((0..5).map(|i| (format!("Theirs {i}."), vec!["b.txt"])));
    let borrowed: Vec<(&str, &[&str])> = quoted
        .iter()
        .map(|(q, d)| (q.as_str(), d.as_slice()))
        .collect();
    assert!(originals(&sources, &events(&borrowed)).is_empty());
}

#[test]
fn boilerplate_quoted_everywhere_makes_no_copies() {
    let docs: Vec<String> = (0..30).map(|i| format!("d{i:02}.txt")).collect();
    let sources: Vec<SourceInfo> = docs.iter().map(|d| source(d, 1)).collect();
    let all: Vec<&str> = docs.iter().map(String::as_str).collect();
    let evs = events(&[
        ("Background one.", &all),
        ("Background two.", &all),
        ("Background three.", &all),
    ]);
    assert!(originals(&sources, &evs).is_empty());
}

#[test]
fn an_id_given_twice_is_one_article() {
    let sources = [source("a.txt", 1), source("a.txt", 2), source("b.txt", 3)];
    let evs = events(&[
        ("One.", &["a.txt", "b.txt"]),
        ("Two.", &["a.txt", "b.txt"]),
        ("Three.", &["a.txt", "b.txt"]),
    ]);
    let copies = originals(&sources, &evs);
    assert_eq!(copies.get("b.txt"), Some(&"a.txt"), "{copies:?}");
}
