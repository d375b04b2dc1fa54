//! What hyoka says about the office server: locks shared between accounts, who may review and
//! where that is decided, in Japanese and English side by side.

use std::path::Path;

use super::Lang;
use crate::config::Unsafe;
use crate::store::LockRefused;
use hyoka_core::tr;

/// A save that did not get its lock: the lock file, who holds it or owns it, and what to do.
/// Never a word about disk space: the disk is not what is wrong.
pub fn lock_refused(refused: &LockRefused, path: &Path, lang: Lang) -> String {
    let path = path.display();
    match refused {
        LockRefused::Busy { lock, holder: Some(holder) } => {
            let (lock, who, pid) = (lock.display(), &holder.login, holder.pid);
            tr!(
                lang,
                "{path} は {who} さんが保存中です（ロックファイル {lock}、プロセス {pid}）。少し待ってから、もう一度 Ctrl-S を押してください。変更は残っています。",
                "{who} is saving {path} (lock file {lock}, process {pid}); wait a moment and press Ctrl-S again. Your edits are kept."
            )
        }
        LockRefused::Busy { lock, holder: None } => {
            let lock = lock.display();
            tr!(
                lang,
                "{path} は他の人が保存中です（ロックファイル {lock}）。少し待ってから、もう一度 Ctrl-S を押してください。変更は残っています。",
                "someone else is saving {path} (lock file {lock}); wait a moment and press Ctrl-S again. Your edits are kept."
            )
        }
        LockRefused::Unusable { lock, owner, why } => {
            let lock_word = crate::git::shell_word(&lock.display().to_string());
            let lock = lock.display();
            tr!(
                lang,
                "{path} のロックファイル {lock}（持ち主 {owner}）を使えません（{why}）。誰も保存中ではないので、{owner} さんか管理者に sudo rm {lock_word} を頼んでから、もう一度 Ctrl-S を押してください。変更は残っています。",
                "the lock file {lock} of {path} (owned by {owner}) cannot be used ({why}). Nobody is saving: ask {owner} or the administrator to run sudo rm {lock_word}, then press Ctrl-S again. Your edits are kept."
            )
        }
        LockRefused::NotAFile { lock } => {
            let lock = lock.display();
            tr!(
                lang,
                "{path} のロックファイル {lock} が普通のファイルではありません（リンクか名前付きパイプ）。管理者に確かめてもらってください。変更は残っています。",
                "the lock file {lock} of {path} is no plain file (a link or a named pipe); ask the administrator to look at it. Your edits are kept."
            )
        }
        LockRefused::Io { lock, why } => {
            let lock = lock.display();
            tr!(
                lang,
                "{path} のロックファイル {lock} を作れません（{why}）。フォルダーに書き込めるか（グループと権限）を管理者に確かめてもらってください（hyoka doctor）。変更は残っています。",
                "cannot create the lock file {lock} of {path} ({why}); ask the administrator to check that the folder's group may write it (hyoka doctor). Your edits are kept."
            )
        }
    }
}

/// A reviewers' file hyoka did not trust, and why.
pub fn reviewers_ignored(why: &Unsafe, lang: Lang) -> String {
    let file = why.path().display();
    let reason = match why {
        Unsafe::Owner { owner, .. } => tr!(lang, "持ち主が {owner} です", "it belongs to {owner}"),
        Unsafe::Writable { .. } => tr!(lang, "ほかの人も書き換えられます", "others may write it"),
        Unsafe::Folder { path, owner } => {
            let path = path.display();
            tr!(
                lang,
                "フォルダー {path}（持ち主 {owner}）をほかの人も書き換えられます",
                "the folder {path} (owned by {owner}) may be written by others"
            )
        }
        Unsafe::NotAFile { .. } => tr!(lang, "普通のファイルではありません", "it is no plain file"),
        Unsafe::Unreadable { why, .. } => tr!(lang, "読めません（{why}）", "it cannot be read ({why})"),
    };
    tr!(
        lang,
        "審査者の設定 {file} は使いません（{reason}）。審査者の一覧は管理者が事務所の設定で決めます（hyoka doctor）。",
        "the reviewers' file {file} is ignored ({reason}); the administrator keeps the list of reviewers in the office's settings (hyoka doctor)."
    )
}

