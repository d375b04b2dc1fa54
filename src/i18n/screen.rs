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
    /// The keys that work on a screen too small for anything else.
    TooSmallKeys {
        keys: String,
    },
    /// What the published table cannot carry of a section, said in its pane.
    Unpublishable {
        why: String,
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
    /// An empty pane, with the key that starts writing in it (none where it cannot be written now).
    Empty {
        field: Field,
        edit: Option<String>,
    },
    NotRated,
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
    /// Return comments written and not sent, where nothing else is unsaved.
    UnsentBadge {
        comments: usize,
    },
    BrokenBadge,
    SavedBadge,
    TreeLegend,
    WholeMessage,
    /// `scroll`: the keys that scroll it ("↑↓").
    HelpTitle {
        scroll: String,
    },
    MessagesTitle {
        scroll: String,
    },
    NoMessages,
    QuitQuestion {
        sections: usize,
    },
    /// Quitting while a `git merge` waits for its questions to be decided.
    QuitMergeQuestion {
        fields: usize,
    },
    /// Return comments written and not sent, when quitting.
    QuitDrafts {
        count: usize,
        save: String,
        discard: String,
    },
    QuitTitle,
    ExportTitle,
    TableFormat,
    ExportFormatLabel {
        keys: String,
    },
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
        theirs: String,
        later: String,
    },
    GoneExplain {
        mine: String,
        theirs: String,
    },
    YoursGone {
        mine: String,
    },
    CombinedTitle,
    Unknown,
    Yours {
        mine: String,
    },
    YoursNotOffered,
    Theirs {
        who: String,
        theirs: String,
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
    /// A return comment kept in a journal: "区民部 › 総務課 › 差戻しの理由（書きかけ）".
    DraftPlace {
        division: String,
        section: String,
    },
    ChangesKeys {
        scroll: String,
    },
    MovedFrom {
        from: String,
    },
    ReallyDiscard,
    ReallyDiscardComment,
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
            Words::TooSmallKeys { keys } => tr!(
                lang,
                "この大きさで使えるのは {keys} だけです。ほかのキーや入力した文字は受け付けません。",
                "At this size only {keys} work; other keys and typed text are not taken."
            ),
            Words::Unpublishable { why } => {
                tr!(lang, "！公表の表に載りません。{why}", "! The published table cannot carry this. {why}")
            }
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
            Words::Empty { edit: None, .. } => fixed("（未記入）", "(empty)"),
            Words::Empty { field: Field::Goals, edit: Some(edit) } => {
                tr!(lang, "（未記入）{edit} で目標を書き始めます", "(empty) press {edit} to write a goal")
            }
            Words::Empty { edit: Some(edit), .. } => {
                tr!(lang, "（未記入）{edit} で書き始めます", "(empty) press {edit} to start writing")
            }
            Words::NotRated => fixed("未評価", "not rated"),
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
            Words::UnsentBadge { comments } => tr!(lang, " 差戻し未送信 {comments}件 ", " not sent: {comments} "),
            Words::BrokenBadge => fixed(" 読込エラー ", " unreadable "),
            Words::SavedBadge => fixed(" 保存済み ", " saved "),
            Words::WholeMessage => fixed("全文", "in full"),
            Words::TreeLegend => {
                fixed("*:未保存 !:未記入あり ?:表に載らない", "*:unsaved !:empty fields ?:not publishable")
            }
            Words::HelpTitle { scroll } => {
                tr!(
                    lang,
                    " キー操作（{scroll}:スクロール  他のキー:閉じる） ",
                    " Keys ({scroll}: scroll, any other key: close) "
                )
            }
            Words::MessagesTitle { scroll } => tr!(
                lang,
                " 最近のメッセージ（新しい順。{scroll}:スクロール  他のキー:閉じる） ",
                " Last messages (newest first; {scroll}: scroll, any other key: close) "
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
            Words::QuitDrafts { count, save, discard } => tr!(
                lang,
                "送っていない差戻しの理由が{count}件あります。{save} で終えると復元用の記録に残り、次に開いたときに戻せます。{discard} で終えると捨てます。",
                "{count} return comments are written and not sent. With {save} they stay in the recovery journal and come back next time; with {discard} they are thrown away."
            ),
            Words::QuitTitle => fixed(" 終了 ", " Quit "),
            Words::ExportTitle => fixed(" 書き出し ", " Export "),
            Words::TableFormat => fixed("表(TSV)", "table (TSV)"),
            Words::ExportFormatLabel { keys } => tr!(lang, "形式（{keys}で選ぶ）:", "Format ({keys} to choose):"),
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
            Words::DecidedExplain { status, submitted: true, theirs, later } => tr!(
                lang,
                "相手の側は{status}です。提出された課は差し戻されるまで変えられないので、「自分の内容」は選べません。{theirs} で相手の内容を残すか、{later} で保留してください（自分の変更は画面に残ります）。",
                "Their side is {status}: a submitted section cannot be changed until it is returned, so \"keep yours\" is not offered: {theirs} keeps theirs, {later} decides later (your change stays on screen)."
            ),
            Words::DecidedExplain { status, submitted: false, theirs, later } => tr!(
                lang,
                "相手の側は{status}です。審査した人の判断を自分の内容で取り消すことはできないので、「自分の内容」は選べません。{theirs} で相手の内容を残すか、{later} で保留してください（自分の変更は画面に残ります）。",
                "Their side is {status}. A reviewer's decision cannot be undone by keeping yours, so \"keep yours\" is not offered: {theirs} keeps theirs, {later} decides later (your change stays on screen)."
            ),
            Words::GoneExplain { mine, theirs } => tr!(
                lang,
                "あなたが変更していたこの課を、他の人が削除したか名前を変えました。{mine} であなたの変更を別の課として残し、{theirs} で削除を受け入れます（あなたの変更は捨てます）。",
                "Someone else removed or renamed this section while you were changing it. {mine} keeps your changes as a section of its own; {theirs} accepts the removal (your changes go)."
            ),
            Words::YoursGone { mine } => tr!(lang, " {mine} で残る内容 ", " what {mine} keeps "),
            Words::CombinedTitle => fixed(
                " 合わせた内容（【自分】【相手】の行は使うときに消えます） ",
                " Combined text (the 【自分】/【相手】 lines go when it is used) ",
            ),
            Words::Unknown => fixed("不明", "unknown"),
            Words::Yours { mine } => tr!(lang, " {mine}: あなたの内容 ", " {mine}: yours "),
            Words::YoursNotOffered => fixed(" あなたの内容（選べません） ", " yours (not offered) "),
            Words::Theirs { who, theirs } => tr!(lang, " {theirs}: 相手の内容（{who}） ", " {theirs}: theirs ({who}) "),
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
            Words::DraftPlace { division, section } => tr!(
                lang,
                "{division} › {section} › 差戻しの理由（書きかけ）",
                "{division} › {section} › return comment (not sent)"
            ),
            Words::ChangesKeys { scroll } => {
                tr!(lang, "{scroll}: スクロール  他のキー: 戻る", "{scroll}: scroll  any other key: back")
            }
            Words::ReallyDiscardComment => {
                fixed("書いた理由を捨てますか？（戻せません）", "Throw the comment away? It cannot be brought back.")
            }
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
