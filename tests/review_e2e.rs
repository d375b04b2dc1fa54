//! End to end for reviewers: the real binary in a pseudo-terminal on a copy of
//! `tests/fixtures/review` — search, filter, the table, opening a section, comparing years; and
//! reviewer mode with no editing key shown and an export written outside the data folder only.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::fs;
use std::path::Path;

use common::clerk::*;
use common::pty::*;
use common::workspace::{Workspace, listing};
use hyoka::store::parse_document;

const DOWN: &str = "\x1b[B";
const END: &str = "\x1b[F";
const BACKSPACE: &str = "\x7f";

/// How many sections of the fixture are rated ×, counted from the files themselves.
fn rated_cross(dir: &Path) -> usize {
    listing(dir)
        .iter()
        .map(|(_, bytes)| parse_document(std::str::from_utf8(bytes).unwrap()).unwrap())
        .map(|doc| doc.divisions.iter().flat_map(|d| &d.sections).filter(|s| s.rating.as_deref() == Some("×")).count())
        .sum()
}

#[test]
fn search_filter_open_a_section_from_the_table_and_compare_years() {
    let dir = Workspace::review_city();
    let crosses = rated_cross(dir.path());
    let mut tui = Tui::spawn(dir.path(), 30, 100);
    tui.wait_ready();
    // Half-width katakana typed, the full-width text found.
    tui.press("/");
    tui.press("ｸﾚｰﾑ");
    tui.wait_for("検索: ｸﾚｰﾑ");
    tui.press(ENTER);
    tui.wait_for_hint("検索 1/");
    assert!(tui.status_line().contains("／ｸﾚｰﾑ 1/"), "{}", tui.dump());
    assert!(tui.screen_text().contains("クレーム"), "{}", tui.dump());
    let first = tui.status_line();
    tui.press("n");
    tui.wait_for_hint("検索 2/");
    assert_ne!(tui.status_line(), first, "n moved to another section:\n{}", tui.dump());
    tui.press(ESC);
    tui.wait_for_hint("検索を終えました");
    // Only the sections rated ×.
    tui.press("f");
    tui.wait_for("絞り込み");
    tui.press(&DOWN.repeat(3));
    tui.press(" ");
    tui.wait_for("[x] × あまり達成できなかった");
    tui.press(ENTER);
    tui.wait_for_status("［絞込 ×］");
    tui.wait_for_hint(&format!("{crosses}課を表示しています"));
    // The table holds what the filter shows; Enter opens its first row.
    tui.press("t");
    tui.wait_for(&format!("課の一覧（{crosses}課）"));
    tui.press(ENTER);
    tui.wait_for_status("上京区役所 平成18年度 › 区民部 › 市民税課");
    // The year after is ◎, hidden by the filter; without it, ] steps there.
    tui.press("]");
    tui.wait_for_hint("絞り込みで隠れています");
    tui.press("F");
    tui.wait_for_hint("絞り込みを解除しました");
    tui.press("]");
    tui.wait_for_status("上京区役所 平成19年度 › 区民部 › 市民税課");
    tui.press("y");
    tui.wait_for("平成18 × → 平成19 ◎ → 平成20 △");
    tui.press("q");
    tui.wait_for("所属一覧");
    quit_expecting_success(&mut tui);
}

#[test]
fn a_reviewer_is_shown_no_editing_key_and_exports_outside_the_data_folder_only() {
    let dir = Workspace::review_city();
    let before = listing(dir.path());
    let state = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn_with_state(dir.path(), state.path(), 30, 100, &["--read-only"]);
    tui.wait_ready();
    tui.wait_for_status("閲覧専用");
    assert!(!tui.hint_line().contains("Ctrl-S"), "no save key offered:\n{}", tui.dump());
    assert!(tui.hint_line().contains("/:検索"), "{}", tui.dump());
    tui.press("?");
    tui.wait_for("キー操作");
    let help = tui.screen_text();
    for editing in ["Ctrl-S", "編集を始める", "達成度を選ぶ", "変更を元に戻す", "前書きを書く", "前の内容に戻す"]
    {
        assert!(!help.contains(editing), "{editing} in the reviewer's help:\n{}", tui.dump());
    }
    tui.press("x");
    tui.wait_for("所属一覧");
    // Export: first into the data folder (refused), then elsewhere.
    tui.press("e");
    tui.wait_for("hyoka-exports/kamigyo/2006.html");
    let inside = dir.path().join("kamigyo").join("2006.html");
    tui.press(END);
    tui.press(&BACKSPACE.repeat(120));
    tui.paste(&inside.display().to_string());
    tui.press(ENTER);
    tui.wait_for_hint("データのフォルダの中には書き出せません");
    let target = out.path().join("上京区役所 平成18年度.html");
    tui.press(END);
    tui.press(&BACKSPACE.repeat(inside.display().to_string().chars().count() + 5));
    tui.paste(&target.display().to_string());
    tui.press(ENTER);
    tui.wait_for_hint("書き出しました");
    assert!(fs::read_to_string(&target).unwrap().contains("上京区役所 平成18年度"));
    tui.press("q");
    assert!(tui.wait_exit().success());
    assert_eq!(listing(dir.path()), before, "nothing written, locked or left inside the data folder");
    assert!(!state.path().join("hyoka").exists(), "no journal");
}
