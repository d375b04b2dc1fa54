//! An App drawn into ratatui's TestBackend at a size. The ambiguous width it is drawn for is the
//! App's own, given in its settings (`common::app::settings_on`, `sample_app_on`, …).

use hyoka::app::{Action, App, update};
use hyoka::text::AmbiguousWidth;
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

/// Both ambiguous widths, narrow first.
pub const BOTH_WIDTHS: [AmbiguousWidth; 2] = [AmbiguousWidth::Narrow, AmbiguousWidth::Wide];
