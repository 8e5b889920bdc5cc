use annals_parse::Mod;
use chrono::NaiveDate;

use super::*;
use crate::{Alternative, SourceInfo};

/// Snapshots live in `crates/model/src/snapshots/`, named `overrides_*`.
macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(concat!("overrides_", $name), $value);
        })
    };
}

fn cite(doc: &str) -> Citation {
    Citation {
        doc: doc.to_owned(),
        source: Some(format!("Outlet {doc}")),
        url: None,
        quote: format!("A sentence from {doc}."),
        span: 0..10,
    }
}

fn event(id: &str, date: &str, title: &str, docs: &[&str]) -> Event {
    Event {
        id: id.to_owned(),
        when: When::new(date.parse().expect("fixture dates are TimeML values"), None),
        title: title.to_owned(),
        summary: None,
        citations: docs.iter().map(|d| cite(d)).collect(),
        note: None,
        alternatives: Vec::new(),
        added: false,
        salience: 100 * u64::try_from(docs.len()).expect("few docs") + 5,
    }
}

/// A small timeline, sorted as `Timeline::build` sorts.
fn timeline() -> Timeline {
    let mut events = vec![
        event("ev-visit", "2018-12", "Maduro visits Moscow", &["a", "b"]),
        event(
            "ev-guaido",
            "2019-01-23",
            "Guaidó proclaims himself interim president",
            &["d"],
        ),
        event(
            "ev-aid",
            "2019-04-16",
            "Russia sends aid to Caracas",
            &["b"],
        ),
        event(
            "ev-uprising",
            "2019-04-30",
            "Failed military uprising in Caracas",
            &["a"],
        ),
        event("ev-talks", "2019-09", "Putin and Maduro meet", &["c", "e"]),
        event(
            "ev-meet",
            "2019-09-25",
            "Putin meets Maduro at the Kremlin",
            &["a", "b", "c"],
        ),
    ];
    crate::build::sort_events(&mut events);
    let mut timeline = Timeline {
        title: "Venezuela".to_owned(),
        events,
        sources: ["a", "b", "c", "d", "e"]
            .into_iter()
            .map(|doc| SourceInfo {
                doc: doc.to_owned(),
                title: None,
                source: Some(format!("Outlet {doc}")),
                url: None,
                published: NaiveDate::from_ymd_opt(2019, 9, 25).expect("a valid day"),
            })
            .collect(),
        also_cited: Vec::new(),
    };
    // As `Timeline::from_records` leaves it.
    timeline.weigh_attention();
    timeline
}

fn run(yaml: &str) -> Result<Timeline, Vec<Diagnostic>> {
    let config = Config::parse("annals.yaml", yaml).unwrap_or_else(|diags| {
        panic!(
            "the fixture config parses: {}",
            diags.iter().map(ToString::to_string).collect::<String>()
        )
    });
    apply(&timeline(), &config)
}

fn ok(yaml: &str) -> Timeline {
    run(yaml).unwrap_or_else(|diags| {
        panic!(
            "{}",
            diags.iter().map(ToString::to_string).collect::<String>()
        )
    })
}

fn errors(yaml: &str) -> String {
    match run(yaml) {
        Ok(t) => panic!("expected errors, got {:#?}", t.events),
        Err(diags) => diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// `id date[ mod] title [docs] note` per event, one a line.
fn show(t: &Timeline) -> String {
    t.events
        .iter()
        .map(|e| {
            let docs: Vec<&str> = e.citations.iter().map(|c| c.doc.as_str()).collect();
            let modifier = e.when.modifier.map(|m| format!(" {m}")).unwrap_or_default();
            let note = e
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            format!(
                "{} {}{} {} [{}]{}\n",
                e.id,
                e.when.value,
                modifier,
                e.title,
                docs.join(","),
                note
            )
        })
        .collect()
}

fn get<'t>(t: &'t Timeline, id: &str) -> &'t Event {
    t.events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} is on the timeline"))
}

