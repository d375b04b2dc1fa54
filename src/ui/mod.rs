//! Drawing: `draw(frame, &app)` reads the state and never changes it. One file per view or
//! dialog, named as its component in `app/`; the layout comes from `app.layout()`.

mod banner;
mod changes;
mod dialog;
mod editor;
mod finish;
mod overview;
mod panes;
mod parts;
mod review;
mod status;
mod style;
mod tree;

pub use finish::finish;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::keymap::SMALL;
use crate::app::{App, Mode};
use crate::command::Context;
use crate::i18n::screen::Words;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH};

pub fn draw(frame: &mut Frame, app: &App) {
    if app.layout().too_small {
        too_small(frame, app);
        finish(frame.buffer_mut(), app.no_color(), app.ambiguous_width());
        return;
    }
    tree::draw(frame, app, app.layout().tree);
    match app.selected() {
        Some(at) => {
            panes::draw(frame, app, at);
            banner::draw(frame, app);
        }
        None => overview::draw(frame, app, app.layout().detail),
    }
    status::draw(frame, app, app.layout().status, app.layout().hints);
    match &app.mode() {
        Mode::Help { scroll } => dialog::help::draw(frame, app, *scroll),
        Mode::Messages { scroll } => dialog::messages::draw(frame, app, *scroll),
        Mode::ConfirmQuit => dialog::quit::draw(frame, app),
        Mode::Resolve(conflict) => dialog::conflict::draw(frame, app, conflict),
        Mode::Recover(recovery) => dialog::recovery::draw(frame, app, recovery),
        Mode::Export(export) => dialog::export::draw(frame, app, export),
        Mode::Changes(view) => changes::draw(frame, app, view),
        Mode::Search(prompt) => review::search::draw(frame, app, prompt),
        Mode::Filter(filter) => review::filter::draw(frame, app, filter),
        Mode::Table(table) => review::table::draw(frame, app, table),
        Mode::Years(years) => review::years::draw(frame, app, years),
        Mode::Summary(summary) => review::summary::draw(frame, app, summary),
        Mode::Ask(ask) => dialog::ask::draw(frame, app, ask),
        Mode::Comment(comment) => dialog::comment::draw(frame, app, comment),
        Mode::Browse | Mode::Editing(_) => {}
    }
    finish(frame.buffer_mut(), app.no_color(), app.ambiguous_width());
}

/// How big the terminal must be, the keys that still work, and what they answered: the quit
/// question, or the last message (a key refused, a save done).
fn too_small(frame: &mut Frame, app: &App) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let width = usize::from(frame.area().width).max(1);
    let mut said: Vec<(String, Style)> = Vec::new();
    said.push((Words::TooSmall { width: MIN_WIDTH, height: MIN_HEIGHT }.text(lang), Style::new()));
    if let Mode::ConfirmQuit = app.mode() {
        said.push((Words::QuitQuestion { sections: app.unsaved_sections().max(1) }.text(lang), style::bold()));
        said.push((app.hint_line(), style::bold()));
    } else {
        let groups: Vec<&[crate::command::Command]> = SMALL.iter().map(std::slice::from_ref).collect();
        let keys = app.keymap().hints_of(&groups, &[Context::Global], lang, Some(&app.now()));
        let keys = keys.iter().map(ToString::to_string).collect::<Vec<_>>().join("  ");
        said.push((Words::TooSmallKeys { keys }.text(lang), style::bold()));
    }
    if let Some(message) = app.message() {
        let look = if message.tone == crate::app::Tone::Error { style::error() } else { Style::new() };
        said.push((hyoka_core::text::sanitize(&message.text).into_owned(), look));
    }
    let lines: Vec<Line> = said
        .into_iter()
        .flat_map(|(text, look)| measure.wrap(&text, width).into_iter().map(move |l| (l, look)))
        .map(|(l, look)| Line::styled(measure.padded_for_cells(l), look).centered())
        .collect();
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(frame.area().height);
    let area = frame.area().centered(Constraint::Fill(1), Constraint::Length(height));
    frame.render_widget(Paragraph::new(lines), area);
}

/// A rectangle of `width` × `height` in the middle of `area`, never larger than it.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Length(width.min(area.width)), Constraint::Length(height.min(area.height)))
}
