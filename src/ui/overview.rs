//! The right side when the cursor is on a file or a division: what is in it, what is missing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style::{self, block, dim};
use crate::app::{App, FileState, Node, SectionRef};
use crate::i18n::screen::Words;
use hyoka_core::model::{Document, Field, Section};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let measure = app.ambiguous_width();
    let frame_block = block(measure).border_style(dim());
    let inner = frame_block.inner(area);
    let width = usize::from(inner.width);
    let (title, lines) = match app.cursor() {
        Node::File(file) => match app.files().get(file).map(|f| (f, &f.state)) {
            Some((_, FileState::Loaded(loaded))) => {
                (sanitize(&loaded.doc().title()).into_owned(), file_lines(app, file, loaded.doc(), width))
            }
            Some((_, FileState::Broken(error))) => {
                (Words::UnreadableFile.text(app.lang()), error_lines(app, error, width))
            }
            Some((entry, FileState::Unread(_))) => {
                let reading = Words::ReadingFile.text(app.lang());
                (sanitize(&entry.title()).into_owned(), vec![Line::styled(measure.padded_for_cells(reading), dim())])
            }
            None => (String::new(), Vec::new()),
        },
        Node::Division(file, division) => match app.doc(file).and_then(|d| d.divisions.get(division)) {
            Some(d) => (
                sanitize(&d.name).into_owned(),
                distribution(app, width)
                    .into_iter()
                    .chain(stage_lines(app, file, &[d], width))
                    .chain({
                        // A column for the review only where some section is in one.
                        let reviewed = d.sections.iter().any(|s| s.status != hyoka_core::model::Status::Draft);
                        d.sections.iter().enumerate().map(move |(i, s)| {
                            section_line(app, SectionRef { file, division, section: i }, s, reviewed)
                        })
                    })
                    .collect(),
            ),
            None => (String::new(), Vec::new()),
        },
        Node::Section(_) => (String::new(), Vec::new()),
    };
    frame.render_widget(frame_block.title(measure.padded_for_cells(format!(" {title} "))), area);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn file_lines(app: &App, file: usize, doc: &Document, width: usize) -> Vec<Line<'static>> {
    let measure = app.ambiguous_width();
    let mut lines = Vec::new();
    if let Some(preface) = &doc.preface {
        lines.extend(
            measure.wrap(&sanitize(preface), width).into_iter().map(|l| Line::from(measure.padded_for_cells(l))),
        );
        lines.push(Line::default());
    }
    if let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) {
        // The notes printed under the published table (※…), as the table has them.
        lines.push(Line::styled(measure.padded_for_cells(Words::Notes.text(app.lang())), style::bold()));
        lines
            .extend(measure.wrap(&sanitize(notes), width).into_iter().map(|l| Line::from(measure.padded_for_cells(l))));
        lines.push(Line::default());
    }
    let sections: Vec<&Section> = doc.divisions.iter().flat_map(|d| &d.sections).collect();
    let incomplete = sections.iter().filter(|s| !s.empty_fields().is_empty()).count();
    let unsaved = app.files().get(file).map_or(0, |f| f.dirty_count());
    let path = app.files().get(file).map(|f| f.path.display().to_string()).unwrap_or_default();
    let facts =
        Words::FileFacts { path, divisions: doc.divisions.len(), sections: sections.len(), incomplete, unsaved }
            .text(app.lang());
    let facts: Vec<&str> = facts.lines().collect();
    for fact in facts {
        lines.extend(measure.wrap(&sanitize(fact), width).into_iter().map(|l| Line::from(measure.padded_for_cells(l))));
    }
    lines.push(Line::default());
    let divisions: Vec<&hyoka_core::model::Division> = doc.divisions.iter().collect();
    lines.extend(stage_lines(app, file, &divisions, width));
    lines.extend(distribution(app, width));
    let legend = doc.scale().iter().map(|g| format!("{} {}", g.mark, g.label)).collect::<Vec<_>>().join("  ");
    lines.extend(
        measure.wrap(&sanitize(&legend), width).into_iter().map(|l| Line::styled(measure.padded_for_cells(l), dim())),
    );
    lines
}

/// The ratings of the file or division under the cursor, as counts and bars, and a blank line.
fn distribution(app: &App, width: usize) -> Vec<Line<'static>> {
    match &app.review().here {
        Some((node, counts)) if *node == app.cursor() => {
            let mut lines = super::review::bars::lines(app, counts, width);
            lines.push(Line::default());
            lines
        }
        _ => Vec::new(),
    }
}

