//! The recovery dialog at start-up: unsaved work left by a hyoka that ended without saving —
//! restore it, look at it, throw it away (asked twice), or decide later.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::app::absorb::absorb;
use crate::app::action::{Action, Effect, JournalWork};
use crate::app::journal::FieldDiff;
use crate::app::messages::Tone;
use crate::app::state::{App, Mode};
use crate::app::sync;
use crate::app::update::{after_documents_changed, cursor_by_name};
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
    pub work: JournalWork,
    pub written: Option<SystemTime>,
    /// Each field the journal changed.
    pub differences: Vec<FieldDiff>,
}

impl Recovery {
    pub fn open(app: &mut App, entries: Vec<RecoveryEntry>) {
        if !entries.is_empty() {
            app.mode = Mode::Recover(Box::new(Recovery { entries, index: 0, view: View::Question }));
        }
    }

    pub fn contexts(&self) -> &'static [Context] {
        match self.view {
            View::Question => &[Context::Recovery],
            View::Changes(_) => &[Context::RecoveryDiff],
            View::ConfirmDiscard => &[Context::ConfirmDiscard],
        }
    }

    pub fn handle(mut self: Box<Self>, app: &mut App, action: Action) -> Vec<Effect> {
        match self.view {
            View::Changes(scroll) => {
                self.view = match action {
                    Action::Command(Command::Up) => View::Changes(scroll.saturating_sub(1)),
                    Action::Command(Command::Down) => View::Changes(scroll.saturating_add(1)),
                    _ => View::Question,
                };
                app.mode = Mode::Recover(self);
                return Vec::new();
            }
            View::ConfirmDiscard => {
                self.view = View::Question;
                if let Action::Command(Command::ConfirmDiscard) = action {
                    return self.discard(app);
                }
                app.mode = Mode::Recover(self);
                return Vec::new();
            }
            View::Question => {}
        }
        match action {
            Action::Command(Command::Restore) => self.restore(app),
            Action::Command(Command::Discard) => {
                self.view = View::ConfirmDiscard;
                app.mode = Mode::Recover(self);
                Vec::new()
            }
            Action::Command(Command::ShowDiff) => {
                self.view = View::Changes(0);
                app.mode = Mode::Recover(self);
                Vec::new()
            }
            Action::Command(Command::Later) => {
                app.say(Tone::Info, Msg::RecoveryLater);
                sync::take_in_all_waiting(app);
                Vec::new()
            }
            _ => {
                app.mode = Mode::Recover(self);
                Vec::new()
            }
        }
    }

    /// The journal's work over its own base, then what is on disk now taken in on top, and the
    /// questions it kept asked again at the next save.
    fn restore(self: Box<Self>, app: &mut App) -> Vec<Effect> {
        let Some(entry) = self.entries.get(self.index) else { return Vec::new() };
        let file = entry.file;
        let work = entry.work.clone();
        let journal = entry.journal_path.clone();
        let place = cursor_by_name(app);
        let mut conflicts = 0;
        let mut name = String::new();
        if let Some(target) = app.files.get_mut(file)
            && let Some(loaded) = target.loaded_mut()
        {
            let (theirs, theirs_text) = (loaded.saved().clone(), loaded.disk_text().to_owned());
            loaded.replace(work.mine, work.base, String::new());
            for question in work.pending {
                if !target.pending.contains(&question) {
                    target.pending.push(question);
                }
            }
            conflicts = absorb(target, theirs, theirs_text).conflicts + target.pending.len();
            name = target.path.display().to_string();
        }
        app.generation += 1;
        after_documents_changed(app, place);
        app.say(Tone::Info, Msg::Restored { file: name, questions: conflicts > 0 });
        // The work is ours now: our own journal holds it before the old one goes.
        app.journaled = app.generation;
        let effects = vec![Effect::Journal(sync::journal_entries(app)), Effect::DiscardJournal(journal)];
        self.next(app, effects)
    }

    fn discard(self: Box<Self>, app: &mut App) -> Vec<Effect> {
        let effects = self
            .entries
            .get(self.index)
            .map(|e| vec![Effect::DiscardJournal(e.journal_path.clone())])
            .unwrap_or_default();
        app.say(Tone::Info, Msg::Discarded);
        self.next(app, effects)
    }

    fn next(mut self: Box<Self>, app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
        self.index += 1;
        self.view = View::Question;
        if self.index < self.entries.len() {
            app.mode = Mode::Recover(self);
        } else {
            sync::take_in_all_waiting(app);
        }
        effects
    }
}
