//! The density strip: one cell per month (or year, or decade for long
//! timelines), taller with more events, linking to that period; under it,
//! the ranges ("from 2005 to 2013") drawn as bars across their span.

use std::collections::BTreeMap;

use annals_model::Event;
use annals_parse::Precision;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{YearView, plural};
use crate::dates::{date_label, month_name, when_span};

/// The density strip.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct OverviewView {
    /// The cells, in time order.
    pub cells: Vec<CellView>,
    /// True when there are at least two cells (one cell tells nothing).
    pub show: bool,
    /// "month", "year" or "decade".
    pub unit: String,
    /// The ranges, each a bar across its span.
    pub bars: Vec<BarView>,
    /// True when `bars` is not empty.
    pub has_bars: bool,
    /// The height of the bars' drawing, in its own units (`viewBox`).
    pub bars_height: usize,
    /// True when the cells are many (more than 40): drawn without gaps.
    pub dense: bool,
}

/// One cell of the density strip.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CellView {
    /// The period, e.g. "September 2019".
    pub label: String,
    /// What a screen reader hears: "September 2019: 3 events".
    pub description: String,
    /// Number of events starting in the period.
    pub count: usize,
    /// 0 (none) to 4 (the busiest period): a CSS class `level-N`.
    pub level: usize,
    /// The anchor to jump to (`#m2019-09`), when the period has events.
    pub href: String,
    /// True when `href` is set.
    pub has_link: bool,
    /// A tick label under the cell ("2019") at the first cell of a year or
    /// decade, else empty.
    pub tick: String,
    /// True when `tick` is set.
    pub has_tick: bool,
    /// The ids of the page's sections whose events the cell counts
    /// (`m2019-09`, or `y1990 y1991`): the script recounts them when a
    /// filter hides events.
    pub sections: String,
}

/// A range drawn across its span, in the drawing's units (0 to 1000 wide).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BarView {
    /// The card's anchor, `#e-<id>`.
    pub href: String,
    /// "2005 to 2013: the title".
    pub label: String,
    /// Left edge.
    pub x: String,
    /// Width.
    pub width: String,
    /// Top edge (its lane).
    pub y: usize,
}

/// The period of one cell of the density strip.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Month,
    Year,
    Decade,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Month => "month",
            Unit::Year => "year",
            Unit::Decade => "decade",
        }
    }

    /// Months for up to three years, years for up to eighty, decades
    /// beyond.
    fn of(first: NaiveDate, last: NaiveDate) -> Unit {
        let months = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
        if months < 36 {
            Unit::Month
        } else if last.year() - first.year() < 80 {
            Unit::Year
        } else {
            Unit::Decade
        }
    }

    /// The bucket of a day, as a sortable number.
    fn bucket(self, d: NaiveDate) -> i32 {
        match self {
            Unit::Month => d.year() * 12 + d.month0() as i32,
            Unit::Year => d.year(),
            Unit::Decade => d.year().div_euclid(10),
        }
    }

    /// The first day of a bucket.
    fn start(self, b: i32) -> Option<NaiveDate> {
        match self {
            Unit::Month => {
                NaiveDate::from_ymd_opt(b.div_euclid(12), b.rem_euclid(12) as u32 + 1, 1)
            }
            Unit::Year => NaiveDate::from_ymd_opt(b, 1, 1),
            Unit::Decade => NaiveDate::from_ymd_opt(b * 10, 1, 1),
        }
    }
}

/// Events per bucket: those at the unit's precision or finer, and (in a
/// strip of months) those coarser than a month, counted for their year.
struct Counts {
    fine: BTreeMap<i32, usize>,
    coarse: BTreeMap<i32, usize>,
}

impl Counts {
    fn new(unit: Unit, dated: &[(NaiveDate, &Event)]) -> Counts {
        let mut counts = Counts {
            fine: BTreeMap::new(),
            coarse: BTreeMap::new(),
        };
        for (d, e) in dated {
            let coarse = unit == Unit::Month && e.when.precision() < Some(Precision::Month);
            let map = if coarse {
                &mut counts.coarse
            } else {
                &mut counts.fine
            };
            *map.entry(unit.bucket(*d)).or_default() += 1;
        }
        counts
    }

