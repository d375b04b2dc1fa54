//! The summary of every organisation × fiscal year (`S`): its rows come from [`super::counts::summary`];
//! here are its keys.

use crate::app::action::Action;
use crate::app::dialog::{Handled, close, stay};
use crate::app::state::{App, Counts, Mode};
use crate::command::Command;

/// `S`: every organisation × fiscal year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryView {
    pub rows: Vec<SummaryRow>,
    pub scroll: usize,
    pub built: Vec<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryRow {
    pub organization: String,
    pub fiscal_year: i32,
    pub file: usize,
    pub counts: Counts,
}

pub(in crate::app) fn open(app: &mut App) {
    let view = SummaryView { rows: super::counts::summary(&app.files), scroll: 0, built: app.review.seen.clone() };
    app.mode = Mode::Summary(Box::new(view));
}

pub(in crate::app) fn handle(mut view: Box<SummaryView>, app: &mut App, action: Action) -> Handled<Box<SummaryView>> {
    // The rows below the heading (the screen less the status lines, the borders and the heading).
    let page = usize::from(app.layout.height.saturating_sub(5)).max(1);
    let last = view.rows.len().saturating_sub(page);
    match action {
        Action::Command(Command::Close) => return close(),
        Action::Command(Command::Up) => view.scroll = view.scroll.saturating_sub(1),
        Action::Command(Command::Down) => view.scroll = (view.scroll + 1).min(last),
        Action::Command(Command::PageUp) => view.scroll = view.scroll.saturating_sub(page),
        Action::Command(Command::PageDown) => view.scroll = (view.scroll + page).min(last),
        _ => {}
    }
    stay(view)
}
