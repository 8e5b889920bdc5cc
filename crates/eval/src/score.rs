//! The TempEval-3 TIMEX3 scorer: alignment, counts and metrics.
//!
//! A port of `te3score.py` (the reference re-implementation of the TE3
//! toolkit's entity evaluation), including its two token-level quirks: a
//! multi-token timex whose end falls inside a token loses its last token,
//! and an open timex stays open across EVENTs that directly follow it.

use crate::timeml::Span;

/// Counts summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Pairs (relaxed matches).
    pub relaxed: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    /// Pairs with equal type.
    pub type_ok: usize,
    /// Pairs with equal value.
    pub value_ok: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.relaxed += o.relaxed;
        self.strict += o.strict;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }
}

/// Precision, recall and F1 (fractions, not percentages).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// For type and value: the accuracy on pairs.
    pub accuracy: f64,
}

/// The four TempEval-3 figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Strict span match.
    pub strict: Prf,
    /// Relaxed (overlap) span match.
    pub relaxed: Prf,
    /// Type attribute.
    pub kind: Prf,
    /// Value attribute.
    pub value: Prf,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Computes the metrics from counts, with the TE3 toolkit's conventions.
pub fn metrics(c: &Counts) -> Metrics {
    if c.gold == 0 && c.system == 0 {
        let one = Prf {
            p: 1.0,
            r: 1.0,
            f1: 1.0,
            accuracy: 1.0,
        };
        return Metrics {
            strict: one,
            relaxed: one,
            kind: one,
            value: one,
        };
    }
    let prf = |m: usize| {
        let p = if c.system > 0 {
            m as f64 / c.system as f64
        } else {
            0.0
        };
        let r = if c.gold > 0 {
            m as f64 / c.gold as f64
        } else {
            0.0
        };
        Prf {
            p,
            r,
            f1: f1(p, r),
            accuracy: 1.0,
        }
    };
    let strict = prf(c.strict);
    let relaxed = prf(c.relaxed);
    let attr = |m: usize| {
        let acc = if c.relaxed > 0 {
            m as f64 / c.relaxed as f64
        } else {
            0.0
        };
        Prf {
            p: acc * relaxed.p,
            r: acc * relaxed.r,
            f1: acc * relaxed.f1,
            accuracy: acc,
        }
    };
    Metrics {
        strict,
        relaxed,
        kind: attr(c.type_ok),
        value: attr(c.value_ok),
    }
}

/// Words the toolkit's tokenizer keeps together with a following period.
const ABBREV_WITH_PERIOD: [&str; 8] = ["days", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"];
const TRAIL: &str = ")]}'\"`,;:!?%\u{bb}\u{ab}";
const LEAD: &str = "([{\"`\u{bb}\u{ab}";
const CLITICS: [&str; 8] = ["'s", "'re", "'ve", "'d", "'m", "'em", "'ll", "n't"];

fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn starts_with(text: &[char], p: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| text.get(p + k) == Some(&c))
}

/// The whitespace-delimited chunk around offset p.
fn chunk(text: &[char], p: usize) -> (usize, usize) {
    let (mut k, mut m) = (p, p);
    while k > 0 && !is_space(text[k - 1]) {
        k -= 1;
    }
    while m < text.len() && !is_space(text[m]) {
        m += 1;
    }
    (k, m)
}

fn strip(s: &[char], set: &str) -> String {
    let v: Vec<char> = s.to_vec();
    let mut a = 0;
    let mut b = v.len();
    while a < b && set.contains(v[a]) {
        a += 1;
    }
    while b > a && set.contains(v[b - 1]) {
        b -= 1;
    }
    v[a..b].iter().collect()
}

