//! What hyoka says about git: commits on save, merges by field, the set-up, and git's failures,
//! with the few states of git it names (what git is in the middle of, what a set-up step did).

use std::path::{Path, PathBuf};

use super::Lang;
use hyoka_core::tr;

/// A message about git.
pub enum GitMsg<'a> {
    NewFile { title: &'a str },
    SectionAdded,
    SectionRemoved,
    SectionRenamed { from: &'a str },
    AndMore { first: &'a str, more: usize },
    LayoutOnly { files: &'a str },
    Committed { id: &'a str, subject: &'a str },
    CommittedDetached { id: &'a str, subject: &'a str },
    HookRefused { output: &'a str },
    Busy { operation: Operation },
    CommitsOff { why: &'a str },
    CommitFailed { why: &'a str },
    MergeWaiting { path: &'a Path, count: usize },
    Resolved { path: &'a Path, remaining: &'a [PathBuf], operation: Option<Operation> },
    DriverConflicts { path: &'a str, fields: &'a str },
    DriverFallback { path: &'a str, why: &'a str },
    DriverRevived { path: &'a str, sections: &'a str },
    DriverKept { path: &'a str, sections: &'a str },
    DriverLayout { path: &'a str, why: crate::store::LayoutLoss },
    DriverCannot { why: &'a str },
    Setup { what: SetupPart, step: Step, place: &'a str },
    SetupForeignHook { hook: &'a Path, command: &'a str },
    SetupNext { attributes: &'a Path },
    NotBare { path: &'a Path },
}

/// The three things `hyoka git-setup` installs.
#[derive(Clone, Copy)]
pub enum SetupPart {
    Attributes,
    Driver,
    Hook,
    /// The server's pre-receive hook.
    Gate,
}

impl GitMsg<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            GitMsg::NewFile { title } => tr!(lang, "{title}: 新規作成", "{title}: new file"),
            GitMsg::SectionAdded => tr!(lang, "課を追加", "section added"),
            GitMsg::SectionRemoved => tr!(lang, "課を削除", "section removed"),
            GitMsg::SectionRenamed { from } => tr!(lang, "名前を変更（元は {from}）", "renamed (was {from})"),
            GitMsg::AndMore { first, more } => tr!(lang, "{first} ほか{more}件", "{first} and {more} more"),
            GitMsg::LayoutOnly { files } => tr!(lang, "{files}: 書式のみの変更", "{files}: layout only"),
            GitMsg::Committed { id, subject } => {
                tr!(lang, "コミットしました（{id}）: {subject}", "committed {id}: {subject}")
            }
            GitMsg::CommittedDetached { id, subject } => tr!(
                lang,
                "注意: どのブランチにもいない状態（detached HEAD）でコミットしました（{id}）。ブランチに切り替えるとこのコミットは置き去りになります。残すには git switch -c 新しいブランチ名 を実行してください（後からなら git branch 新しいブランチ名 {id}）。内容: {subject}",
                "Note: committed {id} on no branch (detached HEAD): checking out a branch leaves this commit behind. To keep it, run git switch -c NEW-BRANCH (or later: git branch NEW-BRANCH {id}). It holds: {subject}"
            ),
            GitMsg::HookRefused { output } => tr!(
                lang,
                "保存しましたが、git のフックがコミットを断りました（保存した内容はそのままです）: {output}",
                "saved, but a git hook refused the commit (the save stands): {output}"
            ),
            GitMsg::Busy { operation } => {
                let (ja, en) = (operation_ja(*operation), operation_en(*operation));
                let finish = finish_command(*operation);
                tr!(
                    lang,
                    "保存しました。git が{ja}の途中なので、コミットはしていません（{finish} で{ja}を終えるときに含まれます）。",
                    "saved; not committed, since git is in the middle of a {en} (it goes in with {finish})."
                )
            }
            GitMsg::CommitsOff { why } => tr!(
                lang,
                "git へのコミットは行いません: {why}（保存はこれまでどおりです）",
                "commits are off: {why} (saving works as before)"
            ),
            GitMsg::CommitFailed { why } => {
                tr!(lang, "保存しましたが、コミットできませんでした: {why}", "saved, but the commit failed: {why}")
            }
            GitMsg::MergeWaiting { path, count } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} は git のマージで {count} か所が両方の側で変更されています。どちらを残すか選んでください。",
                    "{path}: git's merge found {count} fields changed on both sides; choose what to keep."
                )
            }
            GitMsg::Resolved { path, remaining, operation } => resolved(path, remaining, *operation, lang),
            GitMsg::DriverConflicts { path, fields } => tr!(
                lang,
                "hyoka: {path}: 両方の側で変更された項目があります（{fields}）。ファイルにはこちら側の値が入っています。hyoka で開いて、どちらを残すか選んでください。",
                "hyoka: {path}: fields changed on both sides ({fields}). The file holds this side's values; open it in hyoka to choose what to keep."
            ),
            GitMsg::DriverFallback { path, why } => tr!(
                lang,
                "hyoka: {path} は項目ごとにはマージできません（{why}）。git の行単位のマージに任せます。",
                "hyoka: {path} cannot be merged field by field ({why}); git's line merge is used instead."
            ),
            GitMsg::DriverRevived { path, sections } => tr!(
                lang,
                "hyoka: {path}: 相手の側で削除され、こちらで変更された課を、こちらの変更ごと残しました: {sections}。要らなければ hyoka で削除してください。",
                "hyoka: {path}: sections removed on the other side but changed on this side were kept, with this side's changes: {sections}. Remove them in hyoka if they are not wanted."
            ),
            GitMsg::DriverKept { path, sections } => tr!(
                lang,
                "hyoka: {path}: こちらで削除し、相手の側で変更された課を、相手の変更ごと残しました: {sections}。要らなければ hyoka で削除してください。",
                "hyoka: {path}: sections removed on this side but changed on the other were kept, with the other side's changes: {sections}. Remove them in hyoka if they are not wanted."
            ),
            GitMsg::DriverLayout { path, why } => {
                let why = crate::i18n::store::layout_loss(*why, lang);
                tr!(
                    lang,
                    "hyoka: {path}: {why}コメントや書き方は保てず、hyoka の形で書きました。",
                    "hyoka: {path}: {why} its comments and layout could not be kept; it was written in hyoka's layout."
                )
            }
            GitMsg::DriverCannot { why } => {
                tr!(lang, "hyoka merge-driver: マージできません: {why}", "hyoka merge-driver: cannot merge: {why}")
            }
            GitMsg::Setup { what, step, place } => setup_line(*what, *step, place, lang),
            GitMsg::NotBare { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} は共有リポジトリ（git init --bare）ではありません。サーバーの REPO.git を指定してください。",
                    "{path} is no bare repository (git init --bare); name the server's REPO.git."
                )
            }
            GitMsg::SetupForeignHook { hook, command } => {
                let hook = hook.display();
                tr!(
                    lang,
                    "{hook} には別のフックがあるので変えていません。データを検査するには、その中に次の 1 行を加えてください: {command}",
                    "{hook} is someone else's hook and was left alone; to check the data, add this line to it: {command}"
                )
            }
            GitMsg::SetupNext { attributes } => {
                let attributes = attributes.display();
                tr!(
                    lang,
                    "次に {attributes} をコミットしてください（git add と git commit）。ほかの人の clone でも、一度ずつ hyoka git-setup を実行してください（git の設定とフックは push・pull では届きません）。",
                    "next, commit {attributes} (git add, git commit). Run hyoka git-setup once in every other clone too: git config and hooks do not travel with push and pull."
                )
            }
        }
    }
}

fn resolved(path: &Path, remaining: &[PathBuf], operation: Option<Operation>, lang: Lang) -> String {
    let path = path.display();
    if !remaining.is_empty() {
        let list = remaining.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return tr!(
            lang,
            "{path} の競合を解決し、git に登録しました（git add）。まだ競合のあるファイル: {list}",
            "{path}: conflicts resolved and staged (git add). Still in conflict: {list}"
        );
    }
    match operation {
        Some(op) => {
            let (ja, en, finish) = (operation_ja(op), operation_en(op), finish_command(op));
            tr!(
                lang,
                "{path} の競合を解決し、git に登録しました（git add）。{finish} で{ja}を終えてください。",
                "{path}: conflicts resolved and staged (git add). Finish the {en} with {finish}."
            )
        }
        None => tr!(lang, "{path} の競合を解決しました。", "{path}: conflicts resolved."),
    }
}

fn setup_line(what: SetupPart, step: Step, place: &str, lang: Lang) -> String {
    let (ja, en) = match what {
        SetupPart::Attributes => {
            ("マージドライバーの指定（*.yaml merge=hyoka）", "the merge driver attribute (*.yaml merge=hyoka)")
        }
        SetupPart::Driver => {
            ("マージドライバーの git 設定（merge.hyoka.driver）", "the merge driver in git config (merge.hyoka.driver)")
        }
        SetupPart::Hook => ("コミット前の検査（pre-commit フック）", "the pre-commit check (hook)"),
        SetupPart::Gate => ("送信（push）の検査（pre-receive フック）", "the check of pushes (pre-receive hook)"),
    };
    match step {
        Step::Added => tr!(lang, "追加しました: {ja} → {place}", "added {en}: {place}"),
        Step::Updated => tr!(lang, "更新しました: {ja} → {place}", "updated {en}: {place}"),
        Step::Already => tr!(lang, "設定済みです: {ja} → {place}", "already there: {en}: {place}"),
        Step::Foreign => tr!(lang, "変えていません: {ja} → {place}", "left alone: {en}: {place}"),
    }
}

fn operation_ja(operation: Operation) -> &'static str {
    match operation {
        Operation::Merge => "マージ",
        Operation::Rebase => "リベース",
        Operation::CherryPick => "チェリーピック",
        Operation::Revert => "リバート",
    }
}

fn operation_en(operation: Operation) -> &'static str {
    match operation {
        Operation::Merge => "merge",
        Operation::Rebase => "rebase",
        Operation::CherryPick => "cherry-pick",
        Operation::Revert => "revert",
    }
}

fn finish_command(operation: Operation) -> &'static str {
    match operation {
        Operation::Merge => "git commit",
        Operation::Rebase => "git rebase --continue",
        Operation::CherryPick => "git cherry-pick --continue",
        Operation::Revert => "git revert --continue",
    }
}

/// Something git is in the middle of, during which hyoka makes no commit of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Merge,
    Rebase,
    CherryPick,
    Revert,
}

