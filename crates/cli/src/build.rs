//! `annals build` and `annals events`: articles in, timeline out.

use std::path::PathBuf;

use crate::Failure;

/// Arguments of `annals build`.
#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    /// Article files or folders of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output folder (created if missing; existing files are updated, never wiped).
    #[arg(short, long)]
    out: PathBuf,
    /// The annals.yaml to use (default: the one beside the inputs).
    #[arg(long)]
    config: Option<PathBuf>,
}

/// Arguments of `annals events`.
#[derive(Debug, clap::Args)]
pub(crate) struct EventsArgs {
    /// Article files or folders of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The annals.yaml to use (default: the one beside the inputs).
    #[arg(long)]
    config: Option<PathBuf>,
}

pub(crate) fn build(args: BuildArgs) -> Result<(), Failure> {
    let _ = args;
    Err(Failure::Fatal("annals build is not implemented yet".into()))
}

pub(crate) fn events(args: EventsArgs) -> Result<(), Failure> {
    let _ = args;
    Err(Failure::Fatal(
        "annals events is not implemented yet".into(),
    ))
}
