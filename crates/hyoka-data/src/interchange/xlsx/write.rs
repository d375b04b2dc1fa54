//! Writing the workbook so that it prints: merged header rows and rows as tall as their text.
//!
//! The two header rows are merged as the published table has them, lines above and under the table span
//! the page, and rows get heights from their wrapped text, since neither Excel nor LibreOffice grows a row
//! written with wrapping.

use chrono::{Datelike as _, NaiveDate, Timelike as _};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::super::table::write::{RowKind, TableRow};
use super::super::{heading, looks_like_formula};
use hyoka_core::model::Document;

pub(crate) const SHEET: &str = "所属等の目標";
const A4: u8 = 9;
const COLUMNS: u16 = 5;
/// Points per line of text at the sheet's 11-point font, with the room CJK fonts take.
const LINE_POINTS: f64 = 16.5;
/// Excel's column width is counted in widths of "0"; a full-width character takes about two and a
/// bit of them, so the estimate counts a little wide rather than cut a line.
const GLYPH_SLACK: f64 = 1.12;

pub(crate) fn write_book(doc: &Document, rows: &[TableRow]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    let widths = column_widths(rows);
    for (col, width) in (0..COLUMNS).zip(widths) {
        sheet.set_column_width(col, width)?;
    }
    let page_width: f64 = widths.iter().sum();
    let headers: Vec<usize> =
        rows.iter().enumerate().filter(|(_, r)| r.kind == RowKind::Header).map(|(i, _)| i).collect();
    for (r, row) in rows.iter().enumerate() {
        let r32 = u32::try_from(r).unwrap_or(u32::MAX);
        match row.kind {
            RowKind::Blank => {}
            RowKind::Line | RowKind::Note => {
                let text = row.cells.first().map_or("", String::as_str);
                let format = Format::new().set_text_wrap().set_align(FormatAlign::Top);
                sheet.merge_range(r32, 0, r32, COLUMNS - 1, text, &with_quote_prefix(format, text))?;
                sheet.set_row_height(r32, height(&[(text, page_width)], LINE_POINTS))?;
            }
            RowKind::Header => {}
            RowKind::Section { first_in_division } => {
                for (c, text) in (0..COLUMNS).zip(&row.cells) {
                    sheet.write_string_with_format(r32, c, text, &section_format(c, first_in_division, text))?;
                }
                let cells: Vec<(&str, f64)> = row.cells.iter().map(String::as_str).zip(widths).collect();
                sheet.set_row_height(r32, height(&cells, LINE_POINTS))?;
            }
        }
    }
    if let [first, second] = headers.as_slice() {
        write_header(sheet, rows, (*first, *second), &widths)?;
    }
    group_divisions(sheet, rows)?;
    print_setup(sheet, doc, &headers)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created(doc)));
    book.save_to_buffer()
}

/// The workbook's "created" stamp: the document's last change, else the first day of its fiscal
/// year — never the clock, so that the same data give the same bytes (a published site kept in git).
fn created(doc: &Document) -> ExcelDateTime {
    let last = doc.divisions.iter().flat_map(|d| &d.sections).filter_map(|s| s.updated).max();
    let start = NaiveDate::from_ymd_opt(doc.fiscal_year, 4, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    let at = last.map(|t| t.naive_utc()).or(start);
    let stamp = at.and_then(|at| {
        let day = ExcelDateTime::from_ymd(u16::try_from(at.year()).ok()?, at.month() as u8, at.day() as u8);
        day.and_then(|d| d.and_hms(at.hour() as u16, at.minute() as u8, at.second())).ok()
    });
    stamp.or_else(|| ExcelDateTime::from_ymd(1980, 1, 1).ok()).unwrap_or_default()
}

/// The two header rows as the published table has them: 所属等名, 所属等の目標 and 取組状況 each over
/// both rows, 今年度の取組を振り返って over the rating and the reflection.
fn write_header(
    sheet: &mut Worksheet,
    rows: &[TableRow],
    (first, second): (usize, usize),
    widths: &[f64; 5],
) -> Result<(), XlsxError> {
    let format = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xE8E8E8));
    let (top, bottom) = (u32::try_from(first).unwrap_or(u32::MAX), u32::try_from(second).unwrap_or(u32::MAX));
    let cell = |row: usize, c: usize| rows.get(row).and_then(|r| r.cells.get(c)).map_or("", String::as_str);
    for c in 0..3 {
        sheet.merge_range(top, c, bottom, c, cell(first, usize::from(c)), &format)?;
    }
    sheet.merge_range(top, 3, top, 4, cell(first, 3), &format)?;
    sheet.write_string_with_format(bottom, 3, cell(second, 3), &format)?;
    sheet.write_string_with_format(bottom, 4, cell(second, 4), &format)?;
    let width = |c: usize| widths.get(c).copied().unwrap_or(12.0);
    let spanning: Vec<(&str, f64)> = (0..3).map(|c| (cell(first, c), width(c))).collect();
    let top_height = height(&[(cell(first, 3), width(3) + width(4))], LINE_POINTS);
    let bottom_height = height(&[(cell(second, 3), width(3)), (cell(second, 4), width(4))], LINE_POINTS);
    // The merged cells over both rows get what the two rows give them together.
    let missing = (height(&spanning, LINE_POINTS) - top_height - bottom_height).max(0.0);
    sheet.set_row_height(top, top_height + missing / 2.0)?;
    sheet.set_row_height(bottom, bottom_height + missing / 2.0)?;
    Ok(())
}

