//! The state of each dialog, as plain data: the conflict dialog's questions and answers, the
//! recovery dialog's journals, the export dialog's format and path.

use std::path::PathBuf;
use std::time::SystemTime;

use ratatui_textarea::TextArea;

use crate::app::action::JournalWork;
use crate::app::journal::FieldDiff;
use crate::command::Context;
use hyoka_core::model::Section;
use hyoka_data::interchange::Format;
use hyoka_data::store::FieldConflict;

pub struct Conflict {
    pub file: usize,
    pub conflicts: Vec<Question>,
    /// Which question is shown.
    pub index: usize,
    /// Decisions so far, one per question.
    pub chosen: Vec<Option<Choice>>,
    /// Editing a combined text for the shown question.
    pub combined: Option<TextArea<'static>>,
}

/// One thing to decide before a file is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// A field both sides changed, differently.
    Field(Box<FieldConflict>),
    /// The same, where their side holds a reviewer's decision (an approval, a return) that this
    /// login may not undo: only theirs can be kept.
    Decided(Box<FieldConflict>),
    /// A section we changed that someone else removed or renamed: keep ours as a section of its
    /// own, or let it go.
    Gone { division: String, section: String, mine: Box<Section> },
}

impl Question {
    pub fn field(&self) -> Option<&FieldConflict> {
        match self {
            Question::Field(conflict) | Question::Decided(conflict) => Some(conflict),
            Question::Gone { .. } => None,
        }
    }

    pub fn place(&self) -> (&str, &str) {
        match self {
            Question::Field(c) | Question::Decided(c) => (&c.division, &c.section),
            Question::Gone { division, section, .. } => (division, section),
        }
    }
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
        match (&self.combined, self.conflicts.get(self.index)) {
            (Some(_), _) => &[Context::Combined, Context::TextInput],
            (None, Some(Question::Gone { .. })) => &[Context::Gone],
            (None, Some(Question::Decided(_))) => &[Context::Decided],
            (None, _) => &[Context::Conflict],
        }
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
    /// Where the data file was when the work was done (it may have moved since).
    pub original: PathBuf,
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
    /// The path's folder does not exist: the next Enter creates it.
    pub confirm_folder: bool,
}

impl ExportDialog {
    pub fn typed_path(&self) -> String {
        self.path.lines().join("")
    }

    /// The path or format changed: a question asked about the old one no longer holds.
    pub fn changed(&mut self) {
        self.confirm_overwrite = false;
        self.confirm_folder = false;
    }
}
