use super::*;

/// All diagnostics for `src`, printed, separated by blank lines.
fn errors(src: &str) -> String {
    match Config::parse("annals.yaml", src) {
        Ok(config) => panic!("expected errors, got {config:?}"),
        Err(diags) => diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn parse(src: &str) -> Config {
    match Config::parse("annals.yaml", src) {
        Ok(config) => config,
        Err(diags) => panic!(
            "{}",
            diags.iter().map(ToString::to_string).collect::<String>()
        ),
    }
}

/// Snapshots live in `crates/model/src/snapshots/`, named `config_*`.
macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(concat!("config_", $name), $value);
        })
    };
}

const FULL: &str = "\
title: Maduro in Moscow
min_sources: 1
articles:
  000_0d1d1294870afd6c.txt:
    title: Putin Backs Venezuela Opposition Dialog, But No New Aid Offered
    source: Bloomberg
    url: https://www.bloomberg.com/news
    published: 2019-09-25
  \"odd: name.txt\":
    published: 2019-01-24
events:
  - id: ev-1a2b3c4d
    retitle: Maduro visits Moscow
  - match: { date: 2019-04, word: uprising }
    redate: 2019-04-16
    mod: START
  - id: ev-5e6f7a8b
    hide: true
  - id: ev-9c0d1e2f
    note: Confirmed by the Kremlin's own readout.
  - merge: [ev-1a2b3c4d, ev-3f4a5b6c]
    retitle: Maduro meets Putin
  - split: ev-7d8e9f0a
  - add:
      date: 2019-01-23
      title: Guaidó proclaims himself interim president
      note: Sworn in before a crowd in Caracas.
      source: Reuters
      url: https://example.com/guaido
";

#[test]
fn parses_the_documented_example() {
    let config = parse(FULL);
    assert_eq!(config.title.as_deref(), Some("Maduro in Moscow"));
    assert_eq!(config.min_sources, Some(1));
    let meta = &config.articles["000_0d1d1294870afd6c.txt"];
    assert_eq!(meta.source.as_deref(), Some("Bloomberg"));
    assert_eq!(meta.published, NaiveDate::from_ymd_opt(2019, 9, 25));
    assert_eq!(
        config.articles["odd: name.txt"].published,
        NaiveDate::from_ymd_opt(2019, 1, 24)
    );
    assert_eq!(config.overrides().len(), 7);
    let kinds: Vec<&str> = config
        .overrides()
        .iter()
        .map(|o| match &o.action {
            Action::Edit {
                selector: Selector::Id(_),
                ..
            } => "id",
            Action::Edit { .. } => "match",
            Action::Merge { .. } => "merge",
            Action::Split { .. } => "split",
            Action::Add(_) => "add",
        })
        .collect();
    assert_eq!(kinds, ["id", "match", "id", "id", "merge", "split", "add"]);
    let Action::Edit {
        selector: Selector::Match { date, word, .. },
        changes,
    } = &config.overrides()[1].action
    else {
        panic!("second item is a match");
    };
    assert_eq!(date.as_ref().map(Value::as_str), Some("2019-04"));
    assert_eq!(word.as_deref(), Some("uprising"));
    assert_eq!(
        changes.redate.as_ref().map(Value::as_str),
        Some("2019-04-16")
    );
    assert_eq!(changes.modifier, Some(Mod::Start));
    let Action::Add(new) = &config.overrides()[6].action else {
        panic!("last item is an add");
    };
    assert_eq!(new.title, "Guaidó proclaims himself interim president");
    assert_eq!(new.source.as_deref(), Some("Reuters"));
    assert_eq!(&FULL[new.span.clone()], "add");
}

#[test]
fn empty_and_comment_only_files_are_empty_configs() {
    for src in ["", "\n", "# nothing yet\n", "---\n", "articles:\nevents:\n"] {
        let config = parse(src);
        assert_eq!(config.title, None);
        assert!(config.articles.is_empty());
        assert!(config.overrides().is_empty());
    }
}

#[test]
fn scalars_read_as_written() {
    let config = parse(
        "title: 1984\narticles:\n  a.txt:\n    title: 2019\nevents:\n  - id: ev-1\n    redate: 2019\n    retitle: 1.10\n",
    );
    assert_eq!(config.title.as_deref(), Some("1984"));
    assert_eq!(config.articles["a.txt"].title.as_deref(), Some("2019"));
    let Action::Edit { changes, .. } = &config.overrides()[0].action else {
        panic!("an edit");
    };
    assert_eq!(changes.redate.as_ref().map(Value::as_str), Some("2019"));
    assert_eq!(
        changes.retitle.as_deref(),
        Some("1.10"),
        "not reformatted to 1.1"
    );
}

