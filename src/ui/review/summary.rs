//! The summary of every organisation × fiscal year: one row each, the years of an organisation
//! together, with the counts of each mark, unrated and incomplete, and a bar of the shares.

use ratatui::Frame;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::bars::{pad, right};
use crate::app::App;
use crate::app::review::SummaryView;
use crate::i18n::review::ReviewWords;
use crate::ui::style::{self, block, dim};
use hyoka_core::model::fiscal_year_label;
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, view: &SummaryView) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let area = super::main_area(app);
    frame.render_widget(Clear, area);
    let outer =
        block(measure).title(measure.padded_for_cells(ReviewWords::SummaryTitle { files: view.rows.len() }.text(lang)));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let marks: Vec<String> = view
        .rows
        .first()
        .map(|r| r.counts.grades.iter().map(|(m, _, _)| sanitize(m).into_owned()).collect())
        .unwrap_or_default();
    let org_width =
        view.rows.iter().map(|r| measure.display_width(&sanitize(&r.organization))).max().unwrap_or(0).clamp(6, 20);
    let year_width =
        view.rows.iter().map(|r| measure.display_width(&fiscal_year_label(r.fiscal_year))).max().unwrap_or(8);
    let unrated = ReviewWords::Unrated.text(lang);
    let empty = ReviewWords::IncompleteHeader.text(lang);
    let number = |text: &str| 4usize.max(measure.display_width(text) + 1);
    let mut head = format!(
        "{} {} {}",
        pad(&ReviewWords::Organization.text(lang), org_width, measure),
        pad(&ReviewWords::FiscalYear.text(lang), year_width, measure),
        right(&ReviewWords::SectionsHeader.text(lang), 5, measure)
    );
    for word in marks.iter().chain([&unrated, &empty]) {
        head.push_str(&right(word, number(word), measure));
    }
    let bar_cells = width.saturating_sub(measure.display_width(&head) + 2);
    let mut lines = vec![Line::styled(
        measure.padded_for_cells(measure.truncate(&head, width)),
        style::bold().add_modifier(Modifier::UNDERLINED),
    )];
    let mut previous = "";
    for row in view.rows.iter().skip(view.scroll).take(usize::from(inner.height.saturating_sub(1))) {
        // The organisation once, at the top of its years.
        let org = if row.organization == previous { String::new() } else { sanitize(&row.organization).into_owned() };
        previous = &row.organization;
        let c = &row.counts;
        let mut text = format!(
            "{} {} {:>5}",
            pad(&measure.truncate(&org, org_width), org_width, measure),
            pad(&fiscal_year_label(row.fiscal_year), year_width, measure),
            c.sections
        );
        for ((_, _, n), mark) in c.grades.iter().zip(&marks) {
            text.push_str(&format!("{n:>width$}", width = number(mark)));
        }
        text.push_str(&format!("{:>width$}", c.unrated, width = number(&unrated)));
        text.push_str(&format!("{:>width$}", c.incomplete, width = number(&empty)));
        let mut spans = vec![Span::raw(measure.padded_for_cells(measure.truncate(&text, width))), Span::raw("  ")];
        // One bar of the shares: the best mark in full blocks, then lighter ones, unrated dotted.
        let shades = ["█", "▓", "▒", "░"];
        let unit = measure.display_width("█").max(1);
        for (i, (_, _, n)) in c.grades.iter().enumerate() {
            let cells = (bar_cells * n).checked_div(c.sections).unwrap_or(0);
            let shade = shades.get(i).copied().unwrap_or("░");
            spans.push(Span::raw(measure.padded_for_cells(shade.repeat(cells / unit))));
        }
        let cells = (bar_cells * c.unrated).checked_div(c.sections).unwrap_or(0);
        spans
            .push(Span::styled(measure.padded_for_cells("·".repeat(cells / measure.display_width("·").max(1))), dim()));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
