//! The last pass over a drawn frame, before ratatui sends it to the terminal.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use crate::text::sanitize::needs_replacing;
use crate::text::{AmbiguousWidth, PAD, ambiguous_width, is_ambiguous, sanitize};

/// Makes the frame safe and exact for the terminal:
/// - a control or bidi character that slipped into a cell (e.g. from the text editor's own
///   rendering) is replaced, so that no escape sequence from data reaches the terminal;
/// - in wide-ambiguous mode, an ambiguous character is declared two columns wide and the
///   [`PAD`] cell after it is left alone, since the terminal draws the character over it;
/// - a wide character whose second column was overdrawn by something else (a pop-up's border
///   over Japanese text) is blanked, or the terminal would hide that border behind it.
/// - with `no_color` (`NO_COLOR`), every colour goes; reverse video, bold and underline stay. Left
///   to crossterm, each colour it suppresses for NO_COLOR is written as `ESC [ m`, which also
///   switches off reverse video and bold: nothing would be highlighted. A frame without colours
///   makes it write none.
pub fn finish(buffer: &mut Buffer, no_color: bool) {
    let area = buffer.area;
    if no_color {
        for cell in &mut buffer.content {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol().to_owned();
            if symbol.chars().any(needs_replacing) {
                let shown = if symbol.contains(PAD) { String::new() } else { sanitize(&symbol).into_owned() };
                if shown.is_empty() {
                    buffer[(x, y)].set_diff_option(CellDiffOption::Skip);
                    continue;
                }
                // One visible cell: the stand-in's first character says what was there.
                let first = shown.chars().next().unwrap_or('?');
                buffer[(x, y)].set_symbol(if first == '<' { "\u{FFFD}" } else { &shown[..first.len_utf8()] });
                continue;
            }
            let next_is_pad = x + 1 < area.right() && buffer[(x + 1, y)].symbol().starts_with(PAD);
            if next_is_pad && is_ambiguous(&symbol) {
                buffer[(x, y)].set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1)));
                continue;
            }
            if is_ambiguous(&symbol) && ambiguous_width() == AmbiguousWidth::Wide {
                // Its pad was drawn over (a pop-up's border, a cut at an edge): the terminal would
                // still draw it two columns wide and push the rest of the row out of place.
                buffer[(x, y)].set_symbol(" ");
                continue;
            }
            if symbol.width() == 2 && x + 1 < area.right() && buffer[(x + 1, y)].symbol() != " " {
                buffer[(x, y)].set_symbol(" ");
            }
        }
    }
}
