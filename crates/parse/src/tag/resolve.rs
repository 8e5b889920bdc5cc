//! Resolution: an [`Expr`] becomes a TimeML type, value and modifier.
//!
//! Relative expressions count from the anchor (the document date);
//! anaphoric ones ("the next day", "a year earlier") from the reference
//! time, the last date the text mentioned. Weekdays, bare months, seasons
//! and quarters without a year take the sentence's tense: in the past
//! tense the latest one on or before the anchor, in the future tense the
//! first one on or after it, otherwise the nearest.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{Amount, Day, Expr, Holiday, RefKind, Rel, Unit, YearSpec};
use crate::{Mod, Precision, TimexType, Value};

/// The tense of the sentence around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
}

/// What resolution reads and updates while walking through a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct State {
    pub(crate) dct: NaiveDate,
    /// The reference time: the last day the text pinned down.
    pub(crate) reference: NaiveDate,
    /// The start of the last month or year the text pinned down (coarser
    /// mentions must not move the day that "the next day" counts from).
    pub(crate) coarse: NaiveDate,
    /// How precise the mention that set `coarse` was.
    pub(crate) coarse_precision: Precision,
    /// The last quarter mentioned, while no finer date followed it: a
    /// year-based shift after it ("profit rose from a year earlier")
    /// compares quarters.
    pub(crate) quarter: Option<(i32, u32)>,
}

impl State {
    pub(crate) fn new(dct: NaiveDate) -> State {
        State {
            dct,
            reference: dct,
            coarse: dct,
            coarse_precision: Precision::Year,
            quarter: None,
        }
    }
}

/// The resolved attributes of one expression.
pub(crate) struct Resolved {
    pub(crate) kind: TimexType,
    pub(crate) value: Value,
    pub(crate) modifier: Option<Mod>,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// (year, month) plus `k` months.
fn add_months(y: i32, m: u32, k: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + k;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

fn week_value(d: NaiveDate) -> Value {
    let w = d.iso_week();
    Value::week(w.year(), w.week())
}

fn weekday_num(d: NaiveDate) -> i64 {
    i64::from(d.weekday().number_from_monday())
}

/// The day `wd` (1 = Monday) nearest to `dct` in the direction the
/// relation or tense gives.
fn resolve_weekday(dct: NaiveDate, wd: u32, rel: Rel, tense: Tense) -> Option<NaiveDate> {
    let cur = weekday_num(dct);
    let back = (cur - i64::from(wd)).rem_euclid(7); // days back to the latest on/before
    let fwd = (i64::from(wd) - cur).rem_euclid(7); // days forward to the first on/after
    let delta = match (rel, tense) {
        (Rel::Last, _) => -(if back == 0 { 7 } else { back }),
        (Rel::Next, _) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        (_, Tense::Past) => -back,
        (_, Tense::Future) => fwd,
        (_, Tense::Present) => {
            if back <= fwd + 1 {
                -back
            } else {
                fwd
            }
        }
    };
    shift_days(dct, delta)
}

/// The year of a month written without one.
fn month_year(dct: NaiveDate, m: u32, rel: Rel, tense: Tense) -> i32 {
    let (y, cur) = (dct.year(), dct.month());
    match (rel, tense) {
        (Rel::Last, _) => {
            if m < cur {
                y
            } else {
                y - 1
            }
        }
        (Rel::Next, _) => {
            if m > cur {
                y
            } else {
                y + 1
            }
        }
        (Rel::This, _) => y,
        // Without a tense, the nearest: "worth more in October" read in
        // January is last October.
        (Rel::Tense, Tense::Present) => {
            let ahead = (m + 12 - cur) % 12;
            if ahead <= 4 {
                if m >= cur { y } else { y + 1 }
            } else if m <= cur {
                y
            } else {
                y - 1
            }
        }
        (Rel::Tense, Tense::Past) => {
            let ahead = (m + 12 - cur) % 12;
            if (1..=2).contains(&ahead) {
                // A month just ahead in a past-tense sentence is a
                // reported plan: "agreed to buy the unit in January".
                if m > cur { y } else { y + 1 }
            } else if m <= cur {
                y
            } else {
                y - 1
            }
        }
        (Rel::Tense, Tense::Future) => {
            if m >= cur {
                y
            } else {
                y + 1
            }
        }
    }
}

/// Picks among one date per candidate year the one the tense points to.
fn pick_year(
    dct: NaiveDate,
    tense: Tense,
    make: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let y = dct.year();
    let cands: Vec<NaiveDate> = [y - 1, y, y + 1].into_iter().filter_map(make).collect();
    let nearest = cands
        .iter()
        .copied()
        .min_by_key(|d| (*d - dct).num_days().abs());
    match tense {
        Tense::Past => cands
            .iter()
            .copied()
            .filter(|d| *d <= dct)
            .max()
            .or(nearest),
        Tense::Future => cands
            .iter()
            .copied()
            .filter(|d| *d >= dct)
            .min()
            .or(nearest),
        Tense::Present => nearest,
    }
}

fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    let nth = |m: u32, wd: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(y, m, wd, n);
    match h {
        Holiday::Fixed(m, d) => ymd(y, m, d),
        Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
        Holiday::LaborDay => nth(9, Weekday::Mon, 1),
        Holiday::MemorialDay => {
            let last = nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4))?;
            Some(last)
        }
        Holiday::ElectionDay => nth(11, Weekday::Mon, 1).and_then(|d| d.succ_opt()),
        Holiday::Easter(off) => shift_days(easter(y)?, off),
        Holiday::Nth(m, wd, n) => nth(m, Weekday::try_from(wd as u8 - 1).ok()?, n),
        Holiday::AfterThanksgiving(off) => shift_days(nth(11, Weekday::Thu, 4)?, off),
        Holiday::Lunar(h) => super::calendars::lunar_date(h, y),
    }
}

