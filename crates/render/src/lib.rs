//! # annals-render
//!
//! Turns an [`annals_model::Timeline`] into one self-contained HTML page and
//! JSON exports. No I/O: [`site`] returns the files and the caller writes
//! them.

#![deny(missing_docs)]

use annals_model::Timeline;

/// One file of the rendered site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, e.g. `index.html`.
    pub name: String,
    /// The file's bytes.
    pub contents: Vec<u8>,
}

/// Knobs for rendering.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct SiteOptions {}

/// Why rendering failed.
#[derive(Debug)]
pub enum RenderError {
    /// A template failed to render.
    Template(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(m) => write!(f, "template failed to render: {m}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders the whole site: `timeline.json` (first cut; the page follows).
pub fn site(timeline: &Timeline, options: &SiteOptions) -> Result<Vec<OutputFile>, RenderError> {
    let _ = options;
    let json =
        serde_json::to_vec_pretty(timeline).map_err(|e| RenderError::Template(e.to_string()))?;
    Ok(vec![OutputFile {
        name: "timeline.json".into(),
        contents: json,
    }])
}
