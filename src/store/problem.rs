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
        match (self, lang) {
            (ProblemKind::Syntax { detail }, Lang::Ja) => {
                format!("YAMLとして読めません（{detail}）。字下げや「:」の後の空白を確かめてください。")
            }
            (ProblemKind::Syntax { detail }, Lang::En) => {
                format!("this is not valid YAML ({detail}); check the indentation and the space after each ':'.")
            }
            (ProblemKind::UnknownKey { key, allowed }, Lang::Ja) => format!(
                "知らない項目名「{key}」があります。使える項目名は {} です。綴りを直すか、その行を消してください。",
                allowed.join("、")
            ),
            (ProblemKind::UnknownKey { key, allowed }, Lang::En) => format!(
                "unknown key '{key}'; the keys allowed here are {}. Fix the spelling or remove the line.",
                allowed.join(", ")
            ),
            (ProblemKind::MissingField { field }, Lang::Ja) => {
                format!("必要な項目「{field}」がありません。書き足してください。")
            }
            (ProblemKind::MissingField { field }, Lang::En) => {
                format!("the required key '{field}' is missing; add it.")
            }
            (ProblemKind::RatingNotOnScale { mark, allowed }, Lang::Ja) => {
                format!("目標達成度「{mark}」は評価の区分にありません。{} のどれかにしてください。", allowed.join(" "))
            }
            (ProblemKind::RatingNotOnScale { mark, allowed }, Lang::En) => {
                format!("the rating '{mark}' is not on the scale; use one of {}.", allowed.join(" "))
            }
            (ProblemKind::DuplicateDivision { name, first_line }, Lang::Ja) => {
                format!("部「{name}」が二度出てきます（最初は{first_line}行目）。一つにまとめてください。")
            }
            (ProblemKind::DuplicateDivision { name, first_line }, Lang::En) => {
                format!("the division '{name}' appears twice (first on line {first_line}); merge them into one.")
            }
            (ProblemKind::DuplicateSection { division, name, first_line }, Lang::Ja) => {
                format!("{division}に課「{name}」が二度出てきます（最初は{first_line}行目）。一つにまとめてください。")
            }
            (ProblemKind::DuplicateSection { division, name, first_line }, Lang::En) => format!(
                "the section '{name}' appears twice in {division} (first on line {first_line}); merge them into one."
            ),
            (ProblemKind::EmptyName { what }, Lang::Ja) => {
                format!("{}の名前が空です。名前を書いてください。", if *what == "division" { "部" } else { "課" })
            }
            (ProblemKind::EmptyName { what }, Lang::En) => {
                format!("a {what} has an empty name; write its name.")
            }
            (ProblemKind::BadDate { field, value }, Lang::Ja) => format!(
                "「{field}」の日付「{value}」が読めません。{}の形で書いてください。",
                if *field == "updated" { "2008-11-30T17:00:00+09:00" } else { "2008-11-30" }
            ),
            (ProblemKind::BadDate { field, value }, Lang::En) => format!(
                "the date '{value}' in '{field}' cannot be read; write it as {}.",
                if *field == "updated" { "2008-11-30T17:00:00+09:00" } else { "2008-11-30" }
            ),
            (ProblemKind::BadFiscalYear { value }, Lang::Ja) => {
                format!("年度「{value}」は西暦4桁で書いてください（平成20年度なら 2008）。")
            }
            (ProblemKind::BadFiscalYear { value }, Lang::En) => {
                format!("the fiscal year {value} must be a four-digit year (2008 for 平成20年度).")
            }
            (ProblemKind::DuplicateMark { mark }, Lang::Ja) => {
                format!("評価の区分に記号「{mark}」が二度あります。一つにしてください。")
            }
            (ProblemKind::DuplicateMark { mark }, Lang::En) => {
                format!("the mark '{mark}' appears twice in the scale; keep one.")
            }
            (ProblemKind::BadGoalNumber { value }, Lang::Ja) => format!(
                "goals_numbered_from「{value}」は最初の目標の番号です。1～20（①～⑳）にするか、その行を消してください。"
            ),
            (ProblemKind::BadGoalNumber { value }, Lang::En) => format!(
                "goals_numbered_from {value} must be the first goal's number, 1 to 20 (① to ⑳); fix it or remove the line."
            ),
            (ProblemKind::Read { detail }, Lang::Ja) => {
                format!("ファイルを読めません（{detail}）。ファイルの場所と権限を確かめてください。")
            }
            (ProblemKind::Read { detail }, Lang::En) => {
                format!("the file cannot be read ({detail}); check its location and permissions.")
            }
            (ProblemKind::NotUtf8, Lang::Ja) => {
                "文字コードがUTF-8ではありません。UTF-8で保存し直してください。".to_owned()
            }
            (ProblemKind::NotUtf8, Lang::En) => "the file is not UTF-8; save it again as UTF-8.".to_owned(),
            (ProblemKind::TooLarge { bytes, limit }, Lang::Ja) => format!(
                "ファイルが大きすぎます（{} MB）。読み込める大きさは {} MB までです。正しいファイルか確かめてください。",
                bytes / 1_048_576,
                limit / 1_048_576
            ),
            (ProblemKind::TooLarge { bytes, limit }, Lang::En) => format!(
                "the file is too large ({} MB; at most {} MB is read). Check that it is the right file.",
                bytes / 1_048_576,
                limit / 1_048_576
            ),
            (ProblemKind::NotAFile { what }, Lang::Ja) => format!(
                "これはデータファイルではありません（{}）。YAMLファイルを指定してください。",
                match *what {
                    "folder" => "名前が .yaml のフォルダ",
                    "fifo" => "名前付きパイプ",
                    _ => "特殊なファイル",
                }
            ),
            (ProblemKind::NotAFile { what }, Lang::En) => format!(
                "this is not a data file ({}); give a YAML file.",
                match *what {
                    "folder" => "a folder named .yaml",
                    "fifo" => "a named pipe",
                    _ => "a special file",
                }
            ),
            (ProblemKind::LinkOutside { target }, Lang::Ja) => format!(
                "データのフォルダの外（{target}）を指すリンクなので開きません。ファイルをデータのフォルダに置いてください。"
            ),
            (ProblemKind::LinkOutside { target }, Lang::En) => format!(
                "this link points outside the data folder ({target}) and is not opened; put the file in the data folder."
            ),
        }
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
