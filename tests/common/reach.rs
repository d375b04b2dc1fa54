//! A state reached as a person reaches it: the cursor and the keys moved by the keys a clerk
//! presses, and what the worker would answer (who is at the keys, a merge git left, a journal
//! left behind, a history read) given through `update`. The state's fields are `app/`'s alone,
//! so this is the only way a test sets one up.

use hyoka::app::{Action, App, Effect, Focus, Node, update};
use hyoka::command::Command;

/// One command, as its key gives it; the effects it asks for, not carried out.
pub fn command(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Command(command))
}

/// Moves the tree cursor to `node` with the tree's keys (to the top, then down), from the tree.
pub fn go_to(app: &mut App, node: Node) {
    command(app, Command::Back);
    command(app, Command::First);
    let rows = app.visible_nodes().len();
    for _ in 0..rows {
        if app.cursor() == node {
            return;
        }
        command(app, Command::Down);
    }
    assert_eq!(app.cursor(), node, "the tree has no visible row {node:?}");
}

/// Gives the keys to `focus` (the tree or a pane) with Tab, as a clerk does.
pub fn focus(app: &mut App, focus: Focus) {
    for _ in 0..5 {
        if app.focus() == focus {
            return;
        }
        command(app, Command::NextPane);
    }
    assert_eq!(app.focus(), focus, "Tab never reaches {focus:?}");
}

/// The cursor on `node`, the keys with `focus`.
pub fn go_to_pane(app: &mut App, node: Node, pane: Focus) {
    go_to(app, node);
    focus(app, pane);
}

/// Selects the goals pane's row `row` (the lead-in, when there is one, is row 0).
pub fn goal_row(app: &mut App, row: usize) {
    command(app, Command::First);
    for _ in 0..row {
        command(app, Command::Down);
    }
    assert_eq!(app.goal_cursor(), row, "the goals pane has no row {row}");
}

/// The worker found out who is at the keys.
pub fn identify(app: &mut App, user: &str, reviewer: bool) {
    update(app, Action::Identified(hyoka::app::Identity { user: user.to_owned(), reviewer }));
}

/// A `git merge` left these fields of the first file for hyoka: its conflict dialog opens.
pub fn merge_left(app: &mut App, conflicts: Vec<hyoka::store::FieldConflict>) {
    let path = app.files()[0].canonical.clone();
    let waiting = hyoka::app::MergesWaiting { files: vec![(path, conflicts)], said: Vec::new() };
    update(app, Action::MergesWaiting(Box::new(waiting)));
}

/// A hyoka that is gone left `mine` over `base` for the first file, in a journal found at start
/// (`original`: where the data file was then; elsewhere, it moved since): the recovery dialog opens.
pub fn journal_left(app: &mut App, base: hyoka::model::Document, mine: hyoka::model::Document, original: &str) {
    let moved = app.files()[0].canonical != std::path::Path::new(original);
    let work = hyoka::app::JournalWork { base, mine, pending: Vec::new(), drafts: Vec::new() };
    let content = hyoka::app::journal::JournalContent { file: original.into(), work };
    let left = hyoka::app::LeftJournal { path: "/state/x.journal".into(), content, written: None, moved };
    update(app, Action::JournalsFound(Ok(vec![left])));
}

/// `H` pressed where the cursor is, and the worker answered with these commits (newest first,
/// with their index in the file's history) and the first one's change.
pub fn history_read(app: &mut App, entries: Vec<(usize, hyoka::git::Entry)>, diff: Option<hyoka::git::CommitDiff>) {
    command(app, Command::History);
    let hyoka::app::Mode::Changes(view) = app.mode() else { panic!("H opens the history") };
    let request = view.request;
    let total = entries.len();
    let page = hyoka::app::HistoryPage { request, entries, examined: total, total, complete: true, fresh: true };
    update(app, Action::History(Box::new(page)));
    if let Some(diff) = diff {
        update(app, Action::HistoryDiff { request, entry: 0, diff: Some(Box::new(diff)) });
    }
}
