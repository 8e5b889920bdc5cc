//! Trains the event trigger model of `annals_parse::triggers` and writes
//! its weight table.
//!
//! ```text
//! cargo run -p annals-parse --example train_triggers -- TRAIN_DIR [TEST_DIR...] \
//!     [--epochs N] [--out crates/parse/src/triggers_model.bin]
//! ```
//!
//! Run it from the workspace root. TRAIN_DIR is a folder of TimeML files
//! (TimeBank); each TEST_DIR is scored with the freshly trained weights
//! (the same decoding as the library, after the same quantisation).
//! `--cv K` first picks the "no event" margin by K-fold cross-validation on
//! TRAIN_DIR and prints the cross-validated figures; `--margin M` sets it
//! by hand; `--sweep 2,4,6` prints test figures for other margins. The
//! committed table was made with
//!
//! ```text
//! cargo run -p annals-parse --example train_triggers -- \
//!     ../shared/data/timeml/timebank ../shared/data/timeml/aquaint --cv 5
//! ```
//!
//! The WordNet word classes that the features use are compiled into the
//! library from `crates/parse/src/triggers_wordnet.txt`; regenerate that
//! file with `scripts/triggers-wordnet.py` (needs Debian's wordnet-base)
//! before retraining, never after.
//!
//! The learner is a multiclass averaged perceptron (Collins 2002) over the
//! hashed features of `annals_parse::triggers::model::for_each_token`:
//! labels 0..8 are "no event" and the seven classes, trained on every word;
//! labels 8..12 are the parts of speech, trained on the gold events only.
//! Training is deterministic: the order of the tokens is shuffled with a
//! fixed seed each epoch.

#[path = "support/timeml.rs"]
mod timeml;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use annals_parse::triggers::model::{
    self, N_EVENT_LABELS, N_LABELS, N_POS_LABELS, POS_LABEL0, Scorer,
};
use annals_parse::triggers::{EventClass, Pos};

/// One training token: features, event label, part-of-speech label.
struct Example {
    features: Vec<u32>,
    label: usize,
    pos: Option<usize>,
}

/// Averaged perceptron weights: current `w`, and the running sum `u` of
/// `c × update` that turns `w` into the average at the end.
#[derive(Default)]
struct Perceptron {
    w: HashMap<u32, [f32; N_LABELS]>,
    u: HashMap<u32, [f64; N_LABELS]>,
    c: f64,
}