/// Easter Sunday (anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// A duration value: P2W, PT5H, P2.5Y, PXY.
pub(crate) fn duration_value(n: Amount, unit: Unit) -> Value {
    let (time, letter, scale) = match unit {
        Unit::Second => (true, 'S', 1),
        Unit::Minute => (true, 'M', 1),
        Unit::Hour => (true, 'H', 1),
        Unit::Day => (false, 'D', 1),
        Unit::Week => (false, 'W', 1),
        Unit::Fortnight => (false, 'W', 2),
        Unit::Month => (false, 'M', 1),
        Unit::Quarter => (false, 'Q', 1),
        Unit::Year => (false, 'Y', 1),
        Unit::Decade => (false, 'Y', 10),
        Unit::Century => (false, 'Y', 100),
    };
    let t = if time { "T" } else { "" };
    let s = match n {
        Amount::N(k) => format!("P{t}{}{letter}", k * scale),
        Amount::Fuzzy => match unit {
            Unit::Decade => "PXE".to_owned(),
            Unit::Century => "PXC".to_owned(),
            Unit::Quarter => "PXQ".to_owned(),
            _ => format!("P{t}X{letter}"),
        },
        Amount::Half(k) => match unit {
            Unit::Minute => format!("PT{k}M30S"),
            Unit::Hour => format!("PT{k}H30M"),
            Unit::Day => format!("P{k}DT12H"),
            Unit::Year if k == 0 => "P6M".to_owned(),
            _ if scale > 1 => format!("P{}{letter}", k * scale + scale / 2),
            _ => format!("P{t}{k}.5{letter}"),
        },
    };
    Value::canonical(s)
}

fn date(kind: TimexType, d: NaiveDate) -> Option<(TimexType, Value)> {
    Some((kind, Value::day(d)))
}

fn with_time(d: NaiveDate, t: &str) -> Value {
    Value::canonical(format!("{}T{t}", Value::day(d)))
}

