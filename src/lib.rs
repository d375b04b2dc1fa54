//! hyoka (評価): goals, progress and self-evaluation of a city office's sections, edited in the terminal.

pub mod i18n;
pub mod model;
pub mod store;
pub mod interchange;
pub mod text;
pub mod app;
pub mod ui;
