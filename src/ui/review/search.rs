//! The search prompt on the bottom line: what is typed, whether kana match, how many hits.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::App;
use crate::app::review::SearchPrompt;
use crate::i18n::review::ReviewWords;
use crate::ui::style::{self, dim};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, prompt: &SearchPrompt) {
    let measure = app.ambiguous_width();
    let area = app.layout().hints;
    let lang = app.lang();
    let label = ReviewWords::SearchLabel.text(lang);
    let key = app.keymap().key_name(crate::command::Context::Search, crate::command::Command::ToggleKana);
    let kana = if app.review().kana { ReviewWords::KanaOn { key } } else { ReviewWords::KanaOff { key } }.text(lang);
    let count = match super::position(app) {
        Some((at, of)) => format!(" {at}/{of}"),
        None => String::new(),
    };
    let tail = format!("{count} {kana}");
    let room = usize::from(area.width).saturating_sub(measure.display_width(&label) + measure.display_width(&tail) + 1);
    // The end of a long query stays in view, where the caret is.
    let typed = sanitize(&prompt.input).into_owned();
    let mut shown = typed.as_str();
    while measure.display_width(shown) > room {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    frame.render_widget(Clear, area);
    let line = Line::from(vec![
        Span::styled(measure.padded_for_cells(&label), style::bold()),
        Span::raw(measure.padded_for_cells(shown)),
        Span::raw(" "),
        Span::styled(measure.padded_for_cells(&tail), dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let column = measure.display_width(&label) + measure.display_width(shown);
    frame.set_cursor_position((area.x + u16::try_from(column).unwrap_or(0), area.y));
}
