//! What the screen says in its bottom line: what just happened and what to do next.

use super::Lang;
use crate::command::{Command, Context, KeyNames};
use crate::tr;

/// A message of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    ReadOnlySession,
    FileReadOnly,
    RatingRange {
        max: usize,
    },
    GoalRemoved,
    PasteNeedsEditing,
    ZoomNeedsPane,
    NothingToUndo,
    NothingToRedo,
    /// Undone or redone: the section, and the fields the step changed ("目標達成度・振り返り").
    Undid {
        name: String,
        fields: String,
    },
    Redid {
        name: String,
        fields: String,
    },
    ChooseSectionFirst,
    SaveReadOnly,
    DecideFirst,
    NothingToSave,
    Saving,
    Saved {
        file: String,
    },
    SavedMerged {
        file: String,
    },
    SavedRevived {
        file: String,
        names: Vec<String>,
    },
    /// Saved, but the file's own comments and layout could not be kept (anchors or aliases in it).
    LayoutNotKept {
        file: String,
        why: hyoka_data::store::LayoutLoss,
    },
    /// Sections we had removed that someone changed meanwhile: kept, with their changes.
    KeptTheirChange {
        names: Vec<String>,
    },
    /// Nothing was written: what would have been written does not read back (said per field).
    SaveRefused {
        file: String,
        fields: Vec<String>,
    },
    SomeoneSavedFirst,
    SaveCancelled,
    TheirsKept,
    RatingCannotCombine,
    GoneCannotCombine,
    /// Sections we changed that someone else removed or renamed ("区民部 総務課").
    Gone {
        names: Vec<String>,
    },
    TookIn {
        taken: usize,
        conflicts: usize,
    },
    FileGone {
        path: String,
        why: String,
    },
    BrokenOnDisk {
        path: String,
    },
    JournalFailed {
        why: String,
    },
    NoJournal {
        why: String,
    },
    RecoveryLater,
    /// The login name is still being looked up in the system's user database.
    StillIdentifying,
    Restored {
        file: String,
        questions: bool,
    },
    Discarded,
    ExportReadOnly,
    ExportBroken,
    ExportNoPath,
    ExportDash,
    ExportExists {
        path: String,
    },
    ExportOverData,
    ExportNoFolder {
        folder: String,
    },
    ExportFailed {
        path: String,
        why: String,
    },
    Exported {
        path: String,
        unsaved: bool,
    },
    /// A key or text while the terminal is too small: not taken.
    TooSmallKey,
    /// Saving or quitting while a question about the data waits, too small to be read.
    TooSmallToAnswer,
    /// Already worded by the part of hyoka that knows the details (a save error, an export refusal).
    Raw(String),
    /// Search, filter, years: see `i18n/review.rs`.
    Review(super::review::ReviewMsg),
    /// The year's cycle: see `i18n/cycle/`.
    Cycle(super::cycle::CycleMsg),
}

