//! A question of the year's cycle: yes (for a new year: with or without the goals), or no.

use crate::app::action::{Action, Effect};
use crate::app::cycle::carry_out;
use crate::app::state::{App, Ask, Mode, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::cycle::CycleMsg;

pub fn handle(ask: Box<Ask>, app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(Command::Yes) => carry_out(*ask, app, false),
        Action::Command(Command::KeepGoals) if matches!(*ask, Ask::NewYear { .. }) => carry_out(*ask, app, true),
        Action::Command(Command::Cancel) => {
            app.say(Tone::Info, Msg::Cycle(CycleMsg::Cancelled));
            Vec::new()
        }
        _ => {
            app.mode = Mode::Ask(ask);
            Vec::new()
        }
    }
}
