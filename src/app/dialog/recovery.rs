//! The recovery dialog at start-up: unsaved work left by a hyoka that ended without saving —
//! restore it, look at it, throw it away (asked twice), or decide later.

use std::path::PathBuf;
use std::time::SystemTime;

use super::{Handled, close, stay};
use crate::app::absorb::restore_into;
use crate::app::action::{Action, Effect, JournalWork};
use crate::app::journal::FieldDiff;
use crate::app::state::{App, Mode, Tone};
use crate::app::sync;
use crate::command::{Command, Context};
use crate::i18n::app::Msg;

/// Journals found at start-up, offered one at a time.
pub struct Recovery {
    pub entries: Vec<RecoveryEntry>,
    pub index: usize,
    pub view: View,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Question,
    /// Showing the differences, scrolled this far.
    Changes(u16),
    /// `x` was pressed: asked once more.
    ConfirmDiscard,
}

pub struct RecoveryEntry {
    /// The open file the work belongs to.
    pub file: usize,
    pub journal_path: PathBuf,
    /// Where the data file was when the work was done (it may have moved since).
    pub original: PathBuf,
    pub work: JournalWork,
    pub written: Option<SystemTime>,
    /// Each field the journal changed.
    pub differences: Vec<FieldDiff>,
}

impl Recovery {
    pub fn contexts(&self) -> &'static [Context] {
        match self.view {
            View::Question => &[Context::Recovery],
            View::Changes(_) => &[Context::RecoveryDiff],
            View::ConfirmDiscard => &[Context::ConfirmDiscard],
        }
    }
}

/// Offers the journals found at start-up, if any.
pub(in crate::app) fn open(app: &mut App, entries: Vec<RecoveryEntry>) {
    if !entries.is_empty() {
        app.mode = Mode::Recover(Box::new(Recovery { entries, index: 0, view: View::Question }));
    }
}

pub(in crate::app) fn handle(mut recovery: Box<Recovery>, app: &mut App, action: Action) -> Handled<Box<Recovery>> {
    match recovery.view {
        View::Changes(scroll) => {
            recovery.view = match action {
                Action::Command(Command::Up) => View::Changes(scroll.saturating_sub(1)),
                Action::Command(Command::Down) => View::Changes(scroll.saturating_add(1)),
                _ => View::Question,
            };
            return stay(recovery);
        }
        View::ConfirmDiscard => {
            recovery.view = View::Question;
            if let Action::Command(Command::ConfirmDiscard) = action {
                return discard(recovery, app);
            }
            return stay(recovery);
        }
        View::Question => {}
    }
    match action {
        Action::Command(Command::Restore) => restore(recovery, app),
        Action::Command(Command::Discard) => {
            recovery.view = View::ConfirmDiscard;
            stay(recovery)
        }
        Action::Command(Command::ShowDiff) => {
            recovery.view = View::Changes(0);
            stay(recovery)
        }
        Action::Command(Command::Later) => {
            app.say(Tone::Info, Msg::RecoveryLater);
            sync::take_in_all_waiting(app);
            close()
        }
        _ => stay(recovery),
    }
}

/// The journal's work over its own base, then what is on disk now taken in on top, and the
/// questions it kept asked again at the next save.
fn restore(recovery: Box<Recovery>, app: &mut App) -> Handled<Box<Recovery>> {
    // `index` is past the last entry only once all are decided, and then the dialog is gone.
    let Some(entry) = recovery.entries.get(recovery.index) else { return close() };
    let file = entry.file;
    let work = entry.work.clone();
    let journal = entry.journal_path.clone();
    let place = app.cursor_by_name();
    let mut questions = false;
    let mut drafts = 0;
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
        // A comment begun and not sent is taken up again by `R` on its section.
        drafts = work.drafts.len();
        for draft in work.drafts {
            target.drafts.retain(|d| !(d.division == draft.division && d.section == draft.section));
            target.drafts.push(draft);
        }
    }
    app.work_changed(file);
    app.after_documents_changed(place);
    app.say(Tone::Info, Msg::Restored { file: name, questions });
    if drafts > 0 {
        app.say(Tone::Info, Msg::Cycle(crate::i18n::cycle::CycleMsg::DraftsRestored { count: drafts }));
    }
    // The work is ours now: our own journal holds it before the old one goes.
    let effects = vec![Effect::Journal(sync::journal_now(app)), Effect::DiscardJournal(journal)];
    next(recovery, app, effects)
}

fn discard(recovery: Box<Recovery>, app: &mut App) -> Handled<Box<Recovery>> {
    let effects = recovery
        .entries
        .get(recovery.index)
        .map(|e| vec![Effect::DiscardJournal(e.journal_path.clone())])
        .unwrap_or_default();
    app.say(Tone::Info, Msg::Discarded);
    next(recovery, app, effects)
}

fn next(mut recovery: Box<Recovery>, app: &mut App, effects: Vec<Effect>) -> Handled<Box<Recovery>> {
    recovery.index += 1;
    recovery.view = View::Question;
    if recovery.index < recovery.entries.len() {
        return (super::Next::Stay(recovery), effects);
    }
    sync::take_in_all_waiting(app);
    (super::Next::Close, effects)
}
