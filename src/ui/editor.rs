//! The one text editor widget (a pane being edited, the combined text of the conflict dialog):
//! ratatui-textarea keeps the text, the caret and the undo history; the drawing is ours, so that
//! wide and ambiguous characters, control characters and the terminal cursor (where the IME
//! opens) are exactly right.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::parts::{border_note, field_title};
use super::style::{self, block};
use crate::app::{App, Editor};
use crate::i18n::screen::Words;
use hyoka_core::model::{Field, goal_number};
use hyoka_core::text::{AmbiguousWidth, EditRow, caret_cell, edit_rows};

/// A pane while its text is edited: the editing frame, the text, and where the caret is.
pub fn draw_pane(frame: &mut Frame, app: &App, editor: &Editor, area: Rect) {
    let measure = app.ambiguous_width();
    let what = match editor.field {
        Field::Goals => {
            let section = app.section(editor.section);
            let number = section.and_then(|s| s.goal_label(editor.goal)).unwrap_or_else(|| goal_number(editor.goal));
            format!("{} {number}", Words::Goal.text(app.lang()))
        }
        Field::GoalsIntro => Field::GoalsIntro.label(app.lang()).to_owned(),
        field => field_title(app, editor.section, field),
    };
    let hints: Vec<String> = app.hints().iter().take(2).map(ToString::to_string).collect();
    let title = Line::from(vec![
        Span::raw(measure.padded_for_cells(format!(" {what} "))),
        Span::styled(
            measure.padded_for_cells(format!("{} {} ", Words::Editing.text(app.lang()), hints.join(" "))),
            style::editing_border(),
        ),
    ]);
    let frame_block = block(measure).title(title).border_style(style::bold());
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    // What the published table would refuse of the text being typed, said as it is typed.
    let inner = super::parts::flaw(frame, app, editor.field, inner);
    if let Some((row, total)) = draw_text(frame, inner, &editor.textarea, measure) {
        border_note(frame, area, &format!(" {}/{} ", row + 1, total), measure);
    }
}

/// Draws the text soft-wrapped into `inner`, scrolled so that the caret shows, and puts the
/// terminal's cursor on the caret (its only mark: a reversed cell under a block cursor would
/// cancel out). Returns the caret's row and the number of rows.
pub fn draw_text(
    frame: &mut Frame,
    inner: Rect,
    textarea: &TextArea<'static>,
    measure: AmbiguousWidth,
) -> Option<(usize, usize)> {
    if inner.width == 0 || inner.height == 0 {
        return None;
    }
    let width = usize::from(inner.width);
    let mut rows = edit_rows(textarea.lines(), width, measure);
    let cursor = textarea.cursor();
    let (mut row, mut col) = caret_cell(&rows, cursor.0, cursor.1);
    if col >= width {
        // The caret after a line that fills its row exactly goes to a row of its own.
        let line = rows.get(row).map_or(0, |r| r.line);
        row += 1;
        col = 0;
        if rows.get(row).is_none_or(|r| r.line != line) {
            rows.insert(row, EditRow { line, shown: String::new(), stops: Vec::new(), end: (0, 0), continues: false });
        }
    }
    let height = usize::from(inner.height);
    let top = (row + 1).saturating_sub(height);
    let shown: Vec<Line> =
        rows.iter().skip(top).take(height).map(|r| Line::from(measure.padded_for_cells(&r.shown))).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    let x = inner.x.saturating_add(u16::try_from(col).unwrap_or(u16::MAX));
    let y = inner.y.saturating_add(u16::try_from(row - top).unwrap_or(u16::MAX));
    if x < inner.right() && y < inner.bottom() {
        frame.set_cursor_position(Position::new(x, y));
    }
    Some((row, rows.len()))
}