#[test]
fn flow_style_items_are_located() {
    snap!(
        "flow_style",
        errors("events: [{id: ev-1, retitel: x}, {match: {date: 2019-13}, hide: true}]\n")
    );
}

#[test]
fn syntax_errors() {
    snap!(
        "syntax_indentation",
        errors("events:\n  - id: ev-1\n   retitle: x\n")
    );
    snap!("syntax_tab", errors("events:\n\t- id: ev-1\n"));
    snap!(
        "syntax_colon_in_text",
        errors("articles:\n  a.txt:\n    title: Putin: no aid: none\n")
    );
    snap!(
        "syntax_unclosed_flow",
        errors("events:\n  - merge: [ev-1, ev-2\n")
    );
    snap!(
        "syntax_unclosed_flow_mapping",
        errors("events:\n  - match: { word: x\n    hide: true\n")
    );
    snap!(
        "syntax_over_indented",
        errors("events:\n  - id: ev-1\n      retitle: x\n")
    );
    snap!(
        "syntax_missing_colon",
        errors("title: x\nmin_sources 1\narticles:\n  a.txt: {}\n")
    );
    snap!(
        "syntax_unclosed_quote",
        errors("title: \"Maduro in Moscow\nmin_sources: 1\n")
    );
    snap!(
        "syntax_stray_text",
        errors("events:\n  - match: { date: 2019-04 }}\n    hide: true\n")
    );
}

#[test]
fn unknown_keys_suggest_the_closest() {
    snap!(
        "unknown_keys",
        errors(
            "titel: x\noverrides: []\narticles:\n  a.txt:\n    date: 2019-09-25\n    sorce: AFP\nevents:\n  - id: ev-1\n    retitel: Maduro visits Moscow\n    colour: red\n  - match: { date: 2019-04, wrod: uprising }\n    hide: true\n  - add:\n      date: 2019-01-23\n      title: Guaidó\n      summary: x\n"
        )
    );
    snap!(
        "unknown_key_title_in_item",
        errors("events:\n  - id: ev-1\n    title: Maduro visits Moscow\n")
    );
}

#[test]
fn wrong_types() {
    snap!(
        "wrong_types",
        errors(
            "title: [a, b]\nmin_sources: -1\narticles:\n  a.txt: just text\nevents:\n  id: ev-1\n"
        )
    );
    snap!(
        "wrong_types_in_items",
        errors(
            "events:\n  - just text\n  - id: ev-1\n    hide: yes\n  - id: ev-2\n    retitle:\n  - id: [ev-3]\n    note: x\n  - merge: ev-1\n"
        )
    );
    snap!("top_level_list", errors("- id: ev-1\n  hide: true\n"));
}

#[test]
fn bad_values_and_mods() {
    snap!(
        "bad_values",
        errors(
            "events:\n  - id: ev-1\n    redate: 2019-13\n  - id: ev-2\n    redate: April 2019\n    mod: start\n  - id: ev-3\n    redate: 2019-04\n    mod: EARLY\n  - match: { date: last week }\n    hide: true\n  - add:\n      date: yesterday\n      title: x\n"
        )
    );
}

#[test]
fn bad_publication_dates() {
    snap!(
        "bad_published",
        errors(
            "articles:\n  a.txt:\n    published: 2019-9-25\n  b.txt:\n    published: 2019-02-30\n  c.txt:\n    published: September 25, 2019\n  d.txt:\n    published: 2019\n  e.txt:\n    published: YYYY-MM-DD\n"
        )
    );
}

#[test]
fn item_shapes() {
    snap!(
        "item_no_selector",
        errors("events:\n  - retitle: Maduro visits Moscow\n    note: x\n")
    );
    snap!(
        "item_two_selectors",
        errors("events:\n  - id: ev-1\n    match: { word: visit }\n    hide: true\n")
    );
    snap!(
        "item_selector_and_merge",
        errors("events:\n  - id: ev-1\n    merge: [ev-1, ev-2]\n")
    );
    snap!("item_no_action", errors("events:\n  - id: ev-1\n"));
    snap!(
        "item_split_with_action",
        errors("events:\n  - split: ev-1\n    retitle: x\n")
    );
    snap!(
        "item_add_with_action",
        errors("events:\n  - add: { date: 2019-01-23, title: x }\n    note: y\n")
    );
    snap!(
        "item_merge_with_hide",
        errors("events:\n  - merge: [ev-1, ev-2]\n    hide: true\n")
    );
    snap!("item_empty", errors("events:\n  -\n  - {}\n"));
}

