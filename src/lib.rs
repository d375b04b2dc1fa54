//! hyoka (評価): goals, progress and self-evaluation of a city office's sections, edited in the terminal.

#[allow(clippy::indexing_slicing, reason = "app/ is being restructured (issue 8); its indexing goes with it")]
pub mod app;
pub mod cli;
pub mod config;
pub mod git;
pub mod i18n;
pub mod interchange;
pub mod model;
pub mod store;
pub mod text;
pub mod tui;
#[allow(clippy::indexing_slicing, reason = "ui/ is being restructured (issue 8); its indexing goes with it")]
pub mod ui;
