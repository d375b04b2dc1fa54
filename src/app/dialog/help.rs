//! The key help (`?`): every binding in force, scrollable; any other key closes it.

use super::{Handled, close, stay};
use crate::app::action::Action;
use crate::app::state::App;
use crate::command::Command;

/// `scroll` is the help's state: the first row shown.
pub(in crate::app) fn handle(scroll: u16, app: &mut App, action: Action) -> Handled<u16> {
    // As far as the last row, with the overlay as tall as the terminal allows.
    let rows = u16::try_from(app.keymap.help(app.lang).len()).unwrap_or(u16::MAX);
    let visible = app.layout.height.saturating_sub(4);
    let last = rows.saturating_sub(visible);
    match action {
        Action::Command(Command::Up) => stay(scroll.saturating_sub(1)),
        Action::Command(Command::Down) => stay(scroll.saturating_add(1).min(last)),
        Action::Command(Command::PageUp) => stay(scroll.saturating_sub(10)),
        Action::Command(Command::PageDown) => stay(scroll.saturating_add(10).min(last)),
        _ => close(),
    }
}
