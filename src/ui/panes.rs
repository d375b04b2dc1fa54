//! The right side for one section: 所属等の目標, 取組状況, 目標達成度, 振り返り, as laid out.

use ratatui::Frame;
use ratatui::layout::Rect;
use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::parts::{field_title, scroll_marker};
use super::review::marked;
use super::style::{self, block, dim};
use crate::app::{App, Focus, Mode, SectionRef, pane_contexts};
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use crate::layout::GoalItem;
use hyoka_core::model::{Field, Section};
use hyoka_core::text::{AmbiguousWidth, sanitize};

pub fn draw(frame: &mut Frame, app: &App, at: SectionRef) {
    let measure = app.ambiguous_width();
    let Some(section) = app.section(at) else { return };
    let editor = match &app.mode() {
        Mode::Editing(editor) if editor.section == at => Some(editor.as_ref()),
        _ => None,
    };
    for field in Field::PANES {
        let area = app.layout().pane(field);
        if area.height == 0 {
            continue; // another pane is zoomed
        }
        if let Some(editor) = editor.filter(|e| e.field.pane() == field) {
            super::editor::draw_pane(frame, app, editor, area);
            continue;
        }
        let focused = app.focus() == Focus::Pane(field);
        let frame_block = block(measure).title(title(app, at, field, focused)).border_style(style::border(focused));
        let inner = frame_block.inner(area);
        frame.render_widget(frame_block, area);
        match field {
            Field::Rating => rating(frame, app, at, section, inner),
            Field::Progress => {
                text_pane(
                    frame,
                    app,
                    (field, &app.layout().progress_lines, &app.review().marks.progress),
                    app.scroll().progress,
                    area,
                );
            }
            Field::Reflection => text_pane(
                frame,
                app,
                (field, &app.layout().reflection_lines, &app.review().marks.reflection),
                app.scroll().reflection,
                area,
            ),
            _ => goals(frame, app, area, focused),
        }
    }
}

fn title(app: &App, at: SectionRef, field: Field, focused: bool) -> Line<'static> {
    let measure = app.ambiguous_width();
    // The panes the file's stage is about stand out: ◆ and bold.
    let staged = app.doc(at.file).and_then(|d| d.stage).is_some_and(|s| s.fields().contains(&field));
    let mut spans = match staged {
        true => {
            vec![Span::styled(measure.padded_for_cells(format!(" ◆{} ", field_title(app, at, field))), style::bold())]
        }
        false => vec![Span::raw(measure.padded_for_cells(format!(" {} ", field_title(app, at, field))))],
    };
    if focused {
        // The pane's first keys, from the bindings in force: only those that work here now (no
        // editing key on a section that waits for its reviewer, or in a file hyoka cannot write).
        let hints = app.keymap().hints_now(pane_contexts(field), app.lang(), Some(&app.now()));
        let shown = match field {
            Field::Goals => 3,
            Field::Rating => 2,
            _ => 1,
        };
        let first: Vec<String> = hints.iter().take(shown).map(ToString::to_string).collect();
        if !first.is_empty() {
            spans.push(Span::styled(measure.padded_for_cells(format!("{} ", first.join(" "))), dim()));
        }
    }
    Line::from(spans)
}

/// An empty pane says so, and with which key it is written, where it can be now.
fn placeholder(app: &App, field: Field) -> Line<'static> {
    let measure = app.ambiguous_width();
    let context = if field == Field::Goals { Context::Goals } else { Context::Text };
    let edit = Command::Edit.refused(&app.now()).is_none().then(|| app.keymap().key_name(context, Command::Edit));
    Line::styled(measure.padded_for_cells(Words::Empty { field, edit }.text(app.lang())), dim())
}

/// A text pane's lines, with the search's hits marked (`marks`: byte ranges per line).
fn text_pane(
    frame: &mut Frame,
    app: &App,
    (field, lines, marks): (Field, &[String], &[Vec<Range<usize>>]),
    scroll: u16,
    area: Rect,
) {
    let measure = app.ambiguous_width();
    let inner = super::parts::flaw(frame, app, field, block(measure).inner(area));
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(placeholder(app, field)), inner);
        return;
    }
    let height = usize::from(inner.height);
    let scroll = usize::from(scroll).min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(scroll)
        .take(height)
        .map(|(i, l)| Line::from(marked(l, marks.get(i).map_or(&[], Vec::as_slice), Style::new(), measure)))
        .collect();
    super::parts::put_lines(frame.buffer_mut(), shown, inner);
    scroll_marker(frame, area, (scroll, height, lines.len()), measure);
}

