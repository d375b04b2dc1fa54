//! What a terminal receives from a frame and what it then shows: the cells ratatui sends, measured
//! as the terminal measures them (ambiguous characters one or two columns). (Terminals fed those
//! bytes: `terms`.)

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use unicode_width::UnicodeWidthStr;

/// The cells a terminal receives for one row, as ratatui sends them: each cell not marked to be
/// skipped, and after a cell `n` columns wide the next `n - 1` cells are not sent.
pub fn sent_cells(buffer: &Buffer, y: u16) -> Vec<&Cell> {
    let mut sent = Vec::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        let cell = &buffer[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if cell.diff_option == CellDiffOption::Skip {
            continue;
        }
        skip = cell.cell_width().saturating_sub(1);
        sent.push(cell);
    }
    sent
}

/// One row as the terminal shows it.
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    sent_cells(buffer, y).iter().map(|cell| cell.symbol()).collect()
}

/// Columns `from..to` of a row as the terminal shows them (a part of the screen: a pane, a view).
pub fn span_cells(buffer: &Buffer, y: u16, from: u16, to: u16) -> Vec<&Cell> {
    let mut out = Vec::new();
    let mut x = from;
    while x < to {
        let cell = &buffer[(x, y)];
        if cell.diff_option != CellDiffOption::Skip {
            out.push(cell);
        }
        x += cell.cell_width().max(1);
    }
    out
}

/// Columns `from..to` of a row as text.
pub fn span_text(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    span_cells(buffer, y, from, to).iter().map(|cell| cell.symbol()).collect()
}

/// The screen as text, one line per row.
pub fn screen_text(buffer: &Buffer) -> String {
    (0..buffer.area.height).map(|y| row_text(buffer, y) + "\n").collect()
}

/// How many columns the terminal's own table (the Unicode width table, not hyoka's measure) gives
/// `text`: ambiguous characters two columns when the terminal is set `wide`.
pub fn terminal_width(text: &str, wide: bool) -> usize {
    if wide { text.width_cjk() } else { text.width() }
}

/// Every row, measured as the terminal measures it, fills the terminal exactly: nothing pushed out
/// of place, no border wrapped onto the next line.
pub fn assert_rows_fill(buffer: &Buffer, wide: bool, what: &str) {
    let width = usize::from(buffer.area.width);
    for y in 0..buffer.area.height {
        let cells = sent_cells(buffer, y);
        let measured: usize = cells.iter().map(|cell| terminal_width(cell.symbol(), wide)).sum();
        let line: String = cells.iter().map(|cell| cell.symbol()).collect();
        assert_eq!(measured, width, "{what}, wide {wide}: row {y} is {measured} columns, not {width}: {line}");
    }
}

/// The rows a vt100 screen shows.
pub fn vt100_rows(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).collect()
}
