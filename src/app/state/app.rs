//! The application's state: everything the screen shows, and the operations on it that every
//! component shares. `update` is the only code that changes it.

use std::collections::{BTreeSet, HashSet};

use super::editor::Editor;
use super::files::FileEntry;
use super::history::{Change, History};
use super::messages::{Message, MessageLog, Tone};
use super::refs::{Focus, Node, SectionRef};
use super::review::Review;
use super::rows::TreeRows;
use super::settings::{Identity, Settings};
use crate::app::dialog::ask::Ask;
use crate::app::dialog::comment::CommentDialog;
use crate::app::dialog::conflict::Conflict;
use crate::app::dialog::export::ExportDialog;
use crate::app::dialog::recovery::Recovery;
use crate::app::keymap::Keymap;
use crate::app::review::{FilterDialog, SearchPrompt, SummaryView, TableView, YearsView};
use crate::i18n::Lang;
use crate::i18n::app::Msg;
use crate::layout::{Layout, LayoutInput};
use hyoka_core::model::{Document, Field, Section};

/// Who has the keys: the tree and panes, the editor, or a dialog.
pub enum Mode {
    Browse,
    Editing(Box<Editor>),
    Help {
        scroll: u16,
    },
    /// The message log, newest first.
    Messages {
        scroll: u16,
    },
    ConfirmQuit,
    /// Fields someone else saved differently: decided one by one before anything is written.
    Resolve(Box<Conflict>),
    /// Unsaved work from a session that ended without saving: restore, look, or discard.
    Recover(Box<Recovery>),
    Export(Box<ExportDialog>),
    /// The commits that changed a section or a file (`H`).
    Changes(Box<crate::app::changes::ChangesView>),
    /// `/`: a search being typed; the hits follow each key.
    Search(Box<SearchPrompt>),
    /// `f`: the filter being put together.
    Filter(Box<FilterDialog>),
    /// `t`: every section in one table.
    Table(Box<TableView>),
    /// `y`: the selected section through the years.
    Years(Box<YearsView>),
    /// `S`: every organisation × fiscal year.
    Summary(Box<SummaryView>),
    /// A question of the year's cycle (submit, approve, next stage, new year).
    Ask(Box<Ask>),
    /// A reviewer writing why a section is returned.
    Comment(Box<CommentDialog>),
}

