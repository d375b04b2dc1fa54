//! The words of the key help and of the bottom line's hints.

use super::Lang;
use crate::command::{Command, Context};

/// The heading of `hyoka keys`' table: its three columns.
pub fn table_heading(lang: Lang) -> &'static str {
    lang.pick("場所 | キー | 操作", "where | keys | does")
}

/// Where a binding applies, as the help's first column says it.
pub fn place(context: Context, lang: Lang) -> &'static str {
    if let Some((ja, en)) = super::cycle::place(context) {
        return lang.pick(ja, en);
    }
    let (ja, en) = match context {
        Context::Global => ("どこでも", "anywhere"),
        Context::Tree => ("一覧", "tree"),
        Context::Pane => ("欄", "pane"),
        Context::Goals => ("目標", "goals"),
        Context::Rating => ("達成度", "rating"),
        Context::Text => ("記述欄", "text panes"),
        Context::Editing => ("編集中", "editing"),
        Context::TextInput => ("文字入力", "typing"),
        Context::Help => ("ヘルプ", "help"),
        Context::Messages => ("メッセージ", "messages"),
        Context::Quit => ("終了確認", "quit?"),
        Context::Conflict => ("競合", "conflict"),
        Context::Gone => ("削除された課", "removed section"),
        Context::Decided => ("審査済み", "reviewed conflict"),
        Context::Combined => ("合わせて編集", "combined text"),
        Context::Recovery => ("復元", "recovery"),
        Context::ConfirmDiscard => ("破棄の確認", "discard?"),
        Context::RecoveryDiff => ("変更の中身", "changes"),
        Context::Export => ("書き出し", "export"),
        Context::History => ("変更の履歴", "history"),
        other => super::review::place(other).unwrap_or(("", "")),
    };
    lang.pick(ja, en)
}

