//! hyoka in a git repository: commit on save, the history of a file or a section, and field-level
//! merges for `git merge` / `git pull` through a merge driver. git is the distribution engine:
//! hyoka runs the `git` command line and adds no server of its own.
//!
//! - after a save: [`AutoCommit::after_save`] (one notice when commits are off);
//! - history: [`FileHistory::open`], then [`FileHistory::fill`] / [`FileHistory::step`], and
//!   [`FileHistory::section_diff`] / [`FileHistory::commit_diff`] for a selected entry;
//! - merges: `hyoka merge-driver` ([`merge_texts`], [`record_conflicts`]); on open,
//!   [`pending_merge`]; after the conflict dialog's save, [`mark_resolved`];
//! - set-up: `hyoka git-setup` ([`setup`]).

mod auto;
mod catfile;
mod changes;
mod commit;
mod conflicts;
mod detail;
mod diff;
mod driver;
mod error;
mod exact;
mod history;
mod receive;
mod repo;
mod run;
mod setup;

pub use auto::{AutoCommit, CommitReport, commit_saved};
pub use changes::{Change, HeadField, change_lines, changes, commit_message};
pub use commit::{CommitOutcome, commit_files, message_for};
pub use conflicts::{
    MergeRecord, PendingMerge, Resolved, forget_conflicts, git_dir_of, mark_resolved, merge_recorded, merge_waiting,
    pending_merge, record_conflicts, recorded_merges,
};
pub use detail::{CommitDiff, FieldDiff, HeadDiff, SectionDiff};
pub use diff::{DiffSpan, SpanKind, char_diff};
pub use driver::{MergeResult, merge_texts};
pub use error::GitError;
pub use exact::{Author, commit_exact};
pub use history::{CommitInfo, Entry, FileHistory, Scope};
pub use receive::{Breach, Pusher, Rule, check_push, judge};
pub use repo::{Operation, Repo};
pub use run::Git;
pub use setup::{SetupReport, Step, setup, setup_server, shell_word};

/// The worker thread owns these between calls: they must be able to move there.
const _: fn() = || {
    fn sendable<T: Send>() {}
    sendable::<AutoCommit>();
    sendable::<FileHistory>();
    sendable::<Repo>();
};
