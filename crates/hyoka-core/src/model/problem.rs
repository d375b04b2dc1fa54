//! What can be wrong with a data file and where: plain data, said to the clerk by the store's part
//! of the catalogue (`i18n::store`), found by the store's reader.

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
    /// A line indented with full-width spaces (U+3000), which YAML takes for text, not indentation.
    FullWidthIndent,
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
    /// A value of the file's head someone else changed to another value meanwhile (a save
    /// refuses it once, so that a person sees it).
    BothChanged,
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
