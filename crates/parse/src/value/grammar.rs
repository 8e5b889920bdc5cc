//! A hand-written recursive-descent reader of TimeML values (see the
//! module docs of `value`). It is not nom on purpose: value types are
//! shared with crates that must stay free of the tagger's grammar
//! dependencies. Each rule returns the typed parts it read or the
//! [`ValueErrorKind`] that says what it expected, at the cursor.

use chrono::Weekday;

use super::parts::{
    Clock, Duration, DurationPart, DurationUnit, PartOfDay, Parts, Point, Reference, Season,
    TimeOfDay, YearPart,
};
use super::{Precision, ValueError, ValueErrorKind as E};

/// A cursor over the value's bytes.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

type Res<T> = Result<T, E>;

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
    fn digit_run(&mut self) -> Option<()> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        (self.i > start).then_some(())
    }

    /// `n` digits in `lo..=hi` (`Some`), or `n` X's (`None`, unknown);
    /// anything else is `err`.
    fn field(&mut self, n: usize, lo: u32, hi: u32, err: E) -> Res<Option<u32>> {
        let unknown = self.s.get(self.i..self.i + n);
        if unknown.is_some_and(|run| run.iter().all(|&b| b == b'X')) {
            self.i += n;
            return Ok(None);
        }
        match self.digits(n) {
            Some(v) if (lo..=hi).contains(&v) => Ok(Some(v)),
            Some(_) => {
                self.i -= n;
                Err(err)
            }
            None => Err(err),
        }
    }

    /// `field` for a part that must be known.
    fn known(&mut self, n: usize, lo: u32, hi: u32, err: E) -> Res<u32> {
        let start = self.i;
        self.field(n, lo, hi, err)?.ok_or_else(|| {
            self.i = start;
            err
        })
    }
}

/// value = reference | duration | point, and nothing after it.
pub(super) fn value(s: &str) -> Result<Parts, ValueError> {
    let mut c = Cursor {
        s: s.as_bytes(),
        i: 0,
    };
    let parsed = parts(&mut c, s).and_then(|p| if c.done() { Ok(p) } else { Err(E::Trailing) });
    parsed.map_err(|kind| ValueError {
        input: s.to_owned(),
        at: c.i,
        kind,
    })
}

fn parts(c: &mut Cursor<'_>, s: &str) -> Res<Parts> {
    let reference = match s {
        "PRESENT_REF" => Some(Reference::Present),
        "PAST_REF" => Some(Reference::Past),
        "FUTURE_REF" => Some(Reference::Future),
        _ => None,
    };
    if let Some(r) = reference {
        c.i = s.len();
        return Ok(Parts::Reference(r));
    }
    match c.peek() {
        None => Err(E::Empty),
        Some(b'P') => duration(c).map(Parts::Duration),
        Some(_) => point(c).map(Parts::Point),
    }
}

/// amount = digits ["." digits] | "X"; `None` is unknown.
fn amount(c: &mut Cursor<'_>) -> Res<Option<f64>> {
    if c.eat("X") {
        return Ok(None);
    }
    let start = c.i;
    c.digit_run().ok_or(E::DurationAmount)?;
    if c.eat(".") {
        c.digit_run().ok_or(E::DurationAmount)?;
    }
    // Digits with at most one inner period: always a float's spelling.
    let text = std::str::from_utf8(&c.s[start..c.i]).map_err(|_| E::DurationAmount)?;
    text.parse().map(Some).map_err(|_| E::DurationAmount)
}

/// One `amount unit` pair; `units` maps a unit letter to its unit.
fn pair(c: &mut Cursor<'_>, units: fn(u8) -> Option<DurationUnit>) -> Res<DurationPart> {
    let amount = amount(c)?;
    let unit = c.peek().and_then(units).ok_or(E::DurationUnit)?;
    c.i += 1;
    Ok(DurationPart { amount, unit })
}

fn date_unit(b: u8) -> Option<DurationUnit> {
    use DurationUnit as U;
    Some(match b {
        b'Y' => U::Year,
        b'M' => U::Month,
        b'W' => U::Week,
        b'D' => U::Day,
        b'Q' => U::Quarter,
        b'E' => U::Decade,
        b'C' => U::Century,
        b'L' => U::Millennium,
        _ => return None,
    })
}

fn time_unit(b: u8) -> Option<DurationUnit> {
    use DurationUnit as U;
    Some(match b {
        b'H' => U::Hour,
        b'M' => U::Minute,
        b'S' => U::Second,
        _ => return None,
    })
}

/// duration = "P" (amount unit)* ["T" (amount tunit)+], at least one pair
fn duration(c: &mut Cursor<'_>) -> Res<Duration> {
    c.eat("P");
    let mut parts = Vec::new();
    while c.peek().is_some_and(|b| b != b'T') {
        parts.push(pair(c, date_unit)?);
    }
    if c.eat("T") {
        if c.done() {
            return Err(E::EmptyDuration);
        }
        while !c.done() {
            parts.push(pair(c, time_unit)?);
        }
    }
    if parts.is_empty() {
        return Err(E::EmptyDuration);
    }
    Ok(Duration { parts })
}

