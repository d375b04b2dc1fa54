//! The right side when the cursor is on a file or a division: what is in it, what is missing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, dim, w};
use crate::app::{App, FileState, Node, SectionRef};
use crate::i18n::Lang;
use crate::model::{Document, Field, Section};
use crate::text::{sanitize, wrap};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let frame_block = block().border_style(dim());
    let inner = frame_block.inner(area);
    let width = usize::from(inner.width);
    let (title, lines) = match app.cursor {
        Node::File(file) => match app.files.get(file).map(|f| &f.state) {
            Some(FileState::Loaded { doc, .. }) => {
                (sanitize(&doc.title()).into_owned(), file_lines(app, file, doc, width))
            }
            Some(FileState::Broken(error)) => (
                app.lang.pick("読み込めないファイル", "File that cannot be read").to_owned(),
                error_lines(app, error, width),
            ),
            None => (String::new(), Vec::new()),
        },
        Node::Division(file, division) => match app.doc(file).and_then(|d| d.divisions.get(division)) {
            Some(d) => (
                sanitize(&d.name).into_owned(),
                d.sections
                    .iter()
                    .enumerate()
                    .map(|(i, s)| section_line(app, SectionRef { file, division, section: i }, s))
                    .collect(),
            ),
            None => (String::new(), Vec::new()),
        },
        Node::Section(_) => (String::new(), Vec::new()),
    };
    frame.render_widget(frame_block.title(w(format!(" {title} "))), area);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn file_lines(app: &App, file: usize, doc: &Document, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(preface) = &doc.preface {
        lines.extend(wrap(&sanitize(preface), width).into_iter().map(|l| Line::from(w(l))));
        lines.push(Line::default());
    }
    let sections: Vec<&Section> = doc.divisions.iter().flat_map(|d| &d.sections).collect();
    let incomplete = sections.iter().filter(|s| !s.empty_fields().is_empty()).count();
    let unsaved = app.dirty_sections().iter().filter(|s| s.file == file).count();
    let path = app.files[file].path.display().to_string();
    let facts = match app.lang {
        Lang::Ja => vec![
            format!("ファイル: {path}"),
            format!("部 {} ・ 課 {}", doc.divisions.len(), sections.len()),
            format!("未記入のある課: {incomplete}"),
            format!("未保存の課: {unsaved}"),
        ],
        Lang::En => vec![
            format!("File: {path}"),
            format!("{} divisions, {} sections", doc.divisions.len(), sections.len()),
            format!("Sections with empty fields: {incomplete}"),
            format!("Unsaved sections: {unsaved}"),
        ],
    };
    for fact in facts {
        lines.extend(wrap(&sanitize(&fact), width).into_iter().map(|l| Line::from(w(l))));
    }
    lines.push(Line::default());
    let legend = doc.scale().iter().map(|g| format!("{} {}", g.mark, g.label)).collect::<Vec<_>>().join("  ");
    lines.extend(wrap(&sanitize(&legend), width).into_iter().map(|l| Line::styled(w(l), dim())));
    lines
}

fn error_lines(app: &App, error: &crate::store::LoadError, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let intro = app.lang.pick(
        "このファイルには次の問題があるため開けません。hyoka はこのファイルに書き込みません。直してから開き直してください。",
        "This file has the problems below and cannot be opened. hyoka will not write to it; fix it and reopen.",
    );
    lines.extend(wrap(intro, width).into_iter().map(|l| Line::styled(w(l), Style::new().add_modifier(Modifier::BOLD))));
    lines.push(Line::default());
    for problem in &error.problems {
        let text = sanitize(&problem.render(&error.path, app.lang)).into_owned();
        lines.extend(wrap(&text, width).into_iter().map(|l| Line::styled(w(l), Style::new().fg(Color::Red))));
    }
    lines
}

fn section_line(app: &App, at: SectionRef, section: &Section) -> Line<'static> {
    let mark = section.rating.clone().unwrap_or_else(|| app.lang.pick("未評価", "unrated").to_owned());
    let missing: Vec<&str> = section
        .empty_fields()
        .into_iter()
        .filter(|f| *f != Field::Rating)
        .map(|f| match f {
            Field::Goals => app.lang.pick("目標", "goals"),
            Field::Progress => app.lang.pick("取組状況", "progress"),
            Field::Reflection => app.lang.pick("振り返り", "reflection"),
            Field::Rating | Field::GoalsIntro => "",
        })
        .collect();
    let mut spans = vec![
        Span::raw(format!("{} ", if app.is_section_dirty(at) { "*" } else { " " })),
        Span::styled(w(format!("{} ", sanitize(&mark))), Style::new().fg(Color::Green)),
        Span::raw(w(sanitize(&section.name))),
    ];
    if !missing.is_empty() {
        spans.push(Span::styled(
            w(format!("  {}{}", app.lang.pick("未記入: ", "empty: "), missing.join("・"))),
            Style::new().fg(Color::Red),
        ));
    }
    Line::from(spans)
}
