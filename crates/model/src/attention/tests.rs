use chrono::NaiveDate;

use super::{CONFIRMED, EARLIER, LATER, OWN, SAME};
use crate::{Citation, Event, SourceInfo, Timeline, When};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a valid day")
}

fn source(doc: &str, published: &str) -> SourceInfo {
    SourceInfo {
        doc: doc.into(),
        title: None,
        source: None,
        url: None,
        published: day(published),
    }
}

fn event(value: &str, docs: &[&str], own: u64) -> Event {
    Event {
        id: format!("ev-{value}-{}", docs.join("-")),
        when: When::new(value.parse().expect("a valid value"), None),
        title: "Something happens".into(),
        summary: None,
        citations: docs
            .iter()
            .map(|d| Citation {
                doc: (*d).into(),
                source: None,
                url: None,
                quote: "Something happened.".into(),
                span: 0..19,
            })
            .collect(),
        note: None,
        alternatives: Vec::new(),
        added: false,
        salience: own,
    }
}

fn timeline(events: Vec<Event>) -> Timeline {
    Timeline {
        title: "T".into(),
        events,
        sources: vec![
            source("before.txt", "2020-03-01"),
            source("same.txt", "2020-03-10"),
            source("after.txt", "2020-03-20"),
            source("after2.txt", "2020-04-02"),
        ],
        also_cited: Vec::new(),
    }
}

fn attention(t: &Timeline) -> Vec<u64> {
    t.events
        .iter()
        .map(|e| e.salience % CONFIRMED / OWN)
        .collect()
}

#[test]
fn later_articles_weigh_most_then_earlier_then_the_days_own() {
    let mut t = timeline(vec![
        event("2020-03-10", &["before.txt"], 101),
        event("2020-03-11", &["same.txt"], 101),
        event("2020-03-12", &["after.txt"], 101),
    ]);
    t.weigh_attention();
    assert_eq!(attention(&t), [EARLIER, EARLIER, LATER]);
    let mut t = timeline(vec![event("2020-03-10", &["same.txt"], 101)]);
    t.weigh_attention();
    assert_eq!(t.events[0].salience, SAME * OWN + 101);
}

#[test]
fn a_day_shares_its_attention_and_own_scores_rank_within_it() {
    let mut t = timeline(vec![
        event("2020-03-10", &["after.txt", "after2.txt"], 201),
        event("2020-03-10", &["same.txt", "after.txt"], 205),
        event("2020-03-05", &["after.txt", "after2.txt", "same.txt"], 301),
    ]);
    t.weigh_attention();
    // The 10th: after, after2 (later) and same (its own day), each once;
    // two sources each: both confirmed.
    let day = CONFIRMED + (2 * LATER + SAME) * OWN;
    assert_eq!(t.events[0].salience, day + 201);
    assert_eq!(t.events[1].salience, day + 205);
    // The 5th: three later articles outweigh the 10th's two and one.
    assert_eq!(t.events[2].salience, CONFIRMED + 3 * LATER * OWN + 301);
}

#[test]
fn a_coarse_date_counts_only_its_own_citations() {
    let mut t = timeline(vec![
        event("2020-03", &["after2.txt"], 101),
        event("2020-03", &["before.txt", "same.txt"], 201),
    ]);
    t.weigh_attention();
    // Background, not a day retold: one per article, whenever published.
    assert_eq!(attention(&t), [SAME, SAME + SAME]);
}

#[test]
fn weighing_twice_changes_nothing_and_unknown_documents_weigh_nothing() {
    let mut t = timeline(vec![
        event("2020-03-10", &["after.txt", "annals.yaml"], 101),
        event("2019", &["annals.yaml"], 0),
    ]);
    t.weigh_attention();
    let once: Vec<u64> = t.events.iter().map(|e| e.salience).collect();
    t.weigh_attention();
    let twice: Vec<u64> = t.events.iter().map(|e| e.salience).collect();
    assert_eq!(once, twice);
    assert_eq!(once, [LATER * OWN + 101, 0]);
}

