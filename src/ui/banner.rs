//! The review above a section's panes: its status, by whom and when, and while it is returned,
//! the reviewer's comment — until the section is submitted again.

use ratatui::Frame;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style::{self, block};
use crate::app::App;
use crate::app::keymap::BANNER_HINTS;
use crate::command::Context;

pub fn draw(frame: &mut Frame, app: &App) {
    let measure = app.ambiguous_width();
    let area = app.layout().banner;
    let Some((head, _)) = app.banner() else { return };
    if area.height == 0 {
        return;
    }
    let returned = !app.layout().banner_lines.is_empty();
    let look = if returned { style::error() } else { style::bold() };
    let mut head = head;
    // What a reviewer can do with this section now, with the keys in force.
    let keys = app.keymap().hints_of(BANNER_HINTS, &[Context::Global], app.lang(), Some(&app.now()));
    if !keys.is_empty() {
        head = format!("{head}  {}", keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "));
    }
    if app.selected().and_then(|at| app.draft(at)).is_some() {
        head = format!("{head}  {}", crate::i18n::cycle::CycleWords::DraftWaiting.text(app.lang()));
    }
    if area.height < 3 {
        let text = measure.truncate(&format!(" {head}"), usize::from(area.width));
        let pad = usize::from(area.width).saturating_sub(measure.display_width(&text));
        let line = Line::from(Span::styled(
            measure.padded_for_cells(format!("{text}{}", " ".repeat(pad))),
            look.add_modifier(Modifier::REVERSED),
        ));
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let title = measure.truncate(&format!(" {head} "), usize::from(area.width.saturating_sub(2)));
    let frame_block = block(measure).title(Span::styled(measure.padded_for_cells(title), look)).border_style(look);
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    let lines: Vec<Line> = app.layout().banner_lines.iter().map(|l| Line::from(measure.padded_for_cells(l))).collect();
    let shown = usize::from(inner.height);
    let total = lines.len();
    frame.render_widget(Paragraph::new(lines), inner);
    super::parts::scroll_marker(frame, area, (0, shown, total), measure);
}
