//! The parts of a TimeML value, typed: what [`Value::parts`] returns, so
//! that no caller reads the TimeML spelling again.
//!
//! [`Value::parts`]: super::Value::parts

use chrono::{Datelike, NaiveDate, Weekday};

use super::Precision;

/// A value taken apart: a calendar point or period, a duration, or a
/// fuzzy reference.
///
/// ```
/// use annals_parse::{Parts, Season, Value};
/// let v: Value = "2019-SU".parse().unwrap();
/// let Some(Parts::Point(p)) = v.parts() else { panic!("a point") };
/// assert_eq!((p.year(), p.season), (Some(2019), Some(Season::Summer)));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Parts {
    /// `2019-09-25`, `2018-12`, `2019-W39`, `XXXX-WXX-2`, `T14:00`...
    Point(Point),
    /// `P2W`, `PT5H30M`, `PXY`.
    Duration(Duration),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(Reference),
}

/// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reference {
    /// `PRESENT_REF`: "now", "currently".
    Present,
    /// `PAST_REF`: "recently", "the past".
    Past,
    /// `FUTURE_REF`: "soon", "the future".
    Future,
}

/// The year field of a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YearPart {
    /// `2019`.
    Year(i32),
    /// `199` or `199X`: the 1990s, given by its first three digits.
    Decade(i32),
    /// `19` or `19XX`: the 1900s, given by its first two digits.
    Century(i32),
    /// `XXXX`: the text gives no year.
    Unknown,
}

/// A season: `SP`, `SU`, `FA`, `WI`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`.
    Spring,
    /// `SU`.
    Summer,
    /// `FA`.
    Fall,
    /// `WI`.
    Winter,
}

/// A part of the day: `MO`, `MI`, `AF`, `EV`, `NI`, `DT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// `MO`.
    Morning,
    /// `MI`.
    Midday,
    /// `AF`.
    Afternoon,
    /// `EV`.
    Evening,
    /// `NI`.
    Night,
    /// `DT`: the working day.
    Daytime,
}

/// A clock time: `T14`, `T14:30`, `T14:30:05Z`, `T09:00-05:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Clock {
    /// 0 to 24.
    pub hour: u32,
    /// 0 to 59, when given.
    pub minute: Option<u32>,
    /// 0 to 60 (a leap second), when given.
    pub second: Option<u32>,
    /// The offset from UTC in minutes (`Z` is 0), when given.
    pub zone: Option<i32>,
}

/// The time of a point: a part of the day or a clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// `TMO`, `TNI`...
    Part(PartOfDay),
    /// `T14:00`...
    Clock(Clock),
}

/// A calendar point or period. Fields hold what the value says; `None`
/// is "not given" or, for a part the value names with X's, "unknown"
/// (`XXXX-WXX-2` has a weekday and no known week): [`Point::precision`]
/// tells which parts the value has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Point {
    /// The year, decade or century.
    pub year: YearPart,
    /// `FY1990`: a fiscal year.
    pub fiscal: bool,
    /// 1 to 12.
    pub month: Option<u32>,
    /// The day of the month, 1 to 31.
    pub day: Option<u32>,
    /// The ISO week, 1 to 53.
    pub week: Option<u32>,
    /// The day of an ISO week (`2019-W39-3`, `XXXX-WXX-2`).
    pub weekday: Option<Weekday>,
    /// `2019-W39-WE`: the weekend of the week.
    pub weekend: bool,
    /// 1 to 4.
    pub quarter: Option<u32>,
    /// 1 or 2.
    pub half: Option<u32>,
    /// `2019-SU`.
    pub season: Option<Season>,
    /// The part of the day or clock time.
    pub time: Option<TimeOfDay>,
    pub(super) precision: Precision,
}

/// A length of time: amount and unit pairs, largest unit first
/// (`PT5H30M` is 5 hours and 30 minutes).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Duration {
    /// The pairs, in the order written.
    pub parts: Vec<DurationPart>,
}

/// One amount and unit of a duration.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct DurationPart {
    /// The amount (`2.5` in `P2.5Y`); `None` for `X`, an unknown amount
    /// ("several years" is `PXY`).
    pub amount: Option<f64>,
    /// The unit.
    pub unit: DurationUnit,
}

/// The unit of a duration part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DurationUnit {
    /// `L`: a thousand years.
    Millennium,
    /// `C`: a hundred years.
    Century,
    /// `E`: ten years.
    Decade,
    /// `Y`.
    Year,
    /// `Q`: three months.
    Quarter,
    /// `M` before `T`.
    Month,
    /// `W`.
    Week,
    /// `D`.
    Day,
    /// `H` (after `T`).
    Hour,
    /// `M` after `T`.
    Minute,
    /// `S` (after `T`).
    Second,
}

impl Point {
    pub(super) fn empty() -> Point {
        Point {
            year: YearPart::Unknown,
            fiscal: false,
            month: None,
            day: None,
            week: None,
            weekday: None,
            weekend: false,
            quarter: None,
            half: None,
            season: None,
            time: None,
            precision: Precision::Year,
        }
    }

    /// How fine the point is ([`Precision`]).
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The year, when the value gives one (not for `XXXX`, decades and
    /// centuries).
    pub fn year(&self) -> Option<i32> {
        match self.year {
            YearPart::Year(y) => Some(y),
            _ => None,
        }
    }

    /// The part of the day (`TMO` ...), when the value has one.
    pub fn part_of_day(&self) -> Option<PartOfDay> {
        match self.time {
            Some(TimeOfDay::Part(p)) => Some(p),
            _ => None,
        }
    }

    /// The clock time (`T14:30` ...), when the value has one.
    pub fn clock(&self) -> Option<Clock> {
        match self.time {
            Some(TimeOfDay::Clock(c)) => Some(c),
            _ => None,
        }
    }

    /// The first and last day the point covers, when its year is known.
    /// A weekday of a week (`2019-W39-3`) gives its week, as it always
    /// has (callers that want the day read [`Point::weekday`]); seasons,
    /// unknown weeks, quarters and halves cover their year.
    pub(super) fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        let ymd = NaiveDate::from_ymd_opt;
        let y = match self.year {
            YearPart::Year(y) => y,
            YearPart::Decade(d) => return Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?)),
            YearPart::Century(c) => {
                return Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?));
            }
            YearPart::Unknown => return None,
        };
        let months = |first: u32, n: u32| Some((ymd(y, first, 1)?, month_end(y, first + n - 1)?));
        if let Some(m) = self.month {
            return match self.day {
                Some(d) => ymd(y, m, d).map(|day| (day, day)),
                None => months(m, 1),
            };
        }
        if let Some(w) = self.week {
            let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
            let sunday = NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?;
            return Some(if self.weekend {
                (monday + chrono::Days::new(5), sunday)
            } else {
                (monday, sunday)
            });
        }
        if let Some(q) = self.quarter {
            return months((q - 1) * 3 + 1, 3);
        }
        if let Some(h) = self.half {
            return months((h - 1) * 6 + 1, 6);
        }
        Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
    }
}

/// The last day of a month.
fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).filter(|d| d.month() == m)
}