/// Is offset p a token boundary for the TE3 toolkit's tokenizer?
fn token_break(text: &[char], p: usize) -> bool {
    if p == 0 || p >= text.len() {
        return true;
    }
    let (a, b) = (text[p - 1], text[p]);
    if is_space(a) || is_space(b) {
        return true;
    }
    let (k, m) = chunk(text, p);
    if starts_with(text, p, "...") && a != '.' {
        return true;
    }
    if a == '.' && (starts_with(text, p - 1, "..") || (p >= 2 && starts_with(text, p - 2, ".."))) {
        return !starts_with(text, p, ".");
    }
    if b == '.' && text[p + 1..m].iter().all(|c| TRAIL.contains(*c)) {
        let word = strip_lead(&text[k..p]);
        let dotted = {
            let mut w: Vec<char> = word.chars().collect();
            w.push('.');
            w.iter().enumerate().all(|(i, c)| {
                if i % 2 == 0 {
                    c.is_alphabetic()
                } else {
                    *c == '.'
                }
            })
        };
        if ABBREV_WITH_PERIOD.contains(&word.as_str()) || (!word.is_empty() && dotted) {
            return false;
        }
        return true;
    }
    if a == '-' || b == '-' {
        let core: Vec<char> = strip(&text[k..m], ".,;:!?\"'()[]{}").chars().collect();
        return core.iter().filter(|c| **c == '-').count() == 1
            && core.first() != Some(&'-')
            && core.last() != Some(&'-');
    }
    if a == ',' && !(b.is_numeric() || b == '.') {
        return true;
    }
    if b == ',' && !(p + 1 < m && (text[p + 1].is_numeric() || text[p + 1] == '.')) {
        return true;
    }
    if CLITICS.iter().any(|c| starts_with(text, p, c)) {
        return true;
    }
    if TRAIL.contains(b) && text[p..m].iter().all(|c| TRAIL.contains(*c) || *c == '.') {
        return true;
    }
    if LEAD.contains(a) && text[k..p].iter().all(|c| LEAD.contains(*c)) {
        return true;
    }
    if ";!?/".contains(a) {
        return true;
    }
    false
}

fn strip_lead(s: &[char]) -> String {
    let mut a = 0;
    while a < s.len() && LEAD.contains(s[a]) {
        a += 1;
    }
    s[a..].iter().collect()
}

/// The end of the region in which each timex counts as open for pairing.
fn reach(text: &[char], timexes: &[Span], events: &[(usize, usize)], quirk: bool) -> Vec<usize> {
    let mut starts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &(es, ee) in events {
        starts.entry(es).or_insert(ee);
    }
    timexes
        .iter()
        .map(|t| {
            let mut r = t.end;
            if quirk && !token_break(text, t.end) {
                let last = (t.start + 1..t.end)
                    .filter(|&i| token_break(text, i))
                    .max()
                    .unwrap_or(t.start);
                if last > t.start {
                    return last;
                }
            }
            if quirk {
                loop {
                    let mut k = r;
                    while k < text.len() && is_space(text[k]) {
                        k += 1;
                    }
                    match starts.get(&k) {
                        Some(&e) if e > r => r = e,
                        _ => break,
                    }
                }
            }
            r
        })
        .collect()
}

/// Pairs gold and system timexes one-to-one; returns (gold index, system index).
fn align(
    gold: &[Span],
    greach: &[usize],
    system: &[Span],
    sreach: &[usize],
) -> Vec<(usize, usize)> {
    let mut evs: Vec<(usize, usize, usize)> = gold
        .iter()
        .enumerate()
        .map(|(i, t)| (t.start, 0, i))
        .chain(system.iter().enumerate().map(|(j, t)| (t.start, 1, j)))
        .collect();
    evs.sort_unstable();
    let sys_starts: std::collections::HashSet<usize> = system.iter().map(|t| t.start).collect();
    let spans = [gold, system];
    let reaches = [greach, sreach];
    let mut last: [Option<usize>; 2] = [None, None];
    let mut partner: [std::collections::HashMap<usize, usize>; 2] = Default::default();
    let mut pairs = Vec::new();
    for (pos, side, idx) in evs {
        let other = 1 - side;
        let mut cand = last[other];
        if side == 0 && sys_starts.contains(&pos) {
            cand = None;
        }
        if let Some(c) = cand
            && !partner[other].contains_key(&c)
        {
            let ct = &spans[other][c];
            if ct.start <= pos && pos < reaches[other][c] {
                partner[side].insert(idx, c);
                partner[other].insert(c, idx);
                pairs.push(if side == 0 { (idx, c) } else { (c, idx) });
            }
        }
        last[side] = Some(idx);
    }
    pairs.sort_unstable();
    pairs
}