/// What a binding does, for the help.
pub fn describe(context: Context, command: Command, lang: Lang) -> &'static str {
    use Command as C;
    use Context as X;
    if let Some((ja, en)) = super::cycle::describe(context, command) {
        return lang.pick(ja, en);
    }
    let (ja, en) = match (context, command) {
        (X::Tree, C::Up | C::Down) => ("上下に移動", "move up / down"),
        (X::History, C::Up | C::Down) => ("変更（コミット）を選ぶ", "choose a change (commit)"),
        (X::History, C::PageUp | C::PageDown) => ("変更の中身をスクロール", "scroll the change"),
        (X::History, C::NextPane | C::PrevPane) => ("戻す欄を選ぶ", "choose the field to put back"),
        (X::History, C::Back) => ("履歴を閉じる", "close the history"),
        (X::Tree, C::Collapse) => ("閉じる・親へ", "collapse, or go to the parent"),
        (X::Tree, C::Expand) => ("開く・中へ（課なら欄へ）", "expand, or step in (a section: its panes)"),
        (X::Tree, C::Open) => ("課を開く・部を開閉", "open the section / fold a division"),
        (_, C::First) => ("先頭へ", "first row"),
        (_, C::Last) => ("末尾へ", "last row"),
        (X::TextInput, C::PageUp | C::PageDown) => ("数行ずつ移動", "several rows up / down"),
        (_, C::PageUp) => ("前のページ", "page up"),
        (_, C::PageDown) => ("次のページ", "page down"),
        (X::Pane, C::Back) => ("一覧に戻る", "back to the tree"),
        (X::Pane, C::Up | C::Down) => ("スクロール・目標の選択", "scroll, or select a goal"),
        (X::Goals | X::Text, C::Edit) => ("編集を始める", "start editing"),
        (X::Goals, C::AddGoalAfter) => ("目標を後に追加", "add a goal after"),
        (X::Goals, C::AddGoalBefore) => ("目標を前に追加", "add a goal before"),
        (X::Goals, C::RemoveGoal) => ("目標を削除（{undo} で戻せます）", "remove the goal ({undo} brings it back)"),
        (X::Goals, C::MoveGoalUp) => ("目標を上へ", "move the goal up"),
        (X::Goals, C::MoveGoalDown) => ("目標を下へ", "move the goal down"),
        (X::Rating, C::Rate(_)) => ("達成度を選ぶ（◎○△× の順）", "set the rating (◎○△× in order)"),
        (X::Rating, C::CycleRating) => ("達成度を順に切り替え", "next rating"),
        (X::Rating, C::CycleRatingBack) => ("達成度を逆順に切り替え", "previous rating"),
        (X::Rating, C::ClearRating) => ("未評価に戻す", "clear the rating"),
        (_, C::NextPane) => ("次の欄", "next pane"),
        (_, C::PrevPane) => ("前の欄", "previous pane"),
        (_, C::Undo) => ("変更を元に戻す", "undo a change"),
        (_, C::Redo) => ("変更をやり直す", "redo a change"),
        (X::Editing, C::Save) => ("編集を終えて保存", "end editing and save"),
        (_, C::Save) => ("保存", "save"),
        (_, C::Export) => ("書き出し（HTML・CSV・Markdown・表・Excel）", "export (HTML, CSV, Markdown, table, Excel)"),
        (_, C::Zoom) => ("選んだ欄を右側いっぱいに / 元に戻す", "show the pane on the whole right side / back"),
        (_, C::Redraw) => ("画面を描き直す", "redraw the screen"),
        (_, C::Help) => ("このヘルプ", "this help"),
        (_, C::Messages) => ("最近のメッセージを全文で見る", "the last messages, in full"),
        (X::Goals, C::EditIntro) => ("目標の前書きを書く（「…のため」など）", "write the lead-in before the goals"),
        (_, C::Quit) => ("終了（未保存なら確認）", "quit (asks when unsaved)"),
        (X::Editing, C::EndEdit) => ("編集を終える（内容は残ります）", "end editing (the text stays)"),
        (_, C::NewLine) => ("改行", "new line"),
        (_, C::CaretLeft) => ("一文字左へ", "one character left"),
        (_, C::CaretRight) => ("一文字右へ", "one character right"),
        (_, C::CaretUp) => ("画面の一行上へ", "one row up, as drawn"),
        (_, C::CaretDown) => ("画面の一行下へ", "one row down, as drawn"),
        (_, C::LineStart) => ("行頭へ", "start of the line"),
        (_, C::LineEnd) => ("行末へ", "end of the line"),
        (_, C::DeleteBack) => ("前の一文字を消す", "delete before the caret"),
        (_, C::DeleteForward) => ("後の一文字を消す", "delete after the caret"),
        (_, C::UndoTyping) => ("入力を元に戻す", "undo typing"),
        (_, C::RedoTyping) => ("入力をやり直す", "redo typing"),
        (X::Help | X::RecoveryDiff | X::Messages, C::Up | C::Down) => {
            ("スクロール（他のキーで閉じる）", "scroll (any other key closes)")
        }
        (_, C::SaveAndQuit) => ("保存して終了", "save and quit"),
        (_, C::DiscardAndQuit) => ("保存せずに終了", "quit without saving"),
        (X::Quit, C::Back) => ("戻る", "back"),
        (X::Gone, C::KeepMine) => ("自分の変更を別の課として残す", "keep yours as a section of its own"),
        (X::Gone, C::KeepTheirs) => ("削除を受け入れる（自分の変更は捨てる）", "accept the removal (yours goes)"),
        (X::Decided, C::KeepTheirs) => ("相手の内容（審査した人の判断）を残す", "keep theirs (a reviewer's decision)"),
        (_, C::KeepMine) => ("自分の内容を残す", "keep yours"),
        (_, C::KeepTheirs) => ("相手の内容を残す", "keep theirs"),
        (_, C::EditBoth) => ("両方を合わせて編集", "edit both together"),
        (X::Combined, C::UseCombined) => ("この内容にする", "use this text"),
        (X::Combined, C::Back) => {
            ("選び直す（{mine}・{theirs}・{both} に戻る）", "back to choosing ({mine}, {theirs}, {both})")
        }
        (X::Decided, C::Cancel) => (
            "保留する（保存しない。次の Ctrl-S でまた聞きます）",
            "decide later (nothing is saved; asked again at the next Ctrl-S)",
        ),
        (_, C::Cancel) => ("やめる（保存・書き出しをしない）", "cancel (nothing is saved or written)"),
        (_, C::Restore) => ("変更を戻す", "restore the changes"),
        (_, C::ShowDiff) => ("変更の中身を見る", "show the changes"),
        (_, C::Discard) => ("変更を捨てる（もう一度確認します）", "throw the changes away (asks again)"),
        (_, C::Later) => ("あとで決める（記録は残ります）", "decide later (the journal stays)"),
        (_, C::ConfirmDiscard) => ("本当に捨てる（他のキーで戻る）", "really throw away (any other key: back)"),
        (_, C::Write) => ("書き出す", "write the export"),
        (_, C::NextFormat) => ("次の形式", "next format"),
        (_, C::PrevFormat) => ("前の形式", "previous format"),
        (_, C::History) => (
            "変更の履歴（課の上で: その課、一覧の部・ファイルの上で: ファイル全体）",
            "history (of the section, or of the whole file)",
        ),
        (_, C::PutBack) => (
            "選んだ欄をこの変更の前の内容に戻す（{undo} で取り消せます）",
            "put the field back as it was before this change ({undo} undoes)",
        ),
        (_, C::WholeFile) => {
            ("課の履歴とファイル全体の履歴を切り替え", "switch between the section and the whole file")
        }
        _ => super::review::describe(context, command).unwrap_or(("", "")),
    };
    lang.pick(ja, en)
}

