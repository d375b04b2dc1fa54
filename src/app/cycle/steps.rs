//! The cycle's steps themselves, once asked and answered: a section submitted, approved or sent
//! back with a comment, a file moved on to its next stage — each said and saved at once — and
//! next year's file asked of the worker and taken in when it is written.

use chrono::DateTime;

use crate::app::action::{Effect, NewYearJob, NewYearReport};
use crate::app::saving;
use crate::app::state::{App, FileEntry, Focus, Node, SectionRef, Tone};
use crate::i18n::app::Msg;
use crate::i18n::cycle::{CycleMsg, stage_name};
use hyoka_core::model::{Document, Review, Stage, Status};

/// The section goes to its reviewers.
pub(in crate::app) fn submit(app: &mut App, at: SectionRef) -> Vec<Effect> {
    app.change_section(at, |s| s.status = Status::Submitted);
    said_and_saved(app, at, |name| CycleMsg::Submitted { name })
}

/// The reviewer at the keys approves the section.
pub(in crate::app) fn approve(app: &mut App, at: SectionRef) -> Vec<Effect> {
    let Some(by) = app.who() else { return Vec::new() };
    let review = Review { by, at: unstamped(), comment: String::new() };
    app.change_section(at, |s| {
        s.status = Status::Approved;
        s.review = Some(review);
    });
    said_and_saved(app, at, |name| CycleMsg::Approved { name })
}

/// The file moves on to stage `to`: every section is a draft again, its review cleared.
pub(in crate::app) fn next_stage(app: &mut App, file: usize, to: Stage) -> Vec<Effect> {
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

/// Next year's file, `doc`, is to be written at `path` (beside the file it follows).
pub(in crate::app) fn new_year(app: &App, file: usize, path: std::path::PathBuf, doc: Document) -> Vec<Effect> {
    let root = app.files.get(file).map(|f| f.root.clone()).unwrap_or_default();
    vec![Effect::NewYear(NewYearJob { path, root, doc })]
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
            app.focus = Focus::Tree;
            let path = job.path.display().to_string();
            app.say(Tone::Info, Msg::Cycle(CycleMsg::YearWritten { title, path }));
        }
        Err(why) => app.say(Tone::Error, Msg::Cycle(CycleMsg::YearFailed { why })),
    }
    Vec::new()
}
