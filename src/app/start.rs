//! Start-up through `update`: the screen opens at once, and what takes files, git or the user
//! database to find out (journals left by hyokas that are gone, merges git left for hyoka, who is
//! at the keys) is asked of the worker and comes back as actions, handled here.

use std::path::PathBuf;

use super::action::{Effect, JournalContent, LeftJournal, MergesWaiting, ReadJob, Rights};
use super::dialog::recovery::{self, RecoveryEntry};
use super::journal::differences;
use super::state::{App, FileEntry, Identity, Mode, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;

/// The screen opens: the worker is asked for what the state cannot know by itself.
pub(in crate::app) fn start(app: &mut App) -> Vec<Effect> {
    // The files not read yet first: the clerk waits for them.
    let mut effects: Vec<Effect> = read_unread(app).into_iter().collect();
    if app.identity.is_none() {
        effects.push(Effect::Identify);
    }
    // Reviewers write nothing, not even a journal, and decide no merge.
    if !app.read_only {
        effects.push(Effect::OpenJournals);
        let files: Vec<PathBuf> = app.files.iter().map(|f| f.canonical.clone()).collect();
        let mut folders: Vec<PathBuf> = files.iter().filter_map(|f| f.parent().map(PathBuf::from)).collect();
        folders.sort();
        folders.dedup();
        if !files.is_empty() {
            effects.push(Effect::FindMerges(files));
            effects.push(Effect::SweepLeftovers(folders));
        }
    }
    effects
}

/// The screen opens: every file not read yet is read, from the cursor's on.
fn read_unread(app: &mut App) -> Option<Effect> {
    let jobs: Vec<ReadJob> = app
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_unread())
        .map(|(file, f)| ReadJob { file, path: f.path.clone(), root: f.root.clone(), canonical: f.canonical.clone() })
        .collect();
    app.reading.near = app.cursor.file();
    (!jobs.is_empty()).then_some(Effect::Read { jobs, near: app.reading.near })
}

/// A key pressed before the worker said whose login this is (a slow user database): carried out
/// as soon as it has, unless another key came first, which may have moved to another section.
#[derive(Debug, Default)]
pub(in crate::app) struct NameWait {
    /// Set by `App::who` when the key being handled needed the name.
    pub asked: bool,
    /// The key waiting for it.
    pub then: Option<Command>,
}

/// The login name is known: the key that waited for it, if any, is to be carried out now.
pub(in crate::app) fn identified(app: &mut App, identity: Identity) -> Option<Command> {
    app.identity = Some(identity);
    app.name_wait.then.take()
}

/// The right to review as decided again while hyoka runs: taken in, and said when it changed or
/// a reviewers' file was not trusted.
pub(in crate::app) fn rights(app: &mut App, rights: &Rights) {
    for ignored in &rights.ignored {
        app.say(Tone::Error, Msg::Raw(ignored.clone()));
    }
    let Some(identity) = app.identity.as_mut() else { return };
    if identity.reviewer != rights.reviewer {
        identity.reviewer = rights.reviewer;
        let tone = if rights.reviewer { Tone::Info } else { Tone::Error };
        app.say(tone, Msg::Raw(hyoka_data::i18n::office::rights_changed(rights.reviewer, app.lang)));
    }
}

/// The journals found: those of the open files are offered in the recovery dialog; those that
/// hold nothing unsaved any more go.
pub(in crate::app) fn journals_found(app: &mut App, found: Result<Vec<LeftJournal>, String>) -> Vec<Effect> {
    let left = match found {
        Ok(left) => left,
        // Without a journal a dropped link loses what was typed since the last save: said at once.
        Err(why) => {
            app.say(Tone::Error, Msg::NoJournal { why });
            return Vec::new();
        }
    };
    let mut effects = Vec::new();
    let mut entries = Vec::new();
    for journal in left {
        let file = file_of(&app.files, &journal.content, journal.moved);
        // Its file (or, for a file moved, the file it went to) is not read yet: offered once it is.
        if file.is_none_or(|f| app.files.get(f).is_some_and(FileEntry::is_unread)) && app.reading.unread > 0 {
            app.reading.journals.push(journal);
            continue;
        }
        let LeftJournal { path, content, written, moved: _ } = journal;
        let Some(file) = file else { continue }; // kept for when its file is open
        let Some(on_disk) = app.files.get(file).and_then(FileEntry::doc) else { continue };
        let work = content.work;
        // Stamps aside: a journal whose text is what is on disk, or what it started from, holds nothing.
        let nothing = work.mine.same_content(on_disk) || work.mine.same_content(&work.base);
        if work.pending.is_empty() && work.drafts.is_empty() && nothing {
            effects.push(Effect::DiscardJournal(path)); // nothing unsaved in it
            continue;
        }
        let differences = differences(&work.base, &work.mine);
        entries.push(RecoveryEntry { file, journal_path: path, original: content.file, work, written, differences });
    }
    entries.sort_by_key(|e| (e.file, e.written));
    if !entries.is_empty() && matches!(app.mode, Mode::Browse) {
        recovery::open(app, entries);
    } else if !entries.is_empty() {
        // A merge's questions came first: the journals are offered when hyoka starts next.
        app.say(Tone::Info, Msg::RecoveryLater);
    }
    effects
}

/// The open file a journal belongs to: the file where it was; or, when that is gone (moved or
/// renamed), the open file of the same organisation and year.
fn file_of(files: &[FileEntry], content: &JournalContent, moved: bool) -> Option<usize> {
    let same_table = |f: &FileEntry| {
        f.doc().is_some_and(|d| {
            d.organization == content.work.base.organization && d.fiscal_year == content.work.base.fiscal_year
        })
    };
    let matched = files.iter().position(|f| f.canonical == content.file);
    matched.or_else(|| moved.then(|| files.iter().position(same_table)).flatten())
}

/// A `git merge` or `git pull` stopped on fields both sides changed: asked at once, in the
/// conflict dialog (after the recovery dialog, when that is open).
pub(in crate::app) fn merges_waiting(app: &mut App, waiting: MergesWaiting) {
    for text in waiting.said {
        app.say(Tone::Info, Msg::Raw(text));
    }
    let mut asked = None;
    for (path, conflicts) in waiting.files {
        let Some((file, entry)) = app.files.iter_mut().enumerate().find(|(_, f)| f.canonical == path) else {
            continue;
        };
        entry.merge = conflicts;
        app.disk_news = true;
        // A file not read yet asks once it is read.
        if !entry.is_unread() {
            asked.get_or_insert(file);
        }
    }
    if let Some(file) = asked {
        ask_merge(app, file);
    }
}

/// A file's merge questions are said, and asked at once where nothing else is open.
pub(in crate::app) fn ask_merge(app: &mut App, file: usize) {
    let Some(entry) = app.files.get(file) else { return };
    let text = crate::i18n::git::GitMsg::MergeWaiting { path: &entry.path, count: entry.merge.len() }.text(app.lang);
    app.say(Tone::Info, Msg::Raw(text));
    if matches!(app.mode, Mode::Browse) {
        app.open_conflict(file);
    }
}
