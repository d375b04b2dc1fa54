//! Many Unix accounts on one data folder, as the office server has them: real accounts made for
//! the test (removed afterwards), hyoka run as each in a pseudo-terminal under umask 022. Two clerks
//! saving at once, a lock left by another account's killed save, next year's file made by one clerk
//! and edited by the other, and an identity that `USER`/`LOGNAME` cannot change.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod officekit;

use common::outside;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Stdio;

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;
use hyoka::model::{Document, Status};
use officekit::{Account, Office, mode_and_group, need_accounts};

fn on_disk(path: &Path) -> Document {
    hyoka::store::parse_document(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Rates the section under the cursor × and saves.
fn rate_and_save(tui: &mut Tui) {
    focus_pane(tui, 3, "1-4:達成度");
    tui.press("4");
    tui.wait_for("× あまり達成できなかった");
    tui.press(CTRL_S);
}

fn two_clerks_save_one_file_at_the_same_time_and_both_are_kept() {
    need_accounts();
    let office = Office::new();
    let data = office.shared_data("data");
    let file = data.join(FILE);
    let (clerk1, clerk2) = (Account::new("a", &[&office.clerks]), Account::new("b", &[&office.clerks]));
    let mut a = clerk1.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    let mut b = clerk2.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    a.wait_ready();
    b.wait_ready();
    b.press("j");
    b.wait_for_status("まちづくり推進課");
    focus_pane(&mut a, 3, "1-4:達成度");
    focus_pane(&mut b, 3, "1-4:達成度");
    a.press("4");
    b.press("4");
    a.wait_for("× あまり達成できなかった");
    b.wait_for("× あまり達成できなかった");
    a.press(CTRL_S);
    b.press(CTRL_S);
    for tui in [&mut a, &mut b] {
        tui.wait_for_hint("保存しました:");
        tui.wait_for_status("保存済み");
    }
    let doc = on_disk(&file);
    let somu = section(&doc, "総務課");
    let machi = section(&doc, "まちづくり推進課");
    assert_eq!((somu.rating.as_deref(), somu.updated_by.as_deref()), (Some("×"), Some(clerk1.name.as_str())));
    assert_eq!((machi.rating.as_deref(), machi.updated_by.as_deref()), (Some("×"), Some(clerk2.name.as_str())));
    assert_eq!(mode_and_group(&file), (0o664, office.clerks.gid), "the save keeps the file's mode and group");
    quit_expecting_success(&mut a);
    quit_expecting_success(&mut b);
}

/// A save of `holder` killed while it held the lock, as hyoka before this version left it: the lock
/// file opened for writing under the holder's umask, locked, then the process killed with -9.
fn lock_as(holder: &Account, office: &Office, data: &Path, umask: &str, kill: bool) -> Holding {
    let lock = data.join("kamigyo/.2008.yaml.lock");
    let script = format!("umask {umask}; exec 9>>\"$1\"; flock 9; echo locked; exec sleep 600");
    let mut child = holder
        .command(data, &office.settings(), &["sh", "-c", &script, "sh", lock.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    assert_eq!(line.trim(), "locked");
    if kill {
        child.kill().unwrap();
        child.wait().unwrap();
    }
    Holding(child)
}

/// The process holding a lock, killed when the test ends however it ends (else its account
/// could not be removed).
struct Holding(std::process::Child);

impl Drop for Holding {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn a_lock_left_by_another_accounts_killed_save_never_blocks_and_a_live_one_is_named() {
    need_accounts();
    let office = Office::new();
    let data = office.shared_data("data");
    let (clerk1, clerk2) = (Account::new("a", &[&office.clerks]), Account::new("b", &[&office.clerks]));
    let lock = data.join("kamigyo/.2008.yaml.lock");
    let folder = data.join("kamigyo");
    // Under umask 022 the lock file is clerk1's 0644: read, never written, it serves clerk2 even in a
    // folder with the sticky bit, where clerk2 may not remove clerk1's files. Under 077 nobody else
    // can read it: cleared away where the folder lets clerk2 remove it.
    for (umask, sticky) in [("022", false), ("022", true), ("077", false)] {
        let mode = if sticky { 0o3775 } else { 0o2775 };
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(mode)).unwrap();
        lock_as(&clerk1, &office, &data, umask, true);
        assert!(lock.exists(), "the killed save left its lock file ({umask})");
        let mut b = clerk2.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
        b.wait_ready();
        rate_and_save(&mut b);
        b.wait_for_hint("保存しました:");
        quit_expecting_success(&mut b);
        std::fs::write(data.join(FILE), officekit::SAMPLE_TEXT).unwrap();
        let _ = std::fs::remove_file(&lock);
    }
    // Unreadable and not to be removed by clerk2: refused, naming the lock file, its owner and the fix.
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o3775)).unwrap();
    lock_as(&clerk1, &office, &data, "077", true);
    let mut b = clerk2.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    b.wait_ready();
    rate_and_save(&mut b);
    b.wait_for_hint("のロックファイル");
    b.press("M");
    let unwrapped = |t: &Tui| t.box_text("最近のメッセージ").replace(' ', "");
    b.wait_until("the whole message", |t| unwrapped(t).contains("sudorm"));
    let whole = unwrapped(&b);
    assert!(whole.contains(&format!("持ち主{}", clerk1.name)) && whole.contains(".2008.yaml.lock"), "{whole}");
    assert!(!whole.contains("空き容量"), "{whole}");
    b.press(ESC);
    b.wait_for_hint("1-4:達成度");
    std::fs::remove_file(&lock).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o2775)).unwrap();
    b.press(CTRL_S);
    b.wait_for_hint("保存しました:");
    quit_expecting_success(&mut b);
    std::fs::write(data.join(FILE), officekit::SAMPLE_TEXT).unwrap();
    // A save of clerk1 that is alive: clerk2 waits, then hears whose it is, which file, what to do.
    let live = lock_as(&clerk1, &office, &data, "022", false);
    let mut b = clerk2.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    b.wait_ready();
    rate_and_save(&mut b);
    b.wait_for_hint(&format!("{} さんが保存中です", clerk1.name));
    let said = b.hint_line();
    assert!(!said.contains("空き容量"), "no word of disk space: {said}");
    b.press("M");
    // The whole message, its wrapped lines joined: the lock file, whose process, what to do.
    b.wait_until("the whole message", |t| unwrapped(t).contains("kamigyo/.2008.yaml.lock、プロセス"));
    let whole = unwrapped(&b);
    assert!(whole.contains("もう一度Ctrl-Sを押してください"), "{whole}");
    drop(live);
    b.press(ESC);
    b.wait_for_hint("1-4:達成度");
    b.press(CTRL_S);
    b.wait_for_hint("保存しました:");
    quit_expecting_success(&mut b);
}

