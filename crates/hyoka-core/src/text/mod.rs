//! Text as the terminal shows it: display width, Japanese line breaking, cutting, and taming
//! control characters. Pure functions; every measure in columns is asked of an [`AmbiguousWidth`],
//! the width the terminal gives ◎ ○ △ × ①.

mod editing;
pub mod fold;
mod linebreak;
pub mod sanitize;
mod width;

pub use editing::{EditRow, caret_cell, edit_rows, grapheme_stops, position_in_row};
pub use linebreak::{break_positions, may_end_line, may_start_line};
pub use sanitize::{PAD, SOUND_MARKS, is_sound_mark, sanitize, sound_mark};
pub use width::{AmbiguousWidth, is_ambiguous};
