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
