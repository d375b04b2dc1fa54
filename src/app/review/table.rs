//! The table of every section (`t`): its rows (a pure function over the files and the filter),
//! sorting by any column, and its keys. Only the rows on screen are ever drawn.

use std::cmp::Ordering;

use crate::app::action::Action;
use crate::app::dialog::{Handled, close, stay};
use chrono::{DateTime, FixedOffset};

use super::Column;
use crate::app::state::{App, FileEntry, Focus, Mode, Node, SectionRef};
use crate::app::tree;
use crate::command::Command;
use crate::i18n::Lang;
use crate::i18n::cycle::{Calendar, day};
use hyoka_core::model::Field;
use hyoka_core::text::{AmbiguousWidth, sanitize};

/// `t`: one row per section.
#[derive(Clone, Debug, Default)]
pub struct TableView {
    pub rows: Vec<TableRow>,
    pub sort: Column,
    pub descending: bool,
    /// The column ←→ chose (s sorts by it).
    pub column: Column,
    pub cursor: usize,
    pub offset: usize,
    /// The widest text of each column, in display columns, as built.
    pub widths: Vec<usize>,
    /// The file versions the rows were built from.
    pub built: Vec<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    pub at: SectionRef,
    /// "上京区役所 平成20年度"
    pub file: String,
    pub division: String,
    pub section: String,
    pub rating: Option<String>,
    /// Place of the rating on its scale (best first); unrated after every mark.
    pub rank: usize,
    pub goals: usize,
    pub complete: bool,
    pub updated: Option<DateTime<FixedOffset>>,
    pub updated_by: String,
}

/// One row per section the filter lets through (`shown`; `None`: all), in tree order.
pub fn rows(files: &[FileEntry], shown: Option<&Vec<Vec<Vec<bool>>>>) -> Vec<TableRow> {
    let mut out = Vec::new();
    for (file, entry) in files.iter().enumerate() {
        let Some(doc) = entry.doc() else { continue };
        let title = doc.title();
        let scale = doc.scale();
        for (division, d) in doc.divisions.iter().enumerate() {
            for (section, s) in d.sections.iter().enumerate() {
                let lets = shown.is_none_or(|f| {
                    f.get(file).and_then(|f| f.get(division)).and_then(|d| d.get(section)).is_some_and(|s| *s)
                });
                if !lets {
                    continue;
                }
                let rank = s.rating.as_deref().and_then(|m| scale.iter().position(|g| g.mark == m));
                out.push(TableRow {
                    at: SectionRef { file, division, section },
                    file: title.clone(),
                    division: d.name.clone(),
                    section: s.name.clone(),
                    rating: s.rating.clone(),
                    rank: rank.unwrap_or(usize::MAX),
                    goals: s.goals.iter().filter(|g| !g.trim().is_empty()).count(),
                    complete: s.empty_fields().is_empty(),
                    updated: s.updated,
                    updated_by: s.updated_by.clone().unwrap_or_default(),
                });
            }
        }
    }
    out
}

/// Sorts by one column; rows that compare equal stay in tree order, so a second sort by
/// another column keeps the first within it only when asked to (stable, then by place).
pub fn sort(rows: &mut [TableRow], column: Column, descending: bool) {
    rows.sort_by(|a, b| {
        let order = compare(a, b, column);
        let order = if descending { order.reverse() } else { order };
        order.then_with(|| a.at.cmp(&b.at))
    });
}

fn compare(a: &TableRow, b: &TableRow, column: Column) -> Ordering {
    match column {
        Column::File => a.at.file.cmp(&b.at.file),
        Column::Division => a.division.cmp(&b.division),
        Column::Section => a.section.cmp(&b.section),
        Column::Rating => a.rank.cmp(&b.rank),
        Column::Goals => a.goals.cmp(&b.goals),
        Column::Complete => a.complete.cmp(&b.complete),
        // Never changed last, whichever way: a missing date says nothing about order.
        Column::Updated => match (a.updated, b.updated) {
            (Some(x), Some(y)) => x.cmp(&y),
            (x, y) => y.is_none().cmp(&x.is_none()),
        },
        Column::UpdatedBy => a.updated_by.cmp(&b.updated_by),
    }
}

