//! The year's cycle as the keys drive it: a clerk submits a section; a reviewer approves it, or
//! returns it with a comment, and moves a file on to its next stage; anyone writing may start
//! next year's file. And the rule under them: its clerks do not change a section that waits for
//! its reviewer or was approved.

use chrono::DateTime;

use super::action::{Effect, NewYearJob, NewYearReport};
use super::dialog::ask::Ask;
use super::dialog::comment::CommentDialog;
use super::saving;
use super::state::{App, FileEntry, Mode, Node, SectionRef, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::cycle::{CycleMsg, stage_name};
use hyoka_core::model::{Review, Stage, Status, next_year};
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

/// Yes to a question: the change is made and saved at once (a new year is written).
pub(in crate::app) fn carry_out(ask: Ask, app: &mut App, keep_goals: bool) -> Vec<Effect> {
    match ask {
        Ask::Submit(at) => {
            app.change_section(at, |s| s.status = Status::Submitted);
            said_and_saved(app, at, |name| CycleMsg::Submitted { name })
        }
        Ask::Approve(at) => {
            let Some(by) = app.who() else { return Vec::new() };
            let review = Review { by, at: unstamped(), comment: String::new() };
            app.change_section(at, |s| {
                s.status = Status::Approved;
                s.review = Some(review);
            });
            said_and_saved(app, at, |name| CycleMsg::Approved { name })
        }
        Ask::NextStage { file, to, .. } => {
            let Some(loaded) = app.files.get_mut(file).and_then(FileEntry::loaded_mut) else { return Vec::new() };
            let title = loaded.doc().title();
            loaded.edit(|doc| {
                doc.stage = Some(to);
                for section in doc.divisions.iter_mut().flat_map(|d| &mut d.sections) {
                    section.status = Status::Draft;
                    section.review = None;
                }
            });
            // Each step of undo would put back a section's old status over the new stage.
            app.history.clear();
            app.work_changed(file);
            let stage = stage_name(to, app.lang).to_owned();
            app.say(Tone::Info, Msg::Cycle(CycleMsg::StageMoved { title, stage }));
            saving::save(app)
        }
        Ask::NewYear { file, path, without, with_goals } => {
            let root = app.files.get(file).map(|f| f.root.clone()).unwrap_or_default();
            let doc = if keep_goals { *with_goals } else { *without };
            vec![Effect::NewYear(NewYearJob { path, root, doc })]
        }
    }
}

/// The reviewer's comment is done: the section goes back to its clerks with it, saved at once.
pub(in crate::app) fn send_back(app: &mut App, at: SectionRef, comment: String) -> Vec<Effect> {
    let Some(by) = app.who() else { return Vec::new() };
    let review = Review { by, at: unstamped(), comment };
    app.change_section(at, |s| {
        s.status = Status::Returned;
        s.review = Some(review);
    });
    said_and_saved(app, at, |name| CycleMsg::Returned { name })
}

/// A review's time is stamped by the save, as `updated` is: `update` reads no clock.
fn unstamped() -> DateTime<chrono::FixedOffset> {
    DateTime::default()
}

fn said_and_saved(app: &mut App, at: SectionRef, message: impl FnOnce(String) -> CycleMsg) -> Vec<Effect> {
    let name = app.section(at).map(|s| s.name.clone()).unwrap_or_default();
    app.say(Tone::Info, Msg::Cycle(message(name)));
    saving::save(app)
}

/// Next year's file was written (it opens in the tree, below the others) or not (said).
pub(in crate::app) fn new_year_written(app: &mut App, report: NewYearReport) -> Vec<Effect> {
    let NewYearReport { job, outcome, stamp, canonical } = report;
    match outcome {
        Ok(text) => {
            let title = job.doc.title();
            let mut entry = FileEntry::loaded(job.path.clone(), job.doc, text).at_canonical(canonical);
            entry.root = job.root;
            entry.disk_stamp = stamp;
            // At the end: the positions of the files open (undo, caches) stay true.
            app.files.push(entry);
            app.rows_changed(app.files.len() - 1);
            app.disk_news = true;
            app.cursor = Node::File(app.files.len() - 1);
            app.focus = super::state::Focus::Tree;
            let path = job.path.display().to_string();
            app.say(Tone::Info, Msg::Cycle(CycleMsg::YearWritten { title, path }));
        }
        Err(why) => say(app, CycleMsg::YearFailed { why }),
    }
    Vec::new()
}