/// What a step of the set-up found and did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Added,
    Updated,
    Already,
    /// A hook of someone else's is there: left alone (the report says what to add to it).
    Foreign,
}

/// What went wrong between hyoka and git, and what to do, in one sentence.
pub enum GitErrorMsg<'a> {
    NotInstalled,
    NotAWorkTree { path: &'a Path, detail: &'a str },
    Outside { path: &'a Path, top: &'a Path },
    Spawn { source: String },
    Failed { command: &'a str, output: &'a str },
    Io { path: &'a Path, source: String },
    Unreadable { path: &'a Path, detail: &'a str },
    Protocol { detail: &'a str },
}

impl GitErrorMsg<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            GitErrorMsg::NotInstalled => {
                tr!(lang, "git が見つかりません（PATH に git がありません）", "git was not found on the PATH")
            }
            GitErrorMsg::NotAWorkTree { path, detail } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} は git の作業ツリーの中にありません（{detail}）",
                    "{path} is not inside a git work tree ({detail})"
                )
            }
            GitErrorMsg::Outside { path, top } => {
                let (path, top) = (path.display(), top.display());
                tr!(lang, "{path} は作業ツリー {top} の外にあります", "{path} lies outside the work tree {top}")
            }
            GitErrorMsg::Spawn { source } => tr!(lang, "git を実行できません（{source}）", "cannot run git ({source})"),
            GitErrorMsg::Failed { command, output } => {
                tr!(lang, "{command} が失敗しました: {output}", "{command} failed: {output}")
            }
            GitErrorMsg::Io { path, source } => {
                let path = path.display();
                tr!(lang, "{path} を読み書きできません（{source}）", "cannot read or write {path} ({source})")
            }
            GitErrorMsg::Unreadable { path, detail } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} はデータファイルとして読めません（{detail}）。直してからもう一度試してください。",
                    "{path} cannot be read as a data file ({detail}); fix it and try again."
                )
            }
            GitErrorMsg::Protocol { detail } => {
                tr!(lang, "git から思わぬ応答がありました（{detail}）", "git answered something unexpected ({detail})")
            }
        }
    }
}
