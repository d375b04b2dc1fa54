//! The words of the history view (`H`): its title, the rows of commits, the two sides of a
//! change (変更前 / 変更後, as in a 新旧対照表) and what is said when a value is put back.

use super::Lang;
use crate::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryWords {
    /// "変更の履歴: 区民部 総務課" with how far git's log has been read.
    Title {
        place: String,
        shown: usize,
        examined: usize,
        total: usize,
        complete: bool,
    },
    Reading,
    /// `whole`: the key that shows the whole file's history.
    NoCommits {
        file: bool,
        whole: String,
    },
    Failed {
        why: String,
    },
    /// A section the commit added, or removed.
    SectionAdded,
    /// The first commit of the file.
    FileCreated {
        sections: usize,
    },
    SectionRemoved,
    /// The section got its name (or its division's) in this commit.
    SectionRenamed {
        from: String,
    },
    /// A merge that decided fields (both sides had changed them, or it combined them by hand).
    MergeDecided {
        what: String,
    },
    /// A merge that decided nothing: what it brought in from the other side.
    MergedIn {
        what: String,
    },
    /// A version of the file that does not parse: what it changed cannot be told.
    Unreadable,
    Before,
    After,
    Nothing,
    /// What a commit changed in the head of the file (organisation, year, …).
    HeadChanged,
    /// `keys`: the keys that choose a change ("↑↓").
    ChooseOne {
        keys: String,
    },
    /// `undo`: the key that takes it back.
    PutBack {
        place: String,
        field: String,
        when: String,
        undo: String,
    },
    PutBackNothing {
        place: String,
    },
    PutBackGone {
        place: String,
    },
    PutBackSame,
    /// `choose`: the key that chooses a field.
    PutBackNoField {
        choose: String,
    },
}

impl HistoryWords {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            HistoryWords::Title { place, shown, examined, total, complete } => {
                if *complete {
                    tr!(lang, "変更の履歴: {place}（{shown}件）", "History: {place} ({shown})")
                } else {
                    tr!(
                        lang,
                        "変更の履歴: {place}（{shown}件・{total}件のコミットのうち{examined}件まで確認）",
                        "History: {place} ({shown}; {examined} of {total} commits looked at)"
                    )
                }
            }
            HistoryWords::Reading => tr!(lang, "git の履歴を読んでいます…", "Reading the history from git…"),
            HistoryWords::NoCommits { file: true, .. } => tr!(
                lang,
                "このファイルのコミットはまだありません。保存したものがコミットされると、ここに並びます。",
                "This file has no commits yet; once saves are committed, they are listed here."
            ),
            HistoryWords::NoCommits { file: false, whole } => tr!(
                lang,
                "この課を変えたコミットはまだありません。{whole} でファイル全体の履歴を見られます。",
                "No commit has changed this section yet; {whole} shows the history of the whole file."
            ),
            HistoryWords::Failed { why } => tr!(
                lang,
                "履歴を表示できません: {why}。データのフォルダーが git のリポジトリの中にあるか、係の担当者に確かめてください。",
                "The history cannot be shown: {why}. Check that the data folder is inside a git repository."
            ),
            HistoryWords::SectionAdded => tr!(lang, "課を追加", "section added"),
            HistoryWords::FileCreated { sections } => {
                tr!(lang, "ファイルを作成（{sections}課）", "file created ({sections} sections)")
            }
            HistoryWords::SectionRemoved => tr!(lang, "課を削除", "section removed"),
            HistoryWords::SectionRenamed { from } => tr!(lang, "名前を変更（元は {from}）", "renamed (was {from})"),
            HistoryWords::MergeDecided { what } => tr!(lang, "マージで決定: {what}", "decided in a merge: {what}"),
            HistoryWords::MergedIn { what } => tr!(lang, "マージで取り込み: {what}", "merged in: {what}"),
            HistoryWords::Unreadable => {
                tr!(lang, "読めない版（YAML の誤り）", "unreadable version (YAML error)")
            }
            HistoryWords::Before => tr!(lang, "変更前", "before"),
            HistoryWords::After => tr!(lang, "変更後", "after"),
            HistoryWords::Nothing => tr!(lang, "（なし）", "(none)"),
            HistoryWords::HeadChanged => tr!(lang, "ファイルの見出し", "the file's head"),
            HistoryWords::ChooseOne { keys } => {
                tr!(lang, "{keys} で変更を選ぶと、ここに中身が出ます。", "Choose a change with {keys} to see it here.")
            }
            HistoryWords::PutBack { place, field, when, undo } => tr!(
                lang,
                "{place}の「{field}」を {when} の変更より前の内容に戻しました（まだ保存していません。{undo} で取り消せます）",
                "Put {place}'s {field} back as it was before the change of {when} (not saved yet; {undo} undoes)"
            ),
            HistoryWords::PutBackNothing { place } => tr!(
                lang,
                "{place}はこの変更で新しくできた課なので、戻す前の内容がありません",
                "{place} was created by this change: there is nothing from before it"
            ),
            HistoryWords::PutBackGone { place } => tr!(
                lang,
                "{place}は今のファイルにありません（名前が変わったか、削除されました）。戻せません",
                "{place} is not in the file any more (renamed or removed): nothing to put back into"
            ),
            HistoryWords::PutBackSame => {
                tr!(lang, "今の内容がすでに変更前と同じです", "The field already holds the value from before")
            }
            HistoryWords::PutBackNoField { choose } => tr!(
                lang,
                "戻せる欄がありません（{choose} で欄を選んでください）",
                "No field to put back here (choose one with {choose})"
            ),
        }
    }
}
