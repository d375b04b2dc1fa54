//! hyoka's terminal backend: crossterm's, sending a frame of Japanese text in as few bytes as it can.
//!
//! The cursor is moved only where the terminal's own cursor is not already there — after each
//! character whose width hyoka knows, it is.
//!
//! ratatui's `CrosstermBackend` sends a cursor move before every cell that does not follow the
//! previous one by exactly one column, so after every wide character (ratatui PR #2486 keeps this
//! on purpose: a terminal may draw a character at another width than ratatui thinks). Over SSH that
//! is most of what a frame of Japanese text costs. hyoka knows the width of what it draws: kanji,
//! kana and full-width forms are two columns in every terminal, ASCII one, and the ambiguous
//! characters (◎ ○ △ × ①) what the ambiguous-width setting says, which `ui::finish` has already
//! made every cell agree with. After anything else (emoji, combining sequences, symbols whose width
//! terminals disagree on) the next cell is placed explicitly, as crossterm does. A gap on the same
//! row is crossed with a relative move (`ESC [ n C`), shorter than an absolute one.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::crossterm::cursor::{MoveRight, MoveTo, MoveToColumn};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, Print, SetAttribute};
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthChar;

use super::pen::Pen;
use super::shown::{Seen, Shown};
use hyoka_core::text::{AmbiguousWidth, is_ambiguous, is_sound_mark};

/// Frames are gathered here and written in one go: one write (one SSH packet, where it fits) a frame.
const BUFFER: usize = 64 * 1024;

/// What the screen draws with: crossterm's backend on a buffered writer, with [`Backend::draw`] of
/// our own.
pub struct HyokaBackend<W: Write> {
    inner: CrosstermBackend<io::BufWriter<W>>,
    shown: Shown,
    /// Whether the terminal's cursor is shown, once we said so; ratatui says it on every frame.
    cursor_shown: Option<bool>,
    /// Where the terminal's cursor is, when known: ratatui puts it back on every frame.
    cursor_at: Option<Position>,
    /// How wide the terminal draws ambiguous characters, as it answered at start.
    ambiguous_width: AmbiguousWidth,
}

impl<W: Write> HyokaBackend<W> {
    /// A backend for a terminal that draws ambiguous characters `ambiguous_width` wide.
    pub fn new(writer: W, ambiguous_width: AmbiguousWidth) -> Self {
        HyokaBackend {
            inner: CrosstermBackend::new(io::BufWriter::with_capacity(BUFFER, writer)),
            shown: Shown::unknown(),
            cursor_shown: None,
            cursor_at: None,
            ambiguous_width,
        }
    }
}

/// Bytes of `ESC [ n C`, `ESC [ n X`.
fn sequence_len(n: u16) -> usize {
    3 + n.to_string().len()
}

/// The columns the terminal's cursor advances by when it prints `cell`, where hyoka can be sure of
/// it; `None` where a terminal might think otherwise.
fn known_advance(cell: &Cell, ambiguous_width: AmbiguousWidth) -> Option<u16> {
    let symbol = cell.symbol();
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    if is_ambiguous(symbol) {
        // What the setting says, and what `ui::finish` declared for the cell: they must agree.
        return match (ambiguous_width, cell.diff_option) {
            (AmbiguousWidth::Wide, CellDiffOption::ForcedWidth(w)) if w.get() == 2 => Some(2),
            (AmbiguousWidth::Narrow, CellDiffOption::None | CellDiffOption::AlwaysUpdate) => Some(1),
            _ => None,
        };
    }
    match cell.diff_option {
        CellDiffOption::None | CellDiffOption::AlwaysUpdate => {}
        // A half-width sound mark, which `ui::finish` declared one column wide: so it is everywhere.
        CellDiffOption::ForcedWidth(w) if w.get() == 1 && is_sound_mark(c) => return Some(1),
        // A wide character `ui::finish` declared two columns: sure where the table below says so.
        CellDiffOption::ForcedWidth(w) if w.get() == 2 => {}
        _ => return None,
    }
    let width = c.width()?;
    let sure = match u32::from(c) {
        0x20..=0x7E => width == 1,
        // Latin, IPA, Greek, Cyrillic; general punctuation (› ‐ ‖); the small triangles of the tree (▸ ▾).
        0xA1..=0x2FF | 0x370..=0x52F | 0x2010..=0x205E | 0x25B2..=0x25B5 | 0x25B7..=0x25BF => width == 1,
        // Half-width katakana and forms.
        0xFF61..=0xFFDC | 0xFFE8..=0xFFEE => width == 1,
        // CJK: radicals, symbols and punctuation, kana, bopomofo, compatibility, ideographs, Yi,
        // Hangul syllables, compatibility ideographs and forms, full-width forms, the
        // supplementary ideographs: East Asian Wide or Fullwidth in every terminal's table.
        0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => width == 2,
        _ => false,
    };
    if sure { u16::try_from(width).ok() } else { None }
}

