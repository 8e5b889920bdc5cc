//! TimeML `value` strings: parsing, printing, precision and calendar bounds.
//!
//! A [`Value`] is kept in its canonical TimeML spelling (`2019-09-25`,
//! `2018-12`, `2019-W39`, `P2W`, `PAST_REF`, ...) so that printing is exact
//! and free; its typed [`Parts`] (year, month, week, quarter, season, time
//! of day, duration units, reference kind) are read on demand by a small
//! hand-written grammar, so that no caller reads the spelling itself.
//!
//! Grammar (TIMEX3 1.2.1 value attribute, as the TempEval-3 corpora use it):
//!
//! ```text
//! value     = reference | duration | point
//! reference = "PRESENT_REF" | "PAST_REF" | "FUTURE_REF"
//! duration  = "P" ( amount unit )+ [ "T" ( amount tunit )+ ] | "PT" ( amount tunit )+
//! amount    = digits [ "." digits ] | "X"
//! unit      = "Y" | "M" | "W" | "D" | "Q" | "H"? | "E" (decade) | "C" (century) | "L" (millennium)
//! tunit     = "H" | "M" | "S"
//! point     = [ "FY" ] year [ "-" part ] [ time ] | time
//! year      = 4 (digit | "X") | 3 digit (decade) | 2 digit (century) | 3 digit "X"
//! part      = month [ "-" day ] | "W" week [ "-" (weekday | "WE") ] | "Q" n | "H" n | season
//! time      = "T" ( hh [ ":" mm [ ":" ss ] ] [ zone ] | "MO" | "MI" | "AF" | "EV" | "NI" | "DT" )
//! ```

mod grammar;
mod parts;

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

pub use parts::{
    Clock, Duration, DurationPart, DurationUnit, PartOfDay, Parts, Point, Reference, Season,
    TimeOfDay, YearPart,
};

/// A TimeML `value`: a calendar point or period, a duration, or a fuzzy reference.
///
/// ```
/// use annals_parse::{Precision, Value};
/// let v: Value = "2018-12".parse().unwrap();
/// assert_eq!(v.precision(), Some(Precision::Month));
/// assert_eq!(v.to_string(), "2018-12");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Value(String);

/// How fine a calendar value is, from coarsest to finest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `19` — a century.
    Century,
    /// `199` — a decade.
    Decade,
    /// `2019` — a year (also fiscal years).
    Year,
    /// `2019-H1` — half a year.
    Half,
    /// `2019-Q2` — a quarter.
    Quarter,
    /// `2019-SU` — a season.
    Season,
    /// `2019-09` — a month.
    Month,
    /// `2019-W39` — an ISO week (or its weekend).
    Week,
    /// `2019-09-25` — a day.
    Day,
    /// `2019-09-25TMO` — a part of a day.
    PartOfDay,
    /// `2019-09-25T14:00` — a clock time.
    Time,
}

/// Why a string is not a TimeML value: what was expected, where.
///
/// ```
/// use annals_parse::{Value, ValueErrorKind};
/// let e = "2019-13".parse::<Value>().unwrap_err();
/// assert_eq!(e.kind(), ValueErrorKind::Month);
/// assert_eq!(e.offset(), 5);
/// assert_eq!(
///     e.to_string(),
///     "`2019-13` is not a TimeML value: expected a month 01 to 12 (or XX) at byte 5, found `13`"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    input: String,
    at: usize,
    kind: ValueErrorKind,
}

/// What a [`ValueError`] found wrong: one variant per rule of the value
/// grammar that can fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueErrorKind {
    /// The string is empty.
    Empty,
    /// No year where one must be: 4 digits, `XXXX`, a decade (3 digits) or
    /// a century (2 digits).
    Year,
    /// After a year's `-`: no month, `W`, `Q`, `H` or season.
    Part,
    /// A month outside 01 to 12.
    Month,
    /// A day outside 01 to 31.
    Day,
    /// A week outside 1 to 53.
    Week,
    /// After a week's `-`: no weekday 1 to 7, `X` or `WE`.
    Weekday,
    /// A quarter outside 1 to 4.
    Quarter,
    /// A half outside 1 to 2.
    Half,
    /// After `T`: no hour 00 to 24 and no part of the day.
    Time,
    /// Minutes outside 00 to 59.
    Minute,
    /// Seconds outside 00 to 60.
    Second,
    /// A zone offset without its two-digit hours or minutes.
    Zone,
    /// In a duration, no number or `X` before a unit.
    DurationAmount,
    /// In a duration, an amount without a known unit.
    DurationUnit,
    /// `P` or `T` with no amount and unit after it.
    EmptyDuration,
    /// A whole value followed by more text.
    Trailing,
}

