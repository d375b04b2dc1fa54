//! A work tree the clerks share on the office server, with commits on save as the office's setting
//! (for every account, whatever their own settings say): each save is a commit of its own, holding
//! exactly what that save wrote, by the account that saved — never a colleague's work under
//! another's name. git's ownership check is passed as the README's recipe does (safe.directory in
//! the system's git configuration).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod officekit;

use common::outside;
use std::path::Path;
use std::process::Command;

use common::clerk::*;
use common::docs::*;
use officekit::{Account, Office, need_accounts};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "admin")
        .env("GIT_AUTHOR_EMAIL", "admin@example.invalid")
        .env("GIT_COMMITTER_NAME", "admin")
        .env("GIT_COMMITTER_EMAIL", "admin@example.invalid")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn in_a_shared_work_tree_each_save_is_a_commit_of_its_own_by_its_account() {
    need_accounts();
    let office = Office::new();
    let (clerk1, clerk2) = (Account::new("a", &[&office.clerks]), Account::new("b", &[&office.clerks]));
    office.set_settings("git: { commit: true }\n");
    let top = office.path("work");
    std::fs::create_dir_all(&top).unwrap();
    git(&top, &["init", "-q", "--shared=group", "--initial-branch=main"]);
    let data = office.shared_data("work/data");
    git(&top, &["add", "-A"]);
    git(&top, &["commit", "-qm", "上京区役所 平成20年度"]);
    let chgrp = Command::new("chgrp").args(["-R", &office.clerks.name]).arg(top.join(".git")).output().unwrap();
    assert!(chgrp.status.success());
    let system = office.path("etc/gitconfig");
    std::fs::write(&system, format!("[safe]\n\tdirectory = {}\n", top.display())).unwrap();
    let system = system.display().to_string();
    let git_env = [("GIT_CONFIG_NOSYSTEM", "0"), ("GIT_CONFIG_SYSTEM", system.as_str())];

    // clerk1's own git configuration names someone else: the commit is still clerk1's account.
    let gitconfig = clerk1.home.join(".gitconfig");
    std::fs::write(&gitconfig, "[user]\n\tname = 借りた名前\n\temail = borrowed@example.invalid\n").unwrap();
    std::os::unix::fs::chown(&gitconfig, Some(clerk1.uid), Some(clerk1.gid)).unwrap();
    let mut a = clerk1.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &git_env);
    let mut b = clerk2.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &git_env);
    a.wait_ready();
    b.wait_ready();
    b.press("j");
    b.wait_for_status("まちづくり推進課");
    for tui in [&mut a, &mut b] {
        focus_pane(tui, 3, "1-4:達成度");
        tui.press("4");
        tui.wait_for("× あまり達成できなかった");
        tui.press(CTRL_S);
        tui.wait_for_hint("コミットしました");
    }
    quit_expecting_success(&mut a);
    quit_expecting_success(&mut b);

    let log = git(&top, &["log", "--format=%an <%ae>|%s", "-2"]);
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines[1].starts_with(&format!("{} <{}@", clerk1.name, clerk1.name)), "{log}");
    assert!(lines[1].ends_with("区民部 総務課: 目標達成度"), "clerk1's commit holds clerk1's save: {log}");
    assert!(lines[0].starts_with(&format!("{} <{}@", clerk2.name, clerk2.name)), "{log}");
    assert!(lines[0].ends_with("区民部 まちづくり推進課: 目標達成度"), "clerk2's commit holds clerk2's save: {log}");
    let first = hyoka::store::parse_document(&git(&top, &["show", "HEAD~1:data/kamigyo/2008.yaml"])).unwrap();
    let machi = section(&first, "まちづくり推進課");
    assert_ne!(machi.updated_by.as_deref(), Some(clerk2.name.as_str()), "clerk1's commit holds none of clerk2's save");
    assert_eq!(section(&first, "総務課").updated_by.as_deref(), Some(clerk1.name.as_str()));
    assert_eq!(git(&top, &["status", "--porcelain"]), "", "every save is committed");
}

outside_tests!(in_a_shared_work_tree_each_save_is_a_commit_of_its_own_by_its_account,);
