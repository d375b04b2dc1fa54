//! What `hyoka import` says about a table it cannot read: the file, its layout, its cells.

use super::columns::ColumnsMsg;
use super::rows::RowMsg;
use super::spelled;
use crate::i18n::Lang;
use hyoka_core::tr;

/// What to suggest when a file is not UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodingHint {
    None,
    /// The bytes read cleanly as CP932; `first_line` is how the first line reads then.
    Cp932 {
        first_line: String,
    },
    /// NUL bytes: UTF-16 saved without its byte-order mark.
    Utf16,
}

/// Why a table cannot be imported; the place (line and column, or sheet and cell) goes with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadMsg {
    TooLarge {
        megabytes: u64,
        limit: u64,
    },
    NotUtf8 {
        line: usize,
        column: usize,
        hint: EncodingHint,
    },
    Malformed {
        encoding: &'static str,
        line: usize,
        column: usize,
    },
    BomDisagrees {
        bom: &'static str,
        asked: &'static str,
    },
    Cp932ButUtf8,
    NotReadable {
        extension: String,
    },
    ZipAsText,
    UnclosedQuote,
    TextAfterQuote,
    WorkbookUnreadable {
        detail: String,
    },
    NoSheet,
    SheetNotFound {
        name: String,
        sheets: Vec<String>,
    },
    NoTableInWorkbook {
        sheets: Vec<String>,
    },
    NoHeader {
        other_delimiter: Option<&'static str>,
    },
    UnknownBeforeTable {
        text: String,
    },
    /// A line that starts like a legend entry (or stands under a legend heading) but cannot be read.
    LegendUnreadable {
        text: String,
    },
    /// A legend whose marks are words, with no 凡例 heading above it to say it is one.
    LegendNeedsHeading {
        text: String,
    },
    NoNameColumn,
    /// Boxed, as are the rows': a table's error is passed back through every reader.
    Columns(Box<ColumnsMsg>),
    Rows(Box<RowMsg>),
    DuplicateColumn {
        heading: String,
    },
    CellCount {
        found: usize,
        expected: usize,
        preview: String,
    },
    NotNameOrNote {
        text: String,
    },
    AfterNotes,
    MergedAcross {
        range: String,
    },
    NameSplit {
        name: String,
    },
    NoDivision,
    EmptyName,
    UnknownRating {
        mark: String,
        allowed: Vec<String>,
    },
    GoalRatingWithoutGoal {
        label: String,
        goals: usize,
    },
    DuplicateMark {
        mark: String,
    },
    GoalNumbersOutOfOrder {
        numbers: String,
    },
    EmptyGoal {
        number: String,
    },
    CircledPast20 {
        number: char,
    },
    NoFiscalYear,
    NoOrganization,
    YearOutOfRange {
        year: i64,
    },
    CheckpointUnreadable {
        phrase: String,
    },
    CheckpointOutside {
        phrase: String,
        fiscal_year: String,
    },
}

impl From<ColumnsMsg> for ReadMsg {
    fn from(msg: ColumnsMsg) -> Self {
        ReadMsg::Columns(Box::new(msg))
    }
}

impl From<RowMsg> for ReadMsg {
    fn from(msg: RowMsg) -> Self {
        ReadMsg::Rows(Box::new(msg))
    }
}

impl ReadMsg {
    /// The problem with the table's columns, if that is what this is.
    pub fn columns(&self) -> Option<&ColumnsMsg> {
        match self {
            ReadMsg::Columns(msg) => Some(msg),
            _ => None,
        }
    }

