//! The words on the screen: titles, labels, badges and the texts of the dialogs, in the words of
//! the published table (所属等の目標, 11月末現在の取組状況, 目標達成度, 振り返り).

use chrono::NaiveDate;

use super::Lang;
use crate::tr;
use hyoka_core::model::{Field, checkpoint_phrase};

/// What the status line calls the current mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeName {
    Browse,
    ReadOnly,
    Editing,
    Help,
    Quit,
    Conflict,
    Recovery,
    Export,
    History,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Words {
    TooSmall {
        width: u16,
        height: u16,
    },
    TreeTitle,
    FlagGone,
    FlagReadOnly,
    FlagBroken,
    /// The right side on a file not read yet.
    ReadingFile,
    /// The status line while files are being read: how many of how many.
    Reading {
        read: usize,
        total: usize,
    },
    PaneTitle {
        field: Field,
        checkpoint: Option<NaiveDate>,
    },
    Empty {
        field: Field,
    },
    NotRated,
    RatingKeys,
    Goal,
    Editing,
    UnreadableFile,
    FileFacts {
        path: String,
        divisions: usize,
        sections: usize,
        incomplete: usize,
        unsaved: usize,
    },
    BrokenIntro,
    EmptyFields,
    Notes,
    Mode {
        mode: ModeName,
    },
    SavingBadge,
    UnsavedBadge {
        sections: usize,
    },
    BrokenBadge,
    SavedBadge,
    TreeLegend,
    WholeMessage,
    HelpTitle,
    MessagesTitle,
    NoMessages,
    QuitQuestion {
        sections: usize,
    },
    /// Quitting while a `git merge` waits for its questions to be decided.
    QuitMergeQuestion {
        fields: usize,
    },
    QuitTitle,
    ExportTitle,
    TableFormat,
    ExportFormatLabel,
    ExportPathLabel,
    EmptyText,
    ConflictTitle {
        index: usize,
        count: usize,
    },
    ConflictExplain,
    /// A submission or an approval on one side and a change of its text on the other.
    UnitExplain,
    /// Their side is a reviewer's decision, or a submission waiting for one (`status` worded):
    /// only theirs is offered.
    DecidedExplain {
        status: String,
        submitted: bool,
    },
    GoneExplain,
    YoursGone,
    CombinedTitle,
    Unknown,
    Yours,
    YoursNotOffered,
    Theirs {
        who: String,
    },
    RecoveryTitle {
        index: usize,
        count: usize,
    },
    RecoveryExplain {
        when: Option<String>,
        path: String,
        fields: usize,
    },
    ChangesKeys,
    MovedFrom {
        from: String,
    },
    ReallyDiscard,
}