#[test]
fn merge_and_add_shapes() {
    snap!(
        "merge_too_few",
        errors("events:\n  - merge: [ev-1]\n  - merge: []\n  - merge: [ev-2, ev-3, ev-2]\n")
    );
    snap!(
        "add_missing_fields",
        errors("events:\n  - add:\n      note: x\n  - add:\n      date: 2019\n  - add: Guaidó\n")
    );
    snap!(
        "match_shapes",
        errors(
            "events:\n  - match: {}\n    hide: true\n  - match: { word: '--' }\n    hide: true\n  - match: ev-1\n    hide: true\n"
        )
    );
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let src = "titel: x\nevents:\n  - id: ev-1\n    redate: 2019-13\n  - retitle: y\n  - id: ev-2\n    mod: early\n";
    let diags = Config::parse("annals.yaml", src).unwrap_err();
    let lines: Vec<usize> = diags
        .iter()
        .filter_map(|d| d.line_col())
        .map(|(l, _)| l)
        .collect();
    assert_eq!(lines, [1, 4, 5, 7]);
}

#[test]
fn article_positions_for_ingest_errors() {
    let src = "title: x\narticles:\n  a.txt:\n    source: AFP\n  \"b c.txt\": {}\n";
    let config = parse(src);
    assert_eq!(config.article_span("a.txt").map(|s| &src[s]), Some("a.txt"));
    assert_eq!(
        config.article_span("b c.txt").map(|s| &src[s]),
        Some("\"b c.txt\"")
    );
    assert_eq!(config.articles_span().map(|s| &src[s]), Some("articles"));
    let missing = config
        .article_diagnostic("a.txt", "`a.txt` has no publication date")
        .with_help(format!("add it:\n{}", article_snippet("a.txt")));
    snap!("article_diagnostic", missing.to_string());
    let other = config.article_diagnostic("z.txt", "`z.txt` has no publication date");
    assert_eq!(other.line_col(), Some((2, 1)), "falls back to `articles:`");
    let none = parse("title: x\n").article_diagnostic("z.txt", "m");
    assert_eq!(none.location, None, "falls back to the whole file");
}

#[test]
fn article_snippets_quote_when_needed() {
    let table = [
        ("000_0d1d1294870afd6c.txt", "000_0d1d1294870afd6c.txt"),
        ("news/a b.md", "news/a b.md"),
        ("Guaidó.txt", "Guaidó.txt"),
        ("a: b.txt", "\"a: b.txt\""),
        ("2019", "\"2019\""),
        ("true", "\"true\""),
        ("-x.txt", "\"-x.txt\""),
        ("#1.txt", "\"#1.txt\""),
        ("say \"hi\".txt", "\"say \\\"hi\\\".txt\""),
        ("", "\"\""),
    ];
    for (name, key) in table {
        let snippet = article_snippet(name);
        assert_eq!(
            snippet,
            format!("articles:\n  {key}:\n    published: YYYY-MM-DD\n")
        );
        // The snippet, with a date filled in, is valid and names the file.
        let filled = snippet.replace("YYYY-MM-DD", "2019-09-25");
        let config = parse(&filled);
        assert_eq!(
            config.articles[name].published,
            NaiveDate::from_ymd_opt(2019, 9, 25),
            "{name}"
        );
        assert!(config.article_span(name).is_some(), "{name} is located");
    }
}

#[test]
fn edit_distances() {
    let table = [
        ("retitel", "retitle", 1),
        ("retitle", "retitle", 0),
        ("titel", "title", 1),
        ("hid", "hide", 1),
        ("", "abc", 3),
        ("guaidó", "guaido", 1),
        ("kitten", "sitting", 3),
    ];
    for (a, b, d) in table {
        assert_eq!(edit_distance(a, b), d, "{a} {b}");
    }
    assert_eq!(
        closest("retitel", ITEM_KEYS.iter().copied()),
        Some("retitle")
    );
    assert_eq!(closest("colour", ITEM_KEYS.iter().copied()), None);
}

