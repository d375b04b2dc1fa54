//! What the bottom line says while a section goes through its review and a year through its stages.

use crate::command::{Command, Context, KeyNames};
use crate::i18n::Lang;
use crate::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CycleMsg {
    NeedSection,
    /// The section waits for its reviewer or was approved (`status` worded).
    Locked {
        name: String,
        status: String,
    },
    AlreadySubmitted {
        name: String,
    },
    /// Approving or returning what was not submitted (`status` worded).
    NotSubmitted {
        name: String,
        status: String,
    },
    NotReviewer,
    Submitted {
        name: String,
    },
    Approved {
        name: String,
    },
    Returned {
        name: String,
    },
    NoComment,
    NotReturned,
    /// The dialog closed with a comment written: it waits for the next `R`.
    DraftKept,
    CommentDiscarded,
    /// Return comments not sent, back from a journal.
    DraftsRestored {
        count: usize,
    },
    Cancelled,
    Published {
        title: String,
    },
    StageMoved {
        title: String,
        stage: String,
    },
    /// The next year of this file is open already.
    YearOpen {
        title: String,
        path: String,
    },
    /// The file's name holds no year to count on.
    NoYearInName {
        path: String,
    },
    YearWritten {
        title: String,
        path: String,
    },
    YearFailed {
        why: String,
    },
    /// The status is changed by submitting, approving and returning, never put back from history.
    StatusNotPutBack,
    StatusCannotCombine,
    /// The save found the section submitted or approved on disk (under the lock): nothing written.
    LockedOnDisk {
        names: Vec<String>,
    },
}

impl CycleMsg {
    /// The message in `lang`, naming keys as `keys` binds them (the screen's table in force).
    pub fn keyed(&self, lang: Lang, keys: &dyn KeyNames) -> String {
        let key = |context, command| keys.key(context, command);
        match self {
            CycleMsg::NeedSection => tr!(
                lang,
                "課を選んでください。提出・承認・差戻しは課ごとにします。",
                "Choose a section first: sections are submitted, approved and returned one by one."
            ),
            CycleMsg::Locked { name, status } => tr!(
                lang,
                "「{name}」は{status}です。差し戻されるまで変更できません。",
                "'{name}' is {status}: it cannot be changed until it is returned."
            ),
            CycleMsg::AlreadySubmitted { name } => {
                tr!(lang, "「{name}」はもう提出してあります。", "'{name}' has been submitted already.")
            }
            CycleMsg::NotSubmitted { name, status } => tr!(
                lang,
                "「{name}」は{status}です。承認・差戻しは提出された課にだけできます。",
                "'{name}' is {status}: only a submitted section can be approved or returned."
            ),
            CycleMsg::NotReviewer => {
                let office = hyoka_data::config::OFFICE_SETTINGS;
                tr!(
                    lang,
                    "承認・差戻し・段階の変更は、審査する人だけができます（事務所の設定 {office} か、安全なデータリポジトリの .hyoka.yaml の reviewers に名前かグループがある人。自分の設定ファイルでは審査する人になれません。追加は管理者に頼んでください）。",
                    "Only reviewers approve, return and change the stage (those named, or in the group, under reviewers: in the office's settings {office} or a safe data repository's .hyoka.yaml; your own settings file cannot make you one. Ask the administrator to add you)."
                )
            }
            CycleMsg::Submitted { name } => tr!(lang, "「{name}」を提出しました。", "Submitted '{name}'."),
            CycleMsg::Approved { name } => tr!(lang, "「{name}」を承認しました。", "Approved '{name}'."),
            CycleMsg::Returned { name } => tr!(lang, "「{name}」を差し戻しました。", "Returned '{name}'."),
            CycleMsg::NoComment => {
                let cancel = key(Context::Comment, Command::Cancel);
                tr!(
                    lang,
                    "差し戻す理由を書いてください。空のままでは差し戻せません（{cancel} でやめます）。",
                    "Write why the section is returned; it cannot be returned without a comment ({cancel} cancels)."
                )
            }
            CycleMsg::NotReturned => tr!(lang, "差し戻しをやめました。", "Not returned."),
            CycleMsg::DraftKept => {
                let again = key(Context::Global, Command::ReturnSection);
                let discard = key(Context::Comment, Command::Discard);
                tr!(
                    lang,
                    "差し戻していません。書いた理由は残してあります（{again} で続きを書けます。捨てるときはその中で {discard}）。",
                    "Not returned. What you wrote is kept: {again} goes on with it ({discard} there throws it away)."
                )
            }
            CycleMsg::DraftsRestored { count } => {
                let again = key(Context::Global, Command::ReturnSection);
                tr!(
                    lang,
                    "送っていなかった差戻しの理由{count}件も戻しました。その課で {again} を押すと続きを書けます。",
                    "{count} return comments not sent are back too: {again} on their section goes on with them."
                )
            }
            CycleMsg::CommentDiscarded => {
                tr!(lang, "書いていた差戻しの理由を捨てました。", "The comment being written was thrown away.")
            }
            CycleMsg::Cancelled => tr!(lang, "やめました。何も変えていません。", "Cancelled: nothing was changed."),
            CycleMsg::Published { title } => tr!(
                lang,
                "{title} は公表済みです。これより先の段階はありません。",
                "{title} is published: there is no stage after it."
            ),
            CycleMsg::StageMoved { title, stage } => {
                tr!(lang, "{title} を「{stage}」の段階に進めました。", "{title} is now at the {stage} stage.")
            }
            CycleMsg::YearOpen { title, path } => tr!(
                lang,
                "{title} はもうあります（{path}）。上書きはしません。",
                "{title} exists already ({path}); it is never overwritten."
            ),
            CycleMsg::NoYearInName { path } => tr!(
                lang,
                "ファイル名「{path}」に年度（2008 など）がないため、次の年度のファイル名を決められません。hyoka new-year {path} -o 新しいファイル で作ってください。",
                "The name '{path}' holds no year (such as 2008) to count on; write it with hyoka new-year {path} -o NEW-FILE."
            ),
            CycleMsg::YearWritten { title, path } => {
                tr!(lang, "{title} を作りました: {path}", "Wrote {title}: {path}")
            }
            CycleMsg::YearFailed { why } => {
                tr!(lang, "次の年度のファイルを作れませんでした: {why}", "Next year's file was not written: {why}")
            }
            CycleMsg::LockedOnDisk { names } => {
                let names = names.join("、");
                tr!(
                    lang,
                    "保存していません: {names} はこの間に提出または承認されました。変更は画面に残っています。差し戻されてから保存してください。",
                    "Nothing saved: {names} was submitted or approved meanwhile. Your changes stay on screen; save them once it is returned."
                )
            }
            CycleMsg::StatusCannotCombine => {
                let (mine, theirs) =
                    (key(Context::Conflict, Command::KeepMine), key(Context::Conflict, Command::KeepTheirs));
                tr!(
                    lang,
                    "提出状況は合わせて編集できません。{mine}（自分）か {theirs}（相手）で選んでください。",
                    "A status cannot be combined: choose {mine} (yours) or {theirs} (theirs)."
                )
            }
            CycleMsg::StatusNotPutBack => {
                let submit = key(Context::Global, Command::Submit);
                let approve = key(Context::Global, Command::Approve);
                let send_back = key(Context::Global, Command::ReturnSection);
                tr!(
                    lang,
                    "提出状況は履歴から戻せません。提出（{submit}）・承認（{approve}）・差戻し（{send_back}）で変わります。",
                    "The status is not put back from the history: it changes by submitting ({submit}), approving ({approve}) and returning ({send_back})."
                )
            }
        }
    }
}
