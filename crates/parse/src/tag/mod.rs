//! The tagger: finds temporal expressions and resolves their values.
//!
//! Three stages, each cheap:
//!
//! 1. **Pre-scan** ([`tag`]): a byte loop visits each word start and asks a
//!    static table whether the word can begin a temporal expression (a
//!    digit, a month or weekday name, a trigger word such as "last",
//!    "ago"'s amounts, "now"). Most words are rejected with one lookup.
//! 2. **Grammar** ([`rules`]): at a candidate, the nom grammar returns the
//!    longest expression as an unresolved [`Expr`].
//! 3. **Resolution** ([`resolve`]): the expression becomes a TimeML value
//!    against the anchor, the tense of its sentence (for weekdays, bare
//!    months, seasons, quarters) and the discourse's reference time (for
//!    "the next day", "a year earlier"), which each resolved date updates.

mod calendars;
mod chunks;
mod lex;
mod ranges;
mod resolve;
mod rules;
mod scan;
mod words;

pub use chunks::tag_on;
pub use scan::tag;

/// A calendar or clock unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    /// Two weeks.
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// How many units: a number, a number and a half, or an unspecified number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Amount {
    N(u32),
    Half(u32),
    Fuzzy,
}

/// A part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pod {
    Mo,
    Af,
    Ev,
    Ni,
}

impl Pod {
    fn as_str(self) -> &'static str {
        match self {
            Pod::Mo => "MO",
            Pod::Af => "AF",
            Pod::Ev => "EV",
            Pod::Ni => "NI",
        }
    }
}

/// How a weekday, month or season relates to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// "last": the latest one strictly before.
    Last,
    /// "next": the first one strictly after.
    Next,
    /// "this": the one of the current year or week.
    This,
    /// no word: the sentence's tense decides.
    Tense,
}

/// Where a year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Written out: "1998".
    Abs(i32),
    /// Relative to the anchor: "this year" (0), "last year" (-1).
    Dct(i32),
    /// Not given: inferred from the anchor and the tense.
    Infer,
    /// Two digits after an apostrophe ("'82"): the latest such year no
    /// more than ten years after the anchor.
    Short(i32),
}

/// A day, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Day {
    /// Relative to the anchor: today (0), yesterday (-1).
    Dct(i32),
    /// A weekday (1 = Monday).
    Weekday(u32, Rel),
    /// A month and day, with or without the year.
    Date(Option<i32>, u32, u32),
    /// A day of the month without the month: "on the 25th".
    OfMonth(u32),
    /// A month and day after "last", "next" or "this": "last Oct. 23".
    Dated(u32, u32, Rel),
    /// The day under discussion (the reference time): a bare clock time.
    Reference,
    /// A day counted from the reference time: "that night" (0), "the next
    /// morning" (1).
    FromReference(i32),
}

/// PRESENT_REF, PAST_REF, FUTURE_REF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Present,
    Past,
    Future,
}

/// Holidays: fixed dates and computed ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    Thanksgiving,
    MemorialDay,
    LaborDay,
    ElectionDay,
    /// Easter Sunday plus a day offset (Good Friday is -2).
    Easter(i64),
    /// The `n`th weekday (1 = Monday) of a month: Mother's Day is the
    /// second Sunday of May.
    Nth(u32, u32, u8),
    /// Thanksgiving plus a day offset (Black Friday is 1).
    AfterThanksgiving(i64),
    /// A holiday of the Hebrew, Islamic, Chinese or Hindu calendar.
    Lunar(calendars::Lunar),
}

/// An expression as the grammar read it, before resolution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A month and day, the year optional: "Aug. 7, 1998", "Sept. 25".
    Date { y: Option<i32>, m: u32, d: u32 },
    /// A month: "December 2018", "last December", "in April".
    Month { m: u32, year: YearSpec, rel: Rel },
    /// A year: "1998", "this year", "fiscal 1989".
    Year(YearSpec),
    /// A decade by its first three digits: "the 1990s" → 199.
    Decade(i32),
    /// "this decade" (0), "the last decade" (-1).
    DecadeOffset(i32),
    /// A century by its first two digits: "the 20th century" → 19.
    Century(i32),
    /// "this century".
    CenturyOffset(i32),
    /// "the turn of the century": the year a century begins, the one
    /// nearest the anchor, approximately.
    TurnOfCentury,
    /// "the third quarter [of 1989]".
    Quarter { q: Option<u32>, year: YearSpec },
    /// "this quarter" (Some(0)), "the latest quarter" (None).
    QuarterRel(Option<i32>),
    /// "the first half of 1989".
    Half { h: u32, year: YearSpec },
    /// "year-end", "year's end": the end of the anchor's year, or of the
    /// year before in a past sentence ("since year-end"). The year the
    /// text last named is not used: it is too often far back ("the close
    /// of 1969 ... since year-end").
    YearEnd,
    /// "the week of March 6".
    WeekOf(Day),
    /// "the last week of March" (`k` = -1), "the second week of June 2009".
    WeekOfMonth { k: i32, m: u32, year: YearSpec },
    /// "this week", "last week".
    Week(i32),
    /// "this weekend".
    Weekend(i32),
    /// "the weekend": the latest in the past tense, else the coming one.
    WeekendTense,
    /// "this month", "next month".
    MonthOffset(i32),
    /// A day, with an optional part of the day: "Wednesday morning".
    Day { day: Day, pod: Option<Pod> },
    /// A clock time on a day: "10:35 a.m. Friday".
    Time {
        h: u32,
        m: Option<u32>,
        day: Day,
        /// Said in UTC/GMT: the value ends in `Z`.
        utc: bool,
    },
    /// "two years ago", "a year earlier".
    Shift {
        n: Amount,
        unit: Unit,
        dir: i32,
        from_ref: bool,
    },
    /// The period under discussion in another year: "the same period last
    /// year" (`back` 1), "the 1988 quarter" (`year`). Without a `unit`
    /// the period is the last one the text named.
    Comparable {
        unit: Option<Unit>,
        /// The quarter when the text names it: "the year-ago third quarter".
        q: Option<u32>,
        year: Option<i32>,
        back: i32,
    },
    /// "the next day", "that year".
    Anaphor { unit: Unit, offset: i32 },
    /// "two weeks", "several years".
    Duration { n: Amount, unit: Unit },
    /// "years", "months": a duration only after "for", "in", "within"...
    BarePlural(Unit),
    /// "now", "recently", "the future".
    Refer(RefKind),
    /// "daily", "every two weeks".
    Set(Option<u32>, Unit),
    /// "every Tuesday".
    SetWeekday(u32),
    /// "each July".
    SetMonth(u32),
    /// "every summer" (0 = spring .. 3 = winter).
    SetSeason(u32),
    /// "summer", "last fall" (0 = spring .. 3 = winter).
    Season { s: u32, year: YearSpec, rel: Rel },
    /// "Christmas", "Thanksgiving Day".
    Holiday { h: Holiday, year: YearSpec },
}

#[cfg(test)]
mod tests;
