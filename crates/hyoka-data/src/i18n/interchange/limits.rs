//! Why a document cannot be written in a table format, with what to change: the export's refusals.

use chrono::NaiveDate;

use super::Location;
use super::place::PlaceMsg;
use super::read::ReadMsg;
use crate::i18n::Lang;
use hyoka_core::model::fiscal_year_label;
use hyoka_core::tr;

/// Why a text cannot go into the table; texts arrive with control characters made visible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flaw {
    EdgeSpace,
    Tab,
    Control(char),
    LineBreak,
    BreakNotBeforeBullet,
    SpaceBeforeBullet,
    Circled(char),
    EmptyName,
    DivisionSpace,
    DuplicateDivision,
    DuplicateSection,
    EmptyDivision,
    EmptyGoal,
    IntroWithoutGoals,
    TooManyGoals,
    PrefaceStart,
    PrefaceNames { says: String, is: String },
    NotesStart,
    NameLikeNote,
    EmptyScale,
    LegendMark(String),
    LegendLabel(String),
    CheckpointOutside { date: NaiveDate, fiscal_year: i32 },
    RatingNotOnScale(String),
    NotReadBack,
}

/// A document a format cannot carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportMsg {
    Refused {
        place: PlaceMsg,
        flaw: Flaw,
    },
    /// The written table did not read back: where, and the reader's own message.
    NotReadBack {
        at: Option<Location>,
        problem: ReadMsg,
    },
    XlsxBuild {
        detail: String,
    },
}

impl ExportMsg {
    /// The refusal said beside the section it is about: its place only as the part of the section
    /// ("目標2が空です。", "振り返り: 「・」で始まらない行があります。…").
    pub fn text_in_section(&self, lang: Lang) -> String {
        match self {
            ExportMsg::Refused { place: PlaceMsg::Section { part, .. }, flaw } => joined(&part.text(lang), flaw, lang),
            other => other.text(lang),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            ExportMsg::Refused { place, flaw } => joined(&place.text(lang), flaw, lang),
            ExportMsg::NotReadBack { at, problem } => {
                let place = at.as_ref().map(|at| at.text(lang) + ": ").unwrap_or_default();
                let detail = problem.text(lang);
                tr!(
                    lang,
                    "書き出した表を読み戻すと誤りになります（{place}{detail}）。この文書は表の形式では書き出せません。--format csv / html / md を使ってください。",
                    "the written table does not read back ({place}{detail}); this document cannot be written as the table. Use --format csv, html or md."
                )
            }
            ExportMsg::XlsxBuild { detail } => tr!(
                lang,
                "Excel ファイルを作れません（{detail}）。一つの欄は32767文字までです。長すぎる欄を短くしてください。",
                "cannot build the Excel file ({detail}); a cell holds at most 32767 characters, so shorten long fields."
            ),
        }
    }
}

/// A place and what is wrong there: some flaws go on from the place ("…の目標2が空です"), the
/// others follow a colon.
fn joined(place: &str, flaw: &Flaw, lang: Lang) -> String {
    let flaw_text = flaw.text(lang);
    match (flaw.continues_the_place(), lang) {
        (true, Lang::Ja) => format!("{place}{flaw_text}。"),
        (true, Lang::En) => format!("{place} {flaw_text}."),
        (false, Lang::Ja) => format!("{place}: {flaw_text}。"),
        (false, Lang::En) => format!("{place}: {flaw_text}."),
    }
}

impl Flaw {
    fn continues_the_place(&self) -> bool {
        !matches!(
            self,
            Flaw::EdgeSpace
                | Flaw::Tab
                | Flaw::Control(_)
                | Flaw::LineBreak
                | Flaw::BreakNotBeforeBullet
                | Flaw::SpaceBeforeBullet
                | Flaw::Circled(_)
                | Flaw::DivisionSpace
                | Flaw::CheckpointOutside { .. }
                | Flaw::RatingNotOnScale(_)
        )
    }