/// The short word after a key in the bottom line ("Enter:開く").
pub fn hint_label(context: Context, command: Command, lang: Lang) -> &'static str {
    use Command as C;
    if let Some((ja, en)) = super::cycle::hint_label(context, command) {
        return lang.pick(ja, en);
    }
    let (ja, en) = match (context, command) {
        (_, C::Up | C::Down)
            if matches!(context, Context::Tree | Context::Table | Context::Filter | Context::History) =>
        {
            ("移動", "move")
        }
        (_, C::NextPane) if context == Context::History => ("欄", "field"),
        (_, C::Back) if context == Context::History => ("閉じる", "close"),
        (_, C::PutBack) => ("戻す", "put back"),
        (_, C::PageDown) if context == Context::History => ("中身を送る", "scroll"),
        (_, C::WholeFile) => ("課/ファイル", "section/file"),
        (_, C::Up | C::Down) => ("スクロール", "scroll"),
        (_, C::Open) => ("開く", "open"),
        (_, C::NextPane) => ("欄へ", "panes"),
        (_, C::Save) => ("保存", "save"),
        (_, C::Redraw) => ("再描画", "redraw"),
        (_, C::Help) => ("ヘルプ", "help"),
        (_, C::Messages) => ("全文", "in full"),
        (_, C::Quit) => ("終了", "quit"),
        (_, C::Edit) => ("編集", "edit"),
        (_, C::AddGoalAfter) => ("追加", "add"),
        (_, C::RemoveGoal) => ("削除", "remove"),
        (_, C::MoveGoalUp | C::MoveGoalDown) => ("並べ替え", "reorder"),
        (_, C::Back) if context == Context::Quit => ("戻る", "back"),
        (_, C::Back) if context == Context::Combined => ("選び直す", "back"),
        (_, C::Back) => ("一覧", "tree"),
        (_, C::Undo) => ("元に戻す", "undo"),
        (_, C::Rate(_)) => ("達成度", "rating"),
        (_, C::CycleRating) => ("切替", "cycle"),
        (_, C::ClearRating) => ("未評価", "clear"),
        (_, C::EndEdit) => ("編集終了", "done"),
        (_, C::UndoTyping) => ("元に戻す", "undo"),
        (_, C::RedoTyping) => ("やり直す", "redo"),
        (_, C::NewLine) => ("改行", "new line"),
        (_, C::PageDown) => ("次のページ", "page"),
        (_, C::SaveAndQuit) => ("保存して終了", "save and quit"),
        (_, C::DiscardAndQuit) => ("保存せず終了", "discard"),
        (_, C::KeepMine) if context == Context::Gone => ("自分の変更を残す", "keep yours"),
        (_, C::KeepTheirs) if context == Context::Gone => ("削除を受け入れる", "accept the removal"),
        (_, C::KeepMine) => ("自分の内容", "keep yours"),
        (_, C::KeepTheirs) => ("相手の内容", "keep theirs"),
        (_, C::EditBoth) => ("合わせて編集", "edit both"),
        (_, C::Cancel) if context == Context::Export => ("やめる", "cancel"),
        (_, C::Cancel) if context == Context::Decided => ("保留", "decide later"),
        (_, C::Cancel) => ("保存をやめる", "cancel the save"),
        (_, C::UseCombined) => ("この内容にする", "use this text"),
        (_, C::Restore) => ("戻す", "restore"),
        (_, C::ShowDiff) => ("中身を見る", "show"),
        (_, C::Discard) => ("捨てる", "discard"),
        (_, C::Later) => ("あとで", "later"),
        (_, C::ConfirmDiscard) => ("本当に捨てる（他のキー:戻る）", "really discard (other keys: back)"),
        (_, C::NextFormat) => ("形式", "format"),
        (_, C::Write) => ("書き出す", "export"),
        _ => super::review::hint_label(command).unwrap_or(("", "")),
    };
    lang.pick(ja, en)
}
