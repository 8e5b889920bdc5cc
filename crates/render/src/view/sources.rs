//! Sources for the filter: articles grouped by outlet. An article without
//! an outlet is credited to its URL's host ("example.com"), else to one
//! "unnamed" group, so that a collection of anonymous files gives a handful
//! of controls rather than one per file.

use std::collections::BTreeMap;

use annals_model::{Citation, Timeline};
use serde::Serialize;

/// The filter shows this many groups; the rest wait behind "more".
pub(crate) const SHOWN: usize = 12;

/// The group of articles without outlet or URL.
pub(crate) const UNNAMED: &str = "unnamed";

/// An outlet (or host), for the source filter.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct SourceView {
    /// A token used in `data-s` and the filter (`s1`, `s2`, ...).
    pub key: String,
    /// The outlet's name, the host, or "unnamed".
    pub name: String,
    /// Number of events it reports.
    pub event_count: usize,
}

/// Outlets by document and by name, with their filter keys.
pub(crate) struct Sources {
    /// Outlet name → key.
    by_name: BTreeMap<String, String>,
    /// Document id → outlet name.
    pub by_doc: BTreeMap<String, String>,
    /// Every group, the most frequent first (ties by name).
    pub views: Vec<SourceView>,
}

/// The host of an http(s) URL, without `www.`: `news.example.org`.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The group of an article: its outlet, else its URL's host, else
/// "unnamed".
fn group(source: Option<&str>, url: Option<&str>) -> String {
    source
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .or_else(|| url.and_then(host))
        .unwrap_or_else(|| UNNAMED.to_owned())
}

impl Sources {
    /// Groups the timeline's articles and counts each group's events.
    pub(crate) fn new(timeline: &Timeline) -> Sources {
        let by_doc: BTreeMap<String, String> = timeline
            .sources
            .iter()
            .map(|s| (s.doc.clone(), group(s.source.as_deref(), s.url.as_deref())))
            .collect();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for name in by_doc.values() {
            counts.entry(name.clone()).or_default();
        }
        for e in &timeline.events {
            let mut names: Vec<String> = e.citations.iter().map(|c| credit(c, &by_doc)).collect();
            names.sort();
            names.dedup();
            for n in names {
                *counts.entry(n).or_default() += 1;
            }
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        // Most events first; "unnamed" last among equals; then by name.
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then((a.0 == UNNAMED).cmp(&(b.0 == UNNAMED)))
                .then(a.0.cmp(&b.0))
        });
        let mut by_name = BTreeMap::new();
        let views = ranked
            .into_iter()
            .enumerate()
            .map(|(i, (name, event_count))| {
                let key = format!("s{}", i + 1);
                by_name.insert(name.clone(), key.clone());
                SourceView {
                    key,
                    name,
                    event_count,
                }
            })
            .collect();
        Sources {
            by_name,
            by_doc,
            views,
        }
    }

    /// The group a citation is credited to.
    pub(crate) fn credit(&self, c: &Citation) -> String {
        credit(c, &self.by_doc)
    }

    /// The name a card gives a citation: its group, or for an unnamed
    /// source its article's file name (listed with its headline under
    /// "Articles").
    pub(crate) fn display(&self, c: &Citation) -> String {
        match credit(c, &self.by_doc) {
            name if name == UNNAMED => c.doc.clone(),
            name => name,
        }
    }

    /// The filter key of a group.
    pub(crate) fn key(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }
}

/// The group a citation is credited to: its own outlet, else its article's
/// group, else its URL's host.
fn credit(c: &Citation, by_doc: &BTreeMap<String, String>) -> String {
    match (&c.source, by_doc.get(&c.doc)) {
        (Some(s), _) if !s.trim().is_empty() => s.trim().to_owned(),
        (_, Some(g)) => g.clone(),
        _ => group(None, c.url.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_model::SourceInfo;
    use chrono::NaiveDate;

    #[test]
    fn hosts_of_urls() {
        let table = [
            ("https://www.example.com/a/b", Some("example.com")),
            ("http://news.example.org:8080/x?y", Some("news.example.org")),
            ("https://user@Example.NET#top", Some("example.net")),
            ("ftp://example.com/", None),
            ("https:///nothing", None),
        ];
        for (url, want) in table {
            assert_eq!(host(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn articles_group_by_outlet_then_host_then_unnamed() {
        let doc = |id: &str, source: Option<&str>, url: Option<&str>| SourceInfo {
            doc: id.into(),
            title: None,
            source: source.map(Into::into),
            url: url.map(Into::into),
            published: NaiveDate::from_ymd_opt(2020, 1, 1).expect("a valid date"),
        };
        let timeline = Timeline {
            title: "T".into(),
            events: Vec::new(),
            sources: vec![
                doc("a", Some("Wire"), Some("https://wire.example/1")),
                doc("b", None, Some("https://www.daily.example/2")),
                doc("c", None, Some("https://daily.example/3")),
                doc("d", None, None),
                doc("e", None, None),
            ],
            also_cited: Vec::new(),
        };
        let sources = Sources::new(&timeline);
        let names: Vec<&str> = sources.views.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["Wire", "daily.example", "unnamed"]);
        assert_eq!(sources.by_doc["c"], "daily.example");
    }
}