fn goals(frame: &mut Frame, app: &App, area: Rect, focused: bool) {
    let measure = app.ambiguous_width();
    let inner = super::parts::flaw(frame, app, Field::Goals, block(measure).inner(area));
    let items = &app.layout().goal_items;
    if items.is_empty() {
        frame.render_widget(Paragraph::new(placeholder(app, Field::Goals)), inner);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut selected = (0, 0);
    for (row, item) in items.iter().enumerate() {
        let start = lines.len();
        let marks = app.review().marks.goals.get(row).map_or(&[][..], Vec::as_slice);
        lines.extend(goal_lines(item, row == app.goal_cursor() && focused, marks, usize::from(inner.width), measure));
        if row == app.goal_cursor() {
            selected = (start, lines.len());
        }
    }
    // Keep the selected goal in view without remembering a scroll position.
    let height = usize::from(inner.height);
    let offset = (selected.0.min(selected.1.saturating_sub(height)) + usize::from(app.goal_scroll()))
        .min(lines.len().saturating_sub(height));
    let total = lines.len();
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    super::parts::put_lines(frame.buffer_mut(), shown, inner);
    scroll_marker(frame, area, (offset, height, total), measure);
}

/// One goal (or the lead-in) as lines with a hanging indent after its number, and its own mark
/// at the right of its first line.
fn goal_lines(
    item: &GoalItem,
    selected: bool,
    marks: &[Vec<Range<usize>>],
    width: usize,
    measure: AmbiguousWidth,
) -> Vec<Line<'static>> {
    let mut base = ratatui::style::Style::new();
    if item.intro {
        base = base.add_modifier(Modifier::ITALIC);
    }
    if selected {
        base = base.patch(style::cursor(true));
    }
    let indent = measure.display_width(&item.number);
    item.lines
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 { item.number.clone() } else { " ".repeat(indent) };
            let mut spans = vec![Span::styled(measure.padded_for_cells(lead), base.add_modifier(Modifier::BOLD))];
            spans.extend(marked(part, marks.get(i).map_or(&[], Vec::as_slice), base, measure));
            if i == 0 && !item.mark.is_empty() {
                let used = indent + measure.display_width(part);
                let pad = width.saturating_sub(used + measure.display_width(&item.mark));
                spans.push(Span::styled(" ".repeat(pad), base));
                spans.push(Span::styled(measure.padded_for_cells(&item.mark), base.patch(style::bold())));
            }
            Line::from(spans)
        })
        .collect()
}

fn rating(frame: &mut Frame, app: &App, at: SectionRef, section: &Section, inner: Rect) {
    let measure = app.ambiguous_width();
    let inner = super::parts::flaw(frame, app, Field::Rating, inner);
    let Some(doc) = app.doc(at.file) else { return };
    let scale = doc.scale();
    let current = match section.rating.as_deref().and_then(|m| doc.grade(m)) {
        Some(grade) => Line::from(vec![
            Span::styled(measure.padded_for_cells(format!("{} ", sanitize(&grade.mark))), style::bold()),
            Span::styled(measure.padded_for_cells(sanitize(&grade.label)), style::bold()),
        ]),
        None => Line::styled(measure.padded_for_cells(Words::NotRated.text(app.lang())), dim()),
    };
    // Each "1:◎達成できた" stays whole; where the full legend does not fit, the marks alone do,
    // with the keys that cycle and clear. The keys are those in force, and only where the rating
    // can be changed now (a section waiting for its reviewer shows the legend alone).
    let width = usize::from(inner.width);
    let now = app.now();
    let rates = Command::Rate(1).refused(&now).is_none();
    let key = |i: usize| match u8::try_from(i + 1) {
        Ok(n) if rates => format!("{}:", app.keymap().key_name(Context::Rating, Command::Rate(n))),
        _ => String::new(),
    };
    let full: Vec<String> = scale
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}{}{}", key(i), sanitize(&g.mark), sanitize(&g.label)))
        .collect();
    let short: Vec<String> =
        scale.iter().enumerate().map(|(i, g)| format!("{}{}", key(i), sanitize(&g.mark))).collect();
    let available = usize::from(inner.height.saturating_sub(1));
    let mut legend = pack(&full, width, measure);
    if legend.len() > available {
        let groups: &[&[Command]] = &[&[Command::CycleRating], &[Command::ClearRating]];
        let keys = app.keymap().hints_of(groups, pane_contexts(Field::Rating), app.lang(), Some(&now));
        let mut compact = short.join("  ");
        if !keys.is_empty() {
            compact = format!("{compact}  {}", keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "));
        }
        legend = pack(&[compact], width, measure);
    }
    let mut lines = vec![current];
    lines.extend(legend.into_iter().map(|l| Line::styled(measure.padded_for_cells(l), dim())));
    super::parts::put_lines(frame.buffer_mut(), lines, inner);
}

/// Lays items out on lines of `width` columns, two spaces apart, never splitting an item that fits.
fn pack(items: &[String], width: usize, measure: AmbiguousWidth) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if measure.display_width(line) + 2 + measure.display_width(item) <= width => {
                line.push_str("  ");
                line.push_str(item);
            }
            _ => lines.extend(measure.wrap(item, width)),
        }
    }
    lines
}
