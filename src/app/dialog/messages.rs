//! The message log (`M`): the last messages in full, newest first; any other key closes it.

use super::{Handled, close, stay};
use crate::app::action::Action;
use crate::command::Command;

/// `scroll` is the log's state: the first row shown.
pub(in crate::app) fn handle(scroll: u16, action: &Action) -> Handled<u16> {
    match action {
        Action::Command(Command::Up) => stay(scroll.saturating_sub(1)),
        Action::Command(Command::Down) => stay(scroll.saturating_add(1)),
        _ => close(),
    }
}