fn section_format(column: u16, first_in_division: bool, text: &str) -> Format {
    let boxed = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let format = if column == 3 {
        boxed.set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter).set_font_size(14)
    } else {
        boxed.set_align(FormatAlign::Top)
    };
    // A heavier line where a division begins, since the sheet has no division rows.
    let format = if first_in_division { format.set_border_top(FormatBorder::Medium) } else { format };
    with_quote_prefix(format, text)
}

/// Excel's quote prefix keeps a text starting with `=` a text even when the cell is edited.
fn with_quote_prefix(format: Format, text: &str) -> Format {
    if looks_like_formula(text) { format.set_quote_prefix() } else { format }
}

/// The lines a text takes in a column of `width`: each line of the text wrapped at the width.
pub(crate) fn wrapped_lines(text: &str, width: f64) -> usize {
    let usable = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| {
            let needed = UnicodeWidthStr::width(line) as f64 * GLYPH_SLACK;
            // At least one line; the estimate rounds up, so a long line never loses its end.
            ((needed / usable).ceil() as usize).max(1)
        })
        .sum()
}

/// The row height, in points, that shows every line of the tallest cell.
pub(crate) fn height(cells: &[(&str, f64)], line_points: f64) -> f64 {
    let lines = cells.iter().map(|(text, width)| wrapped_lines(text, *width)).max().unwrap_or(1);
    (lines as f64 * line_points + 4.0).min(409.0)
}

/// Column widths in Excel's units: the longest line of the table's cells, full-width characters
/// counted as two, within limits that keep A4 landscape readable.
pub(crate) fn column_widths(rows: &[TableRow]) -> [f64; 5] {
    const LIMITS: [(usize, usize); 5] = [(12, 24), (16, 50), (16, 50), (12, 12), (16, 50)];
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
    let sections: Vec<(u32, bool)> = rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| match row.kind {
            RowKind::Section { first_in_division } => Some((u32::try_from(r).ok()?, first_in_division)),
            _ => None,
        })
        .collect();
    let starts: Vec<u32> = sections.iter().filter(|(_, first)| *first).map(|(r, _)| *r).collect();
    let last = sections.last().map(|(r, _)| *r);
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map(|next| next - 1).or(last).unwrap_or(*start);
        sheet.group_rows(*start, end)?;
    }
    Ok(())
}

fn print_setup(sheet: &mut Worksheet, doc: &Document, headers: &[usize]) -> Result<(), XlsxError> {
    sheet.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0).set_print_center_horizontally(true);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    // "&" starts a code in Excel's page header; "&&" is a literal one.
    let title: String = heading(doc).chars().take(100).collect::<String>().replace('&', "&&");
    sheet.set_header(format!("&L{title}")).set_footer("&C&P / &N");
    if let (Some(&first), Some(&last)) = (headers.first(), headers.last()) {
        let (first, last) = (u32::try_from(first).unwrap_or(0), u32::try_from(last).unwrap_or(0));
        sheet.set_repeat_rows(first, last)?;
        sheet.set_freeze_panes(last + 1, 0)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_full_width_as_two_within_limits() {
        let row = |cells: [&str; 5]| TableRow {
            kind: RowKind::Section { first_in_division: true },
            cells: cells.map(str::to_owned).to_vec(),
        };
        let widths = column_widths(&[row(["区民部 総務課", "短い", &"長".repeat(80), "○", "a\nbb"])]);
        assert_eq!(widths, [15.0, 16.0, 50.0, 12.0, 16.0]);
    }

    #[test]
    fn rows_are_as_tall_as_their_wrapped_text() {
        assert_eq!(wrapped_lines("短い", 16.0), 1);
        assert_eq!(wrapped_lines(&"長".repeat(30), 16.0), 5, "60 columns at about 13.4 a line");
        assert_eq!(wrapped_lines("一\n二\n三", 16.0), 3);
        assert_eq!(height(&[("一", 16.0), ("一\n二", 16.0)], 10.0), 24.0);
        assert_eq!(height(&[(&"長".repeat(9000), 16.0)], 16.5), 409.0, "Excel's highest row");
    }
}
