//! Why a site was not built or written: the old site is then left as it was.

use std::path::PathBuf;

use crate::git::GitError;
use crate::i18n::Lang;
use crate::i18n::publish::PublishMsg;
use crate::interchange::ExportError;
use crate::store::LoadError;

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{first} and {second} would both become {page}")]
    Clash { first: PathBuf, second: PathBuf, page: String },
    #[error("two files for {title}: {first} and {second}")]
    SameYearTwice { title: String, first: PathBuf, second: PathBuf },
    #[error("{path} is not a site hyoka wrote")]
    NotASite { path: PathBuf },
    #[error("{path} overlaps the data folder")]
    OverData { path: PathBuf },
    #[error("{path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path}: {error}")]
    Export { path: PathBuf, error: Box<ExportError> },
    #[error("no revision {revision}")]
    Revision { revision: String },
    #[error("{}: the earlier revision does not read", .0.path.display())]
    OldFile(LoadError),
    #[error(transparent)]
    Git(#[from] GitError),
}

impl PublishError {
    /// What happened and what to do, for standard error.
    pub fn describe(&self, lang: Lang) -> String {
        let message = match self {
            PublishError::Clash { first, second, page } => PublishMsg::Clash { first, second, page },
            PublishError::SameYearTwice { title, first, second } => PublishMsg::SameYearTwice { title, first, second },
            PublishError::NotASite { path } => PublishMsg::NotASite { path },
            PublishError::OverData { path } => PublishMsg::OverData { path },
            PublishError::Write { path, source } => PublishMsg::Write { path, why: source.to_string() },
            PublishError::Export { path, error } => PublishMsg::Export { path, why: error.describe(lang) },
            PublishError::Revision { revision } => PublishMsg::Revision { revision },
            PublishError::OldFile(error) => PublishMsg::OldFile { problems: &error.render(lang) },
            PublishError::Git(error) => return error.describe(lang),
        };
        message.text(lang)
    }

    pub(super) fn write(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> PublishError {
        let path = path.into();
        move |source| PublishError::Write { path, source }
    }
}