impl Words {
    pub fn text(&self, lang: Lang) -> String {
        let fixed = |ja: &str, en: &str| lang.pick(ja, en).to_owned();
        match self {
            Words::TooSmall { width, height } => tr!(
                lang,
                "端末が小さすぎます。幅{width}・高さ{height}以上に広げてください。",
                "The terminal is too small: make it at least {width} wide and {height} high."
            ),
            Words::TreeTitle => fixed(" 所属一覧 ", " Sections "),
            Words::FlagGone => fixed("［削除済み］", "[gone] "),
            Words::FlagReadOnly => fixed("［読取専用］", "[read-only] "),
            Words::FlagBroken => fixed("［読込エラー］", " [error]"),
            Words::ReadingFile => fixed(
                "このファイルは読み込み中です。読み終わると、部と課がここに並びます。",
                "This file is being read. Its divisions and sections appear here once it is read.",
            ),
            Words::Reading { read, total } => {
                let (read, total) = (grouped(*read), grouped(*total));
                tr!(lang, "読み込み中 {read}/{total}", "reading {read}/{total}")
            }
            Words::PaneTitle { field, checkpoint } => match (field.pane(), checkpoint) {
                (Field::Goals, _) => fixed("所属等の目標", "Goals"),
                (Field::Progress, Some(date)) => match lang {
                    Lang::Ja => format!("{}の取組状況", checkpoint_phrase(*date)),
                    Lang::En => format!("Progress as of {}", date.format("%-d %B")),
                },
                (Field::Progress, None) => fixed("取組状況", "Progress"),
                (Field::Rating, _) => fixed("目標達成度", "Achievement"),
                _ => fixed("振り返り", "Reflection"),
            },
            Words::Empty { field: Field::Goals } => {
                fixed("（未記入）Enter で目標を書き始めます", "(empty) press Enter to write a goal")
            }
            Words::Empty { .. } => fixed("（未記入）Enter で書き始めます", "(empty) press Enter to start writing"),
            Words::NotRated => fixed("未評価", "not rated"),
            Words::RatingKeys => fixed("  Space:切替 0:未評価", "  Space:cycle 0:clear"),
            Words::Goal => fixed("目標", "goal"),
            Words::Editing => fixed("［編集中］", "[editing]"),
            Words::UnreadableFile => fixed("読み込めないファイル", "File that cannot be read"),
            Words::FileFacts { path, divisions, sections, incomplete, unsaved } => tr!(
                lang,
                "ファイル: {path}\n部 {divisions} ・ 課 {sections}\n未記入のある課: {incomplete}\n未保存の課: {unsaved}",
                "File: {path}\n{divisions} divisions, {sections} sections\nSections with empty fields: {incomplete}\nUnsaved sections: {unsaved}"
            ),
            Words::BrokenIntro => fixed(
                "このファイルには次の問題があるため開けません。hyoka はこのファイルに書き込みません。直してから開き直してください。",
                "This file has the problems below and cannot be opened. hyoka will not write to it; fix it and reopen.",
            ),
            Words::EmptyFields => fixed("未記入: ", "empty: "),
            Words::Notes => fixed("注記", "Notes"),
            Words::Mode { mode } => {
                let (ja, en) = match mode {
                    ModeName::Browse => ("閲覧", "browse"),
                    ModeName::ReadOnly => ("閲覧専用", "read-only"),
                    ModeName::Editing => ("編集中", "editing"),
                    ModeName::Help => ("ヘルプ", "help"),
                    ModeName::Quit => ("終了確認", "quit?"),
                    ModeName::Conflict => ("競合", "conflict"),
                    ModeName::Recovery => ("復元", "recovery"),
                    ModeName::Export => ("書き出し", "export"),
                    ModeName::History => ("履歴", "history"),
                };
                fixed(ja, en)
            }
            Words::SavingBadge => fixed(" 保存中… ", " saving… "),
            Words::UnsavedBadge { sections } => tr!(lang, " 未保存 {sections}課 ", " unsaved: {sections} "),
            Words::BrokenBadge => fixed(" 読込エラー ", " unreadable "),
            Words::SavedBadge => fixed(" 保存済み ", " saved "),
            Words::WholeMessage => fixed("全文", "in full"),
            Words::TreeLegend => fixed("*:未保存 !:未記入あり", "*:unsaved !:empty fields"),
            Words::HelpTitle => {
                fixed(" キー操作（↑↓:スクロール  他のキー:閉じる） ", " Keys (↑↓: scroll, any other key: close) ")
            }
            Words::MessagesTitle => fixed(
                " 最近のメッセージ（新しい順。↑↓:スクロール  他のキー:閉じる） ",
                " Last messages (newest first; ↑↓: scroll, any other key: close) ",
            ),
            Words::NoMessages => fixed("まだメッセージはありません。", "No messages yet."),
            Words::QuitQuestion { sections } => tr!(
                lang,
                "保存していない変更があります（{sections}課）。",
                "There are unsaved changes ({sections} sections)."
            ),
            Words::QuitMergeQuestion { fields } => tr!(
                lang,
                "git のマージで決めていない項目があります（{fields}件）。",
                "A git merge waits for {fields} fields to be decided."
            ),
            Words::QuitTitle => fixed(" 終了 ", " Quit "),
            Words::ExportTitle => fixed(" 書き出し ", " Export "),
            Words::TableFormat => fixed("表(TSV)", "table (TSV)"),
            Words::ExportFormatLabel => fixed("形式（Tab・↑↓で選ぶ）:", "Format (Tab, ↑↓ to choose):"),
            Words::ExportPathLabel => fixed("書き出し先（編集できます）:", "Write to (editable):"),
            Words::EmptyText => fixed("（空）", "(empty)"),
            Words::ConflictTitle { index, count } => {
                tr!(lang, " 同時に編集された項目 {index}/{count} ", " Edited by two people {index}/{count} ")
            }
            Words::ConflictExplain => fixed(
                "あなたが編集している間に、他の人が同じ項目を保存しました。残す内容を選んでください。",
                "While you were editing, someone else saved the same field. Choose what to keep.",
            ),
            Words::UnitExplain => fixed(
                "一方で提出または承認され、もう一方でその内容が変わりました。提出状況と内容は一緒に選びます。",
                "One side submitted or approved the section while the other changed its text: the status and the text are kept together.",
            ),
            Words::DecidedExplain { status, submitted: true } => tr!(
                lang,
                "相手の側は{status}です。提出された課は差し戻されるまで変えられないので、「自分の内容」は選べません。t で相手の内容を残すか、Esc で保留してください（自分の変更は画面に残ります）。",
                "Their side is {status}: a submitted section cannot be changed until it is returned, so \"keep yours\" is not offered: t keeps theirs, Esc decides later (your change stays on screen)."
            ),
            Words::DecidedExplain { status, submitted: false } => tr!(
                lang,
                "相手の側は{status}です。審査した人の判断を自分の内容で取り消すことはできないので、「自分の内容」は選べません。t で相手の内容を残すか、Esc で保留してください（自分の変更は画面に残ります）。",
                "Their side is {status}. A reviewer's decision cannot be undone by keeping yours, so \"keep yours\" is not offered: t keeps theirs, Esc decides later (your change stays on screen)."
            ),
            Words::GoneExplain => fixed(
                "あなたが変更していたこの課を、他の人が削除したか名前を変えました。m であなたの変更を別の課として残し、t で削除を受け入れます（あなたの変更は捨てます）。",
                "Someone else removed or renamed this section while you were changing it. m keeps your changes as a section of its own; t accepts the removal (your changes go).",
            ),
            Words::YoursGone => fixed(" m で残る内容 ", " what m keeps "),
            Words::CombinedTitle => fixed(
                " 合わせた内容（【自分】【相手】の行は使うときに消えます） ",
                " Combined text (the 【自分】/【相手】 lines go when it is used) ",
            ),
            Words::Unknown => fixed("不明", "unknown"),
            Words::Yours => fixed(" m: あなたの内容 ", " m: yours "),
            Words::YoursNotOffered => fixed(" あなたの内容（選べません） ", " yours (not offered) "),
            Words::Theirs { who } => tr!(lang, " t: 相手の内容（{who}） ", " t: theirs ({who}) "),
            Words::RecoveryTitle { index, count } => {
                tr!(lang, " 保存されていない変更があります {index}/{count} ", " Unsaved changes found {index}/{count} ")
            }
            Words::RecoveryExplain { when, path, fields } => {
                let (ja_when, en_when) = match when {
                    Some(at) => (format!("（{at}）"), format!(" ({at})")),
                    None => (String::new(), String::new()),
                };
                let s = if *fields == 1 { "" } else { "s" };
                tr!(
                    lang,
                    "前回 hyoka が保存せずに終わったとき{ja_when}の、{path} の変更が残っています（{fields}項目）。",
                    "hyoka ended without saving{en_when}; the unsaved changes to {fields} field{s} of {path} were kept."
                )
            }
            Words::MovedFrom { from } => tr!(
                lang,
                "（この変更は {from} にあったときのものです。ファイルが移されたので、同じ組織・年度のこのファイルに戻します）",
                "(made when the file was at {from}; it has moved, so the changes go to this file of the same organisation and year)"
            ),
            Words::ChangesKeys => fixed("↑↓: スクロール  他のキー: 戻る", "↑↓: scroll  any other key: back"),
            Words::ReallyDiscard => fixed(
                "本当に捨てますか？ 捨てた変更は戻せません。",
                "Really throw these changes away? They cannot be brought back.",
            ),
        }
    }
}

/// A count with its thousands grouped (1,240), as both languages write them.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
