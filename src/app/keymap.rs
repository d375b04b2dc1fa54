//! Keys → actions. The same table feeds the `?` help, so help and behaviour cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::state::{App, Focus, Mode};
use crate::model::Field;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Collapse,
    Expand,
    /// Enter in the tree: open a section, or fold a file or division.
    Activate,
    NextPane,
    PrevPane,
    FocusTree,
    StartEdit,
    AddGoalAfter,
    AddGoalBefore,
    RemoveGoal,
    MoveGoalUp,
    MoveGoalDown,
    /// 0-based position on the scale.
    SetRating(usize),
    CycleRating,
    CycleRatingBack,
    ClearRating,
    Undo,
    Redo,
    Save,
    Quit,
    Help,
    /// The quit dialog's answers.
    SaveAndQuit,
    DiscardAndQuit,
    Cancel,
    /// The conflict dialog: keep my text, keep theirs, or write a combined one.
    KeepMine,
    KeepTheirs,
    EditCombined,
    /// The recovery dialog: restore the unsaved work, show what it holds, or throw it away.
    Restore,
    ShowDiff,
    Discard,
    /// `e`: export the current document; in the dialog, the next / previous format.
    Export,
    NextFormat,
    PrevFormat,
    /// Keys for the text editor, passed on as they came.
    EditKey(KeyEvent),
    Paste(String),
    EndEdit,
    Resize(u16, u16),
}

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// Esc and the next key typed quickly (or sent in one SSH packet) reach us as Alt+key. hyoka binds
/// no Alt+letter, so such a key is taken for what the clerk pressed: Esc, then the letter.
pub fn split_escape(key: KeyEvent) -> Vec<KeyEvent> {
    match key.code {
        KeyCode::Char(c) if key.modifiers == KeyModifiers::ALT => vec![
            KeyEvent::new_with_kind(KeyCode::Esc, KeyModifiers::NONE, key.kind),
            KeyEvent::new_with_kind(KeyCode::Char(c), KeyModifiers::NONE, key.kind),
        ],
        _ => vec![key],
    }
}

/// What a key means in the current mode and pane; `None` for keys that mean nothing there.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    match &app.mode {
        Mode::Help { .. } => Some(match key.code {
            KeyCode::Up | KeyCode::Char('k') => Action::Up,
            KeyCode::Down | KeyCode::Char('j') => Action::Down,
            KeyCode::PageUp => Action::PageUp,
            KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
            _ => Action::Cancel,
        }),
        Mode::ConfirmQuit => match key.code {
            KeyCode::Char('s' | 'S' | 'y' | 'Y') => Some(Action::SaveAndQuit),
            KeyCode::Char('d' | 'D' | 'n' | 'N') => Some(Action::DiscardAndQuit),
            KeyCode::Esc | KeyCode::Char('c' | 'C' | 'q') => Some(Action::Cancel),
            _ => None,
        },
        Mode::Resolve(resolution) if resolution.combined.is_some() => Some(match key.code {
            KeyCode::Esc => Action::EndEdit,
            _ if ctrl(&key, 's') => Action::EndEdit,
            _ => Action::EditKey(key),
        }),
        Mode::Resolve(_) => match key.code {
            KeyCode::Char('m' | 'M') => Some(Action::KeepMine),
            KeyCode::Char('t' | 'T') => Some(Action::KeepTheirs),
            KeyCode::Char('e' | 'E') => Some(Action::EditCombined),
            KeyCode::Esc => Some(Action::Cancel),
            _ => None,
        },
        Mode::Recover(recovery) if recovery.diff_scroll.is_some() => Some(match key.code {
            KeyCode::Up | KeyCode::Char('k') => Action::Up,
            KeyCode::Down | KeyCode::Char('j') => Action::Down,
            _ => Action::Cancel,
        }),
        Mode::Recover(_) => match key.code {
            KeyCode::Char('r' | 'R') => Some(Action::Restore),
            KeyCode::Char('d' | 'D') => Some(Action::ShowDiff),
            KeyCode::Char('x' | 'X') => Some(Action::Discard),
            _ => None,
        },
        Mode::Export(_) => Some(match key.code {
            KeyCode::Esc => Action::Cancel,
            KeyCode::Enter => Action::Activate,
            KeyCode::Tab | KeyCode::Down => Action::NextFormat,
            KeyCode::BackTab | KeyCode::Up => Action::PrevFormat,
            _ => Action::EditKey(key),
        }),
        Mode::Editing(_) => Some(if ctrl(&key, 's') {
            Action::Save
        } else if key.code == KeyCode::Esc {
            Action::EndEdit
        } else if key.code == KeyCode::Tab {
            Action::NextPane
        } else if key.code == KeyCode::BackTab {
            Action::PrevPane
        } else {
            Action::EditKey(key)
        }),
        Mode::Browse => browse_action(app, key),
    }
}