fn error_lines(app: &App, error: &hyoka_data::store::LoadError, width: usize) -> Vec<Line<'static>> {
    let measure = app.ambiguous_width();
    let mut lines = Vec::new();
    let intro = Words::BrokenIntro.text(app.lang());
    lines.extend(
        measure.wrap(&intro, width).into_iter().map(|l| Line::styled(measure.padded_for_cells(l), style::bold())),
    );
    lines.push(Line::default());
    for problem in &error.problems {
        let text = sanitize(&problem.render(&error.path, app.lang())).into_owned();
        lines.extend(
            measure.wrap(&text, width).into_iter().map(|l| Line::styled(measure.padded_for_cells(l), style::error())),
        );
    }
    lines
}

fn section_line(app: &App, at: SectionRef, section: &Section, reviewed: bool) -> Line<'static> {
    let measure = app.ambiguous_width();
    // The mark column is as wide as 未評価, so that names line up whether rated or not.
    let not_rated = Words::NotRated.text(app.lang());
    let column = measure.display_width(&not_rated).max(2);
    let (mark, mark_style) = match &section.rating {
        Some(mark) => (sanitize(mark).into_owned(), style::bold()),
        None => (not_rated, dim()),
    };
    let pad = " ".repeat(column.saturating_sub(measure.display_width(&mark)));
    let missing: Vec<&str> =
        section.empty_fields().into_iter().filter(|f| *f != Field::Rating).map(|f| f.label(app.lang())).collect();
    let mut spans = vec![
        Span::styled(if app.is_section_dirty(at) { "* " } else { "  " }, style::bold()),
        Span::styled(measure.padded_for_cells(mark), mark_style),
        Span::raw(format!("{pad} ")),
    ];
    if reviewed {
        spans.push(Span::styled(crate::i18n::cycle::status_mark(section.status, app.lang()), style::bold()));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::raw(measure.padded_for_cells(sanitize(&section.name))));
    if !missing.is_empty() {
        spans.push(Span::styled(
            measure.padded_for_cells(format!("  {}{}", Words::EmptyFields.text(app.lang()), missing.join("・"))),
            style::error(),
        ));
    }
    Line::from(spans)
}

/// The file's stage; per division, the sections that have not written the stage's fields yet;
/// and how many sections stand where in their review. Nothing for a file without a stage.
fn stage_lines(app: &App, file: usize, divisions: &[&hyoka_core::model::Division], width: usize) -> Vec<Line<'static>> {
    let measure = app.ambiguous_width();
    use crate::i18n::cycle::{CycleWords, stage_name, status_mark, status_name};
    let Some(stage) = app.doc(file).and_then(|d| d.stage) else { return Vec::new() };
    let lang = app.lang();
    let mut texts = vec![(CycleWords::Stage { stage: stage_name(stage, lang).to_owned() }.text(lang), style::bold())];
    let fields = stage.fields();
    let named = fields.iter().map(|f| f.label(lang)).collect::<Vec<_>>().join("・");
    for division in divisions.iter().filter(|_| !fields.is_empty()) {
        let unwritten: Vec<&str> = division
            .sections
            .iter()
            .filter(|s| fields.iter().any(|f| f.is_empty(s)))
            .map(|s| s.name.as_str())
            .collect();
        let words = match unwritten.len() {
            0 => CycleWords::AllWritten { fields: named.clone() },
            count => CycleWords::Unwritten { fields: named.clone(), names: unwritten.join("・"), count },
        };
        let prefix = if divisions.len() > 1 { format!("{} — ", division.name) } else { String::new() };
        let look = if unwritten.is_empty() { style::good() } else { style::error() };
        texts.push((format!("{prefix}{}", words.text(lang)), look));
    }
    let sections: Vec<&Section> = divisions.iter().flat_map(|d| &d.sections).collect();
    let counts: Vec<String> = hyoka_core::model::Status::ALL
        .into_iter()
        .map(|status| (status, sections.iter().filter(|s| s.status == status).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| match status_mark(status, lang).trim() {
            "" => format!("{} {n}", status_name(status, lang)),
            mark => format!("{mark}:{} {n}", status_name(status, lang)),
        })
        .collect();
    texts.push((CycleWords::Counts { counts: counts.join("・") }.text(lang), dim()));
    let mut lines: Vec<Line<'static>> = texts
        .into_iter()
        .flat_map(|(text, look)| {
            measure
                .wrap(&sanitize(&text), width)
                .into_iter()
                .map(move |l| Line::styled(measure.padded_for_cells(l), look))
        })
        .collect();
    lines.push(Line::default());
    lines
}
