//! hyoka (評価): goals, progress and self-evaluation of a city office's sections, edited in the terminal.
//! This crate is the application (state and `update`, layout, drawing, the worker, the terminal and
//! the commands) over `hyoka-core` (documents, text) and `hyoka-data` (files, tables, git, settings).

pub mod app;
pub mod cli;
pub mod command;
pub mod i18n;
pub mod layout;
pub mod tui;
pub mod ui;
pub mod worker;

// The layers below, under the names the tests, benches and examples use.
pub use hyoka_core::{model, text, tr};
pub use hyoka_data::{config, doctor, git, identity, interchange, store};