    fn max(&self) -> usize {
        self.fine
            .values()
            .chain(self.coarse.values())
            .copied()
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

/// The strip of a timeline's dated events (sorted) and its year sections.
pub(crate) fn overview(dated: &[(NaiveDate, &Event)], years: &[YearView]) -> OverviewView {
    let (Some((first, _)), Some((last, _))) = (dated.first(), dated.last()) else {
        return OverviewView {
            cells: Vec::new(),
            show: false,
            unit: Unit::Month.name().into(),
            bars: Vec::new(),
            has_bars: false,
            bars_height: 0,
            dense: false,
        };
    };
    let unit = Unit::of(*first, *last);
    let counts = Counts::new(unit, dated);
    let anchors: Vec<&str> = years
        .iter()
        .flat_map(|y| std::iter::once(y.id.as_str()).chain(y.months.iter().map(|m| m.id.as_str())))
        .collect();
    let (from, to) = (unit.bucket(*first), unit.bucket(*last));
    let cells: Vec<CellView> = (from..=to)
        .map(|b| cell(unit, b, from, &counts, &anchors))
        .collect();
    let bars = bars(unit, from, to, dated);
    let lanes = bars.iter().map(|b| b.y / LANE + 1).max().unwrap_or(0);
    OverviewView {
        show: cells.len() > 1,
        dense: cells.len() > 40,
        cells,
        unit: unit.name().into(),
        has_bars: !bars.is_empty(),
        bars,
        bars_height: lanes * LANE,
    }
}

/// One cell: its label, tick, link and the sections it counts.
fn cell(unit: Unit, b: i32, from: i32, counts: &Counts, anchors: &[&str]) -> CellView {
    let fine = counts.fine.get(&b).copied().unwrap_or(0);
    let across = counts.coarse.get(&b).copied().unwrap_or(0);
    let count = fine + across;
    let (label, tick, candidates) = match unit {
        Unit::Month => {
            let (y, m) = (b.div_euclid(12), b.rem_euclid(12) as u32 + 1);
            // The first cell names its year unless the next year's label
            // is too close to leave room for both.
            let tick = if m == 1 || (b == from && m <= 10) {
                y.to_string()
            } else {
                String::new()
            };
            let month = format!("m{y:04}-{m:02}");
            // A month without events of its own links to its year.
            let candidates = if fine > 0 {
                vec![month]
            } else {
                vec![format!("y{y:04}")]
            };
            (format!("{} {y}", month_name(m)), tick, candidates)
        }
        Unit::Year => {
            let tick = if b % 10 == 0 || b == from {
                b.to_string()
            } else {
                String::new()
            };
            (b.to_string(), tick, vec![format!("y{b:04}")])
        }
        Unit::Decade => {
            let tick = if b % 10 == 0 || b == from {
                format!("{}s", b * 10)
            } else {
                String::new()
            };
            let candidates = (b * 10..b * 10 + 10)
                .map(|y| format!("y{y:04}"))
                .chain(std::iter::once(format!("d{b}")))
                .collect();
            (format!("the {}s", b * 10), tick, candidates)
        }
    };
    let present: Vec<&String> = candidates
        .iter()
        .filter(|id| anchors.contains(&id.as_str()))
        .collect();
    let href = present
        .first()
        .map(|id| format!("#{id}"))
        .unwrap_or_default();
    let has_link = count > 0 && !href.is_empty();
    let level = (count * 4).div_ceil(counts.max()).min(4);
    CellView {
        description: describe(unit, b, &label, fine, across),
        label,
        count,
        level,
        href: if has_link { href } else { String::new() },
        has_link,
        has_tick: !tick.is_empty(),
        tick,
        sections: if has_link {
            present
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            String::new()
        },
    }
}

/// What a screen reader hears for a cell.
fn describe(unit: Unit, b: i32, label: &str, fine: usize, across: usize) -> String {
    if across == 0 {
        return format!("{label}: {}", plural(fine, "event", "events"));
    }
    let year = match unit {
        Unit::Month => b.div_euclid(12).to_string(),
        _ => label.to_owned(),
    };
    let across = format!(
        "{year}: {} across the year",
        plural(across, "event", "events")
    );
    if fine == 0 {
        across
    } else {
        format!("{label}: {}; {across}", plural(fine, "event", "events"))
    }
}

/// The height of one lane of bars.
const LANE: usize = 6;
/// At most this many lanes: further overlapping ranges are left out of the
/// drawing (their cards still say the range).
const MAX_LANES: usize = 6;

/// The ranges as bars across the strip, each in the first lane free at its
/// start.
fn bars(unit: Unit, from: i32, to: i32, dated: &[(NaiveDate, &Event)]) -> Vec<BarView> {
    let (Some(start), Some(end)) = (unit.start(from), unit.start(to + 1)) else {
        return Vec::new();
    };
    let total = (end - start).num_days().max(1) as f64;
    let at = |d: NaiveDate| ((d - start).num_days() as f64 / total * 1000.0).clamp(0.0, 1000.0);
    let mut lanes: Vec<f64> = Vec::new();
    let mut out = Vec::new();
    for (_, e) in dated.iter().filter(|(_, e)| e.when.end.is_some()) {
        let Some((a, b)) = when_span(&e.when) else {
            continue;
        };
        let (x, x2) = (at(a), at(b.succ_opt().unwrap_or(b)));
        let lane = match lanes.iter().position(|&free| free <= x) {
            Some(i) => i,
            None if lanes.len() < MAX_LANES => {
                lanes.push(0.0);
                lanes.len() - 1
            }
            None => continue,
        };
        lanes[lane] = x2 + 2.0;
        out.push(BarView {
            href: format!("#e-{}", e.id),
            label: format!("{}: {}", date_label(&e.when), e.title),
            x: format!("{x:.1}"),
            width: format!("{:.1}", (x2 - x).max(2.0)),
            y: lane * LANE,
        });
    }
    out
}
