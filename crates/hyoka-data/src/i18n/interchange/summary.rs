//! What import and export report when they work: the summary, its warnings, standard output.
//!
//! Warnings are what the import read otherwise than it stands, or will not write back.

use super::code_point;
use super::rows::RowField;
use crate::i18n::Lang;
use hyoka_core::tr;

/// Something the import read otherwise than it stands, or will not write back: said, never silent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarnMsg {
    /// A character a clerk cannot tell from the one the table means (〇 for ○).
    LookAlike { found: char, read_as: char },
    /// An invisible character (zero-width space…) removed from a name or a mark.
    Invisible { found: char },
    /// A column hyoka knows but does not keep (hyoka's own csv export has `updated`).
    IgnoredColumn { heading: String },
    /// A ward marker other than the one hyoka writes for the organisation.
    MarkerNotKept { marker: String },
    /// A ward office's table without its marker: the export will add it.
    MarkerAdded { marker: String },
    /// "○ ほぼ達成できた" in the rating cell: the mark with its label, read as the mark.
    MarkWithLabel { mark: String },
    /// A header with no section row under it: an empty document, which may not be what was meant.
    NoSections,
    /// A column `--columns` does not name and hyoka does not know: left out.
    ColumnLeftOut { heading: String, letter: String },
    /// The rows of one section each held a part of a field: joined, a line each.
    RowsJoined { field: RowField, rows: usize },
}

impl WarnMsg {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            WarnMsg::LookAlike { found, read_as } => {
                let (f, r) = (code_point(*found), code_point(*read_as));
                tr!(
                    lang,
                    "「{found}」（{f}）を「{read_as}」（{r}）として読みました。",
                    "read '{found}' ({f}) as '{read_as}' ({r})."
                )
            }
            WarnMsg::Invisible { found } => {
                let f = code_point(*found);
                tr!(lang, "見えない文字 {f} を取り除きました。", "removed the invisible character {f}.")
            }
            WarnMsg::IgnoredColumn { heading } => tr!(
                lang,
                "列「{heading}」は取り込みません（保存した人と日時は hyoka が記録します）。",
                "the column '{heading}' is not imported (hyoka records who saved and when itself)."
            ),
            WarnMsg::MarkerNotKept { marker } => tr!(
                lang,
                "「{marker}」の行は書き出すときには付きません（<区名> の行は区役所の表にだけ付けます）。",
                "the line '{marker}' is not written back (the <ward> line is written for a ward office only)."
            ),
            WarnMsg::MarkerAdded { marker } => tr!(
                lang,
                "区役所の表ですが <区名> の行がありません。書き出すときには「{marker}」の行が付きます。",
                "a ward office's table without the <ward> line: exports will add '{marker}'."
            ),
            WarnMsg::NoSections => tr!(
                lang,
                "見出しの下に課の行が一つもありません。表のあるファイルやシートか確かめてください。",
                "there is no section row under the header; check that this is the file or sheet with the table."
            ),
            WarnMsg::ColumnLeftOut { heading, letter } => tr!(
                lang,
                "{letter}列「{heading}」は --columns にないので取り込みません。",
                "column {letter} '{heading}' is not imported: --columns does not name it."
            ),
            WarnMsg::RowsJoined { field, rows } => {
                let field = field.text(lang);
                tr!(
                    lang,
                    "一つの課の{rows}行の{field}を、行ごとに改行して一つにまとめました。",
                    "joined the {field} of one section's {rows} rows, a line each."
                )
            }
            WarnMsg::MarkWithLabel { mark } => tr!(
                lang,
                "目標達成度を記号「{mark}」として読みました（説明の言葉は凡例から付きます）。",
                "read the rating as the mark '{mark}' (its words come from the legend)."
            ),
        }
    }
}

/// What a table held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub divisions: usize,
    pub sections: usize,
    pub goals: usize,
    pub rated: usize,
    pub note_lines: usize,
}

