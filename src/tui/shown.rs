//! What the terminal shows, cell by cell, as far as the backend can be sure from what it sent:
//! where a reprint of unchanged cells is shorter than a cursor move, and which blanks may be erased.

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};

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
    cell.symbol() == " "
        && cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier == Modifier::empty()
        && cell.diff_option == CellDiffOption::None
}

impl Shown {
    /// Before anything is known of the screen (at start, until it is cleared).
    pub fn unknown() -> Shown {
        Shown { rows: Vec::new(), fresh: Seen::Unknown }
    }

    /// The whole screen was cleared: every cell is blank.
    pub fn cleared(&mut self) {
        self.rows.clear();
        self.fresh = Seen::Char { cell: Cell::default(), advance: 1 };
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

    /// `cell` was printed at (x, y) and took `advance` columns (`None`: not known).
    pub fn printed(&mut self, x: u16, y: u16, cell: &Cell, advance: Option<u16>) {
        // An unknown width may reach one column further than ratatui's.
        let reach = advance.unwrap_or(2).max(1);
        self.overwritten(x, y, reach);
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

    /// `n` columns from (x, y) were erased.
    pub fn erased(&mut self, x: u16, y: u16, n: u16) {
        self.overwritten(x, y, n);
        for column in 0..n {
            self.set(x.saturating_add(column), y, Seen::Char { cell: Cell::default(), advance: 1 });
        }
    }

    /// Columns x..x+n are written over: a character of which only a part is, goes — terminals
    /// blank its other part, in attributes not known here.
    fn overwritten(&mut self, x: u16, y: u16, n: u16) {
        if matches!(self.get(x, y), Seen::Covered) {
            let mut left = x;
            while left > 0 && matches!(self.get(left, y), Seen::Covered) {
                self.set(left, y, Seen::Unknown);
                left -= 1;
            }
            self.set(left, y, Seen::Unknown);
        }
        let mut right = x.saturating_add(n);
        while matches!(self.get(right, y), Seen::Covered) {
            self.set(right, y, Seen::Unknown);
            right = right.saturating_add(1);
        }
    }
}
