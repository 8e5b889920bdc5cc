//! Dates written for people: a TimeML value at its own precision, with its
//! modifier, in words ("early October 2019", "Wednesday 25 September 2019",
//! "the 1990s"), plus the machine-readable `datetime` attribute of `<time>`.
//!
//! The value's structure comes from `annals_parse::Value`: its precision,
//! bounds and typed parts (season, part of day, clock time, fiscal year,
//! weekend, duration units); nothing here reads the TimeML spelling.

use annals_model::When;
use annals_parse::{
    Clock, DurationUnit, Mod, PartOfDay, Parts, Point, Precision, Reference, Season, Value,
    YearPart,
};
use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The long label of a date, at its precision and with its modifier.
///
/// | value | mod | label |
/// |---|---|---|
/// | `2018-12` | | December 2018 |
/// | `2019-10` | `START` | early October 2019 |
/// | `2019-09-25` | | Wednesday 25 September 2019 |
/// | `2019` | `APPROX` | about 2019 |
/// | `199` | | the 1990s |
/// | `2019-SU` | | summer 2019 |
/// | `2019-Q2` | | Q2 2019 |
/// | `2019-W39` | | week 39, 2019 |
/// | `PAST_REF` | | in the past |
///
/// A value it cannot describe is written as TimeML spells it.
///
/// A range reads "2005 to 2013", "May to July 2019" (the shared year said
/// once).
pub fn date_label(when: &When) -> String {
    range_label(when, false)
}

/// The label used on the page's cards: as [`date_label`], but a day is
/// abbreviated ("Wed 25 Sep 2019") so that a card's date stays on one line.
pub(crate) fn card_label(when: &When) -> String {
    range_label(when, true)
}

fn range_label(when: &When, short: bool) -> String {
    let start = with_modifier(&value_label(&when.value, short), when.modifier);
    let Some(end) = &when.end else {
        return start;
    };
    let end = value_label(end, short);
    // "May 2019 to July 2019" → "May to July 2019".
    let year = end.rsplit(' ').next().unwrap_or_default();
    let start = match start.strip_suffix(year) {
        Some(head) if year.len() == 4 && head.ends_with(' ') && head.len() > 1 => {
            head.trim_end().to_owned()
        }
        _ => start,
    };
    format!("{start} to {end}")
}

/// The days a date covers, to the last day of its range's end.
pub(crate) fn when_span(when: &When) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = span(&when.value)?;
    let last = match when.end.as_ref().and_then(span) {
        Some((_, end)) if end > last => end,
        _ => last,
    };
    Some((first, last))
}

/// Puts the modifier's words around a label.
fn with_modifier(label: &str, modifier: Option<Mod>) -> String {
    let Some(m) = modifier else {
        return label.to_owned();
    };
    // "the 1990s" becomes "the early 1990s", not "early the 1990s".
    let (article, rest) = match label.strip_prefix("the ") {
        Some(rest) => ("the ", rest),
        None => ("", label),
    };
    match m {
        Mod::Start => format!("{article}early {rest}"),
        Mod::Mid => format!("{article}mid-{rest}"),
        Mod::End => format!("{article}late {rest}"),
        Mod::Approx => format!("about {label}"),
        Mod::LessThan => format!("less than {label}"),
        Mod::MoreThan => format!("more than {label}"),
        Mod::EqualOrLess => format!("at most {label}"),
        Mod::EqualOrMore => format!("at least {label}"),
        Mod::Before => format!("before {label}"),
        Mod::After => format!("after {label}"),
        Mod::OnOrBefore => format!("on or before {label}"),
        Mod::OnOrAfter => format!("on or after {label}"),
    }
}

pub(crate) fn month_name(month: u32) -> &'static str {
    MONTHS
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn day_label(date: NaiveDate, short: bool) -> String {
    let (weekday, month) = (weekday_name(date.weekday()), month_name(date.month()));
    if short {
        format!(
            "{} {} {} {}",
            &weekday[..3],
            date.day(),
            &month[..3],
            date.year()
        )
    } else {
        format!("{weekday} {} {month} {}", date.day(), date.year())
    }
}

