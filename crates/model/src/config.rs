//! annals.yaml (placeholder until the full config with located diagnostics lands).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::Diagnostic;

/// The parsed annals.yaml.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Config {
    /// Timeline title.
    pub title: Option<String>,
    /// Hide events cited by fewer articles.
    pub min_sources: Option<usize>,
    /// Metadata per article file name.
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleMeta>,
}

/// Metadata of one article.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ArticleMeta {
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication day.
    pub published: Option<NaiveDate>,
}

impl Config {
    /// Parses annals.yaml.
    pub fn parse(file: &str, text: &str) -> Result<Config, Vec<Diagnostic>> {
        serde_yaml::from_str(text).map_err(|e| vec![Diagnostic::file(file, e.to_string())])
    }
}

/// The annals.yaml lines that give `file` its metadata.
pub fn article_snippet(file: &str) -> String {
    format!("articles:\n  {file}:\n    published: YYYY-MM-DD\n")
}
