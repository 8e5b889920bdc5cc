//! The `annals` command line: a thin shell over the library crates.
//!
//! Exit codes: 0 success, 1 input problems reported as diagnostics, 2 usage
//! or I/O failure.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod articles;
mod build;
mod eval;
mod input;
mod mentions;
mod tag;

/// Turn a folder of news articles into a static HTML timeline.
#[derive(Debug, Parser)]
#[command(name = "annals", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the timeline page (index.html, timeline.json) from articles.
    Build(build::BuildArgs),
    /// Print the timeline without rendering it.
    Events(build::EventsArgs),
    /// Print the articles as annals reads them (to debug ingest or feed other tools).
    Articles(articles::Args),
    /// Find the event mentions of articles given as JSON lines, one a line
    /// (the map step; `annals events --mentions` is the reduce).
    Mentions(mentions::Args),
    /// Check the articles and annals.yaml, printing every problem; write nothing.
    Check(build::CheckArgs),
    /// Copy the built-in page templates into a folder, to edit and use with
    /// `annals build --templates`.
    Templates(build::TemplatesArgs),
    /// Tag temporal expressions: JSON lines in, JSON lines (or TimeML) out.
    Tag(tag::Args),
    /// Evaluate the tagger against gold annotations.
    #[command(subcommand)]
    Eval(eval::Command),
}

/// How a command ended, mapped to the documented exit codes.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Problems in the input, already reported as diagnostics (exit 1).
    Input,
    /// Usage or I/O failure, with its message (exit 2).
    Fatal(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build::build(args),
        Command::Events(args) => build::events(args),
        Command::Check(args) => build::check(args),
        Command::Articles(args) => articles::run(args),
        Command::Mentions(args) => mentions::run(args),
        Command::Templates(args) => build::templates(args),
        Command::Tag(args) => tag::run(args),
        Command::Eval(cmd) => eval::run(cmd),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input) => ExitCode::from(1),
        Err(Failure::Fatal(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
