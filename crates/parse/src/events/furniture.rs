//! Page furniture at the start of a sentence: photo credits, datelines,
//! bylines, time stamps and comment buttons that an article's extraction
//! glued onto its first words. A mention's quote and title start after it.
//!
//! Shapes, all general (no outlet, person or place of any text):
//!
//! ```text
//! furniture := (credit | paren_tag | dateline | stamp | byline | button)*
//! credit    := ("Photo" | "Photograph" | "Picture" | "Image" | "Illustration"
//!               | "Credit" | "Caption") [s] [credits] ":" name_run
//!                                   -- to the token after the last "/"
//!            | CAPS "Photo/" Name Name?
//! paren_tag := dash? "(" Name{1,3} ")" dash?    -- "(AP)", "(CNN) --"
//!            | "(" ("Update" | cue) … clock … ")"
//!            | "(" … "Photo" … ")"  | "(" Name+ " - " CAPS ")"
//!            | Name ")" dash                    -- "Reuters) -"
//! dateline  := CAPS+ ["," Name{1,2}] ["(" Name{1,3} ")"] (dash | "|")
//!                                               -- "CAIRO, Egypt --"
//! stamp     := [cue ["by" Name{1,4}] ["on" | "at"]] (weekday | date | clock
//!              | zone | "at" | dash)+ ["|"]      -- a clock with a date, zone or cue
//! byline    := "By" Name{2,4} ["and" Name{1,4}] role? outlet?
//!              (followed by a role, "|", a dash, a dateline or the end)
//!            | "by:" Name{1,4}
//! button    := ("Report abuse" | "Reply" | "Permalink" | "Comments (" N ")") ["|"]
//!                                               -- after other furniture or before "|"
//! aside     := "(" … ")"                        -- after other furniture
//! ```

/// Photo-credit labels, compared without the colon and in lower case.
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "image",
    "images",
    "illustration",
    "credit",
    "credits",
    "caption",
];

/// Words that end a photo agency's credit ("Getty Images").
const CREDIT_TAILS: &[&str] = &[
    "Images", "Features", "Pictures", "Photos", "Handout", "Pool",
];

/// Capitalised words that start a sentence, not a name.
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "As", "Of", "For", "To", "And", "But", "Or", "When",
    "While", "After", "Before", "This", "That", "These", "Those", "It", "He", "She", "They", "We",
    "I", "If", "Since", "With", "By", "From", "There", "Here", "Now", "Then", "Yet", "So",
];

/// Journalists' roles in a byline ("Staff Writer", "Business reporter").
const ROLES: &[&str] = &[
    "correspondent",
    "reporter",
    "writer",
    "editor",
    "columnist",
    "contributor",
    "producer",
];

/// Nouns that end an outlet's name in a byline ("…, City News").
const MEDIA_WORDS: &[&str] = &[
    "News",
    "Press",
    "Times",
    "Post",
    "Online",
    "Service",
    "Agency",
    "Network",
    "Radio",
    "Television",
    "TV",
    "Wire",
    "Journal",
    "Herald",
    "Tribune",
    "Daily",
    "Magazine",
];

/// Cue words of a time stamp ("Updated", "Posted by …").
const STAMP_CUES: &[&str] = &["updated", "published", "posted"];

/// Nouns by which a page names itself ("This article appeared on …").
const SELF_NOUNS: &[&str] = &[
    "article", "story", "page", "piece", "post", "column", "blog",
];

/// Verbs of a page's own printing or posting.
const PRINT_VERBS: &[&str] = &[
    "appeared",
    "published",
    "updated",
    "posted",
    "printed",
    "modified",
    "amended",
    "corrected",
];

/// How far before a date a page's naming of itself is looked for, in words.
const SELF_STAMP_WORDS: usize = 20;

/// Comment buttons that precede a reader's comment.
const BUTTONS: &[&str] = &["Report abuse", "Reply", "Permalink"];

