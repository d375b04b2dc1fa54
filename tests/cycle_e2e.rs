//! The year's cycle end to end: the real binary in a pseudo-terminal, a clerk (`kumin01`) and a
//! reviewer (`suzuki`, named in the office's settings) taking turns as two login names,
//! one section walked through a whole year, and the YAML on disk checked after every step.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::path::{Path, PathBuf};

use common::clerk::*;
use common::cli::Cli;
use common::docs::*;
use common::pty::*;
use common::workspace::*;
use hyoka::model::{Document, Section, Stage, Status};

const CLERK: &str = "kumin01";
const REVIEWER: &str = "suzuki";

/// The office's settings naming the reviewer, beside the data (a dot file, never taken for a data
/// file; a debug build reads it where HYOKA_OFFICE_SETTINGS says).
fn office(dir: &Path) -> PathBuf {
    let path = dir.join(".office.yaml");
    std::fs::write(&path, format!("reviewers:\n  users: [{REVIEWER}]\n")).unwrap();
    path
}

/// hyoka as `user`, with the office's settings of `dir`.
fn as_user(dir: &Path, user: &str) -> Tui {
    as_user_with(dir, user, &[("HYOKA_OFFICE_SETTINGS", dir.join(".office.yaml"))])
}

fn next_year(ws: &Workspace) -> PathBuf {
    ws.path().join("kamigyo/2009.yaml")
}

fn somu(doc: &Document) -> Section {
    section(doc, "総務課").clone()
}

/// From the first screen to 区民部 総務課 of 平成21年度: this year's file folded, then down.
fn to_next_years_somu(tui: &mut Tui) {
    tui.press("g");
    tui.wait_for_status("上京区役所 平成20年度 ｜");
    tui.press("h");
    tui.press("j");
    tui.wait_for_status("平成21年度");
    tui.press("j");
    tui.press("j");
    tui.wait_for_status("平成21年度［");
    tui.wait_for_status("› 区民部 › 総務課");
}

fn quit(tui: &mut Tui) {
    quit_expecting_success(tui);
}

/// After a key that saves (its question's text already gone): the save's own word, then the badge.
fn saved(tui: &mut Tui) {
    tui.wait_for_hint("保存しました:");
    tui.wait_for_status("保存済み");
}

/// `y` to the question on screen; once the question is gone (so that a word of an earlier save
/// still on the last line is not taken for this one's), the save.
fn yes(tui: &mut Tui, question: &str) {
    tui.press("y");
    tui.wait_until(&format!("{question:?} answered"), |t| !t.screen_text().contains(question));
    saved(tui);
}

/// The clerk's `s`, asked and answered: the section handed in and locked.
fn submit(tui: &mut Tui) {
    tui.press("s");
    tui.wait_for("を提出します");
    yes(tui, "を提出します");
    tui.wait_for("差し戻されるまで変更できません");
}

/// The reviewer's `A`, asked and answered: the section approved.
fn approve(tui: &mut Tui) {
    tui.press("A");
    tui.wait_for("を承認します");
    yes(tui, "を承認します");
    tui.wait_for("承認済み（suzuki 令和");
}

