//! Who may approve, on the office server with real accounts: only the office's settings and a
//! reviewers' file no clerk can write grant the right. Each way a clerk could borrow it is tried —
//! a file in the group-writable data folder, an empty one to stop the search, `mv` over the
//! office's file, a relative name or a link to open the data, their own settings file — and a
//! reviewer taken off the list stops approving without a restart.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod officekit;

use common::outside;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use common::clerk::*;
use common::pty::*;
use common::workspace::*;
use hyoka::model::Status;
use officekit::{Account, Office, need_accounts};

/// A work tree as the README's shared recipe makes it: the top root's (0755, with `.git` and the
/// repository's `.hyoka.yaml` naming `reviewer`, root's 0644), the data folder the clerks'.
fn work_tree(office: &Office, reviewer: &Account) -> (PathBuf, PathBuf) {
    let top = office.path("work");
    std::fs::create_dir_all(top.join(".git")).unwrap();
    std::fs::set_permissions(&top, std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = office.shared_data("work/data");
    let settings = top.join(".hyoka.yaml");
    std::fs::write(&settings, format!("reviewers:\n  users: [{}]\n", reviewer.name)).unwrap();
    std::fs::set_permissions(&settings, std::fs::Permissions::from_mode(0o644)).unwrap();
    let file = data.join(FILE);
    let mut doc = hyoka::store::parse_document(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc.find_section_mut("区民部", "総務課").unwrap().status = Status::Submitted;
    std::fs::write(&file, hyoka::store::emit_document(&doc)).unwrap();
    (top, data)
}

/// As `who`, writes `text` to `path` (the clerk's own hand, their own file).
fn write_as(who: &Account, office: &Office, path: &Path, text: &str) {
    let out = who.output(
        Path::new("/"),
        &office.settings(),
        &["sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", text, path.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn approve_refused(tui: &mut Tui) {
    tui.wait_ready();
    tui.press("A");
    tui.wait_for_hint("審査する人だけ");
}

fn approves(tui: &mut Tui) {
    tui.wait_ready();
    tui.press("A");
    tui.wait_for("を承認します");
    tui.press("y");
    tui.wait_for_hint("保存しました:");
}

fn a_clerks_reviewers_file_in_the_data_folder_grants_nothing_and_does_not_stop_the_search() {
    need_accounts();
    let office = Office::new();
    let clerk = Account::new("c", &[&office.clerks]);
    let reviewer = Account::new("r", &[&office.clerks]);
    let (_top, data) = work_tree(&office, &reviewer);
    write_as(&clerk, &office, &data.join(".hyoka.yaml"), &format!("reviewers:\n  users: [{}]\n", clerk.name));
    write_as(&clerk, &office, &data.join("kamigyo/.hyoka.yaml"), "");
    let mut tui = clerk.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    tui.wait_for("審査者の設定");
    approve_refused(&mut tui);
    tui.press("M");
    tui.wait_for("は使いません");
    tui.press(ESC);
    tui.wait_until("the messages closed", |t| !t.screen_text().contains("最近のメッセージ"));
    quit_expecting_success(&mut tui);
    // The reviewer opens one file of the sub-folder: the clerks' files are passed over up to the top's.
    let mut tui = reviewer.hyoka(&data, &office.settings(), &["kamigyo/2008.yaml"], &[]);
    approves(&mut tui);
    quit_expecting_success(&mut tui);
}

fn a_file_moved_over_the_offices_in_a_group_writable_folder_grants_nothing() {
    need_accounts();
    let office = Office::new();
    let clerk = Account::new("c", &[&office.clerks]);
    let reviewer = Account::new("r", &[&office.clerks]);
    let (top, data) = work_tree(&office, &reviewer);
    // The top made group-writable: anyone of the group could move the office's file away.
    std::os::unix::fs::chown(&top, None, Some(office.clerks.gid)).unwrap();
    std::fs::set_permissions(&top, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let mine = top.join("mine.yaml");
    write_as(&clerk, &office, &mine, &format!("reviewers:\n  users: [{}]\n", clerk.name));
    let moved = clerk.output(&top, &office.settings(), &["mv", "-f", mine.to_str().unwrap(), ".hyoka.yaml"]);
    assert!(moved.status.success(), "{}", String::from_utf8_lossy(&moved.stderr));
    let mut tui = clerk.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    approve_refused(&mut tui);
    quit_expecting_success(&mut tui);
    // The office's own list still counts, and its reviewer hears why the repository's file does not.
    office.set_settings(&format!("reviewers:\n  users: [{}]\n", reviewer.name));
    let mut tui = reviewer.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    tui.wait_for("は使いません");
    approves(&mut tui);
    quit_expecting_success(&mut tui);
}

fn a_relative_name_or_a_link_to_the_data_still_finds_the_repositorys_file() {
    need_accounts();
    let office = Office::new();
    let reviewer = Account::new("r", &[&office.clerks]);
    let (_top, data) = work_tree(&office, &reviewer);
    let mut tui = reviewer.hyoka(&data.join("kamigyo"), &office.settings(), &["2008.yaml"], &[]);
    approves(&mut tui);
    quit_expecting_success(&mut tui);
    let file = data.join(FILE);
    let mut doc = hyoka::store::parse_document(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let s = doc.find_section_mut("区民部", "総務課").unwrap();
    (s.status, s.review) = (Status::Submitted, None);
    std::fs::write(&file, hyoka::store::emit_document(&doc)).unwrap();
    let link = reviewer.home.join("評価");
    std::os::unix::fs::symlink(&data, &link).unwrap();
    let mut tui = reviewer.hyoka(&reviewer.home, &office.settings(), &["評価"], &[]);
    approves(&mut tui);
    quit_expecting_success(&mut tui);
}

fn a_clerks_own_settings_file_grants_nothing() {
    need_accounts();
    let office = Office::new();
    let clerk = Account::new("c", &[&office.clerks]);
    let reviewer = Account::new("r", &[&office.clerks]);
    let (_top, data) = work_tree(&office, &reviewer);
    let own = clerk.home.join("config.yaml");
    write_as(&clerk, &office, &own, &format!("reviewers:\n  users: [{}]\n", clerk.name));
    let own = own.display().to_string();
    let mut tui = clerk.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[("HYOKA_CONFIG", &own)]);
    tui.wait_for("reviewers: は使いません");
    approve_refused(&mut tui);
    quit_expecting_success(&mut tui);
    // Nor does a work tree of their own naming them: a file a clerk owns grants nothing.
    let copy = clerk.home.join("写し");
    let made =
        clerk.output(&clerk.home, &office.settings(), &["cp", "-r", data.to_str().unwrap(), copy.to_str().unwrap()]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    write_as(&clerk, &office, &clerk.home.join(".hyoka.yaml"), &format!("reviewers:\n  users: [{}]\n", clerk.name));
    let git = clerk.output(&clerk.home, &office.settings(), &["mkdir", ".git"]);
    assert!(git.status.success());
    let mut tui = clerk.hyoka(&clerk.home, &office.settings(), &["写し"], &[]);
    approve_refused(&mut tui);
    quit_expecting_success(&mut tui);
}

fn a_reviewer_taken_off_the_offices_list_stops_approving_without_a_restart() {
    need_accounts();
    let office = Office::new();
    let reviewers = officekit::Group::new("v");
    let reviewer = Account::new("r", &[&office.clerks, &reviewers]);
    let data = office.shared_data("data");
    let file = data.join(FILE);
    let mut doc = hyoka::store::parse_document(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for name in ["総務課", "まちづくり推進課"] {
        doc.find_section_mut("区民部", name).unwrap().status = Status::Submitted;
    }
    std::fs::write(&file, hyoka::store::emit_document(&doc)).unwrap();
    office.set_settings(&format!("reviewers:\n  group: {}\n", reviewers.name));
    let mut tui = reviewer.hyoka(&data, &office.settings(), &[data.to_str().unwrap()], &[]);
    approves(&mut tui);
    office.set_settings("reviewers:\n  users: [someone-else]\n");
    tui.wait_for_hint("審査者の一覧から外れました");
    tui.press("j");
    tui.wait_for_status("まちづくり推進課");
    tui.press("A");
    tui.wait_for_hint("審査する人だけ");
    office.set_settings(&format!("reviewers:\n  group: {}\n", reviewers.name));
    tui.wait_for_hint("審査者になりました");
    quit_expecting_success(&mut tui);
}

outside_tests!(
    a_clerks_reviewers_file_in_the_data_folder_grants_nothing_and_does_not_stop_the_search,
    a_file_moved_over_the_offices_in_a_group_writable_folder_grants_nothing,
    a_relative_name_or_a_link_to_the_data_still_finds_the_repositorys_file,
    a_clerks_own_settings_file_grants_nothing,
    a_reviewer_taken_off_the_offices_list_stops_approving_without_a_restart,
);
