use super::*;
use chrono::NaiveDate;

fn doc(text: &str) -> Document {
    Document {
        id: "a.txt".into(),
        title: None,
        source: Some("Wire".into()),
        url: None,
        published: NaiveDate::from_ymd_opt(2019, 9, 25).expect("a valid date"),
        text: text.into(),
    }
}

/// The parser's mention of "Maduro visited Moscow last December." at the
/// end of a text whose first sentence is "Hello é." (multi-byte).
fn parsed(text: &str) -> EventMention {
    let start = text.find("Maduro").expect("the sentence");
    let at = |w: &str| {
        let i = text.find(w).expect("the word");
        i..i + w.len()
    };
    EventMention {
        sentence: start..text.len(),
        clause: start..text.len() - 1,
        trigger: at("visited"),
        lemma: "visit".into(),
        timex: at("last December"),
        value: "2018-12".parse().expect("a value"),
        modifier: Some(Mod::End),
        end: Some("2019".parse().expect("a value")),
        title: "Maduro visited Moscow".into(),
        participants: vec!["maduro".into(), "moscow".into()],
        actors: vec!["maduro".into()],
        places: vec!["russia".into()],
        negated: false,
    }
}

const TEXT: &str = "Hello é. Maduro visited Moscow last December.";

#[test]
fn a_mention_carries_its_texts_and_words() {
    let m = Mention::new(&doc(TEXT), &parsed(TEXT));
    assert_eq!(m.quote, "Maduro visited Moscow last December.");
    assert_eq!(m.summary(), "Maduro visited Moscow last December");
    assert_eq!(m.trigger_word(), "visited");
    // The timex's words are left out; the trigger's stem and the names in.
    assert_eq!(m.words(), ["maduro", "moscow", "russia", "visit"]);
}

#[test]
fn a_clause_outside_its_sentence_is_cut_to_it() {
    let mut p = parsed(TEXT);
    p.clause = 0..TEXT.len();
    p.trigger = 0..5;
    let m = Mention::new(&doc(TEXT), &p);
    assert_eq!(m.clause, m.sentence);
    assert_eq!(m.trigger_word(), "");
}

#[test]
fn records_read_back_as_written() {
    let d = doc(TEXT);
    let mut m = Mention::new(&d, &parsed(TEXT));
    let records = [
        Record::Document(SourceInfo::of(&d)),
        Record::Mention(Box::new(m.clone())),
    ];
    for r in &records {
        let line = r.to_line();
        assert_eq!(
            &parse_line("m.jsonl", 1, &line).expect("a record"),
            r,
            "{line}"
        );
    }
    // Empty and absent fields are left out and read back as such.
    m.modifier = None;
    m.end = None;
    m.actors.clear();
    m.negated = true;
    let line = mention_line(&m);
    assert!(
        !line.contains("\"mod\"") && !line.contains("\"actors\""),
        "{line}"
    );
    assert!(line.starts_with(r#"{"schema":1,"kind":"mention","doc":"a.txt","sentence":[10,46]"#));
    let back = parse_line("m.jsonl", 1, &line).expect("a record");
    assert_eq!(back, Record::Mention(Box::new(m)));
}

/// The diagnostic for a bad line, as printed.
fn error(line: &str) -> String {
    parse_line("m.jsonl", 7, line)
        .expect_err("a bad line")
        .to_string()
}

#[test]
fn a_line_that_is_not_json_points_at_the_place() {
    insta::assert_snapshot!(error(r#"{"schema":1,"kind":"document","doc":"a.txt""#), @r#"
    error: bad mention line: EOF while parsing an object
     --> m.jsonl:7:43
      |
    7 | {"schema":1,"kind":"document","doc":"a.txt"
      |                                           ^
      = help: each line must be one JSON object; was the file cut or edited?
    "#);
}

#[test]
fn another_schema_says_what_to_do() {
    insta::assert_snapshot!(error(r#"{"schema":2,"kind":"document"}"#), @r#"
    error: mention schema 2 is not one this annals reads (it reads schema 1)
     --> m.jsonl:7:2
      |
    7 | {"schema":2,"kind":"document"}
      |  ^^^^^^^^
      = help: write the file again with this annals' `annals mentions`, or reduce it with the annals that wrote it
    "#);
    insta::assert_snapshot!(error(r#"{"doc":"a.txt"}"#), @r#"
    error: no `schema` field: this is not a line of a mention file
     --> m.jsonl:7:1
      |
    7 | {"doc":"a.txt"}
      | ^
      = help: mention files are written by `annals mentions --format jsonl`; write this one again with it
    "#);
}

#[test]
fn bad_fields_are_named() {
    let cases = [
        (
            r#"{"schema":1,"kind":"event"}"#,
            "expected `\"kind\": \"document\"`",
        ),
        (
            r#"{"schema":1,"kind":"document","doc":"a.txt","title":null,"source":null,"url":null}"#,
            "missing field `published`",
        ),
        (
            r#"{"schema":1,"kind":"document","doc":"a.txt","title":null,"source":null,"url":null,"published":"2019-13-01"}"#,
            "input is out of range",
        ),
    ];
    for (line, want) in cases {
        let got = error(line);
        assert!(got.contains(want), "{line}: {got}");
    }
    let good = mention_line(&Mention::new(&doc(TEXT), &parsed(TEXT)));
    let broken = [
        (
            good.replace("\"2018-12\"", "\"2018-13\""),
            "is not a TimeML value",
        ),
        (good.replace("\"END\"", "\"LATE\""), "is not a TimeML mod"),
        (
            good.replace("[10,46]", "[10,40]"),
            "does not span the 36 bytes",
        ),
        (
            good.replace("[10,45]", "[0,45]"),
            "`clause` [0, 45] does not cut",
        ),
        (
            good.replace("\"sentence\":[10,46],", ""),
            "missing field `sentence`",
        ),
    ];
    for (line, want) in broken {
        assert_ne!(line, good, "the case changes the line");
        let got = error(&line);
        assert!(got.contains(want), "{line}: {got}");
        assert!(got.contains("--> m.jsonl:7:"), "{got}");
    }
}
