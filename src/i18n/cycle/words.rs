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
    /// What the move to the next stage leaves undone: sections not approved (not submitted, or
    /// submitted and waiting), and those whose stage fields (`fields`) are empty.
    StageUndone {
        total: usize,
        unsubmitted: usize,
        waiting: usize,
        empty: usize,
        fields: String,
    },
    /// How many sections' reviews the move clears from the file.
    ReviewsCleared {
        count: usize,
    },
    /// Where the reviews cleared are kept.
    Kept(Kept),
    SavedAtOnce,
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

/// Where a file's reviews are kept once they are cleared from it, as the question says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    InGit,
    Uncommitted,
    NoRepository,
    NoGit,
    Looking,
    Unknown,
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
                "{title} を「{from}」から「{to}」の段階へ進めます。各課の提出状況は下書きに戻ります。",
                "Move {title} from the {from} stage to {to}? Every section starts again as a draft."
            ),
            CycleWords::StageUndone { total, unsubmitted: 0, waiting: 0, empty: 0, .. } => {
                tr!(
                    lang,
                    "{total}課すべてが承認済みで、空の欄もありません。",
                    "All {total} sections are approved, with no empty field."
                )
            }
            CycleWords::StageUndone { total, unsubmitted, waiting, empty, fields } => {
                let (ja_empty, en_empty) = match empty {
                    0 => (String::new(), String::new()),
                    n => (format!("{fields}が空の課が{n}課あります。"), format!(" {n} have {fields} empty.")),
                };
                let open = unsubmitted + waiting;
                tr!(
                    lang,
                    "{total}課のうち{open}課は承認されていません（未提出 {unsubmitted}・提出済みで未承認 {waiting}）。{ja_empty}これらもこのまま次の段階に移ります。",
                    "{open} of {total} sections are not approved ({unsubmitted} not submitted, {waiting} waiting for review).{en_empty} They move on as they are."
                )
            }
            CycleWords::ReviewsCleared { count } => tr!(
                lang,
                "{count}課の審査の記録（承認・差戻しの理由）がファイルから消えます。",
                "The reviews of {count} sections (approvals, return comments) are cleared from the file."
            ),
            CycleWords::Kept(Kept::InGit) => fixed(
                "今の内容はコミット済みなので、記録は git の履歴（H）に残ります。",
                "The file is committed as it is: git's history (H) keeps them.",
            ),
            CycleWords::Kept(Kept::Uncommitted) => fixed(
                "このファイルにはコミットしていない変更があり、その分の記録は git の履歴にも残りません。残すなら先にコミットしてください。",
                "The file has changes that are not committed: those reviews are not in git's history either. Commit first to keep them.",
            ),
            CycleWords::Kept(Kept::NoRepository) => fixed(
                "このフォルダは git のリポジトリではないので、消えた記録はどこにも残りません。",
                "This folder is no git repository: nothing keeps the reviews once they are cleared.",
            ),
            CycleWords::Kept(Kept::NoGit) => fixed(
                "git が見つからないので、記録が残るかどうか確かめられません。",
                "There is no git to ask, so whether anything keeps them cannot be told.",
            ),
            CycleWords::Kept(Kept::Looking) => {
                fixed("（git の履歴に残るか確かめています…）", "(looking whether git keeps them…)")
            }
            CycleWords::Kept(Kept::Unknown) => fixed(
                "git の履歴に残るかどうか確かめられませんでした。",
                "Whether git's history keeps them could not be told.",
            ),
            CycleWords::SavedAtOnce => fixed("すぐに保存します。", "It is saved at once."),
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
