//! Terminals as they really behave, fed only the bytes hyoka sends (or single cells where ratatui's
//! diff says): what each holds and what it paints on the screen, which are not always the same.
//!
//! - [`Kind::Exact`]: paints what it holds, ambiguous characters one column wide or two.
//! - [`Kind::XtermCjk`]: `xterm -cjk_width`. Ambiguous characters take two columns, but a glyph
//!   from the narrow font (× ·) paints only the first of them: the second shows whatever was
//!   painted there before until something paints it (△ then × shows "×◁").
//! - [`Kind::Urxvt`]: rxvt-unicode. An ambiguous character of one column (█) written over the first
//!   half of a wide character paints the half left over as "▯" until something is written there.
//! - [`Kind::Mlterm`]: mlterm (`-a 1`, `-a 2`). `ESC [ n X` over cells that held wide or ambiguous
//!   characters holds them blank but paints fewer columns than asked (20 asked, 14 cleared).
//!
//! Each character is as wide as the Unicode table says (`wcwidth`): a half-width sound mark
//! (ﾞ ﾟ) is a column of its own, a combining mark joins the character before it.

use ratatui::buffer::{Buffer, CellWidth};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Left on the screen by a glyph that was only partly painted over.
pub const DEBRIS: &str = "\u{FFFD}";
/// What urxvt paints in the half of a wide character that a one-column ambiguous one split.
const URXVT_ORPHAN: &str = "▯";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Exact { wide: bool },
    XtermCjk,
    Urxvt,
    Mlterm { wide: bool },
}

impl Kind {
    /// Every kind, for ambiguous characters one column wide or two.
    pub fn all(wide: bool) -> Vec<Kind> {
        if wide {
            vec![Kind::Exact { wide }, Kind::XtermCjk, Kind::Mlterm { wide }]
        } else {
            vec![Kind::Exact { wide }, Kind::Urxvt, Kind::Mlterm { wide }]
        }
    }

    fn wide(self) -> bool {
        match self {
            Kind::Exact { wide } | Kind::Mlterm { wide } => wide,
            Kind::XtermCjk => true,
            Kind::Urxvt => false,
        }
    }

    fn columns(self, c: char) -> usize {
        let width = if self.wide() { c.width_cjk() } else { c.width() };
        width.unwrap_or(0)
    }

    /// Whether the glyph of a character `columns` wide paints only its first column.
    fn narrow_glyph(self, text: &str, columns: usize) -> bool {
        self == Kind::XtermCjk && columns == 2 && is_ambiguous(text)
    }
}

fn is_ambiguous(text: &str) -> bool {
    text.width_cjk() > text.width()
}

pub struct Term {
    pub kind: Kind,
    width: usize,
    /// What the terminal holds: a character at its first column, "" in the columns it covers.
    cells: Vec<Vec<String>>,
    /// What is painted: as `cells`, or what an earlier glyph left there.
    paint: Vec<Vec<String>>,
    x: usize,
    y: usize,
}

impl Term {
    pub fn new(kind: Kind, width: u16, height: u16) -> Term {
        let rows = vec![vec![" ".to_owned(); usize::from(width)]; usize::from(height)];
        Term { kind, width: usize::from(width), cells: rows.clone(), paint: rows, x: 0, y: 0 }
    }

    /// A row as it is seen on the screen.
    pub fn seen(&self, y: u16) -> String {
        let row = &self.paint[usize::from(y)];
        let mut out = String::new();
        for (x, painted) in row.iter().enumerate() {
            // A column with nothing of its own shows the right half of a glyph to its left, or, where
            // that glyph is gone, what is left of an older one.
            let covered = painted.is_empty()
                && x > 0
                && (0..x).rev().find(|&o| !row[o].is_empty()).is_some_and(|o| {
                    let glyph = &row[o];
                    o + self.glyph_columns(glyph) > x
                });
            match (painted.is_empty(), covered) {
                (true, true) => {}
                (true, false) => out.push_str(DEBRIS),
                (false, _) => out.push_str(painted),
            }
        }
        out
    }

    /// How many columns a glyph painted at a column covers there.
    fn glyph_columns(&self, glyph: &str) -> usize {
        let columns: usize = glyph.chars().map(|c| self.kind.columns(c)).sum();
        if self.kind.narrow_glyph(glyph, columns) { 1 } else { columns.max(1) }
    }

    /// How a frame must look on this terminal: each cell's symbol where it starts, and the second
    /// column of a narrow glyph blank.
    pub fn expected(&self, buffer: &Buffer, y: u16) -> String {
        let mut out = String::new();
        for cell in super::terminal::sent_cells(buffer, y) {
            out.push_str(cell.symbol());
            if self.kind.narrow_glyph(cell.symbol(), usize::from(cell.cell_width())) {
                out.push(' ');
            }
        }
        out
    }

