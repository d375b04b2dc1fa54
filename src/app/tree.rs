//! The tree on the left: moving, folding and opening files, divisions and sections.

use super::state::{App, Focus, Node, SectionRef, TextScroll};
use crate::command::Command;
use hyoka_core::model::Field;

pub(in crate::app) fn handle(app: &mut App, command: Command) {
    app.sync_rows();
    let index = app.rows.index_of(app.cursor).unwrap_or(0);
    let last = app.rows.len().saturating_sub(1);
    let page = usize::from(app.layout.tree.height.saturating_sub(2)).max(1);
    let target = match command {
        Command::Up => index.saturating_sub(1),
        Command::Down => (index + 1).min(last),
        Command::PageUp => index.saturating_sub(page),
        Command::PageDown => (index + page).min(last),
        Command::First => 0,
        Command::Last => last,
        Command::Collapse => {
            match app.cursor {
                node @ (Node::File(_) | Node::Division(..))
                    if !app.collapsed.contains(&node) && has_children(app, node) =>
                {
                    app.fold(node, true);
                }
                Node::Division(file, _) => app.cursor = Node::File(file),
                Node::Section(at) => app.cursor = Node::Division(at.file, at.division),
                Node::File(_) => {}
            }
            return;
        }
        Command::Expand => match app.cursor {
            // A section has nothing to unfold: → opens it, as Enter does.
            Node::Section(_) => return open(app),
            node @ (Node::File(_) | Node::Division(..)) if app.collapsed.contains(&node) => {
                app.fold(node, false);
                return;
            }
            // Already open: step onto the first child, as file managers do.
            _ => (index + 1).min(last),
        },
        Command::Open => return open(app),
        _ => return,
    };
    if let Some(node) = app.rows.get(target) {
        select(app, node);
    }
}

/// Enter: a section's panes get the keys; a file or division folds or unfolds.
fn open(app: &mut App) {
    match app.cursor {
        // On the pane the file's stage is about: progress at mid-year, the rating at year end.
        Node::Section(at) => {
            app.focus = Focus::Pane(app.stage_fields(at.file).first().copied().unwrap_or(Field::Goals));
        }
        node => {
            if !app.fold(node, false) && has_children(app, node) {
                app.fold(node, true);
            }
        }
    }
}

fn has_children(app: &App, node: Node) -> bool {
    match node {
        Node::File(file) => app.doc(file).is_some_and(|d| !d.divisions.is_empty()),
        Node::Division(file, division) => {
            app.doc(file).and_then(|d| d.divisions.get(division)).is_some_and(|d| !d.sections.is_empty())
        }
        Node::Section(_) => false,
    }
}

/// Moves the cursor; the panes start again at the top for another section.
pub(in crate::app) fn select(app: &mut App, node: Node) {
    if app.cursor != node {
        app.cursor = node;
        app.goal_cursor = 0;
        app.goal_scroll = 0;
        app.scroll = TextScroll::default();
    }
}

/// Unfolds what hides a section, so that the cursor can stand on it.
pub(in crate::app) fn expand_to(app: &mut App, at: SectionRef) {
    app.fold(Node::File(at.file), false);
    app.fold(Node::Division(at.file, at.division), false);
}

/// Scrolls the tree by whole pages when the cursor leaves the rows shown.
pub(in crate::app) fn keep_cursor_in_view(app: &mut App) {
    let height = usize::from(app.layout.tree.height.saturating_sub(2)).max(1);
    app.sync_rows();
    let index = app.rows.index_of(app.cursor).unwrap_or(0);
    app.tree_offset = page_offset(app.tree_offset, index, height, app.rows.len());
}

/// The first row shown of a list that moves by pages (the tree, the table): the page the cursor
/// is on, and at the end the last `height` rows, so that the last page is full and never a few
/// rows over blank ones.
pub(in crate::app) fn page_offset(offset: usize, cursor: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let offset = if cursor < offset || cursor >= offset + height { cursor - cursor % height } else { offset };
    offset.min(len.saturating_sub(height))
}
