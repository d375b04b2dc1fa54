//! What can go wrong between hyoka and git, with the words for the clerk in `i18n::git`.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::i18n::git::GitErrorMsg;

/// A git step that did not work. `Display` is for logs; [`GitError::describe`] is for people.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git is not on the PATH")]
    NotInstalled,
    #[error("{path} is not inside a git work tree: {detail}")]
    NotAWorkTree { path: PathBuf, detail: String },
    #[error("{path} lies outside the work tree {top}")]
    Outside { path: PathBuf, top: PathBuf },
    #[error("cannot run git: {source}")]
    Spawn { source: std::io::Error },
    #[error("{command} failed ({code:?}): {output}")]
    Failed { command: String, code: Option<i32>, output: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path} is not a readable data file: {detail}")]
    Unreadable { path: PathBuf, detail: String },
    #[error("git cat-file answered something unexpected: {detail}")]
    Protocol { detail: String },
}

impl GitError {
    /// One sentence for the status line or standard error, in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let message = match self {
            GitError::NotInstalled => GitErrorMsg::NotInstalled,
            GitError::NotAWorkTree { path, detail } => GitErrorMsg::NotAWorkTree { path, detail },
            GitError::Outside { path, top } => GitErrorMsg::Outside { path, top },
            GitError::Spawn { source } => GitErrorMsg::Spawn { source: source.to_string() },
            GitError::Failed { command, output, .. } => GitErrorMsg::Failed { command, output },
            GitError::Io { path, source } => GitErrorMsg::Io { path, source: source.to_string() },
            GitError::Unreadable { path, detail } => GitErrorMsg::Unreadable { path, detail },
            GitError::Protocol { detail } => GitErrorMsg::Protocol { detail },
        };
        message.text(lang)
    }

    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> GitError {
        let path = path.into();
        move |source| GitError::Io { path, source }
    }
}