impl ValueErrorKind {
    /// What the grammar expected there.
    fn expected(self) -> &'static str {
        use ValueErrorKind as E;
        match self {
            E::Empty => "a value",
            E::Year => "a year (4 digits or XXXX), a decade (3 digits) or a century (2 digits)",
            E::Part => "a month, W (week), Q (quarter), H (half) or a season (SP, SU, FA, WI)",
            E::Month => "a month 01 to 12 (or XX)",
            E::Day => "a day 01 to 31 (or XX)",
            E::Week => "a week 1 to 53 (or XX)",
            E::Weekday => "a weekday 1 to 7, X or WE",
            E::Quarter => "a quarter 1 to 4 (or X)",
            E::Half => "a half 1 or 2 (or X)",
            E::Time => "an hour 00 to 24 or a part of the day (MO, MI, AF, EV, NI, DT)",
            E::Minute => "minutes 00 to 59",
            E::Second => "seconds 00 to 60",
            E::Zone => "a zone offset like +05:30",
            E::DurationAmount => "a number or X",
            E::DurationUnit => "a unit (Y, M, W, D, Q, E, C, L; after T: H, M, S)",
            E::EmptyDuration => "an amount and a unit",
            E::Trailing => "the end of the value",
        }
    }
}

impl ValueError {
    /// What was wrong.
    pub fn kind(&self) -> ValueErrorKind {
        self.kind
    }

    /// The byte offset in the input where it went wrong.
    pub fn offset(&self) -> usize {
        self.at
    }

    /// The string that failed to parse.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rest = self.input.get(self.at..).unwrap_or("");
        // The offending field: up to the next separator.
        let end = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| matches!(c, '-' | 'T' | ':'))
            .map_or(rest.len(), |(i, _)| i);
        write!(
            f,
            "`{}` is not a TimeML value: expected {}",
            self.input,
            self.kind.expected()
        )?;
        match &rest[..end] {
            "" if self.at == 0 => Ok(()),
            "" => write!(f, " at byte {}, found the end", self.at),
            found => write!(f, " at byte {}, found `{found}`", self.at),
        }
    }
}

impl std::error::Error for ValueError {}

impl Value {
    /// The value as TimeML writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A day: `2019-09-25`.
    pub fn day(date: NaiveDate) -> Value {
        let (y, m, d) = (date.year(), date.month(), date.day());
        if !(0..=9999).contains(&y) {
            return Value(format!("{y:04}-{m:02}-{d:02}"));
        }
        // The common case without the formatting machinery: the tagger
        // builds one of these per date it finds.
        let y = y as u32;
        let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
        let mut s = String::with_capacity(16);
        for n in [y / 1000, y / 100, y / 10, y] {
            s.push(digit(n));
        }
        s.push('-');
        s.push(digit(m / 10));
        s.push(digit(m));
        s.push('-');
        s.push(digit(d / 10));
        s.push(digit(d));
        Value(s)
    }

    /// A month: `2018-12`.
    pub fn month(year: i32, month: u32) -> Value {
        Value(format!("{year:04}-{month:02}"))
    }

    /// A year: `2019`.
    pub fn year(year: i32) -> Value {
        Value(format!("{year:04}"))
    }

    /// An ISO week: `2019-W39`.
    pub fn week(year: i32, week: u32) -> Value {
        Value(format!("{year:04}-W{week:02}"))
    }

    /// The weekend of an ISO week: `2019-W39-WE`.
    pub fn weekend(year: i32, week: u32) -> Value {
        Value(format!("{year:04}-W{week:02}-WE"))
    }

    /// A quarter (1 to 4): `2019-Q2`.
    pub fn quarter(year: i32, quarter: u32) -> Value {
        Value(format!("{year:04}-Q{quarter}"))
    }

