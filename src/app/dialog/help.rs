//! The key help (`?`): every binding in force, scrollable; any other key closes it.

use crate::app::action::{Action, Effect};
use crate::app::state::{App, Mode};
use crate::command::Command;

pub fn handle(scroll: u16, app: &mut App, action: Action) -> Vec<Effect> {
    // As far as the last row, with the overlay as tall as the terminal allows.
    let rows = u16::try_from(app.keymap.help(app.lang).len()).unwrap_or(u16::MAX);
    let visible = app.layout.height.saturating_sub(4);
    let last = rows.saturating_sub(visible);
    app.mode = match action {
        Action::Command(Command::Up) => Mode::Help { scroll: scroll.saturating_sub(1) },
        Action::Command(Command::Down) => Mode::Help { scroll: scroll.saturating_add(1).min(last) },
        Action::Command(Command::PageUp) => Mode::Help { scroll: scroll.saturating_sub(10) },
        Action::Command(Command::PageDown) => Mode::Help { scroll: scroll.saturating_add(10).min(last) },
        _ => Mode::Browse,
    };
    Vec::new()
}
