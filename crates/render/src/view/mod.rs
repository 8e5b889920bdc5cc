//! The view-model: everything the page templates show, computed here so
//! that the templates hold no logic (STYLE.md). The same structs are
//! serialized for user templates (minijinja), so a field added here is
//! available to both.
//!
//! Templates only test booleans (`has_summary`), loop over lists and print
//! strings: that subset reads the same in askama and in minijinja.
//!
//! The page leads with the key events (the most salient, 10 to 40 of
//! them), then lists every event by year and month; each date is said once:
//! the headings give the year and month, a card only what they do not
//! ("Wed 25", "early October").

mod overview;
mod sources;

use std::collections::BTreeSet;

use annals_model::{Event, Timeline, When};
use annals_parse::{Mod, Precision};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::dates::{card_label, date_label, datetime_attr, first_day, month_name, precision_name};
use crate::url::safe_url;
pub(crate) use overview::OverviewView;
pub(crate) use sources::SourceView;
use sources::{Sources, UNNAMED};

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
    /// The key events, in date order.
    pub key: Vec<KeyView>,
    /// True when `key` is not empty.
    pub has_key: bool,
    /// Under the key events' heading: "The 10 most reported of 27 events."
    pub key_note: String,
    /// The most frequent outlets, for the source filter (at most 12).
    pub sources: Vec<SourceView>,
    /// The other outlets, behind "more".
    pub more_sources: Vec<SourceView>,
    /// True when `more_sources` is not empty.
    pub has_more_sources: bool,
    /// "25 more", the label of the "more" control.
    pub more_label: String,
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
    /// True when some event is reported by one source only (drawn lighter).
    pub has_single: bool,
    /// Number of events.
    pub event_count: usize,
    /// Who made the page, e.g. "annals 0.1.0".
    pub generator: String,
}

/// A key event, at the top of the page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct KeyView {
    /// The link to its card in the chronology, `#e-<id>`.
    pub href: String,
    /// The title.
    pub title: String,
    /// Its date in full ("Wed 25 Sep 2019").
    pub date: DateView,
    /// "4 sources", "1 source".
    pub sources_label: String,
    /// True when several independent sources report it.
    pub many: bool,
}

/// An input article, listed at the bottom of the page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ArticleView {
    /// The document id (file name).
    pub doc: String,
    /// The outlet (or the URL's host), or empty.
    pub source: String,
    /// True when `source` is set.
    pub has_source: bool,
    /// The headline (from metadata, else the text's first line), or the
    /// file name.
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
    /// "12 events".
    pub count_label: String,
    /// Events dated by the year or a part coarser than a month (half,
    /// quarter, season), listed before the months.
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
    /// The card heading's level: 4 under a month's heading, else 3 (a
    /// year's spans, the undated list), so that levels go down by one.
    pub level: u8,
    /// The card's CSS classes: `ev`, its shape, `approx`, `conflict`,
    /// `one` (a single source), `range`.
    pub classes: String,
    /// The date the timeline uses, then the other dates sources give.
    pub dates: Vec<DateView>,
    /// True when sources disagree on the date (`dates` has several).
    pub has_conflict: bool,
    /// The date the card shows first.
    pub date: DateView,
    /// "day", "span" (coarser than a day) or "undated".
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
    /// Number of independent sources (outlets; articles without one count
    /// apart).
    pub source_count: usize,
    /// "4 sources" when several report it, else empty.
    pub sources_label: String,
    /// True when `sources_label` is set.
    pub has_sources_label: bool,
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
    /// The card label, without what the headings above it say: "Wed 25",
    /// "early October"; in full outside the chronology.
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
    /// The outlet (or the URL's host; for an article with neither, its
    /// file name).
    pub source: String,
    /// The filter key of its outlet.
    pub key: String,
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

/// What the headings above a card already say about its date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Within {
    /// Nothing: the key events, the undated list.
    Nothing,
    /// The year heading.
    Year(i32),
    /// The year and month headings.
    Month(i32, u32),
}

