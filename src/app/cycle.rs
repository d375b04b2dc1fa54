//! The year's cycle as the keys drive it: a clerk submits a section; a reviewer approves it, or
//! returns it with a comment, and moves a file on to its next stage; anyone writing may start
//! next year's file. Each key opens its question (`dialog/ask.rs`) or the comment
//! (`dialog/comment.rs`); what a yes does is `cycle/steps.rs`.

pub(in crate::app) mod steps;

use super::action::Effect;
use super::dialog::ask::Ask;
use super::dialog::comment::CommentDialog;
use super::state::{App, Mode, SectionRef, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::cycle::CycleMsg;
use hyoka_core::model::{Stage, next_year};
use hyoka_data::store::next_year_path;

/// A key of the cycle, pressed in the tree or a pane.
pub(in crate::app) fn handle(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::Submit => submit(app),
        Command::Approve => approve(app),
        Command::ReturnSection => return_section(app),
        Command::NextStage => return next_stage(app),
        Command::NewYear => new_year(app),
        _ => {}
    }
    Vec::new()
}

fn say(app: &mut App, message: CycleMsg) {
    app.say(Tone::Error, Msg::Cycle(message));
}

/// The section under the cursor, if `command` can be carried out on it now (said when not).
fn chosen(app: &mut App, command: Command) -> Option<SectionRef> {
    // Whether a reviewer is at the keys is known once the worker has said who it is.
    if !app.read_only {
        app.who()?;
    }
    if app.refuse(command) {
        return None;
    }
    app.selected()
}

fn submit(app: &mut App) {
    if let Some(at) = chosen(app, Command::Submit) {
        app.mode = Mode::Ask(Box::new(Ask::Submit(at)));
    }
}

fn approve(app: &mut App) {
    if let Some(at) = chosen(app, Command::Approve) {
        app.mode = Mode::Ask(Box::new(Ask::Approve(at)));
    }
}

fn return_section(app: &mut App) {
    if let Some(at) = chosen(app, Command::ReturnSection) {
        // Where a comment was begun and left, it is taken up again.
        let draft = app.draft(at).unwrap_or_default().to_owned();
        app.mode = Mode::Comment(Box::new(CommentDialog::new(at, &draft)));
    }
}

fn next_stage(app: &mut App) -> Vec<Effect> {
    let file = app.cursor.file();
    let Some(stage) = app.doc(file).map(|d| d.stage) else { return Vec::new() };
    if !app.read_only && app.who().is_none() {
        return Vec::new();
    }
    if app.refuse(Command::NextStage) {
        return Vec::new();
    }
    // Not published (refused above): there is a next stage.
    let Some(to) = stage.map_or(Some(Stage::Goals), Stage::next) else { return Vec::new() };
    app.mode = Mode::Ask(Box::new(Ask::NextStage { file, to, kept: None }));
    // The question says where the reviews it clears are kept: git is asked meanwhile.
    let path = app.files.get(file).map(|f| f.canonical.clone()).unwrap_or_default();
    vec![Effect::LookForReviews { file, path }]
}

fn new_year(app: &mut App) {
    if app.read_only {
        return app.say(Tone::Error, Msg::ReadOnlySession);
    }
    let file = app.cursor.file();
    let Some((entry, doc)) = app.files.get(file).and_then(|e| Some((e, e.doc()?))) else { return };
    let Some(path) = next_year_path(&entry.path, doc.fiscal_year) else {
        return say(app, CycleMsg::NoYearInName { path: entry.path.display().to_string() });
    };
    let without = next_year(doc, false);
    let open = app.files.iter().find(|f| {
        f.path == path
            || f.doc().is_some_and(|d| d.organization == without.organization && d.fiscal_year == without.fiscal_year)
    });
    if let Some(open) = open {
        let (title, path) = (without.title(), open.path.display().to_string());
        return say(app, CycleMsg::YearOpen { title, path });
    }
    let with_goals = Box::new(next_year(doc, true));
    app.mode = Mode::Ask(Box::new(Ask::NewYear { file, path, without: Box::new(without), with_goals }));
}
