//! What import says about a table's columns: `--columns` itself, and headings it cannot place.

use crate::i18n::Lang;
use hyoka_core::tr;

/// A heading of the header row and the letter of its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub text: String,
    pub letter: String,
}

impl Heading {
    /// "取組内容（C）", or "取組内容 (C)" in English.
    pub fn shown(&self, lang: Lang) -> String {
        let Heading { text, letter } = self;
        tr!(lang, "{text}（{letter}）", "{text} ({letter})")
    }
}

/// The headings of a row, listed in a sentence.
fn listed(headings: &[Heading], lang: Lang) -> String {
    let shown: Vec<String> = headings.iter().map(|h| h.shown(lang)).collect();
    shown.join(&tr!(lang, "、", ", "))
}

/// The header row as found, for a message that shows it and offers a `--columns` mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderHint {
    pub headings: Vec<Heading>,
    /// `goals=組織目標,progress=取組内容,…`: the headings hyoka knows with the others taken in order
    /// for the fields still missing; `None` when nothing is left to offer.
    pub offer: Option<String>,
}

/// A problem with the columns of a table, or with `--columns`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnsMsg {
    PairUnreadable {
        pair: String,
    },
    UnknownField {
        field: String,
    },
    FieldTwice {
        field: &'static str,
    },
    /// A heading `--columns` names that the header row does not have.
    NotInHeader {
        column: String,
        headings: Vec<Heading>,
    },
    /// A heading hyoka does not know, in a header row it found.
    UnknownHeading {
        heading: String,
        hint: HeaderHint,
    },
    /// A row that looks like the header, but without a column for the sections' names.
    HeaderWithoutNames {
        hint: HeaderHint,
    },
}

impl HeaderHint {
    fn text(&self, lang: Lang) -> String {
        let headings = listed(&self.headings, lang);
        let known = tr!(
            lang,
            "見出しは {headings} です。hyoka が読む見出しは 所属等名（または 部・課）、所属等の目標、取組状況、目標達成度、振り返り です。ほかの見出しの表は、どの列が何の欄かを --columns で指定すれば取り込めます（見出しか列の文字 A, B… で。来年の表にも同じ指定が使えます）。",
            "The headings are {headings}. hyoka reads 所属等名 (or 部 and 課), 所属等の目標, 取組状況, 目標達成度 and 振り返り; a table with other headings is read once --columns says which column holds which field (by heading or by letter A, B, …; next year's table takes the same)."
        );
        match &self.offer {
            Some(offer) => known + &tr!(lang, "例: --columns '{offer}'", " For example: --columns '{offer}'"),
            None => known,
        }
    }
}

impl ColumnsMsg {
    pub fn text(&self, lang: Lang) -> String {
        const FIELDS_JA: &str = "name（所属等名）、division（部）、section（課）、goals（目標）、progress（取組状況）、rating（目標達成度）、reflection（振り返り）";
        const FIELDS_EN: &str = "name (所属等名), division (部), section (課), goals, progress, rating and reflection";
        match self {
            ColumnsMsg::PairUnreadable { pair } => tr!(
                lang,
                "--columns の「{pair}」が読めません。「goals=組織目標,rating=F」のように、欄=見出し（または列の文字）をコンマで区切って書いてください。",
                "cannot read '{pair}' in --columns; write field=heading (or column letter) pairs parted by commas, like goals=組織目標,rating=F."
            ),
            ColumnsMsg::UnknownField { field } => tr!(
                lang,
                "--columns の「{field}」は欄の名前ではありません。使えるのは {FIELDS_JA} です。",
                "'{field}' in --columns is no field; the fields are {FIELDS_EN}."
            ),
            ColumnsMsg::FieldTwice { field } => tr!(
                lang,
                "--columns で {field} が二度指定されています。一つにしてください。",
                "--columns names {field} twice; keep one."
            ),
            ColumnsMsg::NotInHeader { column, headings } => {
                let headings = listed(headings, lang);
                tr!(
                    lang,
                    "--columns の見出し「{column}」が見出し行にありません。見出しは {headings} です。見出しをそのまま書くか、列の文字（A, B…）で指定してください。",
                    "the header row has no heading '{column}' that --columns names; its headings are {headings}. Write a heading as it stands, or the column's letter (A, B, …)."
                )
            }
            ColumnsMsg::UnknownHeading { heading, hint } => {
                let first = tr!(
                    lang,
                    "見出し「{heading}」の列が何の欄か分かりません。",
                    "cannot tell which field the column '{heading}' holds. "
                );
                first + &hint.text(lang)
            }
            ColumnsMsg::HeaderWithoutNames { hint } => {
                let first = tr!(
                    lang,
                    "この行が表の見出し行のようですが、所属の列（所属等名、または 部 と 課）が分かりません。",
                    "this row looks like the table's header, but has no column for the sections (所属等名, or 部 and 課). "
                );
                first + &hint.text(lang)
            }
        }
    }
}