fn browse_action(app: &App, key: KeyEvent) -> Option<Action> {
    if ctrl(&key, 's') {
        return Some(Action::Save);
    }
    if ctrl(&key, 'c') {
        return Some(Action::Quit);
    }
    if ctrl(&key, 'r') || ctrl(&key, 'y') {
        return Some(Action::Redo);
    }
    if ctrl(&key, 'z') {
        return Some(Action::Undo);
    }
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let common = match key.code {
        KeyCode::Char('?') => Some(Action::Help),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Tab => Some(Action::NextPane),
        KeyCode::BackTab => Some(Action::PrevPane),
        KeyCode::Char('u') => Some(Action::Undo),
        KeyCode::Char('e') => Some(Action::Export),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match app.focus {
        Focus::Tree => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Left | KeyCode::Char('h') => Some(Action::Collapse),
            KeyCode::Right | KeyCode::Char('l') => Some(Action::Expand),
            KeyCode::Enter => Some(Action::Activate),
            _ => None,
        },
        Focus::Pane(field) => {
            let common_pane = match key.code {
                KeyCode::Esc => Some(Action::FocusTree),
                KeyCode::Up | KeyCode::Char('k') if !(shift || alt) => Some(Action::Up),
                KeyCode::Down | KeyCode::Char('j') if !(shift || alt) => Some(Action::Down),
                _ => None,
            };
            if common_pane.is_some() {
                return common_pane;
            }
            match field {
                Field::Goals | Field::GoalsIntro => match key.code {
                    KeyCode::Enter | KeyCode::Char('i') => Some(Action::StartEdit),
                    KeyCode::Char('a' | 'o') => Some(Action::AddGoalAfter),
                    KeyCode::Char('O') => Some(Action::AddGoalBefore),
                    KeyCode::Char('d') | KeyCode::Delete => Some(Action::RemoveGoal),
                    KeyCode::Char('K') => Some(Action::MoveGoalUp),
                    KeyCode::Char('J') => Some(Action::MoveGoalDown),
                    KeyCode::Up if shift || alt => Some(Action::MoveGoalUp),
                    KeyCode::Down if shift || alt => Some(Action::MoveGoalDown),
                    _ => None,
                },
                Field::Rating => match key.code {
                    KeyCode::Char(c @ '1'..='9') => Some(Action::SetRating(c as usize - '1' as usize)),
                    KeyCode::Char(' ') | KeyCode::Right | KeyCode::Char('l') => Some(Action::CycleRating),
                    KeyCode::Left | KeyCode::Char('h') => Some(Action::CycleRatingBack),
                    KeyCode::Char('0') | KeyCode::Delete | KeyCode::Backspace => Some(Action::ClearRating),
                    _ => None,
                },
                Field::Progress | Field::Reflection => match key.code {
                    KeyCode::Enter | KeyCode::Char('i') => Some(Action::StartEdit),
                    _ => None,
                },
            }
        }
    }
}

/// One line of the help overlay: where, keys, what it does (ja, en).
pub struct HelpEntry {
    pub place: (&'static str, &'static str),
    pub keys: &'static str,
    pub does: (&'static str, &'static str),
}

