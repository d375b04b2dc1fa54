//! Pop-ups over the screen: the key help and the question before quitting.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{block, w};

use crate::app::{App, HELP};
use crate::text::{display_width, truncate};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Length(width.min(area.width)), Constraint::Length(height.min(area.height)))
}

pub fn help(frame: &mut Frame, app: &App, scroll: u16) {
    let lang = app.lang;
    let area = centered(frame.area(), 76, frame.area().height.saturating_sub(2));
    let place_width = HELP.iter().map(|e| display_width(lang.pick(e.place.0, e.place.1))).max().unwrap_or(0);
    let keys_width = HELP.iter().map(|e| display_width(e.keys)).max().unwrap_or(0);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = HELP
        .iter()
        .map(|e| {
            let place = lang.pick(e.place.0, e.place.1);
            let place = format!("{place}{}", " ".repeat(place_width - display_width(place)));
            let keys = format!("{}{}", e.keys, " ".repeat(keys_width - display_width(e.keys)));
            let rest = inner_width.saturating_sub(place_width + keys_width + 4);
            Line::from(vec![
                Span::styled(w(format!(" {place} ")), Style::new().fg(Color::DarkGray)),
                Span::styled(w(format!("{keys}  ")), Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)),
                Span::raw(w(truncate(lang.pick(e.does.0, e.does.1), rest))),
            ])
        })
        .collect();
    let visible = usize::from(area.height.saturating_sub(2));
    let scroll = usize::from(scroll).min(lines.len().saturating_sub(visible));
    let title = lang.pick(" キー操作（↑↓:スクロール  他のキー:閉じる） ", " Keys (↑↓: scroll, any other key: close) ");
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>())
            .block(block().title(w(title)).border_style(Style::new().fg(Color::Cyan))),
        area,
    );
}

pub fn confirm_quit(frame: &mut Frame, app: &App) {
    let lang = app.lang;
    let count = app.dirty_sections().len().max(1);
    let question = match lang {
        crate::i18n::Lang::Ja => format!("保存していない変更があります（{count}課）。"),
        crate::i18n::Lang::En => format!("There are unsaved changes ({count} sections)."),
    };
    let choices = lang
        .pick("s: 保存して終了   d: 保存せずに終了   Esc: 戻る", "s: save and quit   d: discard and quit   Esc: back");
    let width = (display_width(&question).max(display_width(choices)) + 4) as u16;
    let area = centered(frame.area(), width, 5);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(w(question)),
            Line::default(),
            Line::styled(w(choices), Style::new().add_modifier(Modifier::BOLD)),
        ])
        .block(block().title(w(lang.pick(" 終了 ", " Quit "))).border_style(Style::new().fg(Color::Yellow))),
        area,
    );
}

pub fn export(frame: &mut Frame, app: &App, d: &crate::app::ExportDialog) {
    let lang = app.lang;
    let area = centered(frame.area(), frame.area().width.saturating_sub(6).min(90), 9);
    frame.render_widget(Clear, area);
    let outer = block()
        .title(w(lang.pick(" 書き出し ", " Export ")))
        .border_style(Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let formats: Vec<Span> = [
        (crate::interchange::Format::Html, "HTML"),
        (crate::interchange::Format::Csv, "CSV"),
        (crate::interchange::Format::Md, "Markdown"),
        (crate::interchange::Format::Tsv, lang.pick("表(TSV)", "table (TSV)")),
        (crate::interchange::Format::Xlsx, "Excel"),
    ]
    .into_iter()
    .flat_map(|(format, name)| {
        let style = if format == d.format {
            Style::new().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        [Span::styled(w(format!(" {name} ")), style), Span::raw(" ")]
    })
    .collect();
    let path = d.path.lines().join("");
    let shown_path = truncate(&crate::text::sanitize(&path), width.saturating_sub(1));
    let mut lines = vec![
        Line::from(w(lang.pick("形式（Tab・↑↓で選ぶ）:", "Format (Tab, ↑↓ to choose):"))),
        Line::from(formats),
        Line::default(),
        Line::from(w(lang.pick("書き出し先（編集できます）:", "Write to (editable):"))),
        Line::styled(w(&shown_path), Style::new().add_modifier(Modifier::UNDERLINED)),
        Line::default(),
        Line::styled(
            w(truncate(
                if d.confirm_overwrite {
                    lang.pick("Enter: 上書きする  Esc: やめる", "Enter: overwrite  Esc: cancel")
                } else {
                    lang.pick("Enter: 書き出す  Esc: やめる", "Enter: export  Esc: cancel")
                },
                width,
            )),
            Style::new().add_modifier(Modifier::BOLD),
        ),
    ];
    lines.truncate(usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines), inner);
    // The caret at the end of what was typed (the path is edited at its end or with ← →).
    let caret = crate::text::display_width(&shown_path).min(width.saturating_sub(1)) as u16;
    let before_caret: String = path.chars().take(d.path.cursor().1).collect();
    let x = inner.x + (crate::text::display_width(&crate::text::sanitize(&before_caret)) as u16).min(caret);
    if inner.height > 4 {
        frame.set_cursor_position((x, inner.y + 4));
    }
}
