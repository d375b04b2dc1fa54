//! The text editor as drawn: ratatui-textarea keeps the text, the caret and the undo history;
//! the drawing is ours, so that wide and ambiguous characters, control characters and the
//! terminal cursor (where the IME opens) are exactly right.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, border_style, panes::field_label, screen_areas};
use crate::app::{App, Editor, Slot};
use crate::model::{Field, goal_number};
use crate::text::{EditRow, caret_cell, edit_rows, widen};

pub fn draw(frame: &mut Frame, app: &App, editor: &Editor, area: Rect) {
    let what = match editor.slot {
        Slot::GoalsIntro => app.lang.pick("目標の前書き", "goals lead-in").to_owned(),
        Slot::Goal(i) => format!("{} {}", app.lang.pick("目標", "goal"), goal_number(i)),
        Slot::Progress => field_label(app, editor.section, Field::Progress),
        Slot::Reflection => field_label(app, editor.section, Field::Reflection),
    };
    let title = Line::from(vec![
        Span::raw(widen(&format!(" {what} ")).into_owned()),
        Span::styled(
            widen(app.lang.pick("［編集中］Esc:終了 Ctrl-S:保存 ", "[editing] Esc:done Ctrl-S:save ")).into_owned(),
            Style::new().fg(Color::Yellow),
        ),
    ]);
    let frame_block = block().title(title).border_style(border_style(true, true));
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let mut rows = edit_rows(editor.textarea.lines(), usize::from(inner.width));
    let (row, col) = caret(editor, usize::from(inner.width), &rows);
    if row < rows.len() && col == 0 && rows[row.saturating_sub(1)].end.1 >= usize::from(inner.width) && row > 0 {
        // The caret after a line that fills its row exactly: shown on a row of its own, not on the
        // first character of the next line.
        let line = rows[row - 1].line;
        if rows[row].line != line {
            rows.insert(row, EditRow { line, shown: String::new(), stops: Vec::new(), end: (0, 0), continues: false });
        }
    }
    let height = usize::from(inner.height);
    let top = (row + 1).saturating_sub(height);
    let shown: Vec<Line> =
        rows.iter().skip(top).take(height).map(|r| Line::from(widen(&r.shown).into_owned())).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    let (x, y) = (inner.x + col as u16, inner.y + (row - top) as u16);
    if x < inner.right() && y < inner.bottom() {
        frame.buffer_mut()[(x, y)].set_style(Style::new().add_modifier(Modifier::REVERSED));
        // The terminal's own cursor on the caret: the IME's candidate window opens there.
        frame.set_cursor_position(Position::new(x, y));
    }
}

/// Screen row and column of the caret; at the very end of a full row it goes to the next row.
fn caret(editor: &Editor, width: usize, rows: &[crate::text::EditRow]) -> (usize, usize) {
    let cursor = editor.textarea.cursor();
    let (row, col) = caret_cell(rows, cursor.0, cursor.1);
    if col >= width { (row + 1, 0) } else { (row, col) }
}

/// The editor's text width with the current terminal size, for moving the caret up and down.
pub fn text_width(app: &App, slot: Slot) -> usize {
    let areas = screen_areas(app, Rect::new(0, 0, app.size.0, app.size.1));
    let area = match slot {
        Slot::GoalsIntro | Slot::Goal(_) => areas.goals,
        Slot::Progress => areas.progress,
        Slot::Reflection => areas.reflection,
    };
    usize::from(area.width.saturating_sub(2))
}