#[test]
fn no_overrides_change_nothing() {
    assert_eq!(ok(""), timeline());
    assert_eq!(ok("events: []\n").events, timeline().events);
}

#[test]
fn title_comes_from_the_config() {
    assert_eq!(ok("title: Maduro in Moscow\n").title, "Maduro in Moscow");
    assert_eq!(ok("min_sources: 2\n").title, "Venezuela");
}

#[test]
fn edits() {
    // (override, event id, expected `show` line of that event)
    let table = [
        (
            "- id: ev-visit\n  retitle: Maduro flies to Moscow",
            "ev-visit",
            "ev-visit 2018-12 Maduro flies to Moscow [a,b]",
        ),
        (
            "- id: ev-visit\n  note: A state visit.",
            "ev-visit",
            "ev-visit 2018-12 Maduro visits Moscow [a,b] (A state visit.)",
        ),
        (
            "- id: ev-visit\n  redate: 2018-12-05",
            "ev-visit",
            "ev-visit 2018-12-05 Maduro visits Moscow [a,b]",
        ),
        (
            "- id: ev-talks\n  redate: 2019-W39\n  mod: APPROX",
            "ev-talks",
            "ev-talks 2019-W39 APPROX Putin and Maduro meet [c,e]",
        ),
        (
            "- id: ev-talks\n  mod: START",
            "ev-talks",
            "ev-talks 2019-09 START Putin and Maduro meet [c,e]",
        ),
        (
            // A month stays a month: redate keeps the precision written.
            "- match: { date: 2019-04, word: uprising }\n  redate: 2019-05",
            "ev-uprising",
            "ev-uprising 2019-05 Failed military uprising in Caracas [a]",
        ),
        (
            "- match: { word: GUAIDO }\n  retitle: Juan Guaidó proclaims himself president",
            "ev-guaido",
            "ev-guaido 2019-01-23 Juan Guaidó proclaims himself president [d]",
        ),
        (
            "- match: { word: interim president }\n  note: In Caracas.",
            "ev-guaido",
            "ev-guaido 2019-01-23 Guaidó proclaims himself interim president [d] (In Caracas.)",
        ),
        (
            "- match: { date: 2018 }\n  note: The only event of 2018.",
            "ev-visit",
            "ev-visit 2018-12 Maduro visits Moscow [a,b] (The only event of 2018.)",
        ),
        (
            "- match: { date: 2019-09-25 }\n  retitle: Putin receives Maduro",
            "ev-meet",
            "ev-meet 2019-09-25 Putin receives Maduro [a,b,c]",
        ),
    ];
    for (yaml, id, expected) in table {
        let t = ok(&format!("events:\n{}\n", indent(yaml)));
        assert_eq!(show_one(get(&t, id)), expected, "{yaml}");
        assert_eq!(t.events.len(), timeline().events.len(), "{yaml}");
    }
}

fn indent(yaml: &str) -> String {
    yaml.lines().map(|l| format!("  {l}\n")).collect::<String>()
}

fn show_one(e: &Event) -> String {
    let t = Timeline {
        title: String::new(),
        events: vec![e.clone()],
        sources: Vec::new(),
        also_cited: Vec::new(),
    };
    show(&t).trim_end().to_owned()
}

#[test]
fn redate_clears_the_modifier_unless_given() {
    let mut base = timeline();
    base.events[0].when.modifier = Some(Mod::End);
    let config = Config::parse(
        "annals.yaml",
        "events:\n  - id: ev-visit\n    redate: 2018-11\n",
    )
    .expect("valid");
    let t = apply(&base, &config).expect("applies");
    assert_eq!(get(&t, "ev-visit").when.modifier, None);
}

