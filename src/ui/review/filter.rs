//! The filter dialog: the ratings to tick, empty fields, changed since or by, a text.

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::App;
use crate::app::review::FilterDialog;
use crate::app::review::filter::{Row, rows};
use crate::app::state::Rated;
use crate::i18n::review::ReviewWords;
use crate::ui::centered;
use crate::ui::style::{self, block, dim};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, dialog: &FilterDialog) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let rows = rows(dialog);
    let height = u16::try_from(rows.len() + 4).unwrap_or(u16::MAX);
    let area = centered(frame.area(), frame.area().width.saturating_sub(6).min(70), height);
    frame.render_widget(Clear, area);
    let outer = block(measure)
        .title(measure.padded_for_cells(ReviewWords::FilterTitle.text(lang)))
        .border_style(style::dialog());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let tick = |on: bool| if on { "[x] " } else { "[ ] " };
    let mut caret = None;
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let chosen = i == dialog.row;
        let text = match row {
            Row::Mark(m) => {
                let mark = dialog.marks.get(*m).cloned().unwrap_or_default();
                let label = app
                    .files()
                    .iter()
                    .find_map(|f| f.doc().and_then(|d| d.grade(&mark)))
                    .map(|g| g.label)
                    .unwrap_or_default();
                let on = dialog.ratings.contains(&Rated::Mark(mark.clone()));
                format!("{}{} {}", tick(on), sanitize(&mark), sanitize(&label))
            }
            Row::Unrated => {
                format!("{}{}", tick(dialog.ratings.contains(&Rated::Unrated)), ReviewWords::Unrated.text(lang))
            }
            Row::Incomplete => format!("{}{}", tick(dialog.incomplete), ReviewWords::IncompleteOnly.text(lang)),
            Row::Status(status) => {
                format!("{}{}", tick(dialog.statuses.contains(status)), crate::i18n::cycle::status_name(*status, lang))
            }
            Row::Since | Row::By | Row::Word => {
                let (label, value) = match row {
                    Row::Since => (ReviewWords::Since, &dialog.since),
                    Row::By => (ReviewWords::By, &dialog.by),
                    _ => (ReviewWords::Word, &dialog.word),
                };
                let label = label.text(lang);
                let value = measure.truncate(&sanitize(value), width.saturating_sub(measure.display_width(&label) + 1));
                if chosen {
                    caret = Some((measure.display_width(&label) + measure.display_width(&value), i));
                }
                format!("{label}{value}")
            }
        };
        let style = if chosen { style::chosen() } else { Style::new() };
        lines.push(Line::from(Span::styled(measure.padded_for_cells(measure.truncate(&text, width)), style)));
    }
    // On a screen too low for every row, the rows scroll so that the chosen one shows.
    let room = usize::from(inner.height).saturating_sub(2).max(1);
    let offset = (dialog.row + 1).saturating_sub(room);
    let mut lines: Vec<Line> = lines.into_iter().skip(offset).take(room).collect();
    lines.push(Line::default());
    let hints = measure.truncate(&app.hint_line(), width);
    lines.push(Line::styled(measure.padded_for_cells(hints), dim().add_modifier(Modifier::BOLD)));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((column, row)) = caret.filter(|(_, row)| *row >= offset) {
        let x = inner.x + u16::try_from(column.min(width.saturating_sub(1))).unwrap_or(0);
        frame.set_cursor_position((x, inner.y + u16::try_from(row - offset).unwrap_or(0)));
    }
}
