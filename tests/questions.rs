//! A colleague's text is never overwritten without a question: cancelling keeps the question, a
//! crash keeps it, a removed or renamed section is asked about by name, and "edit both" keeps the
//! goals as they were. Each with the real binary in pseudo-terminals.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::time::{Duration, Instant};

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;
use hyoka::store::{emit_document, write_atomically};

fn edit_on_disk(ws: &Workspace, edit: impl FnOnce(&mut hyoka::model::Document)) {
    let mut doc = ws.on_disk();
    edit(&mut doc);
    write_atomically(&ws.file(), emit_document(&doc).as_bytes()).expect("write the file as someone else");
}

/// A has typed into 総務課's progress; B's save of the same field has come in from disk.
fn a_with_a_question(ws: &Workspace, state: &std::path::Path) -> Tui {
    let mut a = Tui::spawn_with_state(ws.path(), state, 30, 100, &[]);
    a.wait_ready();
    type_in_pane(&mut a, 2, "（Aの追記）");
    stop_editing(&mut a);
    edit_on_disk(ws, |d| d.divisions[0].sections[0].progress.push_str("（Bの追記）"));
    a.wait_for_hint("保存時に選びます");
    a
}

#[test]
fn cancelling_the_question_keeps_it_for_the_next_save() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut a = a_with_a_question(&ws, state.path());
    a.press(CTRL_S);
    a.wait_for("同時に編集された項目 1/1");
    a.press(ESC);
    a.wait_for_hint("保存をやめました");
    let b_text = ws.bytes_on_disk();
    a.press(CTRL_S);
    a.wait_for("同時に編集された項目 1/1");
    assert_eq!(ws.bytes_on_disk(), b_text, "the second Ctrl-S asks again instead of writing");
    a.press("t");
    a.wait_for_hint("相手の内容のままです");
    a.wait_for_status("保存済み");
    let progress = section(&ws.on_disk(), "総務課").progress.clone();
    assert!(progress.ends_with("（Bの追記）") && !progress.contains("（Aの追記）"), "{progress}");
}

#[test]
fn a_crash_keeps_the_question_and_the_restored_hyoka_asks_it() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut a = a_with_a_question(&ws, state.path());
    // The journal holds the question once it is written (within a second of the change).
    let start = Instant::now();
    while !std::fs::read_dir(state.path().join("hyoka"))
        .map(|entries| {
            entries.flatten().any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("# pending: ")))
        })
        .unwrap_or(false)
    {
        assert!(start.elapsed() < DEADLINE, "the journal never held the question");
        std::thread::sleep(Duration::from_millis(50));
    }
    a.signal("KILL");
    let _ = a.wait_exit();
    let b_text = ws.bytes_on_disk();

    let mut again = Tui::spawn_with_state(ws.path(), state.path(), 30, 100, &[]);
    again.wait_for("保存されていない変更があります");
    again.press("r");
    again.wait_for_hint("戻しました");
    again.wait_for_status("未保存 1課");
    again.press(CTRL_S);
    again.wait_for("同時に編集された項目 1/1");
    assert_eq!(ws.bytes_on_disk(), b_text, "B's text is not overwritten without the question");
    again.press("m");
    again.wait_for_hint("保存しました:");
    assert!(section(&ws.on_disk(), "総務課").progress.ends_with("（Aの追記）"));
}

/// hyoka with （追記） typed at the end of 総務課's reflection, not saved.
fn writing_in_the_reflection(ws: &Workspace) -> Tui {
    let mut a = Tui::spawn(ws.path(), 30, 100);
    a.wait_ready();
    type_in_pane(&mut a, 4, "（追記）");
    stop_editing(&mut a);
    a
}

