//! The errors of import and export: a catalogue message, and for import the place in the table.

use crate::i18n::Lang;
pub use crate::i18n::interchange::Location;
use crate::i18n::interchange::limits::ExportMsg;
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::summary::WarnMsg;

/// A table that cannot be imported: what is wrong, and where (none for the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problem.text(Lang::En))]
pub struct ImportError {
    pub at: Option<Location>,
    pub problem: ReadMsg,
}

impl ImportError {
    pub(crate) fn at(at: &Location, problem: ReadMsg) -> Self {
        ImportError { at: Some(at.clone()), problem }
    }

    pub(crate) fn whole(problem: ReadMsg) -> Self {
        ImportError { at: None, problem }
    }

    /// What is wrong and what to do, without the place.
    pub fn describe(&self, lang: Lang) -> String {
        self.problem.text(lang)
    }

    /// `path:line:column: message`, or `path: シート 目標, セル B7: message`.
    pub fn render(&self, path: &str, lang: Lang) -> String {
        render(path, self.at.as_ref(), &self.describe(lang), lang)
    }

    /// The 1-based line of a text table the error is on, if it is on one.
    pub fn line(&self) -> Option<usize> {
        match self.at {
            Some(Location::Text { line, .. }) => Some(line),
            _ => None,
        }
    }
}

/// Something read otherwise than it stands, or not written back: every import lists these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub at: Option<Location>,
    pub what: WarnMsg,
}

impl Warning {
    pub fn render(&self, path: &str, lang: Lang) -> String {
        render(path, self.at.as_ref(), &self.what.text(lang), lang)
    }
}

fn render(path: &str, at: Option<&Location>, message: &str, lang: Lang) -> String {
    match at {
        Some(at) => format!("{}: {message}", at.after_path(path, lang)),
        None => format!("{path}: {message}"),
    }
}

/// A document that a format cannot carry, naming the place and what to change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.text(Lang::En))]
pub struct ExportError(pub ExportMsg);

impl ExportError {
    pub fn describe(&self, lang: Lang) -> String {
        self.0.text(lang)
    }
}
