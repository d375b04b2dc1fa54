//! What can be wrong with a data file, where, and how to say it to a clerk.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;

/// A place in a file, 1-based, counted in characters as editors show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The YAML itself does not parse; `detail` is the parser's own (English) wording.
    Syntax {
        detail: String,
    },
    /// A tab where YAML wants spaces (indentation, or before a value).
    Tab,
    /// A quoted text whose closing quote is missing.
    UnclosedQuote,
    /// A character a YAML file may not hold raw (a control character, U+FFFE, U+FFFF).
    ForbiddenCharacter {
        code: u32,
    },
    /// The same key twice in one mapping.
    DuplicateKey {
        key: Option<String>,
    },
    /// A `---` followed by a second document.
    SeveralDocuments,
    /// A value of the wrong kind: a list where text belongs, a number too large, …
    WrongType {
        expected: Expected,
    },
    /// An alias (`*name`) whose anchor (`&name`) is nowhere.
    UnknownAnchor,
    /// Too many or too deeply nested aliases, or nesting too deep: refused before it eats memory.
    TooComplex,
    UnknownKey {
        key: String,
        allowed: Vec<String>,
    },
    MissingField {
        field: String,
    },
    RatingNotOnScale {
        mark: String,
        allowed: Vec<String>,
    },
    DuplicateDivision {
        name: String,
        first_line: u64,
    },
    DuplicateSection {
        division: String,
        name: String,
        first_line: u64,
    },
    EmptyName {
        what: &'static str,
    },
    BadDate {
        field: &'static str,
        value: String,
    },
    BadFiscalYear {
        value: i64,
    },
    DuplicateMark {
        mark: String,
    },
    /// `goals_numbered_from` is not a circled number ①–⑳.
    BadGoalNumber {
        value: i64,
    },
    /// `stage:` is none of goals, midyear, yearend, published.
    BadStage {
        value: String,
    },
    /// `status:` is none of draft, submitted, approved, returned.
    BadStatus {
        value: String,
    },
    /// An approved or returned section without the `review:` that says by whom.
    NoReview {
        status: crate::model::Status,
    },
    /// A `review:` on a section that was never submitted (no `status:`, or `draft`).
    ReviewOfDraft {
        section: String,
    },
    /// `status: returned` whose review gives no comment.
    ReturnedWithoutComment,
    Read {
        detail: String,
    },
    NotUtf8,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// "folder", "fifo" or "special": a path named like a data file that is not a plain file.
    NotAFile {
        what: &'static str,
    },
    LinkOutside {
        target: String,
    },
    /// Written out and read back, a value would not be the same (a save refuses it).
    NotKept,
}

/// What a value should have been, in words a clerk knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// One value on its line, not a list (`[`, `- `) or a mapping (`{`, `key:`).
    Value,
    Number,
    Text,
    List,
    Mapping,
    Other,
}

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

impl ProblemKind {
    /// What happened and what to do, in the clerk's words.
    pub fn describe(&self, lang: Lang) -> String {
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
