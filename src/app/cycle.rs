//! The year's cycle as the keys drive it: a clerk submits a section; a reviewer approves it, or
//! returns it with a comment, and moves a file on to its next stage; anyone writing may start
//! next year's file. And the rule under them: its clerks do not change a section that waits for
//! its reviewer or was approved.

use chrono::DateTime;

use super::action::{Effect, NewYearJob, NewYearReport};
use super::saving;
use super::state::{App, Ask, CommentDialog, FileEntry, Mode, Node, SectionRef, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::cycle::{CycleMsg, stage_name, status_name};
use crate::model::{Field, Review, Stage, Status, next_year};
use crate::store::next_year_path;

/// A key of the cycle, pressed in the tree or a pane.
pub fn handle(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::Submit => submit(app),
        Command::Approve => approve(app),
        Command::ReturnSection => return_section(app),
        Command::NextStage => next_stage(app),
        Command::NewYear => new_year(app),
        _ => {}
    }
    Vec::new()
}

/// Whether the section may be changed now; when it may not, the clerk is told why. Reviewers
/// may change what they review.
pub fn may_write(app: &mut App, at: SectionRef) -> bool {
    let Some(section) = app.section(at) else { return true };
    if app.reviewer || !section.status.locks_clerks() {
        return true;
    }
    let (name, status) = (section.name.clone(), status_name(section.status, app.lang).to_owned());
    app.say(Tone::Error, Msg::Cycle(CycleMsg::Locked { name, status }));
    false
}

/// A section of the file whose clerks changed it while it waited for its reviewer or after it
/// was approved (a colleague submitted it, or the reviewer approved it, while this clerk had
/// unsaved work in it): such work is not saved, so that what the reviewer has is what stays.
pub fn locked_change(app: &App, file: usize) -> Option<(String, Status)> {
    if app.reviewer {
        return None;
    }
    let loaded = app.files.get(file)?.loaded_state()?;
    loaded.dirty().find_map(|(division, section)| {
        let now = loaded.doc().section(division, section)?;
        let division_name = &loaded.doc().divisions.get(division)?.name;
        let saved = loaded.saved().find_section(division_name, &now.name)?;
        let mut without_status = now.clone();
        Field::Status.copy(saved, &mut without_status);
        (saved.status.locks_clerks() && !without_status.same_content(saved)).then(|| (now.name.clone(), saved.status))
    })
}

/// The review shown above the section's panes: its status, by whom and when, and the reviewer's
/// comment while it is returned; `None` for a draft. (The time only once saved: until then it
/// is not yet stamped.)
pub fn banner(app: &App) -> Option<(String, String)> {
    let at = app.selected()?;
    let section = app.section(at)?;
    if section.status == Status::Draft {
        return None;
    }
    let lang = app.lang;
    let stamped = !app.is_section_dirty(at);
    let (by, when) = match (&section.review, section.status) {
        (Some(review), Status::Approved | Status::Returned) => (Some(review.by.clone()), stamped.then_some(review.at)),
        // Submitted: who handed it in and when are the section's stamps.
        _ => (section.updated_by.clone(), section.updated.filter(|_| stamped)),
    };
    let when = when.map(|t| crate::i18n::cycle::moment(t, app.calendar, lang));
    let status = status_name(section.status, lang).to_owned();
    let mut head = crate::i18n::cycle::CycleWords::Status { status, by, when }.text(lang);
    if section.status.locks_clerks() && !app.reviewer {
        head = format!("{head}  {}", crate::i18n::cycle::CycleWords::LockedNote.text(lang));
    }
    let comment = match (&section.review, section.status) {
        (Some(review), Status::Returned) => review.comment.clone(),
        _ => String::new(),
    };
    Some((head, comment))
}

/// The panes the file's stage is about, first the one a section opens on; all four without a stage.
pub fn stage_fields(app: &App, file: usize) -> &'static [Field] {
    match app.doc(file).and_then(|d| d.stage) {
        Some(stage) if !stage.fields().is_empty() => stage.fields(),
        _ => &Field::PANES,
    }
}

fn say(app: &mut App, message: CycleMsg) {
    app.say(Tone::Error, Msg::Cycle(message));
}

