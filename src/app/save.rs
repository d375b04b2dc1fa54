//! Carrying out `Effect::Save`: the one place where the app state meets the disk for writing.

use chrono::{DateTime, FixedOffset, Timelike};

use super::state::{App, FileState, Mode, Resolution, Tone};
use super::update::{after_documents_changed, cursor_by_name};
use crate::model::Document;
use crate::model::Field;
use crate::store::{FaultPlan, FieldConflict, SaveOutcome, save_document};

/// Who saves and when, stamped on the sections the save changes.
pub struct Stamp {
    pub now: DateTime<FixedOffset>,
    pub user: String,
}

impl Stamp {
    /// The login name (as over SSH) and the local time with its offset (+09:00 in Japan).
    pub fn here_and_now() -> Stamp {
        let user = ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .or_else(login_from_passwd)
            .unwrap_or_else(|| "unknown".to_owned());
        let now = chrono::Local::now().fixed_offset();
        // Whole seconds: the file is read by people, not by a clock.
        let now = now.with_nanosecond(0).unwrap_or(now);
        Stamp { now, user }
    }
}

/// The name of our uid in /etc/passwd, for sessions started without USER (cron, some sshd set-ups).
fn login_from_passwd() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid).then(|| name.to_owned())
    })
}

/// Saves every file with unsaved sections. Files without changes are not touched at all.
/// When someone else saved the same fields, the conflict dialog opens and nothing is written
/// for that file until every conflict is decided.
pub fn save_all(app: &mut App, stamp: &Stamp, faults: &dyn FaultPlan) {
    if app.read_only {
        app.say(Tone::Error, "閲覧専用で開いています。保存はできません。", "Opened read-only: nothing can be saved.");
        app.quit_after_save = false;
        return;
    }
    let dirty = app.dirty_sections();
    if dirty.is_empty() {
        app.say(Tone::Info, "保存する変更はありません。", "Nothing to save.");
        finish(app, true);
        return;
    }
    for at in &dirty {
        if let Some(section) = app.section_mut(*at) {
            section.updated = Some(stamp.now);
            section.updated_by = Some(stamp.user.clone());
        }
    }
    let mut written = Vec::new();
    let mut failures = Vec::new();
    let mut merged_any = false;
    let mut revived: Vec<String> = Vec::new();
    let place = cursor_by_name(app);
    let mut files: Vec<usize> = dirty.iter().map(|s| s.file).collect();
    files.dedup();
    for file in files {
        let entry = &mut app.files[file];
        let FileState::Loaded { doc, saved, disk_text } = &mut entry.state else { continue };
        let pending = live_pending_conflicts(&entry.pending, doc, saved);
        entry.pending.clear();
        if !pending.is_empty() {
            if !matches!(app.mode, Mode::Resolve(_)) {
                let count = pending.len();
                app.mode = Mode::Resolve(Box::new(Resolution {
                    file,
                    chosen: vec![None; count],
                    conflicts: pending,
                    index: 0,
                    theirs: saved.clone(),
                    theirs_text: disk_text.clone(),
                    merged: doc.clone(),
                    combined: None,
                }));
            } else {
                entry.pending = pending.iter().map(|c| (c.division.clone(), c.section.clone(), c.field)).collect();
            }
            continue;
        }
        match save_document(&entry.path, disk_text, saved, doc, faults) {
            Ok(SaveOutcome::Saved(result)) => {
                merged_any |= result.merged;
                revived.extend(result.revived);
                *doc = result.doc.clone();
                *saved = result.doc;
                *disk_text = result.text;
                entry.gone = false;
                entry.disk_stamp = std::fs::metadata(&entry.path).ok().as_ref().and_then(super::disk_stamp);
                written.push(entry.path.display().to_string());
            }
            Ok(SaveOutcome::Conflicted(c)) if !matches!(app.mode, Mode::Resolve(_)) => {
                let count = c.conflicts.len();
                app.mode = Mode::Resolve(Box::new(Resolution {
                    file,
                    chosen: vec![None; count],
                    conflicts: c.conflicts,
                    index: 0,
                    theirs: c.theirs,
                    theirs_text: c.theirs_text,
                    merged: c.merged,
                    combined: None,
                }));
            }
            Ok(SaveOutcome::Conflicted(_)) => {
                // One dialog at a time: this file is saved after the first one is decided.
            }
            Err(error) => failures.push(error.describe(&entry.path, app.lang)),
        }
    }
    if merged_any {
        after_documents_changed(app, place);
    }
    let count = dirty.len();
    if !failures.is_empty() {
        app.message = Some((failures.join(" / "), Tone::Error));
    } else if matches!(app.mode, Mode::Resolve(_)) {
        app.say(
            Tone::Error,
            "他の人が同じ項目を先に保存しました。どちらを残すか選んでください。",
            "Someone else saved the same fields first: choose what to keep.",
        );
    } else {
        let files = written.join(", ");
        if !revived.is_empty() {
            let names = revived.join("、");
            app.say(
                Tone::Info,
                &format!(
                    "保存しました: {files}。他の人が削除した課（{names}）は、あなたが変更していたので残しました。"
                ),
                &format!("Saved {files}. Sections someone else removed ({names}) were kept: you had changed them."),
            );
        } else if merged_any {
            app.say(
                Tone::Info,
                &format!("保存しました: {files}（{count}課）。他の人の保存分も取り込みました。"),
                &format!("Saved {files} ({count} sections), taking in what others saved meanwhile."),
            );
        } else {
            app.say(
                Tone::Info,
                &format!("保存しました: {files}（{count}課）"),
                &format!("Saved {files} ({count} sections)."),
            );
        }
    }
    finish(app, failures.is_empty() && !matches!(app.mode, Mode::Resolve(_)));
}

/// Fields taken in from disk with both sides changed that still differ now.
fn live_pending_conflicts(
    pending: &[(String, String, Field)],
    mine: &Document,
    theirs: &Document,
) -> Vec<FieldConflict> {
    pending
        .iter()
        .filter_map(|(division, section, field)| {
            let m = mine.find_section(division, section)?;
            let t = theirs.find_section(division, section)?;
            (!field.equal(m, t)).then(|| FieldConflict {
                division: division.clone(),
                section: section.clone(),
                field: *field,
                mine: field.text(m),
                theirs: field.text(t),
                mine_section: m.clone(),
                theirs_section: t.clone(),
                their_by: t.updated_by.clone(),
                their_at: t.updated,
            })
        })
        .collect()
}

fn finish(app: &mut App, done: bool) {
    if done {
        if app.quit_after_save && !app.has_unsaved() {
            app.should_quit = true;
        }
    } else if !matches!(app.mode, Mode::Resolve(_)) {
        app.quit_after_save = false;
    }
}