/// year = 4 digits | "XXXX" | 3 digits ["X"] (decade) | 2 digits ["XX"] (century)
fn year(c: &mut Cursor<'_>) -> Res<YearPart> {
    if c.eat("XXXX") {
        return Ok(YearPart::Unknown);
    }
    if let Some(y) = c.digits(4) {
        return Ok(YearPart::Year(y as i32));
    }
    if let Some(d) = c.digits(3) {
        c.eat("X");
        return Ok(YearPart::Decade(d as i32));
    }
    let cent = c.digits(2).ok_or(E::Year)?;
    c.eat("XX");
    Ok(YearPart::Century(cent as i32))
}

/// week = "W" (2 digits | 1 digit | "XX") ["-" (weekday | "X" | "WE")]
fn week(c: &mut Cursor<'_>, p: &mut Point) -> Res<()> {
    p.week = if c.eat("XX") {
        None
    } else {
        let w = c.digits(2).or_else(|| c.digits(1)).ok_or(E::Week)?;
        if !(1..=53).contains(&w) {
            c.i -= if w >= 10 { 2 } else { 1 };
            return Err(E::Week);
        }
        Some(w)
    };
    p.precision = Precision::Week;
    if c.eat("-") {
        if c.eat("WE") {
            p.weekend = true;
        } else {
            p.weekday = c.field(1, 1, 7, E::Weekday)?.map(iso_weekday);
            p.precision = Precision::Day;
        }
    }
    Ok(())
}

fn iso_weekday(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// part = month ["-" day] | week | "Q" n | "H" n | season
fn part(c: &mut Cursor<'_>, p: &mut Point) -> Res<()> {
    let seasons = [
        ("SP", Season::Spring),
        ("SU", Season::Summer),
        ("FA", Season::Fall),
        ("WI", Season::Winter),
    ];
    for (code, season) in seasons {
        if c.eat(code) {
            p.season = Some(season);
            p.precision = Precision::Season;
            return Ok(());
        }
    }
    if c.eat("W") {
        return week(c, p);
    }
    if c.eat("Q") {
        p.quarter = c.field(1, 1, 4, E::Quarter)?;
        p.precision = Precision::Quarter;
        return Ok(());
    }
    if c.eat("H") {
        p.half = c.field(1, 1, 2, E::Half)?;
        p.precision = Precision::Half;
        return Ok(());
    }
    if !c.peek().is_some_and(|b| b.is_ascii_digit() || b == b'X') {
        return Err(E::Part);
    }
    // An unknown month or day is no finer than what is known.
    p.month = c.field(2, 1, 12, E::Month)?;
    if p.month.is_some() {
        p.precision = Precision::Month;
    }
    if c.eat("-") {
        p.day = c.field(2, 1, 31, E::Day)?;
        if p.month.is_some() && p.day.is_some() {
            p.precision = Precision::Day;
        }
    }
    Ok(())
}

/// zone = "Z" | ("+" | "-") hh [[":"] mm]; minutes east of UTC.
fn zone(c: &mut Cursor<'_>) -> Res<Option<i32>> {
    if c.eat("Z") {
        return Ok(Some(0));
    }
    let sign = match c.peek() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Ok(None),
    };
    c.i += 1;
    let hours = c.digits(2).ok_or(E::Zone)? as i32;
    c.eat(":");
    let minutes = if c.done() {
        0
    } else {
        c.digits(2).ok_or(E::Zone)? as i32
    };
    Ok(Some(sign * (hours * 60 + minutes)))
}

/// time = "T" (hh [":" mm [":" ss]] [zone] | "MO" | "MI" | "AF" | "EV" | "NI" | "DT")
fn time(c: &mut Cursor<'_>) -> Res<TimeOfDay> {
    c.eat("T");
    let parts = [
        ("MO", PartOfDay::Morning),
        ("MI", PartOfDay::Midday),
        ("AF", PartOfDay::Afternoon),
        ("EV", PartOfDay::Evening),
        ("NI", PartOfDay::Night),
        ("DT", PartOfDay::Daytime),
    ];
    for (code, part) in parts {
        if c.eat(code) {
            return Ok(TimeOfDay::Part(part));
        }
    }
    let hour = c.known(2, 0, 24, E::Time)?;
    let mut clock = Clock {
        hour,
        minute: None,
        second: None,
        zone: None,
    };
    if c.eat(":") {
        clock.minute = Some(c.known(2, 0, 59, E::Minute)?);
        if c.eat(":") {
            clock.second = Some(c.known(2, 0, 60, E::Second)?);
        }
    }
    clock.zone = zone(c)?;
    Ok(TimeOfDay::Clock(clock))
}

/// point = ["FY"] year ["-" part] [time] | time
fn point(c: &mut Cursor<'_>) -> Res<Point> {
    let mut p = Point::empty();
    if c.peek() == Some(b'T') {
        let t = time(c)?;
        p.precision = match t {
            TimeOfDay::Clock(_) => Precision::Time,
            TimeOfDay::Part(_) => Precision::PartOfDay,
        };
        p.time = Some(t);
        return Ok(p);
    }
    p.fiscal = c.eat("FY");
    p.year = year(c)?;
    if c.eat("-") {
        part(c, &mut p)?;
    }
    // A decade or century stays one whatever part follows it.
    match p.year {
        YearPart::Decade(_) => p.precision = Precision::Decade,
        YearPart::Century(_) => p.precision = Precision::Century,
        _ => {}
    }
    if c.peek() == Some(b'T') {
        p.time = Some(time(c)?);
    }
    p.precision = match p.time {
        Some(TimeOfDay::Clock(_)) => Precision::Time,
        Some(TimeOfDay::Part(_)) => Precision::PartOfDay,
        None => p.precision,
    };
    Ok(p)
}
