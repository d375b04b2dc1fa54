//! Everything the screen shows, as plain data.

use std::collections::HashSet;
use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::i18n::Lang;
use crate::model::{Document, Field, Section};
use crate::store::LoadError;

/// One data file as hyoka holds it.
#[derive(Clone, Debug)]
pub struct FileEntry {
    pub path: PathBuf,
    pub state: FileState,
    /// The file has no write permission: shown, never edited or written.
    pub read_only: bool,
    /// Modification time and length when last read or written, to notice changes on disk cheaply.
    pub disk_stamp: Option<(std::time::SystemTime, u64, u64)>,
    /// The file was deleted or became unreadable while open; the edits are still here.
    pub gone: bool,
    /// Fields (division, section, field) that someone else saved differently while we had them
    /// changed, taken in from disk: the next save asks which to keep.
    pub pending: Vec<(String, String, crate::model::Field)>,
}

impl FileEntry {
    /// A file read as `text` that gave `doc`.
    pub fn loaded(path: impl Into<PathBuf>, doc: Document, text: impl Into<String>) -> Self {
        FileEntry {
            path: path.into(),
            state: FileState::Loaded { saved: doc.clone(), doc, disk_text: text.into() },
            read_only: false,
            disk_stamp: None,
            gone: false,
            pending: Vec::new(),
        }
    }

    pub fn broken(error: LoadError) -> Self {
        FileEntry {
            path: error.path.clone(),
            state: FileState::Broken(error),
            read_only: true,
            disk_stamp: None,
            gone: false,
            pending: Vec::new(),
        }
    }
}

#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant, reason = "Document grew by `notes`; boxing is the restructuring's call")]
pub enum FileState {
    /// `saved` is the content last read or written, to tell which sections have unsaved
    /// edits; `disk_text` its exact text, to notice when someone else saved meanwhile.
    Loaded { doc: Document, saved: Document, disk_text: String },
    /// Shown with its errors; never written.
    Broken(LoadError),
}

/// Which section: file, division and section by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SectionRef {
    pub file: usize,
    pub division: usize,
    pub section: usize,
}

/// A row of the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    File(usize),
    Division(usize, usize),
    Section(SectionRef),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Pane(Field),
}

/// The piece of a section one text editor works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    GoalsIntro,
    Goal(usize),
    Progress,
    Reflection,
}

pub struct Editor {
    pub section: SectionRef,
    pub slot: Slot,
    pub textarea: TextArea<'static>,
    /// Set when the goal was added for this edit, so that leaving it empty removes it again.
    pub new_goal: bool,
}

pub enum Mode {
    Browse,
    Editing(Box<Editor>),
    Help {
        scroll: u16,
    },
    ConfirmQuit,
    /// Fields someone else saved differently: decided one by one before anything is written.
    Resolve(Box<Resolution>),
    /// Unsaved work from a session that ended without saving: restore, look, or discard.
    Recover(Box<Recovery>),
    /// Exporting the current document: format and where to.
    Export(Box<ExportDialog>),
}

/// The export dialog's state.
pub struct ExportDialog {
    pub file: usize,
    pub format: crate::interchange::Format,
    /// The output path, editable; next to the data file by default.
    pub path: TextArea<'static>,
    /// The path exists: the next Enter overwrites it.
    pub confirm_overwrite: bool,
}

/// The conflict dialog's state.
pub struct Resolution {
    pub file: usize,
    pub conflicts: Vec<crate::store::FieldConflict>,
    /// Which conflict is shown.
    pub index: usize,
    /// Decisions so far, one per conflict.
    pub chosen: Vec<Option<Choice>>,
    /// Their document and its text, which becomes the new base once everything is decided.
    pub theirs: Document,
    pub theirs_text: String,
    /// Our work merged into theirs (conflicting fields still theirs).
    pub merged: Document,
    /// Editing a combined text for the shown conflict.
    pub combined: Option<TextArea<'static>>,
}

/// What the user kept of a conflicting field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// A text written in the dialog from both (goals one per line).
    Combined(String),
}

