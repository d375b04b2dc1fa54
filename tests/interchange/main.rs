//! Import and export: tables read as meant, exports read back and printed, the command line.
//!
//! Tables as spreadsheet programs save them are read as meant (nothing dropped or made up), the formats
//! for people are inert and print whole; the binary runs sealed, as `tests/common/cli.rs` runs it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod cli;
mod folder;
mod formats;
mod hostile;
mod layouts;
mod legends;
mod reading;
mod robustness;
mod roundtrip;
mod spreadsheets;

#[path = "../common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

pub use common::cli::{hyoka, text};
pub use common::docs::{SAMPLE as DATA, sample};
use hyoka::interchange::import::ImportOptions;
use hyoka::model::Document;

pub const SEED: &str = include_str!("../fixtures/seed_kamigyo_2008.tsv");

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