impl Counts {
    /// "部 2・課 3・目標 4・評価済み 2・注記 2行".
    pub fn text(&self, lang: Lang) -> String {
        let Counts { divisions, sections, goals, rated, note_lines } = *self;
        let ja_notes = if note_lines > 0 { format!("・注記 {note_lines}行") } else { String::new() };
        let en_notes = match note_lines {
            0 => String::new(),
            1 => ", 1 line of notes".to_owned(),
            n => format!(", {n} lines of notes"),
        };
        tr!(
            lang,
            "部 {divisions}・課 {sections}・目標 {goals}・評価済み {rated}{ja_notes}",
            "{divisions} divisions, {sections} sections, {goals} goals, {rated} rated{en_notes}"
        )
    }

    pub fn add(&mut self, other: &Counts) {
        self.divisions += other.divisions;
        self.sections += other.sections;
        self.goals += other.goals;
        self.rated += other.rated;
        self.note_lines += other.note_lines;
    }
}

/// The lines of an import's summary and the words of the command line around import and export.
pub enum SummaryMsg<'a> {
    Source {
        path: &'a str,
        format: &'static str,
        encoding: Option<&'static str>,
    },
    Counts(&'a Counts),
    /// The `--columns` the table was read with, to give again next year.
    Columns {
        map: &'a str,
    },
    Warnings {
        count: usize,
    },
    Wrote {
        path: &'a str,
    },
    DryRun,
    WouldNeedForce {
        path: &'a str,
    },
    XlsxToTerminal,
    FolderToStdout,
    FormatForStdout,
}

impl SummaryMsg<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SummaryMsg::Source { path, format, encoding: Some(encoding) } => {
                tr!(lang, "読み込み: {path}（{format}、{encoding}）", "read: {path} ({format}, {encoding})")
            }
            SummaryMsg::Source { path, format, encoding: None } => {
                tr!(lang, "読み込み: {path}（{format}）", "read: {path} ({format})")
            }
            SummaryMsg::Counts(counts) => {
                let counts = counts.text(lang);
                tr!(lang, "取り込み: {counts}", "imported: {counts}")
            }
            SummaryMsg::Columns { map } => tr!(
                lang,
                "列の指定: --columns '{map}'（来年も同じ列の表なら、同じ指定で取り込めます）",
                "columns: --columns '{map}' (next year's table in the same columns takes the same)"
            ),
            SummaryMsg::Warnings { count: 0 } => tr!(lang, "警告はありません。", "no warnings."),
            SummaryMsg::Warnings { count } => {
                let s = if *count == 1 { "" } else { "s" };
                tr!(lang, "警告 {count}件:", "{count} warning{s}:")
            }
            SummaryMsg::Wrote { path } => tr!(lang, "書き出しました: {path}", "wrote {path}"),
            SummaryMsg::DryRun => tr!(
                lang,
                "--dry-run: 何も書き込んでいません（書き込む内容は標準出力にあります）。",
                "--dry-run: nothing was written (what would be is on standard output)."
            ),
            SummaryMsg::WouldNeedForce { path } => tr!(
                lang,
                "{path} はもうあります。書き込むには --force が要ります。",
                "{path} exists already; writing it needs --force."
            ),
            SummaryMsg::XlsxToTerminal => tr!(
                lang,
                "Excel ファイル（xlsx）は端末には書き出せません。-o ファイル名.xlsx を指定するか、パイプやリダイレクトで受けてください（例: > 2008.xlsx）。",
                "an Excel file (xlsx) cannot be written to a terminal; give -o FILE.xlsx, or redirect or pipe standard output (e.g. > 2008.xlsx)."
            ),
            SummaryMsg::FolderToStdout => tr!(
                lang,
                "-o - （標準出力）に書き出せるのは YAML ファイル一つです。フォルダなら出力先にフォルダを指定してください。",
                "-o - (standard output) takes one YAML file; for a folder, give a folder as the output."
            ),
            SummaryMsg::FormatForStdout => tr!(
                lang,
                "-o - （標準出力）のときは形式を --format html|csv|md|tsv|xlsx で指定してください。",
                "with -o - (standard output), give the format with --format html|csv|md|tsv|xlsx."
            ),
        }
    }
}
