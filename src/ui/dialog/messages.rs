//! The message log: the last messages in full, wrapped, newest first.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::{App, Tone};
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use crate::ui::centered;
use crate::ui::style::{self, dim};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, scroll: u16) {
    let measure = app.ambiguous_width();
    let main = crate::ui::review::main_area(app);
    let area = centered(main, main.width.saturating_sub(4).min(100), main.height);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    for message in app.log().entries().rev() {
        let look = match message.tone {
            Tone::Info => Style::new(),
            Tone::Error => style::error(),
        };
        lines.extend(
            measure
                .wrap(&sanitize(&message.text), width)
                .into_iter()
                .map(|l| Line::styled(measure.padded_for_cells(l), look)),
        );
        lines.push(Line::default());
    }
    if lines.is_empty() {
        lines.push(Line::styled(measure.padded_for_cells(Words::NoMessages.text(app.lang())), dim()));
    }
    let scroll_keys = app.keymap().keys_named(Context::Messages, &[Command::Up, Command::Down]);
    let title = Words::MessagesTitle { scroll: scroll_keys }.text(app.lang());
    crate::ui::parts::scrolled_box(frame, area, lines, scroll, &title, measure);
}
