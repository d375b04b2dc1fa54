//! The files being read in the background (asked for when the screen opens, in `start.rs`), the
//! nearest to the cursor first; each takes its place in the tree as it comes (the rows the clerk
//! looks at stay where they are), and what waited for a file (a journal to offer, a merge's
//! questions) is asked once it is read.

use super::action::Effect;
use super::state::{App, FileEntry, Node};

/// After any action: while files are still to be read, the readers follow the cursor's file.
pub(in crate::app) fn follow_cursor(app: &mut App) -> Option<Effect> {
    let file = app.cursor.file();
    (app.reading.unread > 0 && file != app.reading.near).then(|| {
        app.reading.near = file;
        Effect::ReadNear(file)
    })
}

/// Files read in the background come in.
pub(in crate::app) fn files_read(app: &mut App, read: Vec<(usize, FileEntry)>) -> Vec<Effect> {
    app.sync_rows();
    // The cursor stays on its row of the screen, whatever grew above it (or, when it is out of
    // sight, the row at the top stays at the top).
    let anchor = match app.rows.index_of(app.cursor) {
        Some(at) if at >= app.tree_offset => (app.cursor, at - app.tree_offset),
        _ => (app.rows.get(app.tree_offset).unwrap_or(app.cursor), 0),
    };
    let mut asks = None;
    for (file, entry) in read {
        let Some(slot) = app.files.get_mut(file).filter(|f| f.is_unread()) else { continue };
        // What the file is and where it was found stay the state's, and so does what came
        // while it was being read (a merge git left, found by its path): the read brings the rest.
        slot.state = entry.state;
        if let Some(loaded) = slot.loaded_mut() {
            loaded.renew_version();
        }
        slot.read_only = entry.read_only;
        slot.disk_stamp = entry.disk_stamp;
        if !slot.merge.is_empty() {
            asks.get_or_insert(file);
        }
        app.reading.unread = app.reading.unread.saturating_sub(1);
        app.rows_changed(file);
        app.disk_news = true;
    }
    app.sync_rows();
    if let Some(at) = app.rows.index_of(anchor.0) {
        app.tree_offset = at.saturating_sub(anchor.1);
    }
    // Until the clerk presses a key, the screen opens on the first section, as when every file
    // is read before the first frame.
    if !app.reading.chosen
        && !matches!(app.cursor, Node::Section(_))
        && let Some(first) = app.rows.iter().find(|n| matches!(n, Node::Section(_)))
    {
        app.cursor = first;
    }
    if let Some(file) = asks {
        super::start::ask_merge(app, file);
    }
    let waiting = std::mem::take(&mut app.reading.journals);
    if waiting.is_empty() { Vec::new() } else { super::start::journals_found(app, Ok(waiting)) }
}