/// Builds the page's view-model. `csp`, `style` and `script` are filled
/// in by the caller.
pub(crate) fn page(timeline: &Timeline) -> PageView {
    let sources = Sources::new(timeline);
    let mut dated: Vec<(NaiveDate, &Event)> = Vec::new();
    let mut undated = Vec::new();
    for event in &timeline.events {
        match (first_day(&event.when.value), event.when.precision()) {
            (Some(day), Some(_)) => dated.push((day, event)),
            _ => undated.push(event_view(event, &sources, Within::Nothing)),
        }
    }
    // Chronological, coarser first on the same day; stable, so the model's
    // order breaks ties.
    dated.sort_by_key(|(day, e)| (*day, e.when.precision()));
    let years = years(&dated, &sources);
    let overview = overview::overview(core(&dated), &years);
    let event_count = timeline.events.len();
    let articles = articles(timeline, &sources);
    let all: Vec<&EventView> = years
        .iter()
        .flat_map(|y| {
            y.spans
                .iter()
                .chain(y.months.iter().flat_map(|m| &m.events))
        })
        .chain(undated.iter())
        .collect();
    let (has_spans, has_approx) = (
        all.iter().any(|e| e.shape == "span"),
        all.iter().any(|e| e.date.approx),
    );
    let has_conflicts = all.iter().any(|e| e.has_conflict);
    let has_single = all.iter().any(|e| e.source_count <= 1 && !e.added);
    let key = key_events(timeline, &sources);
    let (shown, more) = split_sources(sources.views.clone());
    PageView {
        title: timeline.title.clone(),
        lede: lede(event_count, articles.len(), core(&dated)),
        csp: String::new(),
        style: String::new(),
        script: String::new(),
        overview,
        key_note: key_note(key.len(), event_count),
        has_key: !key.is_empty(),
        key,
        sources: shown,
        has_more_sources: !more.is_empty(),
        more_label: format!("{} more", more.len()),
        more_sources: more,
        has_articles: !articles.is_empty(),
        articles,
        years,
        has_undated: !undated.is_empty(),
        undated,
        is_empty: event_count == 0,
        has_spans,
        has_approx,
        has_conflicts,
        has_single,
        event_count,
        generator: format!("annals {}", env!("CARGO_PKG_VERSION")),
    }
}

/// The most frequent outlets, and the rest (behind "more").
fn split_sources(mut all: Vec<SourceView>) -> (Vec<SourceView>, Vec<SourceView>) {
    if all.len() <= sources::SHOWN {
        return (all, Vec::new());
    }
    let more = all.split_off(sources::SHOWN);
    (all, more)
}