    /// The problem with the table's rows, if that is what this is.
    pub fn rows(&self) -> Option<&RowMsg> {
        match self {
            ReadMsg::Rows(msg) => Some(msg),
            _ => None,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            ReadMsg::TooLarge { megabytes, limit } => tr!(
                lang,
                "ファイルが大きすぎます（{megabytes} MB）。取り込める表は {limit} MB までです。正しいファイルか確かめてください。",
                "the file is too large ({megabytes} MB; a table may have at most {limit} MB). Check that it is the right file."
            ),
            ReadMsg::NotUtf8 { line, column, hint } => {
                let first = tr!(
                    lang,
                    "UTF-8 として読めません（{line}行目 {column}文字目）。",
                    "this is not UTF-8 (line {line}, character {column})."
                );
                let then = match hint {
                    EncodingHint::Cp932 { first_line } => tr!(
                        lang,
                        "Excel の「CSV」や「テキスト（タブ区切り）」で保存した表（Shift_JIS）なら、--encoding cp932 を付けてください（そう読むと1行目は「{first_line}」です）。",
                        "A table Excel saved as \"CSV\" or \"Text (Tab delimited)\" is Shift_JIS: add --encoding cp932 (the first line then reads '{first_line}')."
                    ),
                    EncodingHint::Utf16 => tr!(
                        lang,
                        "UTF-16 で保存した表のようです。--encoding utf-16le を付けてください。",
                        "It looks like UTF-16: add --encoding utf-16le."
                    ),
                    EncodingHint::None => tr!(
                        lang,
                        "保存したときの文字コードを --encoding（utf-8, utf-16le, utf-16be, cp932）で指定してください。",
                        "Give the encoding it was saved in with --encoding (utf-8, utf-16le, utf-16be, cp932)."
                    ),
                };
                first + &then
            }
            ReadMsg::Malformed { encoding, line, column } => tr!(
                lang,
                "{encoding} として読めないバイトがあります（{line}行目 {column}文字目）。保存したときの文字コードを --encoding（utf-8, utf-16le, utf-16be, cp932）で指定してください。",
                "bytes that are not {encoding} (line {line}, character {column}); give the encoding it was saved in with --encoding (utf-8, utf-16le, utf-16be, cp932)."
            ),
            ReadMsg::BomDisagrees { bom, asked } => tr!(
                lang,
                "ファイルの先頭に {bom} の印（BOM）がありますが、--encoding {asked} が指定されました。--encoding を外してください。",
                "the file starts with a {bom} byte-order mark, but --encoding {asked} was given; leave --encoding out."
            ),
            ReadMsg::Cp932ButUtf8 => tr!(
                lang,
                "--encoding cp932 が指定されましたが、このファイルは UTF-8 です。--encoding を外してください。",
                "--encoding cp932 was given, but the file is UTF-8; leave --encoding out."
            ),
            ReadMsg::NotReadable { extension } => tr!(
                lang,
                "「.{extension}」の形式は読めません。表計算ソフトで「Excel ブック (.xlsx)」か「CSV UTF-8」として保存し直してください。",
                "cannot read the .{extension} format; save it again as an Excel workbook (.xlsx) or as CSV UTF-8."
            ),
            ReadMsg::ZipAsText => tr!(
                lang,
                "このファイルは Excel ブック（.xlsx）です。--format xlsx を付けるか、拡張子を .xlsx にしてください。",
                "this file is an Excel workbook (.xlsx); add --format xlsx or give it the .xlsx extension."
            ),
            ReadMsg::UnclosedQuote => tr!(
                lang,
                "「\"」で始まったセルが閉じられていません。セルの中の「\"」は「\"\"」と二つ重ねるか、表計算ソフトで保存し直してください。",
                "a cell starting with \" is never closed; double each \" inside a cell (\"\"), or save the table again from the spreadsheet."
            ),
            ReadMsg::TextAfterQuote => tr!(
                lang,
                "「\"」で閉じたセルの後に文字が続いています。セルの中の「\"」は「\"\"」と二つ重ねるか、表計算ソフトで保存し直してください。",
                "text follows the closing \" of a cell; double each \" inside a cell (\"\"), or save the table again from the spreadsheet."
            ),
            ReadMsg::WorkbookUnreadable { detail } => tr!(
                lang,
                "Excel（.xlsx）ファイルとして読めません（{detail}）。Excel で「.xlsx」形式で保存し直してください。",
                "cannot read it as an Excel (.xlsx) file ({detail}); save it again in .xlsx format."
            ),
            ReadMsg::NoSheet => tr!(lang, "シートがありません。", "the workbook has no sheet."),
            ReadMsg::SheetNotFound { name, sheets } => {
                let (ja, en) = (sheets.join("、"), sheets.join(", "));
                tr!(
                    lang,
                    "シート「{name}」がありません。あるのは {ja} です。--sheet で指定し直してください。",
                    "there is no sheet '{name}'; the sheets are {en}. Give one of them with --sheet."
                )
            }
            ReadMsg::NoTableInWorkbook { sheets } => {
                let (ja, en) = (sheets.join("、"), sheets.join(", "));
                tr!(
                    lang,
                    "どのシート（{ja}）にも表の見出し行（所属等名、所属等の目標…）が見つかりません。表のあるシートを --sheet で指定してください。",
                    "no sheet ({en}) has the table's header row (所属等名, 所属等の目標, …); name the sheet with --sheet."
                )
            }
            ReadMsg::NoHeader { other_delimiter } => {
                let first = tr!(
                    lang,
                    "表の見出し行（所属等名、所属等の目標…）が見つかりません。",
                    "the header row of the table (所属等名, 所属等の目標, …) was not found."
                );
                let hint = match other_delimiter {
                    Some(format) => tr!(
                        lang,
                        "列の区切りが違うようです。--format {format} を付けてください。",
                        " The columns seem separated otherwise: add --format {format}."
                    ),
                    None => tr!(
                        lang,
                        "見出しの前には前書き（～…～）、凡例（◎：「…」）、<区名> だけを置いてください。",
                        " Only the preface (～…～), the legend (◎：「…」) and the <ward> marker may come before it."
                    ),
                };
                first + &hint
            }
            ReadMsg::UnknownBeforeTable { text } => tr!(
                lang,
                "表の前の行「{text}」の意味が分かりません。前書き（～…～）、凡例（A：100%以上、◎：「達成できた。」など）、<区名> のどれかにしてください。",
                "cannot place the line '{text}' before the table; expected the preface (～…～), the legend (A：100%以上, ◎：「達成できた。」, …) or the <ward> marker."
            ),
            ReadMsg::LegendUnreadable { text } => tr!(
                lang,
                "凡例の行「{text}」が読めません。記号と説明を「A：100%以上」「◎：「達成できた。」」「A‥達成率100%」「1＝順調」のように組にして、組と組の間は空白で区切ってください（記号の後ろに「：」「‥」「＝」か空白、説明を「」で囲むときはその中に何を書いても構いません）。",
                "cannot read the legend line '{text}'. Write each mark with its meaning, like A：100%以上, ◎：「達成できた。」, A‥達成率100% or 1＝順調, and part the pairs by spaces (after the mark ：, ‥, ＝ or a space; a meaning in 「」 may hold anything)."
            ),
            ReadMsg::LegendNeedsHeading { text } => tr!(
                lang,
                "表の前の行「{text}」は、言葉を記号にした凡例のようです。凡例なら、その上の行に「凡例」（例: 【評価の凡例】）と書いてください。凡例でなければ、この行を消してください。",
                "the line '{text}' before the table looks like a legend whose marks are words; if it is one, write a heading with 凡例 above it (e.g. 【評価の凡例】), else remove the line."
            ),
            ReadMsg::NoNameColumn => tr!(
                lang,
                "見出しに所属の列（「所属等名」、または「部」と「課」）がありません。見出しを直すか、--columns 'name=…' で所属の列を指定してください。",
                "the header has no column for the section (所属等名, or 部 and 課); correct the header, or name the column with --columns 'name=…'."
            ),
            ReadMsg::Columns(msg) => msg.text(lang),
            ReadMsg::Rows(msg) => msg.text(lang),
            ReadMsg::DuplicateColumn { heading } => tr!(
                lang,
                "見出し「{heading}」と同じ欄の列がほかにもあります。どちらかの列を消してください。",
                "another column holds the same field as '{heading}'; remove one of them."
            ),
            ReadMsg::CellCount { found, expected, preview } => tr!(
                lang,
                "この行はセルが{found}個ですが、表は{expected}列です（「{preview}」）。セルの中で改行しているなら、そのセルを「\"」で囲む必要があります（表計算ソフトが保存すればそうなります。Web ページから貼り付けた改行は行の区切りになります）。xlsx ファイルのまま取り込むこともできます。",
                "this row has {found} cells, but the table has {expected} columns ('{preview}'). A cell with a line break must be enclosed in \" (a spreadsheet program saves it so; a break pasted from a web page splits the row). You can also import the .xlsx file itself."
            ),
            ReadMsg::NotNameOrNote { text } => tr!(
                lang,
                "表の中の行「{text}」が課の行か注記か分かりません。注記なら行頭に「※」を付けて表の下に置いてください。上のセルの続きなら、そのセルを「\"」で囲んでください（表計算ソフトで保存すればそうなります）。",
                "cannot tell whether the line '{text}' is a section or a note. A note starts with ※ and goes under the table; if it continues the cell above, that cell must be enclosed in \" (as a spreadsheet program saves it)."
            ),
            ReadMsg::AfterNotes => tr!(
                lang,
                "注記（※…）の後に表の行があります。注記は表の一番下に置いてください。",
                "a table row follows the notes (※…); put the notes under the last row of the table."
            ),
            ReadMsg::MergedAcross { range } => tr!(
                lang,
                "セル {range} は結合されていて、二つの欄にまたがっています。結合を解いて、それぞれの欄に書いてください。",
                "the cells {range} are merged across two fields; unmerge them and write each field in its own cell."
            ),
            ReadMsg::NameSplit { name } => tr!(
                lang,
                "所属等名「{name}」を部と課に分けられません。「区民部 総務課」のように空白で区切るか、「部」の列を設けてください。",
                "cannot split '{name}' into division and section; separate them with a space, like '区民部 総務課', or add a 部 column."
            ),
            ReadMsg::NoDivision => tr!(
                lang,
                "部の名前がありません。最初の課の行には部を書いてください。",
                "the division is missing; write it on the first row of its sections."
            ),
            ReadMsg::EmptyName => {
                tr!(lang, "課の名前が空です。名前を書いてください。", "the section's name is empty; write it.")
            }
            // A goal's mark ("④○") for a goal the row does not have.
            ReadMsg::GoalRatingWithoutGoal { label, goals } => tr!(
                lang,
                "目標達成度に「{label}」の目標の評価がありますが、この課の目標は{goals}つです。番号を直してください（「①○ ②◎」の形）。",
                "the rating cell rates goal {label}, but the section has {goals} goals; fix the number (as in ①○ ②◎)."
            ),
            ReadMsg::UnknownRating { mark, allowed } => {
                let (mark, allowed) = (spelled(mark), allowed.join(" "));
                tr!(
                    lang,
                    "目標達成度「{mark}」は凡例にありません。{allowed} のどれかにしてください。",
                    "the rating '{mark}' is not in the legend; use one of {allowed}."
                )
            }
            ReadMsg::DuplicateMark { mark } => tr!(
                lang,
                "凡例に記号「{mark}」が二度あります（見分けにくい 〇 と ○ なども同じ記号として読みます）。一つにしてください。",
                "the legend lists the mark '{mark}' twice (look-alikes such as 〇 and ○ read as one); keep one."
            ),
            ReadMsg::GoalNumbersOutOfOrder { numbers } => tr!(
                lang,
                "目標の丸数字が {numbers} の順です。丸数字は一つずつ増やし、目標の区切りにだけ使ってください（文中では (2) などに）。",
                "the goals are numbered {numbers}; circled numbers must rise one by one and only start goals (write (2) inside a text)."
            ),
            ReadMsg::EmptyGoal { number } => tr!(
                lang,
                "目標{number}が空です。書き込むか、丸数字を消してください。",
                "goal {number} is empty; write it or remove the number."
            ),
            ReadMsg::CircledPast20 { number } => tr!(
                lang,
                "丸数字「{number}」があります。目標は⑳までです。まとめるか、(21) のように書いてください。",
                "the circled number {number} is past ⑳, the last goal number; merge goals or write (21) instead."
            ),
            ReadMsg::NoFiscalYear => tr!(
                lang,
                "前書きから年度（例: 平成20年度）が読めません。--fiscal-year 2008 のように指定してください。",
                "cannot read the fiscal year (e.g. 平成20年度) from the preface; give it with --fiscal-year 2008."
            ),
            ReadMsg::NoOrganization => tr!(
                lang,
                "前書きから組織名（例: 上京区役所では）が読めません。--organization 上京区役所 のように指定してください。",
                "cannot read the organisation (e.g. 上京区役所では) from the preface; give it with --organization."
            ),
            ReadMsg::YearOutOfRange { year } => tr!(
                lang,
                "年度 {year} は扱えません。1900～2999年の西暦で指定してください（平成20年度なら 2008）。",
                "the fiscal year {year} cannot be used; give a Western year from 1900 to 2999 (2008 for 平成20年度)."
            ),
            ReadMsg::CheckpointUnreadable { phrase } => tr!(
                lang,
                "見出し「{phrase}」から取組状況の時点（例: 11月末現在）が読めません。「11月末現在」「10月15日現在」のように書いてください。",
                "cannot read the checkpoint (e.g. 11月末現在) from the header '{phrase}'; write it like 11月末現在 or 10月15日現在."
            ),
            ReadMsg::CheckpointOutside { phrase, fiscal_year } => tr!(
                lang,
                "見出しの「{phrase}」は{fiscal_year}の外です。見出しか前書きの年度を直してください。",
                "the header's '{phrase}' lies outside {fiscal_year}; correct the header or the preface's year."
            ),
        }
    }
}