/// The user's own settings named reviewers: that grants nothing.
pub fn own_reviewers_ignored(path: &Path, office: &Path, lang: Lang) -> String {
    let (path, office) = (path.display(), office.display());
    tr!(
        lang,
        "{path} の reviewers: は使いません。審査者は事務所の設定（{office}）で決まります。",
        "reviewers: in {path} is ignored; reviewers are named in the office's settings ({office})."
    )
}

/// The right to review came or went while hyoka runs.
pub fn rights_changed(reviewer: bool, lang: Lang) -> String {
    if reviewer {
        tr!(
            lang,
            "審査者になりました: 承認（A）と差戻し（R）ができます。",
            "you are now a reviewer: A approves, R returns."
        )
    } else {
        tr!(
            lang,
            "審査者の一覧から外れました: 承認と差戻しはできません。",
            "you are no longer on the list of reviewers: approving and returning are not possible."
        )
    }
}

/// The account has no name in the user database: nothing is stamped with a guess.
pub fn unnamed(why: &crate::identity::Unnamed, lang: Lang) -> String {
    let (uid, detail) = (why.uid, &why.why);
    tr!(
        lang,
        "ユーザー番号 {uid} の名前がシステムのユーザー情報にありません（{detail}）。名前のないまま記録はできないので、管理者に確かめてもらってください（getent passwd {uid}）。",
        "user id {uid} has no name in the system's user database ({detail}); hyoka records nobody without a name: ask the administrator (getent passwd {uid})."
    )
}

/// The office's settings file was there but not trusted.
pub fn office_ignored(why: &Unsafe, lang: Lang) -> String {
    let file = why.path().display();
    let fix = why.fix(why.path());
    tr!(
        lang,
        "事務所の設定 {file} は root 以外も書き換えられるので使いません。管理者が直してください: {fix}",
        "the office's settings {file} may be changed by others than root and are ignored; the administrator fixes it with: {fix}"
    )
}

/// One change the server refused: the file, the section and the rule, for the pusher.
pub fn breach(b: &crate::git::Breach, pusher: &str, lang: Lang) -> String {
    use crate::git::Rule;
    use hyoka_core::i18n::cycle::status_name;
    let place = if b.place.is_empty() { b.file.clone() } else { format!("{} {}", b.file, b.place) };
    let commit = b.commit.get(..7).unwrap_or(&b.commit);
    let rule = match &b.rule {
        Rule::NotReviewer { status } => {
            let status = status_name(*status, lang);
            tr!(
                lang,
                "「{status}」にできるのは審査者だけです（{pusher} さんは審査者ではありません）",
                "only a reviewer may make it \"{status}\" ({pusher} is not a reviewer)"
            )
        }
        Rule::Stage => tr!(lang, "段階（stage）を進められるのは審査者だけです", "only a reviewer may move the stage"),
        Rule::NamedOther { key, name } => tr!(
            lang,
            "{key} が {name} になっていますが、送ったのは {pusher} さんです（自分の名前でしか記録できません）",
            "{key} names {name}, but {pusher} pushed it (each records only their own name)"
        ),
        Rule::Locked { status } => {
            let status = status_name(*status, lang);
            tr!(
                lang,
                "「{status}」の課は、審査者が差し戻すまで変更できません",
                "a section that is \"{status}\" cannot be changed until a reviewer returns it"
            )
        }
        Rule::Settings => tr!(
            lang,
            "審査者の設定（.hyoka.yaml）を変えられるのは審査者だけです",
            "only a reviewer may change the reviewers' file (.hyoka.yaml)"
        ),
    };
    tr!(lang, "{place}（コミット {commit}）: {rule}", "{place} (commit {commit}): {rule}")
}

/// The head and the end of the server's refusal.
pub fn push_refused(count: usize, lang: Lang) -> (String, String) {
    (
        tr!(
            lang,
            "hyoka: この送信（push）は受け付けられません（{count}件）:",
            "hyoka: this push is refused ({count}):"
        ),
        tr!(
            lang,
            "hyoka: 自分のコミットを直すか（git reset）、審査者に頼んでください。",
            "hyoka: change your commits (git reset), or ask a reviewer."
        ),
    )
}
