//! The published table as an Excel workbook, written and read.
//!
//! Written with rust_xlsxwriter ([`write`]), read with calamine ([`read`]).
//!
//! The sheet has the rows of the text table, one cell per column, so both go through the same row
//! reader; a spreadsheet cell holds real line breaks, taken as they are. The limits of the table
//! hold here too, except that any line break is fine. Control characters
//! and direction overrides are written as visible stand-ins (`␛`, `<U+202E>`). No cell is a
//! formula: texts are string cells, and those starting with `= + - @` also get Excel's "quote
//! prefix", so that editing the cell does not turn it into one.

pub mod read;
mod write;

pub use read::import_workbook;

use super::error::ExportError;
use super::table::Source;
use super::table::verify::{carried_identity, verify};
use super::table::write::{RowKind, TableRow, table_rows};
use super::table::{Cell, Row, read as table_read};
use super::visible;
use crate::i18n::interchange::Location;
use crate::i18n::interchange::limits::ExportMsg;
use hyoka_core::model::{Document, Grade};

/// The workbook's bytes; refuses what the table layout cannot carry, as the text table does.
pub fn export_workbook(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let shown = with_visible_controls(doc);
    let rows = table_rows(&shown, Source::Sheet)?;
    let read_back = table_read::read(&sheet_rows(&rows), &carried_identity(&shown), Source::Sheet).map(|(doc, _)| doc);
    verify(&shown, read_back)?;
    write::write_book(&shown, &rows).map_err(|e| ExportError(ExportMsg::XlsxBuild { detail: e.to_string() }))
}

/// The rows as the reader will see them in the sheet (lines above and under the table span their
/// row as one merged cell), to check the export before writing it.
fn sheet_rows(rows: &[TableRow]) -> Vec<Row> {
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            let at = |c: usize| Location::Cell { sheet: write::SHEET.to_owned(), row: r + 1, column: c + 1 };
            let spans = matches!(row.kind, RowKind::Line | RowKind::Note);
            let cells = (0..5)
                .map(|c| {
                    let text = if spans { row.cells.first() } else { row.cells.get(c) };
                    Cell { text: text.cloned().unwrap_or_default(), at: at(c), origin: spans.then_some((r + 1, 1)) }
                })
                .collect();
            Row { at: at(0), cells }
        })
        .collect()
}

fn with_visible_controls(doc: &Document) -> Document {
    let v = |text: &str| visible(text).into_owned();
    let mut doc = doc.clone();
    doc.organization = v(&doc.organization);
    doc.preface = doc.preface.as_deref().map(v);
    doc.notes = doc.notes.as_deref().map(v);
    doc.scale = doc.scale.map(|scale| scale.iter().map(|g| Grade { mark: v(&g.mark), label: v(&g.label) }).collect());
    for division in &mut doc.divisions {
        division.name = v(&division.name);
        for section in &mut division.sections {
            section.name = v(&section.name);
            section.goals_intro = v(&section.goals_intro);
            section.goals = section.goals.iter().map(|g| v(g)).collect();
            section.progress = v(&section.progress);
            section.rating = section.rating.as_deref().map(v);
            section.goal_ratings = section.goal_ratings.iter().map(|r| r.as_deref().map(v)).collect();
            section.reflection = v(&section.reflection);
        }
    }
    doc
}