/// 区民部 renamed 区民生活部 and 総務課 renamed 総務企画課 by hand while the clerk writes in 総務課:
/// the same sections under new names, so the clerk's text follows them, in place; no old name
/// comes back.
#[test]
fn a_division_and_a_section_renamed_by_hand_while_i_changed_it_take_my_change_in_place() {
    let ws = Workspace::kamigyo();
    let mut a = writing_in_the_reflection(&ws);
    edit_on_disk(&ws, |d| {
        d.divisions[0].name = "区民生活部".into();
        d.divisions[0].sections[0].name = "総務企画課".into();
    });
    a.wait_for_hint("他で保存された内容を取り込みました");
    a.wait_for("区民生活部");
    a.wait_for_status("› 区民生活部 › 総務企画課");
    save(&mut a);
    let doc = ws.on_disk();
    let names: Vec<&str> = doc.divisions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["区民生活部", "福祉部", "保健部"], "the old names are not brought back");
    let first = &doc.divisions[0].sections[0];
    assert_eq!(first.name, "総務企画課", "in its place");
    assert!(first.reflection.ends_with("（追記）"), "{}", first.reflection);
    assert_eq!(doc.divisions[0].sections.len(), ws.before().divisions[0].sections.len());
}

/// 区民部 split into two divisions while the clerk writes in 総務課: which division is 区民部 cannot
/// be told, so it is a question by name, never a silent second 区民部.
#[test]
fn a_division_split_by_hand_while_i_changed_one_of_its_sections_is_asked_about_by_name() {
    let ws = Workspace::kamigyo();
    let mut a = writing_in_the_reflection(&ws);
    edit_on_disk(&ws, |d| {
        let mut sections = std::mem::take(&mut d.divisions[0].sections);
        let tax = sections.split_off(3);
        sections[0].reflection.push_str("（別の人の手直し）");
        d.divisions[0] = hyoka::model::Division { name: "市民部".into(), sections };
        d.divisions.insert(1, hyoka::model::Division { name: "税務部".into(), sections: tax });
    });
    a.wait_for_hint("区民部 総務課");
    a.wait_for_hint("削除したか名前を変えました");
    a.press(CTRL_S);
    a.wait_for("区民部 › 総務課");
    a.wait_for("m:自分の変更を残す");
    a.press("t");
    a.wait_for_status("保存済み");
    let doc = ws.on_disk();
    let names: Vec<&str> = doc.divisions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["市民部", "税務部", "福祉部", "保健部"], "no second 区民部");
    assert!(!a.status_line().contains("未保存"), "{}", a.dump());
}

#[test]
fn edit_both_on_goals_keeps_each_goal_whole_and_once() {
    let ws = Workspace::kamigyo();
    let mut a = Tui::spawn(ws.path(), 30, 100);
    a.wait_ready();
    focus_pane(&mut a, 1, "Enter:編集");
    a.press("a");
    a.wait_for_status("編集中");
    a.press("Aの目標");
    a.press(ENTER);
    a.press("（二行目）");
    a.wait_for("（二行目）");
    stop_editing(&mut a);
    edit_on_disk(&ws, |d| d.divisions[0].sections[0].goals.push("Bの目標".into()));
    a.wait_for_hint("保存時に選びます");
    a.press(CTRL_S);
    a.wait_for("同時に編集された項目 1/1");
    a.press("e");
    a.wait_for("【自分】");
    a.wait_for("【相手】");
    a.press("\x13"); // Ctrl-S: use the combined text
    a.wait_for_hint("保存しました:");
    let goals = section(&ws.on_disk(), "総務課").goals.clone();
    let before = section(&ws.before(), "総務課").goals.clone();
    // A added after goal ①, B at the end: the unchanged goals once each, A's goal of two lines
    // one goal, B's after them.
    let expected = [before[0].as_str(), "Aの目標\n（二行目）", before[1].as_str(), "Bの目標"];
    assert_eq!(goals, expected);
}

#[test]
fn esc_in_edit_both_goes_back_and_ctrl_c_cancels_the_save() {
    let ws = Workspace::kamigyo();
    let state = tempfile::tempdir().expect("state");
    let mut a = a_with_a_question(&ws, state.path());
    let b_text = ws.bytes_on_disk();
    a.press(CTRL_S);
    a.wait_for("同時に編集された項目 1/1");
    a.press("e");
    a.wait_for("【自分】");
    a.press(ESC);
    a.wait_for("m:自分の内容");
    assert_eq!(ws.bytes_on_disk(), b_text, "Esc does not use the combined text");
    a.press("e");
    a.wait_for("【自分】");
    a.press("\x03"); // Ctrl-C
    a.wait_for_hint("保存をやめました");
    assert_eq!(ws.bytes_on_disk(), b_text, "nothing written");
}
