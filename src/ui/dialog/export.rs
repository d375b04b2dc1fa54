//! The export dialog: the formats, the path being typed, and what Enter will do.

use ratatui::Frame;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, ExportDialog};
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use crate::ui::centered;
use crate::ui::style::{self, block};
use hyoka_core::text::sanitize;
use hyoka_data::interchange::Format;

pub fn draw(frame: &mut Frame, app: &App, dialog: &ExportDialog) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let area = centered(frame.area(), frame.area().width.saturating_sub(6).min(90), 9);
    frame.render_widget(Clear, area);
    let outer =
        block(measure).title(measure.padded_for_cells(Words::ExportTitle.text(lang))).border_style(style::dialog());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let formats: Vec<Span> = [Format::Html, Format::Csv, Format::Md, Format::Tsv, Format::Xlsx]
        .into_iter()
        .flat_map(|format| {
            let style = if format == dialog.format { style::chosen() } else { ratatui::style::Style::new() };
            let name = match format {
                Format::Html => "HTML".to_owned(),
                Format::Csv => "CSV".to_owned(),
                Format::Md => "Markdown".to_owned(),
                Format::Tsv => Words::TableFormat.text(lang),
                Format::Xlsx => "Excel".to_owned(),
            };
            [Span::styled(measure.padded_for_cells(format!(" {name} ")), style), Span::raw(" ")]
        })
        .collect();
    let path = dialog.typed_path();
    let shown_path = measure.truncate(&sanitize(&path), width.saturating_sub(1));
    let mut lines = vec![
        Line::from(
            measure.padded_for_cells(
                Words::ExportFormatLabel {
                    keys: app.keymap().keys_named(Context::Export, &[Command::NextFormat, Command::PrevFormat]),
                }
                .text(lang),
            ),
        ),
        Line::from(formats),
        Line::default(),
        Line::from(measure.padded_for_cells(Words::ExportPathLabel.text(lang))),
        Line::styled(
            measure.padded_for_cells(&shown_path),
            ratatui::style::Style::new().add_modifier(Modifier::UNDERLINED),
        ),
        Line::default(),
        Line::styled(measure.padded_for_cells(measure.truncate(&app.hint_line(), width)), style::bold()),
    ];
    lines.truncate(usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines), inner);
    // The caret where the path is being typed.
    let caret_limit = measure.display_width(&shown_path).min(width.saturating_sub(1));
    let before: String = path.chars().take(dialog.path.cursor().1).collect();
    let column = measure.display_width(&sanitize(&before)).min(caret_limit);
    if inner.height > 4 {
        frame.set_cursor_position((inner.x + u16::try_from(column).unwrap_or(0), inner.y + 4));
    }
}
