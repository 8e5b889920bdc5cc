//! A floor on a small hand-written TimeML fixture (not corpus text): the
//! trigger recogniser must keep finding most of its events with the right
//! class. The corpus figures live in the `triggers` module docs.

#[path = "../examples/support/timeml.rs"]
mod timeml;

use annals_parse::triggers::triggers;

#[test]
fn fixture_floor() {
    let src = include_str!("fixtures/triggers.tml");
    let doc = timeml::parse("triggers.tml", src).expect("the fixture is well formed");
    assert_eq!(doc.events.len(), 29);
    let found = triggers(&doc.text);
    let system = timeml::system(&found);
    let gold = doc.gold();
    let mut counts = timeml::Counts::default();
    counts.add(&gold, &system);
    let (p, r, f) = counts.relaxed();
    let (accuracy, _) = counts.class();
    eprintln!("{counts}");
    assert!(f >= 0.85, "relaxed F1 {f:.3} (P {p:.3}, R {r:.3})");
    assert!(accuracy >= 0.70, "class accuracy {accuracy:.3}");
}
