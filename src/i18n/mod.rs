//! The language of the screen and of messages: Japanese by default, English on request. Every
//! sentence the screen and the commands say is in a catalogue here, one file per area, with its two
//! wordings side by side; the words of the documents and of the data layer are in the crates below
//! and are named here too, so that every catalogue is found under one path.

pub mod app;
pub mod attention;
pub mod cli;
pub mod cli_args;
pub mod cli_errors;
pub mod cycle;
pub mod history;
pub mod keys;
pub mod publish;
pub mod review;
pub mod screen;
pub mod worker;

pub use hyoka_core::i18n::Lang;
pub use hyoka_data::i18n::{git, interchange, store};
