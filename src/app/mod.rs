//! The application state and the rules by which actions change it (the Elm architecture):
//! `update(&mut App, Action) -> Vec<Effect>` is the only writer. The state is plain data
//! (`state/`); each view or dialog is a component with its keys (`tree`, `panes`, `editing`,
//! `dialog/`); key bindings are data (`keymap/`).

mod absorb;
pub mod action;
mod changes;
pub mod cycle;
mod dialog;
mod edit_keys;
mod editing;
pub mod journal;
pub mod keymap;
mod keys;
mod panes;
pub mod review;
mod saving;
pub mod state;
mod sync;
mod tree;
mod update;

pub use absorb::{Absorbed, absorb};
pub use action::{
    Action, DiskChange, DiskCheck, DiskReport, Effect, ExportJob, ExportReport, HistoryPage, JournalEntry, JournalWork,
    NewYearJob, NewYearReport, Rights, SaveJob, SaveReport,
};
pub use dialog::export::default_path as export_path;
pub use dialog::recovery::open as open_recovery;
pub use journal::FieldDiff;
pub use keys::{action_for, contexts, pane_contexts, split_escape};
pub use state::{
    App, Ask, ChangesView, Choice, CommentDialog, Conflict, DiskStamp, Editor, ExportDialog, FileEntry, FileState,
    Focus, Loaded, Message, Mode, Node, Pending, Question, Recovery, RecoveryEntry, SectionRef, Tone, View, goal_rows,
};
pub use sync::journal_entries;
pub use update::update;

use std::path::{Path, PathBuf};

use hyoka_data::store::{Found, discover, is_writable, load_file};

/// Loads every data file under `root`; broken files are kept, to be shown with their errors.
/// The files are read and parsed on every core (a city is 200 files), in the order found.
pub fn load_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    let found = discover(root)?;
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = found.len().div_ceil(threads).max(1);
    let load = |found: Found| match found {
        Found::File(path) => load_entry(path),
        Found::Refused(error) => FileEntry::broken(error),
    };
    let mut parts: Vec<Vec<Found>> = Vec::new();
    let mut rest = found.into_iter().peekable();
    while rest.peek().is_some() {
        parts.push(rest.by_ref().take(chunk).collect());
    }
    let loaded: Vec<std::thread::Result<Vec<FileEntry>>> = std::thread::scope(|scope| {
        let workers: Vec<_> =
            parts.into_iter().map(|part| scope.spawn(move || part.into_iter().map(load).collect())).collect();
        workers.into_iter().map(std::thread::ScopedJoinHandle::join).collect()
    });
    let mut files = Vec::new();
    for part in loaded {
        // A reader that panicked is a defect, not a file problem: say so rather than show fewer files.
        let part = part.map_err(|_| std::io::Error::other("a file reader stopped unexpectedly"))?;
        files.extend(part.into_iter().map(|entry| FileEntry { root: root.to_path_buf(), ..entry }));
    }
    Ok(files)
}

/// The stamp of a file's metadata (see [`DiskStamp`]).
pub fn disk_stamp(metadata: &std::fs::Metadata) -> Option<DiskStamp> {
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
