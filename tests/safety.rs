//! Data safety end to end: two clerks at once, files changing underneath, crashes and dropped
//! links, read-only files and reviewer mode — each with the real binary in pseudo-terminals.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;
use hyoka::store::{emit_document, parse_document, write_atomically};

const SHIMINZEI_DOWN: &str = "jjj";

/// hyoka with `text` typed into 総務課's reflection and still in the editor (not saved, not even
/// in the document), once the journal holds it — which must happen within a second.
fn typing_in_the_reflection(ws: &Workspace, state: &Path, text: &str) -> Tui {
    let mut tui = Tui::spawn_with_state(ws.path(), state, 30, 100, &[]);
    tui.wait_ready();
    type_in_pane(&mut tui, 4, text);
    // "A dropped link or a crash loses at most a second": measured from the key on screen.
    let typed = Instant::now();
    wait_until("the journal", || journal_holding(state, text).is_some());
    let late = typed.elapsed();
    assert!(late < Duration::from_millis(1500), "the journal came {late:?} after the key, not within a second");
    tui
}

/// Changes a field on disk as another program would (a git pull, a colleague's hyoka).
fn edit_on_disk(ws: &Workspace, edit: impl FnOnce(&mut hyoka::model::Document)) {
    let mut doc = ws.on_disk();
    edit(&mut doc);
    write_atomically(&ws.file(), emit_document(&doc).as_bytes()).expect("write the file as someone else");
}

#[test]
fn two_clerks_at_once_merge_and_decide_a_conflict() {
    let ws = Workspace::kamigyo();
    let mut a = Tui::spawn(ws.path(), 30, 100);
    let mut b = Tui::spawn(ws.path(), 30, 100);
    a.wait_ready();
    b.wait_ready();

    // A writes in 市民税課's reflection; B writes in 総務課's progress and saves first.
    a.press(SHIMINZEI_DOWN);
    a.wait_for_status("市民税課");
    type_in_pane(&mut a, 4, "（Aの追記）");
    stop_editing(&mut a);
    type_in_pane(&mut b, 2, "（Bの追記）");
    stop_editing(&mut b);
    save(&mut b);

    // A notices B's save by itself, then saves: both additions are on disk.
    a.wait_for_hint("取り込みました");
    save(&mut a);
    let doc = ws.on_disk();
    assert!(section(&doc, "市民税課").reflection.ends_with("（Aの追記）"));
    assert!(section(&doc, "総務課").progress.ends_with("（Bの追記）"));

    // Both rate 総務課 differently; B saves first; A must choose.
    a.press(ESC);
    a.wait_for_hint("↑↓:移動");
    a.press("kkk");
    a.wait_for_status("総務課");
    focus_pane(&mut a, 3, "1-4:達成度");
    a.press("1");
    a.wait_for("◎ 達成できた");
    focus_pane(&mut b, 1, "1-4:達成度");
    b.press("4");
    b.wait_for("× あまり達成できなかった");
    save(&mut b);
    a.wait_for_hint("保存時に選びます");
    a.press(CTRL_S);
    a.wait_for("同時に編集された項目 1/1");
    a.wait_for("区民部 › 総務課 › 目標達成度");
    assert_eq!(section(&ws.on_disk(), "総務課").rating.as_deref(), Some("×"), "nothing written while A decides");
    a.press("m");
    a.wait_for_hint("保存しました:");
    a.wait_for_status("保存済み");
    assert_eq!(section(&ws.on_disk(), "総務課").rating.as_deref(), Some("◎"));
    assert!(section(&ws.on_disk(), "総務課").progress.ends_with("（Bの追記）"), "B's earlier work stays");
    quit_expecting_success(&mut a);
    quit_expecting_success(&mut b);
    assert!(!ws.path().join("kamigyo/.2008.yaml.lock").exists(), "no lock file is left behind");
}

#[test]
fn changes_on_disk_appear_and_a_deleted_file_keeps_the_edits() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    edit_on_disk(&ws, |doc| doc.divisions[0].sections[0].reflection = "（git pull で届いた振り返り）".into());
    tui.wait_for("（git pull で届いた振り返り）");
    tui.wait_for_hint("取り込みました");
    tui.wait_for_status("保存済み");

    focus_pane(&mut tui, 2, "Enter:編集");
    start_editing(&mut tui);
    tui.press("（消える前の追記）");
    stop_editing(&mut tui);
    fs::remove_file(ws.file()).expect("delete the file underneath");
    tui.wait_for_hint("見つからないか読めなくなりました");
    tui.wait_for("（消える前の追記）");
    tui.wait_for("［削除済み］");
    save(&mut tui);
    assert!(ws.on_disk().divisions[0].sections[0].progress.ends_with("（消える前の追記）"), "Ctrl-S wrote it again");
    quit_expecting_success(&mut tui);
}

#[test]
fn kill_9_loses_at_most_a_second_and_the_next_start_restores() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state folder");
    let mut tui = typing_in_the_reflection(&ws, state.path(), "（落ちる直前の入力）");
    tui.signal("KILL");
    let _ = tui.wait_exit();
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "the data file was not touched");

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_for("保存されていない変更があります 1/1");
    again.wait_for("区民部 › 総務課 › 振り返り");
    again.press("d");
    again.wait_for("+ ");
    again.wait_for("（落ちる直前の入力）");
    again.press(ESC);
    again.wait_for("r:戻す");
    again.press("r");
    again.wait_for_status("未保存 1課");
    save(&mut again);
    assert!(section(&ws.on_disk(), "総務課").reflection.ends_with("（落ちる直前の入力）"));
    wait_until("the journal to go after the save", || journals(state.path()).is_empty());
    quit_expecting_success(&mut again);
}

