//! A settings path hyoka cannot read does not stop it: it says so and goes on with the defaults.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::cli::Cli;

#[test]
fn an_unreadable_settings_path_warns_and_hyoka_goes_on() {
    let home = tempfile::tempdir().expect("home");
    // ~/.config is a file, so ~/.config/hyoka/config.yaml cannot be read (as with a HOME the user
    // may not enter; these tests run as root, who may enter any folder).
    std::fs::write(home.path().join(".config"), "").expect("write");
    let out = Cli::new().args(&["check", "data"]).clerks_settings_in(home.path()).output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("設定ファイル") && stderr.contains("既定の設定で続けます"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("問題ありません"));
}