/// The section under the cursor, if it may be given a new status by this session at all.
fn chosen(app: &mut App, reviewers_only: bool) -> Option<(SectionRef, Status, String)> {
    let Some(at) = app.selected() else {
        say(app, CycleMsg::NeedSection);
        return None;
    };
    if !app.may_edit(at.file) {
        return None;
    }
    if reviewers_only && !app.reviewer {
        say(app, CycleMsg::NotReviewer);
        return None;
    }
    let section = app.section(at)?;
    Some((at, section.status, section.name.clone()))
}

fn submit(app: &mut App) {
    let Some((at, status, name)) = chosen(app, false) else { return };
    match status {
        Status::Draft | Status::Returned => app.mode = Mode::Ask(Box::new(Ask::Submit(at))),
        Status::Submitted => say(app, CycleMsg::AlreadySubmitted { name }),
        Status::Approved => {
            let status = status_name(status, app.lang).to_owned();
            say(app, CycleMsg::Locked { name, status });
        }
    }
}

fn approve(app: &mut App) {
    let Some((at, status, name)) = chosen(app, true) else { return };
    if status == Status::Submitted {
        app.mode = Mode::Ask(Box::new(Ask::Approve(at)));
    } else {
        let status = status_name(status, app.lang).to_owned();
        say(app, CycleMsg::NotSubmitted { name, status });
    }
}

fn return_section(app: &mut App) {
    let Some((at, status, name)) = chosen(app, true) else { return };
    if matches!(status, Status::Submitted | Status::Approved) {
        app.mode = Mode::Comment(Box::new(CommentDialog::new(at)));
    } else {
        let status = status_name(status, app.lang).to_owned();
        say(app, CycleMsg::NotSubmitted { name, status });
    }
}

fn next_stage(app: &mut App) {
    let file = app.cursor.file();
    let Some(doc) = app.doc(file) else { return };
    let (stage, title) = (doc.stage, doc.title());
    if !app.may_edit(file) {
        return;
    }
    if !app.reviewer {
        return say(app, CycleMsg::NotReviewer);
    }
    match stage.map_or(Some(Stage::Goals), Stage::next) {
        Some(to) => app.mode = Mode::Ask(Box::new(Ask::NextStage { file, to })),
        None => say(app, CycleMsg::Published { title }),
    }
}

fn new_year(app: &mut App) {
    if app.read_only {
        app.may_edit(0);
        return;
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
pub fn carry_out(ask: Ask, app: &mut App, keep_goals: bool) -> Vec<Effect> {
    match ask {
        Ask::Submit(at) => {
            app.change_section(at, |s| s.status = Status::Submitted);
            said_and_saved(app, at, |name| CycleMsg::Submitted { name })
        }
        Ask::Approve(at) => {
            let review = Review { by: app.user.clone(), at: unstamped(), comment: String::new() };
            app.change_section(at, |s| {
                s.status = Status::Approved;
                s.review = Some(review);
            });
            said_and_saved(app, at, |name| CycleMsg::Approved { name })
        }
        Ask::NextStage { file, to } => {
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
            app.generation += 1;
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
pub fn send_back(app: &mut App, at: SectionRef, comment: String) -> Vec<Effect> {
    let review = Review { by: app.user.clone(), at: unstamped(), comment };
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
pub fn new_year_written(app: &mut App, report: NewYearReport) -> Vec<Effect> {
    let NewYearReport { job, outcome, stamp } = report;
    match outcome {
        Ok(text) => {
            let title = job.doc.title();
            let mut entry = FileEntry::loaded(job.path.clone(), job.doc, text);
            entry.root = job.root;
            entry.disk_stamp = stamp;
            // At the end: the positions of the files open (undo, caches) stay true.
            app.files.push(entry);
            app.cursor = Node::File(app.files.len() - 1);
            app.focus = super::state::Focus::Tree;
            let path = job.path.display().to_string();
            app.say(Tone::Info, Msg::Cycle(CycleMsg::YearWritten { title, path }));
        }
        Err(why) => say(app, CycleMsg::YearFailed { why }),
    }
    Vec::new()
}
