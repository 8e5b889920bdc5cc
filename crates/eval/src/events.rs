//! Scoring events against TimeML: the trigger recogniser
//! ([`annals_parse::triggers`]) on the EVENT annotations, TempEval-3 Task B
//! style, and the anchoring of events to timexes
//! ([`annals_parse::events::anchors`]) on the event–timex TLINKs.
//!
//! Triggers: gold and system events are paired one to one in text order
//! when their spans overlap (relaxed) and counted as strict when the spans
//! are equal. Class accuracy is over the relaxed pairs; class F1 is class
//! accuracy × relaxed F1, as TempEval-3 defines attribute F1.
//!
//! Anchoring: given the gold events and the gold timexes (so that only the
//! linking is measured), every gold event that a TLINK relates to a timex
//! of the text counts as anchored right when `anchors` picks one of the
//! timexes it is linked to. Events linked only to the document creation
//! time count as right when `anchors` picks no timex.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::ops::Range;

use annals_parse::events::anchors;
use annals_parse::triggers::triggers;
use annals_parse::{Timex, TimexType, Value};

use crate::timeml::Document;

/// Counts of the trigger evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TriggerCounts {
    /// Gold events.
    pub gold: usize,
    /// System events.
    pub system: usize,
    /// Pairs with overlapping spans.
    pub relaxed: usize,
    /// Pairs with equal spans.
    pub strict: usize,
    /// Relaxed pairs with the same class.
    pub class_ok: usize,
}

/// Counts of the anchoring evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnchorCounts {
    /// Gold events linked to at least one timex of the text.
    pub linked: usize,
    /// Of those, anchored to one of their linked timexes.
    pub right: usize,
    /// Gold events linked only to the document creation time.
    pub dct_only: usize,
    /// Of those, anchored to no timex.
    pub dct_right: usize,
}

/// The outcome of an event evaluation.
#[derive(Clone, Debug, Default)]
pub struct EventReport {
    /// Number of documents.
    pub documents: usize,
    /// Trigger counts, summed.
    pub triggers: TriggerCounts,
    /// Anchoring counts, summed.
    pub anchors: AnchorCounts,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl EventReport {
    /// The report as text: span P/R/F1, class accuracy and F1, anchoring.
    pub fn render(&self) -> String {
        let t = &self.triggers;
        let a = &self.anchors;
        let pct = |x: f64| format!("{:6.2}", 100.0 * x);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "documents: {}   gold events: {}   system events: {}",
            self.documents, t.gold, t.system
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "              F1      P      R");
        let mut relaxed_f1 = 0.0;
        for (label, m) in [("strict   ", t.strict), ("relaxed  ", t.relaxed)] {
            let (p, r) = (ratio(m, t.system), ratio(m, t.gold));
            relaxed_f1 = f1(p, r);
            let _ = writeln!(out, "{label}  {} {} {}", pct(f1(p, r)), pct(p), pct(r));
        }
        let accuracy = ratio(t.class_ok, t.relaxed);
        let _ = writeln!(
            out,
            "class      {}                 (accuracy on pairs {})",
            pct(accuracy * relaxed_f1),
            pct(accuracy)
        );
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "anchoring (gold events and timexes): {} of {} events linked to a timex of the text \
             get one of their timexes ({}%); {} of {} linked only to the creation time get none ({}%)",
            a.right,
            a.linked,
            pct(ratio(a.right, a.linked)).trim(),
            a.dct_right,
            a.dct_only,
            pct(ratio(a.dct_right, a.dct_only)).trim()
        );
        out
    }
}

/// Byte offset of every code point of `text`, plus the end.
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Scores triggers and anchoring on already-read documents.
pub fn evaluate_events(docs: &[Document]) -> EventReport {
    let mut report = EventReport {
        documents: docs.len(),
        ..EventReport::default()
    };
    for doc in docs {
        let bytes = byte_offsets(&doc.text);
        let to_cp = |b: usize| bytes.partition_point(|&x| x < b);
        score_triggers(doc, &to_cp, &mut report.triggers);
        score_anchors(doc, &bytes, &mut report.anchors);
    }
    report
}