#[test]
fn serde_yaml_positions_are_stripped() {
    let table = [
        (
            "did not find expected key at line 3 column 4, while parsing a block mapping at line 2 column 5",
            "did not find expected key, while parsing a block mapping",
        ),
        ("invalid type at position 12", "invalid type"),
        ("look at this", "look at this"),
    ];
    for (input, expected) in table {
        assert_eq!(strip_positions(input), expected);
    }
}

#[test]
fn yaml_corner_cases() {
    snap!(
        "duplicate_key",
        errors("title: a\narticles:\n  a.txt: {}\n  a.txt: {}\n")
    );
    snap!("two_documents", errors("title: a\n---\ntitle: b\n"));
    snap!(
        "nested_list_item",
        errors("events:\n  - - id: ev-1\n      hide: true\n")
    );
    snap!(
        "number_key_in_item",
        errors("events:\n  - id: ev-1\n    1: x\n    hide: true\n")
    );
    snap!(
        "tagged_value",
        errors("events:\n  - id: !ev ev-1\n    hide: true\n")
    );
}

#[test]
fn anchors_and_aliases_are_read() {
    let config = parse(
        "articles:\n  a.txt: &meta\n    source: AFP\n    published: 2019-09-25\n  b.txt: *meta\n",
    );
    assert_eq!(config.articles["b.txt"].source.as_deref(), Some("AFP"));
}

#[test]
fn mutated_configs_never_panic() {
    // xorshift64*: deterministic mutations of the documented example.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        usize::try_from(state.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64).unwrap_or(0)
    };
    let pieces = [
        " ",
        "\n",
        "  ",
        "- ",
        ":",
        ": ",
        "#",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\"",
        "'",
        "\t",
        "é",
        "&a ",
        "*a",
        "!t ",
        "|",
        ">",
        "---\n",
        "?",
        "ev-1a2b3c4d",
        "2019-13",
        "START",
    ];
    let mut errors = 0;
    for _ in 0..1500 {
        let mut chars: Vec<char> = FULL.chars().collect();
        for _ in 0..1 + next(4) {
            let at = next(chars.len() + 1);
            match next(3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                _ => {
                    let piece = pieces[next(pieces.len())];
                    for (i, c) in piece.chars().enumerate() {
                        chars.insert(at + i, c);
                    }
                }
            }
        }
        let src: String = chars.into_iter().collect();
        if let Err(diags) = Config::parse("annals.yaml", &src) {
            assert!(!diags.is_empty());
            for d in diags {
                let printed = d.to_string();
                assert!(printed.starts_with("error: "), "{printed}");
                assert!(
                    d.help.is_some(),
                    "every error says what would fix it: {printed}"
                );
            }
            errors += 1;
        }
    }
    assert!(errors > 300, "mutations find errors: {errors}");
}

#[test]
fn the_seeds_config_parses() {
    let src = include_str!("../../../../seeds/annals.yaml");
    let config = parse(src);
    assert_eq!(config.title.as_deref(), Some("Maduro in Moscow"));
    assert_eq!(config.articles.len(), 5);
    for (name, meta) in &config.articles {
        assert!(config.article_span(name).is_some(), "{name} is located");
        assert!(meta.source.is_some(), "{name} has a source");
    }
}

#[test]
fn article_names_are_read_as_written() {
    let src = "articles:\n  1.10: { source: A }\n  2019: { source: B }\n  true: { source: C }\n";
    let config = parse(src);
    let names: Vec<&str> = config.articles.keys().map(String::as_str).collect();
    assert_eq!(names, ["1.10", "2019", "true"]);
    assert_eq!(config.article_span("1.10").map(|s| &src[s]), Some("1.10"));
}

#[test]
fn crlf_and_byte_order_marks_keep_positions() {
    for src in [
        "events:\r\n  - id: ev-1\r\n    retitel: x\r\n",
        "\u{feff}events:\n  - id: ev-1\n    retitel: x\n",
    ] {
        let diags = Config::parse("annals.yaml", src).unwrap_err();
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line_col(), Some((3, 5)), "{src:?}");
        assert!(diags[0].to_string().contains("3 |     retitel: x\n"));
    }
    let src = "\u{feff}titel: x\n";
    let diags = Config::parse("annals.yaml", src).unwrap_err();
    assert_eq!(
        &src[diags[0].location.as_ref().map_or(0..0, |l| l.span.clone())],
        "titel"
    );
}
