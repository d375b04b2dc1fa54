//! The table of every section: a header that shows the sort, then only the rows on screen, in
//! columns measured by display width (a name too long ends in "…", never half a character).

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::bars::pad;
use crate::app::App;
use crate::app::review::table::cell;
use crate::app::review::{Column, TableView};
use crate::i18n::review::ReviewWords;
use crate::ui::style::{self, block};

/// Each column's width: its widest text or heading, the name columns narrowed (widest first)
/// until the row fits `room`.
pub fn fit_widths(app: &App, view: &TableView, room: usize) -> Vec<usize> {
    let measure = app.ambiguous_width();
    let mut widths: Vec<usize> = Column::ALL
        .iter()
        .zip(&view.widths)
        .map(|(c, w)| {
            (*w).max(measure.display_width(&ReviewWords::Header(*c).text(app.lang())) + measure.display_width("▲"))
        })
        .collect();
    // A space after every column.
    let gaps = Column::ALL.len();
    let narrowable = [0usize, 1, 2, 7];
    while widths.iter().sum::<usize>() + gaps > room {
        let Some(widest) = narrowable.iter().copied().max_by_key(|i| widths.get(*i).copied().unwrap_or(0)) else {
            break;
        };
        match widths.get_mut(widest) {
            Some(w) if *w > 4 => *w -= 1,
            _ => break,
        }
    }
    widths
}

pub fn draw(frame: &mut Frame, app: &App, view: &TableView) {
    let measure = app.ambiguous_width();
    let area = super::main_area(app);
    frame.render_widget(Clear, area);
    let outer = block(measure)
        .title(measure.padded_for_cells(ReviewWords::TableTitle { rows: view.rows.len() }.text(app.lang())));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let widths = fit_widths(app, view, usize::from(inner.width));
    let arrow = if view.descending { "▼" } else { "▲" };
    let header: Vec<Span> = Column::ALL
        .iter()
        .zip(&widths)
        .map(|(column, width)| {
            let mut name = ReviewWords::Header(*column).text(app.lang());
            if *column == view.sort {
                name.push_str(arrow);
            }
            let mut style = Style::new().add_modifier(Modifier::BOLD);
            if *column == view.column {
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            Span::styled(
                measure.padded_for_cells(format!("{} ", pad(&measure.truncate(&name, *width), *width, measure))),
                style,
            )
        })
        .collect();
    let height = usize::from(inner.height.saturating_sub(1));
    let mut lines = vec![Line::from(header)];
    for (i, row) in view.rows.iter().enumerate().skip(view.offset).take(height) {
        let text: String = Column::ALL
            .iter()
            .zip(&widths)
            .map(|(column, width)| {
                let text = measure.truncate(&cell(row, *column, (app.calendar(), app.lang())), *width);
                // Numbers to the right, as tables have them.
                match column {
                    Column::Goals => {
                        format!("{}{text} ", " ".repeat(width.saturating_sub(measure.display_width(&text))))
                    }
                    _ => format!("{} ", pad(&text, *width, measure)),
                }
            })
            .collect();
        let text = measure.truncate(&text, usize::from(inner.width));
        let style = if i == view.cursor { style::cursor(true) } else { Style::new() };
        let text = if i == view.cursor { pad(&text, usize::from(inner.width), measure) } else { text };
        lines.push(Line::styled(measure.padded_for_cells(text), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
