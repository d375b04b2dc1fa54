//! The question before quitting with unsaved work: save and quit, quit without saving, or stay.

use super::{Handled, close, close_with, stay};
use crate::app::action::Action;
use crate::app::saving::save;
use crate::app::state::{App, Loaded};
use crate::command::Command;

pub(in crate::app) fn handle(app: &mut App, action: Action) -> Handled<()> {
    match action {
        Action::Command(Command::SaveAndQuit) => {
            // Nothing is saved without the login name: the question stays until the name is
            // known, and the key is answered then (`start::NameWait`).
            if app.who().is_none() {
                return stay(());
            }
            app.quit_after_save = true;
            close_with(save(app))
        }
        Action::Command(Command::DiscardAndQuit) => {
            // Thrown away for real: back to what is on disk, so that no journal keeps it either.
            for (file, entry) in app.files.iter_mut().enumerate() {
                let had_work = entry.loaded_state().is_some_and(Loaded::changed_since_read)
                    || !entry.pending.is_empty()
                    || !entry.drafts.is_empty();
                if let Some(loaded) = entry.loaded_mut() {
                    loaded.revert();
                }
                entry.pending.clear();
                entry.drafts.clear();
                if had_work {
                    app.unjournaled.insert(file);
                }
            }
            app.should_quit = true;
            close()
        }
        Action::Command(Command::Back) => close(),
        _ => stay(()),
    }
}
