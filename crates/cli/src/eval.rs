//! `annals eval`: scores the tagger against gold annotations.

use crate::Failure;

/// The corpora formats `annals eval` reads.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Tag every .tml file of DIR with its own DCT and print TempEval-3 scores.
    Timeml {
        /// Folder of TimeML (.tml) files with gold TIMEX3 annotations.
        dir: std::path::PathBuf,
        /// Also list misses, spurious timexes and wrong spans, types, values.
        #[arg(long)]
        errors: bool,
        /// Score events instead: trigger spans and classes against the
        /// EVENT tags, and anchoring against the event–timex TLINKs.
        #[arg(long, conflicts_with = "errors")]
        events: bool,
    },
}

pub(crate) fn run(cmd: Command) -> Result<(), Failure> {
    match cmd {
        Command::Timeml {
            dir, events: true, ..
        } => {
            let docs = annals_eval::read_dir(&dir).map_err(|e| Failure::Fatal(e.to_string()))?;
            print!("{}", annals_eval::events::evaluate_events(&docs).render());
            Ok(())
        }
        Command::Timeml { dir, errors, .. } => {
            let report = annals_eval::evaluate_dir(&dir, errors)
                .map_err(|e| Failure::Fatal(e.to_string()))?;
            print!("{}", report.render());
            Ok(())
        }
    }
}