#[test]
fn one_section_through_a_whole_year_with_a_clerk_and_a_reviewer() {
    let ws = Workspace::kamigyo();
    office(ws.path());
    let file = next_year(&ws);

    // The clerk starts next year's file from this year's, keeping the goals.
    let mut tui = as_user(ws.path(), CLERK);
    tui.press("g");
    tui.wait_for_status("上京区役所 平成20年度 ｜");
    tui.press("Y");
    tui.wait_for("平成21年度 を作ります");
    tui.press("k");
    tui.wait_for_hint("平成21年度 を作りました");
    let (doc, _) = read_doc(&file);
    assert_eq!((doc.fiscal_year, doc.stage), (2009, Some(Stage::Goals)));
    assert!(doc.preface.as_deref().unwrap().starts_with("～平成21年度、"));
    let s = somu(&doc);
    assert_eq!(s.goals.len(), 2, "the goals came over");
    assert!(s.progress.is_empty() && s.rating.is_none() && s.reflection.is_empty() && s.updated.is_none());
    assert_eq!(ws.on_disk(), ws.before(), "this year's file is untouched");

    // Goals: a third one, saved; then submitted (asked first).
    tui.press("j");
    tui.press("j");
    tui.wait_for_status("平成21年度［年度当初］ › 区民部 › 総務課");
    tui.press(ENTER);
    tui.wait_for("◆所属等の目標 Enter:編集");
    tui.press("G");
    tui.press("a");
    tui.wait_for_status("編集中");
    tui.press("窓口の待ち時間を短くします。");
    stop_editing(&mut tui);
    save(&mut tui);
    let (doc, _) = read_doc(&file);
    let s = somu(&doc);
    assert_eq!(s.goals.last().map(String::as_str), Some("窓口の待ち時間を短くします。"));
    assert_eq!((s.status, s.updated_by.as_deref()), (Status::Draft, Some(CLERK)));
    submit(&mut tui);
    let (doc, text) = read_doc(&file);
    assert_eq!((somu(&doc).status, somu(&doc).updated_by.as_deref()), (Status::Submitted, Some(CLERK)));
    assert!(text.contains("        status: submitted\n"), "{text}");
    // Submitted: the clerk's keys change nothing.
    tui.press(ENTER);
    tui.wait_for_hint("提出済みです。差し戻されるまで変更できません");
    quit(&mut tui);

    // The reviewer returns it with a comment of two lines, written in the editor.
    let mut tui = as_user(ws.path(), REVIEWER);
    to_next_years_somu(&mut tui);
    tui.wait_for("A:承認 R:差戻し");
    tui.press("R");
    tui.wait_for("差し戻す理由 — 総務課");
    tui.press("目標に数値を入れてください。");
    tui.press(ENTER);
    tui.press("（件数・割合など）");
    tui.wait_for("（件数・割合など）");
    tui.press("\x13");
    saved(&mut tui);
    let (doc, text) = read_doc(&file);
    let s = somu(&doc);
    assert_eq!((s.status, s.updated_by.as_deref()), (Status::Returned, Some(REVIEWER)));
    let review = s.review.clone().unwrap();
    assert_eq!(
        (review.by.as_str(), review.comment.as_str()),
        (REVIEWER, "目標に数値を入れてください。\n（件数・割合など）")
    );
    assert!(
        text.contains(
            "          comment: |-\n            目標に数値を入れてください。\n            （件数・割合など）\n"
        ),
        "{text}"
    );
    quit(&mut tui);

    // The clerk sees the comment above the panes, fixes the goal and submits again.
    let mut tui = as_user(ws.path(), CLERK);
    to_next_years_somu(&mut tui);
    tui.wait_for("差戻し（suzuki 令和");
    tui.wait_for("│目標に数値を入れてください。");
    tui.press(ENTER);
    tui.press(ENTER);
    tui.wait_for_status("編集中");
    tui.press("（1割）");
    stop_editing(&mut tui);
    submit(&mut tui);
    tui.wait_until("the comment gone from the screen", |t| !t.screen_text().contains("│目標に数値を入れてください。"));
    let (doc, _) = read_doc(&file);
    let s = somu(&doc);
    assert_eq!((s.status, s.updated_by.as_deref()), (Status::Submitted, Some(CLERK)));
    assert!(s.goals[0].ends_with("（1割）"), "{:?}", s.goals);
    quit(&mut tui);

    // The reviewer approves it, then moves the file on to the mid-year stage.
    let mut tui = as_user(ws.path(), REVIEWER);
    to_next_years_somu(&mut tui);
    approve(&mut tui);
    let (doc, _) = read_doc(&file);
    let s = somu(&doc);
    assert_eq!((s.status, s.review.as_ref().map(|r| r.by.as_str())), (Status::Approved, Some(REVIEWER)));
    tui.press("k");
    tui.press("k");
    tui.wait_for_status("平成21年度［年度当初］ ｜");
    tui.press(">");
    tui.wait_for("から「中間（取組状況）」の");
    yes(&mut tui, "から「中間（取組状況）」の");
    tui.wait_for_status("平成21年度［中間］");
    let (doc, text) = read_doc(&file);
    assert_eq!(doc.stage, Some(Stage::Midyear));
    assert_eq!(somu(&doc).status, Status::Draft);
    assert!(!text.contains("status:") && !text.contains("review:"), "{text}");
    quit(&mut tui);

    // Mid-year: the section opens on its progress; the clerk writes it and submits.
    let mut tui = as_user(ws.path(), CLERK);
    to_next_years_somu(&mut tui);
    tui.press(ENTER);
    tui.wait_for("◆11月末現在の取組状況 Enter:編集");
    start_editing(&mut tui);
    tui.press("・待ち時間は平均5分短くなった。");
    stop_editing(&mut tui);
    submit(&mut tui);
    let (doc, _) = read_doc(&file);
    let s = somu(&doc);
    assert_eq!((s.progress.as_str(), s.status), ("・待ち時間は平均5分短くなった。", Status::Submitted));
    quit(&mut tui);

    // The reviewer approves the progress and moves the file to the year's end.
    let mut tui = as_user(ws.path(), REVIEWER);
    to_next_years_somu(&mut tui);
    approve(&mut tui);
    tui.press("k");
    tui.press("k");
    tui.press(">");
    tui.wait_for(" 年度の段階 ");
    tui.wait_for("を「中間（取組状況）」から「期末");
    yes(&mut tui, "を「中間（取組状況）」から「期末");
    tui.wait_for_status("平成21年度［期末］");
    assert_eq!(read_doc(&file).0.stage, Some(Stage::Yearend));
    quit(&mut tui);

    // Year end: the section opens on its rating; the clerk rates the section and its goals.
    let mut tui = as_user(ws.path(), CLERK);
    to_next_years_somu(&mut tui);
    tui.press(ENTER);
    tui.wait_for("◆目標達成度 1-4:達成度");
    tui.press("2");
    tui.press("\x1b[Z"); // Shift-Tab: the goals
    tui.press("\x1b[Z");
    tui.wait_for("┌ 所属等の目標 Enter:編集");
    tui.press("1");
    save(&mut tui);
    let (doc, text) = read_doc(&file);
    let s = somu(&doc);
    assert_eq!((s.rating.as_deref(), s.goal_rating(0), s.updated_by.as_deref()), (Some("○"), Some("◎"), Some(CLERK)));
    assert!(text.contains("          - text: "), "{text}");
    assert!(text.contains("            rating: ◎\n"), "{text}");
    quit(&mut tui);
    assert_eq!(ws.on_disk(), ws.before(), "last year's file was never touched");
}

