//! What keeps the work, kept honestly: a journal only while the screen differs from the file, a
//! last journal that cannot be written said on standard error once the terminal is back, a journal
//! that cannot be read named at start, and the leftovers of hyokas that are gone cleared (never a
//! live one's) — in a terminal, and through `update` with the journal folder checked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use std::fs;

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;

/// Beyond any process number the system gives (pid_max is at most 2^22).
const GONE: u32 = 4_194_305;

#[test]
fn save_then_undo_then_redo_leaves_no_journal_and_the_next_start_offers_nothing() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    tui.wait_ready();
    focus_pane(&mut tui, 4, "Enter:編集");
    start_editing(&mut tui);
    tui.press("（追記）");
    tui.wait_for("（追記）");
    stop_editing(&mut tui);
    wait_until("the journal of the unsaved work", || journals(state.path()).len() == 1);
    save(&mut tui);
    wait_until("the journal to go after the save", || journals(state.path()).is_empty());
    tui.press("u");
    tui.wait_for_status("未保存 1課");
    wait_until("the journal of the undone text", || journals(state.path()).len() == 1);
    tui.press("\x12"); // Ctrl-R
    tui.wait_for_status("保存済み");
    wait_until("no journal: the screen is the file again", || journals(state.path()).is_empty());
    quit_expecting_success(&mut tui);

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_ready();
    again.press("?");
    again.wait_for("キー操作");
    assert!(!again.screen_text().contains("保存されていない変更があります"), "{}", again.dump());
}

#[test]
fn a_last_journal_that_cannot_be_written_is_said_after_the_terminal_is_given_back() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    tui.wait_ready();
    focus_pane(&mut tui, 4, "Enter:編集");
    start_editing(&mut tui);
    // The journal folder becomes a file: nothing can be written there, not even by root.
    fs::remove_dir_all(state.path().join("hyoka")).unwrap();
    fs::write(state.path().join("hyoka"), "").unwrap();
    tui.press("（最後の入力）");
    tui.wait_for("（最後の入力）");
    tui.signal("HUP");
    let _ = tui.wait_exit();
    let raw = String::from_utf8_lossy(&tui.raw_output()).into_owned();
    let restored = raw.rfind("\x1b[?1049l").expect("the alternate screen is left");
    let said = raw.get(restored..).unwrap_or_default();
    assert!(said.contains("作業の控え（ジャーナル）に書けませんでした"), "after the restore: {said:?}");
}

#[test]
fn a_journal_that_cannot_be_read_is_named_at_start() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().unwrap();
    fs::create_dir_all(state.path().join("hyoka")).unwrap();
    let broken = state.path().join(format!("hyoka/2008-0123456789abcdef-{GONE}-1.journal"));
    fs::write(&broken, "# hyoka journal\n途中で切れた").unwrap();
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    tui.wait_ready();
    tui.press("M");
    tui.wait_for("を読めませんでした");
    assert!(tui.screen_text().contains(&format!("{GONE}-1.journal")), "{}", tui.dump());
    assert!(broken.exists(), "named, not thrown away");
}

#[test]
fn leftovers_of_hyokas_that_are_gone_are_cleared_and_a_live_ones_kept() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().unwrap();
    let journal_dir = state.path().join("hyoka");
    fs::create_dir_all(&journal_dir).unwrap();
    let data = ws.path().join("kamigyo");
    let me = std::process::id();
    let gone_save = data.join(format!(".2008.yaml.hyoka-{GONE}.tmp"));
    let live_save = data.join(format!(".2008.yaml.hyoka-{me}.tmp"));
    let gone_journal = journal_dir.join(format!(".2008-0123456789abcdef-{GONE}-1.journal.hyoka-{GONE}.tmp"));
    let gone_alive = journal_dir.join(format!(".{GONE}-1.alive"));
    let live_alive = journal_dir.join(format!(".{me}-2.alive"));
    for path in [&gone_save, &live_save, &gone_journal, &gone_alive, &live_alive] {
        fs::write(path, "x").unwrap();
    }
    // This test process plays a live hyoka: it holds its lock.
    let held = fs::OpenOptions::new().write(true).open(&live_alive).unwrap();
    held.try_lock().unwrap();
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    tui.wait_ready();
    tui.press("M");
    tui.wait_for("書きかけのファイルを 1 個片づけました");
    for gone in [&gone_save, &gone_journal, &gone_alive] {
        assert!(!gone.exists(), "{} is cleared", gone.display());
    }
    for live in [&live_save, &live_alive] {
        assert!(live.exists(), "{} is a live hyoka's", live.display());
    }
    drop(held);
}

