//! Saving as the state sees it: which files go to the worker, which wait for a person to decide
//! a conflict first, and what a finished save changes on screen.

use super::absorb::{absorb, absorb_saved};
use super::action::{Effect, SaveJob, SaveReport};
use super::state::{App, Focus, Mode, Node, Tone};
use crate::i18n::app::Msg;
use hyoka_data::store::Outcome;

/// Ctrl-S: every file with unsaved sections goes to the worker, except files with questions
/// still to answer (fields both sides changed), for which the conflict dialog opens first.
pub(in crate::app) fn save(app: &mut App) -> Vec<Effect> {
    if app.read_only {
        app.say(Tone::Error, Msg::SaveReadOnly);
        app.quit_after_save = false;
        return Vec::new();
    }
    // Every section a save changes is stamped with who saved it.
    let Some(user) = app.who() else {
        app.quit_after_save = false;
        return Vec::new();
    };
    let mut jobs = Vec::new();
    let mut resolved = Vec::new();
    let mut waiting = false;
    for file in 0..app.files.len() {
        let Some(entry) = app.files.get(file) else { continue };
        let Some(loaded) = entry.loaded_state() else { continue };
        let unsaved = loaded.dirty_count() > 0 || loaded.head_dirty();
        if !unsaved && entry.pending.is_empty() && entry.merge.is_empty() && !entry.resolve_merge {
            continue;
        }
        if entry.saving {
            waiting = true;
            continue;
        }
        // Questions first: one about a section submitted or approved meanwhile is how the clerk
        // hears of it, and may let their change go.
        if !app.questions(file).is_empty() {
            waiting = true;
            if !matches!(app.mode, Mode::Resolve(_)) {
                app.open_conflict(file);
            }
            continue;
        }
        if let Some((name, status)) = app.locked_change(file) {
            let status = crate::i18n::cycle::status_name(status, app.lang).to_owned();
            app.say(Tone::Error, Msg::Cycle(crate::i18n::cycle::CycleMsg::Locked { name, status }));
            app.quit_after_save = false;
            waiting = true;
            continue;
        }
        if !unsaved {
            if entry.resolve_merge {
                // Every answer kept what is on disk: only git has to hear of it.
                resolved.push(entry.path.clone());
            }
            continue;
        }
        jobs.push(SaveJob {
            file,
            path: entry.path.clone(),
            root: entry.root.clone(),
            base: loaded.saved().clone(),
            base_digest: loaded.disk_digest(),
            mine: loaded.doc().clone(),
            user: user.clone(),
            reviewer: app.reviewer(),
            resolve_merge: entry.resolve_merge,
        });
    }
    let mut effects: Vec<Effect> = resolved.into_iter().map(Effect::ResolveMerge).collect();
    for entry in &mut app.files {
        if effects.iter().any(|e| matches!(e, Effect::ResolveMerge(p) if *p == entry.path)) {
            entry.resolve_merge = false;
        }
    }
    if jobs.is_empty() {
        if !effects.is_empty() {
            return effects;
        }
        if matches!(app.mode, Mode::Resolve(_)) {
            app.say(Tone::Error, Msg::DecideFirst);
        } else if !waiting {
            app.say(Tone::Info, Msg::NothingToSave);
            quit_if_done(app);
        }
        return Vec::new();
    }
    for job in &jobs {
        if let Some(entry) = app.files.get_mut(job.file) {
            entry.saving = true;
        }
    }
    // Not looked at while our own save writes it.
    app.disk_news = true;
    app.say(Tone::Info, Msg::Saving);
    effects.push(Effect::Save(jobs));
    effects
}

