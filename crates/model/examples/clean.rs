//! Prints an article as annals reads it: decoded and cleaned.
//!
//! `cargo run -p annals-model --example clean -- FILE`
use annals_model::ingest::{Format, clean, decode, split_front_matter};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: clean FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("error: cannot read {path}: {e}");
        std::process::exit(2);
    });
    let result = decode(&path, &bytes)
        .and_then(|text| split_front_matter(&path, &text).map(|(_, body)| body.to_owned()));
    match result {
        Ok(body) => {
            use std::io::Write;
            let text = clean(&body, Format::from_name(&path).unwrap_or(Format::Text));
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout().lock(), "{text}");
        }
        Err(d) => {
            eprint!("{d}");
            std::process::exit(1);
        }
    }
}
