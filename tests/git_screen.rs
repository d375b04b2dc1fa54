//! hyoka's own screen in a shared repository, with real git: saves committed one by one with
//! `--commit`, a pull that stops on a field both offices changed, the question asked by hyoka as it
//! opens, and git told the file is resolved — the final file checked in both clones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::Path;

use common::clerk::{CTRL_S, focus_pane};
use common::docs::{SAMPLE, write};
use common::pty::Tui;
use gitkit::{DATA, FILE, Sandbox};

fn clerk(sb: &Sandbox, top: &Path, args: &[&str]) -> Tui {
    let mut tui = Tui::spawn_with_env(top, 30, 100, args, &sb.env_vars());
    tui.wait_ready();
    tui
}

/// In the rating pane of 総務課: press the key, save, and wait for the commit.
fn rate_and_save(tui: &mut Tui, key: &str, shown: &str) {
    focus_pane(tui, 3, "1-4:達成度");
    tui.press(key);
    tui.wait_for(shown);
    tui.press(CTRL_S);
    tui.wait_for_hint("コミットしました");
    tui.wait_for_status("保存済み");
}

fn two_offices_merge_by_field_and_a_conflict_is_decided_on_hyoka_s_screen() {
    let sb = Sandbox::new();
    let server = sb.server();
    let ward = sb.clone_of(&server, "上京区役所");
    sb.publish_sample(&ward);
    let city = sb.clone_of(&server, "市役所");
    assert!(sb.hyoka(&city, &["git-setup", DATA]).status.success());

    // The ward rates 総務課 ×; each save is its own commit, pushed.
    let mut a = clerk(&sb, &ward, &["--commit"]);
    rate_and_save(&mut a, "4", "× あまり達成できなかった");
    a.press("q");
    let _ = a.wait_exit();
    sb.run_git(&ward, &["push", "-q"]);
    let log = sb.run_git(&ward, &["log", "-1", "--format=%s"]);
    assert_eq!(log.trim(), "上京区役所 平成20年度 区民部 総務課: 目標達成度");

    // The city hall (commits on by its settings file, not the flag) rates the same section ◎,
    // then pulls.
    sb.home().write_settings("git:\n  commit: true\n");
    let mut b = clerk(&sb, &city, &[]);
    rate_and_save(&mut b, "1", "◎ 達成できた");
    b.press("q");
    let _ = b.wait_exit();
    let pull = sb.git_output(&city, &["pull", "-q", "--no-edit"]);
    assert!(!pull.status.success(), "the same field on both sides stops the merge");
    let in_tree = std::fs::read_to_string(city.join(FILE)).unwrap();
    assert!(!in_tree.contains("<<<<<<<"), "the file stays valid YAML for everyone:\n{in_tree}");

    // hyoka opens the file with the question, the clerk keeps theirs (the ward's ×).
    let mut b = Tui::spawn_with_env(&city, 30, 100, &[], &sb.env_vars());
    b.wait_for("同時に編集された項目 1/1");
    b.wait_for("区民部 › 総務課 › 目標達成度");
    b.press("t");
    b.wait_for_status("保存済み");
    b.press("M");
    b.wait_for("の競合を解決し、git に登録");
    b.press(common::clerk::ESC);
    b.press("q");
    let _ = b.wait_exit();
    assert_eq!(sb.run_git(&city, &["diff", "--name-only", "--diff-filter=U"]), "", "nothing left in conflict");
    sb.run_git(&city, &["commit", "-q", "--no-edit"]);
    sb.run_git(&city, &["push", "-q"]);
    sb.run_git(&ward, &["pull", "-q", "--no-edit"]);

    let final_text = std::fs::read_to_string(ward.join(FILE)).unwrap();
    assert_eq!(final_text, std::fs::read_to_string(city.join(FILE)).unwrap(), "both clones hold the same file");
    let doc = hyoka::store::parse_document(&final_text).unwrap();
    let somu = doc.find_section("区民部", "総務課").unwrap();
    assert_eq!(somu.rating.as_deref(), Some("×"), "the decision is what was written");
    for top in [&ward, &city] {
        assert_eq!(sb.run_git(top, &["status", "--porcelain"]), "", "clean, nothing stray");
    }
}

/// `H` in a real terminal: the section's commits, the selected change as 変更前 / 変更後, `r` puts
/// the old reflection back, Ctrl-S saves it (and commits it), and the file on disk holds it.
fn the_history_view_puts_an_old_reflection_back_and_it_is_saved() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("上京区役所");
    let file = top.join(FILE);
    let old =
        hyoka::store::parse_document(SAMPLE).unwrap().find_section("区民部", "総務課").unwrap().reflection.clone();
    write(&file, &SAMPLE.replace(&old, "窓口対応は、ほぼ目標どおりだった。"));
    sb.run_git(&top, &["commit", "-qam", "区民部 総務課: 振り返り", "--author=田中 一郎 <t@example.invalid>"]);

    let mut tui = clerk(&sb, &top, &["--commit"]);
    tui.press("H");
    tui.wait_for("変更の履歴: 区民部 総務課（2件）");
    tui.wait_for("田中 一郎  振り返り");
    tui.wait_for("変更前 市民対応については");
    tui.wait_for("変更後 窓口対応は、ほぼ目標どおりだった。");
    tui.press("r");
    tui.wait_for_hint("変更より前の内容に戻しました");
    tui.wait_for("振り返り");
    tui.press(CTRL_S);
    tui.wait_for_hint("コミットしました");
    tui.wait_for_status("保存済み");
    tui.press("q");
    let _ = tui.wait_exit();

    let saved = hyoka::store::parse_document(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved.find_section("区民部", "総務課").unwrap().reflection, old);
    let log = sb.run_git(&top, &["log", "-1", "--format=%s"]);
    assert_eq!(log.trim(), "上京区役所 平成20年度 区民部 総務課: 振り返り");
}

/// `--commit` on a detached HEAD: the save is committed, and the bottom line says that the commit
/// is on no branch and how to keep it.
fn a_commit_on_a_detached_head_is_said_with_how_to_keep_it() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("上京区役所");
    sb.run_git(&top, &["checkout", "-q", "--detach"]);
    let mut tui = clerk(&sb, &top, &["--commit"]);
    focus_pane(&mut tui, 3, "1-4:達成度");
    tui.press("1");
    tui.wait_for("◎ 達成できた");
    tui.press(CTRL_S);
    tui.wait_for_hint("detached HEAD");
    tui.wait_for_status("保存済み");
    tui.press("M");
    tui.wait_for("git switch -c 新しいブランチ名");
    tui.press(common::clerk::ESC);
    tui.press("q");
    let _ = tui.wait_exit();
    assert_eq!(sb.git_output(&top, &["symbolic-ref", "-q", "HEAD"]).status.code(), Some(1), "still on no branch");
    let log = sb.run_git(&top, &["log", "-1", "--format=%s"]);
    assert_eq!(log.trim(), "上京区役所 平成20年度 区民部 総務課: 目標達成度");
}

outside_tests!(
    two_offices_merge_by_field_and_a_conflict_is_decided_on_hyoka_s_screen,
    the_history_view_puts_an_old_reflection_back_and_it_is_saved,
    a_commit_on_a_detached_head_is_said_with_how_to_keep_it,
);
