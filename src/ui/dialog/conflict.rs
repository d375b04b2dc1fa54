//! The conflict dialog: where, both texts with who saved theirs and when, or the combined text
//! being written.

use ratatui::Frame;

use crate::i18n::cycle::moment;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, Conflict, Question};
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use crate::ui::style::{self, block, dim};
use hyoka_core::model::Field;
use hyoka_core::text::{AmbiguousWidth, sanitize};

fn text_box(
    frame: &mut Frame,
    area: Rect,
    title: String,
    text: &str,
    style: Style,
    lang: crate::i18n::Lang,
    measure: AmbiguousWidth,
) {
    let frame_block = block(measure).title(measure.padded_for_cells(title)).border_style(style);
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    let lines: Vec<Line> = if text.is_empty() {
        vec![Line::styled(measure.padded_for_cells(Words::EmptyText.text(lang)), dim())]
    } else {
        measure
            .wrap(&sanitize(text), usize::from(inner.width))
            .into_iter()
            .map(|l| Line::from(measure.padded_for_cells(l)))
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A status with the text it covers, each field under its name.
fn unit_text(
    c: &hyoka_data::store::FieldConflict,
    section: &hyoka_core::model::Section,
    lang: crate::i18n::Lang,
) -> String {
    c.fields().map(|f| format!("【{}】{}", f.label(lang), f.shown(section, lang))).collect::<Vec<_>>().join("\n")
}

pub fn draw(frame: &mut Frame, app: &App, r: &Conflict) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let area = app.layout().dialog();
    frame.render_widget(Clear, area);
    let Some(question) = r.conflicts.get(r.index) else { return };
    let title = Words::ConflictTitle { index: r.index + 1, count: r.conflicts.len() }.text(lang);
    let outer = block(measure).title(measure.padded_for_cells(title)).border_style(style::dialog());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let (division, section) = question.place();
    let key = |context, command| app.keymap().key_name(context, command);
    let fields =
        |c: &hyoka_data::store::FieldConflict| c.fields().map(|f| f.label(lang)).collect::<Vec<_>>().join("・");
    let (place, explain) = match question {
        Question::Field(c) if !c.with.is_empty() => {
            (format!("{division} › {section} › {}", fields(c)), Words::UnitExplain)
        }
        Question::Field(c) => (format!("{division} › {section} › {}", fields(c)), Words::ConflictExplain),
        Question::Decided(c) => {
            let status = crate::i18n::cycle::status_name(c.theirs_section.status, lang).to_owned();
            let submitted = c.theirs_section.status == hyoka_core::model::Status::Submitted;
            let theirs = app.keymap().key_name(Context::Decided, Command::KeepTheirs);
            let later = app.keymap().key_name(Context::Decided, Command::Cancel);
            (
                format!("{division} › {section} › {}", fields(c)),
                Words::DecidedExplain { status, submitted, theirs, later },
            )
        }
        Question::Gone { .. } => {
            let (mine, theirs) = (key(Context::Gone, Command::KeepMine), key(Context::Gone, Command::KeepTheirs));
            (format!("{division} › {section}"), Words::GoneExplain { mine, theirs })
        }
    };
    let explain = measure.wrap(&explain.text(lang), usize::from(inner.width));
    let [head, mine, theirs, keys] = Layout::vertical([
        Constraint::Length(1 + u16::try_from(explain.len()).unwrap_or(1)),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let mut head_lines = vec![Line::styled(
        measure.padded_for_cells(measure.truncate(&sanitize(&place), usize::from(head.width))),
        style::bold(),
    )];
    head_lines.extend(explain.into_iter().map(|l| Line::from(measure.padded_for_cells(l))));
    frame.render_widget(Paragraph::new(head_lines), head);
    match &r.combined {
        Some(textarea) => {
            let both = mine.union(theirs);
            let frame_block = block(measure)
                .title(measure.padded_for_cells(Words::CombinedTitle.text(lang)))
                .border_style(style::editing_border());
            let text_area = frame_block.inner(both);
            frame.render_widget(frame_block, both);
            crate::ui::editor::draw_text(frame, text_area, textarea, measure);
        }
        None => match question {
            Question::Field(c) | Question::Decided(c) => {
                let who = match (&c.their_by, c.their_at) {
                    (Some(by), Some(at)) => format!("{by}, {}", moment(at, app.calendar(), lang)),
                    (Some(by), None) => by.clone(),
                    (None, Some(at)) => moment(at, app.calendar(), lang),
                    (None, None) => Words::Unknown.text(lang),
                };
                let (mine_text, theirs_text) = if c.field == Field::Status && c.with.is_empty() {
                    (Field::Status.shown(&c.mine_section, lang), Field::Status.shown(&c.theirs_section, lang))
                } else if c.with.is_empty() {
                    (c.mine.clone(), c.theirs.clone())
                } else {
                    (unit_text(c, &c.mine_section, lang), unit_text(c, &c.theirs_section, lang))
                };
                let yours = match question {
                    Question::Decided(_) => Words::YoursNotOffered,
                    _ => Words::Yours { mine: key(Context::Conflict, Command::KeepMine) },
                };
                let context =
                    if matches!(question, Question::Decided(_)) { Context::Decided } else { Context::Conflict };
                let their_key = key(context, Command::KeepTheirs);
                text_box(frame, mine, yours.text(lang), &mine_text, style::bold(), lang, measure);
                text_box(
                    frame,
                    theirs,
                    Words::Theirs { who, theirs: their_key }.text(lang),
                    &theirs_text,
                    dim(),
                    lang,
                    measure,
                );
            }
            Question::Gone { mine: section, .. } => {
                // What would be kept: each field the section has, under its name.
                let summary: Vec<String> = Field::ALL
                    .into_iter()
                    .filter(|f| !f.is_empty(section))
                    .map(|f| format!("【{}】{}", f.label(lang), f.shown(section, lang)))
                    .collect();
                let both = mine.union(theirs);
                let title = Words::YoursGone { mine: key(Context::Gone, Command::KeepMine) }.text(lang);
                text_box(frame, both, title, &summary.join("\n"), style::bold(), lang, measure);
            }
        },
    }
    let hint = app.hint_line();
    frame.render_widget(
        Paragraph::new(Span::styled(
            measure.padded_for_cells(measure.truncate(&hint, usize::from(keys.width))),
            style::bold(),
        )),
        keys,
    );
}
