//! Properties of ingest on arbitrary input: never a panic, and what comes
//! out is a faithful cleaning of what went in.

use annals_model::ingest::{Format, clean, decode, find_dateline, split_front_matter};
use proptest::prelude::*;

fn article_like() -> impl Strategy<Value = String> {
    // Mix of real furniture, prose, dates, bullets, blank lines and noise.
    let line = prop_oneof![
        Just("ADVERTISEMENT".to_owned()),
        Just("Press \"Enter\" to skip to content".to_owned()),
        Just("Posted September 26, 2019".to_owned()),
        Just("• Related link".to_owned()),
        Just(String::new()),
        Just("The minister visited Paris in March 2019, officials said on Monday.".to_owned()),
        Just("---".to_owned()),
        "\\PC{0,80}",
    ];
    prop::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_a11a), ..proptest::prelude::ProptestConfig::default() })]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(text) = decode("f.txt", &bytes) {
            prop_assert!(!text.contains('\r'));
            let bom = '\u{feff}';
            prop_assert!(!text.starts_with(bom));
        }
    }

    #[test]
    fn clean_keeps_only_lines_of_the_input(text in article_like(), md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::Text };
        let out = clean(&text, format);
        prop_assert_eq!(out.trim(), out.as_str());
        if !md {
            for line in out.lines().filter(|l| !l.is_empty()) {
                prop_assert!(text.contains(line), "{:?} not in input", line);
            }
        }
    }

    #[test]
    fn front_matter_and_datelines_never_panic(text in article_like()) {
        let _ = split_front_matter("f.md", &text);
        if let Some(d) = find_dateline(&text) {
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            prop_assert!(d.span.start < d.span.end && d.span.end <= text.len());
        }
    }
}

/// Markup-ish bytes: tags, entities, dates, JSON and feed fragments, noise.
fn markup_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<meta charset=\"windows-1252\">".to_vec()),
        Just(b"<time datetime=\"2019-13-45\">".to_vec()),
        Just(b"<div class=\"date\">Nov. 31, 2019".to_vec()),
        Just(b"{\"text\": \"a\", \"date\": \"2019-02-30\"}\n".to_vec()),
        Just(b"<item><title>t</title><description>&lt;p&gt;x".to_vec()),
        Just(b"\"datePublished\":\"".to_vec()),
        Just(b"&#x110000;&amp".to_vec()),
        prop::collection::vec(any::<u8>(), 0..24),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_a11b), ..proptest::prelude::ProptestConfig::default() })]

    #[test]
    fn read_file_never_panics(bytes in markup_like()) {
        for name in ["a.html", "a.txt", "a.md", "a.jsonl", "a.rss", "a.jsonl.gz"] {
            if let Ok(found) = annals_model::ingest::read_file(name, name, &bytes) {
                for a in &found.articles {
                    prop_assert!(!a.text.trim().is_empty());
                }
            }
        }
    }
}
