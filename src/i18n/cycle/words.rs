//! The words of the cycle on the screen: its questions, the review above a section's panes, the
//! stage in the status line and in the overviews.

use crate::i18n::Lang;
use crate::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CycleWords {
    AskSubmit {
        name: String,
        missing: String,
    },
    AskApprove {
        name: String,
    },
    AskNextStage {
        title: String,
        from: String,
        to: String,
    },
    AskNewYear {
        title: String,
        path: String,
    },
    SubmitTitle,
    ApproveTitle,
    StageTitle,
    NewYearTitle,
    CommentTitle {
        name: String,
    },
    CommentExplain,
    /// "差戻し（suzuki 令和8年11月26日 10:00）": the status with who reviewed and when.
    Status {
        status: String,
        by: Option<String>,
        when: Option<String>,
    },
    /// After the status of a section that waits: what a clerk can (not) do.
    LockedNote,
    /// A return comment was begun for this section and not sent.
    DraftWaiting,
    /// "段階: 中間（取組状況）".
    Stage {
        stage: String,
    },
    /// The sections that have not written the stage's fields yet.
    Unwritten {
        fields: String,
        names: String,
        count: usize,
    },
    AllWritten {
        fields: String,
    },
    /// "下書き 5・提出済み 2・承認済み 1・差戻し 1".
    Counts {
        counts: String,
    },
}

impl CycleWords {
    pub fn text(&self, lang: Lang) -> String {
        let fixed = |ja: &str, en: &str| lang.pick(ja, en).to_owned();
        match self {
            CycleWords::AskSubmit { name, missing } if missing.is_empty() => tr!(
                lang,
                "「{name}」を提出します。提出すると、差し戻されるまで変更できません。保存していない変更はすべて保存します。",
                "Submit '{name}'? It cannot be changed until it is returned. All unsaved changes are saved."
            ),
            CycleWords::AskSubmit { name, missing } => tr!(
                lang,
                "「{name}」を提出します。まだ書いていない欄があります: {missing}。提出すると、差し戻されるまで変更できません。保存していない変更はすべて保存します。",
                "Submit '{name}'? Not written yet: {missing}. It cannot be changed until it is returned. All unsaved changes are saved."
            ),
            CycleWords::AskApprove { name } => tr!(
                lang,
                "「{name}」を承認します。保存していない変更はすべて保存します。",
                "Approve '{name}'? All unsaved changes are saved."
            ),
            CycleWords::AskNextStage { title, from, to } => tr!(
                lang,
                "{title} を「{from}」から「{to}」の段階へ進めます。各課の提出状況は下書きに戻り、審査の記録は消えます（git の履歴には残ります）。すぐに保存します。",
                "Move {title} from the {from} stage to {to}? Every section starts again as a draft and the reviews go (git keeps them). It is saved at once."
            ),
            CycleWords::AskNewYear { title, path } => tr!(
                lang,
                "{title} を作ります: {path}。組織・部・課・評価の区分を引き継ぎ、取組状況・達成度・振り返りは空にします。目標は引き継ぐかどうか選べます。",
                "Write {title} to {path}? The organisation, divisions, sections and scale go over; progress, ratings and reflections start empty; the goals go over if you choose."
            ),
            CycleWords::SubmitTitle => fixed(" 提出 ", " Submit "),
            CycleWords::ApproveTitle => fixed(" 承認 ", " Approve "),
            CycleWords::StageTitle => fixed(" 年度の段階 ", " Stage "),
            CycleWords::NewYearTitle => fixed(" 新年度 ", " New year "),
            CycleWords::CommentTitle { name } => tr!(lang, " 差し戻す理由 — {name} ", " Why '{name}' is returned "),
            CycleWords::CommentExplain => fixed(
                "直してほしいことを書いてください。この文は、提出し直されるまで課の欄の上に表示されます。",
                "Write what should be fixed; it is shown above the section's panes until it is submitted again.",
            ),
            CycleWords::Status { status, by, when } => match (by, when) {
                (Some(by), Some(when)) => tr!(lang, "{status}（{by} {when}）", "{status} ({by}, {when})"),
                (Some(by), None) => tr!(lang, "{status}（{by}）", "{status} ({by})"),
                (None, Some(when)) => tr!(lang, "{status}（{when}）", "{status} ({when})"),
                (None, None) => status.clone(),
            },
            CycleWords::LockedNote => fixed("差し戻されるまで変更できません", "cannot be changed until returned"),
            CycleWords::DraftWaiting => fixed("差戻しの理由を書きかけです", "a return comment is begun"),
            CycleWords::Stage { stage } => tr!(lang, "段階: {stage}", "Stage: {stage}"),
            CycleWords::Unwritten { fields, names, count } => {
                tr!(lang, "未記入（{fields}）{count}課: {names}", "{count} without {fields}: {names}")
            }
            CycleWords::AllWritten { fields } => {
                tr!(lang, "どの課も{fields}を書いています。", "Every section has written its {fields}.")
            }
            CycleWords::Counts { counts } => counts.clone(),
        }
    }
}