impl State {
    fn day(&self, day: Day, tense: Tense) -> Option<NaiveDate> {
        match day {
            Day::Dct(k) => shift_days(self.dct, i64::from(k)),
            Day::Reference => Some(self.reference),
            Day::FromReference(k) => shift_days(self.reference, i64::from(k)),
            Day::Weekday(wd, rel) => resolve_weekday(self.dct, wd, rel, tense),
            Day::Date(Some(y), m, d) => ymd(y, m, d),
            Day::Date(None, m, d) => pick_year(self.dct, tense, |y| ymd(y, m, d)),
            Day::OfMonth(d) => {
                // The month under discussion ("on March 3 ... on the 25th",
                // "In March ... on the 25th") when the day fits the tense
                // against the anchor; else the month before or after.
                let base = if self.coarse_precision == Precision::Month {
                    self.coarse
                } else {
                    self.reference
                };
                let (y, m) = (base.year(), base.month());
                let month_day = |k: i32| {
                    let (y, m) = add_months(y, m, k);
                    ymd(y, m, d)
                };
                match tense {
                    Tense::Past => month_day(0)
                        .filter(|x| *x <= self.dct)
                        .or_else(|| month_day(-1)),
                    Tense::Future => month_day(0)
                        .filter(|x| *x >= self.dct)
                        .or_else(|| month_day(1)),
                    Tense::Present => [-1, 0, 1]
                        .into_iter()
                        .filter_map(month_day)
                        .min_by_key(|x| (*x - base).num_days().abs()),
                }
            }
            Day::Dated(m, d, rel) => {
                let y = self.dct.year();
                let cands = [y - 1, y, y + 1].into_iter().filter_map(|y| ymd(y, m, d));
                match rel {
                    Rel::Last => cands.filter(|x| *x < self.dct).max(),
                    Rel::Next => cands.filter(|x| *x > self.dct).min(),
                    Rel::This | Rel::Tense => ymd(y, m, d),
                }
            }
        }
    }

    fn year(&self, spec: YearSpec) -> Option<i32> {
        match spec {
            YearSpec::Abs(y) => Some(y),
            YearSpec::Dct(k) => Some(self.dct.year() + k),
            YearSpec::Infer => None,
            YearSpec::Short(n) => {
                let y = self.dct.year() / 100 * 100 + n;
                Some(if y > self.dct.year() + 10 { y - 100 } else { y })
            }
        }
    }

    /// A point `n` units before (`dir` = -1) or after `base`.
    fn shifted(&self, base: NaiveDate, n: u32, unit: Unit, dir: i32) -> Option<Value> {
        let k = dir * n as i32;
        Some(match unit {
            Unit::Second | Unit::Minute | Unit::Hour => Value::day(base),
            Unit::Day => Value::day(shift_days(base, i64::from(k))?),
            Unit::Week => week_value(shift_days(base, 7 * i64::from(k))?),
            Unit::Fortnight => week_value(shift_days(base, 14 * i64::from(k))?),
            Unit::Month => {
                let (y, m) = add_months(base.year(), base.month(), k);
                Value::month(y, m)
            }
            Unit::Quarter => {
                let (y, m) = add_months(base.year(), base.month(), 3 * k);
                Value::quarter(y, (m - 1) / 3 + 1)
            }
            Unit::Year => Value::year(base.year() + k),
            Unit::Decade => Value::year(base.year() + 10 * k),
            Unit::Century => Value::year(base.year() + 100 * k),
        })
    }

