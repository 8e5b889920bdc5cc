//! The view-model: everything the page templates show, computed here so
//! that the templates hold no logic (STYLE.md). The same structs are
//! serialized for user templates (minijinja), so a field added here is
//! available to both.
//!
//! Templates only test booleans (`has_summary`), loop over lists and print
//! strings: that subset reads the same in askama and in minijinja.

use std::collections::BTreeMap;

use annals_model::{Event, Timeline, When};
use annals_parse::{Mod, Precision};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::dates::{card_label, date_label, datetime_attr, first_day, precision_name};
use crate::url::safe_url;

/// The context of `index.html` (and so of every partial it includes).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct PageView {
    /// The page title (escaped by the template).
    pub title: String,
    /// One sentence under the title: how many events, from how many
    /// articles, over which period.
    pub lede: String,
    /// The Content-Security-Policy, with the hashes of `style` and `script`.
    pub csp: String,
    /// The stylesheet, inlined verbatim (from `style.css`).
    pub style: String,
    /// The enhancement script, inlined verbatim (from `script.js`).
    pub script: String,
    /// The density strip.
    pub overview: OverviewView,
    /// The outlets, for the source filter and the list of articles.
    pub sources: Vec<SourceView>,
    /// The articles the timeline was built from.
    pub articles: Vec<ArticleView>,
    /// True when there is at least one article.
    pub has_articles: bool,
    /// Dated events, by year (or decade, century).
    pub years: Vec<YearView>,
    /// Events without a calendar position (`PAST_REF`, `XXXX-12-25`, ...).
    pub undated: Vec<EventView>,
    /// True when `undated` is not empty.
    pub has_undated: bool,
    /// True when the timeline has no event at all.
    pub is_empty: bool,
    /// True when some event is coarser than a day (drawn as a span).
    pub has_spans: bool,
    /// True when some event's date is approximate.
    pub has_approx: bool,
    /// True when sources disagree on some event's date.
    pub has_conflicts: bool,
    /// Number of events.
    pub event_count: usize,
    /// Who made the page, e.g. "annals 0.1.0".
    pub generator: String,
}

/// The density strip: one cell per month (or year, or decade for long
/// timelines), darker with more events, linking to that period.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct OverviewView {
    /// The cells, in time order.
    pub cells: Vec<CellView>,
    /// True when there are at least two cells (one cell tells nothing).
    pub show: bool,
    /// "month", "year" or "decade".
    pub unit: String,
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
}

/// An outlet, for the source filter.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct SourceView {
    /// A token used in `data-sources` and the filter (`s1`, `s2`, ...).
    pub key: String,
    /// The outlet's name.
    pub name: String,
    /// Number of events it reports.
    pub event_count: usize,
}

/// An input article, listed at the bottom of the page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ArticleView {
    /// The document id (file name).
    pub doc: String,
    /// The outlet.
    pub source: String,
    /// The headline, or "Untitled article".
    pub title: String,
    /// True when the article has a headline.
    pub has_title: bool,
    /// An http(s) URL, or empty.
    pub url: String,
    /// True when `url` is set.
    pub has_url: bool,
    /// The publication date, `2019-09-25`.
    pub published: String,
    /// The publication date in words.
    pub published_label: String,
}

/// A year (or decade, century) of the timeline.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct YearView {
    /// The anchor id, `y2019` (or `d199`, `c19`).
    pub id: String,
    /// The heading: "2019", "the 1990s".
    pub label: String,
    /// Events that span the year or a part coarser than a month (year,
    /// half, quarter, season), drawn as spans across the year.
    pub spans: Vec<EventView>,
    /// True when `spans` is not empty.
    pub has_spans: bool,
    /// The months, in order; only months with events.
    pub months: Vec<MonthView>,
    /// Number of events in the year.
    pub event_count: usize,
}

/// A month of the timeline.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct MonthView {
    /// The anchor id, `m2019-09`.
    pub id: String,
    /// The heading, "September 2019".
    pub label: String,
    /// `2019-09`, for `<time datetime>`.
    pub datetime: String,
    /// The events, month-precision ones (spans) first.
    pub events: Vec<EventView>,
    /// True when one of the events covers the whole month (a span).
    pub has_span: bool,
}

