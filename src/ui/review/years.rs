//! One section through the years: the rating history on one line, then a column per fiscal
//! year with its rating, goals and reflection; a year without the section says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::bars::pad;
use crate::app::App;
use crate::app::review::YearsView;
use crate::app::review::years::{column_width, fitting_years, history};
use crate::i18n::review::ReviewWords;
use crate::ui::style::{self, block};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, view: &YearsView) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let area = super::main_area(app);
    frame.render_widget(Clear, area);
    let outer = block(measure).title(measure.padded_for_cells(ReviewWords::YearsTitle.text(lang)));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let name = format!("{} › {} › {}", view.organization, view.division, view.section);
    let line = history(&view.years, &ReviewWords::Absent.text(lang), &ReviewWords::Unrated.text(lang));
    let top = vec![
        Line::styled(measure.padded_for_cells(measure.truncate(&sanitize(&name), width)), style::bold()),
        Line::from(measure.padded_for_cells(measure.truncate(&sanitize(&line), width))),
    ];
    frame.render_widget(Paragraph::new(top), inner);
    // The years share the width; never narrower than what fits, never wider than needed.
    let fitting = fitting_years(app.layout().width).min(view.years.len());
    let column = column_width(app.layout().width, fitting);
    let height = inner.height.saturating_sub(3);
    for (n, lines) in view.lines.iter().skip(view.first).take(fitting).enumerate() {
        let x = inner.x + u16::try_from(n * (column + 1)).unwrap_or(u16::MAX);
        let rect = Rect::new(x, inner.y + 3, u16::try_from(column).unwrap_or(0), height).intersection(inner);
        let shown: Vec<Line> = lines
            .iter()
            .skip(view.scroll)
            .take(usize::from(height))
            .map(|l| {
                let text = measure.padded_for_cells(pad(&measure.truncate(&l.text, column), column, measure));
                if l.heading { Line::styled(text, style::bold()) } else { Line::from(text) }
            })
            .collect();
        frame.render_widget(Paragraph::new(shown), rect);
    }
}
