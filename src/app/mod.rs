//! The application state and the rules by which keys change it (the Elm architecture).

mod absorb;
mod edit_keys;
mod export;
mod journal;
mod keymap;
mod recover;
mod resolve;
mod save;
mod state;
mod sync;
mod update;

pub use absorb::{Absorbed, absorb};
pub use export::carry_out_export;
pub use journal::{Journal, journal_dir};
pub use keymap::{Action, HELP, HelpEntry, action_for};
pub use save::{Stamp, save_all};
pub use state::{
    App, Change, Choice, Editor, ExportDialog, FileEntry, FileState, Focus, Mode, Node, Recovery, RecoveryEntry,
    Resolution, SectionRef, Slot, Tone,
};
pub use sync::check_disk;
pub use update::{Effect, update};

use std::path::{Path, PathBuf};

use crate::store::{Found, discover, load_file};

/// Loads every data file under `root`; broken files are kept, to be shown with their errors.
pub fn load_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    Ok(discover(root)?
        .into_iter()
        .map(|found| match found {
            Found::File(path) => load_entry(path),
            Found::Refused(error) => FileEntry::broken(error),
        })
        .collect())
}

fn load_entry(path: PathBuf) -> FileEntry {
    match load_file(&path) {
        Ok((doc, text)) => {
            let metadata = std::fs::metadata(&path).ok();
            let mut entry = FileEntry::loaded(path, doc, text);
            entry.read_only = metadata.as_ref().is_some_and(|m| m.permissions().readonly());
            entry.disk_stamp = metadata.and_then(|m| Some((m.modified().ok()?, m.len())));
            entry
        }
        Err(error) => FileEntry::broken(error),
    }
}
