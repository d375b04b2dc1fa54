//! The history view (`H`) on the right side: the commits, newest first, each with when, who and
//! which fields; below, the selected one's change as a 新旧対照表 — 変更前 and 変更後, what differs
//! underlined (and struck through on the old side where the terminal can).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, ChangesView};
use crate::command::{Command, Context};
use crate::i18n::Lang;
use crate::i18n::history::HistoryWords;
use crate::layout::history::{Look, areas, rows};
use crate::ui::style::{self, block, dim};
use hyoka_core::text::sanitize;
use hyoka_data::git::{Change, Entry, Scope};

pub fn draw(frame: &mut Frame, app: &App, view: &ChangesView) {
    let area = app.layout().detail;
    frame.render_widget(Clear, area);
    let [list, below] = areas(area, view.entries.len());
    draw_list(frame, app, view, list);
    draw_change(frame, app, view, below);
}

fn draw_list(frame: &mut Frame, app: &App, view: &ChangesView, area: Rect) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let place = match &view.scope {
        Scope::Section { division, section } => format!("{division} {section}"),
        Scope::File => app.doc(view.file).map_or_else(
            || app.files().get(view.file).map(|f| f.path.display().to_string()).unwrap_or_default(),
            hyoka_core::model::Document::title,
        ),
    };
    let title = HistoryWords::Title {
        place: sanitize(&place).into_owned(),
        shown: view.entries.len(),
        examined: view.examined,
        total: view.total,
        complete: view.complete,
    };
    let outer = block(measure).title(measure.padded_for_cells(format!(
        " {} ",
        measure.truncate(&title.text(lang), usize::from(area.width.saturating_sub(4)))
    )));
    let inner = outer.inner(area);
    frame.render_widget(outer.border_style(style::border(true)), area);
    let width = usize::from(inner.width);
    let note = if let Some(why) = &view.failed {
        Some((HistoryWords::Failed { why: why.clone() }.text(lang), style::error()))
    } else if view.entries.is_empty() && view.reading {
        Some((HistoryWords::Reading.text(lang), dim()))
    } else if view.entries.is_empty() && view.complete {
        let whole = app.keymap().key_name(Context::History, Command::WholeFile);
        Some((HistoryWords::NoCommits { file: view.scope == Scope::File, whole }.text(lang), dim()))
    } else if view.entries.is_empty() {
        Some((HistoryWords::Reading.text(lang), dim()))
    } else {
        None
    };
    if let Some((text, look)) = note {
        let lines: Vec<Line> = measure
            .wrap(&sanitize(&text), width)
            .into_iter()
            .map(|l| Line::styled(measure.padded_for_cells(l), look))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let lines: Vec<Line> = view
        .entries
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(usize::from(inner.height))
        .map(|(i, (_, entry))| {
            let text = measure.truncate(&row_text(entry, &view.scope, app.calendar(), lang), width);
            let mut line = Line::from(measure.padded_for_cells(text));
            if i == view.selected {
                let pad = width.saturating_sub(line.width());
                line.push_span(Span::raw(" ".repeat(pad)));
                line = line.patch_style(style::cursor(true));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "令和8年11月20日 14:03  試験 太郎  目標達成度・振り返り"
fn row_text(entry: &Entry, scope: &Scope, calendar: crate::i18n::cycle::Calendar, lang: Lang) -> String {
    let when = entry.commit.time.map(|t| crate::i18n::cycle::moment(t, calendar, lang)).unwrap_or_default();
    let what = if entry.unreadable { HistoryWords::Unreadable.text(lang) } else { summary(entry, scope, lang) };
    sanitize(&format!("{when}  {}  {what}", entry.commit.author)).replace('\n', " ")
}

/// What the commit changed, in the words of the table: the fields of the section, or for the
/// whole file each section with its fields. A merge says what it decided (its author decided it),
/// or, having decided nothing, what it brought in from the other side.
fn summary(entry: &Entry, scope: &Scope, lang: Lang) -> String {
    if entry.created && *scope == Scope::File {
        return HistoryWords::FileCreated { sections: entry.changes.len() }.text(lang);
    }
    let decided = listed(&entry.changes, scope, lang);
    match (entry.commit.parents.len() > 1, decided.is_empty()) {
        (false, _) => decided,
        (true, false) => HistoryWords::MergeDecided { what: decided }.text(lang),
        (true, true) => HistoryWords::MergedIn { what: listed(&entry.merged, scope, lang) }.text(lang),
    }
}

/// Changes in the words of the table, for the scope shown.
fn listed(changes: &[Change], scope: &Scope, lang: Lang) -> String {
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    for change in changes {
        let (place, what) = match change {
            Change::Head(field) => (HistoryWords::HeadChanged.text(lang), field.label(lang).to_owned()),
            Change::Added { section, .. } => (section.clone(), HistoryWords::SectionAdded.text(lang)),
            Change::Removed { section, .. } => (section.clone(), HistoryWords::SectionRemoved.text(lang)),
            Change::Renamed { from, section, .. } => {
                (section.clone(), HistoryWords::SectionRenamed { from: format!("{} {}", from.0, from.1) }.text(lang))
            }
            Change::Field { section, field, .. } => (section.clone(), field.label(lang).to_owned()),
        };
        if let Scope::Section { division, section } = scope
            && change.section() != Some((division.as_str(), section.as_str()))
        {
            continue;
        }
        match parts.iter_mut().find(|(p, _)| *p == place) {
            Some((_, list)) => list.push(what),
            None => parts.push((place, vec![what])),
        }
    }
    let join = lang.pick("・", ", ");
    match scope {
        Scope::Section { .. } => parts.into_iter().flat_map(|(_, list)| list).collect::<Vec<_>>().join(join),
        Scope::File => parts
            .into_iter()
            .map(|(place, list)| format!("{place}: {}", list.join(join)))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

fn draw_change(frame: &mut Frame, app: &App, view: &ChangesView, area: Rect) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let subject = view.entries.get(view.selected).map(|(_, e)| sanitize(&e.commit.subject).into_owned());
    let title = measure.truncate(&subject.unwrap_or_default(), usize::from(area.width.saturating_sub(4)));
    let outer = block(measure).title(measure.padded_for_cells(format!(" {title} "))).border_style(dim());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let Some(diff) = view.selected_diff() else {
        if !view.entries.is_empty() {
            let keys = app.keymap().keys_named(Context::History, &[Command::Up, Command::Down]);
            let text = if view.asked.is_some() { HistoryWords::Reading } else { HistoryWords::ChooseOne { keys } };
            frame.render_widget(
                Paragraph::new(Line::styled(
                    measure.padded_for_cells(measure.truncate(&text.text(lang), width)),
                    dim(),
                )),
                inner,
            );
        }
        return;
    };
    let (rows, _) = rows(diff, view.field, (width, measure), view.scope == Scope::File, lang);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(usize::from(view.scroll))
        .take(usize::from(inner.height))
        .map(|row| {
            Line::from(
                row.into_iter()
                    .map(|(look, text)| Span::styled(measure.padded_for_cells(text), styled(look)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Underlines mark what changed on both sides, as a 新旧対照表 does; the old side is also red and
/// struck through, the new side bold, so that the two differ without colour too (NO_COLOR).
fn styled(look: Look) -> Style {
    match look {
        Look::Place => style::bold(),
        Look::Field { chosen: true } => style::chosen(),
        Look::Field { chosen: false } => style::bold(),
        Look::Side | Look::Quiet => dim(),
        Look::Same => Style::new(),
        Look::Removed => Style::new().fg(Color::Red).add_modifier(Modifier::UNDERLINED | Modifier::CROSSED_OUT),
        Look::Added => Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
    }
}
