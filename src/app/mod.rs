//! The application state and the rules by which actions change it (the Elm architecture):
//! `update(&mut App, Action) -> Vec<Effect>` is the only writer. The state is plain data
//! (`state/`); each view or dialog is a component with its keys (`tree`, `panes`, `editing`,
//! `dialog/`); key bindings are data (`keymap/`).

mod absorb;
pub mod action;
mod changes;
pub mod cycle;
pub mod dialog;
mod edit_keys;
mod editing;
pub mod journal;
pub mod keymap;
mod keys;
mod panes;
mod reading;
pub mod review;
mod saving;
mod small;
mod start;
pub mod state;
mod sync;
mod tree;
mod update;

pub use absorb::{Absorbed, absorb};
pub use action::{
    Action, DiskChange, DiskCheck, DiskReport, Effect, ExportJob, ExportReport, HistoryPage, JournalContent,
    JournalEntry, JournalWork, LeftJournal, MergesWaiting, NewYearJob, NewYearReport, ReadJob, ReviewsKept, Rights,
    SaveJob, SaveReport,
};
pub use changes::ChangesView;
pub use dialog::ask::Ask;
pub use dialog::comment::CommentDialog;
pub use dialog::conflict::{Choice, Conflict, Question};
pub use dialog::export::{ExportDialog, default_path as export_path};
pub use dialog::recovery::{Recovery, RecoveryEntry, View};
pub use journal::FieldDiff;
pub use keys::{action_for, contexts, pane_contexts, split_escape};
pub use state::{
    App, DiskStamp, Draft, Editor, FileEntry, FileState, Focus, Identity, Loaded, Message, Mode, Node, Pending,
    SectionRef, Settings, TextScroll, Tone, goal_rows,
};
pub use sync::journal_entries;
pub use update::update;
