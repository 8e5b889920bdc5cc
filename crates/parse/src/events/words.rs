//! Words and clauses of one sentence.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{AUXILIARIES, SUBJECT_PRONOUNS, SUBORDINATORS, is_verb_form};

/// A word of a sentence: its byte span in the text and its text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word<'a> {
    pub(super) span: (usize, usize),
    pub(super) text: &'a str,
    /// Punctuation that ends a clause comes right after this word.
    pub(super) breaks_after: bool,
    /// The text is lower-case ASCII already: its own [`Word::lower`].
    lowercase: bool,
}

impl<'a> Word<'a> {
    fn new(span: (usize, usize), text: &'a str) -> Word<'a> {
        Word {
            span,
            text,
            breaks_after: false,
            // Checked once: the rules ask for a word's lower case often.
            lowercase: text
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
        }
    }

    /// Lower case, with the typographic apostrophe made plain.
    pub(super) fn lower(&self) -> Lower<'a> {
        // Most words are lower-case ASCII already: the text itself, with
        // no allocation (the rules ask for words' lower case many times).
        let text = self.text;
        if self.lowercase {
            return Lower(Cow::Borrowed(text));
        }
        if text.is_ascii() {
            return Lower(Cow::Owned(text.to_ascii_lowercase()));
        }
        Lower(Cow::Owned(text.to_lowercase().replace('’', "'")))
    }

    pub(super) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A word in lower case ([`Word::lower`]): the word's own text when it
/// is lower case already, else a lowered copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Lower<'a>(Cow<'a, str>);

impl Lower<'_> {
    pub(super) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Splits `range` of `text` into words. Internal apostrophes, hyphens and
/// periods stay inside a word ("Maduro's", "oil-rich", "3.5"), as do digit
/// group commas ("254,000"); a final period stays on dotted abbreviations
/// and initials ("U.S.", "J.").
pub(super) fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let s = &text[range.clone()];
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let joins = |c: char| match c {
            '\'' | '’' | '-' | '.' => next.is_some_and(char::is_alphanumeric),
            '%' => true,
            ',' => {
                next.is_some_and(|n| n.is_ascii_digit())
                    && s[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_digit())
            }
            _ => false,
        };
        if c.is_alphanumeric() || c == '$' || (start.is_some() && joins(c)) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(b) = start.take() {
            let mut end = i;
            if c == '.' && is_dotted(&s[b..i]) {
                end = i + 1;
            }
            out.push(Word::new((range.start + b, range.start + end), &s[b..end]));
        }
        // An opening quote inside a clause is part of it: 'pledged to "use
        // every available resource"'; a closing one ends it ("“" opens
        // always, a straight quote before a word after a space).
        let opening = c == '"'
            && next.is_some_and(char::is_alphanumeric)
            && s[..i].chars().next_back().is_none_or(char::is_whitespace);
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')' | '"' | '”')
            && !opening
            && let Some(last) = out.last_mut()
        {
            last.breaks_after = true;
        }
    }
    if let Some(b) = start {
        out.push(Word::new((range.start + b, range.end), &s[b..]));
    }
    out
}

/// "U.S", "a.m", "J": a word whose period belongs to it.
fn is_dotted(word: &str) -> bool {
    (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || matches!(
            word,
            "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr" | "Gen" | "Gov" | "Sen" | "Rep"
        )
}

/// Splits a sentence's words into clauses (index ranges): after clause
/// punctuation, before subordinators, and before a coordinator that starts
/// a new clause ("… and he left", "… and was recognized", "… and a month
/// ago …"). `timexes` are the sentence's timex spans.
pub(super) fn clauses(words: &[Word<'_>], timexes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        let lower = w.lower();
        let opens = SUBORDINATORS.contains(&lower.as_str())
            || (matches!(lower.as_str(), "and" | "but" | "or")
                && coordinates_clause(words, i, timexes));
        if i > start && opens {
            out.push(start..i);
            start = i;
        }
        if w.breaks_after {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}

/// Whether the coordinator at `i` joins clauses rather than nouns: the
/// next word is a subject pronoun, a verb, or starts a timex.
fn coordinates_clause(words: &[Word<'_>], i: usize, timexes: &[Range<usize>]) -> bool {
    let Some(next) = words.get(i + 1) else {
        return false;
    };
    let l = next.lower();
    SUBJECT_PRONOUNS.contains(&l.as_str())
        || AUXILIARIES.contains(&l.as_str())
        || (is_verb_form(&l) && !next.is_capitalized())
        || timexes.iter().any(|t| t.start == next.span.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s, 0..s.len()).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_table() {
        let table: &[(&str, &[&str])] = &[
            (
                "Maduro's oil-rich nation",
                &["Maduro's", "oil-rich", "nation"],
            ),
            (
                "the 254,000 tons, up 3.5%.",
                &["the", "254,000", "tons", "up", "3.5%"],
            ),
            (
                "by the U.S. and Mr. Putin.",
                &["by", "the", "U.S.", "and", "Mr.", "Putin"],
            ),
            ("end, 2019", &["end", "2019"]),
            ("$65 billion", &["$65", "billion"]),
        ];
        for (input, want) in table {
            assert_eq!(texts(input), *want, "{input}");
        }
    }

    #[test]
    fn clauses_split_at_coordinated_verbs_but_not_noun_lists() {
        let s = "Putin and Maduro met in May and signed a deal, officials said.";
        let w = words(s, 0..s.len());
        let got: Vec<String> = clauses(&w, &[])
            .into_iter()
            .map(|c| w[c].iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            got,
            [
                "Putin and Maduro met in May",
                "and signed a deal",
                "officials said"
            ]
        );
    }
}