/// A clock time as TimeML writes it: `14:00`, `16:08Z`, `09:30+05:30`.
fn clock_text(c: Clock) -> String {
    let mut out = format!("{:02}:{:02}", c.hour, c.minute.unwrap_or(0));
    if let Some(s) = c.second {
        out.push_str(&format!(":{s:02}"));
    }
    match c.zone {
        Some(0) => out.push('Z'),
        Some(z) => {
            let sign = if z < 0 { '-' } else { '+' };
            out.push_str(&format!("{sign}{:02}:{:02}", z.abs() / 60, z.abs() % 60));
        }
        None => {}
    }
    out
}

fn part_of_day(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::Morning => "morning",
        PartOfDay::Midday => "midday",
        PartOfDay::Afternoon => "afternoon",
        PartOfDay::Evening => "evening",
        PartOfDay::Night => "night",
        PartOfDay::Daytime => "daytime",
    }
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn value_label(value: &Value, short: bool) -> String {
    let point = match value.parts() {
        Some(Parts::Reference(Reference::Past)) => return "in the past".into(),
        Some(Parts::Reference(Reference::Present)) => return "now".into(),
        Some(Parts::Reference(Reference::Future)) => return "in the future".into(),
        Some(Parts::Duration(d)) => {
            let parts = d.parts.iter().map(|p| (p.amount, p.unit));
            return duration_label(parts).unwrap_or_else(|| value.to_string());
        }
        Some(Parts::Point(p)) => p,
        _ => return value.to_string(),
    };
    let (precision, Some(first)) = (point.precision(), first_day(value)) else {
        return yearless_label(&point).unwrap_or_else(|| value.to_string());
    };
    let year = first.year();
    match precision {
        Precision::Century => ordinal(year / 100 + 1) + " century",
        Precision::Decade => format!("the {year}s"),
        Precision::Year if point.fiscal => format!("fiscal year {year}"),
        Precision::Year => format!("{year}"),
        Precision::Half if first.month() == 1 => format!("the first half of {year}"),
        Precision::Half => format!("the second half of {year}"),
        Precision::Quarter => format!("Q{} {year}", (first.month() - 1) / 3 + 1),
        Precision::Season => {
            let season = match point.season {
                Some(Season::Spring) => "spring",
                Some(Season::Summer) => "summer",
                Some(Season::Fall) => "autumn",
                Some(Season::Winter) => "winter",
                None => "a season of",
            };
            format!("{season} {year}")
        }
        Precision::Month => format!("{} {year}", month_name(first.month())),
        // On a card, the week's first day says more than its number.
        Precision::Week if short => {
            let what = if point.weekend { "weekend" } else { "week" };
            let month = month_name(first.month());
            format!("{what} of {} {} {}", first.day(), &month[..3], first.year())
        }
        Precision::Week => {
            let week = first.iso_week();
            if point.weekend {
                format!("the weekend of week {}, {}", week.week(), week.year())
            } else {
                format!("week {}, {}", week.week(), week.year())
            }
        }
        Precision::Day => day_label(first, short),
        Precision::PartOfDay => {
            let part = point.part_of_day().map(part_of_day).unwrap_or("");
            format!("{}, {part}", day_label(first, short))
        }
        Precision::Time => {
            let clock = point.clock().map(clock_text).unwrap_or_default();
            format!("{}, {clock}", day_label(first, short))
        }
    }
}

/// The first day a value covers; for a weekday of a week (`2019-W39-3`),
/// that day rather than the week's Monday.
pub(crate) fn first_day(value: &Value) -> Option<NaiveDate> {
    let (first, _) = value.bounds()?;
    let point = value.point()?;
    if let (Some(week), Some(day)) = (point.week, point.weekday) {
        return NaiveDate::from_isoywd_opt(first.iso_week().year(), week, day);
    }
    Some(first)
}

/// The days a value covers, first and last inclusive: one day for day,
/// part-of-day and time values (also `2019-W39-3`), the whole period
/// otherwise. `None` when the value has no calendar position.
pub(crate) fn span(value: &Value) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = value.bounds()?;
    match value.precision()? {
        Precision::Day | Precision::PartOfDay | Precision::Time => {
            let day = first_day(value)?;
            Some((day, day))
        }
        _ => Some((first, last)),
    }
}