impl Msg {
    /// The message in `lang`, naming keys as `keys` binds them.
    pub fn text(&self, lang: Lang, keys: &dyn KeyNames) -> String {
        let key = |context, command| keys.key(context, command);
        let save = || key(Context::Global, Command::Save);
        match self {
            Msg::ReadOnlySession => tr!(
                lang,
                "閲覧専用で開いています（--read-only）。書き換えはできません。",
                "Opened read-only (--read-only): nothing can be changed."
            ),
            Msg::FileReadOnly => tr!(
                lang,
                "このファイルには書き込み権限がないため、読むだけです。変更するには担当者に権限を頼んでください。",
                "This file has no write permission: it can only be read. Ask for write access to change it."
            ),
            Msg::RatingRange { max } => {
                tr!(lang, "達成度は 1〜{max} で選んでください。", "Choose a rating from 1 to {max}.")
            }
            Msg::GoalRemoved => {
                let undo = key(Context::Global, Command::Undo);
                tr!(lang, "目標を削除しました（{undo} で元に戻せます）。", "Goal removed ({undo} brings it back).")
            }
            Msg::PasteNeedsEditing => {
                let edit = key(Context::Text, Command::Edit);
                tr!(
                    lang,
                    "貼り付けるには、まず {edit} で編集を始めてください。",
                    "To paste, start editing with {edit} first."
                )
            }
            Msg::ZoomNeedsPane => {
                let (tab, zoom) = (key(Context::Global, Command::NextPane), key(Context::Global, Command::Zoom));
                tr!(
                    lang,
                    "広げる欄を {tab} で選んでから {zoom} を押してください。",
                    "Choose a pane with {tab} first, then press {zoom}."
                )
            }
            Msg::NothingToUndo => tr!(lang, "元に戻す変更はありません。", "Nothing to undo."),
            Msg::NothingToRedo => tr!(lang, "やり直す変更はありません。", "Nothing to redo."),
            Msg::Undid { name, fields } if fields.is_empty() => {
                tr!(lang, "{name}の変更を元に戻しました。", "Undid a change in {name}.")
            }
            Msg::Undid { name, fields } => {
                tr!(lang, "{name}の{fields}を元に戻しました。", "Undid the change of {name}'s {fields}.")
            }
            Msg::Redid { name, fields } if fields.is_empty() => {
                tr!(lang, "{name}の変更をやり直しました。", "Redid a change in {name}.")
            }
            Msg::Redid { name, fields } => {
                tr!(lang, "{name}の{fields}の変更をやり直しました。", "Redid the change of {name}'s {fields}.")
            }
            Msg::ChooseSectionFirst => tr!(lang, "一覧で課を選んでください。", "Choose a section in the tree first."),
            Msg::SaveReadOnly => {
                tr!(lang, "閲覧専用で開いています。保存はできません。", "Opened read-only: nothing can be saved.")
            }
            Msg::DecideFirst => tr!(
                lang,
                "他の人が同じ項目を先に保存しました。どちらを残すか選んでください。",
                "Someone else saved the same fields first: choose what to keep."
            ),
            Msg::SomeoneSavedFirst => tr!(
                lang,
                "他の人が同じ項目を先に保存しました。どちらを残すか選んでください。",
                "Someone else saved the same fields first: choose what to keep."
            ),
            Msg::NothingToSave => tr!(lang, "保存する変更はありません。", "Nothing to save."),
            Msg::Saving => tr!(lang, "保存しています…", "Saving…"),
            Msg::Saved { file } => tr!(lang, "保存しました: {file}", "Saved {file}."),
            Msg::SavedMerged { file } => tr!(
                lang,
                "保存しました: {file}。他の人の保存分も取り込みました。",
                "Saved {file}, taking in what others saved meanwhile."
            ),
            Msg::SavedRevived { file, names } => {
                let (ja, en) = (names.join("、"), names.join(", "));
                tr!(
                    lang,
                    "保存しました: {file}。他の人が削除した課（{ja}）は、あなたが変更していたので残しました。",
                    "Saved {file}. Sections someone else removed ({en}) were kept: you had changed them."
                )
            }
            Msg::LayoutNotKept { file, why } => {
                let why = super::store::layout_loss(*why, lang);
                tr!(
                    lang,
                    "保存しました: {file}。ただし{why}コメントや書き方は保てず hyoka の形で書き直しました。",
                    "Saved {file}, but {why} its comments and layout could not be kept; it was written in hyoka's layout."
                )
            }
            Msg::KeptTheirChange { names } => {
                let names = names.join("、");
                tr!(
                    lang,
                    "{names} は自分の側で削除しましたが、その間に他の人が変更していたので、その変更ごと残しました。要らなければもう一度削除してください。",
                    "{names}: removed here, but changed by someone else meanwhile, so kept with their changes. Remove it again if it is not wanted."
                )
            }
            Msg::SaveRefused { file, fields } => {
                super::store::SaveMsg::Refused { fields: fields.join(" / ") }.text(std::path::Path::new(file), lang)
            }
            Msg::SaveCancelled => tr!(
                lang,
                "保存をやめました。あなたの変更は画面に残っています（未保存）。次に保存するとき、もう一度選びます。",
                "Save cancelled. Your changes are still here, unsaved; you will be asked again at the next save."
            ),
            Msg::TheirsKept => tr!(
                lang,
                "相手の内容のままです（書き込む変更は残っていません）。",
                "Their version stands; nothing of yours is left to write."
            ),
            Msg::RatingCannotCombine => {
                let (mine, theirs) =
                    (key(Context::Conflict, Command::KeepMine), key(Context::Conflict, Command::KeepTheirs));
                tr!(
                    lang,
                    "目標達成度は合わせられません。{mine} か {theirs} で選んでください。",
                    "A rating cannot be combined: choose with {mine} or {theirs}."
                )
            }
            Msg::GoneCannotCombine => {
                let (mine, theirs) = (key(Context::Gone, Command::KeepMine), key(Context::Gone, Command::KeepTheirs));
                tr!(
                    lang,
                    "削除された課は合わせられません。{mine}（残す）か {theirs}（削除を受け入れる）で選んでください。",
                    "A removed section cannot be combined: choose with {mine} (keep yours) or {theirs} (accept the removal)."
                )
            }
            Msg::Gone { names } => {
                let (ja, en) = (names.join("、"), names.join(", "));
                tr!(
                    lang,
                    "他の人が、あなたの変更していた課を削除したか名前を変えました: {ja}。あなたの変更は画面に残してあり、保存するときに残すかどうか選びます。",
                    "Someone else removed or renamed sections you had changed: {en}. Your changes stay on screen; saving asks whether to keep them."
                )
            }
            Msg::TookIn { taken, conflicts: 0 } => tr!(
                lang,
                "他で保存された内容を取り込みました（{taken}項目）。",
                "Took in what was saved elsewhere ({taken} fields)."
            ),
            Msg::TookIn { taken, conflicts } => tr!(
                lang,
                "他で保存された内容を取り込みました（{taken}項目）。同じ項目が {conflicts} 件あり、保存時に選びます。",
                "Took in what was saved elsewhere ({taken} fields); {conflicts} fields changed on both sides are decided on saving."
            ),
            Msg::FileGone { path, why } => {
                let save = save();
                tr!(
                    lang,
                    "{path} が見つからないか読めなくなりました（{why}）。編集内容は画面に残っています。{save} で保存し直せます。",
                    "{path} was removed or cannot be read ({why}). Your edits are kept; {save} writes the file again."
                )
            }
            Msg::BrokenOnDisk { path } => tr!(
                lang,
                "{path} が他で書き換えられましたが、読めない内容です。画面の内容はそのままです。ファイルが直るまで保存は上書きしません。",
                "{path} was changed elsewhere and cannot be read. Your screen is unchanged; saving will not overwrite it until it is fixed."
            ),
            Msg::JournalFailed { why } => {
                let save = save();
                tr!(
                    lang,
                    "復元用の記録を書けません（{why}）。こまめに {save} で保存してください。",
                    "cannot write the recovery journal ({why}); save often with {save}."
                )
            }
            Msg::NoJournal { why } => {
                let save = save();
                tr!(
                    lang,
                    "復元用の記録を置く場所がありません（{why}）。回線が切れると、保存していない変更は失われます。こまめに {save} で保存してください。",
                    "there is nowhere to keep the recovery journal ({why}): a dropped link loses unsaved changes. Save often with {save}."
                )
            }
            Msg::StillIdentifying => tr!(
                lang,
                "ログイン名を確かめているところです。分かりしだい続けます。",
                "still looking up your login name; this goes on as soon as it is known."
            ),
            Msg::RecoveryLater => tr!(
                lang,
                "保存されていない変更は記録に残したままです。次に開いたときにまた聞きます。",
                "The unsaved changes stay in the journal; you will be asked again next time."
            ),
            Msg::Restored { file, questions: false } => {
                let save = save();
                tr!(
                    lang,
                    "{file} の保存していなかった変更を戻しました。確かめて {save} で保存してください。",
                    "Restored the unsaved changes of {file}; check them and save with {save}."
                )
            }
            Msg::Restored { file, questions: true } => tr!(
                lang,
                "{file} の保存していなかった変更を戻しました。他の人が同じ項目を保存しているので、保存時にどちらを残すか選びます。",
                "Restored the unsaved changes of {file}; someone else saved the same fields, so saving will ask which to keep."
            ),
            Msg::Discarded => {
                tr!(lang, "保存していなかった変更を破棄しました。", "The unsaved changes were discarded.")
            }
            Msg::ExportReadOnly => tr!(
                lang,
                "閲覧専用で開いているので、書き出しもできません。hyoka export を使ってください。",
                "Opened read-only: nothing is written, exports included. Use hyoka export instead."
            ),
            Msg::ExportBroken => {
                tr!(lang, "読み込めないファイルは書き出せません。", "A file that cannot be read cannot be exported.")
            }
            Msg::ExportNoPath => tr!(lang, "書き出し先を入力してください。", "Type where to write the export."),
            Msg::ExportDash => tr!(
                lang,
                "「-」はファイル名にできません（コマンドでは標準出力のしるしです）。書き出すファイルの名前を入力してください。",
                "'-' cannot be a file name (on the command line it means standard output); type the file to write."
            ),
            Msg::ExportExists { path } => {
                let write = key(Context::Export, Command::Write);
                tr!(
                    lang,
                    "{path} はもうあります。上書きするなら、もう一度 {write} を押してください。",
                    "{path} exists already; press {write} again to overwrite it."
                )
            }
            Msg::ExportNoFolder { folder } => {
                let write = key(Context::Export, Command::Write);
                tr!(
                    lang,
                    "フォルダ {folder} はありません。作ってよければもう一度 {write} を、違うなら書き出し先を直してください。",
                    "the folder {folder} does not exist; press {write} again to create it, or correct the path."
                )
            }
            Msg::ExportOverData => tr!(
                lang,
                "データファイル（.yaml）には書き出せません。別の名前にしてください。",
                "An export cannot go to a data file (.yaml); choose another name."
            ),
            Msg::ExportFailed { path, why } => {
                let cancel = key(Context::Export, Command::Cancel);
                tr!(
                    lang,
                    "{path} に書き出せません（{why}）。書き出し先を変えるか、{cancel} でやめてください。",
                    "cannot export to {path} ({why}); change the path or press {cancel}."
                )
            }
            Msg::Exported { path, unsaved: false } => tr!(lang, "書き出しました: {path}", "Exported to {path}"),
            Msg::Exported { path, unsaved: true } => tr!(
                lang,
                "書き出しました: {path}（保存していない変更も含みます）",
                "Exported to {path} (unsaved changes included)"
            ),
            Msg::TooSmallKey => tr!(
                lang,
                "端末が小さいので、このキーも入力した文字も受け付けていません（何も変わっていません）。広げてから続けてください。",
                "The terminal is too small: this key, and anything typed, is not taken (nothing changed). Make it larger to go on."
            ),
            Msg::TooSmallToAnswer => tr!(
                lang,
                "答えを待っている質問があります。端末を広げて、質問を読んでから答えてください。",
                "A question waits for an answer: make the terminal larger, read it, then answer."
            ),
            Msg::Raw(text) => text.clone(),
            Msg::Review(message) => message.keyed(lang, keys),
            Msg::Cycle(message) => message.keyed(lang, keys),
        }
    }
}