/// The same through `update`, by submitting (`s` `y` saves), taking the submission back with `u`
/// and bringing it again with Ctrl-R: at the next tick the journal folder holds nothing.
#[test]
fn submit_undo_redo_leaves_no_journal_behind() {
    use hyoka::app::{Action, App, action_for, update};
    use hyoka::worker::{Env, Journals, settle};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().unwrap();
    let env = Env::new(hyoka::i18n::Lang::Ja, Some(Journals::open(state.path().join("hyoka")).unwrap()));
    let mut app = common::app::open_as(ws.path(), "kumin01", false);
    update(&mut app, Action::Resize(100, 30));
    let key = |app: &mut App, code: KeyCode, modifiers: KeyModifiers| {
        let action = action_for(app, KeyEvent::new(code, modifiers)).unwrap();
        let effects = update(app, action);
        settle(app, effects, &env);
        let effects = update(app, Action::Tick);
        settle(app, effects, &env);
    };
    key(&mut app, KeyCode::Char('s'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('y'), KeyModifiers::NONE);
    assert_eq!(section(&ws.on_disk(), "総務課").status, hyoka::model::Status::Submitted);
    key(&mut app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(journals(state.path()).len(), 1, "the submission taken back, unsaved: journaled");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert!(!app.has_unsaved());
    assert!(journals(state.path()).is_empty(), "the screen is the file again: no journal");
}

/// The journal hears of what changed from the edits themselves: a tick after a cursor move asks
/// for no journal at all, a tick after an edit journals that one file (not the six open), the
/// next tick nothing again, and a change taken back journals that file once more (its journal goes).
#[test]
fn a_tick_journals_only_the_files_whose_work_changed() {
    use common::keys::press;
    use hyoka::app::{Action, Effect, JournalEntry, update};
    use ratatui::crossterm::event::KeyCode;
    let ws = Workspace::review_city();
    let mut app = common::app::open(ws.path());
    update(&mut app, Action::Resize(100, 30));
    let journaled = |app: &mut hyoka::app::App| -> Option<Vec<JournalEntry>> {
        update(app, Action::Tick).into_iter().find_map(|e| match e {
            Effect::Journal(entries) => Some(entries),
            _ => None,
        })
    };
    assert_eq!(app.files().len(), 6);
    journaled(&mut app);
    for _ in 0..60 {
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(journaled(&mut app), None, "a cursor move changes nothing to journal");
    }
    let file = app.cursor().file();
    assert!(file > 0, "the cursor is past the first file");
    common::reach::focus(&mut app, hyoka::app::Focus::Pane(hyoka::model::Field::Rating));
    press(&mut app, KeyCode::Char('4'));
    let entries = journaled(&mut app).expect("the rating is journaled");
    assert_eq!(entries.len(), 1, "only the file changed: {entries:?}");
    assert_eq!(entries[0].path, app.files()[file].canonical);
    assert!(entries[0].work.is_some());
    assert_eq!(journaled(&mut app), None, "nothing new since");
    press(&mut app, KeyCode::Char('u'));
    let entries = journaled(&mut app).expect("the undo is journaled");
    assert_eq!((entries.len(), entries[0].work.is_none()), (1, true), "nothing unsaved: the journal goes");
}
