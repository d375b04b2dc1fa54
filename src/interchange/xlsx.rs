//! The published table as an Excel workbook: written with rust_xlsxwriter, read with calamine.
//!
//! The sheet has the rows of the text table ([`super::tsv`]), one cell per column, so both go through
//! the same row parser; a spreadsheet cell holds real line breaks, taken as lines as they are (no
//! "・" guessing). The limits of [`super::tsv`] on names, goals and the legend hold here too, but any
//! line break is fine. Control characters and direction overrides are written as visible stand-ins
//! (`␛`, `<U+202E>`). No cell is a formula: texts are string cells, and those starting with
//! `= + - @` also get Excel's "quote prefix" (the `'` typed before a text), so that editing the cell
//! does not turn it into one — the text itself stays as written and reads back unchanged.
//!
//! Reading takes the first sheet, whatever its name.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::tsv::{self, Cells, ImportError, ImportOptions, Row, RowKind, TableRow};
use super::{ExportError, heading, looks_like_formula, visible};
use crate::i18n::Lang;
use crate::model::{Document, Grade};

const SHEET: &str = "所属等の目標";
const A4: u8 = 9;

/// The workbook's bytes; refuses what the table layout cannot carry, as [`tsv::export_table`] does.
pub fn export_workbook(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let shown = with_visible_controls(doc);
    let rows = tsv::table_rows(&shown, Cells::Multiline)?;
    let read_back = tsv::import_rows(sheet_rows(&rows), &tsv::carried_identity(&shown), Cells::Multiline);
    tsv::verify(&shown, read_back)?;
    write_book(&shown, &rows).map_err(|e| ExportError {
        ja: format!("Excel ファイルを作れません（{e}）。一つの欄は32767文字までです。長すぎる欄を短くしてください。"),
        en: format!(
            "cannot build the Excel file ({e}); a cell holds at most 32767 characters, so shorten long fields."
        ),
    })
}

/// A workbook that cannot be read, or a first sheet that is not the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookError {
    Unreadable(String),
    NoSheet,
    Table(ImportError),
}

impl WorkbookError {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (WorkbookError::Unreadable(detail), Lang::Ja) => {
                format!(
                    "Excel（.xlsx）ファイルとして読めません（{detail}）。Excel で「.xlsx」形式で保存し直してください。"
                )
            }
            (WorkbookError::Unreadable(detail), Lang::En) => {
                format!("cannot read it as an Excel (.xlsx) file ({detail}); save it again in .xlsx format.")
            }
            (WorkbookError::NoSheet, Lang::Ja) => "シートがありません。表を最初のシートに置いてください。".into(),
            (WorkbookError::NoSheet, Lang::En) => "the workbook has no sheet; put the table on the first sheet.".into(),
            (WorkbookError::Table(e), lang) => {
                let cell = cell_name(e.line, e.column);
                match lang {
                    Lang::Ja => format!("セル {cell}: {}", e.ja),
                    Lang::En => format!("cell {cell}: {}", e.en),
                }
            }
        }
    }
}

/// Reads the table from the first sheet of an `.xlsx` file.
pub fn import_workbook(bytes: &[u8], options: &ImportOptions) -> Result<Document, WorkbookError> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| WorkbookError::Unreadable(e.to_string()))?;
    let range = book.worksheet_range_at(0).ok_or(WorkbookError::NoSheet)?;
    let range = range.map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    // A range starts at its first used cell; numbering from there keeps messages on Excel's rows.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range.rows().enumerate().map(|(i, cells)| Row {
        number: first_row as usize + i + 1,
        cells: without_trailing_blanks(
            std::iter::repeat_n(String::new(), first_col as usize).chain(cells.iter().map(cell_text)).collect(),
        ),
    });
    tsv::import_rows(rows, options, Cells::Multiline).map_err(WorkbookError::Table)
}

/// "D12" for row 12, column 4, as Excel names a cell.
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column.max(1);
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

fn cell_text(cell: &Data) -> String {
    // Excel keeps a line break typed with Alt+Enter as LF, but text pasted from elsewhere may hold CRLF.
    cell.to_string().replace("\r\n", "\n")
}

/// A text line has one cell and a header several: trailing blank cells must not count, in a sheet
/// where every row is as wide as the widest.
fn without_trailing_blanks(mut cells: Vec<String>) -> Vec<String> {
    while cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    cells
}

/// The rows as the reader will see them, to check the export before writing it.
fn sheet_rows(rows: &[TableRow]) -> Vec<Row> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| Row { number: i + 1, cells: without_trailing_blanks(row.cells.clone()) })
        .collect()
}

