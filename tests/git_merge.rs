//! `git merge` and `git rebase` with hyoka's merge driver: fields merge, a field changed on both
//! sides stops the merge with valid YAML and a record hyoka reads, decides and clears.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::{Path, PathBuf};

use common::docs::{read_doc, sample, section_mut, write};
use gitkit::{DATA, FILE, Sandbox, canonical};
use hyoka::git::{Operation, PendingMerge, Repo, Resolved, mark_resolved, pending_merge, recorded_merges};
use hyoka::i18n::Lang;
use hyoka::i18n::git::GitMsg;
use hyoka::model::{Document, Field};
use hyoka::store::{Outcome, RealDisk, SaveRequest, TextDigest, save};

/// A repository set up with `hyoka git-setup`, where branch `side` and `main` each made one commit.
fn diverged(sb: &Sandbox, name: &str, ours: impl Fn(&mut Document), theirs: impl Fn(&mut Document)) -> PathBuf {
    let top = sb.repo_with_sample(name);
    assert!(sb.hyoka(&top, &["git-setup", DATA]).status.success());
    sb.run_git(&top, &["add", "-A"]);
    sb.run_git(&top, &["commit", "-qm", "hyoka git-setup"]);
    sb.run_git(&top, &["checkout", "-qb", "side"]);
    edit_and_commit(sb, &top, "theirs", theirs);
    sb.run_git(&top, &["checkout", "-q", "main"]);
    edit_and_commit(sb, &top, "ours", ours);
    top
}

fn edit_and_commit(sb: &Sandbox, top: &Path, message: &str, edit: impl Fn(&mut Document)) {
    let mut doc = read_doc(&top.join(FILE)).0;
    edit(&mut doc);
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(top, &["commit", "-qam", message]);
}

fn edited(edits: &[&dyn Fn(&mut Document)]) -> String {
    let mut doc = sample();
    for edit in edits {
        edit(&mut doc);
    }
    canonical(&doc)
}

fn reflection(text: &'static str) -> impl Fn(&mut Document) {
    move |d| section_mut(d, "区民部", "総務課").reflection = text.into()
}

fn records(top: &Path) -> usize {
    std::fs::read_dir(top.join(".git/hyoka/merges")).map(|d| d.count()).unwrap_or(0)
}

/// The conflict dialog's work, done as the app does it: decide each field, save over the file.
fn decide_and_save(path: &Path, pending: &PendingMerge, keep_theirs: bool) {
    let mut doc = pending.doc.clone();
    for c in &pending.conflicts {
        let from = if keep_theirs { &c.theirs_section } else { &c.mine_section };
        c.field.copy(from, doc.find_section_mut(&c.division, &c.section).unwrap());
    }
    let saved = save(
        &SaveRequest {
            path,
            root: path,
            base_digest: TextDigest::of(&pending.text),
            base: &pending.doc,
            mine: &doc,
            reviewer: false,
        },
        &RealDisk,
    )
    .unwrap();
    assert!(matches!(saved, Outcome::Saved(_)));
}

