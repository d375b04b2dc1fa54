//! Drawing: `draw(frame, &app)` reads the state and never changes it.

mod dialogs;
mod editor;
mod finish;
mod layout;
mod overview;
mod panes;
mod safety;
mod status;
mod tree;

pub use editor::text_width as editor_text_width;
pub use finish::finish;
pub use layout::{Areas, areas};
pub use safety::conflict_text_width;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Block;

use crate::app::{App, Mode};
use crate::model::Field;
use crate::text::{AmbiguousWidth, ambiguous_width};

pub fn draw(frame: &mut Frame, app: &App) {
    let areas = screen_areas(app, frame.area());
    tree::draw(frame, app, areas.tree);
    match app.selected() {
        Some(at) => panes::draw(frame, app, at, &areas),
        None => overview::draw(frame, app, areas.detail),
    }
    status::draw(frame, app, areas.status, areas.hints);
    match &app.mode {
        Mode::Help { scroll } => dialogs::help(frame, app, *scroll),
        Mode::ConfirmQuit => dialogs::confirm_quit(frame, app),
        Mode::Resolve(r) => safety::conflict(frame, app, r),
        Mode::Recover(r) => safety::recovery(frame, app, r),
        Mode::Export(d) => dialogs::export(frame, app, d),
        _ => {}
    }
    finish(frame.buffer_mut());
}

/// How far the progress or reflection pane can scroll with the current terminal size.
pub fn pane_overflow(app: &App, field: Field) -> u16 {
    let (w, h) = app.size;
    let areas = screen_areas(app, Rect::new(0, 0, w, h));
    let (rect, text) = match (field, app.selected().and_then(|at| app.section(at))) {
        (Field::Progress, Some(s)) => (areas.progress, s.progress.as_str()),
        (Field::Reflection, Some(s)) => (areas.reflection, s.reflection.as_str()),
        _ => return 0,
    };
    let lines = panes::text_lines(text, rect.width.saturating_sub(2)).len();
    u16::try_from(lines.saturating_sub(usize::from(rect.height.saturating_sub(2)))).unwrap_or(u16::MAX)
}

/// The layout for the selected section, sized to its texts.
pub fn screen_areas(app: &App, area: Rect) -> Areas {
    let first = areas(area, [0; 3]);
    let wanted = match app.selected().and_then(|at| app.section(at)) {
        Some(section) => panes::wanted_lines(section, first.detail.width.saturating_sub(2)),
        None => [0; 3],
    };
    areas(area, wanted)
}

/// A bordered block; where the terminal draws ambiguous characters wide, the borders are ASCII,
/// since the box-drawing characters are ambiguous too and would push every border out of place.
fn block() -> Block<'static> {
    match ambiguous_width() {
        AmbiguousWidth::Narrow => Block::bordered(),
        AmbiguousWidth::Wide => Block::bordered().border_set(ASCII_BORDER),
    }
}

const ASCII_BORDER: ratatui::symbols::border::Set = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// Text as it goes into a cell: in wide-ambiguous mode each ambiguous character gets its pad.
fn w(text: impl AsRef<str>) -> String {
    crate::text::widen(text.as_ref()).into_owned()
}

fn border_style(focused: bool, editing: bool) -> Style {
    match (focused, editing) {
        (_, true) => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        (true, false) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        _ => Style::new().fg(Color::DarkGray),
    }
}

fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}