/// One event card.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct EventView {
    /// The event's stable id.
    pub id: String,
    /// The card's anchor id, `e-<id>`.
    pub anchor: String,
    /// The date the timeline uses, then the other dates sources give.
    pub dates: Vec<DateView>,
    /// True when sources disagree on the date (`dates` has several).
    pub has_conflict: bool,
    /// The date the card shows first.
    pub date: DateView,
    /// "day", "span" (coarser than a day) or "undated": a CSS class.
    pub shape: String,
    /// The precision: "day", "week", "month", "season", "year", ...
    pub precision: String,
    /// The title.
    pub title: String,
    /// The summary, or empty.
    pub summary: String,
    /// True when `summary` is set.
    pub has_summary: bool,
    /// A note from annals.yaml, or empty.
    pub note: String,
    /// True when `note` is set.
    pub has_note: bool,
    /// The supporting quotes.
    pub citations: Vec<CitationView>,
    /// True when `citations` is not empty.
    pub has_citations: bool,
    /// The source keys of the citations, space-separated (`s1 s3`), for
    /// the filter.
    pub source_keys: String,
    /// True when a person added the event in annals.yaml.
    pub added: bool,
}

/// One date of an event.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DateView {
    /// The TimeML value.
    pub value: String,
    /// The TimeML mod, or empty.
    pub modifier: String,
    /// The card label: "Wed 25 Sep 2019", "early October 2019".
    pub label: String,
    /// The long label: "Wednesday 25 September 2019".
    pub long_label: String,
    /// The `datetime` attribute, or empty.
    pub datetime: String,
    /// True when `datetime` is set (the template uses `<time>`).
    pub has_datetime: bool,
    /// True when the date is approximate ("about").
    pub approx: bool,
    /// Who gives this date, e.g. "Bloomberg, AFP" (alternative dates), or
    /// empty for the timeline's own date.
    pub per: String,
    /// True when `per` is set.
    pub has_per: bool,
}

/// A quote supporting an event.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CitationView {
    /// The sentence, verbatim.
    pub quote: String,
    /// The outlet (or the document's title, or its file name).
    pub source: String,
    /// The document id.
    pub doc: String,
    /// An http(s) URL of the article, or empty (other schemes are dropped).
    pub url: String,
    /// True when `url` is set.
    pub has_url: bool,
    /// True when there is a quote (an event added by hand may cite only a
    /// source and a link).
    pub has_quote: bool,
}

