//! TimeML `value` strings: parsing, printing, precision and calendar bounds.
//!
//! A [`Value`] is kept in its canonical TimeML spelling (`2019-09-25`,
//! `2018-12`, `2019-W39`, `P2W`, `PAST_REF`, ...) so that printing is exact
//! and free; the structure is recovered on demand by a small nom grammar.
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

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

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

/// Why a string is not a TimeML value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    input: String,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a TimeML value: expected a date like 2019-09-25, 2018-12, 2019-W39, \
             2019-Q2, 2019-SU, a duration like P2W, or PRESENT_REF/PAST_REF/FUTURE_REF",
            self.input
        )
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
        debug_assert!(grammar::value(&s).is_some(), "not a TimeML value: {s}");
        Value(s)
    }

    /// Whether the spelling follows the TimeML value grammar (constructors
    /// given years outside 0000-9999 do not).
    #[cfg(feature = "tagger")]
    pub(crate) fn is_well_formed(&self) -> bool {
        grammar::value(&self.0).is_some()
    }

    /// True for `PRESENT_REF`, `PAST_REF` and `FUTURE_REF`.
    pub fn is_reference(&self) -> bool {
        self.0.ends_with("_REF")
    }

    /// True for durations (`P2W`, `PT5H`, `PXY`).
    pub fn is_duration(&self) -> bool {
        self.0.starts_with('P') && !self.is_reference()
    }

    /// The precision of a calendar value; `None` for durations and references.
    pub fn precision(&self) -> Option<Precision> {
        match grammar::value(&self.0)? {
            grammar::Parsed::Point(p) => Some(p.precision()),
            _ => None,
        }
    }

    /// The precision and first day of a calendar value, parsed once.
    #[cfg_attr(not(feature = "tagger"), allow(dead_code))]
    pub(crate) fn precision_and_start(&self) -> (Option<Precision>, Option<NaiveDate>) {
        match grammar::value(&self.0) {
            Some(grammar::Parsed::Point(p)) => (Some(p.precision()), p.bounds().map(|b| b.0)),
            _ => (None, None),
        }
    }

    /// The first and last day a fully known calendar value covers.
    ///
    /// `2018-12` → 2018-12-01..=2018-12-31; `2019-W39` → Monday..=Sunday of
    /// ISO week 39. `None` when the year is unknown (`XXXX-12-25`), for
    /// durations and references.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match grammar::value(&self.0)? {
            grammar::Parsed::Point(p) => p.bounds(),
            _ => None,
        }
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
        match grammar::value(s) {
            Some(_) => Ok(Value(s.to_owned())),
            None => Err(ValueError {
                input: s.to_owned(),
            }),
        }
    }
}

mod grammar {
    //! A hand-written recursive-descent reader of TimeML values (see the
    //! module docs above). It is not nom on purpose: value types are shared
    //! with crates that must stay free of the tagger's grammar dependencies.

    use chrono::{NaiveDate, Weekday};

    use super::Precision;

    #[derive(Clone, Copy)]
    pub(super) enum Parsed {
        Reference,
        Duration,
        Point(Point),
    }

    #[derive(Clone, Copy)]
    enum Year {
        Known(i32),
        Decade(i32),
        Century(i32),
        Unknown,
    }

    #[derive(Clone, Copy)]
    enum Part {
        Whole,
        Month(u32),
        MonthDay(u32, Option<u32>),
        Week(Option<u32>, Option<WeekPart>),
        Quarter(Option<u32>),
        Half(u32),
        Season,
    }

    #[derive(Clone, Copy)]
    enum WeekPart {
        Day,
        Weekend,
    }

    #[derive(Clone, Copy)]
    enum Time {
        Clock,
        PartOfDay,
    }

    #[derive(Clone, Copy)]
    pub(super) struct Point {
        year: Year,
        part: Part,
        time: Option<Time>,
    }

