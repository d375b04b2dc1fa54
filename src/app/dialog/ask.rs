//! A question of the year's cycle: yes (for a new year: with or without the goals), or no.

use std::path::PathBuf;

use super::{Handled, close, close_with, stay};
use crate::app::action::{Action, Effect, ReviewsKept};
use crate::app::cycle::steps;
use crate::app::state::{App, Mode, SectionRef, Tone};
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
    /// Move a file to its next stage (every section back to a draft). `kept`: where the reviews
    /// it clears are kept, once the worker has looked.
    NextStage {
        file: usize,
        to: Stage,
        kept: Option<ReviewsKept>,
    },
    /// Write next year's file: `with_goals` and `without` are the two documents offered.
    NewYear {
        file: usize,
        path: PathBuf,
        without: Box<Document>,
        with_goals: Box<Document>,
    },
}

/// The worker's answer comes to the question still open on that file.
pub(in crate::app) fn reviews_kept(app: &mut App, file: usize, kept: ReviewsKept) {
    if let Mode::Ask(ask) = &mut app.mode
        && let Ask::NextStage { file: asked, kept: slot, .. } = ask.as_mut()
        && *asked == file
    {
        *slot = Some(kept);
    }
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

/// Yes to a question: the change is made and saved at once (a new year is written).
fn carry_out(ask: Ask, app: &mut App, keep_goals: bool) -> Vec<Effect> {
    match ask {
        Ask::Submit(at) => steps::submit(app, at),
        Ask::Approve(at) => steps::approve(app, at),
        Ask::NextStage { file, to, .. } => steps::next_stage(app, file, to),
        Ask::NewYear { file, path, without, with_goals } => {
            steps::new_year(app, file, path, if keep_goals { *with_goals } else { *without })
        }
    }
}
