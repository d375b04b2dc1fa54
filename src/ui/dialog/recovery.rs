//! The recovery dialog: whose work, from when, which fields; the changes themselves on request.

use ratatui::Frame;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::View;
use crate::app::{App, Recovery};
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use crate::ui::style::{self, block, dim};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, r: &Recovery) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let area = app.layout().dialog();
    frame.render_widget(Clear, area);
    let Some(entry) = r.entries.get(r.index) else { return };
    let path = app.files().get(entry.file).map(|f| f.path.display().to_string()).unwrap_or_default();
    let title = Words::RecoveryTitle { index: r.index + 1, count: r.entries.len() }.text(lang);
    let outer = block(measure).title(measure.padded_for_cells(title)).border_style(style::dialog());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let keys = app.hint_line();
    if let View::Changes(scroll) = r.view {
        for difference in &entry.differences {
            let place = difference.place(lang);
            lines.push(Line::styled(
                measure.padded_for_cells(measure.truncate(&sanitize(&place), width)),
                style::bold(),
            ));
            for l in measure.wrap(&sanitize(&difference.before), width.saturating_sub(2)) {
                lines.push(Line::styled(measure.padded_for_cells(format!("- {l}")), Style::new().fg(Color::Red)));
            }
            for l in measure.wrap(&sanitize(&difference.after), width.saturating_sub(2)) {
                lines.push(Line::styled(measure.padded_for_cells(format!("+ {l}")), Style::new().fg(Color::Green)));
            }
            lines.push(Line::default());
        }
        for draft in &entry.work.drafts {
            let place = Words::DraftPlace { division: draft.division.clone(), section: draft.section.clone() };
            lines.push(Line::styled(
                measure.padded_for_cells(measure.truncate(&sanitize(&place.text(lang)), width)),
                style::bold(),
            ));
            for l in measure.wrap(&sanitize(&draft.text), width.saturating_sub(2)) {
                lines.push(Line::styled(measure.padded_for_cells(format!("+ {l}")), Style::new().fg(Color::Green)));
            }
            lines.push(Line::default());
        }
        let visible = usize::from(inner.height.saturating_sub(1));
        let scroll = usize::from(scroll).min(lines.len().saturating_sub(visible));
        let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
        shown.push(Line::styled(
            measure.padded_for_cells(
                measure.truncate(
                    &Words::ChangesKeys {
                        scroll: app.keymap().keys_named(Context::RecoveryDiff, &[Command::Up, Command::Down]),
                    }
                    .text(lang),
                    width,
                ),
            ),
            dim(),
        ));
        frame.render_widget(Paragraph::new(shown), inner);
        return;
    }
    let when = entry.written.map(|t| {
        let local = crate::i18n::cycle::in_office_zone(chrono::DateTime::<chrono::Utc>::from(t).fixed_offset());
        let day = crate::i18n::cycle::day(local.date_naive(), app.calendar(), lang);
        format!("{day} {}", local.format("%H:%M:%S"))
    });
    let fields = entry.differences.len() + entry.work.drafts.len();
    let explain = Words::RecoveryExplain { when, path, fields }.text(lang);
    lines.extend(measure.wrap(&sanitize(&explain), width).into_iter().map(|l| Line::from(measure.padded_for_cells(l))));
    if app.files().get(entry.file).is_some_and(|f| f.canonical != entry.original) {
        let from = Words::MovedFrom { from: entry.original.display().to_string() }.text(lang);
        lines
            .extend(measure.wrap(&sanitize(&from), width).into_iter().map(|l| Line::from(measure.padded_for_cells(l))));
    }
    lines.push(Line::default());
    let drafts = entry
        .work
        .drafts
        .iter()
        .map(|d| Words::DraftPlace { division: d.division.clone(), section: d.section.clone() }.text(lang));
    let places: Vec<String> = entry.differences.iter().map(|d| d.place(lang)).chain(drafts).collect();
    for place in places.iter().take(usize::from(inner.height.saturating_sub(6))) {
        lines.push(Line::from(measure.padded_for_cells(measure.truncate(&format!("・{}", sanitize(place)), width))));
    }
    lines.push(Line::default());
    if r.view == View::ConfirmDiscard {
        lines.push(Line::styled(
            measure.padded_for_cells(measure.truncate(&Words::ReallyDiscard.text(lang), width)),
            style::error(),
        ));
    }
    lines.push(Line::styled(measure.padded_for_cells(measure.truncate(&keys, width)), style::bold()));
    frame.render_widget(Paragraph::new(lines), inner);
}
