//! The left column: files, their divisions, their sections, with what is unsaved or unwritten.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::style::{self, block};
use crate::app::{App, FileState, Focus, Node, SectionRef};
use crate::i18n::screen::Words;
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let measure = app.ambiguous_width();
    let focused = app.focus() == Focus::Tree;
    let frame_block = block(measure)
        .title(measure.padded_for_cells(Words::TreeTitle.text(app.lang())))
        .border_style(style::border(focused));
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    let rows = app.tree_rows();
    let height = usize::from(inner.height);
    let offset = app.tree_offset().min(rows.len().saturating_sub(1));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = rows
        .window(offset, height)
        .map(|node| {
            let mut line = row(app, node, width, node == app.cursor());
            if node == app.cursor() {
                // The whole row, so that the cursor is seen on a short name too.
                let pad = width.saturating_sub(line.width());
                line.push_span(Span::raw(" ".repeat(pad)));
                line = line.patch_style(style::cursor(focused));
            }
            line
        })
        .collect();
    super::parts::put_lines(frame.buffer_mut(), lines, inner);
}

/// A row of the tree; `cursor`: the cursor's row, drawn in reverse video.
fn row(app: &App, node: Node, width: usize, cursor: bool) -> Line<'static> {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let fold = |node: Node| if app.collapsed().contains(&node) { "▸ " } else { "▾ " };
    match node {
        Node::File(file) => {
            let Some(entry) = app.files().get(file) else { return Line::default() };
            match &entry.state {
                FileState::Loaded(loaded) => {
                    let flag = if entry.gone {
                        Words::FlagGone.text(lang)
                    } else if entry.read_only {
                        Words::FlagReadOnly.text(lang)
                    } else {
                        String::new()
                    };
                    let dirty = if loaded.dirty_count() > 0 { " *" } else { "" };
                    // The flag first: a long title is what gets cut, not the warning.
                    let label = format!("{}{flag}{}{dirty}", fold(node), sanitize(&loaded.doc().title()));
                    let (label, count) = super::review::with_count(app, node, &label, width);
                    Line::from_iter(
                        [Span::styled(measure.padded_for_cells(label), style::bold())].into_iter().chain(count),
                    )
                }
                // Named by its first lines until it is read (nearest the cursor first); "…" where
                // its fold mark will be, so that the whole title fits as it will when read.
                FileState::Unread(_) => {
                    let label = format!("… {}", sanitize(&entry.title()));
                    Line::styled(measure.padded_for_cells(measure.truncate(&label, width)), style::dim())
                }
                FileState::Broken(_) => {
                    let name = entry.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    let label = format!("! {}{}", sanitize(&name), Words::FlagBroken.text(lang));
                    Line::styled(measure.padded_for_cells(measure.truncate(&label, width)), style::error())
                }
            }
        }
        Node::Division(file, division) => {
            let Some(d) = app.doc(file).and_then(|d| d.divisions.get(division)) else { return Line::default() };
            let loaded = app.files().get(file).and_then(|f| f.loaded_state());
            let folded = app.collapsed().contains(&node);
            // A folded division still says that something inside it is unsaved or unwritten.
            let marks = if folded {
                let unsaved = loaded.is_some_and(|l| l.dirty().any(|(dd, _)| dd == division));
                let empty = d.sections.iter().any(|s| !s.empty_fields().is_empty());
                let flawed =
                    (0..d.sections.len()).any(|section| !app.publishable(SectionRef { file, division, section }));
                let marks = [(unsaved, " *"), (flawed, " ?"), (empty, " !")];
                marks.iter().filter(|(on, _)| *on).map(|(_, m)| *m).collect::<String>()
            } else {
                String::new()
            };
            let label = format!("  {}{}{marks}", fold(node), sanitize(&d.name));
            let (label, count) = super::review::with_count(app, node, &label, width);
            Line::from_iter([Span::raw(measure.padded_for_cells(label))].into_iter().chain(count))
        }
        Node::Section(at) => {
            let Some(section) = app.section(at) else { return Line::default() };
            let unsaved = app.is_section_dirty(at);
            // What the published table cannot carry is marked before what is still empty.
            let (mark_text, mark_on) =
                if !app.publishable(at) { ("?", true) } else { ("!", !section.empty_fields().is_empty()) };
            let (name, count) = super::review::with_count(app, node, &sanitize(&section.name), width.saturating_sub(6));
            let mark = |on: bool, text: &'static str, style: ratatui::style::Style| {
                if on { Span::styled(text, style) } else { Span::raw(" ") }
            };
            // Where the section stands in its review, in the two columns before the marks.
            let status = crate::i18n::cycle::status_mark(section.status, lang);
            // Red text turns into a red background in reverse video, under the terminal's own text
            // colour (black on red, 3.6:1, in a dark terminal): on the cursor's row a pair is set.
            let alert = if cursor { style::alert() } else { style::error() };
            let status_style = match section.status {
                hyoka_core::model::Status::Returned => alert,
                _ => style::bold(),
            };
            Line::from(
                vec![
                    Span::raw("  "),
                    Span::styled(status, status_style),
                    mark(unsaved, "*", style::bold()),
                    mark(mark_on, mark_text, alert),
                    Span::raw(measure.padded_for_cells(name)),
                ]
                .into_iter()
                .chain(count)
                .collect::<Vec<_>>(),
            )
        }
    }
}