/// The dated events by year, then month.
fn years(dated: &[(NaiveDate, &Event)], sources: &Sources) -> Vec<YearView> {
    let mut years: Vec<YearView> = Vec::new();
    for (day, event) in dated {
        let precision = event.when.precision().unwrap_or(Precision::Day);
        let (id, label) = year_key(*day, precision);
        if years.last().is_none_or(|y| y.id != id) {
            years.push(YearView {
                id: id.clone(),
                label,
                count_label: String::new(),
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
            let within = match precision {
                Precision::Century | Precision::Decade => Within::Nothing,
                _ => Within::Year(day.year()),
            };
            year.spans.push(event_view(event, sources, within));
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
            let within = Within::Month(day.year(), day.month());
            month.events.push(event_view(event, sources, within));
        }
    }
    for year in &mut years {
        year.count_label = plural(year.event_count, "event", "events");
    }
    years
}

/// The articles, with headline, outlet and date.
fn articles(timeline: &Timeline, sources: &Sources) -> Vec<ArticleView> {
    timeline
        .sources
        .iter()
        .map(|s| {
            let url = s.url.as_deref().and_then(safe_url).unwrap_or_default();
            let source = sources
                .by_doc
                .get(&s.doc)
                .filter(|g| g.as_str() != UNNAMED)
                .cloned()
                .unwrap_or_default();
            ArticleView {
                doc: s.doc.clone(),
                has_source: !source.is_empty(),
                source,
                has_title: s.title.is_some(),
                title: s.title.clone().unwrap_or_else(|| s.doc.clone()),
                has_url: !url.is_empty(),
                url,
                published: s.published.format("%Y-%m-%d").to_string(),
                published_label: date_label(&When::new(
                    annals_parse::Value::day(s.published),
                    None,
                )),
            }
        })
        .collect()
}

/// How many key events a collection gets: about one in eight, at least 10
/// and at most 40, and never more than half of a small collection.
pub(crate) fn key_count(events: usize) -> usize {
    (events / 8).clamp(10, 40).min(events.div_ceil(2))
}

/// The key events ([`Timeline::key_events`]: the most salient, each
/// happening once), shown in date order.
fn key_events(timeline: &Timeline, sources: &Sources) -> Vec<KeyView> {
    let n = key_count(timeline.events.len());
    let mut chosen: Vec<&Event> = timeline
        .key_events(n)
        .into_iter()
        .map(|i| &timeline.events[i])
        .collect();
    chosen.sort_by_key(|e| {
        (
            first_day(&e.when.value).is_none(),
            first_day(&e.when.value),
            e.when.precision(),
        )
    });
    chosen
        .into_iter()
        .map(|e| {
            let count = independent(e, sources);
            KeyView {
                href: format!("#e-{}", e.id),
                title: e.title.clone(),
                date: date_view(&e.when, String::new(), Within::Nothing),
                sources_label: plural(count, "source", "sources"),
                many: count > 1,
            }
        })
        .collect()
}

fn key_note(key: usize, events: usize) -> String {
    if key == events {
        format!(
            "All {}, most reported first in the list below.",
            plural(events, "event", "events")
        )
    } else {
        format!(
            "The {key} most reported of {} events, in date order; every event follows by year.",
            thousands(events)
        )
    }
}

/// The number of independent sources of an event: its outlets, each
/// article without one counted apart.
fn independent(event: &Event, sources: &Sources) -> usize {
    let names: BTreeSet<String> = event
        .citations
        .iter()
        .map(|c| match sources.credit(c) {
            name if name == UNNAMED => format!("{UNNAMED}:{}", c.doc),
            name => name,
        })
        .collect();
    names.len()
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// A count with thousands separators: "4,139".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The dated events (sorted) without the earliest and latest hundredth:
/// the period the collection is about, which a stray "1st century" or
/// "2050" should not stretch. Small collections keep every event.
fn core<'a, 'e>(dated: &'a [(NaiveDate, &'e Event)]) -> &'a [(NaiveDate, &'e Event)] {
    let k = dated.len() / 100;
    &dated[k..dated.len() - k]
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
    // A century names no period worth saying when finer dates exist:
    // "1950 to 2011", not "1950 to 21st century".
    let fine = dated
        .iter()
        .any(|(_, e)| e.when.precision() > Some(Precision::Century));
    let spans = dated
        .iter()
        .filter(|(_, e)| !fine || e.when.precision() > Some(Precision::Century))
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

/// A label without what the headings above it say: "Wed 25 Sep 2019"
/// under "September 2019" is "Wed 25"; "2019" under "2019" is "this
/// year".
fn within_label(label: String, within: Within) -> String {
    let suffixes: Vec<String> = match within {
        Within::Nothing => return label,
        Within::Year(y) => vec![format!(" {y}")],
        Within::Month(y, m) => {
            let name = month_name(m);
            // Days say "Wed 25 Sep 2019"; months and their parts keep
            // their name ("early October").
            vec![
                format!(" {} {y}", &name[..3.min(name.len())]),
                format!(" {y}"),
            ]
        }
    };
    let padded = format!(" {label}");
    for suffix in &suffixes {
        let Some(at) = padded.rfind(suffix.as_str()) else {
            continue;
        };
        let after = &padded[at + suffix.len()..];
        if !(after.is_empty() || after.starts_with(',')) {
            continue;
        }
        let rest = format!("{}{after}", &padded[..at]).trim().to_owned();
        return match (rest.as_str(), within) {
            ("", Within::Year(_)) => "this year".to_owned(),
            ("", _) => "this month".to_owned(),
            (r, Within::Month(_, m)) if r == month_name(m) => "this month".to_owned(),
            _ => rest,
        };
    }
    label
}

fn date_view(when: &When, per: String, within: Within) -> DateView {
    let datetime = datetime_attr(&when.value).unwrap_or_default();
    DateView {
        value: when.value.as_str().to_owned(),
        modifier: when.modifier.map(Mod::as_str).unwrap_or("").to_owned(),
        label: within_label(card_label(when), within),
        long_label: date_label(when),
        has_datetime: !datetime.is_empty(),
        datetime,
        approx: when.modifier == Some(Mod::Approx),
        has_per: !per.is_empty(),
        per,
    }
}

fn citation_views(event: &Event, sources: &Sources) -> Vec<CitationView> {
    event
        .citations
        .iter()
        .map(|c| {
            let url = c.url.as_deref().and_then(safe_url).unwrap_or_default();
            CitationView {
                has_quote: !c.quote.trim().is_empty(),
                quote: c.quote.clone(),
                key: sources
                    .key(&sources.credit(c))
                    .unwrap_or_default()
                    .to_owned(),
                source: sources.display(c),
                doc: c.doc.clone(),
                has_url: !url.is_empty(),
                url,
            }
        })
        .collect()
}

/// The event's date, then the other dates its sources give.
fn date_views(event: &Event, sources: &Sources, within: Within) -> Vec<DateView> {
    let mut dates = vec![date_view(&event.when, String::new(), within)];
    for alt in &event.alternatives {
        if alt.when == event.when {
            continue;
        }
        let per: Vec<String> = alt
            .docs
            .iter()
            .map(|d| sources.by_doc.get(d).cloned().unwrap_or_else(|| d.clone()))
            .collect();
        dates.push(date_view(&alt.when, per.join(", "), Within::Nothing));
    }
    dates
}

/// The CSS classes of a card.
fn classes(shape: &str, event: &Event, dates: &[DateView], single: bool) -> String {
    let mut out = format!("ev {shape}");
    for (on, class) in [
        (dates[0].approx, "approx"),
        (dates.len() > 1, "conflict"),
        (single, "one"),
        (event.when.end.is_some(), "range"),
    ] {
        if on {
            out.push(' ');
            out.push_str(class);
        }
    }
    out
}

fn event_view(event: &Event, sources: &Sources, within: Within) -> EventView {
    let citations = citation_views(event, sources);
    let mut keys: Vec<String> = citations
        .iter()
        .map(|c| c.key.clone())
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    let dates = date_views(event, sources, within);
    let precision = event.when.precision();
    let shape = match precision {
        None => "undated",
        Some(p) if p >= Precision::Day && event.when.end.is_none() => "day",
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
    let source_count = independent(event, sources);
    let sources_label = if source_count > 1 {
        plural(source_count, "source", "sources")
    } else {
        String::new()
    };
    EventView {
        id: event.id.clone(),
        anchor: format!("e-{}", event.id),
        level: if matches!(within, Within::Month(..)) {
            4
        } else {
            3
        },
        classes: classes(shape, event, &dates, source_count <= 1 && !event.added),
        has_conflict: dates.len() > 1,
        date: dates[0].clone(),
        dates,
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
        source_count,
        has_sources_label: !sources_label.is_empty(),
        sources_label,
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
            also_cited: Vec::new(),
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

    #[test]
    fn card_dates_leave_out_what_the_headings_say() {
        let table = [
            ("Wed 25 Sep 2019", Within::Month(2019, 9), "Wed 25"),
            (
                "Wed 25 Sep 2019, 14:30",
                Within::Month(2019, 9),
                "Wed 25, 14:30",
            ),
            (
                "early October 2019",
                Within::Month(2019, 10),
                "early October",
            ),
            ("October 2019", Within::Month(2019, 10), "this month"),
            ("May to July 2019", Within::Month(2019, 5), "May to July"),
            ("2019", Within::Year(2019), "this year"),
            ("Q2 2019", Within::Year(2019), "Q2"),
            ("2005 to 2013", Within::Year(2005), "2005 to 2013"),
            ("Wed 25 Sep 2019", Within::Nothing, "Wed 25 Sep 2019"),
        ];
        for (label, within, want) in table {
            assert_eq!(within_label(label.into(), within), want, "{label}");
        }
    }

    #[test]
    fn counts_have_thousands_separators() {
        let table = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (4139, "4,139"),
            (1234567, "1,234,567"),
        ];
        for (n, want) in table {
            assert_eq!(thousands(n), want);
        }
    }

    #[test]
    fn the_period_leaves_out_stray_dates() {
        let mut events: Vec<Event> = (0..200)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    &format!("2010-{:02}", i % 12 + 1),
                    "t",
                    None,
                )
            })
            .collect();
        events.push(event("old", "00", "stray", None));
        events.push(event("new", "2090", "stray", None));
        let page = page(&timeline(events));
        assert_eq!(
            page.lede,
            "202 events from 1 article, January 2010 to December 2010."
        );
        assert_eq!(page.overview.unit, "month");
    }

    #[test]
    fn key_events_fit_the_collection() {
        let table = [(0, 0), (5, 3), (16, 8), (27, 10), (200, 25), (2000, 40)];
        for (events, want) in table {
            assert_eq!(key_count(events), want, "{events} events");
        }
    }

    #[test]
    fn key_events_are_the_most_salient_in_date_order() {
        let mut events: Vec<Event> = (1..=24)
            .map(|d| event(&format!("e{d}"), &format!("2019-09-{d:02}"), "t", None))
            .collect();
        for (i, e) in events.iter_mut().enumerate() {
            e.salience = if i % 2 == 0 { 500 } else { 100 };
        }
        let page = page(&timeline(events));
        let keys: Vec<&str> = page.key.iter().map(|k| k.href.as_str()).collect();
        assert_eq!(keys.len(), 10);
        assert_eq!(keys[..3], ["#e-e1", "#e-e3", "#e-e5"]);
        assert!(page.key.iter().all(|k| k.sources_label == "1 source"));
    }
}
