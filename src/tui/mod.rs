//! The screen: the journals left by hyokas that are gone, the terminal, and the event loop that
//! feeds `update` and the worker.

pub mod backend;
mod event_loop;
mod shown;
mod terminal;
mod watchdog;

use std::path::PathBuf;

use crate::app::{App, FileEntry, Tone, keymap::Keymap};
use crate::i18n::Lang;
use crate::i18n::app::Msg;
use crate::worker::{Env, Journals, journal_dir};
use hyoka_data::config::AmbiguousSetting;

/// What the screen is opened with, from the command line and the settings file.
pub struct Options {
    pub lang: Lang,
    pub ambiguous: AmbiguousSetting,
    pub read_only: bool,
    pub keymap: Keymap,
    /// Commit each save to git.
    pub commit: bool,
    /// The office commits every save (a shared work tree): exactly what each save wrote, by `author`.
    pub shared_commits: bool,
    pub author: hyoka_data::git::Author,
    /// What the clerk must hear at once (settings that could not be read).
    pub notices: Vec<String>,
    /// The data folder or file as given, where a reviewer writes nothing.
    pub data_root: Option<std::path::PathBuf>,
    /// Who runs hyoka and whether they may review, as decided at start and where it is looked at
    /// again (see `worker::rights`); and the calendar of dates.
    pub rights: (crate::worker::rights::RightsSource, crate::app::Rights),
    pub calendar: crate::i18n::cycle::Calendar,
}

/// Opens the screen on the files; returns the signal that ended it, or 0 when the user quit.
pub fn open(files: Vec<FileEntry>, options: Options) -> std::io::Result<i32> {
    let mut app = App::new(files, options.lang);
    app.read_only = options.read_only;
    // Reviewers are shown no editing key (the keys still say that nothing can be changed).
    app.keymap = if options.read_only { options.keymap.for_reviewers() } else { options.keymap };
    app.data_root = options.data_root;
    app.calendar = options.calendar;
    let (source, rights) = options.rights;
    app.user = source.identity.login.clone();
    app.reviewer = rights.reviewer;
    for ignored in &rights.ignored {
        app.say(Tone::Error, Msg::Raw(ignored.clone()));
    }
    app.export_dir = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(EXPORTS));
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    for notice in &options.notices {
        app.say(Tone::Error, Msg::Raw(notice.clone()));
    }
    // Reviewers write nothing, not even a journal.
    let journals = if options.read_only { None } else { Some(open_journals()) };
    match &journals {
        Some(Ok(journals)) => {
            let found = journals.find(&app.files);
            crate::app::open_recovery(&mut app, found);
        }
        // Without a journal a dropped link loses what was typed since the last save: said at once.
        Some(Err(why)) => app.say(Tone::Error, Msg::NoJournal { why: why.clone() }),
        None => {}
    }
    let journals = journals.and_then(Result::ok);
    if !options.read_only {
        git_merges_waiting(&mut app);
    }
    let mut env = Env::new(options.lang, journals);
    env.rights = Some((source, rights));
    if options.commit && !options.read_only {
        let mut commits = hyoka_data::git::AutoCommit::new();
        if options.shared_commits {
            commits = commits.shared(options.author.clone());
        }
        env.commits = Some(std::sync::Arc::new(std::sync::Mutex::new(commits)));
    }
    event_loop::run(&mut app, &env, options.ambiguous)
}

/// The folder in the user's home where exports go unless another is typed.
const EXPORTS: &str = "hyoka-exports";

/// This hyoka's journal folder, or why there is none.
fn open_journals() -> Result<Journals, String> {
    let dir = journal_dir().ok_or_else(|| "HOME / XDG_STATE_HOME".to_owned())?;
    Journals::open(dir.clone()).map_err(|e| format!("{}: {e}", dir.display()))
}

/// A `git merge` or `git pull` that stopped on fields both sides changed left them for hyoka
/// (recorded by its merge driver): they are asked at once, in the conflict dialog.
fn git_merges_waiting(app: &mut App) {
    use hyoka_data::git::{Git, Repo, pending_merge, recorded_merges};
    let Some(git) = Git::find() else { return };
    let Some(first) = app.files.first().map(|f| f.canonical.clone()) else { return };
    let Ok(repo) = Repo::discover(&git, &first) else { return };
    let Ok(recorded) = recorded_merges(&repo) else { return };
    let mut asked = None;
    let mut said = Vec::new();
    let lang = app.lang;
    for (index, entry) in app.files.iter_mut().enumerate() {
        if !recorded.contains(&entry.canonical) {
            continue;
        }
        if let Ok(Some(waiting)) = pending_merge(&repo, &entry.canonical) {
            if waiting.conflicts.is_empty() {
                // Decided by hand in the file already: only git has to hear of it.
                if let Ok(resolved) = hyoka_data::git::mark_resolved(&repo, &entry.canonical) {
                    let path = entry.path.clone();
                    let (remaining, operation) = (resolved.remaining, resolved.operation);
                    said.push(
                        crate::i18n::git::GitMsg::Resolved { path: &path, remaining: &remaining, operation }.text(lang),
                    );
                }
                continue;
            }
            entry.merge = waiting.conflicts;
            asked.get_or_insert((index, entry.path.clone(), entry.merge.len()));
        }
    }
    for text in said {
        app.say(Tone::Info, Msg::Raw(text));
    }
    if let Some((file, path, count)) = asked {
        let text = crate::i18n::git::GitMsg::MergeWaiting { path: &path, count }.text(app.lang);
        app.say(Tone::Info, Msg::Raw(text));
        if matches!(app.mode, crate::app::Mode::Browse) {
            app.open_conflict(file);
        }
    }
}
