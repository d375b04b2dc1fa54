//! Import and export: tables read as meant, exports read back and printed, the command line.
//!
//! Tables as spreadsheet programs save them are read as meant (nothing dropped or made up), the formats
//! for people are inert and print whole; the helpers here run the binary with settings of its own.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod cli;
mod formats;
mod hostile;
mod reading;
mod robustness;
mod roundtrip;
mod spreadsheets;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hyoka::interchange::import::ImportOptions;
use hyoka::model::Document;
use hyoka::store::parse_document;

pub const DATA: &str = include_str!("../../data/kamigyo/2008.yaml");
pub const SEED: &str = include_str!("../fixtures/seed_kamigyo_2008.tsv");

pub fn sample() -> Document {
    parse_document(DATA).expect("data/kamigyo/2008.yaml parses")
}

pub fn options_for(doc: &Document) -> ImportOptions {
    ImportOptions {
        organization: Some(doc.organization.clone()),
        fiscal_year: Some(doc.fiscal_year),
        ..ImportOptions::default()
    }
}

/// A file of `tests/fixtures/interchange/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interchange").join(name)
}

pub fn fixture_arg(name: &str) -> String {
    fixture(name).to_string_lossy().into_owned()
}

/// The binary, run from the repository with settings and state of its own: nothing of the user's
/// `~/.config/hyoka` or `~/.local/state/hyoka` is read.
pub fn hyoka(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    hermetic(Command::new(env!("CARGO_BIN_EXE_hyoka")), home.path()).args(args).output().expect("hyoka runs")
}

pub fn hermetic(mut command: Command, home: &Path) -> Command {
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HYOKA_LANG")
        .env("HYOKA_CONFIG", home.join("config.yaml"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"));
    command
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