#[test]
fn hide_removes_the_event() {
    let t = ok(
        "events:\n  - id: ev-aid\n    hide: true\n  - match: { word: uprising }\n    hide: true\n",
    );
    assert!(
        t.events
            .iter()
            .all(|e| e.id != "ev-aid" && e.id != "ev-uprising")
    );
    assert_eq!(t.events.len(), timeline().events.len() - 2);
    // `hide: false` keeps it.
    let t = ok("events:\n  - id: ev-aid\n    hide: false\n");
    assert_eq!(t.events, timeline().events);
}

#[test]
fn events_are_resorted() {
    let t = ok("events:
  - id: ev-meet
    redate: 2018-12-01
  - id: ev-talks
    redate: 2018
  - add:
      date: 2018-12
      title: A month-long event
");
    snap!("resorted", show(&t));
}

#[test]
fn merge_unites_citations_and_keeps_the_most_precise_date() {
    let t = ok("events:\n  - merge: [ev-talks, ev-meet]\n");
    let merged = get(&t, "ev-talks");
    assert_eq!(
        show_one(merged),
        "ev-talks 2019-09-25 Putin and Maduro meet [c,e,a,b]"
    );
    assert!(t.events.iter().all(|e| e.id != "ev-meet"));
    assert_eq!(t.events.len(), timeline().events.len() - 1);
    // One citation per document: the first event's quote from `c` wins.
    let t = ok(
        "events:\n  - merge: [ev-meet, ev-talks]\n    retitle: Putin meets Maduro\n    note: n\n",
    );
    assert_eq!(
        show_one(get(&t, "ev-meet")),
        "ev-meet 2019-09-25 Putin meets Maduro [a,b,c,e] (n)"
    );
}

#[test]
fn merge_with_redate_accepts_disagreeing_dates() {
    let t = ok(
        "events:\n  - merge: [ev-aid, ev-uprising, ev-visit]\n    redate: 2019-04\n    mod: APPROX\n",
    );
    assert_eq!(
        show_one(get(&t, "ev-aid")),
        "ev-aid 2019-04 APPROX Russia sends aid to Caracas [b,a]"
    );
    assert_eq!(t.events.len(), timeline().events.len() - 2);
}

#[test]
fn split_makes_one_event_per_article() {
    let t = ok("events:\n  - split: ev-meet\n");
    let parts: Vec<&Event> = t
        .events
        .iter()
        .filter(|e| e.title == "Putin meets Maduro at the Kremlin")
        .collect();
    assert_eq!(parts.len(), 3);
    let mut docs: Vec<(&str, &str)> = parts
        .iter()
        .map(|e| (e.citations[0].doc.as_str(), e.id.as_str()))
        .collect();
    docs.sort();
    assert_eq!(docs[0], ("a", "ev-meet"), "the first article keeps the id");
    assert_eq!(docs[1].1, stable_id(&["split", "ev-meet", "b"]));
    assert_eq!(docs[2].1, stable_id(&["split", "ev-meet", "c"]));
    // Merge then split gives the articles back as separate events.
    let t = ok("events:\n  - merge: [ev-talks, ev-meet]\n  - split: ev-talks\n");
    assert_eq!(t.events.len(), timeline().events.len() + 2);
}

#[test]
fn added_events_have_stable_ids() {
    let yaml = "events:
  - add:
      date: 2019-01-23
      title: Guaidó sworn in
      note: Before a crowd in Caracas.
      source: Reuters
      url: https://example.com/guaido
";
    let first = ok(yaml);
    let second = ok(yaml);
    let id = stable_id(&["added", "2019-01-23", "Guaidó sworn in"]);
    let added = get(&first, &id);
    assert_eq!(added, get(&second, &id), "same input, same event");
    assert_eq!(added.note.as_deref(), Some("Before a crowd in Caracas."));
    assert_eq!(added.citations.len(), 1);
    assert_eq!(added.citations[0].source.as_deref(), Some("Reuters"));
    assert_eq!(added.citations[0].doc, "annals.yaml");
    assert!(added.added, "marked as added by hand");
    // The id can be used by later items, and survives a round trip of the
    // whole file through its text.
    let again = format!("{yaml}  - id: {id}\n    retitle: Guaidó takes the oath\n");
    assert_eq!(get(&ok(&again), &id).title, "Guaidó takes the oath");
    // Without source or url there is no citation.
    let bare = ok("events:\n  - add: { date: 2019-02, title: Aid blocked at the border }\n");
    let id = stable_id(&["added", "2019-02", "Aid blocked at the border"]);
    assert!(get(&bare, &id).citations.is_empty());
}

#[test]
fn words_ignore_case_and_accents_but_not_word_boundaries() {
    let table = [
        ("Guaidó proclaims himself", "guaido", true),
        ("Guaidó proclaims himself", "GUAIDÓ", true),
        ("GUAIDO proclaims", "guaidó", true),
        ("Maduro visits Moscow", "visit", false),
        ("Maduro visits Moscow", "visits moscow", true),
        ("Maduro visits Moscow", "moscow visits", false),
        ("the Kremlin's readout", "kremlin", true),
        ("Straße", "strasse", true),
        ("Ñandú", "nandu", true),
        ("", "x", false),
    ];
    for (title, word, expected) in table {
        assert_eq!(has_word(title, word), expected, "{title:?} {word:?}");
    }
}

#[test]
fn date_selection() {
    let table = [
        ("2019-04-16", "2019-04", true),
        ("2019-04", "2019-04", true),
        ("2019-04", "2019-04-16", false),
        ("2019-04-30", "2019-Q2", true),
        ("2019-03-31", "2019-Q2", false),
        ("2019-09-25", "2019-W39", true),
        ("2019", "2019", true),
        ("PAST_REF", "PAST_REF", true),
        ("PAST_REF", "2019", false),
    ];
    for (value, wanted, expected) in table {
        let (v, w): (Value, Value) = (
            value.parse().expect("a value"),
            wanted.parse().expect("a value"),
        );
        assert_eq!(date_matches(&v, &w), expected, "{value} in {wanted}");
    }
}

#[test]
fn id_errors() {
    snap!(
        "unknown_ids",
        errors(
            "events:\n  - id: ev-vistt\n    hide: true\n  - id: ev-12345678\n    retitle: x\n  - id: EV-VISIT\n    note: x\n"
        )
    );
    snap!(
        "removed_ids",
        errors(
            "events:\n  - id: ev-aid\n    hide: true\n  - id: ev-aid\n    note: x\n  - merge: [ev-talks, ev-meet]\n  - split: ev-meet\n"
        )
    );
}

#[test]
fn match_errors() {
    snap!(
        "match_none",
        errors(
            "events:\n  - match: { date: 2019-04, word: summit }\n    hide: true\n  - match: { date: 2020, word: uprising }\n    hide: true\n  - match: { word: summit }\n    hide: true\n  - match: { date: 2019-04, word: uprisng }\n    hide: true\n"
        )
    );
    snap!(
        "match_several",
        errors(
            "events:\n  - match: { date: 2019-04 }\n    hide: true\n  - match: { word: maduro }\n    hide: true\n"
        )
    );
}

#[test]
fn merge_split_add_errors() {
    snap!(
        "merge_errors",
        errors(
            "events:\n  - merge: [ev-visit, ev-nope, ev-nada]\n  - merge: [ev-aid, ev-uprising]\n"
        )
    );
    snap!(
        "split_errors",
        errors("events:\n  - split: ev-aid\n  - split: ev-meet\n  - split: ev-meet\n")
    );
    snap!(
        "add_twice",
        errors(
            "events:\n  - add: { date: 2019-02, title: x }\n  - add: { date: 2019-02, title: x }\n"
        )
    );
}

#[test]
fn all_or_nothing() {
    // Good items around a bad one: nothing is applied, only the bad one is
    // reported.
    let yaml = "events:
  - id: ev-visit
    retitle: Changed
  - id: ev-missing
    hide: true
  - add: { date: 2019-02, title: Added }
  - id: ev-meet
    hide: true
";
    let diags = run(yaml).expect_err("one item is bad");
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].line_col(), Some((4, 9)));
    // The input timeline is untouched (apply borrows it), and the same
    // config without the bad item applies everything.
    let fixed = yaml.replace("  - id: ev-missing\n    hide: true\n", "");
    let t = ok(&fixed);
    assert_eq!(get(&t, "ev-visit").title, "Changed");
    assert!(t.events.iter().all(|e| e.id != "ev-meet"));
}