#[test]
fn copies_of_one_story_confirm_once() {
    let quoted = |value: &str, quote: &str, docs: &[&str]| {
        let mut e = event(value, docs, 100);
        for c in &mut e.citations {
            c.quote = quote.into();
        }
        e
    };
    // after.txt and after2.txt carry one wire story: three sentences alike.
    let mut t = timeline(vec![
        quoted(
            "2020-03-10",
            "The vote was held.",
            &["after.txt", "after2.txt"],
        ),
        quoted(
            "2020-03-10",
            "It passed 9 to 2.",
            &["after.txt", "after2.txt"],
        ),
        quoted("2020-03-11", "Talks resume.", &["after.txt", "after2.txt"]),
        quoted("2020-03-10", "The mayor spoke.", &["same.txt"]),
    ]);
    t.weigh_attention();
    // The 10th: the wire story once (later) and same.txt (its own day).
    assert_eq!(attention(&t)[0], LATER + SAME);
    // Two citations, one independent source.
    assert_eq!(t.events[0].salience % OWN, 100);
}

#[test]
fn a_confirmed_event_outranks_a_lone_one_on_a_busier_day() {
    let mut t = timeline(vec![
        event("2020-03-05", &["after.txt", "after2.txt"], 200),
        event("2020-03-09", &["after.txt"], 100),
        event("2020-03-09", &["before.txt"], 100),
        event("2020-03-09", &["same.txt"], 100),
    ]);
    t.weigh_attention();
    // The 9th: after.txt and same.txt (of the 10th) later, before.txt
    // earlier: more attention than the 5th, but told by one article each.
    let ninth = 2 * LATER + EARLIER;
    assert_eq!(attention(&t), [2 * LATER, ninth, ninth, ninth]);
    assert!(
        t.events[1..]
            .iter()
            .all(|e| e.salience < t.events[0].salience)
    );
}

#[test]
fn background_is_confirmed_by_a_share_of_a_big_collection() {
    let year = |docs: &[&str]| event("2006", docs, 200);
    // Four articles: two recalling the year confirm it.
    let mut t = timeline(vec![year(&["before.txt", "after.txt"])]);
    t.weigh_attention();
    assert!(t.events[0].salience >= CONFIRMED);
    // 250 articles: one in a hundred is three; two is chance.
    let mut t = timeline(vec![
        year(&["before.txt", "after.txt"]),
        year(&["before.txt", "after.txt", "same.txt"]),
        event("2020-03-10", &["before.txt", "after.txt"], 200),
    ]);
    t.sources
        .extend((4..250).map(|i| source(&format!("more{i}.txt"), "2020-03-15")));
    t.weigh_attention();
    let confirmed: Vec<bool> = t.events.iter().map(|e| e.salience >= CONFIRMED).collect();
    // A day keeps two sources as confirmation.
    assert_eq!(confirmed, [false, true, true]);
}

#[test]
fn days_cited_without_a_headline_add_to_their_days_attention() {
    let mut t = timeline(vec![
        event("2020-03-10", &["same.txt"], 101),
        event("2020-03-12", &["same.txt"], 101),
    ]);
    let cited = |doc: &str, d: &str| crate::DayCited {
        doc: doc.into(),
        day: day(d),
    };
    t.also_cited = vec![
        // A later article on the 10th, and same.txt again: counted once.
        cited("after.txt", "2020-03-10"),
        cited("same.txt", "2020-03-10"),
        // No event on the 11th: nothing to weigh.
        cited("after2.txt", "2020-03-11"),
    ];
    t.weigh_attention();
    assert_eq!(attention(&t), [LATER + SAME, EARLIER]);
    // Still one source each: nothing is confirmed by them.
    assert!(t.events.iter().all(|e| e.salience < CONFIRMED));
}