/// Months and weekdays, full and abbreviated, in lower case.
const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// The byte length of the furniture that opens `sentence` (0 when none):
/// the sentence proper starts there.
pub(super) fn furniture_len(sentence: &str) -> usize {
    let mut at = 0;
    let mut after_furniture = false;
    // Each pass strips one segment; a few segments at most stack up
    // ("(AP Photo/X) (X - AP) WASHINGTON — …").
    for _ in 0..8 {
        let rest = &sentence[at..];
        let found = credit(rest)
            .or_else(|| paren_tag(rest))
            .or_else(|| dateline(rest))
            .or_else(|| stamp(rest))
            .or_else(|| byline(rest))
            .or_else(|| button(rest, after_furniture))
            .or_else(|| aside(rest, after_furniture));
        match found {
            Some(n) if n > 0 => {
                at += n;
                at += skip_separators(&sentence[at..]);
                after_furniture = true;
            }
            _ => break,
        }
    }
    at
}

/// Whitespace and "|" between furniture segments.
fn skip_separators(s: &str) -> usize {
    s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || c == '|')
            .len()
}

/// The whitespace-separated tokens of `s` with their end offsets (the
/// offset right after each token).
fn tokens(s: &str) -> impl Iterator<Item = (&str, usize)> {
    s.split_whitespace().map(move |t| {
        let end = t.as_ptr() as usize - s.as_ptr() as usize + t.len();
        (t, end)
    })
}

/// The offset after `end` past following whitespace.
fn past_space(s: &str, end: usize) -> usize {
    end + (s[end..].len() - s[end..].trim_start().len())
}

fn is_dash(t: &str) -> bool {
    matches!(t, "-" | "--" | "—" | "–" | "---")
}

fn starts_upper(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// All capitals, at least two letters: "CAIRO", "LA.", "HOUSTON/PORT".
fn is_caps(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && t.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | ',' | '/' | '-' | '\'' | '’' | '&'))
}

fn bare(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric())
}

fn is_month_or_weekday(t: &str) -> bool {
    CALENDAR_WORDS.contains(&bare(t).to_lowercase().as_str())
}

/// A word of a person's or agency's name: capitalised, not a sentence
/// opener, a month or a weekday.
fn is_name(t: &str) -> bool {
    let b = bare(t);
    starts_upper(b) && !NOT_NAMES.contains(&b) && !is_month_or_weekday(b)
}

/// credit := label ":" name_run, to the token after the last "/" (one
/// token when there is no slash); or CAPS "Photo/" Name Name?.
fn credit(s: &str) -> Option<usize> {
    let mut toks = tokens(s).peekable();
    let (first, first_end) = toks.next()?;
    let label = first.trim_start_matches('(');
    let mut label_end = None;
    if let Some(word) = label.strip_suffix(':') {
        CREDIT_LABELS
            .contains(&word.to_lowercase().as_str())
            .then(|| label_end = Some(first_end));
    } else if CREDIT_LABELS.contains(&label.to_lowercase().as_str())
        && let Some(&(second, end)) = toks.peek()
        && matches!(second, "credit:" | "credits:")
    {
        toks.next();
        label_end = Some(end);
    }
    if let Some(end) = label_end {
        let run = past_space(s, end);
        return credit_run(&s[run..]).map(|n| run + n);
    }
    // "AP Photo/A Name The story …"
    if is_caps(first)
        && let Some((second, _)) = toks.next()
    {
        let name = second.strip_prefix("Photo/")?;
        let mut end = first_end + s[first_end..].find(second)? + second.len();
        if !is_name(name) {
            return None;
        }
        if let Some((third, third_end)) = toks.next()
            && is_name(third)
            && !is_caps(third)
        {
            end = third_end;
        }
        return Some(end);
    }
    None
}

