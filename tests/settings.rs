//! A settings path hyoka cannot read does not stop it: it says so and goes on with the defaults.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use std::process::Command;

#[test]
fn an_unreadable_settings_path_warns_and_hyoka_goes_on() {
    let home = tempfile::tempdir().expect("home");
    // ~/.config is a file, so ~/.config/hyoka/config.yaml cannot be read (as with a HOME the user
    // may not enter; these tests run as root, who may enter any folder).
    std::fs::write(home.path().join(".config"), "").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(["check", "data"])
        .env("HOME", home.path())
        .env_remove("HYOKA_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("HYOKA_LANG")
        .env("XDG_STATE_HOME", home.path().join("state"))
        .output()
        .expect("run hyoka check");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("設定ファイル") && stderr.contains("既定の設定で続けます"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("問題ありません"));
}
