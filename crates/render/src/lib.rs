//! # annals-render
//!
//! Turns an [`annals_model::Timeline`] into one self-contained HTML page and
//! its exports. No I/O: [`site`] returns the files and the caller writes
//! them.
//!
//! | file | what |
//! |---|---|
//! | `index.html` | the page: inline CSS and JS, a strict Content-Security-Policy, no network request |
//! | `timeline.json` | the timeline in annals' own schema (see [`json`]) |
//! | `timelinejs.json` | the same events for TimelineJS 3 |
//! | `timeline.mw` | Markwhen text |
//! | `timeline.ics` | iCalendar (RFC 5545): day- and time-precision events, ranges to their end |
//! | `timeline.csv` | one row per event (RFC 4180) |
//!
//! The page comes from the templates in the workspace's `templates/`,
//! compiled in by askama. [`SiteOptions::templates`] replaces some or all of
//! them at run time (rendered by minijinja, which reads the same syntax,
//! with the same context).
//!
//! ```
//! use annals_model::Timeline;
//! use annals_render::{site, SiteOptions};
//!
//! let timeline = Timeline {
//!     title: "Nothing yet".into(),
//!     events: vec![],
//!     sources: vec![],
//!     also_cited: vec![],
//! };
//! let files = site(&timeline, &SiteOptions::default()).unwrap();
//! assert_eq!(files[0].name, "index.html");
//! ```
//!
//! ## Errors
//!
//! [`RenderError::Template`] when a template fails to render (only user
//! templates can: the built-in ones are checked at compile time), and
//! [`RenderError::Json`] if serializing an export fails.

#![deny(missing_docs)]

mod dates;
mod exports;
mod html;
mod url;
mod view;

use std::collections::BTreeMap;

use annals_model::Timeline;

pub use dates::date_label;
pub use exports::json;

/// One file of the rendered site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, e.g. `index.html`.
    pub name: String,
    /// The file's bytes.
    pub contents: Vec<u8>,
}

/// Template sources by file name (`index.html`, `card.html`, `style.css`,
/// ...), replacing the built-in ones of the same name. The caller reads
/// them (e.g. from `annals build --templates DIR`); render does no I/O.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Templates {
    files: BTreeMap<String, String>,
}

impl Templates {
    /// No template: everything built in.
    pub fn new() -> Templates {
        Templates::default()
    }

    /// Adds (or replaces) the template `name` with `text`.
    pub fn insert(&mut self, name: impl Into<String>, text: impl Into<String>) {
        self.files.insert(name.into(), text.into());
    }

    /// The text of template `name`, when given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }

    /// The templates given, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(n, t)| (n.as_str(), t.as_str()))
    }
}

impl FromIterator<(String, String)> for Templates {
    /// Templates from `(file name, text)` pairs, e.g. the files of a folder.
    fn from_iter<I: IntoIterator<Item = (String, String)>>(files: I) -> Templates {
        Templates {
            files: files.into_iter().collect(),
        }
    }
}

/// The built-in templates, `(file name, text)`: a starting point for a
/// user's own copy.
pub fn builtin_templates() -> &'static [(&'static str, &'static str)] {
    html::BUILTIN
}

/// Knobs for rendering.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct SiteOptions {
    /// Templates replacing the built-in ones (`--templates DIR`).
    pub templates: Option<Templates>,
}

/// Why rendering failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum RenderError {
    /// A template failed to render: the message names the template and line.
    Template(String),
    /// An export could not be serialized.
    Json(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(m) => write!(f, "template failed to render: {m}"),
            RenderError::Json(m) => write!(f, "export failed to serialize: {m}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders the whole site: `index.html` and the exports, in that order.
/// The same timeline and options always give the same bytes.
pub fn site(timeline: &Timeline, options: &SiteOptions) -> Result<Vec<OutputFile>, RenderError> {
    let page = view::page(timeline);
    let index = html::index(page, options.templates.as_ref())?;
    let file = |name: &str, contents: String| OutputFile {
        name: name.to_owned(),
        contents: contents.into_bytes(),
    };
    Ok(vec![
        file("index.html", index),
        file("timeline.json", exports::json::render(timeline)?),
        file("timelinejs.json", exports::timelinejs(timeline)?),
        file("timeline.mw", exports::markwhen(timeline)),
        file("timeline.ics", exports::icalendar(timeline)),
        file("timeline.csv", exports::csv(timeline)),
    ])
}