/// The precision's name as the exports and CSS classes spell it.
pub(crate) fn precision_name(p: Option<Precision>) -> &'static str {
    match p {
        Some(Precision::Century) => "century",
        Some(Precision::Decade) => "decade",
        Some(Precision::Year) => "year",
        Some(Precision::Half) => "half",
        Some(Precision::Quarter) => "quarter",
        Some(Precision::Season) => "season",
        Some(Precision::Month) => "month",
        Some(Precision::Week) => "week",
        Some(Precision::Day) => "day",
        Some(Precision::PartOfDay) => "part-of-day",
        Some(Precision::Time) => "time",
        None => "none",
    }
}

/// Values whose year is unknown: `XXXX-12-25`, `XXXX-WXX-1`, `XXXX`;
/// `None` for a point with a year.
fn yearless_label(p: &Point) -> Option<String> {
    if p.year != YearPart::Unknown {
        return None;
    }
    Some(match (p.month, p.day, p.weekday) {
        (Some(m), Some(d), _) => format!("{d} {}", month_name(m)),
        (Some(m), None, _) => month_name(m).to_owned(),
        (None, _, Some(day)) => format!("a {}", weekday_name(day)),
        _ if p.precision() == Precision::Day => "an unknown day".into(),
        _ => "an unknown date".into(),
    })
}

/// `P2W` → "2 weeks", `PXY` → "some years", `PT5H30M` → "5 hours 30 minutes".
fn duration_label(parts: impl Iterator<Item = (Option<f64>, DurationUnit)>) -> Option<String> {
    let out: Vec<String> = parts
        .map(|(amount, unit)| {
            let (one, many) = match unit {
                DurationUnit::Year => ("year", "years"),
                DurationUnit::Month => ("month", "months"),
                DurationUnit::Week => ("week", "weeks"),
                DurationUnit::Day => ("day", "days"),
                DurationUnit::Quarter => ("quarter", "quarters"),
                DurationUnit::Decade => ("decade", "decades"),
                DurationUnit::Century => ("century", "centuries"),
                DurationUnit::Millennium => ("millennium", "millennia"),
                DurationUnit::Hour => ("hour", "hours"),
                DurationUnit::Minute => ("minute", "minutes"),
                DurationUnit::Second => ("second", "seconds"),
            };
            match amount {
                None => format!("some {many}"),
                Some(1.0) => format!("1 {one}"),
                Some(n) => format!("{n} {many}"),
            }
        })
        .collect();
    (!out.is_empty()).then(|| out.join(" "))
}

