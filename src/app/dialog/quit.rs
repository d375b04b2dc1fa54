//! The question before quitting with unsaved work: save and quit, quit without saving, or stay.

use crate::app::action::{Action, Effect};
use crate::app::saving::save;
use crate::app::state::{App, Mode};
use crate::command::Command;

pub fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(Command::SaveAndQuit) => {
            app.quit_after_save = true;
            save(app)
        }
        Action::Command(Command::DiscardAndQuit) => {
            // Thrown away for real: back to what is on disk, so that no journal keeps it either.
            for entry in &mut app.files {
                if let Some(loaded) = entry.loaded_mut() {
                    loaded.revert();
                }
                entry.pending.clear();
            }
            app.generation += 1;
            app.should_quit = true;
            Vec::new()
        }
        Action::Command(Command::Back) => Vec::new(),
        _ => {
            app.mode = Mode::ConfirmQuit;
            Vec::new()
        }
    }
}