/// Journals found at start-up, offered one file at a time.
pub struct Recovery {
    pub entries: Vec<RecoveryEntry>,
    pub index: usize,
    /// Showing the differences instead of the question.
    pub diff_scroll: Option<u16>,
}

pub struct RecoveryEntry {
    pub file: usize,
    pub journal_path: PathBuf,
    pub base: Document,
    pub mine: Document,
    pub written: Option<std::time::SystemTime>,
    /// Each field the journal changed.
    pub differences: Vec<FieldDiff>,
}

/// One field of unsaved work found in a journal: where, and its text before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub division: String,
    pub section: String,
    pub field: crate::model::Field,
    pub before: String,
    pub after: String,
}

impl FieldDiff {
    /// "区民部 › 総務課 › 振り返り"
    pub fn place(&self, lang: crate::i18n::Lang) -> String {
        format!("{} › {} › {}", self.division, self.section, self.field.label(lang))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

/// A change of one section, kept so that `u` can take it back.
#[derive(Clone, Debug)]
pub struct Change {
    pub section: SectionRef,
    pub before: Section,
    pub after: Section,
}

pub struct App {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
    pub collapsed: HashSet<Node>,
    pub cursor: Node,
    pub focus: Focus,
    pub mode: Mode,
    /// Index of the selected row in the goals pane (the intro, when there is one, is row 0).
    pub goal_cursor: usize,
    /// Lines scrolled within the selected goal, for a goal longer than its pane (PageUp/PageDown).
    pub goal_scroll: u16,
    /// First visible line of the progress and reflection panes.
    pub scroll: [u16; 2],
    pub message: Option<(String, Tone)>,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    /// Terminal size, for scrolling within the panes as they are laid out.
    pub size: (u16, u16),
    pub should_quit: bool,
    /// Quit once the save that the quit dialog asked for has succeeded.
    pub quit_after_save: bool,
    /// Reviewer mode (`--read-only`): nothing is edited, locked, journaled or written.
    pub read_only: bool,
}

impl App {
    pub fn new(files: Vec<FileEntry>, lang: Lang) -> Self {
        let mut app = App {
            lang,
            files,
            collapsed: HashSet::new(),
            cursor: Node::File(0),
            focus: Focus::Tree,
            mode: Mode::Browse,
            goal_cursor: 0,
            goal_scroll: 0,
            scroll: [0; 2],
            message: None,
            undo: Vec::new(),
            redo: Vec::new(),
            size: (80, 24),
            should_quit: false,
            quit_after_save: false,
            read_only: false,
        };
        // Open on the first section, so that the panes show something at once.
        if let Some(first) = app.visible_nodes().into_iter().find(|n| matches!(n, Node::Section(_))) {
            app.cursor = first;
        }
        app
    }

    pub fn doc(&self, file: usize) -> Option<&Document> {
        match &self.files.get(file)?.state {
            FileState::Loaded { doc, .. } => Some(doc),
            FileState::Broken(_) => None,
        }
    }

    pub fn section(&self, at: SectionRef) -> Option<&Section> {
        self.doc(at.file)?.section(at.division, at.section)
    }

    pub fn section_mut(&mut self, at: SectionRef) -> Option<&mut Section> {
        match &mut self.files.get_mut(at.file)?.state {
            FileState::Loaded { doc, .. } => doc.section_mut(at.division, at.section),
            FileState::Broken(_) => None,
        }
    }

    /// The section the panes show: the one under the tree cursor.
    pub fn selected(&self) -> Option<SectionRef> {
        match self.cursor {
            Node::Section(at) => Some(at),
            _ => None,
        }
    }

    pub fn is_section_dirty(&self, at: SectionRef) -> bool {
        match &self.files.get(at.file).map(|f| &f.state) {
            Some(FileState::Loaded { doc, saved, .. }) => {
                match (doc.section(at.division, at.section), saved.section(at.division, at.section)) {
                    (Some(now), Some(before)) => !now.same_content(before),
                    _ => true,
                }
            }
            _ => false,
        }
    }

    pub fn dirty_sections(&self) -> Vec<SectionRef> {
        self.all_sections().into_iter().filter(|s| self.is_section_dirty(*s)).collect()
    }

    pub fn all_sections(&self) -> Vec<SectionRef> {
        let mut out = Vec::new();
        for (file, _) in self.files.iter().enumerate() {
            let Some(doc) = self.doc(file) else { continue };
            for (division, d) in doc.divisions.iter().enumerate() {
                for section in 0..d.sections.len() {
                    out.push(SectionRef { file, division, section });
                }
            }
        }
        out
    }

    /// Unsaved work exists, including text still open in the editor.
    pub fn has_unsaved(&self) -> bool {
        let editing_changed = match &self.mode {
            Mode::Editing(editor) => self.slot_text(editor.section, editor.slot) != editor.textarea.lines().join("\n"),
            _ => false,
        };
        editing_changed || !self.dirty_sections().is_empty()
    }

    pub fn slot_text(&self, at: SectionRef, slot: Slot) -> String {
        let Some(section) = self.section(at) else { return String::new() };
        match slot {
            Slot::GoalsIntro => section.goals_intro.clone(),
            Slot::Goal(i) => section.goals.get(i).cloned().unwrap_or_default(),
            Slot::Progress => section.progress.clone(),
            Slot::Reflection => section.reflection.clone(),
        }
    }

    /// Rows of the goals pane: the intro (if written) and then each goal.
    pub fn goal_slots(&self, at: SectionRef) -> Vec<Slot> {
        let Some(section) = self.section(at) else { return Vec::new() };
        let intro = (!section.goals_intro.is_empty()).then_some(Slot::GoalsIntro);
        intro.into_iter().chain((0..section.goals.len()).map(Slot::Goal)).collect()
    }

    /// The tree rows that are not hidden inside a collapsed node.
    pub fn visible_nodes(&self) -> Vec<Node> {
        let mut out = Vec::new();
        for (file, entry) in self.files.iter().enumerate() {
            out.push(Node::File(file));
            let FileState::Loaded { doc, .. } = &entry.state else { continue };
            if self.collapsed.contains(&Node::File(file)) {
                continue;
            }
            for (division, d) in doc.divisions.iter().enumerate() {
                out.push(Node::Division(file, division));
                if self.collapsed.contains(&Node::Division(file, division)) {
                    continue;
                }
                for section in 0..d.sections.len() {
                    out.push(Node::Section(SectionRef { file, division, section }));
                }
            }
        }
        out
    }

    /// The document as it would be saved now, with the text still open in the editor applied.
    pub fn effective_doc(&self, file: usize) -> Option<Document> {
        let mut doc = self.doc(file)?.clone();
        if let Mode::Editing(editor) = &self.mode
            && editor.section.file == file
            && let Some(section) = doc.section_mut(editor.section.division, editor.section.section)
        {
            let text = editor.textarea.lines().join("\n");
            match editor.slot {
                Slot::GoalsIntro => section.goals_intro = text,
                Slot::Goal(i) => {
                    if let Some(goal) = section.goals.get_mut(i) {
                        *goal = text;
                    }
                }
                Slot::Progress => section.progress = text,
                Slot::Reflection => section.reflection = text,
            }
        }
        Some(doc)
    }

    /// Whether the section may be changed, with the reason said when it may not.
    pub fn may_edit(&mut self, file: usize) -> bool {
        if self.read_only {
            self.say(
                Tone::Error,
                "閲覧専用で開いています（--read-only）。書き換えはできません。",
                "Opened read-only (--read-only): nothing can be changed.",
            );
            return false;
        }
        if self.files.get(file).is_some_and(|f| f.read_only) {
            self.say(
                Tone::Error,
                "このファイルには書き込み権限がないため、読むだけです。変更するには担当者に権限を頼んでください。",
                "This file has no write permission: it can only be read. Ask for write access to change it.",
            );
            return false;
        }
        true
    }

    pub fn say(&mut self, tone: Tone, ja: &str, en: &str) {
        self.message = Some((self.lang.pick(ja, en).to_owned(), tone));
    }
}