fn score_triggers(doc: &Document, to_cp: &dyn Fn(usize) -> usize, c: &mut TriggerCounts) {
    let system: Vec<(usize, usize, &str)> = triggers(&doc.text)
        .into_iter()
        .map(|t| (to_cp(t.span.start), to_cp(t.span.end), t.class.as_str()))
        .collect();
    let gold = &doc.event_details;
    c.gold += gold.len();
    c.system += system.len();
    // One-to-one, in text order: each gold event takes the first unpaired
    // system event that overlaps it.
    let mut next = 0;
    for g in gold {
        while next < system.len() && system[next].1 <= g.start {
            next += 1;
        }
        if let Some(&(s, e, class)) = system.get(next)
            && s < g.end
            && e > g.start
        {
            c.relaxed += 1;
            c.strict += usize::from(s == g.start && e == g.end);
            c.class_ok += usize::from(class == g.class);
            next += 1;
        }
    }
}

fn score_anchors(doc: &Document, bytes: &[usize], c: &mut AnchorCounts) {
    let span = |s: usize, e: usize| -> Range<usize> { bytes[s]..bytes[e] };
    // Gold timexes of the text as tagger timexes.
    let placeholder: Value = "PRESENT_REF".parse().unwrap_or_else(|_| Value::year(2000));
    let timexes: Vec<Timex> = doc
        .timex_ids
        .iter()
        .map(|(_, s, e)| {
            let gold = doc.timexes.iter().find(|t| t.start == *s && t.end == *e);
            let kind = gold.map_or(TimexType::Date, |t| match t.kind.as_str() {
                "TIME" => TimexType::Time,
                "DURATION" => TimexType::Duration,
                "SET" => TimexType::Set,
                _ => TimexType::Date,
            });
            // Gold values that are not TimeML (a few corpus typos) count as vague.
            let value = gold
                .and_then(|t| t.value.parse().ok())
                .unwrap_or_else(|| placeholder.clone());
            Timex::new(span(*s, *e), kind, value)
        })
        .collect();
    let events: Vec<Range<usize>> = doc
        .event_details
        .iter()
        .map(|e| span(e.start, e.end))
        .collect();
    let picked = anchors(&doc.text, &timexes, &events);
    // eid → the tids it is linked to.
    let eid_of: BTreeMap<&str, &str> = doc
        .instances
        .iter()
        .map(|(eiid, eid)| (eiid.as_str(), eid.as_str()))
        .collect();
    let mut links: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for l in &doc.time_links {
        if let Some(eid) = eid_of.get(l.event_instance.as_str()) {
            links.entry(eid).or_default().insert(l.time.as_str());
        }
    }
    let text_tids: BTreeSet<&str> = doc.timex_ids.iter().map(|(t, _, _)| t.as_str()).collect();
    for (event, pick) in doc.event_details.iter().zip(&picked) {
        let Some(tids) = links.get(event.eid.as_str()) else {
            continue;
        };
        let in_text: BTreeSet<&str> = tids
            .iter()
            .copied()
            .filter(|t| text_tids.contains(t))
            .collect();
        let ours = pick.map(|i| doc.timex_ids[i].0.as_str());
        if !in_text.is_empty() {
            c.linked += 1;
            c.right += usize::from(ours.is_some_and(|t| in_text.contains(t)));
        } else if tids.contains(doc.dct_tid.as_str()) {
            c.dct_only += 1;
            c.dct_right += usize::from(ours.is_none());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeml::read;

    const DOC: &str = r#"<?xml version="1.0"?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-09-25" functionInDocument="CREATION_TIME">2019-09-25</TIMEX3></DCT>
<TEXT>Maduro <EVENT eid="e1" class="OCCURRENCE">visited</EVENT> Moscow in <TIMEX3 tid="t1" type="DATE" value="2018-12">December 2018</TIMEX3>, officials <EVENT eid="e2" class="REPORTING">said</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t0"/>
</TimeML>
"#;

    #[test]
    fn reads_events_links_and_scores_them() {
        let doc = read("a.tml", DOC).expect("valid TimeML");
        assert_eq!(doc.event_details.len(), 2);
        assert_eq!(doc.time_links.len(), 2);
        assert_eq!(doc.dct_tid, "t0");
        let r = evaluate_events(&[doc]);
        assert_eq!(r.triggers.gold, 2);
        assert!(r.triggers.relaxed >= 1, "{:?}", r.triggers);
        assert_eq!(
            r.anchors,
            AnchorCounts {
                linked: 1,
                right: 1,
                dct_only: 1,
                dct_right: 1
            }
        );
        let text = r.render();
        assert!(text.contains("1 of 1 events linked to a timex"), "{text}");
    }
}
