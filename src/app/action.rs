//! The messages of the one-way flow: what comes into `update` (keys, ticks, results of work done
//! elsewhere) and what `update` asks the worker to do.

use std::path::PathBuf;
use std::time::SystemTime;

use super::state::{DiskStamp, Draft, FileEntry, Identity, Pending};
use crate::command::Command;
use hyoka_core::model::Document;
use hyoka_data::git::{CommitDiff, Entry, Scope};
use hyoka_data::interchange::Format;
use hyoka_data::store::{FieldConflict, LoadError, Outcome, SaveError};

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
    /// The clock, twice a second: time to journal new work and look at the files on disk.
    Tick,
    Saved(Box<SaveReport>),
    DiskChanged(Box<DiskReport>),
    Exported(ExportReport),
    /// The journal could not be written (it says why), or could again (`None`).
    JournalWritten(Option<String>),
    /// More commits for the history view, as the worker reads them.
    History(Box<HistoryPage>),
    /// What the selected commit changed (in the section, or in the whole file).
    HistoryDiff {
        request: u64,
        entry: usize,
        diff: Option<Box<CommitDiff>>,
    },
    /// Why the history cannot be read (no git, no repository, git failed), in the clerk's words.
    HistoryFailed {
        request: u64,
        why: String,
    },
    /// What the worker has to say, already worded: what git did after a save (a commit, a hook's
    /// refusal, a merge resolved), files left behind by hyokas that are gone, a journal that cannot
    /// be read, work that failed; `warning` when it needs the clerk's attention.
    Said {
        text: String,
        warning: bool,
    },
    /// Next year's file was written (its path, document and text), or why not.
    NewYearWritten(Box<NewYearReport>),
    /// Where the reviews of a file are kept once a move to the next stage clears them.
    ReviewsKept {
        file: usize,
        kept: ReviewsKept,
    },
    /// The screen opens: what the state cannot know by itself is asked of the worker.
    Start,
    /// Who is at the keys, as the system's user database and the office's settings say.
    Identified(Identity),
    /// Journals left by hyokas that are gone, or why this hyoka can keep none.
    JournalsFound(Result<Vec<LeftJournal>, String>),
    /// Merges git left for hyoka to ask about.
    MergesWaiting(Box<MergesWaiting>),
    /// The right to review, decided again while hyoka runs (the office's list changed).
    Rights(Box<Rights>),
    /// Files read in the background, each with its place among the files.
    FilesRead(Vec<(usize, FileEntry)>),
}

/// Merges git stopped on that wait for hyoka's conflict dialog, by canonical path, and what was
/// said of merges already decided by hand in the file.
#[derive(Debug, Default)]
pub struct MergesWaiting {
    pub files: Vec<(PathBuf, Vec<FieldConflict>)>,
    pub said: Vec<String>,
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
    /// Look whether these files changed on disk. The same list tick after tick, shared, until
    /// something it says changes: a tick copies nothing.
    CheckDisk(std::sync::Arc<[DiskCheck]>),
    /// Read the history of a file (all of it, or one section's), page by page. `request` tells
    /// the answers to this view from late answers to one closed before.
    History {
        request: u64,
        path: PathBuf,
        scope: Scope,
    },
    /// What one commit of that history changed, within the scope.
    HistoryDiff {
        request: u64,
        entry: usize,
        scope: Scope,
    },
    /// A git merge of this file waited for the conflict dialog, whose decisions need no save:
    /// tell git the file is resolved.
    ResolveMerge(PathBuf),
    /// Draw the whole screen again (Ctrl-L), for a terminal that lost what it showed.
    Redraw,
    /// Write next year's file, never over one that exists.
    NewYear(NewYearJob),
    /// Find out who is at the keys.
    Identify,
    /// Open this hyoka's journal folder and read what hyokas that are gone left in it.
    OpenJournals,
    /// Find the merges git left for hyoka in these files (canonical paths).
    FindMerges(Vec<PathBuf>),
    /// Take away what saves of hyokas now gone left in these folders.
    SweepLeftovers(Vec<PathBuf>),
    /// Find out whether git keeps the reviews of this file (the `file`-th) once they are cleared.
    LookForReviews {
        file: usize,
        path: PathBuf,
    },
    /// Read these files in the background on every core, the nearest to file `near` first.
    Read {
        jobs: Vec<ReadJob>,
        near: usize,
    },
    /// The cursor is at file `.0` now: what is still to read is read from there on.
    ReadNear(usize),
}

/// A file to read whole, with what the state already knows of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadJob {
    /// Its place among the files.
    pub file: usize,
    pub path: PathBuf,
    /// The folder (or file) it was found under.
    pub root: PathBuf,
    pub canonical: PathBuf,
}

