//! Issue 21's keys and dialogs end to end: the real binary in a pseudo-terminal, keys typed, the
//! screen read, the YAML on disk checked — a return comment kept through Esc, a quit and a new
//! start; the table's full last page and the filter's label; the stage question in a folder that
//! is no git repository; a screen too small; hints a submitted section no longer offers; a section
//! the published table cannot carry; a key the settings file rebinds named in a message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::clerk::*;
use common::docs::{read_doc, sample};
use common::pty::*;
use common::workspace::{FILE, Workspace};
use hyoka::model::{Review, Stage, Status};

const REVIEWER: &str = "suzuki";
const CLERK: &str = "kumin01";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

/// The sample at `stage`, 総務課 as `status`, suzuki named a reviewer in the data folder.
fn office(stage: Stage, status: Status) -> Workspace {
    let mut doc = sample();
    doc.stage = Some(stage);
    let somu = doc.section_mut(0, 0).unwrap();
    somu.status = status;
    if status == Status::Approved {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
        somu.review = Some(Review { by: REVIEWER.into(), at, comment: String::new() });
    }
    let ws = Workspace::with_text_at(FILE, &hyoka::store::emit_document(&doc));
    std::fs::write(ws.path().join(".hyoka.yaml"), format!("reviewers:\n  users: [{REVIEWER}]\n")).unwrap();
    ws
}

fn somu(ws: &Workspace) -> hyoka::model::Section {
    read_doc(&ws.file()).0.section(0, 0).unwrap().clone()
}

#[test]
fn a_return_comment_survives_esc_a_quit_and_a_new_start_until_it_is_sent() {
    let ws = office(Stage::Goals, Status::Submitted);
    let state = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn_as(ws.path(), state.path(), REVIEWER, 30, 110);
    tui.wait_ready();
    tui.wait_for("A:承認 R:差戻し");
    tui.press("R");
    tui.wait_for("差し戻す理由 — 総務課");
    tui.press("数値目標を入れてください。");
    tui.wait_for("数値目標を入れてください。");
    tui.press(ESC);
    tui.wait_for_hint("書いた理由は残してあります");
    tui.wait_for("差戻しの理由を書きかけです");
    tui.press("q");
    tui.wait_for("送っていない差戻しの理由が1件あります");
    tui.press("s");
    assert!(tui.wait_exit().success());
    assert!(journal_holding(state.path(), "数値目標を入れてください。").is_some(), "kept in the journal");
    assert_eq!(somu(&ws).status, Status::Submitted, "nothing returned yet");

    let mut tui = Tui::spawn_as(ws.path(), state.path(), REVIEWER, 30, 110);
    tui.wait_for("区民部 › 総務課 › 差戻しの理由（書きかけ）");
    tui.press("r");
    tui.wait_for("差戻しの理由を書きかけです");
    tui.press("R");
    tui.wait_for("数値目標を入れてください。");
    tui.press(CTRL_S);
    tui.wait_for_hint("保存しました:");
    let s = somu(&ws);
    assert_eq!((s.status, s.review.unwrap().comment.as_str()), (Status::Returned, "数値目標を入れてください。"));
    quit_expecting_success(&mut tui);
    assert!(journal_holding(state.path(), "数値目標を入れてください。").is_none(), "sent: no journal keeps it");
}

#[test]
fn the_tables_last_page_is_full_and_the_filter_reads_in_the_scales_order() {
    let dir = Workspace::review_city();
    let mut tui = Tui::spawn(dir.path(), 30, 100);
    tui.wait_ready();
    tui.press("t");
    tui.wait_for("課の一覧（65課）");
    tui.press("G");
    tui.wait_until("the last row on screen", |t| t.row(26).contains("北山市役所 平成20年度 保健部 衛生課"));
    let rows = tui.rows();
    assert!(rows[2..27].iter().all(|r| r.contains("役所")), "a full page:\n{}", tui.dump());
    tui.press(ENTER);
    tui.wait_for_status("北山市役所 平成20年度 › 保健部 › 衛生課");
    tui.press(ESC);
    tui.press("f");
    tui.wait_for("絞り込み");
    tui.press(&DOWN.repeat(3));
    tui.press(" ");
    tui.press(UP);
    tui.press(" ");
    tui.press(ENTER);
    tui.wait_for_status("［絞込 △×］");
}