/// One scoring error, for `--errors`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScoreError {
    /// Document name.
    pub doc: String,
    /// Start offset (gold's when paired or missed).
    pub offset: usize,
    /// SPAN, TYPE, VALUE (joined by +), MISSED or SPURIOUS.
    pub kind: String,
    /// The gold timex, formatted, or empty.
    pub gold: String,
    /// The system timex, formatted, or empty.
    pub system: String,
}

fn fmt_span(text: &[char], t: &Span) -> String {
    let s: String = text[t.start..t.end].iter().collect();
    format!(
        "[{},{}) {} {} {}",
        t.start,
        t.end,
        py_repr(&s),
        t.kind,
        t.value
    )
}

/// Python's `repr` of a str, enough for error listings.
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// Scores one document: gold timexes and events against system timexes
/// and events (system events are empty for JSON-lines output).
/// Spans are code-point offsets into `text`, sorted by (start, end).
pub fn score_doc(
    name: &str,
    text: &str,
    gold: &[Span],
    gold_events: &[(usize, usize)],
    system: &[Span],
    system_events: &[(usize, usize)],
    errors: Option<&mut Vec<ScoreError>>,
) -> Counts {
    let chars: Vec<char> = text.chars().collect();
    let gr = reach(&chars, gold, gold_events, true);
    let sr = reach(&chars, system, system_events, true);
    let pairs = align(gold, &gr, system, &sr);
    let mut c = Counts {
        gold: gold.len(),
        system: system.len(),
        ..Counts::default()
    };
    let mut errs = Vec::new();
    for &(gi, si) in &pairs {
        let (g, s) = (&gold[gi], &system[si]);
        c.relaxed += 1;
        let exact = (g.start, g.end) == (s.start, s.end);
        c.strict += usize::from(exact);
        c.type_ok += usize::from(g.kind == s.kind);
        c.value_ok += usize::from(g.value == s.value);
        let mut probs = Vec::new();
        if !exact {
            probs.push("SPAN");
        }
        if g.kind != s.kind {
            probs.push("TYPE");
        }
        if g.value != s.value {
            probs.push("VALUE");
        }
        if !probs.is_empty() {
            errs.push(ScoreError {
                doc: name.to_owned(),
                offset: g.start,
                kind: probs.join("+"),
                gold: fmt_span(&chars, g),
                system: fmt_span(&chars, s),
            });
        }
    }
    if let Some(out) = errors {
        let mg: std::collections::HashSet<usize> = pairs.iter().map(|p| p.0).collect();
        let ms: std::collections::HashSet<usize> = pairs.iter().map(|p| p.1).collect();
        for (i, g) in gold.iter().enumerate() {
            if !mg.contains(&i) {
                errs.push(ScoreError {
                    doc: name.to_owned(),
                    offset: g.start,
                    kind: "MISSED".into(),
                    gold: fmt_span(&chars, g),
                    system: String::new(),
                });
            }
        }
        for (j, s) in system.iter().enumerate() {
            if !ms.contains(&j) {
                errs.push(ScoreError {
                    doc: name.to_owned(),
                    offset: s.start,
                    kind: "SPURIOUS".into(),
                    gold: String::new(),
                    system: fmt_span(&chars, s),
                });
            }
        }
        out.extend(errs);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: usize, end: usize, v: &str) -> Span {
        Span {
            start,
            end,
            kind: "DATE".into(),
            value: v.into(),
        }
    }

    #[test]
    fn overlap_pairs_and_counts() {
        let text = "He left last week and came back two days ago.";
        let gold = [sp(8, 17, "2019-W38"), sp(32, 44, "2019-09-23")];
        let system = [sp(13, 17, "P1W"), sp(32, 44, "2019-09-23")];
        let c = score_doc("d", text, &gold, &[], &system, &[], None);
        assert_eq!(
            c,
            Counts {
                gold: 2,
                system: 2,
                relaxed: 2,
                strict: 1,
                type_ok: 2,
                value_ok: 1
            }
        );
        let m = metrics(&c);
        assert!((m.value.f1 - 0.5).abs() < 1e-9);
    }

    #[test]
    fn token_breaks_follow_the_toolkit() {
        let t: Vec<char> = "recent days. Jan. third-quarter".chars().collect();
        assert!(!token_break(&t, 11)); // "days." kept together
        assert!(!token_break(&t, 16)); // "Jan."
        assert!(token_break(&t, 24)); // "third-|quarter"
    }
}
