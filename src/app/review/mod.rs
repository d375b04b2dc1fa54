//! The reviewer's side: search (`/`, `n`, `N`), filters (`f`, `F`), the distribution of ratings,
//! the table of every section (`t`), the years side by side (`[`, `]`, `y`) and the summary of
//! every file (`S`). What they compute are pure functions over the files; `refresh` brings the
//! state up to date after each action, only where a file or the search changed.

pub mod counts;
pub mod export;
pub mod filter;
pub mod index;
pub mod marks;
pub mod search;
pub mod summary;
pub mod table;
pub mod years;

pub use crate::i18n::review::Column;
pub use filter::FilterDialog;
pub use search::SearchPrompt;
pub use summary::{SummaryRow, SummaryView};
pub use table::{TableRow, TableView};
pub use years::{YearColumn, YearLine, YearsView};

use crate::app::state::{App, Hits, Loaded, Mode, Node, SectionRef};
use hyoka_core::text::fold::fold;

/// Whether the filter lets the section through (always, without a filter).
pub fn shows(app: &App, at: SectionRef) -> bool {
    match &app.review.shown {
        None => true,
        Some(shown) => {
            shown.get(at.file).and_then(|f| f.get(at.division)).and_then(|d| d.get(at.section)).is_some_and(|s| *s)
        }
    }
}

/// After an action: what the filter lets through and where the search hits, looked at again
/// when a file or the search or filter changed, and the open views rebuilt from them.
pub(in crate::app) fn refresh(app: &mut App) {
    // No document changed anywhere since the last look (the usual key): nothing to count.
    let clock = Loaded::latest_version();
    if clock == app.review.clock && !app.review.stale {
        return;
    }
    app.review.clock = clock;
    let versions: Vec<u64> = app.files.iter().map(|f| f.loaded_state().map_or(0, Loaded::version)).collect();
    if versions == app.review.seen && !app.review.stale {
        return;
    }
    let filter_changed = app.review.stale;
    app.review.seen = versions;
    app.review.stale = false;
    let review = &mut app.review;
    if review.search.is_some() || review.filter.word.is_some() {
        index::refresh(&mut review.index, &app.files, review.kana);
    }
    if let Some(search) = &mut review.search {
        search.folded = fold(&search.query, review.kana);
    }
    let before = app.selected().filter(|at| shows(app, *at));
    let mut shown =
        (!app.review.filter.is_empty()).then(|| filter::shown(&app.files, &app.review.index, &app.review.filter));
    // A section that stops matching while it is being worked on stays until the cursor leaves.
    if !filter_changed
        && let (Some(at), Some(shown)) = (before, &mut shown)
        && let Some(slot) =
            shown.get_mut(at.file).and_then(|f| f.get_mut(at.division)).and_then(|d| d.get_mut(at.section))
    {
        *slot = true;
    }
    if shown.is_some() || app.review.shown.is_some() {
        app.all_rows_changed();
    }
    app.review.shown = shown;
    app.review.hits = match &app.review.search {
        Some(search) => index::hits(&app.review.index, &search.folded, app.review.shown.as_ref()),
        None => Hits::default(),
    };
    keep_cursor_shown(app);
    match std::mem::replace(&mut app.mode, Mode::Browse) {
        Mode::Table(mut view) => {
            table::build(app, &mut view);
            app.mode = Mode::Table(view);
        }
        Mode::Summary(mut view) => {
            view.rows = counts::summary(&app.files);
            view.built.clone_from(&app.review.seen);
            app.mode = Mode::Summary(view);
        }
        mode => app.mode = mode,
    }
}

/// After the layout: the highlights of the section on screen, the distribution of the node
/// under the cursor, the years view's columns at the current width.
pub(in crate::app) fn after_layout(app: &mut App) {
    app.review.marks = marks::compute(app);
    app.review.here = marks::here(app);
    let (width, lang, measure) = (app.layout.width, app.lang, app.ambiguous_width);
    let page = table::page(app);
    match &mut app.mode {
        Mode::Years(view) => years::lay_out(view, (width, measure), lang),
        // A taller or lower screen: the last page stays full.
        Mode::Table(view) => {
            view.offset = crate::app::tree::page_offset(view.offset, view.cursor, page, view.rows.len())
        }
        _ => {}
    }
}

/// The cursor stands on a row the tree shows: under a filter, on the first section shown.
fn keep_cursor_shown(app: &mut App) {
    if app.review.shown.is_none() {
        return;
    }
    app.sync_rows();
    if app.rows.contains(app.cursor) {
        return;
    }
    let first = app.rows.iter().find(|n| matches!(n, Node::Section(_))).or(app.rows.get(0));
    if let Some(node) = first {
        if let Node::Section(at) = node {
            crate::app::tree::expand_to(app, at);
        }
        crate::app::tree::select(app, node);
    }
}
