//! The review above a section's panes: its status, by whom and when, and while it is returned,
//! the reviewer's comment — until the section is submitted again.

use ratatui::Frame;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style::{self, block, w};
use crate::app::App;
use crate::command::{Command, Context};
use hyoka_core::text::{display_width, truncate};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = app.layout().banner;
    let Some((head, _)) = app.banner() else { return };
    if area.height == 0 {
        return;
    }
    let returned = !app.layout().banner_lines.is_empty();
    let look = if returned { style::error() } else { style::bold() };
    let mut head = head;
    if app.reviewer() && !app.read_only() {
        // What a reviewer can do here, with the keys in force.
        let key = |c| app.keymap().keys(Context::Global, c).first().map(|k| k.shown());
        let words = |c| crate::i18n::cycle::hint_label(Context::Global, c).map(|(ja, en)| app.lang().pick(ja, en));
        let keys: Vec<String> = [Command::Approve, Command::ReturnSection]
            .into_iter()
            .filter_map(|c| Some(format!("{}:{}", key(c)?, words(c)?)))
            .collect();
        head = format!("{head}  {}", keys.join(" "));
    }
    if area.height < 3 {
        let text = truncate(&format!(" {head}"), usize::from(area.width));
        let pad = usize::from(area.width).saturating_sub(display_width(&text));
        let line =
            Line::from(Span::styled(w(format!("{text}{}", " ".repeat(pad))), look.add_modifier(Modifier::REVERSED)));
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let title = truncate(&format!(" {head} "), usize::from(area.width.saturating_sub(2)));
    let frame_block = block().title(Span::styled(w(title), look)).border_style(look);
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    let lines: Vec<Line> = app.layout().banner_lines.iter().map(|l| Line::from(w(l))).collect();
    let shown = usize::from(inner.height);
    let total = lines.len();
    frame.render_widget(Paragraph::new(lines), inner);
    super::parts::scroll_marker(frame, area, 0, shown, total);
}