fn next_year_made_by_one_clerk_is_edited_by_the_other() {
    need_accounts();
    let office = Office::new();
    let data = office.shared_data("data");
    let (clerk1, clerk2) = (Account::new("a", &[&office.clerks]), Account::new("b", &[&office.clerks]));
    let made = clerk1.output(&data, &office.settings(), &[officekit::HYOKA, "new-year", "kamigyo/2008.yaml"]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let next = data.join("kamigyo/2009.yaml");
    assert_eq!(mode_and_group(&next), (0o664, office.clerks.gid), "the folder's group may write it, umask 022 or not");
    // So may an import into the folder and an export beside the data.
    let table = clerk1.home.join("2008.tsv");
    let table = table.to_str().unwrap();
    for args in [
        &["export", "--format", "tsv", "kamigyo/2008.yaml", "-o", table][..],
        &["import", table, "-o", "kamigyo/写し.yaml"],
        &["export", "--format", "html", "kamigyo/2008.yaml", "-o", "kamigyo/2008.html"],
    ] {
        let out = clerk1.output(&data, &office.settings(), &[&[officekit::HYOKA][..], args].concat());
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    for made in ["kamigyo/写し.yaml", "kamigyo/2008.html"] {
        assert_eq!(mode_and_group(&data.join(made)), (0o664, office.clerks.gid), "{made}");
    }
    let mut b = clerk2.hyoka(&data, &office.settings(), &["kamigyo/2009.yaml"], &[]);
    b.wait_for_status("総務課");
    rate_and_save(&mut b);
    b.wait_for_hint("保存しました:");
    quit_expecting_success(&mut b);
    let somu = section(&on_disk(&next), "総務課").clone();
    assert_eq!((somu.rating.as_deref(), somu.updated_by.as_deref()), (Some("×"), Some(clerk2.name.as_str())));
    assert_eq!(mode_and_group(&next), (0o664, office.clerks.gid));
}

fn user_and_logname_of_a_reviewer_change_nobody() {
    need_accounts();
    let office = Office::new();
    let data = office.shared_data("data");
    let clerk = Account::new("c", &[&office.clerks]);
    let reviewer = Account::new("r", &[&office.clerks]);
    office.set_settings(&format!("reviewers:\n  users: [{}]\n", reviewer.name));
    let file = data.join(FILE);
    let mut doc = on_disk(&file);
    doc.find_section_mut("区民部", "総務課").unwrap().status = Status::Submitted;
    std::fs::write(&file, hyoka::store::emit_document(&doc)).unwrap();
    let borrowed = [("USER", reviewer.name.as_str()), ("LOGNAME", reviewer.name.as_str())];
    let mut tui = clerk.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &borrowed);
    tui.wait_ready();
    tui.press("A");
    tui.wait_for_hint("審査する人だけ");
    tui.press("j");
    tui.wait_for_status("まちづくり推進課");
    rate_and_save(&mut tui);
    tui.wait_for_hint("保存しました:");
    quit_expecting_success(&mut tui);
    let doc = on_disk(&file);
    assert_eq!(section(&doc, "総務課").status, Status::Submitted, "not approved");
    assert_eq!(section(&doc, "まちづくり推進課").updated_by.as_deref(), Some(clerk.name.as_str()), "the real account");

    // The reviewer's own account approves, and is recorded as itself.
    let mut tui = reviewer.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    tui.wait_ready();
    tui.press("A");
    tui.wait_for("を承認します");
    tui.press("y");
    tui.wait_for_hint("保存しました:");
    quit_expecting_success(&mut tui);
    let somu = section(&on_disk(&file), "総務課").clone();
    assert_eq!(somu.status, Status::Approved);
    assert_eq!(somu.review.map(|r| r.by), Some(reviewer.name.clone()));
}

outside_tests!(
    two_clerks_save_one_file_at_the_same_time_and_both_are_kept,
    a_lock_left_by_another_accounts_killed_save_never_blocks_and_a_live_one_is_named,
    next_year_made_by_one_clerk_is_edited_by_the_other,
    user_and_logname_of_a_reviewer_change_nobody,
);
