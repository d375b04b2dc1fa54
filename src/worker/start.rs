//! What the worker finds out when the screen opens, so that the first frame waits for none of it:
//! who is at the keys, the journals hyokas that are gone left behind, and the merges git left for
//! hyoka's conflict dialog.

use std::path::PathBuf;

use super::Env;
use super::journal::Journals;
use crate::app::{Action, Identity, MergesWaiting, Rights};
use crate::i18n::Lang;
use crate::i18n::git::GitMsg;
use crate::i18n::worker::WorkerWords;
use hyoka_data::git::{Git, Repo, mark_resolved, pending_merge, recorded_merges};

/// Who runs hyoka (the real account, through the system's user database: never the environment),
/// and whether the office's settings and a safe reviewers' file name it a reviewer; the commits of
/// a shared work tree are by that account.
pub fn identify(env: &Env) -> Vec<Action> {
    let who = match hyoka_data::identity::current() {
        Ok(who) => who,
        Err(unnamed) => {
            let text = hyoka_data::i18n::office::unnamed(&unnamed, env.lang);
            return vec![Action::Said { text, warning: true }];
        }
    };
    let rights = match &env.rights {
        Some(source) => source.decide(&who, env.lang),
        None => Rights { reviewer: false, ignored: Vec::new() },
    };
    if let Some(commits) = &env.commits {
        let name = if who.full_name.is_empty() { who.login.clone() } else { who.full_name.clone() };
        let author = hyoka_data::git::Author { login: who.login.clone(), name };
        commits.lock().unwrap_or_else(std::sync::PoisonError::into_inner).author_found(author);
    }
    let identity = Identity { user: who.login.clone(), reviewer: rights.reviewer };
    let said = rights.ignored.iter().map(|text| Action::Said { text: text.clone(), warning: true });
    let mut actions: Vec<Action> = said.collect();
    actions.push(Action::Identified(identity));
    *env.identity.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some((who, rights));
    actions
}

/// Opens this hyoka's journal folder (private to the user) and reads what hyokas that are gone
/// left in it, naming those that cannot be read; or says why no journal can be kept.
pub fn open_journals(env: &Env) -> Vec<Action> {
    let Some(dir) = env.journal_dir.clone() else {
        return vec![Action::JournalsFound(Err("HOME / XDG_STATE_HOME".to_owned()))];
    };
    match Journals::open(dir.clone()) {
        Ok(journals) => {
            let unreadable = journals.unreadable().into_iter().map(|(path, why)| {
                let text = WorkerWords::JournalUnreadable { path: path.display().to_string(), why }.text(env.lang);
                Action::Said { text, warning: true }
            });
            let mut actions: Vec<Action> = unreadable.collect();
            actions.push(Action::JournalsFound(Ok(journals.left_behind())));
            *env.journals.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(journals);
            actions
        }
        Err(e) => vec![Action::JournalsFound(Err(format!("{}: {e}", dir.display())))],
    }
}

/// Takes away the temporary files that saves of hyokas now gone left beside the data files.
pub fn sweep_leftovers(folders: &[PathBuf], lang: Lang) -> Vec<Action> {
    let count: usize = folders.iter().map(|f| hyoka_data::store::remove_leftovers(f).len()).sum();
    let text = WorkerWords::LeftoversRemoved { count }.text(lang);
    if count > 0 { vec![Action::Said { text, warning: false }] } else { Vec::new() }
}

/// The files of `files` (canonical paths) whose merge stopped on fields both sides changed, with
/// those fields; a merge already decided by hand in the file is only told to git, and said.
pub fn find_merges(files: &[PathBuf], lang: Lang) -> Action {
    let mut waiting = MergesWaiting::default();
    let Some(git) = Git::find() else { return Action::MergesWaiting(Box::new(waiting)) };
    let Some(first) = files.first() else { return Action::MergesWaiting(Box::new(waiting)) };
    let Ok(repo) = Repo::discover(&git, first) else { return Action::MergesWaiting(Box::new(waiting)) };
    let Ok(recorded) = recorded_merges(&repo) else { return Action::MergesWaiting(Box::new(waiting)) };
    for path in files.iter().filter(|path| recorded.contains(path)) {
        let Ok(Some(pending)) = pending_merge(&repo, path) else { continue };
        if pending.conflicts.is_empty() {
            if let Ok(resolved) = mark_resolved(&repo, path) {
                let (remaining, operation) = (resolved.remaining, resolved.operation);
                waiting.said.push(GitMsg::Resolved { path, remaining: &remaining, operation }.text(lang));
            }
            continue;
        }
        waiting.files.push((path.clone(), pending.conflicts));
    }
    Action::MergesWaiting(Box::new(waiting))
}
