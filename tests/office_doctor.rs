//! `hyoka doctor`: each problem of a deployment with the command that fixes it, exit 0 or 1, and
//! `--format json`; first as the test's own account on a folder of its own, then as a clerk of
//! the office server (a real account) on a root-owned shared work tree.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod officekit;

use common::outside;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Command, Output};

use officekit::{Account, HYOKA, Office, need_accounts};

fn doctor(dir: &Path, office: &Path, sshd: &Path, args: &[&str]) -> Output {
    Command::new(HYOKA)
        .arg("doctor")
        .args(args)
        .current_dir(dir)
        .env("HYOKA_OFFICE_SETTINGS", office)
        .env("HYOKA_SSHD_CONFIG", sshd)
        .env("HYOKA_CONFIG", dir.join("no-settings.yaml"))
        .env_remove("HYOKA_LANG")
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn checks(report: &serde_json::Value) -> Vec<(String, String)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["check"].as_str().unwrap().to_owned(), p["fix"].as_str().unwrap().to_owned()))
        .collect()
}

fn all_is_well_exits_0_and_each_problem_comes_with_its_fix() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data/kamigyo");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("2008.yaml"), officekit::SAMPLE_TEXT).unwrap();
    let office = dir.path().join("office.yaml");
    std::fs::write(&office, "reviewers: { users: [suzuki] }\ntime_zone: \"+09:00\"\n").unwrap();
    let sshd = dir.path().join("sshd_config");
    std::fs::write(&sshd, "ClientAliveInterval 60\n").unwrap();
    let out = doctor(dir.path(), &office, &sshd, &["data"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("問題はありません"));

    // A save killed mid-way, no keepalive, no reviewers, a server in UTC.
    let leftover = data.join(".2008.yaml.hyoka-4194303.tmp");
    std::fs::write(&leftover, "").unwrap();
    std::fs::write(&sshd, "Port 22\n").unwrap();
    std::fs::write(&office, "").unwrap();
    let out = doctor(dir.path(), &office, &sshd, &["data", "--format", "json", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["ok"], false);
    let found = checks(&report);
    assert!(found.contains(&("leftovers".into(), format!("rm {}", leftover.display()))), "{found:?}");
    assert!(found.iter().any(|(c, fix)| c == "sshd" && fix.contains("ClientAliveInterval 60")), "{found:?}");
    assert!(found.iter().any(|(c, fix)| c == "reviewers" && fix.contains("reviewers:")), "{found:?}");
    let text = report["problems"].to_string();
    assert!(text.contains("a temporary file of a save that was killed"), "in English: {text}");
}

fn a_clerk_hears_of_the_umask_the_rights_and_gits_ownership_and_the_fixes_work() {
    need_accounts();
    let office = Office::new();
    let clerk = Account::new("c", &[&office.clerks]);
    office.set_settings("reviewers: { users: [suzuki] }\ntime_zone: \"+09:00\"\n");
    let top = office.path("work");
    std::fs::create_dir_all(&top).unwrap();
    std::fs::set_permissions(&top, std::fs::Permissions::from_mode(0o755)).unwrap();
    let init = Command::new("git").args(["init", "-q", "--initial-branch=main"]).arg(&top).output().unwrap();
    assert!(init.status.success());
    let data = office.shared_data("work/data");
    let file = data.join(common::workspace::FILE);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let sshd = office.path("sshd_config");
    std::fs::write(&sshd, "ClientAliveInterval 60\n").unwrap();
    let sshd_env = sshd.display().to_string();
    let run = |extra: &[(&str, &str)]| {
        let mut command = clerk.command(&top, &office.settings(), &[HYOKA, "doctor", "data", "--format", "json"]);
        command.env("HYOKA_SSHD_CONFIG", &sshd_env).envs(extra.iter().copied());
        command.output().unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let found = checks(&json(&out));
    assert!(found.iter().any(|(c, fix)| c == "umask" && fix.contains("umask 002")), "{found:?}");
    assert!(found.contains(&("folder".into(), format!("sudo chmod g+w {}", file.display()))), "{found:?}");
    let safe = format!("sudo git config --system --add safe.directory {}", top.display());
    assert!(found.contains(&("git".into(), safe)), "git's dubious ownership, with its fix: {found:?}");

    // The fixes, as the administrator runs them; the clerk's umask as pam_umask would give it.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).unwrap();
    let system = office.path("etc/gitconfig");
    std::fs::write(&system, format!("[safe]\n\tdirectory = {}\n", top.display())).unwrap();
    let mut command = clerk.command(&top, &office.settings(), &["sh", "-c", "umask 002; exec \"$@\"", "sh", HYOKA]);
    command.args(["doctor", "data", "--format", "json"]);
    command.env("HYOKA_SSHD_CONFIG", &sshd_env).env_remove("GIT_CONFIG_NOSYSTEM").env("GIT_CONFIG_SYSTEM", &system);
    let report = json(&command.output().unwrap());
    let found = checks(&report);
    // A shared work tree: every save must be a commit, as the office says for everyone.
    assert_eq!(found.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(), ["git"], "{found:?}");
    assert!(found[0].1.contains("git: { commit: true }"), "{found:?}");
    office.set_settings("reviewers: { users: [suzuki] }\ntime_zone: \"+09:00\"\ngit: { commit: true }\n");
    let mut command = clerk.command(&top, &office.settings(), &["sh", "-c", "umask 002; exec \"$@\"", "sh", HYOKA]);
    command.args(["doctor", "data"]);
    command.env("HYOKA_SSHD_CONFIG", &sshd_env).env_remove("GIT_CONFIG_NOSYSTEM").env("GIT_CONFIG_SYSTEM", &system);
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

outside_tests!(
    all_is_well_exits_0_and_each_problem_comes_with_its_fix,
    a_clerk_hears_of_the_umask_the_rights_and_gits_ownership_and_the_fixes_work,
);
