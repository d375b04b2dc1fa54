//! Text as the terminal shows it: display width, Japanese line breaking, cutting, and taming
//! control characters. Pure functions; the widgets call them.

mod editing;
pub mod fold;
mod linebreak;
pub mod sanitize;
mod width;

pub use editing::{EditRow, caret_cell, edit_rows, grapheme_stops, position_in_row};
pub use linebreak::{break_positions, may_end_line, may_start_line, wrap};
pub use sanitize::{PAD, SOUND_MARKS, is_sound_mark, sanitize, sound_mark, widen};
pub use width::{
    AmbiguousWidth, ambiguous_width, display_width, grapheme_width, is_ambiguous, set_ambiguous_width, truncate,
};