impl Perceptron {
    fn scores(&self, features: &[u32]) -> [f32; N_LABELS] {
        let mut s = [0f32; N_LABELS];
        for f in features {
            if let Some(w) = self.w.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    fn update(&mut self, features: &[u32], good: usize, bad: usize) {
        for &f in features {
            let w = self.w.entry(f).or_insert([0.0; N_LABELS]);
            w[good] += 1.0;
            w[bad] -= 1.0;
            let u = self.u.entry(f).or_insert([0.0; N_LABELS]);
            u[good] += self.c;
            u[bad] -= self.c;
        }
    }

    fn averaged(&self) -> HashMap<u32, [f32; N_LABELS]> {
        self.w
            .iter()
            .map(|(k, w)| {
                let u = &self.u[k];
                let mut a = [0f32; N_LABELS];
                for i in 0..N_LABELS {
                    a[i] = (f64::from(w[i]) - u[i] / self.c) as f32;
                }
                (*k, a)
            })
            .collect()
    }
}

fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for i in 1..s.len() {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

/// A quantised table, scored like the library's compiled table.
struct Quantised(HashMap<u32, [i16; N_LABELS]>);

impl Quantised {
    fn scores(&self, features: &[u32]) -> [f32; N_LABELS] {
        let mut s = [0f32; N_LABELS];
        for f in features {
            if let Some(w) = self.0.get(f) {
                for (a, &x) in s.iter_mut().zip(w) {
                    *a += f32::from(x);
                }
            }
        }
        s
    }
}

impl Scorer for Quantised {
    fn events(&self, features: &[u32]) -> [f32; N_EVENT_LABELS] {
        let s = self.scores(features);
        std::array::from_fn(|i| s[i])
    }

    fn pos(&self, features: &[u32]) -> [f32; N_POS_LABELS] {
        let s = self.scores(features);
        std::array::from_fn(|i| s[POS_LABEL0 + i])
    }
}

fn examples(docs: &[timeml::Doc]) -> Vec<Example> {
    let mut out = Vec::new();
    for doc in docs {
        let mut g = 0;
        model::for_each_token(&doc.text, |span, _, features| {
            while g < doc.events.len() && doc.events[g].span.end <= span.start {
                g += 1;
            }
            let gold = doc.events[g..]
                .iter()
                .take_while(|e| e.span.start < span.end)
                .find(|e| e.span.end > span.start);
            let (label, pos) =
                match gold.and_then(|e| EventClass::from_timeml(&e.class).map(|c| (c, e))) {
                    Some((class, e)) => {
                        let k = EventClass::ALL
                            .iter()
                            .position(|&c| c == class)
                            .unwrap_or(0);
                        let p = match e.pos.as_str() {
                            "VERB" => Some(Pos::Verb),
                            "NOUN" => Some(Pos::Noun),
                            "ADJECTIVE" => Some(Pos::Adjective),
                            "OTHER" | "PREPOSITION" => Some(Pos::Other),
                            _ => None,
                        };
                        (1 + k, p.and_then(|p| Pos::ALL.iter().position(|&q| q == p)))
                    }
                    None => (0, None),
                };
            out.push(Example {
                features: features.to_vec(),
                label,
                pos,
            });
        });
    }
    out
}

fn train(data: &[Example], epochs: usize, min_count: usize) -> Perceptron {
    let mut p = Perceptron::default();
    // Features seen fewer than `min_count` times never get a weight: they
    // would mostly memorise single training tokens.
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for ex in data {
        for &f in &ex.features {
            *counts.entry(f).or_default() += 1;
        }
    }
    let data: Vec<Example> = data
        .iter()
        .map(|ex| Example {
            features: ex
                .features
                .iter()
                .copied()
                .filter(|f| counts[f] >= min_count)
                .collect(),
            label: ex.label,
            pos: ex.pos,
        })
        .collect();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for epoch in 0..epochs {
        // Fisher–Yates with xorshift64: deterministic.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &i in &order {
            let ex = &data[i];
            p.c += 1.0;
            let s = p.scores(&ex.features);
            let guess = argmax(&s[..POS_LABEL0]);
            if guess != ex.label {
                errors += 1;
                p.update(&ex.features, ex.label, guess);
            }
            if let Some(pos) = ex.pos {
                let guess = argmax(&s[POS_LABEL0..]);
                if guess != pos {
                    p.update(&ex.features, POS_LABEL0 + pos, POS_LABEL0 + guess);
                }
            }
        }
        eprintln!("epoch {epoch}: {errors} event-label errors");
    }
    p
}

/// Scales the averaged weights to `i16` and drops features whose weights
/// all round to small values.
fn quantise(avg: &HashMap<u32, [f32; N_LABELS]>, keep: f32) -> (Quantised, f32) {
    let max = avg
        .values()
        .flat_map(|w| w.iter())
        .fold(0f32, |m, &x| m.max(x.abs()));
    let scale = 32000.0 / max.max(1e-6);
    let mut q = HashMap::new();
    for (k, w) in avg {
        let mut out = [0i16; N_LABELS];
        let mut big = false;
        for i in 0..N_LABELS {
            let v = (w[i] * scale).round().clamp(-32767.0, 32767.0);
            out[i] = v as i16;
            big |= v.abs() >= keep;
        }
        if big {
            q.insert(*k, out);
        }
    }
    (Quantised(q), scale)
}

/// Lowers the "no event" weight of the bias feature (present on every
/// token) by `margin`: the perceptron, trained on TimeBank, is cautious, and
/// F1 is best when an event label only needs to come close to "no event".
fn with_margin(q: &Quantised, margin: f32, scale: f32) -> Quantised {
    let mut bias = 0;
    model::for_each_token("x", |_, _, f| bias = f[0]);
    let mut t = Quantised(q.0.clone());
    let w = t.0.entry(bias).or_insert([0; N_LABELS]);
    w[0] = (f32::from(w[0]) - margin * scale).clamp(-32767.0, 32767.0) as i16;
    t
}

fn encode(q: &Quantised) -> Vec<u8> {
    let mut keys: Vec<_> = q.0.keys().copied().collect();
    keys.sort_unstable();
    let mut out = b"ANTR1".to_vec();
    out.extend((keys.len() as u32).to_le_bytes());
    for k in keys {
        let w = &q.0[&k];
        let mut mask = 0u16;
        for (i, &x) in w.iter().enumerate() {
            if x != 0 {
                mask |= 1 << i;
            }
        }
        out.extend(k.to_le_bytes());
        out.extend(mask.to_le_bytes());
        for &x in w.iter().filter(|&&x| x != 0) {
            out.extend(x.to_le_bytes());
        }
    }
    out
}

fn evaluate(scorer: &impl Scorer, docs: &[timeml::Doc]) -> timeml::Counts {
    let mut counts = timeml::Counts::default();
    for doc in docs {
        let found = model::triggers_with(scorer, &doc.text);
        let system = timeml::system(&found);
        let gold = doc.gold();
        counts.add(&gold, &system);
    }
    counts
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dirs = Vec::new();
    let mut epochs = 10;
    let mut keep = 8.0;
    let mut margin = 0.0f32;
    let mut cv = 0usize;
    let mut min_count = 1usize;
    let mut sweep: Vec<f32> = Vec::new();
    let mut out = PathBuf::from("crates/parse/src/triggers_model.bin");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--epochs" => epochs = args.next().and_then(|n| n.parse().ok()).unwrap_or(epochs),
            "--keep" => keep = args.next().and_then(|n| n.parse().ok()).unwrap_or(keep),
            "--min-count" => {
                min_count = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(min_count)
            }
            "--cv" => cv = args.next().and_then(|n| n.parse().ok()).unwrap_or(cv),
            "--margin" => margin = args.next().and_then(|n| n.parse().ok()).unwrap_or(margin),
            "--sweep" => {
                sweep = args
                    .next()
                    .map(|l| l.split(',').filter_map(|x| x.parse().ok()).collect())
                    .unwrap_or_default()
            }
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    let Some(train_dir) = dirs.first() else {
        eprintln!(
            "usage: train_triggers TRAIN_DIR [TEST_DIR...] [--epochs N] [--keep W] [--out FILE]"
        );
        return ExitCode::from(2);
    };
    let mut corpora = Vec::new();
    for d in &dirs {
        match timeml::read_dir(d) {
            Ok(docs) => corpora.push(docs),
            Err(e) => {
                eprintln!("error: {}: {e}", d.display());
                return ExitCode::from(2);
            }
        }
    }
    if cv > 1 {
        let docs = &corpora[0];
        let grid: Vec<f32> = (0..=24).map(|i| i as f32 * 0.5).collect();
        let mut pooled = vec![timeml::Counts::default(); grid.len()];
        for fold in 0..cv {
            let (held, rest): (Vec<_>, Vec<_>) =
                docs.iter().enumerate().partition(|(i, _)| i % cv == fold);
            let held: Vec<_> = held.into_iter().map(|(_, d)| d.clone()).collect();
            let rest: Vec<_> = rest.into_iter().map(|(_, d)| d.clone()).collect();
            let p = train(&examples(&rest), epochs, min_count);
            let (q, scale) = quantise(&p.averaged(), keep);
            for (m, total) in grid.iter().zip(pooled.iter_mut()) {
                let t = with_margin(&q, *m, scale);
                total.merge(&evaluate(&t, &held));
            }
        }
        let mut best = (0.0, f64::MIN);
        for (m, c) in grid.iter().zip(&pooled) {
            eprintln!(
                "cv margin {m:4.1}: relaxed F1 {:.2} (P {:.2} R {:.2})",
                100.0 * c.relaxed().2,
                100.0 * c.relaxed().0,
                100.0 * c.relaxed().1
            );
            if c.relaxed().2 > best.1 {
                best = (*m, c.relaxed().2);
            }
        }
        margin = best.0;
        eprintln!("{cv}-fold cross-validation picks margin {margin}");
        if let Some(k) = grid.iter().position(|&m| m == margin) {
            println!(
                "{} ({cv}-fold cross-validation)\n{}\n",
                train_dir.display(),
                pooled[k]
            );
        }
    }
    let data = examples(&corpora[0]);
    eprintln!(
        "{}: {} tokens, {} events",
        train_dir.display(),
        data.len(),
        data.iter().filter(|e| e.label != 0).count()
    );
    let p = train(&data, epochs, min_count);
    let avg = p.averaged();
    let (mut q, scale) = quantise(&avg, keep);
    for m in &sweep {
        let t = with_margin(&q, *m, scale);
        for (d, docs) in dirs.iter().zip(&corpora).skip(1) {
            let c = evaluate(&t, docs);
            println!(
                "margin {m:5.2} {}: relaxed F1 {:.2} P {:.2} R {:.2} class acc {:.2}",
                d.display(),
                100.0 * c.relaxed().2,
                100.0 * c.relaxed().0,
                100.0 * c.relaxed().1,
                100.0 * c.class().0
            );
        }
    }
    q = with_margin(&q, margin, scale);
    let bytes = encode(&q);
    eprintln!(
        "{} features kept of {}, scale {scale:.1}, {} bytes",
        q.0.len(),
        avg.len(),
        bytes.len()
    );
    for (d, docs) in dirs.iter().zip(&corpora) {
        println!("{}\n{}\n", d.display(), evaluate(&q, docs));
    }
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
