//! A hyoka left alive by a dead link (a frozen laptop keeps its SSH session): starting hyoka
//! again on the same file says so, like vim's swap-file ATTENTION — the terminal, since when, how
//! much is unsaved — and taking over asks the other hyoka to keep its work and quit, then offers
//! that work for recovery.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::time::{Duration, Instant};

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;

fn journal_with(state: &std::path::Path, text: &str) -> bool {
    std::fs::read_dir(state.join("hyoka"))
        .into_iter()
        .flatten()
        .flatten()
        // The journal itself, not the temporary file it is written through.
        .filter(|e| e.path().extension().is_some_and(|x| x == "journal"))
        .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains(text)))
}

#[test]
fn a_second_hyoka_hears_of_the_live_ones_unsaved_work_and_takes_it_over() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut frozen = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    frozen.wait_ready();
    focus_pane(&mut frozen, 4, "Enter:編集");
    start_editing(&mut frozen);
    frozen.press("（凍った端末の入力）");
    frozen.wait_for("（凍った端末の入力）");
    let start = Instant::now();
    while !journal_with(state.path(), "（凍った端末の入力）") {
        assert!(start.elapsed() < DEADLINE, "the journal is written within a second");
        std::thread::sleep(Duration::from_millis(20));
    }

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_for("ATTENTION");
    let text = again.screen_text();
    assert!(text.contains("kamigyo/2008.yaml"), "the file: {text}");
    assert!(text.contains("端末: /dev/pts/"), "the other's terminal: {text}");
    assert!(text.contains(&format!("（プロセス {}）", frozen.pid())), "its process: {text}");
    assert!(text.contains("開いた時刻: 令和"), "since when: {text}");
    assert!(text.contains("保存していない変更: 1 項目"), "how much: {text}");
    again.press("t\r");
    assert!(frozen.exits_within_deadline(), "the other hyoka was asked to quit and did");
    again.wait_for("保存されていない変更があります");
    again.press("r");
    again.wait_for_status("未保存 1課");
    save(&mut again);
    assert!(section(&ws.on_disk(), "総務課").reflection.ends_with("（凍った端末の入力）"), "the frozen work is saved");
}

#[test]
fn quitting_at_the_warning_opens_nothing_and_leaves_the_other_alone() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut first = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    first.wait_ready();
    focus_pane(&mut first, 4, "Enter:編集");
    start_editing(&mut first);
    first.press("（まだ保存しない）");
    let start = Instant::now();
    while !journal_with(state.path(), "（まだ保存しない）") {
        assert!(start.elapsed() < DEADLINE, "the journal is written within a second");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut second = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &["--lang", "en"]);
    second.wait_for("ATTENTION");
    second.wait_for("unsaved: 1 fields");
    second.press("q\r");
    assert!(second.wait_exit().success());
    assert!(std::path::Path::new(&format!("/proc/{}", first.pid())).exists(), "the first hyoka runs on");
    save(&mut first);
    assert!(section(&ws.on_disk(), "総務課").reflection.ends_with("（まだ保存しない）"));
}