/// The state. Its fields are `app/`'s alone: `update` is the only writer, and the rest of hyoka
/// reads through the accessors of `state/read.rs`.
pub struct App {
    pub(in crate::app) lang: Lang,
    pub(in crate::app) files: Vec<FileEntry>,
    pub(in crate::app) collapsed: HashSet<Node>,
    /// The rows the tree shows, kept up to date when the tree changes (see `visible.rs`).
    pub(in crate::app) rows: TreeRows,
    /// Files whose rows must be counted again before the rows are read next.
    pub(in crate::app) rows_stale: BTreeSet<usize>,
    /// Every file's rows must (the filter changed).
    pub(in crate::app) rows_all_stale: bool,
    pub(in crate::app) cursor: Node,
    /// The first tree row shown; moves by pages, so that a move within a page redraws two rows.
    pub(in crate::app) tree_offset: usize,
    pub(in crate::app) focus: Focus,
    pub(in crate::app) mode: Mode,
    /// Index of the selected row in the goals pane (the intro, when there is one, is row 0).
    pub(in crate::app) goal_cursor: usize,
    /// Lines scrolled within the selected goal, for a goal longer than its pane (PageUp/PageDown).
    pub(in crate::app) goal_scroll: u16,
    /// First visible line of the progress and reflection panes.
    pub(in crate::app) scroll: TextScroll,
    /// A pane shown alone on the right side.
    pub(in crate::app) zoom: Option<Field>,
    pub(in crate::app) message: Option<Message>,
    pub(in crate::app) log: MessageLog,
    pub(in crate::app) history: History,
    pub(in crate::app) keymap: Keymap,
    /// Pane sizes and wrapped texts for the current size and section.
    pub(in crate::app) layout: Layout,
    pub(in crate::app) should_quit: bool,
    /// Quit once the save that the quit dialog asked for has succeeded.
    pub(in crate::app) quit_after_save: bool,
    /// Reviewer mode (`--read-only`): nothing is edited, locked, journaled or written.
    pub(in crate::app) read_only: bool,
    /// Who saves and reviews; `None` until the worker has looked it up (a slow user database must
    /// not delay the first frame).
    pub(in crate::app) identity: Option<Identity>,
    /// A key that needed the login name before it was known, carried out once it is.
    pub(in crate::app) name_wait: crate::app::start::NameWait,
    /// The calendar dates are shown in.
    pub(in crate::app) calendar: crate::i18n::cycle::Calendar,
    /// Where exports go by default: a folder of the user's, outside the data tree, so that exports
    /// never show up as untracked data in the repository. `None`: next to the data file.
    pub(in crate::app) export_dir: Option<std::path::PathBuf>,
    /// `NO_COLOR` is set: no colours at all, emphasis by reverse video, bold and underline only.
    pub(in crate::app) no_color: bool,
    pub(in crate::app) ambiguous_width: hyoka_core::text::AmbiguousWidth,
    /// Bumped on every action of the user and every change of the work: a request number that
    /// tells the answers for a view from late answers for one closed before (the history).
    pub(in crate::app) generation: u64,
    /// The files whose work (document, saved version, questions, the editor's text) changed since
    /// the journal last heard of them: the next tick journals these and no other.
    pub(in crate::app) unjournaled: BTreeSet<usize>,
    /// Why the journal cannot be written, once said (not repeated at every tick).
    pub(in crate::app) journal_problem: Option<String>,
    /// Search, filter and what they found (the reviewer's tools).
    pub(in crate::app) review: Review,
    /// The data folder as opened; in reviewer mode nothing is ever written inside it.
    pub(in crate::app) data_root: Option<std::path::PathBuf>,
    /// The files still being read in the background, and what waits for them.
    pub(in crate::app) reading: Reading,
    /// The files changed since they were read (or written): only these can hold unsaved work.
    pub(in crate::app) touched: BTreeSet<usize>,
    /// What the disk lane is told to look at, sent as it is tick after tick.
    pub(in crate::app) disk_checks: std::sync::Arc<[crate::app::action::DiskCheck]>,
    /// Something `disk_checks` says changed (a stamp, a save under way, a file read): it is made
    /// again at the next tick.
    pub(in crate::app) disk_news: bool,
}

/// What the state knows of the files being read in the background.
#[derive(Debug, Default)]
pub struct Reading {
    /// How many files are not read yet.
    pub(in crate::app) unread: usize,
    /// The file the readers were last told the cursor is at.
    pub(in crate::app) near: usize,
    /// The clerk has pressed a key: the cursor no longer follows the first section read.
    pub(in crate::app) chosen: bool,
    /// Journals left by hyokas that are gone whose files are not read yet: offered once they are.
    pub(in crate::app) journals: Vec<crate::app::LeftJournal>,
    /// Files came in whose search hits, filter rows and views are taken in at the next tick.
    pub(in crate::app) views_due: bool,
}

/// The first visible line of the two long texts' panes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextScroll {
    pub progress: u16,
    pub reflection: u16,
}

impl TextScroll {
    /// The scroll of a long text's pane (`Field::Progress` or `Field::Reflection`).
    pub fn of(self, field: Field) -> u16 {
        if field == Field::Reflection { self.reflection } else { self.progress }
    }

    pub(in crate::app) fn of_mut(&mut self, field: Field) -> &mut u16 {
        if field == Field::Reflection { &mut self.reflection } else { &mut self.progress }
    }
}