    fn text(&self, lang: Lang) -> String {
        match self {
            Flaw::EdgeSpace => tr!(
                lang,
                "先頭か末尾（または改行の前）に空白があります。表では消えてしまうので、取り除いてください",
                "begins or ends (or has a line ending) with a space, which the table drops; remove it"
            ),
            Flaw::Tab => tr!(
                lang,
                "タブ文字があります。表ではタブが列の区切りになるので、空白に置き換えてください",
                "contains a tab, which separates the table's columns; replace it with a space"
            ),
            Flaw::Control(c) => {
                let point = super::code_point(*c);
                tr!(
                    lang,
                    "制御文字 {point} があります。端末や表計算ソフトを乱すので、消してください",
                    "contains the control character {point}; remove it"
                )
            }
            Flaw::LineBreak => tr!(
                lang,
                "改行があります。表ではここは1行なので、改行を消してください",
                "contains a line break, but the table holds it on one line; remove the break"
            ),
            Flaw::BreakNotBeforeBullet => tr!(
                lang,
                "「・」で始まらない行があります。表では改行を「・」の前にしか書けないので、行頭に「・」を付けるか前の行とつなげてください",
                "has a line not starting with ・; the table breaks lines only before a ・ bullet, so start the line with ・ or join it to the previous one"
            ),
            Flaw::SpaceBeforeBullet => tr!(
                lang,
                "「・」の直前に空白があります。表から読み戻すと改行になるので、空白を消してください",
                "has a space right before ・, which would come back as a line break; remove the space"
            ),
            Flaw::Circled(c) => tr!(
                lang,
                "丸数字「{c}」があります。表では丸数字で目標を区切るので、(1) のように書き換えてください",
                "contains {c}; the table splits goals at circled numbers, so write (1) instead"
            ),
            Flaw::EmptyName => tr!(lang, "が空です。名前を書いてください", "is empty; write the name"),
            Flaw::DivisionSpace => tr!(
                lang,
                "名前に空白があります。表では「部 課」を最初の空白で分けるので、空白を消してください",
                "contains a space; the table splits '部 課' at the first space, so remove it"
            ),
            Flaw::DuplicateDivision => tr!(
                lang,
                "が二度出てきます。表では一つにまとまってしまうので、一つにまとめてください",
                "appears twice; the table would merge the two, so merge them into one"
            ),
            Flaw::DuplicateSection => {
                tr!(
                    lang,
                    "が同じ部に二度出てきます。一つにまとめてください",
                    "appears twice in its division; merge them into one"
                )
            }
            Flaw::EmptyDivision => tr!(
                lang,
                "に課が一つもありません。表には部だけの行がないので、課を加えるか部を消してください",
                "has no sections, and the table has no row for a division alone; add a section or remove the division"
            ),
            Flaw::EmptyGoal => {
                tr!(lang, "が空です。書き込むか、目標を消してください", "is empty; write it or remove the goal")
            }
            Flaw::IntroWithoutGoals => tr!(
                lang,
                "だけがあり、目標がありません。表では前置きが目標として読み戻されるので、目標を書き足してください",
                "has no goals after it; the table would read it back as a goal, so add a goal"
            ),
            Flaw::TooManyGoals => tr!(
                lang,
                "が⑳を超えます。表の丸数字は⑳までなので、目標をまとめてください",
                "would be numbered past ⑳, where circled numbers end; merge some"
            ),
            Flaw::PrefaceStart => tr!(
                lang,
                "が「～」で始まっていません。表では「～…～」の行を前書きとして読むので、前後を「～」で囲んでください",
                "does not start with ～; the table recognises the preface as a line ～…～, so enclose it in ～"
            ),
            Flaw::PrefaceNames { says, is } => tr!(
                lang,
                "は「{says}」と書いていますが、文書は「{is}」です。表からは前書きの方が読み戻されるので、どちらかを直してください",
                "says '{says}' but the document is '{is}'; the table would read back the preface's, so correct one of them"
            ),
            Flaw::NotesStart => tr!(
                lang,
                "が「※」で始まっていません。表の下の行は「※」（または「注」「備考」）で始まるものだけが注記として読み戻されるので、先頭に「※」を付けてください",
                "does not start with ※; only lines starting with ※ (or 注, 備考) under the table read back as notes, so start it with ※"
            ),
            Flaw::NameLikeNote => tr!(
                lang,
                "は名前だけの行になり、「※」「注」などで始まるので表の下の注記と区別できません。名前を変えるか、どれかの欄を書いてください",
                "would be a row of its name alone, starting like a note (※, 注, …), which the table cannot tell from a note; rename it or write one of its fields"
            ),
            Flaw::EmptyScale => {
                tr!(
                    lang,
                    "に区分がありません。区分を書くか、scale の行を消してください",
                    "has no grades; list them or remove the scale key"
                )
            }
            Flaw::LegendMark(mark) => tr!(
                lang,
                "の記号「{mark}」は表に書けません。空白・かっこ・「：」「‥」「＝」「、」などを含まない8文字までの記号か言葉にしてください",
                "mark '{mark}' cannot be written; use a symbol or a word of up to eight characters without spaces, brackets, ：, ‥, ＝, 、 and the like"
            ),
            Flaw::LegendLabel(label) => tr!(
                lang,
                "の説明「{label}」は表に書けません。「」」を含まず「。」で終わらない1行にしてください",
                "label '{label}' cannot be written; use one line without 」 that does not end in 。"
            ),
            Flaw::CheckpointOutside { date, fiscal_year } => {
                let (label, next) = (fiscal_year_label(*fiscal_year), i64::from(*fiscal_year) + 1);
                tr!(
                    lang,
                    "{date} が{label}（{fiscal_year}年4月～{next}年3月）の外です。表の見出しは月日しか書けないので、年度内の日付にしてください",
                    "{date} lies outside fiscal {fiscal_year} (April {fiscal_year} to March {next}), and the table's header gives only month and day; use a date within the fiscal year"
                )
            }
            Flaw::RatingNotOnScale(mark) => tr!(
                lang,
                "「{mark}」は凡例にありません。凡例の記号にしてください",
                "'{mark}' is not on the scale; use one of its marks"
            ),
            Flaw::NotReadBack => tr!(
                lang,
                "が表から同じ形で読み戻せません。簡単な形に直すか、--format csv / html / md で書き出してください",
                "would not come back the same from the table; simplify it, or use --format csv, html or md"
            ),
        }
    }
}
