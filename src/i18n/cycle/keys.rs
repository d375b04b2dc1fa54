//! The words of the cycle's keys: in the help, and after a key in the bottom line.

use crate::command::{Command, Context};

type Pair = (&'static str, &'static str);

/// The places the cycle's dialogs add to the help.
pub fn place(context: Context) -> Option<Pair> {
    Some(match context {
        Context::Confirm => ("確認", "question"),
        Context::NewYear => ("新年度", "new year"),
        Context::Comment => ("差戻しの理由", "return comment"),
        _ => return None,
    })
}

/// What a key of the cycle does, for the help.
pub fn describe(context: Context, command: Command) -> Option<Pair> {
    use Command as C;
    use Context as X;
    Some(match (context, command) {
        (X::Goals, C::Rate(_)) => ("目標ごとの達成度を選ぶ（◎○△× の順）", "rate the goal (◎○△× in order)"),
        (X::Goals, C::CycleRating) => ("目標ごとの達成度を順に切り替え", "next rating of the goal"),
        (X::Goals, C::ClearRating) => ("目標ごとの達成度を消す", "clear the goal's rating"),
        (_, C::Submit) => {
            ("課を提出する（確認します。差し戻されるまで変更できなくなります）", "submit the section (asks first)")
        }
        (_, C::Approve) => ("提出された課を承認する（審査する人だけ）", "approve a submitted section (reviewers)"),
        (_, C::ReturnSection) => {
            ("課を理由を添えて差し戻す（審査する人だけ）", "return a section with a comment (reviewers)")
        }
        (_, C::NextStage) => (
            "ファイルを次の段階へ進める（審査する人だけ。提出状況は下書きに戻ります）",
            "move the file to its next stage (reviewers; statuses start again)",
        ),
        (_, C::NewYear) => ("次の年度のファイルを作る", "write next year's file"),
        (X::NewYear, C::Yes) => ("目標を引き継がずに作る", "write it without the goals"),
        (X::NewYear, C::KeepGoals) => ("目標を引き継いで作る", "write it with this year's goals"),
        (X::Confirm, C::Yes) => ("はい", "yes"),
        (X::Confirm | X::NewYear, C::Cancel) => ("やめる", "no, cancel"),
        (X::Comment, C::Send) => ("この理由で差し戻す", "return the section with this comment"),
        (X::Comment, C::Cancel) => (
            "閉じる（差し戻さない。書いた理由は残り、{return} で続きを書けます）",
            "close (not returned; what is written stays for the next {return})",
        ),
        (X::Comment, C::Discard) => ("書いた理由を捨てる（確認します）", "throw the comment away (asks first)"),
        _ => return None,
    })
}

/// The short word after a key of the cycle in the bottom line.
pub fn hint_label(context: Context, command: Command) -> Option<Pair> {
    use Command as C;
    use Context as X;
    Some(match (context, command) {
        (_, C::Submit) => ("提出", "submit"),
        (_, C::Approve) => ("承認", "approve"),
        (_, C::ReturnSection) => ("差戻し", "return"),
        (X::NewYear, C::Yes) => ("目標なしで作る", "without goals"),
        (X::NewYear, C::KeepGoals) => ("目標を引き継ぐ", "keep the goals"),
        (X::Confirm, C::Yes) => ("はい", "yes"),
        (X::Confirm | X::NewYear, C::Cancel) => ("やめる", "cancel"),
        (X::Comment, C::Cancel) => ("閉じる", "close"),
        (X::Comment, C::Discard) => ("捨てる", "discard"),
        (X::Comment, C::Send) => ("差し戻す", "return it"),
        _ => return None,
    })
}
