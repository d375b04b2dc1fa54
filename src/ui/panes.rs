//! The right side for one section: 所属等の目標, 取組状況, 目標達成度, 振り返り.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Areas, border_style, dim};
use crate::app::{App, Editor, Focus, Mode, SectionRef, Slot};
use crate::model::{Field, Section, checkpoint_phrase, goal_number};
use crate::text::{display_width, sanitize, wrap};

pub fn draw(frame: &mut Frame, app: &App, at: SectionRef, areas: &Areas) {
    let Some(section) = app.section(at) else { return };
    let editor = match &app.mode {
        Mode::Editing(editor) if editor.section == at => Some(editor.as_ref()),
        _ => None,
    };
    let editing_field = editor.map(|e| slot_field(e.slot));
    for (field, area) in [
        (Field::Goals, areas.goals),
        (Field::Progress, areas.progress),
        (Field::Rating, areas.rating),
        (Field::Reflection, areas.reflection),
    ] {
        let focused = app.focus == Focus::Pane(field);
        if let Some(editor) = editor.filter(|_| editing_field == Some(field)) {
            draw_editor(frame, app, editor, area);
            continue;
        }
        let block = Block::bordered().title(title(app, at, field, focused)).border_style(border_style(focused, false));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        match field {
            Field::Goals => goals(frame, app, section, inner, focused),
            Field::Rating => rating(frame, app, at, section, inner),
            Field::Progress => text_pane(frame, app, field, &section.progress, app.scroll[0], area),
            Field::Reflection => text_pane(frame, app, field, &section.reflection, app.scroll[1], area),
        }
    }
}

fn slot_field(slot: Slot) -> Field {
    match slot {
        Slot::GoalsIntro | Slot::Goal(_) => Field::Goals,
        Slot::Progress => Field::Progress,
        Slot::Reflection => Field::Reflection,
    }
}

/// The pane titles in the words of the published table.
pub fn field_label(app: &App, at: SectionRef, field: Field) -> String {
    let lang = app.lang;
    match field {
        Field::Goals => lang.pick("所属等の目標", "Goals").to_owned(),
        Field::Progress => match app.doc(at.file).and_then(|d| d.checkpoint) {
            Some(date) => match lang {
                crate::i18n::Lang::Ja => format!("{}の取組状況", checkpoint_phrase(date)),
                crate::i18n::Lang::En => format!("Progress as of {}", date.format("%-d %B")),
            },
            None => lang.pick("取組状況", "Progress").to_owned(),
        },
        Field::Rating => lang.pick("目標達成度", "Achievement").to_owned(),
        Field::Reflection => lang.pick("振り返り", "Reflection").to_owned(),
    }
}

fn title(app: &App, at: SectionRef, field: Field, focused: bool) -> Line<'static> {
    let mut spans = vec![Span::raw(format!(" {} ", field_label(app, at, field)))];
    if focused {
        let hint = match field {
            Field::Goals => app.lang.pick("Enter:編集 a:追加 d:削除 ", "Enter:edit a:add d:remove "),
            Field::Rating => app.lang.pick("1-4:選ぶ Space:切替 ", "1-4:set Space:cycle "),
            _ => app.lang.pick("Enter:編集 ", "Enter:edit "),
        };
        spans.push(Span::styled(hint.to_owned(), dim()));
    }
    Line::from(spans)
}

/// The lines a text pane shows at a given inner width, after taming control characters.
pub fn text_lines(text: &str, width: u16) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    wrap(&sanitize(text), usize::from(width))
}

fn placeholder(app: &App, field: Field) -> Line<'static> {
    let text = match field {
        Field::Goals => app.lang.pick("（未記入）Enter で目標を書き始めます", "(empty) press Enter to write a goal"),
        _ => app.lang.pick("（未記入）Enter で書き始めます", "(empty) press Enter to start writing"),
    };
    Line::styled(text.to_owned(), dim())
}

fn text_pane(frame: &mut Frame, app: &App, field: Field, text: &str, scroll: u16, area: Rect) {
    let inner = Block::bordered().inner(area);
    let lines = text_lines(text, inner.width);
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(placeholder(app, field)), inner);
        return;
    }
    let height = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = usize::from(scroll).min(max_scroll);
    let shown: Vec<Line> = lines.iter().skip(scroll).take(height).map(|l| Line::from(l.clone())).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    if max_scroll > 0 {
        let marker = format!(" {}-{}/{} ", scroll + 1, (scroll + height).min(lines.len()), lines.len());
        let width = display_width(&marker) as u16;
        if width + 2 < area.width {
            let bottom = Rect::new(area.right() - width - 1, area.bottom() - 1, width, 1);
            frame.render_widget(Paragraph::new(Span::styled(marker, dim())), bottom);
        }
    }
}

