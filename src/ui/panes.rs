//! The right side for one section: 所属等の目標, 取組状況, 目標達成度, 振り返り.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Areas, block, border_style, dim, w};
use crate::app::{App, Focus, Mode, SectionRef, Slot};
use crate::model::{Field, Section, checkpoint_phrase};
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
            super::editor::draw(frame, app, editor, area);
            continue;
        }
        let block = block().title(title(app, at, field, focused)).border_style(border_style(focused, false));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        match field {
            Field::Goals | Field::GoalsIntro => goals(frame, app, section, area, focused),
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
        Field::Goals | Field::GoalsIntro => lang.pick("所属等の目標", "Goals").to_owned(),
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
    let mut spans = vec![Span::raw(w(format!(" {} ", field_label(app, at, field))))];
    if focused {
        let hint = match field {
            Field::Goals => app.lang.pick("Enter:編集 a:追加 d:削除 ", "Enter:edit a:add d:remove "),
            Field::Rating => app.lang.pick("1-4:選ぶ Space:切替 ", "1-4:set Space:cycle "),
            _ => app.lang.pick("Enter:編集 ", "Enter:edit "),
        };
        spans.push(Span::styled(w(hint), dim()));
    }
    Line::from(spans)
}

/// How many lines the goals, progress and reflection would fill at this inner width.
pub fn wanted_lines(section: &Section, width: u16) -> [usize; 3] {
    let goals = goal_lines(section, usize::from(width), usize::MAX, false).0.len();
    [
        goals.max(1),
        text_lines(&section.progress, width).len().max(1),
        text_lines(&section.reflection, width).len().max(1),
    ]
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
    Line::styled(w(text), dim())
}

fn text_pane(frame: &mut Frame, app: &App, field: Field, text: &str, scroll: u16, area: Rect) {
    let inner = block().inner(area);
    let lines = text_lines(text, inner.width);
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(placeholder(app, field)), inner);
        return;
    }
    let height = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = usize::from(scroll).min(max_scroll);
    let shown: Vec<Line> = lines.iter().skip(scroll).take(height).map(|l| Line::from(w(l))).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    scroll_marker(frame, area, scroll, height, lines.len());
}

fn goals(frame: &mut Frame, app: &App, section: &Section, area: Rect, focused: bool) {
    let inner = block().inner(area);
    let (lines, selected_range) = goal_lines(section, usize::from(inner.width), app.goal_cursor, focused);
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(placeholder(app, Field::Goals)), inner);
        return;
    }
    // Keep the selected goal in view without remembering a scroll position.
    let height = usize::from(inner.height);
    let offset = (selected_range.0.min(selected_range.1.saturating_sub(height)) + usize::from(app.goal_scroll))
        .min(lines.len().saturating_sub(height));
    let total = lines.len();
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    scroll_marker(frame, area, offset, height, total);
}

/// The goals as numbered, wrapped lines with a hanging indent, and which lines the selected
/// row (intro or goal) covers.
fn goal_lines(
    section: &Section,
    width: usize,
    selected_row: usize,
    focused: bool,
) -> (Vec<Line<'static>>, (usize, usize)) {
    let intro = (!section.goals_intro.is_empty())
        .then(|| (String::new(), section.goals_intro.as_str(), Style::new().add_modifier(Modifier::ITALIC)));
    let items = intro.into_iter().chain(
        section
            .goals
            .iter()
            .enumerate()
            .map(|(i, goal)| (section.goal_label(i).unwrap_or_default(), goal.as_str(), Style::new())),
    );
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_range = (0, 0);
    for (row, (prefix, text, style)) in items.enumerate() {
        let selected = row == selected_row;
        let prefix_width = display_width(&prefix);
        let style = if selected && focused { style.bg(Color::Blue).fg(Color::White) } else { style };
        let start = lines.len();
        for (i, part) in wrap(&sanitize(text), width.saturating_sub(prefix_width).max(2)).into_iter().enumerate() {
            let lead = if i == 0 { prefix.clone() } else { " ".repeat(prefix_width) };
            lines.push(Line::from(vec![
                Span::styled(w(lead), style.add_modifier(Modifier::BOLD)),
                Span::styled(w(part), style),
            ]));
        }
        if selected {
            selected_range = (start, lines.len());
        }
    }
    (lines, selected_range)
}

/// "3-8/12" in the bottom border when a pane holds more lines than it shows.
fn scroll_marker(frame: &mut Frame, area: Rect, offset: usize, height: usize, total: usize) {
    if total <= height || area.height < 3 {
        return;
    }
    let marker = format!(" {}-{}/{} ", offset + 1, (offset + height).min(total), total);
    let width = display_width(&marker) as u16;
    if width + 2 < area.width {
        let bottom = Rect::new(area.right() - width - 1, area.bottom() - 1, width, 1);
        frame.render_widget(Paragraph::new(Span::styled(w(marker), dim())), bottom);
    }
}

fn rating(frame: &mut Frame, app: &App, at: SectionRef, section: &Section, inner: Rect) {
    let Some(doc) = app.doc(at.file) else { return };
    let scale = doc.scale();
    let current = match section.rating.as_deref().and_then(|m| doc.grade(m)) {
        Some(grade) => Line::from(vec![
            Span::styled(
                w(format!("{} ", sanitize(&grade.mark))),
                Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            ),
            Span::styled(w(sanitize(&grade.label)), Style::new().add_modifier(Modifier::BOLD)),
        ]),
        None => Line::styled(w(app.lang.pick("未評価", "not rated")), dim()),
    };
    // Each "1:◎達成できた" stays whole; where the full legend does not fit, the marks alone do.
    let width = usize::from(inner.width);
    let full: Vec<String> = scale
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}:{}{}", i + 1, sanitize(&g.mark), sanitize(&g.label)))
        .collect();
    let short: Vec<String> =
        scale.iter().enumerate().map(|(i, g)| format!("{}:{}", i + 1, sanitize(&g.mark))).collect();
    let available = usize::from(inner.height.saturating_sub(1));
    let mut legend = pack(&full, width);
    if legend.len() > available {
        let mut compact = short.join("  ");
        compact.push_str(app.lang.pick("  Space:切替 0:未評価", "  Space:cycle 0:clear"));
        legend = pack(&[compact], width);
    }
    let mut lines = vec![current];
    lines.extend(legend.into_iter().map(|l| Line::styled(w(l), dim())));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Lays items out on lines of `width` columns, two spaces apart, never splitting an item that fits.
fn pack(items: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if display_width(line) + 2 + display_width(item) <= width => {
                line.push_str("  ");
                line.push_str(item);
            }
            _ => lines.extend(wrap(item, width)),
        }
    }
    lines
}