/// The credit after a label: a run of name tokens, to the token after the
/// last "/" ("Jane Roe/Agency"), else its first token ("Agency The …").
fn credit_run(s: &str) -> Option<usize> {
    let mut last_slash = None;
    let mut first: Option<usize> = None;
    let mut all: Vec<(&str, usize)> = Vec::new();
    for (t, end) in tokens(s).take(8) {
        let ok = t.contains('/') && starts_upper(t) || is_name(t) || is_caps(t);
        if !ok {
            break;
        }
        first.get_or_insert(end);
        if t.contains('/') {
            last_slash = Some(all.len());
        }
        all.push((t, end));
        if t.ends_with(')') {
            break;
        }
    }
    // "Agency Images The …": without a slash, the first token and the
    // agency words after it.
    let k = match last_slash {
        Some(k) => k,
        None if first.is_some() => 0,
        None => return None,
    };
    let mut end = all[k].1;
    for &(t, e) in &all[k + 1..] {
        if !CREDIT_TAILS.contains(&bare(t)) {
            break;
        }
        end = e;
    }
    Some(end)
}

/// paren_tag := [dash] ("(" Name{1,3} ")" | "(" … "Photo" … ")" | "(" Name+
/// " - " CAPS ")" | "(" cue … clock … ")" | Name ")") — each with a dash
/// after it, if any.
fn paren_tag(s: &str) -> Option<usize> {
    // "— (Update …) …": a dash left from the line before.
    let lead = match tokens(s).next() {
        Some((t, end)) if is_dash(t) => past_space(s, end),
        _ => 0,
    };
    paren_tag_at(&s[lead..]).map(|n| lead + n)
}

fn paren_tag_at(s: &str) -> Option<usize> {
    let end = if let Some(inner) = s.strip_prefix('(') {
        let close = inner.find(')')?;
        let body = &inner[..close];
        if close > 80 || body.contains('(') {
            return None;
        }
        let words: Vec<&str> = body.split_whitespace().collect();
        let short_name = (1..=3).contains(&words.len()) && words.iter().all(|w| is_name(w));
        let photo = words.iter().any(|w| w.starts_with("Photo"));
        let agency = body
            .rsplit_once(" - ")
            .is_some_and(|(who, tag)| is_caps(tag) && who.split_whitespace().all(is_name));
        // "(Update 3:39 p.m. City, 8:39 ET)": a live page's update stamp.
        let update = words.first().is_some_and(|w| {
            STAMP_CUES.contains(&w.to_lowercase().as_str()) || w.eq_ignore_ascii_case("update")
        }) && words.iter().any(|w| {
            is_clock(w)
                || matches!(
                    bare(w).to_lowercase().replace('.', "").as_str(),
                    "am" | "pm"
                )
        });
        if !(short_name || photo || agency || update) {
            return None;
        }
        close + 2
    } else {
        // "Agency) - …": an opening bracket lost with the line before.
        let (first, first_end) = tokens(s).next()?;
        let name = first.strip_suffix(')')?;
        if name.contains('(') || !is_name(name) {
            return None;
        }
        let (next, _) = tokens(&s[first_end..]).next()?;
        if !is_dash(next) {
            return None;
        }
        first_end
    };
    Some(past_dash(s, end))
}

/// `end`, moved past whitespace and one dash token after it.
fn past_dash(s: &str, end: usize) -> usize {
    match tokens(&s[end..]).next() {
        Some((t, e)) if is_dash(t) => end + e,
        _ => end,
    }
}

/// dateline := CAPS+ ["," Name{1,2}] ["(" Name{1,3} ")"] (dash | "|").
fn dateline(s: &str) -> Option<usize> {
    let mut caps = 0;
    let mut region = 0;
    let mut comma = false;
    for (t, end) in tokens(s).take(8) {
        if is_dash(t) || t == "|" {
            return (caps > 0).then_some(end);
        }
        if t.starts_with('(') {
            let close = s[end - t.len()..].find(')')?;
            let after = end - t.len() + close + 1;
            let inner = &s[end - t.len() + 1..after - 1];
            let short =
                inner.split_whitespace().count() <= 3 && inner.split_whitespace().all(is_name);
            if caps == 0 || !short {
                return None;
            }
            let next = tokens(&s[after..]).next()?;
            return is_dash(next.0).then(|| after + next.1);
        }
        if is_caps(t) && !comma && bare(t).chars().any(char::is_alphabetic) {
            caps += 1;
            comma = t.ends_with(',');
        } else if comma && region < 2 && is_name(t) {
            region += 1;
        } else {
            return None;
        }
    }
    None
}

