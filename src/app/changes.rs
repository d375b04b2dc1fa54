//! The history view's keys (`H`): which commits changed a section or the whole file, what the
//! selected one changed, and an old value put back as an ordinary, undoable edit.

use super::action::{Action, Effect, HistoryPage};
use super::dialog::{Handled, Next, close, close_with, stay};
use super::state::{App, Focus, Mode, Node, Tone};
use super::tree;
use crate::command::{Command, Context};
use crate::i18n::app::Msg;
use crate::i18n::history::HistoryWords;
use crate::layout::history::{areas, rows};
use hyoka_core::model::Field;
use hyoka_data::git::{CommitDiff, Entry, Scope};

/// The view's state: the commits that changed a section (or a whole file), filled in as the
/// worker reads them, and the changes of the one selected.
pub struct ChangesView {
    /// Tells the worker's answers for this view from late answers for one closed before.
    pub request: u64,
    pub file: usize,
    pub scope: Scope,
    /// The section `H` was pressed on: `f` goes back to it from the whole file.
    pub section_scope: Option<Scope>,
    /// The commits so far, newest first, with their index in the file's history.
    pub entries: Vec<(usize, Entry)>,
    /// How many commits changed the file (known at once), and how many have been looked into.
    pub total: usize,
    pub examined: usize,
    pub complete: bool,
    /// The worker has not answered yet.
    pub reading: bool,
    pub selected: usize,
    /// The list row shown first: moves by pages, like the tree.
    pub offset: usize,
    /// The entry whose change was last asked of the worker.
    pub asked: Option<usize>,
    /// What the selected commit changed, once read; with the entry it belongs to.
    pub diff: Option<(usize, CommitDiff)>,
    /// Which changed field (counted over the sections of the diff) `r` puts back.
    pub field: usize,
    /// Lines scrolled in the change.
    pub scroll: u16,
    /// Why there is no history (no git, the file is not in a repository, git failed).
    pub failed: Option<String>,
}

impl ChangesView {
    pub fn new(request: u64, file: usize, scope: Scope) -> ChangesView {
        let section_scope = matches!(scope, Scope::Section { .. }).then(|| scope.clone());
        ChangesView {
            request,
            file,
            scope,
            section_scope,
            entries: Vec::new(),
            total: 0,
            examined: 0,
            complete: false,
            reading: true,
            selected: 0,
            offset: 0,
            asked: None,
            diff: None,
            field: 0,
            scroll: 0,
            failed: None,
        }
    }

    /// The history index of the selected commit.
    pub fn selected_entry(&self) -> Option<usize> {
        self.entries.get(self.selected).map(|(index, _)| *index)
    }

    /// The diff of the selected commit, once it has come.
    pub fn selected_diff(&self) -> Option<&CommitDiff> {
        match &self.diff {
            Some((entry, diff)) if Some(*entry) == self.selected_entry() => Some(diff),
            _ => None,
        }
    }