impl<W: Write> Backend for HyokaBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        let (w, shown, measure) = (&mut self.inner, &mut self.shown, self.ambiguous_width);
        let mut pen = Pen::PLAIN;
        // Where the terminal's cursor is, when hyoka can be sure of it.
        let mut cursor = self.cursor_at;
        let mut next = 0;
        while let Some(&(x, y, cell)) = cells.get(next) {
            // A long run of blanks is erased (`ESC [ n X`) rather than written out.
            let erase =
                shown.blank_run(&cells, next).filter(|&(end, _)| 2 * sequence_len(end - x) < usize::from(end - x));
            // To (x, y): already there, the unchanged cells between printed again, or a move.
            match cursor {
                Some(at) if at.y == y && at.x == x => {}
                Some(at) if at.y == y && at.x < x => match shown.reprint(at.x, x, y, pen, measure) {
                    Some(symbols) if symbols.iter().map(|s| s.len()).sum::<usize>() <= sequence_len(x - at.x) => {
                        for symbol in symbols {
                            queue!(w, Print(symbol))?;
                        }
                    }
                    _ => queue!(w, MoveRight(x - at.x))?,
                },
                _ => queue!(w, MoveTo(x, y))?,
            }
            if let Some((end, taken)) = erase {
                // Erasing takes the current background: the plain one, as the blanks have.
                pen.change(w, Pen::PLAIN)?;
                queue!(w, Print(format_args!("\x1b[{}X", end - x)))?;
                shown.erased(x, y, end - x);
                cursor = Some(Position { x, y });
                next += taken;
                continue;
            }
            pen.change(w, Pen::of(cell))?;
            let advance = known_advance(cell, measure);
            if advance == Some(2) && is_ambiguous(cell.symbol()) {
                // xterm -cjk_width draws some of them (× ·) narrow and leaves the second column as
                // it was: both are painted in the cell's colours first. Back with an absolute move,
                // since after the last column a relative one would start from the wrong place.
                queue!(w, Print("  "), MoveToColumn(x))?;
            }
            // What this character splits: the second half of a wide character it starts on.
            let splits = matches!(shown.get(x, y), Seen::Char { advance: 2, .. }) && advance == Some(1);
            queue!(w, Print(cell.symbol()))?;
            shown.printed(x, y, cell, advance);
            cursor = advance.map(|advance| Position { x: x.saturating_add(advance), y });
            next += 1;
            let orphan = x.saturating_add(1);
            if splits && cells.get(next).is_none_or(|&(nx, ny, _)| (nx, ny) != (orphan, y)) {
                // The terminal should blank the half left over, and ratatui sends nothing for it
                // (its cell did not change: a blank). urxvt paints it as "▯" after a █, so it is
                // written out.
                pen.change(w, Pen::PLAIN)?;
                queue!(w, Print(" "))?;
                shown.printed(orphan, y, &Cell::default(), Some(1));
                cursor = Some(Position { x: orphan.saturating_add(1), y });
            }
        }
        if !cells.is_empty() {
            self.cursor_at = cursor;
        }
        // The terminal writes plainly between frames; one reset says it, where needed.
        if pen != Pen::PLAIN {
            queue!(w, SetAttribute(Attribute::Reset))?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown == Some(false) {
            return Ok(());
        }
        self.cursor_shown = Some(false);
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown == Some(true) {
            return Ok(());
        }
        self.cursor_shown = Some(true);
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        if self.cursor_at == Some(position) {
            return Ok(());
        }
        self.cursor_at = Some(position);
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        match clear_type {
            ClearType::All => self.shown.cleared(),
            _ => self.shown.forget(),
        }
        self.cursor_at = None;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}
