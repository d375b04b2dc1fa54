//! What a terminal receives from a frame and what it then shows: the cells ratatui sends, measured
//! as the terminal measures them (ambiguous characters one or two columns), and a model of a
//! terminal fed bytes or cells.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use unicode_segmentation::UnicodeSegmentation;
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

/// A terminal fed bytes (cursor moves, erasing, text) or single cells, writing each grapheme as
/// wide as the terminal's table says: ambiguous characters one column, or two when `wide` (PuTTY,
/// RLogin, xterm -cjk_width). Writing over half of a wide character blanks all of it.
pub struct Model {
    rows: Vec<Vec<String>>,
    x: usize,
    y: usize,
    wide: bool,
}

impl Model {
    pub fn new(width: u16, height: u16, wide: bool) -> Model {
        Model { rows: vec![vec![" ".into(); usize::from(width)]; usize::from(height)], x: 0, y: 0, wide }
    }

    /// Blanks whatever wide character covers column `x` of the current row (both its halves).
    fn blank_at(&mut self, x: usize) {
        let row = &mut self.rows[self.y];
        let mut start = x;
        while start > 0 && row[start].is_empty() {
            start -= 1;
        }
        row[start] = " ".into();
        let mut end = start + 1;
        while end < row.len() && row[end].is_empty() {
            row[end] = " ".into();
            end += 1;
        }
        if x < row.len() {
            row[x] = " ".into();
        }
    }

    fn put(&mut self, grapheme: &str) {
        let w = terminal_width(grapheme, self.wide).max(1);
        let len = self.rows[0].len();
        for x in self.x..(self.x + w).min(len) {
            self.blank_at(x);
        }
        let row = &mut self.rows[self.y];
        row[self.x] = grapheme.to_owned();
        for cell in row.iter_mut().take((self.x + w).min(len)).skip(self.x + 1) {
            cell.clear();
        }
        self.x = (self.x + w).min(len - 1);
    }

    /// One cell written where ratatui's diff says, as a backend that moves the cursor to every cell.
    pub fn put_at(&mut self, x: u16, y: u16, symbol: &str) {
        (self.x, self.y) = (usize::from(x), usize::from(y));
        self.put(symbol);
    }

    /// Bytes as a backend sends them; an escape sequence the model does not know fails the test.
    pub fn feed(&mut self, bytes: &[u8]) {
        let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
        let mut rest = text.as_str();
        while !rest.is_empty() {
            if let Some(csi) = rest.strip_prefix("\x1b[") {
                let end = csi.find(|c: char| c.is_ascii_alphabetic()).expect("a final byte");
                let params: Vec<usize> = csi[..end].split(';').map(|p| p.parse().unwrap_or(0)).collect();
                let n = params.first().copied().unwrap_or(1).max(1);
                match &csi[end..=end] {
                    "H" => {
                        self.y = params.first().copied().unwrap_or(1).max(1) - 1;
                        self.x = params.get(1).copied().unwrap_or(1).max(1) - 1;
                    }
                    "C" => self.x += n,
                    "X" => (self.x..self.x + n).for_each(|x| self.blank_at(x)),
                    "J" => self.rows.iter_mut().flatten().for_each(|c| *c = " ".into()),
                    "m" | "l" | "h" => {}
                    other => panic!("a sequence the model does not know: {other}"),
                }
                rest = &csi[end + 1..];
            } else if let Some(after) = rest.strip_prefix('\x1b') {
                panic!("an escape the model does not know: {:?}", &after[..after.len().min(8)]);
            } else {
                let end = rest.find('\x1b').unwrap_or(rest.len());
                for grapheme in rest[..end].graphemes(true) {
                    self.put(grapheme);
                }
                rest = &rest[end..];
            }
        }
    }

    /// Row `y` as shown.
    pub fn text(&self, y: u16) -> String {
        self.rows[usize::from(y)].concat()
    }
}
