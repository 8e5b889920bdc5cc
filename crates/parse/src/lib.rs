//! # annals-parse
//!
//! A fast rule-based English temporal tagger. It finds temporal expressions
//! in text ("last December", "Wednesday", "a month ago", "from 2005 to
//! 2013") and gives each its TimeML TIMEX3 type, value and modifier,
//! resolved against an explicit [`Anchor`] (the document's publication
//! date): it never reads the clock.
//!
//! ```
//! use annals_parse::{tag, Anchor, TimexType};
//! use chrono::NaiveDate;
//!
//! let anchor = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
//! let text = "Maduro last visited Russia in December 2018.";
//! let timexes = tag(text, &anchor);
//! assert_eq!(&text[timexes[0].span.clone()], "December 2018");
//! assert_eq!(timexes[0].kind, TimexType::Date);
//! assert_eq!(timexes[0].value.as_str(), "2018-12");
//! ```
//!
//! Relative expressions resolve against the anchor, weekdays and bare
//! months by the tense of their sentence, and modifiers land in `mod`:
//!
//! ```
//! use annals_parse::{tag, Anchor, Mod};
//! use chrono::NaiveDate;
//!
//! // Published on Wednesday 25 September 2019.
//! let anchor = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
//! let text = "Putin met Maduro on Wednesday, less than two weeks after talks \
//!             collapsed. Elections are due in early October; Russia sent \
//!             bombers last December. They meet every Tuesday.";
//! let found: Vec<(&str, &str, String, Option<Mod>)> = tag(text, &anchor)
//!     .into_iter()
//!     .map(|t| (&text[t.span], t.kind.as_str(), t.value.to_string(), t.modifier))
//!     .collect();
//! assert_eq!(found, [
//!     ("Wednesday", "DATE", "2019-09-25".to_string(), None),
//!     ("less than two weeks", "DURATION", "P2W".to_string(), Some(Mod::LessThan)),
//!     ("early October", "DATE", "2019-10".to_string(), Some(Mod::Start)),
//!     ("last December", "DATE", "2018-12".to_string(), None),
//!     ("every Tuesday", "SET", "XXXX-WXX-2".to_string(), None),
//! ]);
//! ```
//!
//! Offsets are byte ranges into the input `&str`, always on `char`
//! boundaries. The crate has no I/O and no global state.
//!
//! ## How it works
//!
//! One pass over the bytes finds each word and its case-folded hash; a
//! table built at compile time says whether the word is temporal on its
//! own ("December", "today"), may start an expression ("the", "last",
//! "two"), ends one ("year", "ago") or glues one together ("of", "than").
//! Only where a run of such words reaches a head word does the nom grammar
//! run, and only the rules that can start with the run's first word. The
//! longest rule wins; resolution then turns the parse into a value against
//! the anchor, the sentence's tense and the discourse's reference time
//! (the last date mentioned), which "the next day" or "a year earlier"
//! count from.
//!
//! ## Values
//!
//! A [`Value`] prints as TimeML spells it and gives its parts typed, so
//! that no caller reads the spelling again:
//!
//! ```
//! use annals_parse::{Parts, Precision, Season, Value};
//!
//! let v: Value = "2019-SU".parse().unwrap();
//! let Some(Parts::Point(p)) = v.parts() else { unreachable!() };
//! assert_eq!((p.year(), p.season, p.precision()), (Some(2019), Some(Season::Summer), Precision::Season));
//! ```
//!
//! ## Features
//!
//! - `tagger` (default): [`tag`] and its nom grammar. Without it the crate
//!   offers the value types ([`Value`], [`Precision`], [`Mod`], [`Timex`])
//!   and [`sentences`] with no parser dependency, for crates that consume
//!   tagger output.
//!
//! The event trigger recogniser, [`triggers`](mod@triggers), is always
//! there: the event-mention finder ([`events`]) picks each dated clause's
//! event word with it. It is a perceptron whose weights (~500 KB) and a
//! WordNet 3.0 word-class list (~200 KB) are compiled in; the tagger uses
//! no model.
//!
//! ## Errors
//!
//! Tagging cannot fail: text that holds no temporal expression yields an
//! empty list. The only fallible operation is parsing a TimeML value string
//! ([`Value`]'s `FromStr`), which returns a [`ValueError`]: its
//! [`ValueErrorKind`] and message say what was expected, at which byte.