/// A clock time: "10:32", "6:38", "11:04pm", "02.35" (two-digit hours
/// only with a period).
fn is_clock(t: &str) -> bool {
    let t = bare(t);
    let t = t.trim_end_matches(|c: char| c.is_alphabetic());
    let (h, m) = match (t.split_once(':'), t.split_once('.')) {
        (Some(hm), _) => hm,
        (None, Some(hm)) if hm.0.len() == 2 => hm,
        _ => return false,
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.chars().all(|c| c.is_ascii_digit())
        && m.chars().all(|c| c.is_ascii_digit())
}

/// One token of a time stamp: a month or weekday, a day or year number,
/// a clock, "am"/"pm", a time zone, "at", or a dash.
fn is_stamp_part(t: &str) -> bool {
    let b = bare(t);
    let lower = b.to_lowercase();
    let number = !b.is_empty() && b.len() <= 4 && b.chars().all(|c| c.is_ascii_digit());
    let meridiem = matches!(lower.replace('.', "").as_str(), "am" | "pm");
    is_month_or_weekday(t)
        || number
        || is_clock(t)
        || meridiem
        || is_zone(t)
        || lower == "at"
        || is_dash(t)
}

/// A time zone's abbreviation: "GMT", "EDT", "UTC", "ET".
fn is_zone(t: &str) -> bool {
    let b = bare(t);
    (2..=4).contains(&b.len())
        && b.chars().all(|c| c.is_ascii_uppercase())
        && b.ends_with(['T', 'C'])
}

/// stamp := [cue ["by" Name{1,4}] ["on" | "at"]] parts+ ["|"], where the
/// parts hold a clock, or a cue comes first ("Updated 10:32 GMT", "January
/// 27, 2011 at 10:04 pm |", "Posted by A Name on May 2, 2005 07:54 PM").
fn stamp(s: &str) -> Option<usize> {
    let mut toks = tokens(s).peekable();
    let mut end = 0;
    let mut cue = false;
    // "Page last updated at", "Last updated", "Posted by A Name on"
    while let Some(&(t, e)) = toks.peek() {
        let l = bare(t).to_lowercase();
        // "Page" and "last" may come before the cue word, nothing else.
        let before_cue = !cue && matches!(l.as_str(), "page" | "last");
        if STAMP_CUES.contains(&l.as_str()) {
            cue = true;
        } else if !before_cue {
            break;
        }
        end = e;
        toks.next();
    }
    if cue
        && toks
            .peek()
            .is_some_and(|&(t, _)| matches!(t, "by" | "by:" | "By" | "By:"))
    {
        toks.next();
        // A user name need not be capitalised: "Posted by a reader on …".
        let mut names = 0;
        while let Some(&(t, e)) = toks.peek() {
            if names == 4 || matches!(t, "on" | "at") || is_stamp_part(t) {
                break;
            }
            names += 1;
            end = e;
            toks.next();
        }
        if names == 0 {
            return None;
        }
    }
    if cue && toks.peek().is_some_and(|&(t, _)| matches!(t, "on" | "at")) {
        toks.next();
    }
    let parts = stamp_parts(&mut toks);
    // A clock with a date, or a cue with either: "at 10:30" alone, or
    // "May 3 at 10:30 pm, the …", is the sentence's own time.
    let stamped = (parts.clock && (parts.dated || parts.zone || cue)) || (cue && parts.dated);
    let follows = cue
        || match toks.peek() {
            None => true,
            Some(&(t, _)) => t == "|" || t.starts_with('(') || starts_upper(t),
        };
    (stamped && follows && !parts.comma).then(|| end.max(parts.end))
}

/// What [`stamp_parts`] read.
#[derive(Default)]
struct StampParts {
    /// One was a clock.
    clock: bool,
    /// One was a month or weekday.
    dated: bool,
    /// One was a time zone.
    zone: bool,
    /// The last ended with a comma.
    comma: bool,
    /// The offset after the last.
    end: usize,
}

/// Reads time-stamp tokens.
fn stamp_parts<'a>(
    toks: &mut std::iter::Peekable<impl Iterator<Item = (&'a str, usize)>>,
) -> StampParts {
    let mut out = StampParts::default();
    while let Some(&(t, e)) = toks.peek() {
        if !is_stamp_part(t) {
            break;
        }
        out.clock |= is_clock(t);
        out.dated |= is_month_or_weekday(t);
        out.zone |= is_zone(t);
        out.comma = t.ends_with(',');
        out.end = e;
        toks.next();
    }
    out
}

/// byline := "By" Name{2,4} ["and" Name{1,4}] [role [outlet]], followed by
/// a role, "|", a dash, a dateline or nothing; or "by:" Name{1,4}.
fn byline(s: &str) -> Option<usize> {
    let mut toks = tokens(s).peekable();
    let (by, _) = toks.next()?;
    let colon = match by {
        "By" => false,
        "By:" | "by:" | "BY:" => true,
        _ => return None,
    };
    let mut names = 0;
    let mut end = 0;
    let mut last_comma = false;
    while let Some(&(t, e)) = toks.peek() {
        let joins = t == "and" && names > 0 && !last_comma;
        if !(joins || (is_name(t) && !is_caps(t))) || names == 8 || last_comma {
            break;
        }
        names += usize::from(!joins);
        last_comma = t.ends_with(',');
        end = e;
        toks.next();
    }
    if colon {
        return (names >= 1).then_some(end);
    }
    if names < 2 {
        return None;
    }
    match toks.peek() {
        None => Some(end),
        Some(&(t, _)) if t == "|" || is_dash(t) || is_caps(t) => Some(end),
        Some(_) => role(s, end),
    }
}

/// A role right after a byline's names ("reporter", "Staff Writer"), with
/// the outlet after its comma: the offset after them.
fn role(s: &str, from: usize) -> Option<usize> {
    for (k, (t, e)) in tokens(&s[from..]).take(3).enumerate() {
        if ROLES.contains(&bare(t).to_lowercase().as_str()) {
            let end = from + e;
            return Some(if t.ends_with(',') {
                outlet(s, end)
            } else {
                end
            });
        }
        if k == 2 || !starts_upper(t) {
            break;
        }
    }
    None
}

/// After a byline's role and comma: an outlet's name that ends in a media
/// word ("City News"), with its comma; else nothing more.
fn outlet(s: &str, from: usize) -> usize {
    for (t, e) in tokens(&s[from..]).take(4) {
        if !starts_upper(t) {
            break;
        }
        if MEDIA_WORDS.contains(&bare(t)) {
            return from + e;
        }
    }
    from
}

/// button := ("Report abuse" | "Reply" | "Permalink") ["|"], after other
/// furniture or right before a "|".
fn button(s: &str, after_furniture: bool) -> Option<usize> {
    let len = BUTTONS
        .iter()
        .find(|b| {
            s.strip_prefix(**b)
                .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace))
        })
        .map(|b| b.len())
        .or_else(|| comment_count(s))?;
    let rest = s[len..].trim_start();
    (after_furniture || rest.starts_with('|')).then_some(len)
}

