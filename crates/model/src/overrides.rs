//! Overrides from annals.yaml (placeholder).

use crate::{Diagnostic, Timeline, config::Config};

/// Applies the overrides of `config` to `timeline`.
pub fn apply(timeline: &Timeline, config: &Config) -> Result<Timeline, Vec<Diagnostic>> {
    let _ = config;
    Ok(timeline.clone())
}
