//! `annals eval`: scores the tagger against gold annotations.

use crate::Failure;

/// The corpora formats `annals eval` reads.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Tag every .tml file of DIR with its own DCT and print TempEval-3 scores.
    Timeml {
        /// Folder of TimeML (.tml) files with gold TIMEX3 annotations.
        dir: std::path::PathBuf,
    },
}

pub(crate) fn run(cmd: Command) -> Result<(), Failure> {
    let _ = cmd;
    Err(Failure::Fatal("annals eval is not implemented yet".into()))
}
