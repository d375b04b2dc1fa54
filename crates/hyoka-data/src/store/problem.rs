//! What can be wrong with a data file, where, and how to say it to a clerk.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
pub use hyoka_core::model::{Expected, Position, ProblemKind};

/// One thing wrong with one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub position: Option<Position>,
    pub kind: ProblemKind,
}

/// Everything wrong with one file: the file is shown as broken and never written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

/// Where the parser saw a value (`None` for what it could not place).
pub(super) fn position(location: &serde_saphyr::Location) -> Option<Position> {
    (location.line() > 0).then(|| Position { line: location.line(), column: location.column() })
}

/// A problem said in the clerk's words (the catalogue is the data layer's, the problem the core's).
pub trait Describe {
    /// What happened and what to do.
    fn describe(&self, lang: Lang) -> String;
}

impl Describe for ProblemKind {
    fn describe(&self, lang: Lang) -> String {
        crate::i18n::store::problem(self, lang)
    }
}

impl Problem {
    pub fn at(position: Option<Position>, kind: ProblemKind) -> Self {
        Problem { position, kind }
    }

    /// `path:line:column: message`, the form editors and CI logs jump to.
    pub fn render(&self, path: &Path, lang: Lang) -> String {
        let mut out = path.display().to_string();
        if let Some(p) = self.position {
            let _ = write!(out, ":{}:{}", p.line, p.column);
        }
        let _ = write!(out, ": {}", self.kind.describe(lang));
        out
    }
}

impl LoadError {
    pub fn render(&self, lang: Lang) -> String {
        self.problems.iter().map(|p| p.render(&self.path, lang)).collect::<Vec<_>>().join("\n")
    }
}