impl App {
    pub fn new(files: Vec<FileEntry>, settings: Settings) -> Self {
        let Settings {
            lang,
            read_only,
            keymap,
            data_root,
            calendar,
            export_dir,
            no_color,
            ambiguous_width,
            identity,
            notices,
        } = settings;
        // Reviewers are shown no editing key (the keys still say that nothing can be changed).
        let keymap = if read_only { keymap.for_reviewers() } else { keymap };
        let unread = files.iter().filter(|f| f.is_unread()).count();
        // Files handed over with work in them (a test's, a restored state's) hold it from the start:
        // a changed section, or a return comment not sent.
        let holds_work =
            |f: &FileEntry| f.loaded_state().is_some_and(|l| l.changed_since_read()) || !f.drafts.is_empty();
        let touched = (0..files.len()).filter(|f| files.get(*f).is_some_and(holds_work)).collect();
        let mut app = App {
            lang,
            files,
            collapsed: HashSet::new(),
            rows: TreeRows::default(),
            rows_stale: BTreeSet::new(),
            rows_all_stale: true,
            cursor: Node::File(0),
            tree_offset: 0,
            focus: Focus::Tree,
            mode: Mode::Browse,
            goal_cursor: 0,
            goal_scroll: 0,
            scroll: TextScroll::default(),
            zoom: None,
            message: None,
            log: MessageLog::default(),
            history: History::default(),
            keymap,
            layout: Layout::default(),
            should_quit: false,
            quit_after_save: false,
            read_only,
            identity,
            name_wait: crate::app::start::NameWait::default(),
            calendar,
            export_dir,
            no_color,
            ambiguous_width,
            generation: 0,
            unjournaled: BTreeSet::new(),
            journal_problem: None,
            review: Review::default(),
            data_root,
            reading: Reading { unread, ..Reading::default() },
            touched,
            disk_checks: Vec::new().into(),
            disk_news: true,
        };
        // Open on the first section, so that the panes show something at once.
        app.sync_rows();
        if let Some(first) = app.rows.iter().find(|n| matches!(n, Node::Section(_))) {
            app.cursor = first;
        }
        for notice in notices {
            app.say(Tone::Error, Msg::Raw(notice));
        }
        app.relayout(80, 24);
        app
    }

    pub fn doc(&self, file: usize) -> Option<&Document> {
        self.files.get(file)?.doc()
    }

    pub fn section(&self, at: SectionRef) -> Option<&Section> {
        self.doc(at.file)?.section(at.division, at.section)
    }

    /// Changes one section and keeps its unsaved state true; nothing is recorded for undo.
    pub(in crate::app) fn edit_section<T>(
        &mut self,
        at: SectionRef,
        change: impl FnOnce(&mut Section) -> T,
    ) -> Option<T> {
        self.work_changed(at.file);
        self.files.get_mut(at.file)?.loaded_mut()?.edit_section(at.division, at.section, change)
    }

    /// The work of `file` changed (its document, its saved version, its questions, or the text
    /// being typed into it): the next tick journals it. Every change of the work says so here,
    /// so that the journal never has to compare copies to find what changed.
    pub(in crate::app) fn work_changed(&mut self, file: usize) {
        self.generation += 1;
        self.unjournaled.insert(file);
        self.touched.insert(file);
        // A save, a merge or a take-in that comes with it moves the stamp the disk is compared with.
        self.disk_news = true;
        // Sections may have come or gone with it.
        self.rows_changed(file);
    }

