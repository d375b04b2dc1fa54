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
pub use keymap::{Action, HELP, HelpEntry, action_for, split_escape};
pub use save::{Stamp, save_all};
pub use state::{
    App, Change, Choice, Editor, ExportDialog, FieldDiff, FileEntry, FileState, Focus, Mode, Node, Recovery,
    RecoveryEntry, Resolution, SectionRef, Slot, Tone,
};
pub use sync::check_disk;
pub use update::{Effect, update};

use std::path::{Path, PathBuf};

use crate::store::{Found, discover, is_writable, load_file};

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

/// What tells a file changed on disk without reading it: modification time, length, and inode
/// (an atomic save or a `git checkout` makes a new one, even when time and length look the same).
pub fn disk_stamp(metadata: &std::fs::Metadata) -> Option<(std::time::SystemTime, u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.modified().ok()?, metadata.len(), metadata.ino()))
}

fn load_entry(path: PathBuf) -> FileEntry {
    match load_file(&path) {
        Ok((doc, text)) => {
            let metadata = std::fs::metadata(&path).ok();
            let mut entry = FileEntry::loaded(path, doc, text);
            entry.read_only = !is_writable(&entry.path);
            entry.disk_stamp = metadata.as_ref().and_then(disk_stamp);
            entry
        }
        Err(error) => FileEntry::broken(error),
    }
}