/// Builds the page's view-model. `csp`, `style` and `script` are filled
/// in by the caller.
pub(crate) fn page(timeline: &Timeline) -> PageView {
    let sources = source_keys(timeline);
    let mut dated: Vec<(NaiveDate, &Event)> = Vec::new();
    let mut undated = Vec::new();
    for event in &timeline.events {
        match (first_day(&event.when.value), event.when.precision()) {
            (Some(day), Some(_)) => dated.push((day, event)),
            _ => undated.push(event_view(event, &sources)),
        }
    }
    // Chronological, coarser first on the same day; stable, so the model's
    // order breaks ties.
    dated.sort_by_key(|(day, e)| (*day, e.when.precision()));

    let mut years: Vec<YearView> = Vec::new();
    for (day, event) in &dated {
        let precision = event.when.precision().unwrap_or(Precision::Day);
        let view = event_view(event, &sources);
        let (id, label) = year_key(*day, precision);
        if years.last().is_none_or(|y| y.id != id) {
            years.push(YearView {
                id: id.clone(),
                label,
                spans: Vec::new(),
                has_spans: false,
                months: Vec::new(),
                event_count: 0,
            });
        }
        let Some(year) = years.last_mut() else {
            continue;
        };
        year.event_count += 1;
        if precision < Precision::Month {
            year.spans.push(view);
            year.has_spans = true;
            continue;
        }
        let month_id = format!("m{:04}-{:02}", day.year(), day.month());
        if year.months.last().is_none_or(|m| m.id != month_id) {
            let month_when = When::new(annals_parse::Value::month(day.year(), day.month()), None);
            year.months.push(MonthView {
                id: month_id,
                label: date_label(&month_when),
                datetime: format!("{:04}-{:02}", day.year(), day.month()),
                events: Vec::new(),
                has_span: false,
            });
        }
        if let Some(month) = year.months.last_mut() {
            month.has_span |= precision == Precision::Month;
            month.events.push(view);
        }
    }

    let overview = overview(&dated, &years);
    let event_count = timeline.events.len();
    let articles: Vec<ArticleView> = timeline
        .sources
        .iter()
        .map(|s| {
            let url = s.url.as_deref().and_then(safe_url).unwrap_or_default();
            ArticleView {
                doc: s.doc.clone(),
                source: s.source.clone().unwrap_or_else(|| s.doc.clone()),
                has_title: s.title.is_some(),
                title: s.title.clone().unwrap_or_else(|| "Untitled article".into()),
                has_url: !url.is_empty(),
                url,
                published: s.published.format("%Y-%m-%d").to_string(),
                published_label: date_label(&When::new(
                    annals_parse::Value::day(s.published),
                    None,
                )),
            }
        })
        .collect();
    let all_events = || {
        years
            .iter()
            .flat_map(|y| {
                y.spans
                    .iter()
                    .chain(y.months.iter().flat_map(|m| &m.events))
            })
            .chain(undated.iter())
    };
    let has_spans = all_events().any(|e| e.shape == "span");
    let has_approx = all_events().any(|e| e.date.approx);
    let has_conflicts = all_events().any(|e| e.has_conflict);
    PageView {
        title: timeline.title.clone(),
        lede: lede(event_count, articles.len(), &dated),
        csp: String::new(),
        style: String::new(),
        script: String::new(),
        overview,
        sources: sources.views,
        has_articles: !articles.is_empty(),
        articles,
        years,
        has_undated: !undated.is_empty(),
        undated,
        is_empty: event_count == 0,
        has_spans,
        has_approx,
        has_conflicts,
        event_count,
        generator: format!("annals {}", env!("CARGO_PKG_VERSION")),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn lede(events: usize, articles: usize, dated: &[(NaiveDate, &Event)]) -> String {
    let mut out = format!(
        "{} from {}",
        plural(events, "event", "events"),
        plural(articles, "article", "articles")
    );
    // The period covered: from the earliest first day to the latest last
    // day, each named at most to the month ("December 2018 to 2020").
    let period = |e: &Event, day: NaiveDate| {
        if e.when.precision() >= Some(Precision::Month) {
            format!("{} {}", crate::dates::month_name(day.month()), day.year())
        } else {
            date_label(&When::new(e.when.value.clone(), None))
        }
    };
    let spans = dated
        .iter()
        .filter_map(|(_, e)| crate::dates::span(&e.when.value).map(|s| (s, *e)));
    let first = spans.clone().min_by_key(|((a, _), _)| *a);
    // On a tie, the coarsest names the end: "to 2019", not "to Q4 2019".
    let last = spans.max_by_key(|((_, b), e)| (*b, std::cmp::Reverse(e.when.precision())));
    if let (Some(((a, _), ea)), Some(((_, b), eb))) = (first, last) {
        let (a, b) = (period(ea, a), period(eb, b));
        if a == b {
            out.push_str(&format!(", {a}"));
        } else {
            out.push_str(&format!(", {a} to {b}"));
        }
    }
    out.push('.');
    out
}

/// The year group of an event: its year, or its decade or century when the
/// event is that coarse.
fn year_key(day: NaiveDate, precision: Precision) -> (String, String) {
    let y = day.year();
    match precision {
        Precision::Century => (format!("c{}", y / 100), format!("the {}s", y / 100 * 100)),
        Precision::Decade => (format!("d{}", y / 10), format!("the {}s", y / 10 * 10)),
        _ => (format!("y{y:04}"), format!("{y}")),
    }
}

struct Sources {
    /// Outlet name → key.
    by_name: BTreeMap<String, String>,
    /// Document id → outlet name.
    by_doc: BTreeMap<String, String>,
    views: Vec<SourceView>,
}

/// The outlet a citation is credited to.
fn citation_source(c: &annals_model::Citation, by_doc: &BTreeMap<String, String>) -> String {
    c.source
        .clone()
        .or_else(|| by_doc.get(&c.doc).cloned())
        .unwrap_or_else(|| c.doc.clone())
}

fn source_keys(timeline: &Timeline) -> Sources {
    let by_doc: BTreeMap<String, String> = timeline
        .sources
        .iter()
        .map(|s| {
            let name = s.source.clone().unwrap_or_else(|| s.doc.clone());
            (s.doc.clone(), name)
        })
        .collect();
    // Count events per outlet; order outlets by name for a stable filter.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in by_doc.values() {
        counts.entry(s.clone()).or_default();
    }
    for e in &timeline.events {
        let mut names: Vec<String> = e
            .citations
            .iter()
            .map(|c| citation_source(c, &by_doc))
            .collect();
        names.sort();
        names.dedup();
        for n in names {
            *counts.entry(n).or_default() += 1;
        }
    }
    let mut by_name = BTreeMap::new();
    let mut views = Vec::new();
    for (i, (name, count)) in counts.into_iter().enumerate() {
        let key = format!("s{}", i + 1);
        by_name.insert(name.clone(), key.clone());
        views.push(SourceView {
            key,
            name,
            event_count: count,
        });
    }
    Sources {
        by_name,
        by_doc,
        views,
    }
}

fn date_view(when: &When, per: String) -> DateView {
    let datetime = datetime_attr(&when.value).unwrap_or_default();
    DateView {
        value: when.value.as_str().to_owned(),
        modifier: when.modifier.map(Mod::as_str).unwrap_or("").to_owned(),
        label: card_label(when),
        long_label: date_label(when),
        has_datetime: !datetime.is_empty(),
        datetime,
        approx: when.modifier == Some(Mod::Approx),
        has_per: !per.is_empty(),
        per,
    }
}

fn event_view(event: &Event, sources: &Sources) -> EventView {
    let citations: Vec<CitationView> = event
        .citations
        .iter()
        .map(|c| {
            let url = c.url.as_deref().and_then(safe_url).unwrap_or_default();
            CitationView {
                has_quote: !c.quote.trim().is_empty(),
                quote: c.quote.clone(),
                source: citation_source(c, &sources.by_doc),
                doc: c.doc.clone(),
                has_url: !url.is_empty(),
                url,
            }
        })
        .collect();
    let mut keys: Vec<&str> = citations
        .iter()
        .filter_map(|c| sources.by_name.get(&c.source).map(String::as_str))
        .collect();
    keys.sort();
    keys.dedup();

    let date = date_view(&event.when, String::new());
    let mut dates = vec![date.clone()];
    for alt in &event.alternatives {
        if alt.when == event.when {
            continue;
        }
        let per: Vec<String> = alt
            .docs
            .iter()
            .map(|d| sources.by_doc.get(d).cloned().unwrap_or_else(|| d.clone()))
            .collect();
        dates.push(date_view(&alt.when, per.join(", ")));
    }
    let precision = event.when.precision();
    let shape = match precision {
        None => "undated",
        Some(p) if p >= Precision::Day => "day",
        Some(_) => "span",
    };
    // A summary that only repeats the title or a quote adds nothing to
    // the card: the page leaves it out (the exports keep it).
    let summary = event
        .summary
        .clone()
        .filter(|s| !repeats(s, &event.title, &event.citations))
        .unwrap_or_default();
    let note = event.note.clone().unwrap_or_default();
    EventView {
        id: event.id.clone(),
        anchor: format!("e-{}", event.id),
        has_conflict: dates.len() > 1,
        dates,
        date,
        shape: shape.to_owned(),
        precision: precision_name(precision).to_owned(),
        title: event.title.clone(),
        has_summary: !summary.is_empty(),
        summary,
        has_note: !note.is_empty(),
        note,
        has_citations: !citations.is_empty(),
        citations,
        source_keys: keys.join(" "),
        added: event.added,
    }
}

/// Normalized for comparison: lowercase words, no punctuation at the ends.
fn words(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation())
        .to_lowercase()
}

