//! The worker's side of commit on save: after each save, commit what it wrote, or say why not — once.

use std::path::{Path, PathBuf};

use super::commit::{CommitOutcome, commit_files, message_for};
use super::error::GitError;
use super::repo::Repo;
use super::run::Git;
use crate::i18n::Lang;
use crate::i18n::git::GitMsg;

/// Commit on save for one hyoka session: keeps whether "commits are off" was said already.
#[derive(Debug)]
pub struct AutoCommit {
    git: Option<Git>,
    off_said: bool,
    /// A work tree the office shares: each commit holds exactly what its save wrote, by this author.
    shared: Option<super::exact::Author>,
    /// The office shares the work tree; the author is known once the account is looked up.
    sharing: bool,
}

/// What the screen learns after a save.
#[derive(Debug)]
pub enum CommitReport {
    /// A commit was tried in the work tree at `top`.
    Done { top: PathBuf, outcome: CommitOutcome },
    /// No git, or the files are in no work tree: commits are off. `first` is true once per session.
    Off { why: GitError, first: bool },
    /// git failed in a way the user must look at (the save itself stands).
    Failed(GitError),
}

impl AutoCommit {
    /// With git from the PATH.
    pub fn new() -> AutoCommit {
        AutoCommit::with_git(Git::find())
    }

    /// With a given git (tests), or none.
    pub fn with_git(git: Option<Git>) -> AutoCommit {
        AutoCommit { git, off_said: false, shared: None, sharing: false }
    }

    /// Commits as the office's setting asks in a shared work tree: exactly the bytes each save
    /// wrote, by the account that saved.
    pub fn shared(mut self, author: super::exact::Author) -> AutoCommit {
        self.shared = Some(author);
        self.sharing = true;
        self
    }

    /// Commits as in [`AutoCommit::shared`], by the account that runs hyoka once it is known.
    pub fn sharing(mut self) -> AutoCommit {
        self.sharing = true;
        self
    }

    /// The account that runs hyoka was looked up: the author of a shared work tree's commits.
    pub fn author_found(&mut self, author: super::exact::Author) {
        if self.sharing {
            self.shared = Some(author);
        }
    }

    /// After one save of `path` that wrote `text`: in a shared work tree exactly that, otherwise
    /// as [`AutoCommit::after_save`].
    pub fn after_saved(&mut self, path: &Path, text: &str, login: &str, lang: Lang) -> Vec<CommitReport> {
        let (Some(author), Some(git)) = (self.shared.clone(), self.git.clone()) else {
            return self.after_save(&[path.to_path_buf()], login, lang);
        };
        match Repo::discover(&git, path) {
            Ok(repo) => vec![match super::exact::commit_exact(&repo, path, text.as_bytes(), &author, lang) {
                Ok(outcome) => CommitReport::Done { top: repo.top().to_path_buf(), outcome },
                Err(e) => CommitReport::Failed(e),
            }],
            Err(why @ GitError::NotAWorkTree { .. }) => vec![self.off(why)],
            Err(other) => vec![CommitReport::Failed(other)],
        }
    }

    /// Commits the files one save wrote (one commit per work tree), `login` being the author when
    /// git has no identity. Called by the worker after a successful save, off the screen's thread.
    pub fn after_save(&mut self, paths: &[PathBuf], login: &str, lang: Lang) -> Vec<CommitReport> {
        let Some(git) = self.git.clone() else {
            return vec![self.off(GitError::NotInstalled)];
        };
        let mut groups: Vec<(Repo, Vec<PathBuf>)> = Vec::new();
        let mut reports = Vec::new();
        for path in paths {
            match Repo::discover(&git, path) {
                Ok(repo) => match groups.iter_mut().find(|(r, _)| r.top() == repo.top()) {
                    Some((_, files)) => files.push(path.clone()),
                    None => groups.push((repo, vec![path.clone()])),
                },
                Err(why @ GitError::NotAWorkTree { .. }) => reports.push(self.off(why)),
                Err(other) => reports.push(CommitReport::Failed(other)),
            }
        }
        for (repo, files) in groups {
            reports.push(match commit_saved(&repo, &files, login, lang) {
                Ok(outcome) => CommitReport::Done { top: repo.top().to_path_buf(), outcome },
                Err(e) => CommitReport::Failed(e),
            });
        }
        reports
    }

    fn off(&mut self, why: GitError) -> CommitReport {
        let first = !self.off_said;
        self.off_said = true;
        CommitReport::Off { why, first }
    }
}

impl Default for AutoCommit {
    fn default() -> Self {
        AutoCommit::new()
    }
}

/// Commits `files` of one work tree with a message saying what changed since `HEAD`.
pub fn commit_saved(repo: &Repo, files: &[PathBuf], login: &str, lang: Lang) -> Result<CommitOutcome, GitError> {
    match message_for(repo, files, lang)? {
        Some(message) => commit_files(repo, files, &message, login),
        // Only stamps or layout changed: still worth a commit, so that the work tree is clean.
        None => commit_files(repo, files, &GitMsg::LayoutOnly { files: &names(files) }.text(lang), login),
    }
}

fn names(files: &[PathBuf]) -> String {
    files
        .iter()
        .filter_map(|f| f.file_name().map(Path::new))
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl CommitReport {
    /// What the status line says, or nothing (commits off, said before; nothing to commit).
    pub fn message(&self, lang: Lang) -> Option<String> {
        let text = match self {
            CommitReport::Done { outcome: CommitOutcome::Committed { id, subject, detached: false }, .. } => {
                GitMsg::Committed { id: id.get(..7).unwrap_or(id), subject }.text(lang)
            }
            CommitReport::Done { outcome: CommitOutcome::Committed { id, subject, detached: true }, .. } => {
                GitMsg::CommittedDetached { id: id.get(..7).unwrap_or(id), subject }.text(lang)
            }
            CommitReport::Done { outcome: CommitOutcome::NothingToCommit, .. } => return None,
            CommitReport::Done { outcome: CommitOutcome::HookRefused { output }, .. } => {
                GitMsg::HookRefused { output }.text(lang)
            }
            CommitReport::Done { outcome: CommitOutcome::Busy(operation), .. } => {
                GitMsg::Busy { operation: *operation }.text(lang)
            }
            CommitReport::Off { first: false, .. } => return None,
            CommitReport::Off { why, first: true } => GitMsg::CommitsOff { why: &why.describe(lang) }.text(lang),
            CommitReport::Failed(e) => GitMsg::CommitFailed { why: &e.describe(lang) }.text(lang),
        };
        Some(text)
    }

    /// Whether the message is a warning (the save stands, but the commit did not happen).
    pub fn is_warning(&self) -> bool {
        match self {
            CommitReport::Done { outcome, .. } => matches!(
                outcome,
                CommitOutcome::HookRefused { .. }
                    | CommitOutcome::Busy(_)
                    | CommitOutcome::Committed { detached: true, .. }
            ),
            CommitReport::Off { .. } => false,
            CommitReport::Failed(_) => true,
        }
    }
}
