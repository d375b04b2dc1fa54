//! An approval through real `git merge` and `git pull` with hyoka's merge driver: a reviewer's
//! approval on one side and a change of the approved text on the other stop the merge as one
//! question, recorded for hyoka, which a clerk can only answer with the approval and a reviewer
//! either way — the file checked on disk and in git after each step.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::{Path, PathBuf};

use common::docs::{read_doc, section_mut, write};
use common::pty::Tui;
use gitkit::{DATA, FILE, Sandbox, canonical};
use hyoka::git::{Repo, pending_merge};
use hyoka::model::{Document, Field, Review, Status};

const REVIEWERS: &str = "reviewers:\n  users: [suzuki]\n";

/// A repository whose 総務課 is submitted, set up with `hyoka git-setup`, reviewers named.
fn submitted_repository(sb: &Sandbox, name: &str) -> PathBuf {
    let top = sb.repo_with_sample(name);
    assert!(sb.hyoka(&top, &["git-setup", DATA]).status.success());
    write(&top.join(".hyoka.yaml"), REVIEWERS);
    let mut doc = read_doc(&top.join(FILE)).0;
    section_mut(&mut doc, "区民部", "総務課").status = Status::Submitted;
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(&top, &["add", "-A"]);
    sb.run_git(&top, &["commit", "-qm", "submitted"]);
    top
}

fn approve(doc: &mut Document) {
    let s = section_mut(doc, "区民部", "総務課");
    s.status = Status::Approved;
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
    s.review = Some(Review { by: "suzuki".into(), at, comment: String::new() });
}

fn change_progress(doc: &mut Document) {
    section_mut(doc, "区民部", "総務課").progress = "承認のあとで書き足した取組状況".into();
}

fn commit_edit(sb: &Sandbox, top: &Path, message: &str, edit: fn(&mut Document)) {
    let mut doc = read_doc(&top.join(FILE)).0;
    edit(&mut doc);
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(top, &["commit", "-qam", message]);
}

fn somu(top: &Path) -> hyoka::model::Section {
    read_doc(&top.join(FILE)).0.find_section("区民部", "総務課").unwrap().clone()
}

fn hyoka_as(sb: &Sandbox, top: &Path, user: &str) -> Tui {
    let mut env = sb.env_vars();
    env.push(("HYOKA_TEST_LOGIN", PathBuf::from(user)));
    Tui::spawn_with_env(top, 30, 110, &[], &env)
}

fn a_merge_of_an_approval_and_an_edit_of_its_text_stops_and_the_clerk_keeps_the_approval() {
    let sb = Sandbox::new();
    let top = submitted_repository(&sb, "承認と編集");
    sb.run_git(&top, &["checkout", "-qb", "review"]);
    commit_edit(&sb, &top, "approved", approve);
    sb.run_git(&top, &["checkout", "-q", "main"]);
    commit_edit(&sb, &top, "progress", change_progress);
    let out = sb.git_output(&top, &["merge", "review", "-m", "merge"]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "not clean: {said}");
    assert!(said.contains("区民部 総務課 提出状況・取組状況"), "{said}");
    let here = somu(&top);
    assert_eq!((here.status, here.progress.as_str()), (Status::Submitted, "承認のあとで書き足した取組状況"));
    assert!(here.review.is_none(), "no approval over text the reviewer did not see");
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let pending = pending_merge(&repo, &top.join(FILE)).unwrap().unwrap();
    let [c] = &pending.conflicts[..] else { panic!("{:?}", pending.conflicts) };
    assert_eq!((c.field, c.with.as_slice()), (Field::Status, &[Field::Progress][..]));

    // The clerk opens hyoka: one question, only theirs offered.
    let mut clerk = hyoka_as(&sb, &top, "kumin01");
    clerk.wait_for("相手の側は承認済みです");
    clerk.wait_for("提出状況・取組状況");
    clerk.press("m");
    clerk.press("t");
    clerk.wait_for_status("保存済み");
    clerk.wait_for_hint("git に登録");
    clerk.press("q");
    let _ = clerk.wait_exit();
    assert_eq!(sb.run_git(&top, &["diff", "--name-only", "--diff-filter=U"]), "", "staged: resolved");
    sb.run_git(&top, &["commit", "-q", "--no-edit"]);
    let merged = somu(&top);
    assert_eq!(merged.status, Status::Approved);
    let approved = common::docs::sample().find_section("区民部", "総務課").unwrap().progress.clone();
    assert_eq!(merged.progress, approved, "what the reviewer approved is what stays");
}

fn a_pull_that_brings_an_edit_under_a_reviewers_approval_stops_and_the_reviewer_may_keep_the_approval() {
    let sb = Sandbox::new();
    let server = sb.path("サーバー/評価.git");
    std::fs::create_dir_all(&server).unwrap();
    sb.run_git(&server, &["init", "-q", "--bare"]);
    let office = submitted_repository(&sb, "課");
    sb.run_git(&office, &["remote", "add", "origin", server.to_str().unwrap()]);
    sb.run_git(&office, &["push", "-q", "-u", "origin", "main"]);
    let reviewer = sb.path("審査");
    sb.run_git(&sb.path(""), &["clone", "-q", server.to_str().unwrap(), "審査"]);
    assert!(sb.hyoka(&reviewer, &["git-setup", DATA]).status.success());
    for top in [&office, &reviewer] {
        sb.run_git(top, &["config", "pull.rebase", "false"]);
    }
    commit_edit(&sb, &office, "progress", change_progress);
    sb.run_git(&office, &["push", "-q"]);
    commit_edit(&sb, &reviewer, "approved", approve);
    let pull = sb.git_output(&reviewer, &["pull", "-q", "--no-edit"]);
    assert!(!pull.status.success(), "the edit does not come in under the approval");
    let here = somu(&reviewer);
    assert_eq!((here.status, here.progress.contains("書き足した")), (Status::Approved, false), "ours in the file");

    // The reviewer keeps their approval of the text they read.
    let mut tui = hyoka_as(&sb, &reviewer, "suzuki");
    tui.wait_for("提出状況・取組状況");
    tui.wait_for("m:自分の内容  t:相手の内容");
    tui.press("m");
    tui.wait_for_status("保存済み");
    tui.wait_for_hint("git に登録");
    tui.press("q");
    let _ = tui.wait_exit();
    sb.run_git(&reviewer, &["commit", "-q", "--no-edit"]);
    sb.run_git(&reviewer, &["push", "-q"]);
    sb.run_git(&office, &["pull", "-q", "--no-edit"]);
    let both = somu(&office);
    assert_eq!((both.status, both.progress.contains("書き足した")), (Status::Approved, false));
    assert_eq!(
        std::fs::read_to_string(office.join(FILE)).unwrap(),
        std::fs::read_to_string(reviewer.join(FILE)).unwrap()
    );
}

outside_tests!(
    a_merge_of_an_approval_and_an_edit_of_its_text_stops_and_the_clerk_keeps_the_approval,
    a_pull_that_brings_an_edit_under_a_reviewers_approval_stops_and_the_reviewer_may_keep_the_approval,
);
