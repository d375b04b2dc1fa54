//! What import says about the table's rows: sections over several rows, and rows a paste broke.

use super::Location;
use crate::i18n::Lang;
use hyoka_core::tr;

/// A field that rows of one section may each hold a part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowField {
    Progress,
    Reflection,
}

impl RowField {
    pub fn text(self, lang: Lang) -> String {
        match self {
            RowField::Progress => tr!(lang, "取組状況", "progress"),
            RowField::Reflection => tr!(lang, "振り返り", "reflection"),
        }
    }
}

/// Why the rows of a table cannot be read as sections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowMsg {
    /// The same section in two rows whose name cells are not one merged cell.
    SectionTwice { division: String, section: String, first: Location },
    /// A line of one cell under a section row, with more rows after it: the row's last cell holds a
    /// line break that was not quoted.
    BrokenLastCell { text: String },
    /// "①" in the rating cell with no mark after it.
    GoalMarkMissing { label: String },
    /// A lead-in before the goals of a row that continues a section.
    ContinuedIntro { intro: String },
    /// A row of a section over several rows rates its goals with one mark, but has no one goal.
    LoneMarkForGoals { mark: String, goals: usize },
}

impl RowMsg {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            RowMsg::SectionTwice { division, section, first } => {
                let first = first.text(lang);
                tr!(
                    lang,
                    "{division} {section} が二度出てきます（最初は {first}）。一つの課の目標なら、目標を一つのセルに①②と書くか、課名のセルを縦に結合してください（結合した行は一つの課として読みます）。",
                    "{division} {section} appears twice (first at {first}). If these are one section's goals, write them in one cell as ①②, or merge the name cells down (rows under one merged name are one section)."
                )
            }
            RowMsg::BrokenLastCell { text } => tr!(
                lang,
                "この行の最後のセルの中で改行されているようです（次の行「{text}」がその続きに見えます）。そのセルを「\"」で囲んで保存し直すか（表計算ソフトで保存すればそうなります）、xlsx ファイルのまま取り込んでください。",
                "the last cell of this row seems to hold a line break (the next line, '{text}', looks like its rest). Enclose that cell in \" (as a spreadsheet program saves it), or import the .xlsx file itself."
            ),
            RowMsg::GoalMarkMissing { label } => tr!(
                lang,
                "目標達成度の「{label}」の後に評価の記号がありません。目標ごとの評価は「①○ ②◎」の形で書いてください。",
                "the rating cell has '{label}' without a mark after it; rate goals as ①○ ②◎."
            ),
            RowMsg::ContinuedIntro { intro } => tr!(
                lang,
                "続きの行の目標の前に「{intro}」があります。前置きは課の最初の行にだけ書けます。",
                "'{intro}' stands before the goals of a continuing row; a lead-in belongs on the section's first row."
            ),
            RowMsg::LoneMarkForGoals { mark, goals } => tr!(
                lang,
                "この行の目標達成度「{mark}」が、この行の目標（{goals}つ）のどれのものか分かりません。「①○ ②◎」の形で書いてください。",
                "cannot tell which of this row's {goals} goals the rating '{mark}' is for; write it as ①○ ②◎."
            ),
        }
    }
}