/// Next year's file to write: where, what, and the data folder it was found under.
#[derive(Clone, Debug, PartialEq)]
pub struct NewYearJob {
    pub path: PathBuf,
    pub root: PathBuf,
    pub doc: Document,
}

/// How writing next year's file went.
#[derive(Debug)]
pub struct NewYearReport {
    pub job: NewYearJob,
    /// The text written, or why nothing was (in the clerk's words).
    pub outcome: Result<String, String>,
    /// The new file's stamp, to notice later changes on disk.
    pub stamp: Option<DiskStamp>,
    /// Where the new file is with links resolved (what its journal is kept under).
    pub canonical: PathBuf,
}

/// One file to save: our work over the base it was made on.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveJob {
    pub file: usize,
    pub path: PathBuf,
    /// The folder (or file) hyoka was given: a save never writes outside it.
    pub root: PathBuf,
    pub base: Document,
    /// Of the text `base` was read from, exactly (see `store::SaveRequest::base_digest`).
    pub base_digest: hyoka_data::store::TextDigest,
    pub mine: Document,
    /// Stamped as `updated_by` on the sections the save changes.
    pub user: String,
    /// The one saving reviews: the store lets them change submitted and approved sections.
    pub reviewer: bool,
    /// The save holds the decisions on a git merge's conflicts: once written, git is told.
    pub resolve_merge: bool,
}

/// How a save went; `sent` is the document as written before any merge (stamped), `None` when
/// the save did not run (its work failed, or no worker took it).
#[derive(Debug)]
pub struct SaveReport {
    pub file: usize,
    pub sent: Option<Document>,
    pub outcome: Result<Outcome, SaveError>,
    pub stamp: Option<DiskStamp>,
}

/// The document of one file to write in a format, to a path.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportJob {
    pub doc: Document,
    pub format: Format,
    pub path: PathBuf,
    pub overwrite: bool,
    /// Create the folder when it does not exist (asked first: a mistyped folder is not made silently).
    pub create_folder: bool,
    /// The data files open, never to be written over by an export.
    pub data_files: Vec<PathBuf>,
    /// Places nothing may be written into (reviewer mode: the data folder, or the folder of a data
    /// file given as the place).
    pub forbidden: Vec<PathBuf>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportReport {
    Written(PathBuf),
    /// The path exists; the dialog asks before overwriting.
    Exists(PathBuf),
    /// The folder does not exist; the dialog asks before creating it.
    NoFolder(PathBuf),
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
    /// Return comments written and not sent.
    pub drafts: Vec<Draft>,
}

/// A journal as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct JournalContent {
    /// The data file, as it was named when the work was done.
    pub file: PathBuf,
    pub work: JournalWork,
}

/// A journal of a hyoka that is gone, as the worker read it.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftJournal {
    pub path: PathBuf,
    pub content: JournalContent,
    pub written: Option<SystemTime>,
    /// Its data file is no longer where the work was done (moved or renamed since).
    pub moved: bool,
}

/// Where a file's reviews are kept once a move to the next stage clears them from the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewsKept {
    /// The file is committed as it is: git's history holds every review.
    Committed,
    /// In a git work tree, but what the file says now is not (all) committed.
    Uncommitted,
    /// The folder is no git repository: nothing keeps them.
    NoRepository,
    /// There is no `git` to ask.
    NoGit,
    /// The look failed.
    Unknown,
}

/// A file to look at, with what we know of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskCheck {
    pub file: usize,
    pub path: PathBuf,
    pub stamp: Option<DiskStamp>,
    pub gone: bool,
    /// The screen knows of a `git merge` waiting in this file already.
    pub merge_known: bool,
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
        /// Fields a `git merge` or `git pull` that stopped left for hyoka to ask (its merge
        /// driver's record), when that is what changed the file.
        merge: Vec<hyoka_data::store::FieldConflict>,
    },
}

/// Commits of a history, newest first, sent as they are looked into.
#[derive(Debug)]
pub struct HistoryPage {
    pub request: u64,
    /// The commits in the scope, with their index in the file's history.
    pub entries: Vec<(usize, Entry)>,
    /// How many commits of the file have been looked into, and how many changed it in all.
    pub examined: usize,
    pub total: usize,
    pub complete: bool,
    /// The first page: what the view had before is replaced.
    pub fresh: bool,
}

/// The right to review as decided now, and the reviewers' files that were not trusted (in the
/// clerk's words, for those who should hear of them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rights {
    pub reviewer: bool,
    pub ignored: Vec<String>,
}