/// True when `summary` says nothing the title or a quote does not.
fn repeats(summary: &str, title: &str, citations: &[annals_model::Citation]) -> bool {
    let s = words(summary);
    s.is_empty()
        || words(title).contains(&s)
        || citations.iter().any(|c| words(&c.quote).contains(&s))
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
}

/// Overview granularity: months for up to three years, years for up to
/// eighty, decades beyond.
fn overview(dated: &[(NaiveDate, &Event)], years: &[YearView]) -> OverviewView {
    let (Some((first, _)), Some((last, _))) = (dated.first(), dated.last()) else {
        return OverviewView {
            cells: Vec::new(),
            show: false,
            unit: Unit::Month.name().into(),
        };
    };
    let months_between =
        (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
    let unit = if months_between < 36 {
        Unit::Month
    } else if last.year() - first.year() < 80 {
        Unit::Year
    } else {
        Unit::Decade
    };
    // The bucket of a day, as a sortable number.
    let bucket = |d: &NaiveDate| -> i32 {
        match unit {
            Unit::Month => d.year() * 12 + d.month0() as i32,
            Unit::Year => d.year(),
            Unit::Decade => d.year().div_euclid(10),
        }
    };
    // Events coarser than a month do not belong to the month they start
    // in: in a strip of months they are counted apart, for their year.
    let coarse = |e: &Event| unit == Unit::Month && e.when.precision() < Some(Precision::Month);
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    let mut coarse_counts: BTreeMap<i32, usize> = BTreeMap::new();
    for (d, e) in dated {
        if coarse(e) {
            *coarse_counts.entry(bucket(d)).or_default() += 1;
        } else {
            *counts.entry(bucket(d)).or_default() += 1;
        }
    }
    // Anchors that exist on the page: month and year sections.
    let anchors: Vec<&str> = years
        .iter()
        .flat_map(|y| std::iter::once(y.id.as_str()).chain(y.months.iter().map(|m| m.id.as_str())))
        .collect();
    let max = counts
        .values()
        .chain(coarse_counts.values())
        .copied()
        .max()
        .unwrap_or(1)
        .max(1);
    let mut cells = Vec::new();
    for b in bucket(first)..=bucket(last) {
        let fine = counts.get(&b).copied().unwrap_or(0);
        let across = coarse_counts.get(&b).copied().unwrap_or(0);
        let count = fine + across;
        let (label, tick, href) = match unit {
            Unit::Month => {
                let (y, m) = (b.div_euclid(12), b.rem_euclid(12) as u32 + 1);
                let label = format!("{} {y}", crate::dates::month_name(m));
                // The first cell names its year unless the next year's
                // label is too close to leave room for both.
                let first_tick = b == bucket(first) && m <= 10;
                let tick = if m == 1 || first_tick {
                    y.to_string()
                } else {
                    String::new()
                };
                let month_id = format!("m{y:04}-{m:02}");
                let href = if fine > 0 {
                    month_id
                } else {
                    // Only events across the year start here.
                    format!("y{y:04}")
                };
                (label, tick, href)
            }
            Unit::Year => {
                let tick = if b % 10 == 0 || b == bucket(first) {
                    b.to_string()
                } else {
                    String::new()
                };
                (b.to_string(), tick, format!("y{b:04}"))
            }
            Unit::Decade => {
                let label = format!("the {}s", b * 10);
                let tick = if b % 10 == 0 || b == bucket(first) {
                    format!("{}s", b * 10)
                } else {
                    String::new()
                };
                let href = (b * 10..b * 10 + 10)
                    .map(|y| format!("y{y:04}"))
                    .chain(std::iter::once(format!("d{b}")))
                    .find(|id| anchors.contains(&id.as_str()))
                    .unwrap_or_default();
                (label, tick, href)
            }
        };
        let has_link = count > 0 && anchors.contains(&href.as_str());
        let level = (count * 4).div_ceil(max).min(4);
        let description = if across == 0 {
            format!("{label}: {}", plural(count, "event", "events"))
        } else {
            let year = match unit {
                Unit::Month => b.div_euclid(12).to_string(),
                _ => label.clone(),
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
        };
        cells.push(CellView {
            description,
            label,
            count,
            level,
            href: if has_link {
                format!("#{href}")
            } else {
                String::new()
            },
            has_link,
            has_tick: !tick.is_empty(),
            tick,
        });
    }
    OverviewView {
        show: cells.len() > 1,
        cells,
        unit: unit.name().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_model::{Citation, SourceInfo};

    fn event(id: &str, value: &str, title: &str, summary: Option<&str>) -> Event {
        Event {
            id: id.into(),
            when: When::new(value.parse().unwrap(), None),
            title: title.into(),
            summary: summary.map(Into::into),
            citations: vec![Citation {
                doc: "a.txt".into(),
                source: Some("Wire".into()),
                url: None,
                quote: "Of the 254,000 tons of grain supplied last year it will go to 600,000."
                    .into(),
                span: 0..1,
            }],
            note: None,
            alternatives: Vec::new(),
            added: false,
            salience: 1,
        }
    }

    fn timeline(events: Vec<Event>) -> Timeline {
        Timeline {
            title: "T".into(),
            events,
            sources: vec![SourceInfo {
                doc: "a.txt".into(),
                title: None,
                source: Some("Wire".into()),
                url: None,
                published: NaiveDate::from_ymd_opt(2019, 9, 25).unwrap(),
            }],
        }
    }

    #[test]
    fn summaries_that_repeat_the_title_or_a_quote_are_left_out() {
        let t = timeline(vec![
            event(
                "a",
                "2019-09-25",
                "Grain",
                Some("of the 254,000 tons of grain supplied last year"),
            ),
            event(
                "b",
                "2019-09-25",
                "Putin meets Maduro",
                Some("Putin meets Maduro."),
            ),
            event(
                "c",
                "2019-09-25",
                "Putin meets Maduro",
                Some("No new aid is offered."),
            ),
        ]);
        let page = page(&t);
        let summaries: Vec<&str> = page.years[0].months[0]
            .events
            .iter()
            .map(|e| e.summary.as_str())
            .collect();
        assert_eq!(summaries, ["", "", "No new aid is offered."]);
    }

    #[test]
    fn events_group_by_year_and_month_with_spans_and_undated_apart() {
        let t = timeline(vec![
            event("d", "2019-09-25", "day", None),
            event("y", "2019", "year", None),
            event("m", "2019-09", "month", None),
            event("q", "2019-Q4", "quarter", None),
            event("x", "PAST_REF", "past", None),
            event("c", "199", "decade", None),
        ]);
        let page = page(&t);
        let ids: Vec<&str> = page.years.iter().map(|y| y.id.as_str()).collect();
        assert_eq!(ids, ["d199", "y2019"]);
        let y2019 = &page.years[1];
        let spans: Vec<&str> = y2019.spans.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(spans, ["y", "q"]);
        assert_eq!(y2019.months.len(), 1);
        assert!(y2019.months[0].has_span);
        let in_month: Vec<&str> = y2019.months[0]
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(in_month, ["m", "d"], "the month's span comes first");
        assert_eq!(page.undated[0].id, "x");
        assert_eq!(page.lede, "6 events from 1 article, the 1990s to 2019.");
    }

    #[test]
    fn the_overview_counts_months_and_years_apart() {
        let t = timeline(vec![
            event("m", "2019-01-10", "a", None),
            event("n", "2019-03-02", "b", None),
            event("o", "2019-03-04", "c", None),
            event("y", "2019", "d", None),
        ]);
        let o = page(&t).overview;
        assert_eq!(o.unit, "month");
        let got: Vec<(&str, usize, &str)> = o
            .cells
            .iter()
            .map(|c| (c.description.as_str(), c.level, c.href.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "January 2019: 1 event; 2019: 1 event across the year",
                    4,
                    "#m2019-01"
                ),
                ("February 2019: 0 events", 0, ""),
                ("March 2019: 2 events", 4, "#m2019-03"),
            ]
        );
    }
}
