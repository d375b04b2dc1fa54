//! git after a save, off the screen's thread: the commit of what was saved (when commits are on),
//! and telling git that a file whose merge hyoka's conflict dialog decided is resolved; and, before
//! a file moves to its next stage, whether git keeps the reviews the move clears.

use std::path::Path;

use crate::app::{Action, ReviewsKept};
use crate::i18n::Lang;
use crate::i18n::git::GitMsg;
use hyoka_data::git::{AutoCommit, Git, Repo, mark_resolved};

/// The commit of one saved file, as messages for the screen.
pub fn commit(auto: &mut AutoCommit, path: &Path, text: &str, user: &str, lang: Lang) -> Vec<Action> {
    auto.after_saved(path, text, user, lang)
        .into_iter()
        .filter_map(|report| report.message(lang).map(|text| Action::Said { text, warning: report.is_warning() }))
        .collect()
}

/// Stages the file whose merge conflicts were decided and saved, and says what git waits for.
pub fn resolve(path: &Path, lang: Lang) -> Action {
    let outcome = Git::find()
        .ok_or(hyoka_data::git::GitError::NotInstalled)
        .and_then(|git| Repo::discover(&git, path))
        .and_then(|repo| mark_resolved(&repo, path));
    match outcome {
        Ok(resolved) => Action::Said {
            text: GitMsg::Resolved { path, remaining: &resolved.remaining, operation: resolved.operation }.text(lang),
            warning: false,
        },
        Err(e) => Action::Said { text: GitMsg::CommitFailed { why: &e.describe(lang) }.text(lang), warning: true },
    }
}

/// Where the reviews of `path` are kept once the move to the next stage clears them from it.
pub fn reviews_kept(path: &Path) -> ReviewsKept {
    let Some(git) = Git::find() else { return ReviewsKept::NoGit };
    let Ok(repo) = Repo::discover(&git, path) else { return ReviewsKept::NoRepository };
    match repo.committed(path) {
        Ok(true) => ReviewsKept::Committed,
        Ok(false) | Err(_) => ReviewsKept::Uncommitted,
    }
}