    /// A cursor over the value's bytes.
    struct Cursor<'a> {
        s: &'a [u8],
        i: usize,
    }

    impl Cursor<'_> {
        fn eat(&mut self, lit: &str) -> bool {
            if self.s[self.i..].starts_with(lit.as_bytes()) {
                self.i += lit.len();
                true
            } else {
                false
            }
        }

        fn peek(&self) -> Option<u8> {
            self.s.get(self.i).copied()
        }

        fn done(&self) -> bool {
            self.i == self.s.len()
        }

        /// Exactly `n` ASCII digits, as a number.
        fn digits(&mut self, n: usize) -> Option<u32> {
            let run = self.s.get(self.i..self.i + n)?;
            if !run.iter().all(u8::is_ascii_digit) {
                return None;
            }
            self.i += n;
            Some(run.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
        }

        /// A run of one or more digits.
        fn digit_run(&mut self) -> bool {
            let start = self.i;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.i += 1;
            }
            self.i > start
        }

        /// `n` digits in `lo..=hi`, or `n` X's (unknown).
        fn field(&mut self, n: usize, lo: u32, hi: u32) -> Option<Option<u32>> {
            let unknown = self.s.get(self.i..self.i + n);
            if unknown.is_some_and(|run| run.iter().all(|&b| b == b'X')) {
                self.i += n;
                return Some(None);
            }
            let v = self.digits(n)?;
            (lo..=hi).contains(&v).then_some(Some(v))
        }
    }

    pub(super) fn value(s: &str) -> Option<Parsed> {
        let mut c = Cursor {
            s: s.as_bytes(),
            i: 0,
        };
        let parsed = if ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(&s) {
            return Some(Parsed::Reference);
        } else if c.peek() == Some(b'P') {
            duration(&mut c).map(|()| Parsed::Duration)
        } else {
            point(&mut c).map(Parsed::Point)
        }?;
        c.done().then_some(parsed)
    }

    /// amount = digits ["." digits] | "X"
    fn amount(c: &mut Cursor<'_>) -> bool {
        if c.eat("X") {
            return true;
        }
        if !c.digit_run() {
            return false;
        }
        if c.eat(".") {
            return c.digit_run();
        }
        true
    }

    /// duration = "P" (amount unit)* ["T" (amount tunit)+], at least one pair
    fn duration(c: &mut Cursor<'_>) -> Option<()> {
        c.eat("P").then_some(())?;
        let mut pairs = 0;
        while c.peek().is_some_and(|b| b != b'T') {
            if !amount(c)
                || !matches!(
                    c.peek(),
                    Some(b'Y' | b'M' | b'W' | b'D' | b'Q' | b'E' | b'C' | b'L')
                )
            {
                return None;
            }
            c.i += 1;
            pairs += 1;
        }
        if c.eat("T") {
            let before = pairs;
            while !c.done() {
                if !amount(c) || !matches!(c.peek(), Some(b'H' | b'M' | b'S')) {
                    return None;
                }
                c.i += 1;
                pairs += 1;
            }
            if pairs == before {
                return None;
            }
        }
        (pairs > 0).then_some(())
    }

    /// year = 4 digits | "XXXX" | 3 digits ["X"] (decade) | 2 digits ["XX"] (century)
    fn year(c: &mut Cursor<'_>) -> Option<Year> {
        if c.eat("XXXX") {
            return Some(Year::Unknown);
        }
        let start = c.i;
        if let Some(y) = c.digits(4) {
            return Some(Year::Known(y as i32));
        }
        c.i = start;
        if let Some(d) = c.digits(3) {
            c.eat("X");
            return Some(Year::Decade(d as i32));
        }
        let cent = c.digits(2)?;
        c.eat("XX");
        Some(Year::Century(cent as i32))
    }

    /// part = month ["-" day] | "W" week ["-" (weekday | "WE")] | "Q" n | "H" n | season
    fn part(c: &mut Cursor<'_>) -> Option<Part> {
        for season in ["SP", "SU", "FA", "WI"] {
            if c.eat(season) {
                return Some(Part::Season);
            }
        }
        if c.eat("W") {
            let week = if c.eat("XX") {
                None
            } else {
                let start = c.i;
                let w = c.digits(2).or_else(|| {
                    c.i = start;
                    c.digits(1)
                })?;
                Some((1..=53).contains(&w).then_some(w)?)
            };
            let wpart = if c.eat("-") {
                if c.eat("WE") {
                    Some(WeekPart::Weekend)
                } else if c.eat("X") || c.field(1, 1, 7)?.is_some() {
                    Some(WeekPart::Day)
                } else {
                    return None;
                }
            } else {
                None
            };
            return Some(Part::Week(week, wpart));
        }
        if c.eat("Q") {
            return Some(Part::Quarter(c.field(1, 1, 4)?));
        }
        if c.eat("H") {
            return Some(Part::Half(c.field(1, 1, 2)?.unwrap_or(1)));
        }
        let month = c.field(2, 1, 12)?;
        let day = if c.eat("-") {
            Some(c.field(2, 1, 31)?)
        } else {
            None
        };
        Some(match (month, day) {
            (Some(m), None) => Part::Month(m),
            (Some(m), Some(d)) => Part::MonthDay(m, d),
            (None, _) => Part::Whole,
        })
    }

    /// time = "T" (hh [":" mm [":" ss]] [zone] | "MO" | "MI" | "AF" | "EV" | "NI" | "DT")
    fn time(c: &mut Cursor<'_>) -> Option<Time> {
        c.eat("T").then_some(())?;
        for pod in ["MO", "MI", "AF", "EV", "NI", "DT"] {
            if c.eat(pod) {
                return Some(Time::PartOfDay);
            }
        }
        c.field(2, 0, 24)?.ok_or(()).ok()?;
        if c.eat(":") {
            c.field(2, 0, 59)?.ok_or(()).ok()?;
            if c.eat(":") {
                c.field(2, 0, 60)?.ok_or(()).ok()?;
            }
        }
        if c.eat("Z") {
        } else if matches!(c.peek(), Some(b'+' | b'-')) {
            c.i += 1;
            c.digits(2)?;
            c.eat(":");
            if !c.done() {
                c.digits(2)?;
            }
        }
        Some(Time::Clock)
    }

    /// point = ["FY"] year ["-" part] [time] | time
    fn point(c: &mut Cursor<'_>) -> Option<Point> {
        if c.peek() == Some(b'T') {
            return Some(Point {
                year: Year::Unknown,
                part: Part::Whole,
                time: Some(time(c)?),
            });
        }
        c.eat("FY");
        let year = year(c)?;
        let part = if c.eat("-") { part(c)? } else { Part::Whole };
        let time = if c.peek() == Some(b'T') {
            Some(time(c)?)
        } else {
            None
        };
        Some(Point { year, part, time })
    }

    impl Point {
        pub(super) fn precision(&self) -> Precision {
            if let Some(t) = self.time {
                return match t {
                    Time::Clock => Precision::Time,
                    Time::PartOfDay => Precision::PartOfDay,
                };
            }
            match (self.year, self.part) {
                (Year::Century(_), _) => Precision::Century,
                (Year::Decade(_), _) => Precision::Decade,
                (_, Part::Whole) => Precision::Year,
                (_, Part::Half(_)) => Precision::Half,
                (_, Part::Quarter(_)) => Precision::Quarter,
                (_, Part::Season) => Precision::Season,
                (_, Part::Month(_)) | (_, Part::MonthDay(_, None)) => Precision::Month,
                (_, Part::Week(_, None | Some(WeekPart::Weekend))) => Precision::Week,
                (_, Part::Week(_, Some(WeekPart::Day))) | (_, Part::MonthDay(_, Some(_))) => {
                    Precision::Day
                }
            }
        }

        pub(super) fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
            let ymd = NaiveDate::from_ymd_opt;
            let month_end = |y: i32, m: u32| {
                let next = if m == 12 {
                    ymd(y + 1, 1, 1)
                } else {
                    ymd(y, m + 1, 1)
                };
                next.and_then(|d| d.pred_opt())
            };
            let y = match self.year {
                Year::Known(y) => y,
                Year::Decade(d) => return Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?)),
                Year::Century(c) => return Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?)),
                Year::Unknown => return None,
            };
            match self.part {
                Part::Month(m) | Part::MonthDay(m, None) => Some((ymd(y, m, 1)?, month_end(y, m)?)),
                Part::MonthDay(m, Some(d)) => {
                    let day = ymd(y, m, d)?;
                    Some((day, day))
                }
                Part::Quarter(Some(q)) => {
                    let m = (q - 1) * 3 + 1;
                    Some((ymd(y, m, 1)?, month_end(y, m + 2)?))
                }
                Part::Half(h) => {
                    let m = (h - 1) * 6 + 1;
                    Some((ymd(y, m, 1)?, month_end(y, m + 5)?))
                }
                Part::Week(Some(w), wp) => {
                    let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                    let sunday = NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?;
                    match wp {
                        Some(WeekPart::Weekend) => Some((monday + chrono::Days::new(5), sunday)),
                        _ => Some((monday, sunday)),
                    }
                }
                // Seasons straddle years (winter); an unknown week or
                // quarter is somewhere in the year.
                Part::Whole | Part::Season | Part::Quarter(None) | Part::Week(None, _) => {
                    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
                }
            }
        }
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
