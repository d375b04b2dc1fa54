//! Commits in a work tree several accounts share (the office's `git: { commit: true }`): a commit
//! holds exactly the bytes its save wrote — not a colleague's save lying on disk — and is by the
//! account that saved, whatever git's own configuration says.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

mod gitkit;

use common::docs::{section_mut, write};
use common::outside;
use gitkit::{FILE, Sandbox, save_with};
use hyoka::git::{Author, AutoCommit, CommitOutcome, CommitReport};
use hyoka::i18n::Lang;

fn a_shared_work_trees_commit_holds_exactly_what_its_save_wrote_by_its_account() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("共有の作業ツリー");
    let file = top.join(FILE);
    // clerk1 saves; the bytes of that save are what the commit must hold.
    save_with(&file, |doc| section_mut(doc, "区民部", "総務課").reflection = "clerk1 の振り返り。".into());
    let clerk1_bytes = std::fs::read_to_string(&file).unwrap();
    // Before clerk1's commit runs, clerk2 saves without commits (and a reviewer approves elsewhere).
    save_with(&file, |doc| section_mut(doc, "区民部", "納税課").progress = "clerk2 の取組状況。".into());
    let on_disk = std::fs::read_to_string(&file).unwrap();
    // Someone had staged a file of their own: it stays staged and out of the commit.
    write(&top.join("メモ.txt"), "下書き\n");
    sb.run_git(&top, &["add", "メモ.txt"]);

    let author = Author { login: "clerk1".into(), name: "事務 一郎".into() };
    let mut auto = AutoCommit::with_git(Some(sb.git())).shared(author);
    let reports = auto.after_saved(&file, &clerk1_bytes, "clerk1", Lang::Ja);

    let [CommitReport::Done { outcome: CommitOutcome::Committed { subject, .. }, .. }] = reports.as_slice() else {
        panic!("one commit: {reports:?}");
    };
    assert_eq!(subject, "上京区役所 平成20年度 区民部 総務課: 振り返り", "the message names this save's change only");
    assert_eq!(sb.run_git(&top, &["show", &format!("HEAD:{FILE}")]), clerk1_bytes, "exactly clerk1's bytes");
    let who = sb.run_git(&top, &["log", "-1", "--format=%an|%ae|%cn"]);
    assert!(who.starts_with("事務 一郎|clerk1@") && who.trim_end().ends_with("|事務 一郎"), "{who}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), on_disk, "the file on disk is untouched");
    let status = sb.run_git(&top, &["-c", "core.quotePath=false", "status", "--porcelain"]);
    assert!(status.contains(" M \"データ 置き場/上京 区/2008.yaml\""), "clerk2's save is still to commit: {status}");
    assert!(status.contains("A  メモ.txt"), "the staged file stays staged: {status}");
    assert!(!sb.run_git(&top, &["show", "--name-only", "--format=", "HEAD"]).contains("メモ"));

    // clerk2's own commit then holds clerk2's change over clerk1's.
    let mut auto2 =
        AutoCommit::with_git(Some(sb.git())).shared(Author { login: "clerk2".into(), name: "clerk2".into() });
    let reports = auto2.after_saved(&file, &on_disk, "clerk2", Lang::Ja);
    assert!(
        matches!(&reports[..], [CommitReport::Done { outcome: CommitOutcome::Committed { .. }, .. }]),
        "{reports:?}"
    );
    assert_eq!(sb.run_git(&top, &["log", "-1", "--format=%an"]).trim(), "clerk2");
    assert!(
        !sb.run_git(&top, &["-c", "core.quotePath=false", "status", "--porcelain"]).contains("2008.yaml"),
        "now all is committed"
    );
    // The same bytes again: nothing to commit.
    let again = auto2.after_saved(&file, &on_disk, "clerk2", Lang::Ja);
    assert!(matches!(&again[..], [CommitReport::Done { outcome: CommitOutcome::NothingToCommit, .. }]), "{again:?}");
}

fn a_refusing_hook_refuses_the_shared_commit_too() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("共有 フック");
    let hook = top.join(".git/hooks/pre-commit");
    write(&hook, "#!/bin/sh\necho 'まだです' >&2\nexit 1\n");
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let file = top.join(FILE);
    save_with(&file, |doc| section_mut(doc, "区民部", "総務課").rating = Some("◎".into()));
    let head = sb.run_git(&top, &["rev-parse", "HEAD"]);
    let text = std::fs::read_to_string(&file).unwrap();
    let mut auto =
        AutoCommit::with_git(Some(sb.git())).shared(Author { login: "clerk1".into(), name: "clerk1".into() });
    let reports = auto.after_saved(&file, &text, "clerk1", Lang::Ja);
    assert!(
        matches!(&reports[..], [CommitReport::Done { outcome: CommitOutcome::HookRefused { output }, .. }] if output == "まだです"),
        "{reports:?}"
    );
    assert_eq!(sb.run_git(&top, &["rev-parse", "HEAD"]), head);
}

outside_tests!(
    a_shared_work_trees_commit_holds_exactly_what_its_save_wrote_by_its_account,
    a_refusing_hook_refuses_the_shared_commit_too,
);
