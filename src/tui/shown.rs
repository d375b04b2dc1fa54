//! What the terminal shows, cell by cell, as far as the backend can be sure from what it sent.
//!
//! The backend asks it where a reprint of unchanged cells is shorter than a cursor move, and which
//! blanks may be erased.

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};

use super::pen::Pen;
use hyoka_core::text::{AmbiguousWidth, is_ambiguous};

/// One column of the terminal.
#[derive(Clone, Debug)]
pub enum Seen {
    /// A character of known width starts here (`advance` columns), drawn with this cell's style.
    Char { cell: Cell, advance: u16 },
    /// The right part of the character that starts to the left.
    Covered,
    /// Anything: never reprinted or erased on trust.
    Unknown,
}

/// The columns of each row; rows grow as they are drawn on, and what lies beyond is `fresh`.
#[derive(Debug)]
pub struct Shown {
    rows: Vec<Vec<Seen>>,
    fresh: Seen,
}

/// A blank in the terminal's default colours and no attributes: what a cleared cell is.
pub fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && is_plain(cell) && cell.diff_option == CellDiffOption::None
}

impl Shown {
    /// Before anything is known of the screen (at start, until it is cleared).
    pub fn unknown() -> Shown {
        Shown { rows: Vec::new(), fresh: Seen::Unknown }
    }

    /// The whole screen was cleared: every cell is blank.
    pub fn cleared(&mut self) {
        self.rows.clear();
        self.fresh = blank();
    }

    /// Something happened that the backend cannot follow (a partial clear).
    pub fn forget(&mut self) {
        self.rows.clear();
        self.fresh = Seen::Unknown;
    }

    pub fn get(&self, x: u16, y: u16) -> &Seen {
        self.rows.get(usize::from(y)).and_then(|row| row.get(usize::from(x))).unwrap_or(&self.fresh)
    }

    fn set(&mut self, x: u16, y: u16, seen: Seen) {
        let (x, y) = (usize::from(x), usize::from(y));
        if self.rows.len() <= y {
            self.rows.resize(y + 1, Vec::new());
        }
        if let Some(row) = self.rows.get_mut(y) {
            if row.len() <= x {
                row.resize(x + 1, self.fresh.clone());
            }
            if let Some(slot) = row.get_mut(x) {
                *slot = seen;
            }
        }
    }

    /// The unchanged cells from `from` to `to` on row `y`, when the terminal shows each as known and
    /// in the pen's style: printing them again moves the cursor there and changes nothing. Not over
    /// an ambiguous character two columns wide: xterm -cjk_width would draw a run of them narrow,
    /// side by side, out of their columns.
    pub fn reprint(&self, from: u16, to: u16, y: u16, pen: Pen, measure: AmbiguousWidth) -> Option<Vec<&str>> {
        let wide = measure == AmbiguousWidth::Wide;
        let mut symbols = Vec::new();
        let mut x = from;
        while x < to {
            match self.get(x, y) {
                Seen::Char { cell, advance }
                    if Pen::of(cell) == pen
                        && x.saturating_add(*advance) <= to
                        && !(wide && is_ambiguous(cell.symbol())) =>
                {
                    symbols.push(cell.symbol());
                    x = x.saturating_add(*advance);
                }
                _ => return None,
            }
        }
        Some(symbols)
    }

    /// How far a run of blanks to be drawn from `cells[first]` on may be erased with `ESC [ n X`,
    /// as (end column, cells taken): the blanks to draw and the unchanged blanks between them,
    /// ending after the last one to draw, over columns that each held a known character of one
    /// column that is not ambiguous. Where the cells held wide or ambiguous characters, mlterm
    /// clears fewer columns on the screen than asked (20 asked, 14 cleared), so those blanks are
    /// written out.
    pub fn blank_run(&self, cells: &[(u16, u16, &Cell)], first: usize) -> Option<(u16, usize)> {
        let &(start, y, _) = cells.get(first)?;
        let (mut x, mut next, mut best) = (start, first, None);
        loop {
            match cells.get(next) {
                Some(&(cx, cy, cell)) if cy == y && cx == x => {
                    if !is_blank(cell) || !self.erasable(x, y) {
                        break;
                    }
                    next += 1;
                    x = x.saturating_add(1);
                    best = Some((x, next - first));
                }
                // Between two blanks to draw on the row: the unchanged cells must be blank already.
                Some(&(cx, cy, _)) if cy == y && cx > x => match self.get(x, y) {
                    Seen::Char { cell, .. } if is_blank(cell) => x = x.saturating_add(1),
                    _ => break,
                },
                _ => break,
            }
        }
        best
    }

    /// Whether column x of row y holds a known character of one column that is not ambiguous.
    fn erasable(&self, x: u16, y: u16) -> bool {
        matches!(self.get(x, y), Seen::Char { cell, advance: 1 } if !is_ambiguous(cell.symbol()))
    }

    /// `cell` was printed at (x, y) and took `advance` columns (`None`: not known).
    pub fn printed(&mut self, x: u16, y: u16, cell: &Cell, advance: Option<u16>) {
        // An unknown width may reach one column further than ratatui's.
        let reach = advance.unwrap_or(2).max(1);
        self.overwritten(x, y, reach, is_plain(cell));
        match advance {
            Some(advance) => {
                self.set(x, y, Seen::Char { cell: cell.clone(), advance });
                for covered in 1..advance {
                    self.set(x.saturating_add(covered), y, Seen::Covered);
                }
            }
            None => {
                for column in 0..reach {
                    self.set(x.saturating_add(column), y, Seen::Unknown);
                }
            }
        }
    }

    /// `n` columns from (x, y) were erased (in the plain style).
    pub fn erased(&mut self, x: u16, y: u16, n: u16) {
        self.overwritten(x, y, n, true);
        for column in 0..n {
            self.set(x.saturating_add(column), y, blank());
        }
    }

    /// Columns x..x+n are written over: a wide character of which only a part is, goes, and
    /// terminals blank its other part — in the attributes of the old character or of the new
    /// writing, so a known plain blank only where both are plain.
    fn overwritten(&mut self, x: u16, y: u16, n: u16, plain_writing: bool) {
        let orphan = |owner: &Seen| match owner {
            Seen::Char { cell, .. } if plain_writing && is_plain(cell) => blank(),
            _ => Seen::Unknown,
        };
        if matches!(self.get(x, y), Seen::Covered) {
            let mut owner = x;
            while owner > 0 && matches!(self.get(owner, y), Seen::Covered) {
                owner -= 1;
            }
            let fill = orphan(self.get(owner, y));
            for column in owner..x {
                self.set(column, y, fill.clone());
            }
        }
        let end = x.saturating_add(n);
        if matches!(self.get(end, y), Seen::Covered) {
            let mut owner = end;
            while owner > 0 && matches!(self.get(owner, y), Seen::Covered) {
                owner -= 1;
            }
            let fill = orphan(self.get(owner, y));
            let mut column = end;
            while matches!(self.get(column, y), Seen::Covered) {
                self.set(column, y, fill.clone());
                column = column.saturating_add(1);
            }
        }
    }
}

/// A blank cell as a cleared screen has it.
fn blank() -> Seen {
    Seen::Char { cell: Cell::default(), advance: 1 }
}

/// Drawn in the terminal's default colours and no attributes.
fn is_plain(cell: &Cell) -> bool {
    cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier == Modifier::empty()
}
