use super::*;
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 9, d).expect("a valid date")
}

fn article(doc: &str, published: Option<NaiveDate>, text: &str) -> Article {
    Article {
        doc: doc.into(),
        title: None,
        source: None,
        url: Some("https://news.example/a".into()),
        published,
        author: None,
        text: text.into(),
    }
}

fn config(yaml: &str) -> Config {
    Config::parse("annals.yaml", yaml).expect("a valid annals.yaml")
}

const YAML: &str = "title: Council\narticles:\n  b.txt:\n    published: 2019-09-26\n    source: Gazette\n    url: https://gazette.example/b\n";

#[test]
fn annals_yaml_gives_metadata_and_applying_it_twice_changes_nothing() {
    let config = config(YAML);
    let b = article("b.txt", None, "Text.");
    let once = with_config(&b, &config);
    assert_eq!(once.published, Some(day(26)));
    assert_eq!(once.source.as_deref(), Some("Gazette"));
    assert_eq!(once.url.as_deref(), Some("https://gazette.example/b"));
    assert_eq!(with_config(&once, &config), once);
    // An article the file does not name keeps its own metadata.
    let a = article("a.txt", Some(day(25)), "Text.");
    assert_eq!(with_config(&a, &config), a);
}

#[test]
fn a_document_needs_a_publication_date() {
    let config = config(YAML);
    assert!(document(&article("a.txt", None, "Text."), &config).is_none());
    let doc = document(&article("b.txt", None, "Text."), &config).expect("dated by the YAML");
    assert_eq!((doc.id.as_str(), doc.published), ("b.txt", day(26)));
    insta::assert_snapshot!(undated("in/a.txt", "a.txt", "in/annals.yaml").to_string(), @r"
    error: no publication date: the article states none near its top
      --> in/a.txt
      = help: relative dates need it; add to in/annals.yaml:

              articles:
                a.txt:
                  published: YYYY-MM-DD
    ");
}

#[cfg(feature = "pipeline")]
fn docs() -> Vec<Document> {
    let texts = [
        "The council met on Tuesday. The council approved the city budget on Monday.",
        "The council approved the city budget on Monday, officials said.",
        "A storm flooded the harbour on Sunday.",
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Document {
            id: format!("{i}.txt"),
            title: None,
            source: None,
            url: None,
            published: day(25),
            text: (*text).into(),
        })
        .collect()
}

#[test]
#[cfg(feature = "pipeline")]
fn mentions_keep_input_order_on_any_number_of_threads() {
    let docs: Vec<Document> = docs().into_iter().cycle().take(20).collect();
    let one: Vec<Vec<Mention>> = docs.iter().map(mentions).collect();
    let counts: Vec<usize> = one.iter().take(3).map(Vec::len).collect();
    assert_eq!(counts, [2, 1, 1], "{one:#?}");
    let calls = std::sync::atomic::AtomicUsize::new(0);
    for workers in [0, 1, 3, 64] {
        let done = || {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        };
        assert_eq!(
            mentions_all(&docs, workers, &done),
            one,
            "{workers} workers"
        );
        let (sources, mapped) = map_all(docs.clone(), workers, &done);
        assert_eq!(mapped, one, "{workers} workers, documents taken");
        let ids: Vec<&str> = sources.iter().map(|s| s.doc.as_str()).collect();
        let want: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, want);
    }
    assert_eq!(calls.into_inner(), 8 * docs.len());
}

#[test]
#[cfg(feature = "pipeline")]
fn a_text_split_into_runs_gives_the_same_records() {
    let mut long = docs();
    let text: Vec<&str> = long.iter().map(|d| d.text.as_str()).collect();
    // Dates that move the reference time across the runs' boundaries.
    let joined = format!(
        "{} The mayor resigned three days later. {} The next day, the harbour reopened.",
        text.join(" "),
        text.join("\n\n")
    );
    long[0].text = joined;
    for doc in &long {
        let one = mentions(doc);
        for threads in [2, 3, 8] {
            assert_eq!(mentions_split(doc, threads, 0), one, "{threads} threads");
        }
    }
    assert!(mentions(&long[0]).len() > 5, "{:#?}", mentions(&long[0]));
    let sentences = annals_parse::sentences(&long[0].text);
    let runs = runs(long[0].text.len(), &sentences, 2);
    assert_eq!(runs.len(), 2 * RUNS_PER_THREAD);
    assert_eq!(runs.concat(), sentences);
}

#[test]
#[cfg(feature = "pipeline")]
fn the_timeline_is_the_reduce_of_the_records() {
    let docs = docs();
    let config = config("title: Council\nmin_sources: 2\n");
    let options = Options {
        top: None,
        workers: 2,
    };
    let timeline = timeline(&docs, &config, &options).expect("no override");
    assert_eq!(timeline.title, "Council");
    // Only the budget vote has two sources.
    assert_eq!(timeline.events.len(), 1, "{:#?}", timeline.events);
    assert_eq!(timeline.events[0].when.value.as_str(), "2019-09-23");
    let records: Vec<Vec<Mention>> = docs.iter().map(mentions).collect();
    let sources: Vec<SourceInfo> = docs.iter().map(SourceInfo::of).collect();
    let reduced = reduce(&sources, &records, &config, &options).expect("no override");
    assert_eq!(reduced, timeline);
    let title = "Council";
    let store = |records: &[Vec<Mention>]| {
        let mut store = crate::store::MentionStore::default();
        for (doc, ms) in records.iter().enumerate() {
            store.push(doc, ms.clone());
        }
        store
    };
    assert_eq!(
        Timeline::from_store_on(title, &sources, store(&records), 3),
        Timeline::from_records(title, &sources, &records)
    );
    // Unfiltered, the one-step build keeps every event.
    let all =
        reduce(&sources, &records, &Config::default(), &Options::default()).expect("no override");
    assert!(all.events.len() > 1, "{:#?}", all.events);
    assert_eq!(all.title, "Timeline");
}

#[test]
#[cfg(feature = "pipeline")]
fn corrections_that_do_not_apply_are_diagnostics() {
    let config = config("events:\n  - id: ev-00000000\n    hide: true\n");
    let errors = timeline(&docs(), &config, &Options::default()).expect_err("no such event");
    assert!(errors[0].message.contains("ev-00000000"), "{errors:?}");
}
