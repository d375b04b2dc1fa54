//! A question of the year's cycle: yes (for a new year: with or without the goals), or no.

use std::path::PathBuf;

use super::{Handled, close, close_with, stay};
use crate::app::action::Action;
use crate::app::cycle::carry_out;
use crate::app::state::{App, SectionRef, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::cycle::CycleMsg;
use hyoka_core::model::{Document, Stage};

/// What a question of the cycle asks about.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// Hand the section to the reviewers.
    Submit(SectionRef),
    Approve(SectionRef),
    /// Move a file to its next stage (every section back to a draft).
    NextStage {
        file: usize,
        to: Stage,
    },
    /// Write next year's file: `with_goals` and `without` are the two documents offered.
    NewYear {
        file: usize,
        path: PathBuf,
        without: Box<Document>,
        with_goals: Box<Document>,
    },
}

pub(in crate::app) fn handle(ask: Box<Ask>, app: &mut App, action: Action) -> Handled<Box<Ask>> {
    match action {
        Action::Command(Command::Yes) => close_with(carry_out(*ask, app, false)),
        Action::Command(Command::KeepGoals) if matches!(*ask, Ask::NewYear { .. }) => {
            close_with(carry_out(*ask, app, true))
        }
        Action::Command(Command::Cancel) => {
            app.say(Tone::Info, Msg::Cycle(CycleMsg::Cancelled));
            close()
        }
        _ => stay(ask),
    }
}
