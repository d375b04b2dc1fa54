//! Reading a workbook: the sheet with the table, merged cells, cells named as Excel names them.
//!
//! A cover page before the table is passed over, or `--sheet` names the sheet; a merged area reads as
//! its value in each of its cells.

use std::io::Cursor;

use calamine::{Data, Dimensions, Range, Reader, Xlsx, open_workbook_from_rs};

use super::super::error::{ImportError, Warning};
use super::super::options::ImportOptions;
use super::super::table::header_hint::looks_like_header;
use super::super::table::read::read;
use super::super::table::{Cell, Row, Source, header};
use crate::i18n::interchange::Location;
use crate::i18n::interchange::read::ReadMsg;
use hyoka_core::model::Document;

/// The table of a workbook: the sheet `--sheet` names, else the first sheet with a header row.
pub fn import_workbook(bytes: &[u8], options: &ImportOptions) -> Result<(Document, Vec<Warning>), ImportError> {
    let unreadable = |detail: String| ImportError::whole(ReadMsg::WorkbookUnreadable { detail });
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: calamine::XlsxError| unreadable(e.to_string()))?;
    let sheets = book.sheet_names();
    if sheets.is_empty() {
        return Err(ImportError::whole(ReadMsg::NoSheet));
    }
    let chosen: Vec<String> = match &options.sheet {
        Some(name) => {
            let found = sheets.iter().find(|s| *s == name || s.trim() == name.trim());
            let found = found.ok_or_else(|| {
                ImportError::whole(ReadMsg::SheetNotFound { name: name.clone(), sheets: sheets.clone() })
            })?;
            vec![found.clone()]
        }
        None => sheets.clone(),
    };
    let mut candidate = None;
    for name in &chosen {
        let range = book.worksheet_range(name).map_err(|e| unreadable(e.to_string()))?;
        let merges = book.merge_cells_by_sheet_name(name).map_err(|e| unreadable(e.to_string()))?;
        let rows = sheet_rows(name, &range, &merges);
        if options.sheet.is_some() || rows.iter().any(|r| header::starts_header(r, options.columns.as_ref())) {
            return read(&rows, options, Source::Sheet);
        }
        if candidate.is_none() && rows.iter().any(looks_like_header) {
            candidate = Some(rows);
        }
    }
    // A sheet whose header is in a city's own words: read it, to name that row and what it holds.
    match candidate {
        Some(rows) => read(&rows, options, Source::Sheet),
        None => Err(ImportError::whole(ReadMsg::NoTableInWorkbook { sheets })),
    }
}

/// The sheet's rows from A1 on, each cell of a merged area holding the area's value.
fn sheet_rows(sheet: &str, range: &Range<Data>, merges: &[Dimensions]) -> Vec<Row> {
    let Some((last_row, last_col)) = range.end() else { return Vec::new() };
    let (height, width) = (last_row as usize + 1, last_col as usize + 1);
    let at = |row: usize, column: usize| Location::Cell { sheet: sheet.to_owned(), row: row + 1, column: column + 1 };
    let text = |row: usize, column: usize| {
        // Excel keeps a line break typed with Alt+Enter as LF; text pasted from elsewhere may hold CRLF.
        let position = (u32::try_from(row).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX));
        range.get_value(position).map(|d| d.to_string().replace("\r\n", "\n")).unwrap_or_default()
    };
    let mut rows: Vec<Row> = (0..height)
        .map(|r| Row {
            at: at(r, 0),
            cells: (0..width).map(|c| Cell { text: text(r, c), at: at(r, c), origin: None }).collect(),
        })
        .collect();
    for merge in merges {
        let (top, bottom, left, right) = corners(merge);
        let value = text(top, left);
        for row in rows.iter_mut().take(bottom + 1).skip(top) {
            for cell in row.cells.iter_mut().take(right + 1).skip(left) {
                cell.text.clone_from(&value);
                cell.origin = Some((top + 1, left + 1));
            }
        }
    }
    rows
}

/// The first and last row and column of a merged area, however the workbook wrote its corners
/// (some writers give `B7:B5`, bottom first): the value is in the top left cell.
fn corners(merge: &Dimensions) -> (usize, usize, usize, usize) {
    let (rows, columns) = ((merge.start.0, merge.end.0), (merge.start.1, merge.end.1));
    let (top, bottom) = (rows.0.min(rows.1) as usize, rows.0.max(rows.1) as usize);
    let (left, right) = (columns.0.min(columns.1) as usize, columns.0.max(columns.1) as usize);
    (top, bottom, left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merged_area_reads_as_its_value_in_every_cell() {
        let mut range = Range::new((0, 0), (2, 2));
        range.set_value((0, 0), Data::String("部".into()));
        range.set_value((1, 2), Data::String("x".into()));
        let merges = [Dimensions { start: (0, 0), end: (2, 0) }];
        let rows = sheet_rows("表", &range, &merges);
        let first_column: Vec<_> = rows.iter().map(|r| r.text(0)).collect();
        assert_eq!(first_column, ["部", "部", "部"]);
        assert_eq!(rows.get(2).and_then(|r| r.cells.first()).and_then(|c| c.origin), Some((1, 1)));
        assert_eq!(
            rows.get(1).map(|r| r.at(2).clone()),
            Some(Location::Cell { sheet: "表".into(), row: 2, column: 3 })
        );
    }

    #[test]
    fn a_merge_written_bottom_up_reads_as_the_area_it_means() {
        let mut range = Range::new((0, 0), (3, 2));
        range.set_value((1, 0), Data::String("部".into()));
        range.set_value((3, 1), Data::String("下".into()));
        // B2:A4 written as A4:B2 (bottom right first), and a one-column area bottom first.
        let merges = [Dimensions { start: (3, 1), end: (1, 0) }, Dimensions { start: (2, 2), end: (0, 2) }];
        let rows = sheet_rows("表", &range, &merges);
        let cells: Vec<Vec<String>> = rows.iter().map(|r| (0..3).map(|c| r.text(c).to_owned()).collect()).collect();
        assert_eq!(cells[0], ["", "", ""], "row 1 is outside the first area");
        for (row, cells) in cells.iter().enumerate().skip(1) {
            assert_eq!(cells[..2], ["部", "部"], "row {} holds the area's value", row + 1);
        }
        assert_eq!(rows[3].cells[1].origin, Some((2, 1)), "the value comes from the top left cell");
        assert_eq!(cells[3][2], "", "the second area is rows 1–3 of column C only");
    }
}