/// The `datetime` attribute of `<time>` for a value, when HTML has a form
/// for its precision: a year (`2019`), month (`2018-12`), week
/// (`2019-W39`), date or local date-time. Quarters, halves and seasons fall
/// back to their year (coarser, never wrong); decades, centuries, yearless
/// values, durations and references have none.
pub(crate) fn datetime_attr(value: &Value) -> Option<String> {
    let first = first_day(value)?;
    let year = first.year();
    if !(0..=9999).contains(&year) {
        return None;
    }
    Some(match value.precision()? {
        Precision::Century | Precision::Decade => return None,
        Precision::Year | Precision::Half | Precision::Quarter | Precision::Season => {
            format!("{year:04}")
        }
        Precision::Month => format!("{year:04}-{:02}", first.month()),
        Precision::Week => {
            let w = first.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Precision::Day | Precision::PartOfDay => first.format("%Y-%m-%d").to_string(),
        Precision::Time => {
            // HTML wants hh:mm; TimeML allows a bare hour (`T14`).
            let clock = clock_text(value.point()?.clock()?);
            format!("{}T{clock}", first.format("%Y-%m-%d"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(value: &str, modifier: Option<&str>) -> When {
        When::new(value.parse().unwrap(), modifier.map(|m| m.parse().unwrap()))
    }

    #[test]
    fn ranges_name_both_ends_and_a_shared_year_once() {
        let range = |a: &str, b: &str| When {
            end: Some(b.parse().unwrap()),
            ..when(a, None)
        };
        let table = [
            (range("2005", "2013"), "2005 to 2013", "2005 to 2013"),
            (
                range("2019-05", "2019-07"),
                "May to July 2019",
                "May to July 2019",
            ),
            (
                range("2018-11", "2019-02"),
                "November 2018 to February 2019",
                "November 2018 to February 2019",
            ),
            (
                range("2019-09-25", "2019-09-27"),
                "Wednesday 25 September to Friday 27 September 2019",
                "Wed 25 Sep to Fri 27 Sep 2019",
            ),
        ];
        for (w, long, short) in table {
            assert_eq!(date_label(&w), long);
            assert_eq!(card_label(&w), short);
        }
        let w = range("2019-05", "2019-07");
        let (first, last) = when_span(&w).unwrap();
        assert_eq!(
            (first.to_string(), last.to_string()),
            ("2019-05-01".into(), "2019-07-31".into())
        );
    }

    #[test]
    fn date_label_table() {
        let table = [
            ("2018-12", None, "December 2018"),
            ("2019-10", Some("START"), "early October 2019"),
            ("2019-10", Some("MID"), "mid-October 2019"),
            ("2019-10", Some("END"), "late October 2019"),
            ("2019-09-25", None, "Wednesday 25 September 2019"),
            ("2019", Some("APPROX"), "about 2019"),
            ("2019", None, "2019"),
            ("FY1990", None, "fiscal year 1990"),
            ("199", None, "the 1990s"),
            ("198X", Some("START"), "the early 1980s"),
            ("19", None, "20th century"),
            ("20", None, "21st century"),
            ("2019-SU", None, "summer 2019"),
            ("2019-WI", None, "winter 2019"),
            ("2019-Q2", None, "Q2 2019"),
            ("2019-H1", None, "the first half of 2019"),
            ("2019-H2", None, "the second half of 2019"),
            ("2019-W39", None, "week 39, 2019"),
            ("1990-W32-WE", None, "the weekend of week 32, 1990"),
            ("2019-W39-3", None, "Wednesday 25 September 2019"),
            (
                "2019-09-25TMO",
                None,
                "Wednesday 25 September 2019, morning",
            ),
            (
                "2019-09-25T14:00",
                None,
                "Wednesday 25 September 2019, 14:00",
            ),
            ("2015", Some("BEFORE"), "before 2015"),
            (
                "2019-09-25",
                Some("ON_OR_AFTER"),
                "on or after Wednesday 25 September 2019",
            ),
            ("XXXX-12-25", None, "25 December"),
            ("XXXX-12", None, "December"),
            ("XXXX-WXX-1", None, "a Monday"),
            ("XXXX", None, "an unknown date"),
            ("PAST_REF", None, "in the past"),
            ("PRESENT_REF", None, "now"),
            ("FUTURE_REF", None, "in the future"),
            ("P2W", None, "2 weeks"),
            ("P1Y", Some("MORE_THAN"), "more than 1 year"),
            ("PXY", None, "some years"),
            ("PT5H30M", None, "5 hours 30 minutes"),
            ("P2C", None, "2 centuries"),
        ];
        for (value, modifier, want) in table {
            assert_eq!(
                date_label(&when(value, modifier)),
                want,
                "{value} {modifier:?}"
            );
        }
    }

    #[test]
    fn card_label_abbreviates_days_only() {
        let table = [
            ("2019-09-25", None, "Wed 25 Sep 2019"),
            ("2019-09-25TEV", None, "Wed 25 Sep 2019, evening"),
            ("2018-12", None, "December 2018"),
            ("2019-10", Some("START"), "early October 2019"),
            ("2019-W38", None, "week of 16 Sep 2019"),
            ("1990-W32-WE", None, "weekend of 11 Aug 1990"),
        ];
        for (value, modifier, want) in table {
            assert_eq!(card_label(&when(value, modifier)), want, "{value}");
        }
    }

    #[test]
    fn datetime_attr_table() {
        let table = [
            ("2019-09-25", Some("2019-09-25")),
            ("2018-12", Some("2018-12")),
            ("2019", Some("2019")),
            ("2019-Q2", Some("2019")),
            ("2019-SU", Some("2019")),
            ("2019-W39", Some("2019-W39")),
            ("2019-09-25TMO", Some("2019-09-25")),
            ("2019-09-25T14:00", Some("2019-09-25T14:00")),
            ("2019-09-25T14", Some("2019-09-25T14:00")),
            ("199", None),
            ("XXXX-12-25", None),
            ("P2W", None),
            ("PAST_REF", None),
        ];
        for (value, want) in table {
            let v: Value = value.parse().unwrap();
            assert_eq!(datetime_attr(&v).as_deref(), want, "{value}");
        }
    }
}
