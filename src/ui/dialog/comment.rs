//! The reviewer's comment on a section being returned, in the shared editor widget.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, CommentDialog};
use crate::i18n::cycle::CycleWords;
use crate::i18n::screen::Words;
use crate::ui::editor::draw_text;
use crate::ui::parts::border_note;
use crate::ui::style::{self, block};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, dialog: &CommentDialog) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let area = app.layout().dialog();
    frame.render_widget(Clear, area);
    let name = app.section(dialog.section).map(|s| sanitize(&s.name).into_owned()).unwrap_or_default();
    let outer = block(measure)
        .title(measure.padded_for_cells(CycleWords::CommentTitle { name }.text(lang)))
        .border_style(style::dialog());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width).max(1);
    let explain = measure.wrap(&CycleWords::CommentExplain.text(lang), width);
    let hints = measure.truncate(&app.hint_line(), width);
    let above = u16::try_from(explain.len()).unwrap_or(u16::MAX).min(inner.height.saturating_sub(4));
    let lines: Vec<Line> = explain
        .into_iter()
        .take(usize::from(above))
        .map(|l| Line::styled(measure.padded_for_cells(l), style::dim()))
        .collect();
    frame.render_widget(Paragraph::new(lines), Rect { height: above, ..inner });
    // The text box: what is left between the explanation and the keys, with a frame of its own.
    let boxed = Rect { y: inner.y + above, height: inner.height.saturating_sub(above + 1), ..inner };
    let frame_block = block(measure).border_style(style::editing_border());
    let text_area = frame_block.inner(boxed);
    frame.render_widget(frame_block, boxed);
    if let Some((row, total)) = draw_text(frame, text_area, &dialog.textarea, measure) {
        border_note(frame, boxed, &format!(" {}/{} ", row + 1, total), measure);
    }
    let keys = Rect { y: inner.bottom().saturating_sub(1), height: 1.min(inner.height), ..inner };
    let line = if dialog.confirming {
        // The discard key was pressed: the question, with its keys, where the keys were.
        let question = measure.truncate(&format!("{}  {hints}", Words::ReallyDiscardComment.text(lang)), width);
        Line::styled(measure.padded_for_cells(question), style::error())
    } else {
        Line::styled(measure.padded_for_cells(hints), style::bold())
    };
    frame.render_widget(Paragraph::new(line), keys);
}