const fn entry(
    place: (&'static str, &'static str),
    keys: &'static str,
    does: (&'static str, &'static str),
) -> HelpEntry {
    HelpEntry { place, keys, does }
}

const TREE: (&str, &str) = ("一覧", "tree");
const PANE: (&str, &str) = ("欄", "pane");
const GOALS: (&str, &str) = ("目標", "goals");
const RATING: (&str, &str) = ("達成度", "rating");
const EDIT: (&str, &str) = ("編集中", "editing");
const ANY: (&str, &str) = ("どこでも", "anywhere");

pub const HELP: &[HelpEntry] = &[
    entry(TREE, "↑↓ j k", ("上下に移動", "move up / down")),
    entry(TREE, "← h / → l", ("閉じる・親へ / 開く", "collapse or go to parent / expand")),
    entry(TREE, "Enter", ("課を開く・部を開閉", "open the section / fold a division")),
    entry(TREE, "g G Home End", ("先頭 / 末尾へ", "first / last row")),
    entry(ANY, "Tab / Shift-Tab", ("次の欄 / 前の欄", "next / previous pane")),
    entry(PANE, "Esc", ("一覧に戻る", "back to the tree")),
    entry(PANE, "↑↓ j k", ("スクロール・目標の選択", "scroll, or select a goal")),
    entry(
        PANE,
        "PageUp PageDown",
        ("ページ単位でスクロール（長い目標の中も）", "scroll by pages (also inside a long goal)"),
    ),
    entry(PANE, "Enter i", ("編集を始める", "start editing")),
    entry(GOALS, "a o / O", ("目標を後に / 前に追加", "add a goal after / before")),
    entry(GOALS, "d Delete", ("目標を削除（u で戻せます）", "remove the goal (u brings it back)")),
    entry(GOALS, "K J Shift-↑↓", ("目標の順番を上へ / 下へ", "move the goal up / down")),
    entry(RATING, "1-4", ("達成度を選ぶ（◎○△×）", "set the rating (◎○△×)")),
    entry(RATING, "Space ← →", ("達成度を順に切り替え", "cycle the rating")),
    entry(RATING, "0 Delete", ("達成度を未評価に戻す", "clear the rating")),
    entry(EDIT, "Esc", ("編集を終える（内容は残ります）", "end editing (the text stays)")),
    entry(EDIT, "Enter", ("改行", "new line")),
    entry(EDIT, "Ctrl-Z Ctrl-U", ("入力を元に戻す", "undo typing")),
    entry(EDIT, "Ctrl-Y Ctrl-R", ("入力をやり直す", "redo typing")),
    entry(EDIT, "← → ↑ ↓", ("一文字・画面の一行ずつ移動", "by character / by screen row")),
    entry(EDIT, "Ctrl-A Ctrl-E", ("行頭 / 行末へ", "start / end of line")),
    entry(EDIT, "PageUp PageDown", ("数行ずつ移動", "several rows up / down")),
    entry(EDIT, "Backspace Delete", ("前 / 後の一文字を消す", "delete before / after the caret")),
    entry(ANY, "u / Ctrl-R", ("変更を元に戻す / やり直す", "undo / redo a change")),
    entry(ANY, "Ctrl-S", ("保存（編集中なら編集も終える）", "save (ends editing too)")),
    entry(ANY, "e", ("書き出し（HTML・CSV・Markdown・表・Excel）", "export (HTML, CSV, Markdown, table, Excel)")),
    entry(ANY, "?", ("このヘルプ", "this help")),
    entry(
        ("競合", "conflict"),
        "m / t / e",
        ("自分の内容 / 相手の内容 / 合わせて編集", "keep mine / theirs / edit both"),
    ),
    entry(("復元", "recovery"), "r / d / x", ("復元する / 差分を見る / 破棄する", "restore / show / discard")),
    entry(ANY, "q Ctrl-C", ("終了（未保存なら確認）", "quit (asks when unsaved)")),
    entry(
        ("終了確認", "quit?"),
        "s / d / Esc",
        ("保存して終了 / 保存せず終了 / 戻る", "save and quit / discard / back"),
    ),
];
