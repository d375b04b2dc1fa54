//! The message log (`M`): the last messages in full, newest first; any other key closes it.

use crate::app::action::{Action, Effect};
use crate::app::state::{App, Mode};
use crate::command::Command;

pub fn handle(scroll: u16, app: &mut App, action: Action) -> Vec<Effect> {
    app.mode = match action {
        Action::Command(Command::Up) => Mode::Messages { scroll: scroll.saturating_sub(1) },
        Action::Command(Command::Down) => Mode::Messages { scroll: scroll.saturating_add(1) },
        _ => Mode::Browse,
    };
    Vec::new()
}
