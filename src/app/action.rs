//! The messages of the one-way flow: what comes into `update` (keys, ticks, results of work done
//! elsewhere) and what `update` asks the worker to do.

use std::path::PathBuf;

use super::state::{DiskStamp, Pending};
use crate::command::Command;
use crate::interchange::Format;
use crate::model::Document;
use crate::store::{LoadError, SaveError, SaveOutcome};

/// Everything that can change the state.
#[derive(Debug)]
pub enum Action {
    /// A bound key.
    Command(Command),
    /// A character typed where text is being written.
    Type(char),
    /// A key with no binding where it was pressed (some dialogs close on any key).
    Unbound,
    Paste(String),
    Resize(u16, u16),
    /// About once a second: time to journal new work and look at the files on disk.
    Tick,
    Saved(Box<SaveReport>),
    DiskChanged(Box<DiskReport>),
    Exported(ExportReport),
    /// The journal could not be written (it says why), or could again (`None`).
    JournalWritten(Option<String>),
}

impl From<Command> for Action {
    fn from(command: Command) -> Self {
        Action::Command(command)
    }
}

/// What `update` asks the outside world to do. Carried out off the screen's thread; each comes
/// back as an [`Action`].
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Save(Vec<SaveJob>),
    Export(ExportJob),
    /// Bring the journals up to date with the unsaved work.
    Journal(Vec<JournalEntry>),
    /// The user threw away the unsaved work kept in this journal file.
    DiscardJournal(PathBuf),
    /// Look whether these files changed on disk.
    CheckDisk(Vec<DiskCheck>),
    /// Draw the whole screen again (Ctrl-L), for a terminal that lost what it showed.
    Redraw,
}

/// One file to save: our work over the base it was made on.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveJob {
    pub file: usize,
    pub path: PathBuf,
    pub base: Document,
    pub base_text: String,
    pub mine: Document,
    /// Stamped as `updated_by` on the sections the save changes.
    pub user: String,
}

/// How a save went; `sent` is the document as written before any merge (stamped).
#[derive(Debug)]
pub struct SaveReport {
    pub file: usize,
    pub sent: Document,
    pub outcome: Result<SaveOutcome, SaveError>,
    pub stamp: Option<DiskStamp>,
}

/// The document of one file to write in a format, to a path.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportJob {
    pub doc: Document,
    pub format: Format,
    pub path: PathBuf,
    pub overwrite: bool,
    /// The data files open, never to be written over by an export.
    pub data_files: Vec<PathBuf>,
    /// Folders nothing may be written into (reviewer mode: the data folder).
    pub forbidden: Vec<PathBuf>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportReport {
    Written(PathBuf),
    /// The path exists; the dialog asks before overwriting.
    Exists(PathBuf),
    IntoData(PathBuf),
    /// Reviewer mode: the path lies in the data folder, where nothing is written.
    InsideData(PathBuf),
    Refused(String),
    Failed {
        path: PathBuf,
        why: String,
    },
}

/// The unsaved work of one file, as the journal keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct JournalEntry {
    pub path: PathBuf,
    /// `None` when nothing is unsaved: the journal goes.
    pub work: Option<JournalWork>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JournalWork {
    pub base: Document,
    pub mine: Document,
    pub pending: Vec<Pending>,
}

/// A file to look at, with what we know of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskCheck {
    pub file: usize,
    pub path: PathBuf,
    pub stamp: Option<DiskStamp>,
    pub gone: bool,
}

#[derive(Debug)]
pub struct DiskReport {
    pub file: usize,
    pub stamp: Option<DiskStamp>,
    pub change: DiskChange,
}

#[derive(Debug)]
pub enum DiskChange {
    /// Deleted, or no longer readable.
    Gone(String),
    /// Readable, but hyoka's loader refuses it.
    Broken(LoadError),
    Changed {
        doc: Document,
        text: String,
    },
}
