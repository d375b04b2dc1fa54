//! The state of each dialog, as plain data: the conflict dialog's questions and answers, the
//! recovery dialog's journals, the export dialog's format and path.

use std::path::PathBuf;
use std::time::SystemTime;

use ratatui_textarea::TextArea;

use crate::app::action::JournalWork;
use crate::app::journal::FieldDiff;
use crate::command::Context;
use crate::interchange::Format;
use crate::store::FieldConflict;

pub struct Conflict {
    pub file: usize,
    pub conflicts: Vec<FieldConflict>,
    /// Which question is shown.
    pub index: usize,
    /// Decisions so far, one per question.
    pub chosen: Vec<Option<Choice>>,
    /// Editing a combined text for the shown question.
    pub combined: Option<TextArea<'static>>,
}

/// What the user kept of a conflicting field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// A text written in the dialog from both.
    Combined(String),
}

impl Conflict {
    pub fn contexts(&self) -> &'static [Context] {
        if self.combined.is_some() { &[Context::Combined, Context::TextInput] } else { &[Context::Conflict] }
    }
}

/// Journals found at start-up, offered one at a time.
pub struct Recovery {
    pub entries: Vec<RecoveryEntry>,
    pub index: usize,
    pub view: View,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Question,
    /// Showing the differences, scrolled this far.
    Changes(u16),
    /// `x` was pressed: asked once more.
    ConfirmDiscard,
}

pub struct RecoveryEntry {
    /// The open file the work belongs to.
    pub file: usize,
    pub journal_path: PathBuf,
    pub work: JournalWork,
    pub written: Option<SystemTime>,
    /// Each field the journal changed.
    pub differences: Vec<FieldDiff>,
}

impl Recovery {
    pub fn contexts(&self) -> &'static [Context] {
        match self.view {
            View::Question => &[Context::Recovery],
            View::Changes(_) => &[Context::RecoveryDiff],
            View::ConfirmDiscard => &[Context::ConfirmDiscard],
        }
    }
}

pub struct ExportDialog {
    pub file: usize,
    pub format: Format,
    /// The output path, editable; next to the data file by default.
    pub path: TextArea<'static>,
    /// The path exists: the next Enter overwrites it.
    pub confirm_overwrite: bool,
}

impl ExportDialog {
    pub fn typed_path(&self) -> String {
        self.path.lines().join("")
    }
}