/// A save finished (or failed) in the worker.
pub(in crate::app) fn saved(app: &mut App, report: SaveReport) -> Vec<Effect> {
    let file = report.file;
    let place = app.cursor_by_name();
    app.disk_news = true;
    let Some(entry) = app.files.get_mut(file) else { return Vec::new() };
    entry.saving = false;
    let name = entry.path.display().to_string();
    match report.outcome {
        Ok(Outcome::Saved(result)) => {
            entry.gone = false;
            entry.resolve_merge = false;
            entry.disk_stamp = report.stamp;
            // What was typed while the save ran stays on screen, over what was written: the
            // document sent is the base, the file as written is theirs.
            let absorbed = match &report.sent {
                Some(sent) => absorb_saved(entry, sent, result.doc, result.text),
                None => absorb(entry, result.doc, result.text),
            };
            app.work_changed(file);
            if result.merged {
                app.after_documents_changed(place);
            }
            let message = if let Some(why) = result.layout_lost {
                Msg::LayoutNotKept { file: name, why }
            } else if !result.revived.is_empty() {
                Msg::SavedRevived { file: name, names: result.revived }
            } else if result.merged {
                Msg::SavedMerged { file: name }
            } else {
                Msg::Saved { file: name }
            };
            app.say(Tone::Info, message);
            if !result.kept.is_empty() {
                app.say(Tone::Info, Msg::KeptTheirChange { names: result.kept });
            }
            if !absorbed.gone.is_empty() {
                app.say(Tone::Info, Msg::Gone { names: absorbed.gone });
            } else if absorbed.conflicts > 0 {
                app.say(Tone::Info, Msg::TookIn { taken: absorbed.taken, conflicts: absorbed.conflicts });
            }
            quit_if_done(app);
            Vec::new()
        }
        Ok(Outcome::Conflicted(conflicted)) => {
            // Their version becomes the base; what both changed waits for a person.
            let absorbed = absorb(entry, conflicted.theirs, conflicted.theirs_text);
            app.work_changed(file);
            app.after_documents_changed(place);
            if !matches!(app.mode, Mode::Resolve(_)) {
                app.open_conflict(file);
            }
            let message =
                if absorbed.gone.is_empty() { Msg::SomeoneSavedFirst } else { Msg::Gone { names: absorbed.gone } };
            app.say(Tone::Error, message);
            Vec::new()
        }
        Ok(Outcome::Locked(locked)) => {
            // Submitted or approved meanwhile, found under the save's lock: theirs comes in under
            // the work, which stays on screen, unsaved.
            app.quit_after_save = false;
            absorb(entry, locked.theirs, locked.theirs_text);
            app.work_changed(file);
            app.after_documents_changed(place);
            let names = locked.sections.into_iter().map(|(d, s, _)| format!("{d} {s}")).collect();
            app.say(Tone::Error, Msg::Cycle(crate::i18n::cycle::CycleMsg::LockedOnDisk { names }));
            Vec::new()
        }
        Ok(Outcome::Refused(refused)) => {
            app.quit_after_save = false;
            refused_save(app, file, name, refused, place);
            Vec::new()
        }
        Err(error) => {
            app.quit_after_save = false;
            let text = error.describe(&std::path::PathBuf::from(&name), app.lang);
            app.say(Tone::Error, Msg::Raw(text));
            Vec::new()
        }
    }
}

/// Nothing was written, since the file as merged would not read back (a rating whose mark
/// someone took off the scale meanwhile): what is on disk is taken in under the work, and the
/// cursor goes to the first field named, for the clerk to fix and save again.
fn refused_save(app: &mut App, file: usize, name: String, refused: hyoka_data::store::Refused, place: Place) {
    if let (Some(theirs), Some(text), Some(entry)) = (refused.theirs, refused.theirs_text, app.files.get_mut(file)) {
        absorb(entry, theirs, text);
        app.work_changed(file);
        app.after_documents_changed(place);
    }
    let fields = refused.fields.iter().map(|f| f.describe(app.lang)).collect();
    app.say(Tone::Error, Msg::SaveRefused { file: name, fields });
    let first = refused.fields.iter().find_map(|f| Some((f.division.as_deref()?, f.section.as_deref()?, f.field)));
    if let Some((division, section, field)) = first
        && let Some(at) = app.find_section(file, division, section)
    {
        app.cursor = Node::Section(at);
        app.focus = field.map_or(Focus::Tree, |f| Focus::Pane(f.pane()));
        super::tree::expand_to(app, at);
        app.clamp_goal_cursor();
    }
}

type Place = Option<(usize, String, String)>;

/// After a save asked for by the quit dialog, quit once nothing is left unsaved.
fn quit_if_done(app: &mut App) {
    let busy = app.files.iter().any(|f| f.saving) || matches!(app.mode, Mode::Resolve(_));
    if app.quit_after_save && !busy && !app.documents_unsaved() {
        app.should_quit = true;
    }
}