fn with_visible_controls(doc: &Document) -> Document {
    let v = |text: &str| visible(text).into_owned();
    let mut doc = doc.clone();
    doc.organization = v(&doc.organization);
    doc.preface = doc.preface.as_deref().map(v);
    doc.scale = doc.scale.map(|scale| scale.iter().map(|g| Grade { mark: v(&g.mark), label: v(&g.label) }).collect());
    for division in &mut doc.divisions {
        division.name = v(&division.name);
        for section in &mut division.sections {
            section.name = v(&section.name);
            section.goals_intro = v(&section.goals_intro);
            section.goals = section.goals.iter().map(|g| v(g)).collect();
            section.progress = v(&section.progress);
            section.rating = section.rating.as_deref().map(v);
            section.reflection = v(&section.reflection);
        }
    }
    doc
}

fn write_book(doc: &Document, rows: &[TableRow]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    for (col, width) in column_widths(rows).into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.cells.iter().enumerate() {
            sheet.write_string_with_format(r as u32, c as u16, text, &cell_format(row.kind, c, text))?;
        }
    }
    group_divisions(sheet, rows)?;
    print_setup(sheet, doc, rows)?;
    book.save_to_buffer()
}

fn cell_format(kind: RowKind, column: usize, text: &str) -> Format {
    let boxed = || Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let format = match kind {
        RowKind::Blank | RowKind::Line => Format::new(), // long lines run on over the empty cells beside them
        RowKind::Header => boxed()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xE8E8E8)),
        RowKind::Section { first_in_division } => {
            let format = if column == 3 {
                boxed().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter).set_font_size(14)
            } else {
                boxed().set_align(FormatAlign::Top)
            };
            // A heavier line where a division begins, since the sheet has no division rows.
            if first_in_division { format.set_border_top(FormatBorder::Medium) } else { format }
        }
    };
    if looks_like_formula(text) { format.set_quote_prefix() } else { format }
}

/// Column widths in Excel's units (about one half-width character): the longest line of the table's
/// cells, full-width characters counted as two, within limits that keep A4 landscape readable.
fn column_widths(rows: &[TableRow]) -> [f64; 5] {
    const LIMITS: [(usize, usize); 5] = [(10, 24), (16, 50), (16, 50), (8, 10), (16, 50)];
    let mut widths = [0usize; 5];
    let table = rows.iter().filter(|r| matches!(r.kind, RowKind::Section { .. }));
    for row in table {
        for (width, text) in widths.iter_mut().zip(&row.cells) {
            *width = (*width).max(text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0));
        }
    }
    let mut out = [0.0; 5];
    for ((out, width), (low, high)) in out.iter_mut().zip(widths).zip(LIMITS) {
        *out = (width + 2).clamp(low, high) as f64;
    }
    out
}

/// Each division's rows form an outline group, so a reader can fold the divisions they do not need.
fn group_divisions(sheet: &mut Worksheet, rows: &[TableRow]) -> Result<(), XlsxError> {
    let mut start = None;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32;
        if let RowKind::Section { first_in_division: true } = row.kind {
            if let Some(first) = start {
                sheet.group_rows(first, r - 1)?;
            }
            start = Some(r);
        }
    }
    if let Some(first) = start {
        sheet.group_rows(first, rows.len() as u32 - 1)?;
    }
    Ok(())
}

fn print_setup(sheet: &mut Worksheet, doc: &Document, rows: &[TableRow]) -> Result<(), XlsxError> {
    sheet.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0).set_print_center_horizontally(true);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    // "&" starts a code in Excel's page header; "&&" is a literal one.
    let title: String = heading(doc).chars().take(100).collect::<String>().replace('&', "&&");
    sheet.set_header(format!("&L{title}")).set_footer("&C&P / &N");
    let headers: Vec<u32> =
        rows.iter().enumerate().filter(|(_, row)| row.kind == RowKind::Header).map(|(r, _)| r as u32).collect();
    if let (Some(&first), Some(&last)) = (headers.first(), headers.last()) {
        sheet.set_repeat_rows(first, last)?;
        sheet.set_freeze_panes(last + 1, 0)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_does() {
        assert_eq!(cell_name(12, 4), "D12");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(3, 27), "AA3");
        assert_eq!(cell_name(3, 703), "AAA3");
    }

    #[test]
    fn trailing_blank_cells_do_not_make_a_header() {
        assert_eq!(without_trailing_blanks(vec!["～前書き～".into(), String::new(), " ".into()]), ["～前書き～"]);
    }

    #[test]
    fn widths_count_full_width_as_two_within_limits() {
        let row = |cells: [&str; 5]| TableRow {
            kind: RowKind::Section { first_in_division: true },
            cells: cells.map(str::to_owned).to_vec(),
        };
        let widths = column_widths(&[row(["区民部 総務課", "短い", &"長".repeat(80), "○", "a\nbb"])]);
        assert_eq!(widths, [15.0, 16.0, 50.0, 8.0, 16.0]);
    }
}