#[test]
fn the_stage_question_says_a_folder_without_git_keeps_nothing_and_the_move_is_saved() {
    let ws = office(Stage::Midyear, Status::Approved);
    let mut tui = as_user(ws.path(), REVIEWER);
    tui.press("g");
    tui.wait_for_status("上京区役所 平成20年度［中間］ ｜");
    tui.press(">");
    tui.wait_until("the answer of git", |t| t.box_text("年度の段階").contains("どこにも残りません"));
    let said = tui.box_text("年度の段階");
    assert!(said.contains("11課のうち10課は承認されていません"), "{said}");
    assert!(said.contains("1課の審査の記録"), "{said}");
    assert!(!said.contains("git の履歴（H）に残ります"), "{said}");
    tui.press("y");
    tui.wait_for_hint("保存しました:");
    let (doc, _) = read_doc(&ws.file());
    assert_eq!(doc.stage, Some(Stage::Yearend));
    assert!(doc.section(0, 0).unwrap().review.is_none(), "the review is gone, as the question said");
}

#[test]
fn a_screen_too_small_takes_only_its_keys_and_says_so() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    type_in_pane(&mut tui, 4, "（追記）");
    tui.resize(10, 40);
    tui.wait_for("端末が小さすぎます");
    tui.wait_for("Ctrl-L:再描画");
    tui.press("abc");
    tui.wait_for("受け付けていません");
    tui.press(CTRL_S);
    tui.wait_for("保存しました");
    let reflection = somu(&ws).reflection;
    assert!(reflection.ends_with("（追記）") && !reflection.contains("abc"), "{reflection}");
    tui.resize(30, 100);
    tui.wait_for("所属等の目標");
    quit_expecting_success(&mut tui);
}

#[test]
fn a_submitted_section_offers_its_clerk_no_editing_key() {
    let ws = office(Stage::Goals, Status::Submitted);
    let before = std::fs::read(ws.file()).unwrap();
    let mut tui = as_user(ws.path(), CLERK);
    tui.press(TAB);
    tui.wait_for("◆所属等の目標 Esc:一覧");
    let screen = tui.screen_text();
    assert!(
        !screen.contains("Enter:編集") && !screen.contains("a:追加") && !screen.contains("s:提出"),
        "{}",
        tui.dump()
    );
    tui.press(ENTER);
    tui.wait_for_hint("差し戻されるまで変更できません");
    quit_expecting_success(&mut tui);
    assert_eq!(std::fs::read(ws.file()).unwrap(), before);
}

#[test]
fn a_section_the_published_table_cannot_carry_is_said_while_it_is_typed() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    focus_pane(&mut tui, 4, "振り返り Enter:編集");
    start_editing(&mut tui);
    tui.press("\x05\r来年度も続ける。");
    tui.wait_for("！公表の表に載りません");
    stop_editing(&mut tui);
    tui.wait_for("?総務課");
    save(&mut tui);
    quit_expecting_success(&mut tui);
    assert!(somu(&ws).reflection.ends_with("\n来年度も続ける。"));
    let check = common::cli::Cli::new().args(&["check", "--publishable"]).arg(ws.path()).output();
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stderr).contains("「・」で始まらない行があります"), "{check:?}");
}

#[test]
fn a_key_the_settings_file_rebinds_is_the_key_a_message_names() {
    let ws = Workspace::kamigyo();
    let home = common::workspace::Home::new();
    home.write_settings("keys:\n  undo: [U]\n");
    let env = [("HYOKA_CONFIG", home.settings())];
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 100, &[], &env);
    tui.wait_ready();
    focus_pane(&mut tui, 1, "所属等の目標 Enter:編集");
    tui.press("d");
    tui.wait_for_hint("U で元に戻せます");
    tui.press("U");
    tui.wait_for_hint("総務課の所属等の目標を元に戻しました");
    quit_expecting_success(&mut tui);
    assert_eq!(somu(&ws).goals.len(), 2, "the goal is back; nothing was saved");
}