    /// Resolves one expression. `tense` is computed only when asked for.
    pub(crate) fn resolve(
        &mut self,
        expr: Expr,
        modifier: Option<Mod>,
        tense: &mut dyn FnMut() -> Tense,
    ) -> Option<Resolved> {
        use TimexType::{Date, Duration, Set, Time};
        let dct = self.dct;
        let mut modifier = modifier;
        let (kind, value) = match expr {
            Expr::Date { y: Some(y), m, d } => date(Date, ymd(y, m, d)?)?,
            // Without a year, a month and day is the nearest one when it is
            // within three months of the anchor, whatever the tense; further
            // away the tense decides.
            Expr::Date { y: None, m, d } => {
                let near = pick_year(dct, Tense::Present, |y| ymd(y, m, d))?;
                if (near - dct).num_days().abs() <= 92 {
                    date(Date, near)?
                } else {
                    date(Date, pick_year(dct, tense(), |y| ymd(y, m, d))?)?
                }
            }
            Expr::Month { m, year, rel } => {
                let y = match self.year(year) {
                    Some(y) => y,
                    None => {
                        let t = if rel == Rel::Tense {
                            tense()
                        } else {
                            Tense::Present
                        };
                        month_year(dct, m, rel, t)
                    }
                };
                (Date, Value::month(y, m))
            }
            Expr::Year(spec) => (Date, Value::year(self.year(spec)?)),
            Expr::Decade(d) => (Date, Value::decade(d)),
            Expr::DecadeOffset(k) => (Date, Value::decade(dct.year() / 10 + k)),
            Expr::Century(c) => (Date, Value::century(c)),
            Expr::CenturyOffset(k) => (Date, Value::century(dct.year() / 100 + k)),
            Expr::TurnOfCentury => {
                modifier = modifier.or(Some(Mod::Approx));
                (Date, Value::year((dct.year() + 50).div_euclid(100) * 100))
            }
            Expr::Quarter { q, year } => {
                let q = q?;
                let cur = (dct.month() - 1) / 3 + 1;
                let y = match self.year(year) {
                    Some(y) => y,
                    None if q <= cur || tense() == Tense::Future => dct.year(),
                    None => dct.year() - 1,
                };
                (Date, Value::quarter(y, q))
            }
            Expr::QuarterRel(Some(-4)) if self.quarter.is_some() => {
                let (y, q) = self.quarter?;
                (Date, Value::quarter(y - 1, q))
            }
            Expr::QuarterRel(k) => {
                let k = match k {
                    Some(k) if k > -4 => k,
                    Some(k) => k - 1,
                    None if tense() == Tense::Future => 0,
                    None => -1,
                };
                let (y, m) = add_months(dct.year(), dct.month(), 3 * k);
                (Date, Value::quarter(y, (m - 1) / 3 + 1))
            }
            Expr::Half { h, year } => {
                let cur = if dct.month() <= 6 { 1 } else { 2 };
                let y = match self.year(year) {
                    Some(y) => y,
                    None if h <= cur || tense() == Tense::Future => dct.year(),
                    None => dct.year() - 1,
                };
                (Date, Value::half(y, h))
            }
            Expr::YearEnd => {
                modifier = Some(Mod::End);
                let y = if tense() == Tense::Past {
                    dct.year() - 1
                } else {
                    dct.year()
                };
                (Date, Value::year(y))
            }
            Expr::WeekOf(day) => (Date, week_value(self.day(day, tense())?)),
            Expr::WeekOfMonth { k, m, year } => {
                let y = match self.year(year) {
                    Some(y) => y,
                    None => month_year(dct, m, Rel::Tense, tense()),
                };
                // The week holding the month's 4th, 11th.. or its last day
                // but three: the first and last weeks mostly inside it.
                let d = if k > 0 {
                    ymd(y, m, 4 + 7 * (k as u32 - 1))?
                } else {
                    let (ny, nm) = add_months(y, m, 1);
                    shift_days(ymd(ny, nm, 1)?, -4)?
                };
                (Date, week_value(d))
            }
            Expr::Week(k) => (Date, week_value(shift_days(dct, 7 * i64::from(k))?)),
            Expr::Weekend(k) => {
                let w = shift_days(dct, 7 * i64::from(k))?.iso_week();
                (Date, Value::weekend(w.year(), w.week()))
            }
            Expr::WeekendTense => {
                let wd = weekday_num(dct);
                let d = if tense() == Tense::Past && wd < 6 {
                    shift_days(dct, -7)?
                } else {
                    dct
                };
                let w = d.iso_week();
                (Date, Value::weekend(w.year(), w.week()))
            }
            Expr::MonthOffset(k) => {
                let (y, m) = add_months(dct.year(), dct.month(), k);
                (Date, Value::month(y, m))
            }
            Expr::Day { day, pod } => {
                let t = if matches!(
                    day,
                    Day::Weekday(..) | Day::Date(None, ..) | Day::OfMonth(_)
                ) {
                    tense()
                } else {
                    Tense::Present
                };
                let d = self.day(day, t)?;
                match pod {
                    Some(p) => (Time, with_time(d, p.as_str())),
                    None => (Date, Value::day(d)),
                }
            }
            Expr::Time { h, m, day, utc } => {
                let t = if matches!(
                    day,
                    Day::Weekday(..) | Day::Date(None, ..) | Day::OfMonth(_)
                ) {
                    tense()
                } else {
                    Tense::Present
                };
                let d = self.day(day, t)?;
                let z = if utc { "Z" } else { "" };
                let clock = match m {
                    Some(m) => format!("{h:02}:{m:02}{z}"),
                    None => format!("{h:02}{z}"),
                };
                (Time, with_time(d, &clock))
            }
            Expr::Shift {
                n,
                unit,
                dir,
                from_ref,
            } => {
                let base = match (from_ref, unit) {
                    (false, _) => dct,
                    (true, Unit::Day | Unit::Week | Unit::Fortnight) => self.reference,
                    (true, _) => self.coarse,
                };
                modifier = modifier.map(|m| point_mod(m, dir));
                match n {
                    Amount::N(k) if unit == Unit::Year && self.quarter.is_some() => {
                        let (y, q) = self.quarter?;
                        (Date, Value::quarter(y + dir * k as i32, q))
                    }
                    Amount::N(k) | Amount::Half(k) => (Date, self.shifted(base, k, unit, dir)?),
                    Amount::Fuzzy if dir < 0 => (Date, Value::past_ref()),
                    Amount::Fuzzy => (Date, Value::future_ref()),
                }
            }
            Expr::Comparable {
                unit,
                q: named,
                year,
                back,
            } => {
                let precision = match unit {
                    Some(Unit::Quarter) => Precision::Quarter,
                    Some(Unit::Month) => Precision::Month,
                    Some(Unit::Week) => Precision::Week,
                    Some(Unit::Day) => Precision::Day,
                    _ if self.quarter.is_some() => Precision::Quarter,
                    // "the same period": a month or quarter when the text
                    // named one, else the year.
                    _ if self.coarse_precision == Precision::Month => Precision::Month,
                    _ => Precision::Year,
                };
                let in_year = |y: i32| year.unwrap_or(y - back);
                let on_day = |d: NaiveDate| d.with_year(in_year(d.year()));
                (
                    Date,
                    match precision {
                        Precision::Quarter => {
                            // Without one named, the latest reported quarter.
                            let (y, q) = self.quarter.unwrap_or_else(|| {
                                let (y, m) = add_months(dct.year(), dct.month(), -3);
                                (y, (m - 1) / 3 + 1)
                            });
                            let q = named.unwrap_or(q);
                            Value::quarter(in_year(y), q)
                        }
                        Precision::Month => {
                            Value::month(in_year(self.coarse.year()), self.coarse.month())
                        }
                        Precision::Week => week_value(on_day(self.reference)?),
                        Precision::Day => Value::day(on_day(self.reference)?),
                        _ => Value::year(in_year(self.coarse.year())),
                    },
                )
            }
            Expr::Anaphor { unit, offset } => {
                let base = match unit {
                    Unit::Day | Unit::Week => self.reference,
                    // "the month" after "the first half of the year" is the
                    // reference day's month, not January.
                    Unit::Month if self.coarse_precision < Precision::Month => self.reference,
                    _ => self.coarse,
                };
                match unit {
                    Unit::Day => (Date, Value::day(shift_days(base, i64::from(offset))?)),
                    _ => (Date, self.shifted(base, 1, unit, offset)?),
                }
            }
            Expr::Duration { n, unit } => (Duration, duration_value(n, unit)),
            Expr::BarePlural(unit) => (Duration, duration_value(Amount::Fuzzy, unit)),
            Expr::Refer(k) => (
                Date,
                match k {
                    RefKind::Present => Value::present_ref(),
                    RefKind::Past => Value::past_ref(),
                    RefKind::Future => Value::future_ref(),
                },
            ),
            Expr::Set(n, unit) => (Set, duration_value(Amount::N(n.unwrap_or(1)), unit)),
            Expr::SetWeekday(d) => (Set, Value::canonical(format!("XXXX-WXX-{d}"))),
            Expr::SetMonth(m) => (Set, Value::canonical(format!("XXXX-{m:02}"))),
            Expr::SetSeason(s) => (
                Set,
                Value::canonical(format!("XXXX-{}", ["SP", "SU", "FA", "WI"][s as usize])),
            ),
            Expr::Season { s, year, rel } => {
                let code = ["SP", "SU", "FA", "WI"][s as usize];
                let y = match self.year(year) {
                    Some(y) => y,
                    None => {
                        let t = if rel == Rel::Tense {
                            tense()
                        } else {
                            Tense::Present
                        };
                        season_year(dct, s, rel, t)
                    }
                };
                (Date, Value::canonical(format!("{y:04}-{code}")))
            }
            Expr::Holiday { h, year } => {
                let d = match self.year(year) {
                    Some(y) => holiday_date(h, y)?,
                    // Within two weeks, the nearest whatever the verb ("as
                    // Easter week began", a week before Easter).
                    None => {
                        let near = pick_year(dct, Tense::Present, |y| holiday_date(h, y))?;
                        if (near - dct).num_days().abs() <= 14 {
                            near
                        } else {
                            pick_year(dct, tense(), |y| holiday_date(h, y))?
                        }
                    }
                };
                (Date, Value::day(d))
            }
        };
        // A comparison ("up from a year earlier") points away from the time
        // under discussion without moving it; a story told forward ("three
        // years later") moves it.
        let comparison = matches!(
            expr,
            Expr::Shift { unit, dir, from_ref, .. }
                if !matches!(unit, Unit::Day | Unit::Week | Unit::Fortnight)
                    && (dir < 0 || !from_ref)
        ) || matches!(expr, Expr::Comparable { .. });
        let (precision, start) = if kind == Duration || kind == Set || comparison {
            (None, None)
        } else {
            value.precision_and_start()
        };
        match (precision, start) {
            (Some(Precision::Quarter), Some(start)) => {
                self.quarter = Some((start.year(), (start.month() - 1) / 3 + 1));
            }
            // "the quarter ended Sept. 30" keeps the quarter in view.
            (Some(Precision::Day), Some(d))
                if quarter_ending(d).is_some_and(|q| self.quarter == Some(q)) => {}
            (Some(p), _) if p >= Precision::Month => self.quarter = None,
            _ => {}
        }
        if let (Some(p), Some(start)) = (precision, start)
            && p >= Precision::Year
        {
            self.coarse = start;
            self.coarse_precision = p;
            if p >= Precision::Week {
                self.reference = start;
            }
        }
        Some(Resolved {
            kind,
            value,
            modifier,
        })
    }
}

