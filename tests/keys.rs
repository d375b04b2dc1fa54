//! Key bindings as data: the README's key map is the table in force, the settings file can change
//! it (and a mistake in it is said clearly), and Ctrl-L redraws a screen the terminal lost.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::cli::Cli;
use common::pty::*;
use common::workspace::*;
use hyoka::app::keymap::Keymap;
use hyoka::i18n::Lang;

fn hyoka_with_config(config: &str, args: &[&str]) -> std::process::Output {
    Cli::new().settings(config).args(args).output()
}

#[test]
fn the_readme_key_map_is_the_table_in_force() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start = readme.find("<!-- keys:begin -->\n").expect("the README marks its key map") + 20;
    let end = readme.find("<!-- keys:end -->").expect("… and its end");
    let english = Keymap::default().markdown(Lang::En);
    assert_eq!(&readme[start..end], english, "run `hyoka keys --lang en` and paste it into the README");
    let printed = hyoka_with_config("", &["keys", "--lang", "en"]);
    assert!(printed.status.success());
    assert_eq!(String::from_utf8_lossy(&printed.stdout), english);
}

#[test]
fn hyoka_keys_speaks_the_language_in_force() {
    let japanese = Keymap::default().markdown(Lang::Ja);
    assert!(japanese.starts_with("| 場所 | キー | 操作 |\n") && japanese.contains("| 一覧 |"), "{japanese}");
    for args in [&["keys"][..], &["keys", "--lang", "ja"], &["--lang", "ja", "keys"]] {
        let printed = hyoka_with_config("", args);
        assert_eq!(String::from_utf8_lossy(&printed.stdout), japanese, "hyoka {args:?}");
    }
    let english = hyoka_with_config("lang: en\n", &["keys"]);
    assert_eq!(
        String::from_utf8_lossy(&english.stdout),
        Keymap::default().markdown(Lang::En),
        "lang: en in the settings"
    );
}

#[test]
fn the_settings_file_changes_keys_and_the_help_shows_them() {
    let printed = hyoka_with_config("keys:\n  tree.down: [n, Down]\n  save: [F2]\n", &["keys"]);
    assert!(printed.status.success(), "{}", String::from_utf8_lossy(&printed.stderr));
    let table = String::from_utf8_lossy(&printed.stdout);
    assert!(table.contains("| 一覧 | ↑ k / n ↓ |"), "{table}");
    assert!(table.contains("| どこでも | F2 | 保存 |"), "{table}");
}

#[test]
fn a_mistake_in_the_keys_is_said_with_what_to_write() {
    let unknown = hyoka_with_config("keys:\n  tree.dwon: [n]\n", &["keys"]);
    assert_eq!(unknown.status.code(), Some(2));
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        said.contains("config.yaml: keys: 「tree.dwon」という操作はありません") && said.contains("tree.down"),
        "{said}"
    );
    let bad = hyoka_with_config("keys:\n  save: [Hyper-S]\n", &["--lang", "en", "keys"]);
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("save: 'Hyper-S' is not a key; write keys like j, G, Ctrl-S"), "{said}");
    let twice = hyoka_with_config("keys:\n  tree.down: [k]\n", &["keys"]);
    let said = String::from_utf8_lossy(&twice.stderr);
    assert!(said.contains("「k」が tree で二つの操作（tree.up と tree.down）"), "{said}");
}

#[test]
fn keys_from_the_settings_file_work_on_the_screen() {
    let ws = Workspace::kamigyo();
    std::fs::write(ws.path().join("keys.yaml"), "keys:\n  tree.down: [n]\n").expect("settings");
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 100, &[], &[("HYOKA_CONFIG", ws.path().join("keys.yaml"))]);
    tui.wait_ready();
    tui.press("n");
    tui.wait_for_status("まちづくり推進課");
    tui.press("j");
    tui.press("n");
    tui.wait_for_status("市民窓口課");
    assert!(!tui.status_line().contains("市民税課"), "j no longer moves:\n{}", tui.dump());
}

#[test]
fn ctrl_l_redraws_what_the_terminal_lost() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    // Something else wrote over the terminal (a wall message, line noise on the link).
    tui.parser().process(b"\x1b[2J\x1b[Hgarbage from elsewhere");
    assert!(!tui.screen_text().contains("所属一覧"));
    tui.press("\x0c");
    tui.wait_for("所属一覧");
    tui.wait_for_status("総務課");
    assert!(!tui.screen_text().contains("garbage"), "{}", tui.dump());
}
