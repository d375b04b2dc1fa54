//! Commit on save with real git: exactly the saved files, a message naming what changed, git's
//! identity or the login name, hooks that refuse, merges in progress, and commits being off.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::docs::{SAMPLE, section_mut, write};
use common::outside;
use gitkit::{FILE, Sandbox, save_with};
use hyoka::git::{AutoCommit, CommitOutcome, CommitReport, GitError, Operation, Repo, commit_files};
use hyoka::i18n::Lang;

fn committed(reports: &[CommitReport]) -> &str {
    match reports {
        [CommitReport::Done { outcome: CommitOutcome::Committed { subject, .. }, .. }] => subject,
        other => panic!("expected one commit, got {other:?}"),
    }
}

fn a_save_commits_the_saved_file_only_with_a_message_naming_the_changed_fields() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("課の作業");
    // The clerk has other work staged, and another file changed but not staged.
    write(&top.join("メモ.txt"), "下書き\n");
    sb.run_git(&top, &["add", "メモ.txt"]);
    write(&top.join("データ 置き場/別の 課.yaml"), "organization: x\nfiscal_year: 2008\ndivisions: []\n");
    let file = top.join(FILE);
    save_with(&file, |doc| {
        let s = section_mut(doc, "区民部", "総務課");
        s.reflection = "概ね達成できた。".into();
        s.rating = Some("◎".into());
    });

    let reports = AutoCommit::with_git(Some(sb.git())).after_save(std::slice::from_ref(&file), "kumin01", Lang::Ja);

    assert_eq!(committed(&reports), "上京区役所 平成20年度 区民部 総務課: 目標達成度, 振り返り");
    assert_eq!(sb.run_git(&top, &["show", "--format=", "--name-only", "-z", "HEAD"]), format!("{FILE}\0"));
    assert_eq!(
        sb.run_git(&top, &["log", "-1", "--format=%an <%ae>|%B"]),
        "試験 太郎 <taro@example.invalid>|上京区役所 平成20年度 区民部 総務課: 目標達成度, 振り返り\n\n"
    );
    assert_eq!(
        sb.run_git(&top, &["diff", "--cached", "--name-only", "-z"]),
        "メモ.txt\0",
        "other staged work stays staged"
    );
    assert!(sb.run_git(&top, &["status", "--porcelain", "-z"]).contains("?? データ 置き場/別の 課.yaml"));
    assert_eq!(sb.run_git(&top, &["status", "--porcelain", "-z", "--", FILE]), "", "the saved file is committed whole");
    let id = sb.run_git(&top, &["rev-parse", "--short=7", "HEAD"]);
    assert_eq!(
        reports[0].message(Lang::Ja).expect("a commit is said"),
        format!("コミットしました（{}）: 上京区役所 平成20年度 区民部 総務課: 目標達成度, 振り返り", id.trim())
    );
}

fn without_an_identity_in_git_the_login_name_is_the_author() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("名無し");
    let file = top.join(FILE);
    save_with(&file, |doc| section_mut(doc, "保健部", "衛生課").progress = "改善した。".into());
    // No name or e-mail anywhere, and git told not to guess one.
    let git = sb
        .git()
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_AUTHOR_EMAIL")
        .env_remove("GIT_COMMITTER_NAME")
        .env_remove("GIT_COMMITTER_EMAIL")
        .env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "user.useConfigOnly")
        .env("GIT_CONFIG_VALUE_0", "true");
    let reports = AutoCommit::with_git(Some(git)).after_save(&[file], "kumin01", Lang::Ja);
    assert_eq!(committed(&reports), "上京区役所 平成20年度 保健部 衛生課: 取組状況");
    let who = sb.run_git(&top, &["log", "-1", "--format=%an|%ae|%cn"]);
    assert!(who.starts_with("kumin01|kumin01@") && who.trim_end().ends_with("|kumin01"), "{who}");
}

