//! The server is the gate: a bare repository made as the README's shared recipe makes it, with
//! `hyoka git-setup --server`, reached through a real `sshd` of the test's own on a loopback port.
//! A clerk's push that approves, signs for someone else or changes a submitted section is refused
//! with the file, the section and the rule; the reviewer's push of the approval goes in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod officekit;

use common::outside;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hyoka::model::{Document, Review, Status};
use officekit::sshd::{Sshd, need_sshd};
use officekit::{Account, HYOKA, Office, need_accounts};

const FILE: &str = "data/kamigyo/2008.yaml";

/// git as the test's own client: no configuration of the machine's, its own HOME.
fn git(dir: &Path, home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("git");
    command.current_dir(dir).args(args).env_clear().env("PATH", "/usr/local/bin:/usr/bin:/bin");
    command.env("HOME", home).env("GIT_CONFIG_NOSYSTEM", "1").env("LANG", "C.UTF-8");
    command.env("GIT_AUTHOR_NAME", "client").env("GIT_AUTHOR_EMAIL", "client@example.invalid");
    command.env("GIT_COMMITTER_NAME", "client").env("GIT_COMMITTER_EMAIL", "client@example.invalid");
    command.envs(env.iter().copied()).output().unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn read(path: &Path) -> Document {
    hyoka::store::parse_document(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Commits `edit` of the data file in the client's clone.
fn commit(clone: &Path, home: &Path, message: &str, edit: impl FnOnce(&mut Document)) {
    let path = clone.join(FILE);
    let mut doc = read(&path);
    edit(&mut doc);
    std::fs::write(&path, hyoka::store::emit_document(&doc)).unwrap();
    ok(git(clone, home, &["commit", "-qam", message], &[]));
}

struct Server {
    /// Kept for its folder and the clerks' group, removed with the server.
    _office: Office,
    bare: PathBuf,
    sshd: Sshd,
    clerk: Account,
    reviewer: Account,
    home: PathBuf,
    clone: PathBuf,
}

/// The README's recipe: `git init --bare --shared=group --initial-branch=main`, the clerks' group,
/// `safe.directory` in the system's git configuration, and the gate; the sample pushed by the admin.
fn server() -> Server {
    let office = Office::new();
    let (clerk, reviewer) = (Account::new("c", &[&office.clerks]), Account::new("r", &[&office.clerks]));
    office.set_settings(&format!("reviewers:\n  users: [{}]\n", reviewer.name));
    let bare = office.path("srv/評価データ.git");
    std::fs::create_dir_all(bare.parent().unwrap()).unwrap();
    let home = office.path("client-home");
    std::fs::create_dir_all(&home).unwrap();
    let root = office.path("");
    ok(git(
        &root,
        &home,
        &["init", "-q", "--bare", "--shared=group", "--initial-branch=main", bare.to_str().unwrap()],
        &[],
    ));
    ok(Command::new("chgrp").args(["-R", &office.clerks.name]).arg(&bare).output().unwrap());
    let system = office.path("etc/gitconfig");
    std::fs::write(&system, format!("[safe]\n\tdirectory = {}\n", bare.display())).unwrap();
    let setup = Command::new(HYOKA).args(["git-setup", "--server"]).arg(&bare).output().unwrap();
    assert!(setup.status.success(), "{}", String::from_utf8_lossy(&setup.stderr));
    assert!(String::from_utf8_lossy(&setup.stdout).contains("pre-receive"));
    let clone = office.path("clone");
    ok(git(&root, &home, &["clone", "-q", bare.to_str().unwrap(), clone.to_str().unwrap()], &[]));
    std::fs::create_dir_all(clone.join("data/kamigyo")).unwrap();
    let mut doc = hyoka::store::parse_document(officekit::SAMPLE_TEXT).unwrap();
    doc.find_section_mut("区民部", "納税課").unwrap().status = Status::Submitted;
    std::fs::write(clone.join(FILE), hyoka::store::emit_document(&doc)).unwrap();
    ok(git(&clone, &home, &["add", "-A"], &[]));
    ok(git(&clone, &home, &["commit", "-qm", "上京区役所 平成20年度"], &[]));
    // The administrator (root) seeds it; the gate stands for the office then.
    ok(git(&clone, &home, &["push", "-q", "origin", "main"], &[]));
    let env = [
        ("HYOKA_OFFICE_SETTINGS", office.settings().display().to_string()),
        ("GIT_CONFIG_SYSTEM", system.display().to_string()),
    ];
    let sshd = Sshd::start(&[&clerk, &reviewer], &env);
    Server { _office: office, bare, sshd, clerk, reviewer, home, clone }
}

impl Server {
    fn push_as(&self, who: &Account, lang: &str) -> Output {
        let url = self.sshd.url(who, &self.bare);
        let ssh = format!("{} -o SendEnv=LANG", self.sshd.ssh_command());
        git(&self.clone, &self.home, &["push", &url, "HEAD:main"], &[("GIT_SSH_COMMAND", &ssh), ("LANG", lang)])
    }

    fn main(&self) -> String {
        ok(git(&self.bare, &self.home, &["rev-parse", "main"], &[("GIT_DIR", self.bare.to_str().unwrap())]))
    }
}

fn a_clerks_approval_is_refused_at_the_server_and_the_reviewers_goes_in() {
    need_accounts();
    need_sshd();
    let s = server();
    let before = s.main();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
    let reviewer = s.reviewer.name.clone();
    commit(&s.clone, &s.home, "承認", |doc| {
        let section = doc.find_section_mut("区民部", "納税課").unwrap();
        section.status = Status::Approved;
        section.review = Some(Review { by: reviewer.clone(), at, comment: String::new() });
        section.updated_by = Some(reviewer.clone());
    });

    let refused = s.push_as(&s.clerk, "ja_JP.UTF-8");
    let said = String::from_utf8_lossy(&refused.stderr).into_owned();
    assert!(!refused.status.success(), "the clerk's push is refused: {said}");
    assert!(said.contains("この送信（push）は受け付けられません"), "{said}");
    assert!(said.contains("data/kamigyo/2008.yaml 区民部 納税課"), "the file and the section: {said}");
    assert!(said.contains("「承認済み」にできるのは審査者だけです"), "the rule: {said}");
    assert!(
        said.contains(&format!("review.by が {reviewer} になっていますが、送ったのは {} さん", s.clerk.name)),
        "{said}"
    );
    assert_eq!(s.main(), before, "nothing went in");
    let english = String::from_utf8_lossy(&s.push_as(&s.clerk, "en_US.UTF-8").stderr).into_owned();
    assert!(english.contains("only a reviewer may make it \"approved\""), "in the clerk's language: {english}");

    let accepted = s.push_as(&s.reviewer, "ja_JP.UTF-8");
    assert!(accepted.status.success(), "the reviewer's push goes in: {}", String::from_utf8_lossy(&accepted.stderr));
    assert_ne!(s.main(), before);
}

fn a_clerk_may_push_their_own_work_but_not_someone_elses_name_nor_a_submitted_section() {
    need_accounts();
    need_sshd();
    let s = server();
    let clerk = s.clerk.name.clone();
    commit(&s.clone, &s.home, "総務課", |doc| {
        let section = doc.find_section_mut("区民部", "総務課").unwrap();
        section.reflection.push_str("（追記）");
        section.updated_by = Some(clerk.clone());
    });
    let own = s.push_as(&s.clerk, "ja_JP.UTF-8");
    assert!(own.status.success(), "their own work goes in: {}", String::from_utf8_lossy(&own.stderr));

    commit(&s.clone, &s.home, "なりすまし", |doc| {
        let section = doc.find_section_mut("区民部", "市民窓口課").unwrap();
        section.rating = Some("◎".into());
        section.updated_by = Some("suzuki".into());
    });
    let said = String::from_utf8_lossy(&s.push_as(&s.clerk, "ja_JP.UTF-8").stderr).into_owned();
    assert!(said.contains("区民部 市民窓口課") && said.contains("updated_by が suzuki になっていますが"), "{said}");
    ok(git(&s.clone, &s.home, &["reset", "-q", "--hard", "HEAD~1"], &[]));

    commit(&s.clone, &s.home, "提出済みを変える", |doc| {
        let section = doc.find_section_mut("区民部", "納税課").unwrap();
        section.progress.push_str("（提出のあとで）");
        section.updated_by = Some(clerk.clone());
    });
    let said = String::from_utf8_lossy(&s.push_as(&s.clerk, "ja_JP.UTF-8").stderr).into_owned();
    assert!(
        said.contains("区民部 納税課") && said.contains("「提出済み」の課は、審査者が差し戻すまで変更できません"),
        "{said}"
    );
}

outside_tests!(
    a_clerks_approval_is_refused_at_the_server_and_the_reviewers_goes_in,
    a_clerk_may_push_their_own_work_but_not_someone_elses_name_nor_a_submitted_section,
);