#[test]
fn several_bad_items_are_all_reported() {
    let diags = run("events:
  - id: ev-x
    hide: true
  - match: { word: nothing }
    hide: true
  - merge: [ev-aid, ev-y]
")
    .expect_err("three bad items");
    let lines: Vec<usize> = diags
        .iter()
        .filter_map(|d| d.line_col())
        .map(|(l, _)| l)
        .collect();
    assert_eq!(lines, [2, 4, 6]);
}

fn config(yaml: &str) -> Config {
    Config::parse("annals.yaml", yaml).expect("the fixture config parses")
}

#[test]
fn alternative_dates_follow_the_edits() {
    let mut base = timeline();
    // Article `c` dated the Kremlin meeting a day earlier.
    let day = |v: &str| When::new(v.parse().expect("a value"), None);
    base.events
        .iter_mut()
        .find(|e| e.id == "ev-meet")
        .expect("ev-meet")
        .alternatives
        .push(Alternative {
            when: day("2019-09-24"),
            docs: vec!["c".to_owned()],
        });

    // Split gives each article its own date back.
    let t = apply(&base, &config("events:\n  - split: ev-meet\n")).expect("applies");
    let mut dates: Vec<(String, String)> = t
        .events
        .iter()
        .filter(|e| e.title.starts_with("Putin meets"))
        .map(|e| (e.citations[0].doc.clone(), e.when.value.to_string()))
        .collect();
    dates.sort();
    assert_eq!(
        dates,
        [
            ("a".to_owned(), "2019-09-25".to_owned()),
            ("b".to_owned(), "2019-09-25".to_owned()),
            ("c".to_owned(), "2019-09-24".to_owned()),
        ]
    );
    assert!(t.events.iter().all(|e| e.alternatives.is_empty()));

    // Choosing the alternative removes it.
    let t = apply(
        &base,
        &config("events:\n  - id: ev-meet\n    redate: 2019-09-24\n"),
    )
    .expect("applies");
    assert!(get(&t, "ev-meet").alternatives.is_empty());

    // A merge keeps the alternatives of what it merges.
    let t = apply(&base, &config("events:\n  - merge: [ev-talks, ev-meet]\n")).expect("applies");
    assert_eq!(
        get(&t, "ev-talks").alternatives,
        [Alternative {
            when: day("2019-09-24"),
            docs: vec!["c".to_owned()],
        }]
    );

    // Dates a merge's `redate` overrules become alternatives, with the
    // articles that give them.
    let t = ok("events:\n  - merge: [ev-aid, ev-uprising]\n    redate: 2019-04-20\n");
    assert_eq!(
        get(&t, "ev-aid").alternatives,
        [
            Alternative {
                when: day("2019-04-16"),
                docs: vec!["b".to_owned()],
            },
            Alternative {
                when: day("2019-04-30"),
                docs: vec!["a".to_owned()],
            },
        ]
    );
}

#[test]
fn salience_counts_the_merged_articles() {
    use crate::attention::{CONFIRMED, OWN, SAME};
    // Every fixture article is of 25 September: the meeting's own day.
    let meet = get(&timeline(), "ev-meet").salience;
    assert_eq!(meet, CONFIRMED + 3 * SAME * OWN + 305);
    let t = ok("events:\n  - merge: [ev-talks, ev-meet]\n");
    // Merged into September: a month counts its articles, a, b, c and e.
    let merged = get(&t, "ev-talks").salience;
    assert_eq!(merged, CONFIRMED + 4 * SAME * OWN + 405);
    let t = ok("events:\n  - split: ev-meet\n");
    let parts: Vec<u64> = t
        .events
        .iter()
        .filter(|e| e.title.starts_with("Putin meets"))
        .map(|e| e.salience)
        .collect();
    // Each part keeps one article; the day's attention is still all three.
    assert_eq!(parts, [3 * SAME * OWN + 105; 3]);
}

#[test]
fn random_override_lists_never_panic_and_keep_ids_unique() {
    // xorshift64*: deterministic, so failures reproduce.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        usize::try_from(state.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64).unwrap_or(0)
    };
    let ids = [
        "ev-visit",
        "ev-guaido",
        "ev-aid",
        "ev-uprising",
        "ev-talks",
        "ev-meet",
        "ev-nope",
    ];
    let dates = [
        "2019",
        "2019-04",
        "2019-09-25",
        "2018-12",
        "2019-W39",
        "PAST_REF",
    ];
    let words = ["maduro", "putin", "uprising", "guaido", "moscow", "x"];
    let mut ok_count = 0;
    for _ in 0..1500 {
        let mut yaml = String::from("events:\n");
        for _ in 0..1 + next(5) {
            let id = ids[next(ids.len())];
            let item = match next(8) {
                0 => format!("  - id: {id}\n    retitle: T{}\n", next(3)),
                1 => format!("  - id: {id}\n    hide: true\n"),
                2 => format!(
                    "  - id: {id}\n    redate: {}\n    mod: APPROX\n",
                    dates[next(dates.len())]
                ),
                3 => format!(
                    "  - match: {{ date: {}, word: {} }}\n    note: n\n",
                    dates[next(dates.len())],
                    words[next(words.len())]
                ),
                4 => {
                    let other = ids[next(ids.len())];
                    if other == id {
                        format!("  - split: {id}\n")
                    } else {
                        format!("  - merge: [{id}, {other}]\n")
                    }
                }
                5 => format!("  - split: {id}\n"),
                6 => format!(
                    "  - add: {{ date: {}, title: A{} }}\n",
                    dates[next(dates.len())],
                    next(3)
                ),
                _ => format!(
                    "  - merge: [{id}, {}, {}]\n    redate: 2019\n",
                    ids[(next(6) + 1) % 7],
                    ids[next(7)]
                ),
            };
            yaml.push_str(&item);
        }
        let Ok(config) = Config::parse("annals.yaml", &yaml) else {
            // A merge that lists an id twice: the config rejects it.
            continue;
        };
        match apply(&timeline(), &config) {
            Ok(t) => {
                ok_count += 1;
                let mut seen: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
                seen.sort_unstable();
                let before = seen.len();
                seen.dedup();
                assert_eq!(before, seen.len(), "ids stay unique:\n{yaml}");
                let mut sorted = t.events.clone();
                crate::build::sort_events(&mut sorted);
                assert_eq!(sorted, t.events, "events stay sorted:\n{yaml}");
            }
            Err(diags) => {
                assert!(!diags.is_empty());
                for d in &diags {
                    assert!(d.location.is_some() && d.help.is_some(), "{d}");
                }
            }
        }
    }
    assert!(ok_count > 100, "some lists apply: {ok_count}");
}

#[test]
fn a_timeline_with_a_repeated_id_does_not_break_merge() {
    let mut base = timeline();
    let last = base.events.len() - 1;
    base.events[last].id = "ev-visit".to_owned();
    let t = apply(
        &base,
        &config("events:\n  - merge: [ev-aid, ev-visit]\n    redate: 2019\n"),
    )
    .expect("applies");
    assert_eq!(t.events.len(), base.events.len() - 1);
}
