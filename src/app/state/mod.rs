//! The state as plain data: the files and what is unsaved, where the cursor is, who has the keys,
//! the editor's contents, the undo history and the messages. Each dialog's state is kept with its
//! keys, in `app/dialog/`.

mod app;
mod cycle_rules;
mod drafts;
mod editor;
mod files;
mod flaws;
mod history;
mod messages;
mod places;
mod publishable;
mod questions;
mod read;
mod refs;
mod review;
mod rows;
mod settings;
mod visible;

pub use app::{App, Mode, Reading, TextScroll};
pub use editor::{Editor, part_text, text_box};
pub use files::{DiskStamp, Draft, FileEntry, FileState, Loaded, Pending};
pub use history::{Change, History, Step};
pub use messages::{Message, MessageLog, Tone};
pub use places::goal_rows;
pub use refs::{Focus, Node, SectionRef};
pub use review::{Counts, FileIndex, Filter, Hits, Marks, Rated, Review, Search, SearchIndex};
pub use rows::TreeRows;
pub use settings::{Identity, Settings};