    /// A half year (1 or 2): `2019-H1`.
    pub fn half(year: i32, half: u32) -> Value {
        Value(format!("{year:04}-H{half}"))
    }

    /// A decade, given by its first three digits: `199` for the 1990s.
    pub fn decade(decade: i32) -> Value {
        Value(format!("{decade:03}"))
    }

    /// A century, given by its first two digits: `19` for the 1900s.
    pub fn century(century: i32) -> Value {
        Value(format!("{century:02}"))
    }

    /// `PRESENT_REF`: "now", "currently".
    pub fn present_ref() -> Value {
        Value("PRESENT_REF".to_owned())
    }

    /// `PAST_REF`: "recently", "the past".
    pub fn past_ref() -> Value {
        Value("PAST_REF".to_owned())
    }

    /// `FUTURE_REF`: "soon", "the future".
    pub fn future_ref() -> Value {
        Value("FUTURE_REF".to_owned())
    }

    /// Wraps a string the tagger built in canonical form. Debug builds check
    /// that it parses, so a malformed value is caught by the tests.
    #[cfg_attr(not(feature = "tagger"), allow(dead_code))]
    pub(crate) fn canonical(s: String) -> Value {
        debug_assert!(grammar::value(&s).is_ok(), "not a TimeML value: {s}");
        Value(s)
    }

    /// Whether the spelling follows the TimeML value grammar (constructors
    /// given years outside 0000-9999 do not).
    #[cfg(feature = "tagger")]
    pub(crate) fn is_well_formed(&self) -> bool {
        // Only a year outside 0000-9999 makes a constructor's spelling
        // malformed: a sign, or a fifth digit. Cheaper than the grammar,
        // which debug builds (the tests, the fuzzers) check it against.
        let b = self.0.as_bytes();
        let ok =
            !(b.first() == Some(&b'-') || (b.len() >= 5 && b[..5].iter().all(u8::is_ascii_digit)));
        debug_assert_eq!(ok, grammar::value(&self.0).is_ok(), "{}", self.0);
        ok
    }

    /// The value's parts, typed: year, month, week, quarter, season, time,
    /// duration units, reference kind. `None` only for a value built by a
    /// constructor from a year outside 0 to 9999, which TimeML cannot spell.
    ///
    /// ```
    /// use annals_parse::{DurationUnit, Parts, Reference, Value};
    /// use chrono::Weekday;
    ///
    /// let v: Value = "2019-W39-3".parse().unwrap();
    /// let Some(Parts::Point(p)) = v.parts() else { panic!("a point") };
    /// assert_eq!((p.year(), p.week, p.weekday), (Some(2019), Some(39), Some(Weekday::Wed)));
    ///
    /// let v: Value = "PT5H30M".parse().unwrap();
    /// let Some(Parts::Duration(d)) = v.parts() else { panic!("a duration") };
    /// let units: Vec<_> = d.parts.iter().map(|p| (p.amount, p.unit)).collect();
    /// assert_eq!(units, [(Some(5.0), DurationUnit::Hour), (Some(30.0), DurationUnit::Minute)]);
    ///
    /// let v: Value = "PAST_REF".parse().unwrap();
    /// assert_eq!(v.parts(), Some(Parts::Reference(Reference::Past)));
    /// ```
    pub fn parts(&self) -> Option<Parts> {
        grammar::value(&self.0).ok()
    }

    /// The calendar point, when the value is one (not a duration or a
    /// reference).
    pub fn point(&self) -> Option<Point> {
        match self.parts()? {
            Parts::Point(p) => Some(p),
            _ => None,
        }
    }

    /// The duration, when the value is one.
    pub fn duration(&self) -> Option<Duration> {
        match self.parts()? {
            Parts::Duration(d) => Some(d),
            _ => None,
        }
    }

    /// The reference kind, for `PRESENT_REF`, `PAST_REF` and `FUTURE_REF`.
    pub fn reference(&self) -> Option<Reference> {
        match self.0.as_str() {
            "PRESENT_REF" => Some(Reference::Present),
            "PAST_REF" => Some(Reference::Past),
            "FUTURE_REF" => Some(Reference::Future),
            _ => None,
        }
    }