fn a_refusing_pre_commit_hook_is_reported_with_its_words_and_the_save_stands() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("フック");
    let setup = sb.hyoka(&top, &["git-setup", gitkit::DATA]);
    assert!(setup.status.success(), "{}", String::from_utf8_lossy(&setup.stderr));
    // Someone left a broken data file in the folder: `hyoka check` in the hook refuses.
    write(&top.join("データ 置き場/壊れた.yaml"), "organization: x\nfiscal_year: 2008\ndivisions: []\ncolour: red\n");
    let file = top.join(FILE);
    let head = sb.run_git(&top, &["rev-parse", "HEAD"]);
    save_with(&file, |doc| section_mut(doc, "区民部", "納税課").reflection = "徴収率は改善した。".into());

    let reports = AutoCommit::with_git(Some(sb.git())).after_save(std::slice::from_ref(&file), "kumin01", Lang::Ja);

    let [CommitReport::Done { outcome: CommitOutcome::HookRefused { output }, .. }] = reports.as_slice() else {
        panic!("expected the hook's refusal, got {reports:?}");
    };
    assert!(output.contains("壊れた.yaml:4:1") && output.contains("colour"), "the hook's own text: {output}");
    assert!(reports[0].is_warning());
    assert!(reports[0].message(Lang::Ja).expect("said").contains("フックがコミットを断りました"));
    assert_eq!(sb.run_git(&top, &["rev-parse", "HEAD"]), head, "no commit");
    assert!(std::fs::read_to_string(&file).unwrap().contains("徴収率は改善した。"), "the save stands");
    assert_eq!(sb.run_git(&top, &["diff", "--cached", "--name-only"]), "", "nothing left staged");

    // Once the broken file is fixed, the next save's commit names both saves' changes.
    std::fs::remove_file(top.join("データ 置き場/壊れた.yaml")).unwrap();
    save_with(&file, |doc| section_mut(doc, "区民部", "納税課").rating = Some("○".into()));
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(&[file], "kumin01", Lang::Ja);
    assert_eq!(committed(&reports), "上京区役所 平成20年度 区民部 納税課: 目標達成度, 振り返り");
}

fn a_new_data_file_is_committed_and_taken_back_out_of_the_index_when_refused() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("新規");
    let new = top.join("データ 置き場/中京 区/2009.yaml");
    write(&new, &SAMPLE.replace("fiscal_year: 2008", "fiscal_year: 2009"));
    // First refused by a hook: the new file must not stay half-added in the index.
    let hook = top.join(".git/hooks/pre-commit");
    write(&hook, "#!/bin/sh\necho 'まだです' >&2\nexit 1\n");
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut auto = AutoCommit::with_git(Some(sb.git()));
    let reports = auto.after_save(std::slice::from_ref(&new), "kumin01", Lang::Ja);
    assert!(
        matches!(&reports[..], [CommitReport::Done { outcome: CommitOutcome::HookRefused { output }, .. }] if output == "まだです"),
        "{reports:?}"
    );
    assert!(
        sb.run_git(&top, &["status", "--porcelain", "-z"]).contains("?? データ 置き場/中京 区/"),
        "untracked again"
    );
    std::fs::remove_file(&hook).unwrap();

    let reports = auto.after_save(&[new], "kumin01", Lang::Ja);
    assert_eq!(committed(&reports), "上京区役所 平成21年度: 新規作成");
    assert_eq!(sb.run_git(&top, &["status", "--porcelain"]), "");
}

fn no_commit_in_the_middle_of_a_merge_and_the_save_stands() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("マージ中");
    sb.run_git(&top, &["checkout", "-qb", "side"]);
    write(&top.join("side.txt"), "x\n");
    sb.run_git(&top, &["add", "side.txt"]);
    sb.run_git(&top, &["commit", "-qm", "side"]);
    sb.run_git(&top, &["checkout", "-q", "main"]);
    sb.run_git(&top, &["merge", "--no-ff", "--no-commit", "side"]);
    let file = top.join(FILE);
    save_with(&file, |doc| section_mut(doc, "区民部", "総務課").rating = Some("△".into()));
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(std::slice::from_ref(&file), "kumin01", Lang::En);
    assert!(
        matches!(&reports[..], [CommitReport::Done { outcome: CommitOutcome::Busy(Operation::Merge), .. }]),
        "{reports:?}"
    );
    assert!(reports[0].message(Lang::En).expect("said").contains("git commit"));
    assert!(std::fs::read_to_string(&file).unwrap().contains("rating: △"));
}

