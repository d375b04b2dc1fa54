//! hyoka (評価): goals, progress and self-evaluation of a city office's sections, edited in the terminal.

pub mod app;
pub mod cli;
pub mod command;
pub mod config;
pub mod git;
pub mod i18n;
pub mod interchange;
pub mod layout;
pub mod model;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
pub mod worker;
