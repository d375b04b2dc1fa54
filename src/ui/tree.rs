//! The left column: files, their divisions, their sections.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{block, border_style, w};
use crate::app::{App, FileState, Focus, Node};
use crate::text::{sanitize, truncate};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let nodes = app.visible_nodes();
    let width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = nodes.iter().map(|node| ListItem::new(row(app, *node, width))).collect();
    let selected = nodes.iter().position(|n| *n == app.cursor);
    let focused = app.focus == Focus::Tree;
    let title = app.lang.pick(" 所属一覧 ", " Sections ");
    let list = List::new(items)
        .block(block().title(w(title)).border_style(border_style(focused, false)))
        .highlight_style(if focused {
            // No foreground here: the unsaved and empty markers keep their colours on the cursor row.
            Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        });
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}

fn row(app: &App, node: Node, width: usize) -> Line<'static> {
    let fold = |node: Node| if app.collapsed.contains(&node) { "▸ " } else { "▾ " };
    match node {
        Node::File(file) => {
            let entry = &app.files[file];
            match &entry.state {
                FileState::Loaded { doc, .. } => {
                    let dirty = app.dirty_sections().iter().any(|s| s.file == file);
                    let flag = if entry.gone {
                        app.lang.pick("［削除済み］", "[gone] ")
                    } else if entry.read_only {
                        app.lang.pick("［読取専用］", "[read-only] ")
                    } else {
                        ""
                    };
                    // The flag first: a long title is what gets cut, not the warning.
                    let label =
                        format!("{}{flag}{}{}", fold(node), sanitize(&doc.title()), if dirty { " *" } else { "" });
                    Line::from(Span::styled(w(truncate(&label, width)), Style::new().add_modifier(Modifier::BOLD)))
                }
                FileState::Broken(_) => {
                    let name = entry.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    let label = format!("! {}{}", sanitize(&name), app.lang.pick("［読込エラー］", " [error]"));
                    Line::from(Span::styled(
                        w(truncate(&label, width)),
                        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                    ))
                }
            }
        }
        Node::Division(file, division) => {
            let name =
                app.doc(file).and_then(|d| d.divisions.get(division)).map(|d| d.name.clone()).unwrap_or_default();
            Line::from(w(truncate(&format!("  {}{}", fold(node), sanitize(&name)), width)))
        }
        Node::Section(at) => {
            let Some(section) = app.section(at) else { return Line::default() };
            let unsaved = if app.is_section_dirty(at) { "*" } else { " " };
            let empty = if section.empty_fields().is_empty() { " " } else { "!" };
            let name = truncate(&sanitize(&section.name), width.saturating_sub(6));
            Line::from(vec![
                Span::raw("    "),
                Span::styled(unsaved, Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)),
                Span::styled(empty, Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)),
                Span::raw(w(name)),
            ])
        }
    }
}
