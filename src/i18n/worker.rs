//! What the screen says when work off the screen's thread fails, or when what keeps the work
//! (the journals, the leftovers of hyokas that are gone) needs a word.

use super::Lang;
use crate::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerWords {
    /// The work panicked: `why` is what it said, and where.
    Panicked { why: String },
    /// No worker thread could take the work (it ended, or could not be started).
    NoThread,
    /// git was not told that a merge's questions are decided.
    NotResolved { path: String, why: String },
    /// The journal written as the terminal went could not be written (said after the terminal is
    /// given back).
    LastJournalFailed { why: String },
    /// A journal that cannot be read or understood: named, never passed over in silence.
    JournalUnreadable { path: String, why: String },
    /// Leftovers of hyokas that are gone, removed at start.
    LeftoversRemoved { count: usize },
    /// Who is at the keys could not be found out: nothing can be saved.
    NotIdentified { why: String },
    /// The merges git left for hyoka could not be read at start.
    MergesNotRead { why: String },
}

impl WorkerWords {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            WorkerWords::Panicked { why } => {
                tr!(lang, "作業が途中で止まりました（{why}）", "the work stopped half-way ({why})")
            }
            WorkerWords::NoThread => tr!(lang, "作業用のスレッドが動いていません", "no worker thread is running"),
            WorkerWords::NotResolved { path, why } => tr!(
                lang,
                "{path} の競合を git に登録できませんでした: {why}。もう一度 Ctrl-S を押すか、git add で登録してください。",
                "could not tell git that {path} is resolved: {why}. Press Ctrl-S again, or run git add."
            ),
            WorkerWords::LastJournalFailed { why } => tr!(
                lang,
                "hyoka: 終了するときに、保存していない変更を作業の控え（ジャーナル）に書けませんでした: {why}。その変更は失われた可能性があります。",
                "hyoka: on the way out, the unsaved changes could not be written to the journal: {why}. They may be lost."
            ),
            WorkerWords::JournalUnreadable { path, why } => tr!(
                lang,
                "作業の控え {path} を読めませんでした（{why}）。中身を確かめて、要らなければ消してください。",
                "the journal {path} cannot be read ({why}). Look at it, and remove it if it is not needed."
            ),
            WorkerWords::LeftoversRemoved { count } => tr!(
                lang,
                "終了したhyokaの書きかけのファイルを {count} 個片づけました。",
                "removed {count} files left half-written by hyokas that are gone."
            ),
            WorkerWords::NotIdentified { why } => tr!(
                lang,
                "ログイン名を確かめられませんでした（{why}）。このままでは保存できません。hyoka を終了して開き直してください。",
                "could not find out your login name ({why}); nothing can be saved. Quit hyoka and open it again."
            ),
            WorkerWords::MergesNotRead { why } => tr!(
                lang,
                "git のマージで残された競合を読めませんでした（{why}）。git status で確かめてください。",
                "could not read the conflicts a git merge left ({why}); look with git status."
            ),
        }
    }
}