fn goals(frame: &mut Frame, app: &App, section: &Section, inner: Rect, focused: bool) {
    let width = usize::from(inner.width);
    let numbered = section.goals.len() > 1 || !section.goals_intro.is_empty();
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_range = (0, 0);
    let mut row = 0;
    let mut push_item = |lines: &mut Vec<Line>, prefix: String, text: &str, style: Style, selected: bool| {
        let prefix_width = display_width(&prefix);
        let body = wrap(&sanitize(text), width.saturating_sub(prefix_width).max(2));
        let start = lines.len();
        for (i, part) in body.into_iter().enumerate() {
            let lead = if i == 0 { prefix.clone() } else { " ".repeat(prefix_width) };
            let line_style = if selected && focused { style.bg(Color::Blue).fg(Color::White) } else { style };
            lines.push(Line::from(vec![Span::styled(lead, line_style.add_modifier(Modifier::BOLD)), Span::styled(part, line_style)]));
        }
        if selected {
            selected_range = (start, lines.len());
        }
    };
    if !section.goals_intro.is_empty() {
        push_item(&mut lines, String::new(), &section.goals_intro, Style::new().add_modifier(Modifier::ITALIC), app.goal_cursor == row);
        row += 1;
    }
    for (i, goal) in section.goals.iter().enumerate() {
        let prefix = if numbered { goal_number(i) } else { String::new() };
        push_item(&mut lines, prefix, goal, Style::new(), app.goal_cursor == row);
        row += 1;
    }
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(placeholder(app, Field::Goals)), inner);
        return;
    }
    // Keep the selected goal in view without remembering a scroll position.
    let height = usize::from(inner.height);
    let offset = selected_range.0.min(selected_range.1.saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn rating(frame: &mut Frame, app: &App, at: SectionRef, section: &Section, inner: Rect) {
    let Some(doc) = app.doc(at.file) else { return };
    let scale = doc.scale();
    let current = match section.rating.as_deref().and_then(|m| doc.grade(m)) {
        Some(grade) => Line::from(vec![
            Span::styled(format!("{} ", sanitize(&grade.mark)), Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)),
            Span::styled(sanitize(&grade.label).into_owned(), Style::new().add_modifier(Modifier::BOLD)),
        ]),
        None => Line::styled(app.lang.pick("未評価", "not rated").to_owned(), dim()),
    };
    let legend = scale
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}:{}{}", i + 1, sanitize(&g.mark), sanitize(&g.label)))
        .collect::<Vec<_>>()
        .join("  ");
    let mut lines = vec![current];
    lines.extend(wrap(&legend, usize::from(inner.width)).into_iter().map(|l| Line::styled(l, dim())));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_editor(frame: &mut Frame, app: &App, editor: &Editor, area: Rect) {
    let what = match editor.slot {
        Slot::GoalsIntro => app.lang.pick("目標の前書き", "goals lead-in").to_owned(),
        Slot::Goal(i) => format!("{} {}", app.lang.pick("目標", "goal"), goal_number(i)),
        Slot::Progress => field_label(app, editor.section, Field::Progress),
        Slot::Reflection => field_label(app, editor.section, Field::Reflection),
    };
    let title = Line::from(vec![
        Span::raw(format!(" {what} ")),
        Span::styled(app.lang.pick("［編集中］Esc:終了 Ctrl-S:保存 ", "[editing] Esc:done Ctrl-S:save ").to_owned(), Style::new().fg(Color::Yellow)),
    ]);
    let block = Block::bordered().title(title).border_style(border_style(true, true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&editor.textarea, inner);
    // Put the terminal's own cursor on the caret, so that the IME opens where one types.
    let cursor = editor.textarea.screen_cursor();
    let (top, left) = editor.textarea.scroll_offset();
    let row = cursor.row.saturating_sub(usize::from(top));
    let col = cursor.col.saturating_sub(usize::from(left));
    if row < usize::from(inner.height) && col <= usize::from(inner.width) {
        frame.set_cursor_position(Position::new(inner.x + col as u16, inner.y + row as u16));
    }
}