    /// Applies a change to one section and records it for undo, if anything changed.
    pub(in crate::app) fn change_section(&mut self, at: SectionRef, change: impl FnOnce(&mut Section)) -> bool {
        let Some(before) = self.section(at).cloned() else { return false };
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return false;
        }
        self.edit_section(at, |s| *s = after.clone());
        self.history.record(Change { section: at, before, after });
        true
    }

    /// The section the panes show: the one under the tree cursor.
    pub fn selected(&self) -> Option<SectionRef> {
        match self.cursor {
            Node::Section(at) => Some(at),
            _ => None,
        }
    }

    pub fn is_section_dirty(&self, at: SectionRef) -> bool {
        self.files.get(at.file).and_then(FileEntry::loaded_state).is_some_and(|l| l.is_dirty(at.division, at.section))
    }

    /// How many sections have unsaved changes, in all files (asked of the files changed since
    /// they were read: the status line asks at every frame).
    pub fn unsaved_sections(&self) -> usize {
        self.touched.iter().filter_map(|f| self.files.get(*f)).map(FileEntry::dirty_count).sum()
    }

    /// A save is under way.
    pub fn saving(&self) -> bool {
        self.touched.iter().filter_map(|f| self.files.get(*f)).any(|f| f.saving)
    }

    /// Questions a `git merge` left that are not decided yet: quitting asks first.
    pub fn merge_questions(&self) -> usize {
        self.files.iter().map(|f| f.merge.len()).sum()
    }

    /// Unsaved work exists: text still open in the editor, and return comments not sent included.
    pub fn has_unsaved(&self) -> bool {
        self.documents_unsaved() || self.unsent_drafts() > 0
    }

    /// What a save would write differs from the files (a comment not sent aside: no save sends it).
    pub fn documents_unsaved(&self) -> bool {
        let editing_changed = match &self.mode {
            Mode::Editing(editor) => editor.changed(self.section(editor.section)),
            _ => false,
        };
        let mut touched = self.touched.iter().filter_map(|f| self.files.get(*f));
        let head = touched.any(|f| f.loaded_state().is_some_and(super::files::Loaded::head_dirty));
        editing_changed || self.unsaved_sections() > 0 || head
    }

    /// The document as it would be saved now, with the text still open in the editor applied.
    pub fn effective_doc(&self, file: usize) -> Option<Document> {
        let mut doc = self.doc(file)?.clone();
        if let Mode::Editing(editor) = &self.mode
            && editor.section.file == file
            && let Some(section) = doc.section_mut(editor.section.division, editor.section.section)
        {
            editor.apply_to(section);
        }
        Some(doc)
    }

    /// Whether the file may be changed, with the reason said when it may not.
    pub(in crate::app) fn may_edit(&mut self, file: usize) -> bool {
        if self.read_only {
            self.say(Tone::Error, Msg::ReadOnlySession);
            return false;
        }
        if self.files.get(file).is_some_and(|f| f.read_only) {
            self.say(Tone::Error, Msg::FileReadOnly);
            return false;
        }
        true
    }

    /// The login name that saves and reviews; while it is still being looked up, the key that
    /// needs it waits for it (`start::NameWait`), and says so.
    pub(in crate::app) fn who(&mut self) -> Option<String> {
        let user = self.identity.as_ref().map(|i| i.user.clone());
        if user.is_none() {
            self.name_wait.asked = true;
            self.say(Tone::Error, Msg::StillIdentifying);
        }
        user
    }

    /// Shows a message and keeps it in the log.
    pub(in crate::app) fn say(&mut self, tone: Tone, message: Msg) {
        let message = Message { text: message.text(self.lang, &self.keymap), tone };
        self.log.push(message.clone());
        self.message = Some(message);
    }

    /// Lays the screen out again for `width` × `height` and the section now selected.
    pub(in crate::app) fn relayout(&mut self, width: u16, height: u16) {
        let section = self.selected().and_then(|at| self.section(at));
        let banner = self.banner();
        let banner = banner.as_ref().map(|(head, comment)| (head.as_str(), comment.as_str()));
        let last = &self.layout;
        let keep = (last.width == width && last.height == height && !last.too_small).then_some([
            last.goals.height,
            last.progress.height,
            last.reflection.height,
        ]);
        let flaw = self.selected().and_then(|at| self.unpublishable(at));
        let flaw = flaw.as_ref().map(|(field, why)| (*field, why.as_str()));
        let measure = self.ambiguous_width;
        let input =
            LayoutInput { section, editing: None, zoom: self.zoom, banner, flaw, keep, ambiguous_width: measure };
        let layout = Layout::compute(width, height, input);
        let editing = match &self.mode {
            Mode::Editing(editor) if Some(editor.section) == self.selected() => {
                Some((editor.field, editor.rows(layout.text_width(editor.field), measure)))
            }
            _ => None,
        };
        self.layout = match editing {
            Some(_) => Layout::compute(width, height, LayoutInput { editing, ..input }),
            None => layout,
        };
    }
}
