//! `annals tag`: JSON lines of documents in, JSON lines of timexes out.

use crate::Failure;

/// Arguments of `annals tag`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// JSON lines file of documents (`{"doc", "dct", "text"}`); stdin when absent.
    file: Option<std::path::PathBuf>,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let _ = args;
    Err(Failure::Fatal("annals tag is not implemented yet".into()))
}