/// A bracketed aside right after other furniture: "… 2010 (an error
/// occurred while processing this directive) …".
fn aside(s: &str, after_furniture: bool) -> Option<usize> {
    let inner = s.strip_prefix('(').filter(|_| after_furniture)?;
    let close = inner.find(')')?;
    (close <= 80 && !inner[..close].contains('(')).then_some(close + 2)
}

/// "Comments (4)": a comment counter's length.
fn comment_count(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("Comments (")?;
    let close = rest.find(')')?;
    let digits = &rest[..close];
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then_some("Comments (".len() + close + 1)
}

/// Whether `clock` and `zone` are a time stamp ("01.36 GMT", "12:48 BST"):
/// inside a sentence, what follows one is another text run on (a page's
/// headline, stamp and first paragraph joined).
pub(super) fn is_stamp(clock: &str, zone: &str) -> bool {
    is_clock(clock) && is_zone(zone)
}

/// Whether the words before a date (in order, the date's own excluded)
/// tell when the page itself appeared: "This article appeared on p8 of the
/// … section of the … on", "A version of this story was first published
/// on". Such a date is the page's stamp, not news: the nearest "this" +
/// [`SELF_NOUNS`] among the last [`SELF_STAMP_WORDS`] words, followed by
/// one of [`PRINT_VERBS`].
pub(super) fn is_self_stamp<'a>(before: impl DoubleEndedIterator<Item = &'a str>) -> bool {
    let near: Vec<&str> = before.rev().take(SELF_STAMP_WORDS).map(bare).collect();
    // `near` runs backwards from the date.
    let Some(noun) = (1..near.len()).find(|&i| {
        near[i].eq_ignore_ascii_case("this")
            && SELF_NOUNS
                .iter()
                .any(|n| near[i - 1].eq_ignore_ascii_case(n))
    }) else {
        return false;
    };
    near[..noun - 1]
        .iter()
        .any(|w| PRINT_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

#[cfg(test)]
mod tests {
    use super::{furniture_len, is_self_stamp};

    #[test]
    fn a_page_telling_when_it_appeared_is_a_stamp() {
        let stamp = |s: &str| is_self_stamp(s.split_whitespace());
        for s in [
            "This article appeared on p8 of the G2 section of the Gazette on 01.25 BST on",
            "A version of this story was first published on",
            "Plot to overthrow the regime This article was amended on",
            "this page was last updated:",
        ] {
            assert!(stamp(s), "{s}");
        }
        for s in [
            "The article appeared in the journal on",
            "This story began on",
            "The report was published on",
            "Posted on the wall of this page",
        ] {
            assert!(!stamp(s), "{s}");
        }
    }

    /// (sentence, the sentence proper after its furniture)
    const TABLE: &[(&str, &str)] = &[
        // photo credits
        (
            "Photograph: Jane Roe/Agency Workers cleared the beach on Monday.",
            "Workers cleared the beach on Monday.",
        ),
        (
            "Photograph: Jon Doe/Pool/Wire Scientists met on Monday.",
            "Scientists met on Monday.",
        ),
        (
            "Photograph: Ann Lee/Foto/Acme Images Crews returned on Friday.",
            "Crews returned on Friday.",
        ),
        (
            "Photograph: Wire The council voted on Tuesday.",
            "The council voted on Tuesday.",
        ),
        (
            "Photograph: Acme Images Workers met on Monday.",
            "Workers met on Monday.",
        ),
        (
            "(Acme Daily Wire) FUNDS ARE BACK for many firms this year.",
            "FUNDS ARE BACK for many firms this year.",
        ),
        (
            "Saturday 21 May 2005 00.37 BST The minister spoke yesterday.",
            "The minister spoke yesterday.",
        ),
        (
            "Posted by Sam Poe at 10:37 AM | Comments (4) | Permalink Analysts studied the charts in May.",
            "Analysts studied the charts in May.",
        ),
        (
            "Photo credits: WIRE/Stringer Divers went down on Sunday.",
            "Divers went down on Sunday.",
        ),
        (
            "XY Photo/Dan Roe The mayor resigned in May.",
            "The mayor resigned in May.",
        ),
        (
            "(XY Photo/Dan Roe) (Dan Roe - XY) The mayor resigned in May.",
            "The mayor resigned in May.",
        ),
        (
            "(XY Photo) Crews worked on Friday.",
            "Crews worked on Friday.",
        ),
        (
            "— (Update 3:29 a.m. Elmton, 8:29 p.m. ET) Police ended a march on Sunday.",
            "Police ended a march on Sunday.",
        ),
        (
            "(Update 1 p.m. ET) Crews cleared the roads on Wednesday.",
            "Crews cleared the roads on Wednesday.",
        ),
        // datelines
        (
            "RIVERTON, Calvia -- The ministry closed the border on Friday.",
            "The ministry closed the border on Friday.",
        ),
        (
            "PORT ELM (Wire) — Floods hit the town on Monday.",
            "Floods hit the town on Monday.",
        ),
        (
            "XY PORT ELM — Floods hit the town on Monday.",
            "Floods hit the town on Monday.",
        ),
        (
            "ELMTON — ELMTON (XY) — Talks began on Monday.",
            "Talks began on Monday.",
        ),
        ("(Wire) -- Talks began on Monday.", "Talks began on Monday."),
        ("Wire) - Talks began on Monday.", "Talks began on Monday."),
        (
            "ELMTON/ASHFORD, Calvia | Sun May 9, 2010 6:38 pm EDT ELMTON (Wire) - Talks began on Sunday.",
            "Talks began on Sunday.",
        ),
        // time stamps and comment buttons
        (
            "Updated 10:32 GMT The storm reached the coast on Monday.",
            "The storm reached the coast on Monday.",
        ),
        (
            "Page last updated at 23:19 GMT, Tuesday, 19 January 2010 Rescuers dug through the rubble.",
            "Rescuers dug through the rubble.",
        ),
        (
            "March 3, 2011 at 10:04 pm | Report abuse | I think the vote was fair.",
            "I think the vote was fair.",
        ),
        (
            "March 3, 2011 at 11:26 pm | Reply The vote on Friday was fair.",
            "The vote on Friday was fair.",
        ),
        (
            "Page last updated at 15:47 GMT, Friday, 22 January 2010 (an error occurred) Crews met.",
            "Crews met.",
        ),
        ("Posted by a reader on April 3, 2005 05:25 PM.", ""),
        (
            "Mon May 16, 2011 1:55 pm BST (Wire) - Crews met on Monday.",
            "Crews met on Monday.",
        ),
        (
            "Posted by: reader391 | June 7, 2010 3:06 PM | Report abuse How long will it take?",
            "How long will it take?",
        ),
        ("Posted by Sam Poe on April 2, 2005 11:01 PM.", ""),
        (
            "July 27, 2010 - 12:48 PM | by: Dan Roe The ministry responded to a new leak.",
            "The ministry responded to a new leak.",
        ),
        // bylines
        (
            "By Ann Lee Business reporter, City News The minister resigned on Monday.",
            "The minister resigned on Monday.",
        ),
        (
            "By Ann Lee and Dan Roe ELMTON (Wire) - Talks began on Monday.",
            "Talks began on Monday.",
        ),
        (
            "By Ann Lee, Staff Writer The minister resigned on Monday.",
            "The minister resigned on Monday.",
        ),
    ];

    /// Sentences that open with words shaped a little like furniture.
    const KEPT: &[&str] = &[
        "By Sunday, evidence of the flood had reached the river.",
        "By August 15, the fund had paid out most of its money.",
        "By Ann Lee, who worked for the ministry until 2008.",
        "Photos taken by workers last summer show rusted pipes.",
        "Images of the flood were shown on Thursday.",
        "Reply letters arrived on Monday.",
        "NATO said on Monday that talks would resume.",
        "The UN — after long talks — agreed on Monday.",
        "Updated figures released on Monday show a rise.",
        "The meeting at 10:30 on Monday was short.",
        "(The figures were revised on Monday.)",
        "— and then, on Monday, the talks ended.",
        "(Updates were posted daily in May.)",
        "Credit Suisse estimated on Wednesday that costs could rise.",
        "In 1989 — the year the wall fell — trade grew.",
        "At 10:30 the bomb exploded.",
        "May 3 at 10:30 pm, the bomb exploded.",
        "The rate rose to 10.50 percent in May.",
        "The attack came on Friday 18 February 2005 at 02.35 GMT when crews slept.",
        "Talks ended on May 3, 2011 at 10:04 pm, officials said.",
    ];

    #[test]
    fn furniture_table() {
        for (sentence, body) in TABLE {
            let n = furniture_len(sentence);
            assert_eq!(&sentence[n..], *body, "{sentence}");
        }
    }

    #[test]
    fn sentences_are_not_furniture() {
        for sentence in KEPT {
            assert_eq!(furniture_len(sentence), 0, "{sentence}");
        }
    }

    #[test]
    fn never_cuts_inside_a_character() {
        for s in ["Photo: É/Æ Ö", "(É) — ü", "By Él Ñu —", "ÉLAN, Ö — x", "é"] {
            let n = furniture_len(s);
            assert!(s.is_char_boundary(n), "{s}");
        }
    }
}
