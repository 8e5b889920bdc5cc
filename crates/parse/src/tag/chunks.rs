//! Tagging a long text on several threads, with the result of one pass.
//!
//! The scan carries the reference time from date to date ("the next day"
//! counts from the last day named), so a part of a text cannot simply be
//! tagged on its own. Each part is scanned *speculatively*, as if the text
//! started there (the state the anchor alone gives), and marks where it
//! stands after each expression it finds. Then, part after part, the true
//! scan, carried over from the part before, is replayed from the part's
//! start until it stands where the speculative scan stood at one of its
//! marks, with the same state and no pending word: from there the two
//! scans are one, and the speculative expressions are kept. A date that
//! names a day ("March 5", "on Wednesday") sets the whole state, so the
//! replay is usually a sentence or two; a part that never agrees is
//! replayed whole, as one pass would do it.

use std::ops::Range;

use super::resolve::State;
use super::scan::{Scan, finish};
use crate::{Anchor, Timex};

/// [`crate::tag`] on `threads` threads: the text is cut into as many
/// parts, at spaces, each tagged speculatively on its own thread, then
/// joined as described in the module docs. The same expressions as
/// [`crate::tag`], in the same order.
///
/// ```
/// use annals_parse::{tag, tag_on, Anchor};
/// use chrono::NaiveDate;
///
/// let anchor = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
/// let text = "Talks began on Monday, 2 March 2015. Three days later they \
///             failed. The next day the envoy left. In 2016 a new round began.";
/// assert_eq!(tag_on(text, &anchor, 4), tag(text, &anchor));
/// ```
pub fn tag_on(text: &str, anchor: &Anchor, threads: usize) -> Vec<Timex> {
    if threads <= 1 {
        return super::tag(text, anchor);
    }
    let parts = parts(text, threads);
    let guesses: Vec<Guess> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter()
            .skip(1)
            .map(|part| scope.spawn(|| guess(text, anchor.date, part.clone())))
            .collect();
        let first = parts.first().map(|p| guess(text, anchor.date, p.clone()));
        let rest = handles.into_iter().map(|h| match h.join() {
            Ok(g) => g,
            // A panic in the tagger is a bug; carry it to the caller.
            Err(panic) => std::panic::resume_unwind(panic),
        });
        first.into_iter().chain(rest).collect()
    });
    finish(text, join(text, guesses))
}

/// `text` cut into `n` byte ranges of about equal length, each but the
/// first starting at a space (fewer when the text has too few spaces).
fn parts(text: &str, n: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for k in 1..n {
        let from = (text.len() / n * k).max(starts[starts.len() - 1] + 1);
        let Some(at) = bytes
            .get(from..)
            .and_then(|b| b.iter().position(|&c| c == b' '))
        else {
            break;
        };
        starts.push(from + at);
    }
    starts.dedup();
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts.iter().zip(ends).map(|(&s, e)| s..e).collect()
}

/// Where a speculative scan stood after an expression (or at its start).
struct Mark {
    /// How many expressions it had found.
    found: usize,
    /// The scan, which stands at `scan.i` with no pending word.
    at: usize,
    state: State,
}

/// A part of a text scanned as if the text started there.
struct Guess {
    part: Range<usize>,
    found: Vec<Timex>,
    /// In text order.
    marks: Vec<Mark>,
    /// The scan after the part: past its end, perhaps within an
    /// expression that started in it.
    end: Scan,
}

/// Scans the expressions that start in `part` from a fresh state.
fn guess(text: &str, dct: chrono::NaiveDate, part: Range<usize>) -> Guess {
    let mut scan = Scan::new(dct, part.start);
    let mut found = Vec::new();
    let mut marks = vec![Mark {
        found: 0,
        at: scan.i,
        state: scan.state,
    }];
    while scan.i < part.end.min(text.len()) {
        if scan.step(text, &mut found) {
            marks.push(Mark {
                found: found.len(),
                at: scan.i,
                state: scan.state,
            });
        }
    }
    Guess {
        part,
        found,
        marks,
        end: scan,
    }
}

/// The expressions of the whole text from its parts' guesses (the first
/// part's is no guess: it starts where the text does).
fn join(text: &str, guesses: Vec<Guess>) -> Vec<Timex> {
    let mut guesses = guesses.into_iter();
    let Some(first) = guesses.next() else {
        return Vec::new();
    };
    let (mut out, mut scan) = (first.found, first.end);
    for guess in guesses {
        scan = replay(text, scan, guess, &mut out);
    }
    out
}

/// Continues the true `scan` through `guess`'s part until it meets one of
/// the guess's marks, then takes the guess's expressions from there on.
/// Returns the true scan after the part.
fn replay(text: &str, mut scan: Scan, mut guess: Guess, out: &mut Vec<Timex>) -> Scan {
    let mut marks = guess.marks.iter().peekable();
    loop {
        while marks.next_if(|m| m.at < scan.i).is_some() {}
        if scan.settled()
            && let Some(m) = marks.next_if(|m| m.at == scan.i && m.state == scan.state)
        {
            out.extend(guess.found.drain(m.found..));
            return guess.end;
        }
        if scan.i >= guess.part.end.min(text.len()) {
            return scan;
        }
        scan.step(text, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag;
    use chrono::NaiveDate;

    fn anchor() -> Anchor {
        Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).expect("a date"))
    }

    /// Texts whose state carries across sentences, and odd edges: the
    /// result on any number of parts is that of one pass.
    #[test]
    fn parts_give_the_result_of_one_pass() {
        let texts = [
            "",
            "   ",
            "nospaceshere2019",
            "Talks began on Monday, 2 March 2015. Three days later they failed. \
             The next day the envoy left. A year earlier, in the third quarter, \
             profit rose. The following week it fell from a year earlier. That \
             night the talks ended. In 2016 a new round began the next month.",
            "He said the past two years were hard. He came on Sept. 25, 1998 and \
             left that day; two weeks later, on the 9th, he was back. The '90s \
             ended. Profit in the quarter ended Sept. 30 rose from the year-ago \
             quarter. The same period last year was worse. From 2005 to 2013 \
             prices rose 5% a year. Next Tuesday at 10:35 a.m. he flies.",
        ];
        for text in texts {
            let want = tag(text, &anchor());
            for n in 1..=text.len().min(40) {
                assert_eq!(tag_on(text, &anchor(), n), want, "{n} parts of {text:?}");
            }
        }
    }

    #[test]
    fn parts_start_at_spaces() {
        let text = "a bb ccc dddd eeeee";
        let p = parts(text, 3);
        assert_eq!(p.first().map(|r| r.start), Some(0));
        assert_eq!(p.last().map(|r| r.end), Some(text.len()));
        for w in p.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert_eq!(text.as_bytes()[w[1].start], b' ');
        }
        assert_eq!(parts("abc", 4).len(), 1, "no space to cut at");
    }
}
