//! Sentence splitting for news text.

use std::ops::Range;

/// Splits `text` into sentences, returned as byte ranges without the
/// surrounding whitespace.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets)
/// followed by whitespace and an upper-case letter, digit or opening quote,
/// or at a blank line. Abbreviations ("U.S.", "Mr.", "Sept.") and initials do
/// not end a sentence.
///
/// ```
/// let text = "Mr. Maduro arrived on Tuesday. He met Putin.";
/// let s: Vec<&str> = annals_parse::sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(s, ["Mr. Maduro arrived on Tuesday.", "He met Putin."]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary_end = if b == b'\n' && next_line_is_blank(bytes, i) {
            Some(i)
        } else if matches!(b, b'.' | b'!' | b'?') && !is_abbreviation(text, i) {
            let mut j = i + 1;
            while j < bytes.len() && is_closer(text, j) {
                j += closer_len(text, j);
            }
            if followed_by_sentence_start(text, j) {
                Some(j)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(end) = boundary_end {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

fn next_line_is_blank(bytes: &[u8], nl: usize) -> bool {
    let mut j = nl + 1;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
        j += 1;
    }
    j >= bytes.len() || bytes[j] == b'\n'
}

const CLOSERS: [&str; 7] = ["\"", "'", ")", "]", "\u{201d}", "\u{2019}", "\u{bb}"];

fn is_closer(text: &str, at: usize) -> bool {
    CLOSERS.iter().any(|c| text[at..].starts_with(c))
}

fn closer_len(text: &str, at: usize) -> usize {
    CLOSERS
        .iter()
        .find(|c| text[at..].starts_with(*c))
        .map_or(1, |c| c.len())
}

fn followed_by_sentence_start(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false; // no whitespace after the stop: "3.5", "U.S.-backed"
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || "\"'(\u{201c}\u{2018}\u{ab}".contains(c)
        }
    }
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "jr", "sr", "lt", "col",
    "sgt", "capt", "adm", "rev", "gov", "pres", "vs", "no", "inc", "corp", "co", "ltd", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "etc", "al", "approx", "est", "ft", "mt",
];

fn is_abbreviation(text: &str, dot: usize) -> bool {
    if text.as_bytes()[dot] != b'.' {
        return false;
    }
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "J.", "U.S", "a.m"
    let letters: Vec<&str> = word.split('.').collect();
    if letters.iter().all(|p| p.chars().count() == 1) {
        return word.chars().next().is_some_and(char::is_uppercase) || word.contains('.');
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_stops_followed_by_capitals() {
        let table: [(&str, &[&str]); 7] = [
            ("One. Two.", &["One.", "Two."]),
            (
                "He left on Sept. 25 for Moscow. He met Putin.",
                &["He left on Sept. 25 for Moscow.", "He met Putin."],
            ),
            (
                "The U.S. Treasury acted. Then it stopped.",
                &["The U.S. Treasury acted.", "Then it stopped."],
            ),
            (
                "“It is over.” Then he left.",
                &["“It is over.”", "Then he left."],
            ),
            ("Up 3.5 percent. Down.", &["Up 3.5 percent.", "Down."]),
            (
                "Headline\n\nBody text here.",
                &["Headline", "Body text here."],
            ),
            ("  ", &[]),
        ];
        for (input, want) in table {
            assert_eq!(split(input), want, "{input:?}");
        }
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(
            split("It rose 5 p.m. yesterday."),
            ["It rose 5 p.m. yesterday."]
        );
    }
}
