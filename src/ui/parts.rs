//! Pieces several views draw: a pane's title in the table's words, notes in a bottom border, what
//! the published table cannot carry at the bottom of a pane.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style::dim;
use crate::app::{App, SectionRef};
use crate::i18n::screen::Words;
use hyoka_core::model::Field;
use hyoka_core::text::AmbiguousWidth;

/// The pane titles in the words of the published table.
pub fn field_title(app: &App, at: SectionRef, field: Field) -> String {
    let checkpoint = app.doc(at.file).and_then(|d| d.checkpoint);
    Words::PaneTitle { field, checkpoint }.text(app.lang())
}

/// "3-8/12" in the bottom border when a pane holds more lines than it shows.
pub fn scroll_marker(
    frame: &mut Frame,
    area: Rect,
    (offset, height, total): (usize, usize, usize),
    measure: AmbiguousWidth,
) {
    if total <= height || area.height < 3 {
        return;
    }
    let marker = format!(" {}-{}/{} ", offset + 1, (offset + height).min(total), total);
    border_note(frame, area, &marker, measure);
}

/// A short note at the right of a pane's bottom border.
pub fn border_note(frame: &mut Frame, area: Rect, note: &str, measure: AmbiguousWidth) {
    let width = u16::try_from(measure.display_width(note)).unwrap_or(u16::MAX);
    if width + 2 < area.width && area.height >= 2 {
        let bottom = Rect::new(area.right() - width - 1, area.bottom() - 1, width, 1);
        frame.render_widget(Paragraph::new(Span::styled(measure.padded_for_cells(note), dim())), bottom);
    }
}

/// Draws, at the bottom of a pane's `inner` area, why the published table cannot carry what the
/// pane holds (when it cannot); returns the area left above it for the text.
pub fn flaw(frame: &mut Frame, app: &App, field: Field, inner: Rect) -> Rect {
    let measure = app.ambiguous_width();
    let rows = app.layout().flaw_rows(field);
    let Some((_, lines)) = &app.layout().flaw else { return inner };
    if rows == 0 {
        return inner;
    }
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    let above = Rect { height: inner.height.saturating_sub(rows), ..inner };
    let below = Rect { y: above.bottom(), height: inner.height - above.height, ..inner };
    let text: Vec<Line> =
        lines.iter().map(|l| Line::styled(measure.padded_for_cells(l), super::style::error())).collect();
    frame.render_widget(Paragraph::new(text), below);
    above
}

/// A dialog box that scrolls (the help, the messages): its lines from `scroll` on, as far as the
/// last screenful, under `title`.
pub fn scrolled_box(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    title: &str,
    measure: AmbiguousWidth,
) {
    let visible = usize::from(area.height.saturating_sub(2));
    let scroll = usize::from(scroll).min(lines.len().saturating_sub(visible));
    frame.render_widget(ratatui::widgets::Clear, area);
    let block =
        super::style::block(measure).title(measure.padded_for_cells(title)).border_style(super::style::dialog());
    frame.render_widget(Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()).block(block), area);
}

/// Lines as they are, top to bottom, each cut at the area's right edge as `Paragraph` cuts them
/// (without a block, wrapping or alignment), less its first pass, which styles every cell of the
/// area even with the default style (a tenth of the main screen's frame).
pub fn put_lines<'a>(buffer: &mut Buffer, lines: impl IntoIterator<Item = Line<'a>>, area: Rect) {
    let area = buffer.area.intersection(area);
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        let mut x = area.x;
        let mut spans = line.spans.iter().peekable();
        while let Some(span) = spans.next() {
            let room = area.right().saturating_sub(x);
            if room == 0 {
                break;
            }
            let style = line.style.patch(span.style);
            let (end, _) = buffer.set_stringn(x, y, span.content.as_ref(), usize::from(room), style);
            // A wide character with one column left ends the line, as in `Paragraph`: the next
            // span is not drawn into that column (a badge's coloured blank after a cut text).
            // Measured only then: a wrapped Japanese line often leaves one column.
            if room - (end - x) == 1 && spans.peek().is_some() && usize::from(end - x) < span.width() {
                break;
            }
            x = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Style};
    use ratatui::widgets::{Paragraph, Widget};

    use super::*;

    fn drawn(width: u16, lines: &[Line<'static>], through_paragraph: bool) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width + 2, 3));
        let area = Rect::new(1, 0, width, 2);
        match through_paragraph {
            true => Paragraph::new(lines.to_vec()).render(area, &mut buffer),
            false => put_lines(&mut buffer, lines.to_vec(), area),
        }
        buffer
    }

    #[test]
    fn lines_are_drawn_cell_for_cell_as_a_paragraph_draws_them() {
        let badge = Style::new().bg(Color::Yellow);
        let lines = [
            Line::from(vec![Span::raw("ab所"), Span::styled(" 閲覧 ", badge)]),
            Line::from(vec![Span::raw("上京区"), Span::styled("x", badge)]).style(Style::new().fg(Color::Red)),
            Line::raw("more lines than the area holds"),
        ];
        // (In one column `Paragraph` drops every character wider than the area and draws what
        // follows; `put_lines` ends the line there. No pane is one column wide.)
        for width in 2..=9 {
            assert_eq!(drawn(width, &lines, false), drawn(width, &lines, true), "{width} columns");
        }
        // At three columns the kanji does not fit: the badge is not drawn into the column left.
        let cut = drawn(3, &lines, false);
        assert_eq!((cut[(3, 0)].symbol(), cut[(3, 0)].bg), (" ", Color::Reset));
    }
}