/// The widest text of each column (display columns, after taming control characters).
pub fn widths(rows: &[TableRow], calendar: (Calendar, Lang), measure: AmbiguousWidth) -> Vec<usize> {
    let mut widths = vec![0; Column::ALL.len()];
    for row in rows {
        for (slot, column) in widths.iter_mut().zip(Column::ALL) {
            *slot = (*slot).max(measure.display_width(&cell(row, column, calendar)));
        }
    }
    widths
}

/// A cell's text as shown; the day of the last change in the office's calendar.
pub fn cell(row: &TableRow, column: Column, (calendar, lang): (Calendar, Lang)) -> String {
    match column {
        Column::File => sanitize(&row.file).into_owned(),
        Column::Division => sanitize(&row.division).into_owned(),
        Column::Section => sanitize(&row.section).into_owned(),
        Column::Rating => row.rating.as_deref().map(|m| sanitize(m).into_owned()).unwrap_or_default(),
        Column::Goals => row.goals.to_string(),
        Column::Complete => if row.complete { "○" } else { "!" }.to_owned(),
        Column::Updated => row.updated.map(|at| day(at.date_naive(), calendar, lang)).unwrap_or_default(),
        Column::UpdatedBy => sanitize(&row.updated_by).into_owned(),
    }
}

/// `t`: the table, in tree order, on the row of the section under the cursor.
pub(in crate::app) fn open(app: &mut App) {
    let mut view = TableView::default();
    build(app, &mut view);
    if let Some(at) = app.selected() {
        view.cursor = view.rows.iter().position(|r| r.at == at).unwrap_or(0);
    }
    view.offset = tree::page_offset(0, view.cursor, page(app), view.rows.len());
    app.mode = Mode::Table(Box::new(view));
}

/// (Re)builds the rows from the files and the filter in force, keeping the order and the row.
pub fn build(app: &App, view: &mut TableView) {
    let on = view.rows.get(view.cursor).map(|r| r.at);
    view.rows = rows(&app.files, app.review.shown.as_ref());
    sort(&mut view.rows, view.sort, view.descending);
    view.widths = widths(&view.rows, (app.calendar, app.lang), app.ambiguous_width);
    view.built.clone_from(&app.review.seen);
    if let Some(at) = on {
        view.cursor = view.rows.iter().position(|r| r.at == at).unwrap_or(view.cursor);
    }
    view.cursor = view.cursor.min(view.rows.len().saturating_sub(1));
    view.offset = tree::page_offset(view.offset.min(view.cursor), view.cursor, page(app), view.rows.len());
}

/// The rows the table shows at once: the screen less the two status lines, the borders and
/// the heading.
pub(in crate::app) fn page(app: &App) -> usize {
    usize::from(app.layout.height.saturating_sub(5)).max(1)
}

pub(in crate::app) fn handle(mut view: Box<TableView>, app: &mut App, action: Action) -> Handled<Box<TableView>> {
    let last = view.rows.len().saturating_sub(1);
    let page = page(app);
    let Action::Command(command) = action else { return stay(view) };
    match command {
        Command::Close => return close(),
        Command::Up => view.cursor = view.cursor.saturating_sub(1),
        Command::Down => view.cursor = (view.cursor + 1).min(last),
        Command::PageUp => view.cursor = view.cursor.saturating_sub(page),
        Command::PageDown => view.cursor = (view.cursor + page).min(last),
        Command::First => view.cursor = 0,
        Command::Last => view.cursor = last,
        Command::PrevColumn | Command::NextColumn => view.column = view.column.beside(command == Command::PrevColumn),
        Command::SortBy => {
            // Again on the same column: the other way round.
            view.descending = view.sort == view.column && !view.descending;
            view.sort = view.column;
            let on = view.rows.get(view.cursor).map(|r| r.at);
            sort(&mut view.rows, view.sort, view.descending);
            view.cursor = on.and_then(|at| view.rows.iter().position(|r| r.at == at)).unwrap_or(0);
        }
        Command::Accept => {
            if let Some(row) = view.rows.get(view.cursor) {
                tree::expand_to(app, row.at);
                tree::select(app, Node::Section(row.at));
                app.focus = Focus::Pane(Field::Goals);
                return close();
            }
        }
        _ => {}
    }
    // The rows on screen move by pages, as the tree's do; the last page is full.
    view.offset = tree::page_offset(view.offset, view.cursor, page, view.rows.len());
    stay(view)
}
