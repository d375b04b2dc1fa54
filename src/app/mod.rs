//! The application state and the rules by which keys change it (the Elm architecture).

mod edit_keys;
mod keymap;
mod save;
mod state;
mod update;

pub use keymap::{Action, HELP, HelpEntry, action_for};
pub use save::{Stamp, save_all};
pub use state::{App, Change, Editor, FileEntry, FileState, Focus, Mode, Node, SectionRef, Slot, Tone};
pub use update::{Effect, update};

use std::path::Path;

use crate::store::{discover, load_file};

/// Loads every data file under `root`; broken files are kept, to be shown with their errors.
pub fn load_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    Ok(discover(root)?
        .into_iter()
        .map(|path| {
            let state = match load_file(&path) {
                Ok((doc, text)) => FileState::Loaded { saved: doc.clone(), doc, disk_text: text },
                Err(error) => FileState::Broken(error),
            };
            FileEntry { path, state }
        })
        .collect())
}