    /// Writes `text` at (x, y) as a terminal writes it there (for cells fed without the bytes between).
    pub fn print_at(&mut self, x: u16, y: u16, text: &str) {
        (self.x, self.y) = (usize::from(x), usize::from(y));
        for c in text.chars() {
            self.put(c);
        }
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
        let mut rest = text.as_str();
        while !rest.is_empty() {
            if let Some(csi) = rest.strip_prefix("\x1b[") {
                let end = csi.find(|c: char| c.is_ascii_alphabetic()).expect("a final byte");
                let params: Vec<usize> =
                    csi[..end].trim_start_matches('?').split(';').map(|p| p.parse().unwrap_or(0)).collect();
                let n = params.first().copied().unwrap_or(1).max(1);
                match &csi[end..=end] {
                    "H" => {
                        self.y = n - 1;
                        self.x = params.get(1).copied().unwrap_or(1).max(1) - 1;
                    }
                    "G" => self.x = n - 1,
                    "C" => self.x = (self.x + n).min(self.width - 1),
                    "D" => self.x = self.x.saturating_sub(n),
                    "X" => self.erase(n),
                    "K" => {
                        let n = self.width - self.x;
                        self.blank(self.x, n, n);
                    }
                    "J" => {
                        for y in 0..self.cells.len() {
                            for x in 0..self.width {
                                self.cells[y][x] = " ".into();
                                self.paint[y][x] = " ".into();
                            }
                        }
                    }
                    "m" | "l" | "h" => {}
                    other => panic!("a sequence the model does not know: {other}"),
                }
                rest = &csi[end + 1..];
            } else if let Some(after) = rest.strip_prefix('\x1b') {
                panic!("an escape the model does not know: {:?}", &after[..after.len().min(8)]);
            } else {
                let end = rest.find('\x1b').unwrap_or(rest.len());
                for c in rest[..end].chars() {
                    self.put(c);
                }
                rest = &rest[end..];
            }
        }
    }

    /// `ESC [ n X`: the terminal holds n columns blank; mlterm paints fewer of them where they held
    /// wide or ambiguous characters.
    fn erase(&mut self, n: usize) {
        let n = n.min(self.width - self.x);
        let painted = match self.kind {
            Kind::Mlterm { .. } => {
                let row = &self.cells[self.y];
                let odd = (self.x..self.x + n)
                    .filter(|&x| !row[x].is_empty() && (self.kind.columns_of(&row[x]) > 1 || is_ambiguous(&row[x])))
                    .count();
                n - odd.min(n)
            }
            _ => n,
        };
        self.blank(self.x, n, painted);
    }

    /// Blanks `n` columns from `x` (and whatever wide character they cut), painting the first `painted`.
    fn blank(&mut self, x: usize, n: usize, painted: usize) {
        let (start, end) = self.owners(x, x + n);
        for column in start..end {
            self.cells[self.y][column] = " ".into();
            let inside = column >= x && column < x + n;
            if !inside || column < x + painted {
                self.paint[self.y][column] = " ".into();
            }
        }
    }

    /// The columns from the start of the character covering `from` to the end of the one covering `to - 1`.
    fn owners(&self, from: usize, to: usize) -> (usize, usize) {
        let row = &self.cells[self.y];
        let mut start = from.min(self.width - 1);
        while start > 0 && row[start].is_empty() {
            start -= 1;
        }
        let mut end = to.min(self.width);
        while end < self.width && row[end].is_empty() {
            end += 1;
        }
        (start, end)
    }

    fn put(&mut self, c: char) {
        let columns = self.kind.columns(c);
        if columns == 0 {
            // A combining mark joins the character before the cursor.
            let mut at = self.x.saturating_sub(1);
            while at > 0 && self.cells[self.y][at].is_empty() {
                at -= 1;
            }
            self.cells[self.y][at].push(c);
            self.paint[self.y][at].push(c);
            return;
        }
        let end = (self.x + columns).min(self.width);
        let (start, stop) = self.owners(self.x, end);
        let text = c.to_string();
        let narrow = self.kind.narrow_glyph(&text, columns);
        let orphan = (self.kind == Kind::Urxvt && columns == 1 && is_ambiguous(&text) && stop > end).then_some(end);
        for column in start..stop {
            let mine = column >= self.x && column < end;
            self.cells[self.y][column] = if column == self.x {
                text.clone()
            } else if mine {
                String::new()
            } else {
                " ".into()
            };
            // A narrow glyph paints its first column only; the terminal repaints the rest it changed.
            if orphan == Some(column) {
                self.paint[self.y][column] = URXVT_ORPHAN.into();
            } else if !(narrow && mine && column > self.x) {
                self.paint[self.y][column] = self.cells[self.y][column].clone();
            }
        }
        self.x = end.min(self.width - 1);
    }
}

impl Kind {
    fn columns_of(self, text: &str) -> usize {
        text.chars().map(|c| self.columns(c)).sum()
    }
}