fn different_fields_of_one_section_merge_cleanly_in_git() {
    let sb = Sandbox::new();
    let rating = |d: &mut Document| section_mut(d, "区民部", "総務課").rating = Some("◎".into());
    let top = diverged(&sb, "項目ごと", reflection("こちらの振り返り"), rating);
    let out = sb.git_output(&top, &["merge", "-q", "side", "-m", "merge"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = edited(&[&reflection("こちらの振り返り"), &rating]);
    assert_eq!(std::fs::read_to_string(top.join(FILE)).unwrap(), expected);
    assert_eq!(records(&top), 0);
    assert_eq!(sb.run_git(&top, &["status", "--porcelain"]), "");
}

fn the_same_field_on_both_sides_stops_the_merge_with_valid_yaml_and_is_decided_in_hyoka() {
    let sb = Sandbox::new();
    let theirs_edit = |d: &mut Document| {
        section_mut(d, "区民部", "総務課").reflection = "向こうの振り返り".into();
        section_mut(d, "保健部", "衛生課").rating = Some("×".into());
    };
    let top = diverged(&sb, "競合", reflection("こちらの振り返り"), theirs_edit);
    let out = sb.git_output(&top, &["merge", "side", "-m", "merge"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("区民部 総務課 振り返り") && said.contains("hyoka で開いて"), "{said}");
    let file = top.join(FILE);
    let in_tree = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        in_tree,
        edited(&[&reflection("こちらの振り返り"), &|d| section_mut(d, "保健部", "衛生課").rating =
            Some("×".into())]),
        "valid YAML: ours in the conflicting field, their other change merged"
    );
    assert_eq!(sb.run_git(&top, &["status", "--porcelain", "-z"]), format!("UU {FILE}\0"), "nothing untracked");
    assert_eq!(records(&top), 1, "recorded under .git");

    let repo = Repo::discover(&sb.git(), &top).unwrap();
    assert_eq!(recorded_merges(&repo).unwrap(), [std::fs::canonicalize(&file).unwrap()]);
    let pending = pending_merge(&repo, &file).unwrap().expect("hyoka finds the conflict");
    assert_eq!(pending.conflicts.len(), 1);
    let c = &pending.conflicts[0];
    assert_eq!((c.division.as_str(), c.section.as_str(), c.field), ("区民部", "総務課", Field::Reflection));
    assert_eq!((c.mine.as_str(), c.theirs.as_str()), ("こちらの振り返り", "向こうの振り返り"));
    assert_eq!(pending.text, in_tree);
    let message = GitMsg::MergeWaiting { path: Path::new(FILE), count: 1 }.text(Lang::Ja);
    assert!(message.contains("1 か所"));

    decide_and_save(&file, &pending, true);
    let resolved = mark_resolved(&repo, &file).unwrap();
    assert_eq!(resolved, Resolved { staged: true, remaining: vec![], operation: Some(Operation::Merge) });
    let said = GitMsg::Resolved { path: Path::new(FILE), remaining: &[], operation: resolved.operation }.text(Lang::En);
    assert!(said.ends_with("Finish the merge with git commit."), "{said}");
    assert_eq!(records(&top), 0);
    assert!(pending_merge(&repo, &file).unwrap().is_none());
    sb.run_git(&top, &["commit", "-q", "--no-edit"]);
    let (doc, _) = read_doc(&file);
    let s = doc.find_section("区民部", "総務課").unwrap();
    assert_eq!(s.reflection, "向こうの振り返り");
    assert_eq!(doc.find_section("保健部", "衛生課").unwrap().rating.as_deref(), Some("×"));
}

fn a_field_edited_by_hand_after_the_merge_counts_as_decided() {
    let sb = Sandbox::new();
    let both = |text: &'static str| {
        move |d: &mut Document| {
            section_mut(d, "区民部", "総務課").reflection = text.into();
            section_mut(d, "保健部", "衛生課").progress = text.into();
        }
    };
    let top = diverged(&sb, "手で直す", both("こちら"), both("向こう"));
    assert!(!sb.git_output(&top, &["merge", "side", "-m", "merge"]).status.success());
    let file = top.join(FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("progress: こちら", "progress: 手で合わせた", 1)).unwrap();
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let pending = pending_merge(&repo, &file).unwrap().unwrap();
    let left: Vec<_> = pending.conflicts.iter().map(|c| (c.section.as_str(), c.field)).collect();
    assert_eq!(left, [("総務課", Field::Reflection)]);
}

fn an_aborted_merge_leaves_no_record_behind() {
    let sb = Sandbox::new();
    let top = diverged(&sb, "中止", reflection("こちら"), reflection("向こう"));
    assert!(!sb.git_output(&top, &["merge", "side", "-m", "merge"]).status.success());
    sb.run_git(&top, &["merge", "--abort"]);
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    assert!(pending_merge(&repo, &top.join(FILE)).unwrap().is_none());
    assert_eq!(records(&top), 0);
    assert_eq!(read_doc(&top.join(FILE)).1, edited(&[&reflection("こちら")]));

    // A record left by an aborted merge that nobody opened is dropped by the next clean merge.
    assert!(!sb.git_output(&top, &["merge", "side", "-m", "merge"]).status.success());
    sb.run_git(&top, &["merge", "--abort"]);
    assert_eq!(records(&top), 1);
    let original = sample().find_section("区民部", "総務課").unwrap().reflection.clone();
    edit_and_commit(&sb, &top, "another field", |d| {
        let s = section_mut(d, "区民部", "総務課");
        s.reflection.clone_from(&original);
        s.rating = Some("◎".into());
    });
    assert!(sb.git_output(&top, &["merge", "side", "-m", "merge"]).status.success());
    assert_eq!(records(&top), 0);
}

fn a_file_hyoka_cannot_read_gets_gits_line_merge() {
    let sb = Sandbox::new();
    let top = diverged(&sb, "読めない", reflection("こちら"), reflection("向こう"));
    sb.run_git(&top, &["checkout", "-q", "side"]);
    let broken = std::fs::read_to_string(top.join(FILE)).unwrap().replace("organization:", "organisation:");
    std::fs::write(top.join(FILE), broken).unwrap();
    sb.run_git(&top, &["commit", "-qam", "broken", "--no-verify"]);
    sb.run_git(&top, &["checkout", "-q", "main"]);
    let out = sb.git_output(&top, &["merge", "side", "-m", "merge"]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("項目ごとにはマージできません"), "{said}");
    let text = std::fs::read_to_string(top.join(FILE)).unwrap();
    assert!(!out.status.success() && text.contains("<<<<<<< ours") && text.contains(">>>>>>> theirs"), "{text}");
    assert_eq!(records(&top), 0);
}

fn during_a_rebase_mine_is_the_clerks_own_commit() {
    let sb = Sandbox::new();
    // `side` plays the upstream that moved on; `main` has the clerk's commit, replayed onto it.
    let top = diverged(&sb, "リベース", reflection("わたしの振り返り"), reflection("上流の振り返り"));
    assert!(!sb.git_output(&top, &["rebase", "side"]).status.success());
    let file = top.join(FILE);
    assert_eq!(read_doc(&file).0.find_section("区民部", "総務課").unwrap().reflection, "わたしの振り返り");
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let pending = pending_merge(&repo, &file).unwrap().unwrap();
    assert_eq!(
        (pending.conflicts[0].mine.as_str(), pending.conflicts[0].theirs.as_str()),
        ("わたしの振り返り", "上流の振り返り")
    );
    decide_and_save(&file, &pending, false);
    assert_eq!(mark_resolved(&repo, &file).unwrap().operation, Some(Operation::Rebase));
    sb.run_git(&top, &["rebase", "--continue"]);
    assert_eq!(sb.run_git(&top, &["log", "--format=%s", "-3"]), "ours\ntheirs\nhyoka git-setup\n");
    assert_eq!(read_doc(&file).1, edited(&[&reflection("わたしの振り返り")]));
}

outside_tests!(
    different_fields_of_one_section_merge_cleanly_in_git,
    the_same_field_on_both_sides_stops_the_merge_with_valid_yaml_and_is_decided_in_hyoka,
    a_field_edited_by_hand_after_the_merge_counts_as_decided,
    an_aborted_merge_leaves_no_record_behind,
    a_file_hyoka_cannot_read_gets_gits_line_merge,
    during_a_rebase_mine_is_the_clerks_own_commit,
);
