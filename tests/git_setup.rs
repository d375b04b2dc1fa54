//! `hyoka git-setup` with real git: the attribute, the driver in git config and the pre-commit
//! hook installed, again without change, and someone else's hook left alone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::os::unix::fs::PermissionsExt as _;

use common::cli::HYOKA;
use common::docs::write;
use gitkit::{DATA, Sandbox};
use hyoka::git::shell_word;

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn setup_installs_the_driver_and_the_hook_once_and_says_what_it_did() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("設定");
    let said = stdout(&sb.hyoka(&top, &["git-setup", DATA, "--lang", "en"]));
    let hyoka = shell_word(&std::fs::canonicalize(HYOKA).unwrap().display().to_string());
    let attributes = top.join(DATA).join(".gitattributes");
    assert_eq!(
        std::fs::read_to_string(&attributes).unwrap(),
        "# hyoka: data files are merged field by field (hyoka git-setup)\n*.yaml merge=hyoka\n*.yml merge=hyoka\n"
    );
    assert_eq!(sb.run_git(&top, &["config", "merge.hyoka.driver"]), format!("{hyoka} merge-driver %O %A %B %P\n"));
    let hook = top.join(".git/hooks/pre-commit");
    let script = std::fs::read_to_string(&hook).unwrap();
    assert!(script.ends_with(&format!("exec {hyoka} check '{DATA}'\n")), "{script}");
    assert_eq!(std::fs::metadata(&hook).unwrap().permissions().mode() & 0o777, 0o755);
    assert_eq!(said.lines().filter(|l| l.starts_with("added ")).count(), 3, "{said}");
    assert!(said.contains("commit ") && said.contains(".gitattributes"), "says to commit the attributes: {said}");

    let again = stdout(&sb.hyoka(&top, &["git-setup", DATA, "--lang", "en"]));
    assert_eq!(again.lines().filter(|l| l.starts_with("already there")).count(), 3, "{again}");
    assert_eq!(again.lines().count(), 3, "{again}");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), script);
    assert_eq!(std::fs::read_to_string(&attributes).unwrap().matches("merge=hyoka").count(), 2);
    assert!(!sb.run_git(&top, &["config", "--get-all", "merge.hyoka.driver"]).trim().contains('\n'));
}

fn someone_elses_hook_is_left_alone_and_the_line_to_add_is_given() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("既存のフック");
    let hook = top.join(".git/hooks/pre-commit");
    write(&hook, "#!/bin/sh\nexec make lint\n");
    write(&top.join(DATA).join(".gitattributes"), "*.xlsx binary");
    let said = stdout(&sb.hyoka(&top, &["git-setup", DATA]));
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), "#!/bin/sh\nexec make lint\n");
    assert!(said.contains("別のフック") && said.contains("check 'データ 置き場'"), "{said}");
    assert_eq!(
        std::fs::read_to_string(top.join(DATA).join(".gitattributes")).unwrap(),
        "*.xlsx binary\n*.yaml merge=hyoka\n*.yml merge=hyoka\n",
        "added to, not replaced"
    );
}

fn the_hyoka_on_the_path_is_named_plainly_and_outside_a_repository_nothing_is_written() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("PATH");
    let bin = std::fs::canonicalize(HYOKA).unwrap();
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    stdout(&sb.cli(&top).args(&["git-setup", DATA]).env("PATH", path).output());
    assert_eq!(sb.run_git(&top, &["config", "merge.hyoka.driver"]), "hyoka merge-driver %O %A %B %P\n");

    let outside = sb.path("外");
    std::fs::create_dir_all(&outside).unwrap();
    let out = sb.hyoka(&outside, &["git-setup", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("作業ツリーの中にありません"));
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
}

outside_tests!(
    setup_installs_the_driver_and_the_hook_once_and_says_what_it_did,
    someone_elses_hook_is_left_alone_and_the_line_to_add_is_given,
    the_hyoka_on_the_path_is_named_plainly_and_outside_a_repository_nothing_is_written,
);
