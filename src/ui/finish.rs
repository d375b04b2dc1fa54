//! The last pass over a drawn frame, before ratatui sends it to the terminal.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use hyoka_core::text::sanitize::needs_replacing;
use hyoka_core::text::{AmbiguousWidth, PAD, is_ambiguous, sanitize, sound_mark};

/// Makes the frame safe and exact for the terminal:
/// - a control or bidi character that slipped into a cell (e.g. from the text editor's own
///   rendering) is replaced, so that no escape sequence from data reaches the terminal;
/// - where the terminal draws ambiguous characters wide (`ambiguous_width`), an ambiguous character is declared two columns wide and the
///   [`PAD`] cell after it is left alone, since the terminal draws the character over it;
/// - a half-width sound mark's stand-in (see `hyoka_core::text::SOUND_MARKS`) becomes the mark
///   again, declared one column wide, as every terminal draws it;
/// - a wide character whose second column was overdrawn by something else (a pop-up's border
///   over Japanese text) is blanked, or the terminal would hide that border behind it; one that
///   stands whole is declared two columns wide, which spares ratatui's diff measuring it;
/// - with `no_color` (`NO_COLOR`), every colour goes; reverse video, bold and underline stay, and a
///   coloured background becomes reverse video (or underline where reversed already). Left
///   to crossterm, each colour it suppresses for NO_COLOR is written as `ESC [ m`, which also
///   switches off reverse video and bold: nothing would be highlighted. A frame without colours
///   makes it write none.
pub fn finish(buffer: &mut Buffer, no_color: bool, ambiguous_width: AmbiguousWidth) {
    if no_color {
        for cell in &mut buffer.content {
            // A background colour is emphasis (a search hit, a badge): it stays emphasis, as reverse
            // video, or underlined inside what is reversed already (a hit on the cursor's row).
            if cell.bg != Color::Reset {
                cell.modifier = match cell.modifier.contains(Modifier::REVERSED) {
                    true => (cell.modifier - Modifier::REVERSED) | Modifier::UNDERLINED,
                    false => cell.modifier | Modifier::REVERSED,
                };
            }
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
    let wide = ambiguous_width == AmbiguousWidth::Wide;
    let width = usize::from(buffer.area.width);
    // Cell by cell in place, reading each symbol where it lies: a frame is 12,000 cells at
    // 200×60 and is finished on every key, so nothing here allocates for a cell that needs no
    // change (nearly all of them).
    for at in 0..buffer.content.len() {
        let last_column = width == 0 || at % width == width - 1;
        // Read only for a cell that is not plain ASCII: most cells never need it.
        let next = || if last_column { None } else { buffer.content.get(at + 1).map(Cell::symbol) };
        let Some(cell) = buffer.content.get(at) else { break };
        let change = look(cell.symbol(), next, wide);
        if let Some(cell) = buffer.content.get_mut(at) {
            match change {
                Change::None => {}
                Change::Skip => {
                    cell.set_diff_option(CellDiffOption::Skip);
                }
                Change::Symbol(symbol) => {
                    cell.set_symbol(&symbol);
                }
                Change::Blank => {
                    cell.set_symbol(" ");
                }
                Change::TwoColumns => {
                    cell.set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1)));
                }
                Change::SoundMark(mark) => {
                    match mark {
                        Mark::Alone(mark) => cell.set_symbol(mark),
                        Mark::With(symbol) => cell.set_symbol(&symbol),
                    };
                    cell.set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN));
                }
            }
        }
    }
}

/// What a cell needs.
enum Change {
    None,
    /// Never sent: what is there is drawn by the character before it.
    Skip,
    /// A stand-in for a character that must not reach the terminal (rare: allocates).
    Symbol(String),
    Blank,
    /// A character the terminal draws two columns wide: a wide one, or an ambiguous one where
    /// the terminal draws those wide.
    TwoColumns,
    /// A half-width sound mark in place of its stand-in: one column.
    SoundMark(Mark),
}

/// The mark alone (nearly always: nothing to allocate), or with what followed its stand-in.
enum Mark {
    Alone(&'static str),
    With(String),
}

/// The change a cell showing `symbol` needs, `next` giving the symbol of the cell to its right on
/// the same row.
fn look<'a>(symbol: &str, next: impl Fn() -> Option<&'a str>, wide: bool) -> Change {
    // Printable ASCII, most of every frame, needs nothing.
    if let [byte] = symbol.as_bytes()
        && (0x20..0x7f).contains(byte)
    {
        return Change::None;
    }
    let mut chars = symbol.chars();
    if let Some(mark) = chars.next().and_then(sound_mark) {
        let rest = chars.as_str();
        return Change::SoundMark(match mark {
            _ if !rest.is_empty() => Mark::With(format!("{mark}{}", sanitize(rest))),
            '\u{FF9E}' => Mark::Alone("\u{FF9E}"),
            _ => Mark::Alone("\u{FF9F}"),
        });
    }
    if symbol.chars().any(needs_replacing) {
        let shown = if symbol.contains(PAD) { String::new() } else { sanitize(symbol).into_owned() };
        // One visible cell: the stand-in's first character says what was there.
        return match shown.chars().next() {
            None => Change::Skip,
            Some('<') => Change::Symbol("\u{FFFD}".to_owned()),
            Some(first) => Change::Symbol(first.to_string()),
        };
    }
    let next = next();
    let next_is_pad = next.is_some_and(|n| n.starts_with(PAD));
    if (next_is_pad || wide) && is_ambiguous(symbol) {
        // Its pad drawn over (a pop-up's border, a cut at an edge): the terminal would still draw
        // it two columns wide and push the rest of the row out of place.
        return if next_is_pad { Change::TwoColumns } else { Change::Blank };
    }
    if symbol.width() != 2 {
        return Change::None;
    }
    if next.is_some_and(|n| n != " ") {
        return Change::Blank;
    }
    // One character two columns wide (a kanji, a kana) is declared so: ratatui's diff would
    // otherwise measure it again on every frame, a tenth of a Japanese frame. A sequence (an
    // emoji with its variation selector) is left for the diff to measure and clear after.
    match symbol.chars().nth(1) {
        None => Change::TwoColumns,
        Some(_) => Change::None,
    }
}
