//! Journals, second round: one per running hyoka, offered only once it is gone, found however
//! hyoka was started and wherever the file went, written at once when the terminal goes, and a
//! word on screen when there is nowhere to write one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;

/// Types `text` at the end of a pane's text (Tab `pane` times from the tree) and leaves it in the editor.
fn typing(tui: &mut Tui, pane: usize, text: &str) {
    tui.wait_ready();
    type_in_pane(tui, pane, text);
}

#[test]
fn two_hyokas_of_one_login_keep_a_journal_each_and_both_are_offered() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut a = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    let mut b = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    typing(&mut a, 2, "（Aの入力）");
    typing(&mut b, 4, "（Bの入力）");
    wait_until("both journals", || {
        journal_holding(state.path(), "（Aの入力）").is_some() && journal_holding(state.path(), "（Bの入力）").is_some()
    });
    assert_ne!(journal_holding(state.path(), "（Aの入力）"), journal_holding(state.path(), "（Bの入力）"));
    // A second hyoka started now hears of A's and B's work, as vim warns of a swap file, and
    // opened anyway is not offered their live journals.
    let mut c = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    for _ in 0..2 {
        c.wait_for("ATTENTION");
        c.wait_for("保存していない変更: 1 項目");
        c.press("o\r");
    }
    c.wait_ready();
    assert!(!c.screen_text().contains("保存されていない変更があります"), "{}", c.dump());
    c.press("q");
    let _ = c.wait_exit();
    a.signal("KILL");
    b.signal("KILL");
    let _ = (a.wait_exit(), b.wait_exit());

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_for("保存されていない変更があります 1/2");
    again.press("r");
    again.wait_for("保存されていない変更があります 2/2");
    again.press("r");
    again.wait_for_status("未保存 1課");
    save(&mut again);
    let somu = section(&ws.on_disk(), "総務課").clone();
    assert!(somu.progress.ends_with("（Aの入力）"), "A's text kept");
    assert!(somu.reflection.ends_with("（Bの入力）"), "B's text kept too");
    wait_until("the journals to go after the save", || journals(state.path()).is_empty());
}

#[test]
fn one_saving_does_not_take_away_the_journal_of_the_other() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut a = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    let mut b = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    typing(&mut a, 4, "（Aの入力）");
    wait_until("A's journal", || journal_holding(state.path(), "（Aの入力）").is_some());
    b.wait_ready();
    focus_pane(&mut b, 3, "1-4:達成度");
    b.press("4");
    b.wait_for("× あまり達成できなかった");
    save(&mut b);
    std::thread::sleep(Duration::from_millis(700));
    assert!(journal_holding(state.path(), "（Aの入力）").is_some(), "B's save left A's journal alone");
    a.hang_up();
    let _ = a.exits_within_deadline();
    assert!(journal_holding(state.path(), "（Aの入力）").is_some(), "and A's work is there after A's link dropped");
}

#[test]
fn a_key_typed_just_before_the_link_drops_is_kept() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    typing(&mut tui, 4, "（途中）");
    // The last key is on the screen and the link drops at once: no time for a periodic journal.
    // (Waiting for the echo keeps the test to what hyoka can do: input the kernel still holds
    // when the terminal goes is thrown away by the kernel, never seen by any program.)
    tui.press("（末）");
    tui.wait_for("（末）");
    tui.hang_up();
    assert!(tui.exits_within_deadline(), "hyoka ends when its terminal is gone");
    let kept = journal_holding(state.path(), "（末）");
    assert!(kept.is_some(), "the journal holds the key typed right before: {:?}", journals(state.path()));
}

#[test]
fn started_with_a_relative_path_the_work_is_offered_again_when_started_otherwise() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut tui = Tui::spawn_at(ws.path(), "kamigyo", state.path(), 30, 100);
    typing(&mut tui, 4, "（相対パスで入力）");
    // The data file is gone for a while (a git checkout of another branch) while typing goes on.
    fs::remove_file(ws.file()).expect("remove the data file");
    tui.press("（消えている間）");
    tui.wait_for("（消えている間）");
    wait_until("the journal", || journal_holding(state.path(), "（消えている間）").is_some());
    tui.signal("KILL");
    let _ = tui.wait_exit();
    fs::write(ws.file(), &ws.original).expect("the file comes back");

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_for("保存されていない変更があります 1/1");
    again.press("r");
    again.wait_for("（消えている間）");
}

#[test]
fn the_work_of_a_file_that_moved_is_offered_for_it_where_it_is_now() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    typing(&mut tui, 4, "（移る前の入力）");
    wait_until("the journal", || journal_holding(state.path(), "（移る前の入力）").is_some());
    tui.signal("KILL");
    let _ = tui.wait_exit();
    let moved = ws.path().join("kamigyo-ku");
    fs::create_dir_all(&moved).expect("new folder");
    fs::rename(ws.file(), moved.join("2008.yaml")).expect("move the file");

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_for("保存されていない変更があります 1/1");
    again.wait_for("ファイルが移された");
    again.press("r");
    again.wait_for("（移る前の入力）");
    save(&mut again);
    let saved = fs::read_to_string(moved.join("2008.yaml")).expect("the moved file");
    assert!(saved.contains("（移る前の入力）"));
}

#[test]
fn nowhere_to_keep_a_journal_is_said_at_start() {
    let ws = Workspace::kamigyo();
    let mut tui =
        Tui::spawn_with_env(ws.path(), 30, 100, &[], &[("XDG_STATE_HOME", PathBuf::new()), ("HOME", PathBuf::new())]);
    tui.wait_for("所属一覧");
    tui.wait_for_hint("復元用の記録を置く場所がありません");
}