#[test]
fn a_clerk_named_nowhere_cannot_approve_even_with_a_settings_file_of_their_own() {
    let ws = Workspace::kamigyo();
    // The office names the reviewers: a clerk's own settings file does not add to them.
    let office = office(ws.path());
    let own = ws.path().join("own-settings.yaml");
    std::fs::write(&own, format!("reviewers:\n  users: [{CLERK}]\n")).unwrap();
    let mut doc = ws.before();
    doc.section_mut(0, 0).unwrap().status = Status::Submitted;
    std::fs::write(ws.file(), hyoka::store::emit_document(&doc)).unwrap();
    let before = std::fs::read(ws.file()).unwrap();
    let env = [("HYOKA_TEST_LOGIN", PathBuf::from(CLERK)), ("HYOKA_CONFIG", own), ("HYOKA_OFFICE_SETTINGS", office)];
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 110, &[], &env);
    tui.wait_ready();
    tui.press("A");
    tui.wait_for_hint("審査する人だけ");
    tui.press("R");
    tui.wait_for_hint("審査する人だけ");
    quit_expecting_success(&mut tui);
    assert_eq!(std::fs::read(ws.file()).unwrap(), before, "nothing written");
}

#[test]
fn dates_are_in_the_era_and_the_settings_file_can_ask_for_the_western_calendar() {
    let ws = Workspace::kamigyo();
    let mut doc = ws.before();
    let somu = doc.section_mut(0, 0).unwrap();
    somu.status = Status::Approved;
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
    somu.review = Some(hyoka::model::Review { by: REVIEWER.into(), at, comment: String::new() });
    std::fs::write(ws.file(), hyoka::store::emit_document(&doc)).unwrap();
    let mut tui = Tui::spawn(ws.path(), 30, 110);
    tui.wait_ready();
    tui.wait_for("承認済み（suzuki 令和8年11月26日 10:00）");
    quit_expecting_success(&mut tui);

    let settings = ws.path().join("settings.yaml");
    std::fs::write(&settings, "calendar: western\n").unwrap();
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 110, &[], &[("HYOKA_CONFIG", settings.clone())]);
    tui.wait_ready();
    tui.wait_for("承認済み（suzuki 2026年11月26日 10:00）");
    quit_expecting_success(&mut tui);

    std::fs::write(&settings, "calendar: gregorian\n").unwrap();
    let out = Cli::new().arg(ws.path()).env("HYOKA_CONFIG", &settings).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("calendar: 「gregorian」は使えません"));
}