#[test]
fn a_dropped_ssh_link_journals_before_exit_and_discard_throws_it_away() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state folder");
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    tui.wait_ready();
    focus_pane(&mut tui, 3, "1-4:達成度");
    tui.press("3");
    tui.wait_for("△ ある程度達成できた");
    tui.signal("HUP");
    let status = tui.wait_exit();
    assert!(!status.success(), "ended by the signal");
    tui.wait_restored();
    let written = journals(state.path());
    assert_eq!(written.len(), 1, "journal written on SIGHUP");
    assert!(fs::read_to_string(&written[0]).is_ok_and(|t| t.contains("rating: △")));

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_for("保存されていない変更があります");
    again.press("x");
    again.wait_for("本当に捨てますか");
    assert_eq!(journals(state.path()).len(), 1, "x alone throws nothing away");
    again.press("y");
    again.wait_for_hint("破棄しました");
    assert!(journals(state.path()).is_empty());
    // Changes thrown away in the quit dialog leave no journal behind either.
    focus_pane(&mut again, 3, "1-4:達成度");
    again.press("4");
    wait_until("the journal of the new change", || !journals(state.path()).is_empty());
    again.press("q");
    again.wait_for("保存していない変更があります");
    again.press("d");
    assert!(again.wait_exit().success());
    assert!(journals(state.path()).is_empty(), "discarded means discarded");
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes());
}

#[test]
fn a_file_without_write_permission_opens_read_only() {
    let ws = Workspace::kamigyo();
    let mut permissions = fs::metadata(ws.file()).expect("metadata").permissions();
    permissions.set_readonly(true);
    fs::set_permissions(ws.file(), permissions).expect("make the file read-only");
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    tui.wait_for("［読取専用］");
    // No editing key is offered where nothing can be written (issue 21); pressed anyway, it says why.
    focus_pane(&mut tui, 2, "取組状況 ↑↓:スクロール");
    assert!(!tui.screen_text().contains("Enter:編集"), "{}", tui.dump());
    tui.press(ENTER);
    tui.wait_for_hint("書き込み権限がない");
    focus_pane(&mut tui, 1, "目標達成度 Tab:欄へ");
    assert!(!tui.screen_text().contains("1-4:達成度"), "{}", tui.dump());
    tui.press("4");
    tui.wait_for_hint("書き込み権限がない");
    tui.press(CTRL_S);
    tui.wait_for_hint("保存する変更はありません");
    quit_expecting_success(&mut tui);
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes());
}

/// Every path under `dir` with its length and modification time.
fn listing(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).expect("read the folder").flatten() {
            let metadata = entry.metadata().expect("metadata");
            if metadata.is_dir() {
                pending.push(entry.path());
            }
            out.push((entry.path(), metadata.len(), metadata.modified().expect("mtime")));
        }
    }
    out.sort();
    out
}

#[test]
fn reviewer_mode_writes_nothing_at_all() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state folder");
    let before = listing(ws.path());
    let mut tui = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &["--read-only"]);
    tui.wait_ready();
    tui.wait_for_status("閲覧専用");
    // The panes offer no editing key to a reviewer (issue 12); pressed anyway, they say why not.
    focus_pane(&mut tui, 2, "取組状況 ↑↓:スクロール");
    assert!(!tui.screen_text().contains("Enter:編集"), "{}", tui.dump());
    tui.press(ENTER);
    tui.wait_for_hint("閲覧専用で開いています");
    focus_pane(&mut tui, 1, "目標達成度 Tab:欄へ");
    tui.press("1");
    tui.press(CTRL_S);
    tui.wait_for_hint("保存はできません");
    tui.press("u");
    tui.press("q");
    assert!(tui.wait_exit().success(), "quits without asking: nothing can be unsaved");
    assert_eq!(listing(ws.path()), before, "same files, same sizes, same times");
    assert!(!state.path().join("hyoka").exists(), "no journal folder");
    assert!(parse_document(&ws.original).is_ok());
}

#[test]
fn hyoka_ends_when_its_terminal_goes_away_and_keeps_the_work() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state folder");
    let mut tui = typing_in_the_reflection(&ws, state.path(), "（回線が切れる前）");
    // No signal sent: only the terminal disappears (a parent that ignores SIGHUP, a killed pane).
    tui.hang_up();
    assert!(tui.exits_within_deadline(), "hyoka must not linger on a dead terminal");
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes());
    assert!(journal_holding(state.path(), "（回線が切れる前）").is_some());
}

#[test]
fn keys_work_and_the_screen_redraws_while_a_save_waits_for_another_hyoka() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    focus_pane(&mut tui, 3, "1-4:達成度");
    tui.press("3");
    tui.wait_for("△ ある程度達成できた");
    // Another hyoka is saving the same file and holds its lock.
    let held = hyoka::store::lock(&ws.file(), Duration::ZERO).expect("take the lock as another hyoka would");
    tui.press(CTRL_S);
    tui.wait_for_status("保存中");
    // The screen answers while the save waits: the rating changes, and the status says so.
    tui.press("4");
    tui.wait_for("× あまり達成できなかった");
    assert!(tui.status_line().contains("保存中"), "still waiting for the lock:\n{}", tui.dump());
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "nothing written while the lock is held");
    drop(held);
    tui.wait_for_hint("保存しました:");
    // What was saved is the △ of Ctrl-S; the × typed meanwhile stays on screen, unsaved.
    assert_eq!(section(&ws.on_disk(), "総務課").rating.as_deref(), Some("△"));
    tui.wait_for_status("未保存 1課");
    assert!(tui.screen_text().contains("× あまり達成できなかった"), "{}", tui.dump());
    save(&mut tui);
    assert_eq!(section(&ws.on_disk(), "総務課").rating.as_deref(), Some("×"));
    quit_expecting_success(&mut tui);
}