fn commits_are_off_without_git_or_without_a_repository_and_that_is_said_once() {
    let sb = Sandbox::new();
    let loose = sb.path("リポジトリ外/2008.yaml");
    write(&loose, SAMPLE);
    let mut none = AutoCommit::with_git(None);
    let first = none.after_save(std::slice::from_ref(&loose), "kumin01", Lang::Ja);
    assert!(matches!(&first[..], [CommitReport::Off { why: GitError::NotInstalled, first: true }]), "{first:?}");
    assert!(first[0].message(Lang::Ja).expect("said once").contains("git へのコミットは行いません"));
    let again = none.after_save(std::slice::from_ref(&loose), "kumin01", Lang::Ja);
    assert_eq!(again[0].message(Lang::Ja), None, "not said twice");

    let mut outside = AutoCommit::with_git(Some(sb.git()));
    let first = outside.after_save(std::slice::from_ref(&loose), "kumin01", Lang::En);
    assert!(matches!(&first[..], [CommitReport::Off { why: GitError::NotAWorkTree { .. }, first: true }]), "{first:?}");
    assert!(first[0].message(Lang::En).expect("said").contains("commits are off"));
    assert_eq!(outside.after_save(&[loose], "kumin01", Lang::En)[0].message(Lang::En), None);
}

fn a_file_as_git_has_it_gives_no_commit_and_nothing_is_said() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("変更なし");
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let head = sb.run_git(&top, &["rev-parse", "HEAD"]);
    assert_eq!(commit_files(&repo, &[top.join(FILE)], "x", "kumin01").unwrap(), CommitOutcome::NothingToCommit);
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(&[top.join(FILE)], "kumin01", Lang::Ja);
    assert_eq!(reports[0].message(Lang::Ja), None);
    assert_eq!(sb.run_git(&top, &["rev-parse", "HEAD"]), head);
}

fn a_commit_waits_for_another_git_holding_the_index() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("順番待ち");
    let file = top.join(FILE);
    save_with(&file, |doc| section_mut(doc, "区民部", "総務課").rating = Some("×".into()));
    let lock = top.join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        std::fs::remove_file(lock).unwrap();
    });
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(&[file], "kumin01", Lang::Ja);
    releaser.join().unwrap();
    assert_eq!(committed(&reports), "上京区役所 平成20年度 区民部 総務課: 目標達成度");
}

fn a_commit_on_a_detached_head_is_made_and_the_clerk_is_told_how_to_keep_it() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("ブランチなし");
    sb.run_git(&top, &["checkout", "-q", "--detach"]);
    let file = top.join(FILE);
    save_with(&file, |doc| section_mut(doc, "区民部", "総務課").rating = Some("◎".into()));
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(std::slice::from_ref(&file), "kumin01", Lang::Ja);
    let [report @ CommitReport::Done { outcome: CommitOutcome::Committed { detached: true, id, .. }, .. }] =
        &reports[..]
    else {
        panic!("one commit, on no branch: {reports:?}")
    };
    assert!(report.is_warning());
    let said = report.message(Lang::Ja).unwrap();
    assert!(said.contains("detached HEAD") && said.contains("git switch -c"), "{said}");
    assert!(said.contains(&format!("git branch 新しいブランチ名 {}", &id[..7])), "{said}");
    let english = report.message(Lang::En).unwrap();
    assert!(english.contains("checking out a branch leaves this commit behind"), "{english}");
    // On a branch, nothing of the kind.
    sb.run_git(&top, &["switch", "-q", "-c", "残す"]);
    save_with(&file, |doc| section_mut(doc, "区民部", "総務課").rating = Some("○".into()));
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(std::slice::from_ref(&file), "kumin01", Lang::Ja);
    assert!(matches!(
        &reports[..],
        [CommitReport::Done { outcome: CommitOutcome::Committed { detached: false, .. }, .. }]
    ));
    assert!(!reports[0].is_warning());
}

outside_tests!(
    a_save_commits_the_saved_file_only_with_a_message_naming_the_changed_fields,
    without_an_identity_in_git_the_login_name_is_the_author,
    a_refusing_pre_commit_hook_is_reported_with_its_words_and_the_save_stands,
    a_new_data_file_is_committed_and_taken_back_out_of_the_index_when_refused,
    no_commit_in_the_middle_of_a_merge_and_the_save_stands,
    commits_are_off_without_git_or_without_a_repository_and_that_is_said_once,
    a_file_as_git_has_it_gives_no_commit_and_nothing_is_said,
    a_commit_waits_for_another_git_holding_the_index,
    a_commit_on_a_detached_head_is_made_and_the_clerk_is_told_how_to_keep_it,
);
