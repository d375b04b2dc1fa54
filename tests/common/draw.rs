//! An App drawn into ratatui's TestBackend at a size, and the ambiguous width it is drawn for: the
//! one place the tests set that width.

use hyoka::app::{Action, App, update};
use hyoka::text::{AmbiguousWidth, set_ambiguous_width};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The app resized to `width` × `height` and drawn; the terminal, for its cursor.
pub fn draw_terminal(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| hyoka::ui::draw(frame, app)).expect("draws");
    terminal
}

/// The app resized to `width` × `height` and drawn; the frame.
pub fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    draw_terminal(app, width, height).backend().buffer().clone()
}

/// Ambiguous characters (◎ ○ △ × ① ※ →, box drawing) measured two columns wide while this lives,
/// as by a terminal set so (PuTTY, RLogin, TeraTerm, vim's ambiwidth=double); one column again
/// afterwards, as every test expects to start.
#[must_use = "the width goes back to one column when this is dropped"]
pub struct Ambiguous;

pub fn ambiguous(wide: bool) -> Ambiguous {
    set_ambiguous_width(if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow });
    Ambiguous
}

impl Drop for Ambiguous {
    fn drop(&mut self) {
        set_ambiguous_width(AmbiguousWidth::Narrow);
    }
}
