//! The state as plain data: the files and what is unsaved, where the cursor is, who has the keys,
//! the editor's and the dialogs' contents, the undo history and the messages.

mod app;
mod changes;
mod cycle;
mod cycle_rules;
mod dialogs;
mod editor;
mod files;
mod history;
mod messages;
mod questions;
mod refs;
mod review;

pub use app::{App, Mode, goal_rows};
pub use changes::ChangesView;
pub use cycle::{Ask, CommentDialog};
pub use dialogs::{Choice, Conflict, ExportDialog, Question, Recovery, RecoveryEntry, View};
pub use editor::{Editor, part_text, text_box};
pub use files::{DiskStamp, FileEntry, FileState, Loaded, Pending, canonical_path};
pub use history::{Change, History, Step};
pub use messages::{Message, MessageLog, Tone};
pub use refs::{Focus, Node, SectionRef};
pub use review::{
    Column, Counts, FileIndex, Filter, FilterDialog, Hits, Marks, Rated, Review, Search, SearchIndex, SearchPrompt,
    SummaryRow, SummaryView, TableRow, TableView, YearColumn, YearLine, YearsView,
};