/// The quarter (year, number) that `d` is the last day of, if any.
fn quarter_ending(d: NaiveDate) -> Option<(i32, u32)> {
    (d.month().is_multiple_of(3) && d.succ_opt().is_some_and(|n| n.month() != d.month()))
        .then(|| (d.year(), d.month() / 3))
}

/// "less than a year ago" is after the point a year ago; "more than" before.
fn point_mod(m: Mod, dir: i32) -> Mod {
    let (less, more) = if dir < 0 {
        (Mod::After, Mod::Before)
    } else {
        (Mod::Before, Mod::After)
    };
    match m {
        Mod::LessThan => less,
        Mod::MoreThan => more,
        Mod::EqualOrLess if dir < 0 => Mod::OnOrAfter,
        Mod::EqualOrLess => Mod::OnOrBefore,
        Mod::EqualOrMore if dir < 0 => Mod::OnOrBefore,
        Mod::EqualOrMore => Mod::OnOrAfter,
        other => other,
    }
}

/// The year of a season written without one (0 = spring .. 3 = winter;
/// a winter belongs to the year of its December).
fn season_year(dct: NaiveDate, s: u32, rel: Rel, tense: Tense) -> i32 {
    let (cy, cs) = match dct.month() {
        3..=5 => (dct.year(), 0),
        6..=8 => (dct.year(), 1),
        9..=11 => (dct.year(), 2),
        12 => (dct.year(), 3),
        _ => (dct.year() - 1, 3),
    };
    let cur = cy * 4 + cs;
    let this = cy * 4 + s as i32;
    let cands = [this - 4, this, this + 4];
    let k = match (rel, tense) {
        (Rel::Last, _) => cands.iter().copied().filter(|&k| k < cur).max(),
        (Rel::Next, _) => cands.iter().copied().filter(|&k| k > cur).min(),
        (Rel::This, _) => Some(this),
        (_, Tense::Past) => cands.iter().copied().filter(|&k| k <= cur).max(),
        (_, Tense::Future) => cands.iter().copied().filter(|&k| k >= cur).min(),
        _ => Some(this),
    };
    k.unwrap_or(this).div_euclid(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekday_table() {
        // anchor Wednesday 2019-09-25
        let table = [
            (3, Rel::Tense, Tense::Past, "2019-09-25"),
            (1, Rel::Tense, Tense::Past, "2019-09-23"),
            (5, Rel::Tense, Tense::Past, "2019-09-20"),
            (5, Rel::Tense, Tense::Future, "2019-09-27"),
            (1, Rel::Next, Tense::Past, "2019-09-30"),
            (3, Rel::Last, Tense::Present, "2019-09-18"),
            (4, Rel::Tense, Tense::Present, "2019-09-26"),
        ];
        for (wd, rel, tense, want) in table {
            assert_eq!(
                resolve_weekday(d("2019-09-25"), wd, rel, tense),
                Some(d(want)),
                "{wd} {rel:?} {tense:?}"
            );
        }
    }

    #[test]
    fn duration_table() {
        let table = [
            (Amount::N(2), Unit::Week, "P2W"),
            (Amount::N(5), Unit::Hour, "PT5H"),
            (Amount::Fuzzy, Unit::Year, "PXY"),
            (Amount::Half(2), Unit::Month, "P2.5M"),
            (Amount::Half(1), Unit::Minute, "PT1M30S"),
            (Amount::N(2), Unit::Decade, "P20Y"),
            (Amount::N(3), Unit::Quarter, "P3Q"),
        ];
        for (n, u, want) in table {
            assert_eq!(duration_value(n, u).as_str(), want);
        }
    }

    #[test]
    fn season_and_holiday_table() {
        assert_eq!(
            season_year(d("1989-10-30"), 0, Rel::Last, Tense::Past),
            1989
        );
        assert_eq!(
            season_year(d("1998-03-22"), 1, Rel::This, Tense::Past),
            1998
        );
        assert_eq!(
            season_year(d("1999-04-10"), 2, Rel::Last, Tense::Past),
            1998
        );
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        assert_eq!(
            holiday_date(Holiday::Thanksgiving, 1999),
            Some(d("1999-11-25"))
        );
        assert_eq!(add_months(2019, 1, -2), (2018, 11));
    }
}