    /// True for `PRESENT_REF`, `PAST_REF` and `FUTURE_REF`.
    pub fn is_reference(&self) -> bool {
        self.reference().is_some()
    }

    /// True for durations (`P2W`, `PT5H`, `PXY`).
    pub fn is_duration(&self) -> bool {
        self.0.starts_with('P') && !self.is_reference()
    }

    /// The precision of a calendar value; `None` for durations and references.
    pub fn precision(&self) -> Option<Precision> {
        self.point().map(|p| p.precision())
    }

    /// The precision and first day of a calendar value, parsed once.
    #[cfg_attr(not(feature = "tagger"), allow(dead_code))]
    pub(crate) fn precision_and_start(&self) -> (Option<Precision>, Option<NaiveDate>) {
        match self.point() {
            Some(p) => (Some(p.precision()), p.bounds().map(|b| b.0)),
            None => (None, None),
        }
    }

    /// The first and last day a fully known calendar value covers.
    ///
    /// `2018-12` → 2018-12-01..=2018-12-31; `2019-W39` → Monday..=Sunday of
    /// ISO week 39. `None` when the year is unknown (`XXXX-12-25`), for
    /// durations and references.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.point()?.bounds()
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value({})", self.0)
    }
}

impl FromStr for Value {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Value, ValueError> {
        grammar::value(s).map(|_| Value(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_table() {
        let table = [
            ("19", Some(Precision::Century)),
            ("199", Some(Precision::Decade)),
            ("198X", Some(Precision::Decade)),
            ("2019", Some(Precision::Year)),
            ("FY1990", Some(Precision::Year)),
            ("2019-H1", Some(Precision::Half)),
            ("2019-Q3", Some(Precision::Quarter)),
            ("2019-SU", Some(Precision::Season)),
            ("2018-12", Some(Precision::Month)),
            ("2019-W39", Some(Precision::Week)),
            ("1990-W32-WE", Some(Precision::Week)),
            ("2019-09-25", Some(Precision::Day)),
            ("XXXX-WXX-1", Some(Precision::Day)),
            ("2019-09-25TMO", Some(Precision::PartOfDay)),
            ("2019-09-25T14:00", Some(Precision::Time)),
            ("2009-06-01T12:00Z", Some(Precision::Time)),
            ("P2W", None),
            ("PT5H30M", None),
            ("PXY", None),
            ("PRESENT_REF", None),
        ];
        for (input, want) in table {
            let v: Value = input.parse().unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(v.precision(), want, "{input}");
            assert_eq!(v.to_string(), input);
        }
    }

    #[test]
    fn rejects_malformed_values() {
        for bad in [
            "",
            "2019-13",
            "2019-09-32",
            "December",
            "P",
            "PT",
            "2019-Q5",
            "20190925",
            "2019-W54",
        ] {
            assert!(bad.parse::<Value>().is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn parts_table() {
        use chrono::Weekday;
        let point = |s: &str| {
            let v: Value = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            v.point().unwrap_or_else(|| panic!("{s} is a point"))
        };
        let p = point("FY1990");
        assert_eq!((p.year, p.fiscal), (YearPart::Year(1990), true));
        let p = point("198X");
        assert_eq!((p.year, p.year()), (YearPart::Decade(198), None));
        assert_eq!(point("19").year, YearPart::Century(19));
        let p = point("2019-09-25");
        assert_eq!((p.year(), p.month, p.day), (Some(2019), Some(9), Some(25)));
        let p = point("XXXX-12-25");
        assert_eq!(
            (p.year, p.month, p.day),
            (YearPart::Unknown, Some(12), Some(25))
        );
        let p = point("2019-W39-WE");
        assert_eq!((p.week, p.weekend, p.weekday), (Some(39), true, None));
        let p = point("XXXX-WXX-2");
        assert_eq!((p.week, p.weekday), (None, Some(Weekday::Tue)));
        assert_eq!(p.precision(), Precision::Day);
        assert_eq!(point("2019-Q3").quarter, Some(3));
        assert_eq!(point("2019-H2").half, Some(2));
        assert_eq!(point("2019-FA").season, Some(Season::Fall));
        assert_eq!(
            point("2019-09-25TEV").part_of_day(),
            Some(PartOfDay::Evening)
        );
        let c = point("2009-06-01T12:30:15-05:30").clock();
        let want = Clock {
            hour: 12,
            minute: Some(30),
            second: Some(15),
            zone: Some(-330),
        };
        assert_eq!(c, Some(want));
        assert_eq!(
            point("T14Z").clock().map(|c| (c.hour, c.zone)),
            Some((14, Some(0)))
        );

        let units = |s: &str| -> Vec<(Option<f64>, DurationUnit)> {
            let v: Value = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            let d = v.duration().unwrap_or_else(|| panic!("{s} is a duration"));
            d.parts.iter().map(|p| (p.amount, p.unit)).collect()
        };
        use DurationUnit as U;
        assert_eq!(units("P2W"), [(Some(2.0), U::Week)]);
        assert_eq!(units("PXY"), [(None, U::Year)]);
        assert_eq!(units("P2.5M"), [(Some(2.5), U::Month)]);
        assert_eq!(units("P1DT2H"), [(Some(1.0), U::Day), (Some(2.0), U::Hour)]);
        assert_eq!(units("PT5M"), [(Some(5.0), U::Minute)]);
        assert_eq!(units("P3E"), [(Some(3.0), U::Decade)]);

        for (s, r) in [
            ("PRESENT_REF", Reference::Present),
            ("PAST_REF", Reference::Past),
            ("FUTURE_REF", Reference::Future),
        ] {
            let v: Value = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(
                (v.reference(), v.parts()),
                (Some(r), Some(Parts::Reference(r)))
            );
        }
        // Built from a year TimeML cannot spell: no parts.
        assert_eq!(Value::year(12345).parts(), None);
    }

    #[test]
    fn errors_say_what_was_expected() {
        use ValueErrorKind as E;
        let table = [
            ("", E::Empty, 0),
            ("December", E::Year, 0),
            ("2019-13", E::Month, 5),
            ("2019-09-32", E::Day, 8),
            ("2019-W54", E::Week, 6),
            ("2019-W39-8", E::Weekday, 9),
            ("2019-Q5", E::Quarter, 6),
            ("2019-H3", E::Half, 6),
            ("2019-AU", E::Part, 5),
            ("2019-09-25T25:00", E::Time, 11),
            ("2019-09-25T14:60", E::Minute, 14),
            ("2019-09-25T14:30:61", E::Second, 17),
            ("2019-09-25T14:30+5", E::Zone, 17),
            ("P", E::EmptyDuration, 1),
            ("PT", E::EmptyDuration, 2),
            ("PY", E::DurationAmount, 1),
            ("P2", E::DurationUnit, 2),
            ("PT2D", E::DurationUnit, 3),
            ("20190925", E::Trailing, 4),
            ("2019-09-25 ", E::Trailing, 10),
        ];
        let mut messages = String::new();
        for (input, kind, at) in table {
            let e = input.parse::<Value>().expect_err(input);
            assert_eq!(
                (e.kind(), e.offset(), e.input()),
                (kind, at, input),
                "{input:?}"
            );
            messages.push_str(&format!("{e}\n"));
        }
        insta::assert_snapshot!(messages);
    }

    #[test]
    fn bounds_table() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let table = [
            ("2018-12", Some((d("2018-12-01"), d("2018-12-31")))),
            ("2019-09-25", Some((d("2019-09-25"), d("2019-09-25")))),
            ("2019", Some((d("2019-01-01"), d("2019-12-31")))),
            ("2019-Q2", Some((d("2019-04-01"), d("2019-06-30")))),
            ("2019-H2", Some((d("2019-07-01"), d("2019-12-31")))),
            ("2019-W39", Some((d("2019-09-23"), d("2019-09-29")))),
            ("199", Some((d("1990-01-01"), d("1999-12-31")))),
            ("2020-02", Some((d("2020-02-01"), d("2020-02-29")))),
            ("XXXX-12-25", None),
            ("P1Y", None),
        ];
        for (input, want) in table {
            let v: Value = input.parse().unwrap();
            assert_eq!(v.bounds(), want, "{input}");
        }
    }
}