#![deny(missing_docs)]
// The docs name `tag`, which exists only with its feature; the links
// resolve in the full build (docs.rs builds with all features).
#![cfg_attr(not(feature = "tagger"), allow(rustdoc::broken_intra_doc_links))]

pub mod events;
mod range;
mod sentence;
#[cfg(feature = "tagger")]
mod tag;
pub mod triggers;
mod value;

pub use events::EventMention;
pub use sentence::sentences;
#[cfg(feature = "tagger")]
pub use tag::{tag, tag_on};
pub use triggers::{EventClass, Pos, Trigger, triggers};
pub use value::{
    Clock, Duration, DurationPart, DurationUnit, PartOfDay, Parts, Point, Precision, Reference,
    Season, TimeOfDay, Value, ValueError, ValueErrorKind, YearPart,
};

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;

/// The reference point that relative expressions are resolved against:
/// usually the document creation time (publication date).
///
/// Built with [`Anchor::new`]; it may gain fields (a time of day, a zone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Anchor {
    /// The document creation date.
    pub date: NaiveDate,
}

impl Anchor {
    /// An anchor at the start of `date`.
    pub fn new(date: NaiveDate) -> Anchor {
        Anchor { date }
    }
}

/// The TIMEX3 `type` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimexType {
    /// A calendar date or period: "December 2018", "last week".
    Date,
    /// A time of day: "2 p.m.", "Wednesday morning".
    Time,
    /// A length of time: "two weeks", "several years".
    Duration,
    /// A recurrence: "every Tuesday", "annually".
    Set,
}

impl TimexType {
    /// The TimeML spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The TIMEX3 `mod` attribute: how the text qualifies the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mod {
    /// "early October".
    Start,
    /// "mid-2019".
    Mid,
    /// "late 2018".
    End,
    /// "about three years".
    Approx,
    /// "less than a year".
    LessThan,
    /// "more than two weeks".
    MoreThan,
    /// "at most a month".
    EqualOrLess,
    /// "at least a month".
    EqualOrMore,
    /// "before 2015".
    Before,
    /// "after 2015".
    After,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
}

impl Mod {
    /// The TimeML spelling, e.g. `START`, `LESS_THAN`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
            Mod::OnOrBefore => "ON_OR_BEFORE",
            Mod::OnOrAfter => "ON_OR_AFTER",
        }
    }

    const ALL: [Mod; 12] = [
        Mod::Start,
        Mod::Mid,
        Mod::End,
        Mod::Approx,
        Mod::LessThan,
        Mod::MoreThan,
        Mod::EqualOrLess,
        Mod::EqualOrMore,
        Mod::Before,
        Mod::After,
        Mod::OnOrBefore,
        Mod::OnOrAfter,
    ];
}

impl fmt::Display for Mod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Returned when a string is not a TimeML `mod`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModError(String);

impl fmt::Display for ModError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a TimeML mod: expected one of START, MID, END, APPROX, LESS_THAN, \
             MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER",
            self.0
        )
    }
}

impl std::error::Error for ModError {}

impl FromStr for Mod {
    type Err = ModError;

    fn from_str(s: &str) -> Result<Mod, ModError> {
        Mod::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| ModError(s.to_owned()))
    }
}

/// A temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte range of the expression in the tagged text.
    pub span: Range<usize>,
    /// DATE, TIME, DURATION or SET.
    pub kind: TimexType,
    /// The normalised TimeML value.
    pub value: Value,
    /// The modifier, when the text gives one ("early", "about", ...).
    pub modifier: Option<Mod>,
}

impl Timex {
    /// A timex without a modifier (set [`Timex::modifier`] for one).
    pub fn new(span: Range<usize>, kind: TimexType, value: Value) -> Timex {
        Timex {
            span,
            kind,
            value,
            modifier: None,
        }
    }
}
