//! Keeping up with the world while the screen is open: what others saved on disk is taken in,
//! and the journal is brought up to date when there is new work.

use super::absorb::absorb;
use super::action::{DiskChange, DiskCheck, DiskReport, Effect, JournalEntry, JournalWork};
use super::state::{App, Mode, Tone};
use crate::i18n::app::Msg;
use hyoka_core::model::Document;

/// At every tick of the clock (twice a second): journal what changed, and look at the files.
pub(in crate::app) fn tick(app: &mut App) -> Vec<Effect> {
    let mut effects = Vec::new();
    let changed = std::mem::take(&mut app.unjournaled);
    if !app.read_only && !changed.is_empty() {
        effects.push(Effect::Journal(changed.into_iter().filter_map(|file| journal_entry(app, file)).collect()));
    }
    // Made again only when something in it changed; else the same list is sent again.
    if std::mem::take(&mut app.disk_news) {
        app.disk_checks = app
            .files
            .iter()
            .enumerate()
            .filter(|(_, f)| f.loaded_state().is_some() && !f.saving)
            .map(|(file, f)| DiskCheck {
                file,
                path: f.path.clone(),
                stamp: f.disk_stamp,
                gone: f.gone,
                merge_known: !f.merge.is_empty(),
            })
            .collect();
    }
    if !app.disk_checks.is_empty() {
        effects.push(Effect::CheckDisk(std::sync::Arc::clone(&app.disk_checks)));
    }
    effects
}

/// The unsaved work of every file, with the text still in the editor and the questions waiting:
/// what the journal is brought up to with at the end (a signal, a dropped terminal). Only a file
/// changed since it was read can hold work, so only those are copied.
pub fn journal_entries(app: &App) -> Vec<JournalEntry> {
    // Text still being typed (a field, a return comment) is work of its file.
    let editing = match &app.mode {
        Mode::Editing(editor) => Some(editor.section.file),
        Mode::Comment(dialog) => Some(dialog.section.file),
        _ => None,
    };
    app.files
        .iter()
        .enumerate()
        .filter_map(|(file, entry)| {
            let loaded = entry.loaded_state()?;
            if loaded.changed_since_read()
                || !entry.pending.is_empty()
                || !entry.drafts.is_empty()
                || editing == Some(file)
            {
                journal_entry(app, file)
            } else {
                Some(JournalEntry { path: entry.canonical.clone(), work: None })
            }
        })
        .collect()
}

/// One file's unsaved work for its journal (`work: None` when there is none: the journal goes).
fn journal_entry(app: &App, file: usize) -> Option<JournalEntry> {
    let entry = app.files.get(file)?;
    let loaded = entry.loaded_state()?;
    let mine = app.effective_doc(file)?;
    // Only while the screen differs from the file in what is written: stamps aside (a save then
    // u and Ctrl-R gives back the text without the stamps the save wrote).
    let drafts = app.drafts_of(file);
    let unsaved = !mine.same_content(loaded.saved()) || !entry.pending.is_empty() || !drafts.is_empty();
    let work =
        unsaved.then(|| JournalWork { base: loaded.saved().clone(), mine, pending: entry.pending.clone(), drafts });
    Some(JournalEntry { path: entry.canonical.clone(), work })
}

/// The journal entries of the files changed since the journal last heard of them, which it now
/// has: for a step that must be journaled before what follows it (a restored journal before the
/// old one goes).
pub(in crate::app) fn journal_now(app: &mut App) -> Vec<JournalEntry> {
    let changed = std::mem::take(&mut app.unjournaled);
    changed.into_iter().filter_map(|file| journal_entry(app, file)).collect()
}

pub(in crate::app) fn journal_written(app: &mut App, problem: Option<String>) {
    match problem {
        Some(why) if app.journal_problem.is_none() => {
            app.journal_problem = Some(why.clone());
            app.say(Tone::Error, Msg::JournalFailed { why });
        }
        Some(_) => {}
        None => app.journal_problem = None,
    }
}

pub(in crate::app) fn disk_changed(app: &mut App, report: DiskReport) -> Vec<Effect> {
    let file = report.file;
    // The stamp, the file gone or back, a merge: what the next look compares with.
    app.disk_news = true;
    let Some(entry) = app.files.get_mut(file) else { return Vec::new() };
    if entry.saving {
        // Our own save is writing it; its outcome says what is on disk.
        return Vec::new();
    }
    let path = entry.path.display().to_string();
    match report.change {
        DiskChange::Gone(why) => {
            if !entry.gone {
                entry.gone = true;
                app.say(Tone::Error, Msg::FileGone { path, why });
            }
        }
        DiskChange::Broken(_) => {
            let news = entry.disk_stamp != report.stamp || entry.gone;
            entry.disk_stamp = report.stamp;
            entry.gone = false;
            if news {
                app.say(Tone::Error, Msg::BrokenOnDisk { path });
            }
        }
        DiskChange::Changed { doc, text, merge } => {
            entry.disk_stamp = report.stamp;
            entry.gone = false;
            // A `git pull` that stopped on fields both sides changed: asked at once, as at start
            // (the file may hold exactly what we had, ours being kept in those fields).
            let merge_waiting = !merge.is_empty() && merge != entry.merge;
            let same =
                entry.loaded_state().is_some_and(|l| l.disk_digest() == hyoka_data::store::TextDigest::of(&text));
            if merge_waiting {
                let count = merge.len();
                entry.merge = merge;
                let said = crate::i18n::git::GitMsg::MergeWaiting { path: &entry.path, count }.text(app.lang);
                app.say(Tone::Info, Msg::Raw(said));
            }
            if same {
                if merge_waiting && matches!(app.mode, Mode::Browse) {
                    app.open_conflict(file);
                }
                return Vec::new();
            }
            let busy_here = matches!(&app.mode, Mode::Editing(e) if e.section.file == file)
                || matches!(app.mode, Mode::Resolve(_) | Mode::Recover(_));
            if busy_here {
                // Taken in once the text being typed is in the document, so that it is merged too.
                if let Some(entry) = app.files.get_mut(file) {
                    entry.incoming = Some((doc, text));
                }
            } else {
                take_in(app, file, doc, text);
                if merge_waiting && matches!(app.mode, Mode::Browse) {
                    app.open_conflict(file);
                }
            }
        }
    }
    Vec::new()
}

/// What waited on disk while the file was being edited (or a dialog was open) comes in now.
pub(in crate::app) fn take_in_waiting(app: &mut App, file: usize) {
    if let Some((doc, text)) = app.files.get_mut(file).and_then(|f| f.incoming.take()) {
        take_in(app, file, doc, text);
    }
}

/// After a dialog closes: every file that waited takes in what came.
pub(in crate::app) fn take_in_all_waiting(app: &mut App) {
    for file in 0..app.files.len() {
        take_in_waiting(app, file);
    }
}

fn take_in(app: &mut App, file: usize, theirs: Document, text: String) {
    let place = app.cursor_by_name();
    let Some(entry) = app.files.get_mut(file) else { return };
    let absorbed = absorb(entry, theirs, text);
    app.work_changed(file);
    app.after_documents_changed(place);
    let message = if absorbed.gone.is_empty() {
        Msg::TookIn { taken: absorbed.taken, conflicts: absorbed.conflicts }
    } else {
        Msg::Gone { names: absorbed.gone }
    };
    app.say(Tone::Info, message);
    if !absorbed.kept.is_empty() {
        app.say(Tone::Info, Msg::KeptTheirChange { names: absorbed.kept });
    }
}
