//! The recovery dialog's keys at start-up: unsaved work left by a hyoka that ended without saving —
//! restore it, look at it, throw it away (asked twice), or decide later.

use crate::app::absorb::restore_into;
use crate::app::action::{Action, Effect};
use crate::app::state::{App, Mode, Recovery, RecoveryEntry, Tone, View};
use crate::app::sync;
use crate::command::Command;
use crate::i18n::app::Msg;

/// Offers the journals found at start-up, if any.
pub fn open(app: &mut App, entries: Vec<RecoveryEntry>) {
    if !entries.is_empty() {
        app.mode = Mode::Recover(Box::new(Recovery { entries, index: 0, view: View::Question }));
    }
}

pub fn handle(mut recovery: Box<Recovery>, app: &mut App, action: Action) -> Vec<Effect> {
    match recovery.view {
        View::Changes(scroll) => {
            recovery.view = match action {
                Action::Command(Command::Up) => View::Changes(scroll.saturating_sub(1)),
                Action::Command(Command::Down) => View::Changes(scroll.saturating_add(1)),
                _ => View::Question,
            };
            app.mode = Mode::Recover(recovery);
            return Vec::new();
        }
        View::ConfirmDiscard => {
            recovery.view = View::Question;
            if let Action::Command(Command::ConfirmDiscard) = action {
                return discard(recovery, app);
            }
            app.mode = Mode::Recover(recovery);
            return Vec::new();
        }
        View::Question => {}
    }
    match action {
        Action::Command(Command::Restore) => restore(recovery, app),
        Action::Command(Command::Discard) => {
            recovery.view = View::ConfirmDiscard;
            app.mode = Mode::Recover(recovery);
            Vec::new()
        }
        Action::Command(Command::ShowDiff) => {
            recovery.view = View::Changes(0);
            app.mode = Mode::Recover(recovery);
            Vec::new()
        }
        Action::Command(Command::Later) => {
            app.say(Tone::Info, Msg::RecoveryLater);
            sync::take_in_all_waiting(app);
            Vec::new()
        }
        _ => {
            app.mode = Mode::Recover(recovery);
            Vec::new()
        }
    }
}

/// The journal's work over its own base, then what is on disk now taken in on top, and the
/// questions it kept asked again at the next save.
fn restore(recovery: Box<Recovery>, app: &mut App) -> Vec<Effect> {
    let Some(entry) = recovery.entries.get(recovery.index) else { return Vec::new() };
    let file = entry.file;
    let work = entry.work.clone();
    let journal = entry.journal_path.clone();
    let place = app.cursor_by_name();
    let mut questions = false;
    let mut name = String::new();
    if let Some(target) = app.files.get_mut(file) {
        // Over what is on screen now: a second journal of the same file adds to the first.
        restore_into(target, &work.base, &work.mine);
        for question in work.pending {
            if !target.pending.contains(&question) {
                target.pending.push(question);
            }
        }
        questions = !target.pending.is_empty();
        name = target.path.display().to_string();
    }
    app.generation += 1;
    app.after_documents_changed(place);
    app.say(Tone::Info, Msg::Restored { file: name, questions });
    // The work is ours now: our own journal holds it before the old one goes.
    app.journaled = app.generation;
    let effects = vec![Effect::Journal(sync::journal_entries(app)), Effect::DiscardJournal(journal)];
    next(recovery, app, effects)
}

fn discard(recovery: Box<Recovery>, app: &mut App) -> Vec<Effect> {
    let effects = recovery
        .entries
        .get(recovery.index)
        .map(|e| vec![Effect::DiscardJournal(e.journal_path.clone())])
        .unwrap_or_default();
    app.say(Tone::Info, Msg::Discarded);
    next(recovery, app, effects)
}

fn next(mut recovery: Box<Recovery>, app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    recovery.index += 1;
    recovery.view = View::Question;
    if recovery.index < recovery.entries.len() {
        app.mode = Mode::Recover(recovery);
    } else {
        sync::take_in_all_waiting(app);
    }
    effects
}