    /// The changed fields of the selected commit that can be put back, in the order shown:
    /// (division, section, field).
    pub fn fields(&self) -> Vec<(&str, &str, Field)> {
        self.selected_diff()
            .map(|diff| {
                diff.sections
                    .iter()
                    .flat_map(|s| s.fields.iter().map(|f| (s.division.as_str(), s.section.as_str(), f.field)))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// `H`: the history of the section under the cursor, or of its file from a division or file row.
pub(in crate::app) fn open(app: &mut App) -> Vec<Effect> {
    let file = app.cursor.file();
    let scope = match app.cursor {
        Node::Section(at) => match section_names(app, at) {
            Some((division, section)) => Scope::Section { division, section },
            None => Scope::File,
        },
        Node::File(_) | Node::Division(..) => Scope::File,
    };
    let view = ChangesView::new(app.generation, file, scope);
    ask(app, view)
}

/// Shows the view and asks the worker for its commits.
fn ask(app: &mut App, view: ChangesView) -> Vec<Effect> {
    let Some(entry) = app.files.get(view.file) else { return Vec::new() };
    let effect = Effect::History { request: view.request, path: entry.canonical.clone(), scope: view.scope.clone() };
    app.mode = Mode::Changes(Box::new(view));
    vec![effect]
}

fn section_names(app: &App, at: super::SectionRef) -> Option<(String, String)> {
    let division = app.doc(at.file)?.divisions.get(at.division)?;
    Some((division.name.clone(), division.sections.get(at.section)?.name.clone()))
}

pub(in crate::app) fn handle(mut view: Box<ChangesView>, app: &mut App, action: Action) -> Handled<Box<ChangesView>> {
    let Action::Command(command) = action else { return stay(view) };
    let last = view.entries.len().saturating_sub(1);
    let selected = match command {
        Command::Up => Some(view.selected.saturating_sub(1)),
        Command::Down => Some((view.selected + 1).min(last)),
        Command::First => Some(0),
        Command::Last => Some(last),
        _ => None,
    };
    match command {
        Command::Back => return close(),
        Command::PutBack => return put_back(view, app),
        Command::WholeFile => {
            let scope = match (&view.scope, &view.section_scope) {
                (Scope::File, Some(section)) => section.clone(),
                _ => Scope::File,
            };
            let mut next = ChangesView::new(app.generation, view.file, scope);
            next.section_scope = view.section_scope.take();
            // The view for the other scope takes this one's place.
            return close_with(ask(app, next));
        }
        Command::PageDown | Command::PageUp => scroll(&mut view, app, command == Command::PageDown),
        Command::NextPane | Command::PrevPane => choose_field(&mut view, app, command == Command::NextPane),
        _ => {}
    }
    let mut effects = Vec::new();
    if let Some(selected) = selected
        && selected != view.selected
    {
        view.selected = selected;
        view.field = 0;
        view.scroll = 0;
        effects.extend(ask_diff(&mut view));
    }
    keep_selected_in_view(&mut view, app);
    (Next::Stay(view), effects)
}

/// The change of the selected commit, unless it is here or asked for already.
fn ask_diff(view: &mut ChangesView) -> Option<Effect> {
    let entry = view.selected_entry()?;
    if view.asked == Some(entry) {
        return None;
    }
    view.asked = Some(entry);
    Some(Effect::HistoryDiff { request: view.request, entry, scope: view.scope.clone() })
}

/// The rows of the selected change as drawn, the first row of each field, and how many fit.
fn change_rows(view: &ChangesView, app: &App) -> (usize, Vec<usize>, usize) {
    let [_, below] = areas(app.layout.detail, view.entries.len());
    let width = usize::from(below.width.saturating_sub(2));
    let visible = usize::from(below.height.saturating_sub(2)).max(1);
    match view.selected_diff() {
        Some(diff) => {
            let (rows, starts) =
                rows(diff, view.field, (width, app.ambiguous_width), view.scope == Scope::File, app.lang);
            (rows.len(), starts, visible)
        }
        None => (0, Vec::new(), visible),
    }
}

fn scroll(view: &mut ChangesView, app: &App, down: bool) {
    let (total, _, visible) = change_rows(view, app);
    let most = u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX);
    let page = u16::try_from(visible.saturating_sub(1).max(1)).unwrap_or(1);
    view.scroll = if down { view.scroll.saturating_add(page).min(most) } else { view.scroll.saturating_sub(page) };
}

/// Tab: the next changed field, scrolled into view.
fn choose_field(view: &mut ChangesView, app: &App, forward: bool) {
    let count = view.fields().len();
    if count == 0 {
        return;
    }
    view.field = if forward { (view.field + 1) % count } else { (view.field + count - 1) % count };
    let (_, starts, visible) = change_rows(view, app);
    if let Some(&start) = starts.get(view.field) {
        let top = usize::from(view.scroll);
        if start < top || start + 3 > top + visible {
            view.scroll = u16::try_from(start).unwrap_or(u16::MAX);
        }
    }
}

/// The list shows the selected commit: its first row moves by whole pages.
fn keep_selected_in_view(view: &mut ChangesView, app: &App) {
    let [list, _] = areas(app.layout.detail, view.entries.len());
    let rows = usize::from(list.height.saturating_sub(2)).max(1);
    view.offset = tree::page_offset(view.offset, view.selected, rows, view.entries.len());
}

/// `r`: the chosen field of the selected change as it was before that commit, into the section as
/// it is now, recorded for undo like any edit; the view closes on the section to show it.
fn put_back(view: Box<ChangesView>, app: &mut App) -> Handled<Box<ChangesView>> {
    let chosen = view.fields().get(view.field).map(|(d, s, f)| ((*d).to_owned(), (*s).to_owned(), *f));
    let Some((division, section, field)) = chosen else {
        let choose = app.keymap.key_name(Context::History, Command::NextPane);
        app.say(Tone::Info, Msg::Raw(HistoryWords::PutBackNoField { choose }.text(app.lang)));
        return stay(view);
    };
    let place = format!("{division} {section}");
    let changed =
        view.selected_diff().and_then(|d| d.sections.iter().find(|s| s.division == division && s.section == section));
    let before = changed.and_then(|s| s.before.clone());
    // Into the section as it is called now (followed through renames), never into another that
    // took its old name.
    let target = changed.and_then(|s| s.current.clone()).and_then(|(d, s)| app.find_section(view.file, &d, &s));
    let words = match (&before, target) {
        (None, _) => Some(HistoryWords::PutBackNothing { place: place.clone() }),
        (_, None) => Some(HistoryWords::PutBackGone { place: place.clone() }),
        _ => None,
    };
    if let Some(words) = words {
        app.say(Tone::Error, Msg::Raw(words.text(app.lang)));
        return stay(view);
    }
    let (Some(before), Some(at)) = (before, target) else {
        return stay(view); // said just above
    };
    if field == hyoka_core::model::Field::Status {
        app.say(Tone::Error, Msg::Cycle(crate::i18n::cycle::CycleMsg::StatusNotPutBack));
        return stay(view);
    }
    if !(app.may_edit(view.file) && app.may_write(at)) {
        return stay(view);
    }
    if !app.change_section(at, |s| field.copy(&before, s)) {
        app.say(Tone::Info, Msg::Raw(HistoryWords::PutBackSame.text(app.lang)));
        return stay(view);
    }
    let when = view
        .entries
        .get(view.selected)
        .and_then(|(_, e)| e.commit.time)
        .map(|t| crate::i18n::cycle::moment(t, app.calendar, app.lang))
        .unwrap_or_default();
    app.cursor = Node::Section(at);
    tree::expand_to(app, at);
    app.focus = Focus::Pane(field.pane());
    app.clamp_goal_cursor();
    let field = field.label(app.lang).to_owned();
    let undo = app.keymap.key_name(Context::Global, Command::Undo);
    app.say(Tone::Info, Msg::Raw(HistoryWords::PutBack { place, field, when, undo }.text(app.lang)));
    close()
}

/// More commits from the worker, for the view that asked.
pub(in crate::app) fn page(app: &mut App, page: HistoryPage) -> Vec<Effect> {
    let Mode::Changes(view) = &mut app.mode else { return Vec::new() };
    if view.request != page.request {
        return Vec::new();
    }
    if page.fresh {
        view.entries.clear();
        view.selected = 0;
        view.asked = None;
        view.diff = None;
    }
    view.entries.extend(page.entries);
    (view.total, view.examined, view.complete, view.reading) = (page.total, page.examined, page.complete, false);
    ask_diff(view).into_iter().collect()
}

/// The change of a commit, for the view that asked.
pub(in crate::app) fn diff(app: &mut App, request: u64, entry: usize, diff: Option<Box<CommitDiff>>) {
    if let Mode::Changes(view) = &mut app.mode
        && view.request == request
    {
        view.diff = diff.map(|d| (entry, *d));
    }
}

pub(in crate::app) fn failed(app: &mut App, request: u64, why: String) {
    if let Mode::Changes(view) = &mut app.mode
        && view.request == request
    {
        view.failed = Some(why);
        view.reading = false;
    }
}
