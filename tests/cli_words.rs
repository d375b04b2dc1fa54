//! Every word of the command line is in the language in force: `--help` of hyoka and of each
//! command, and a mistake on the command line (clap's errors, by their kind) — Japanese by default,
//! English with `--lang en`, `HYOKA_LANG=en` or `lang: en` in the settings file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use std::process::{Command, Output};

/// The real binary with its own settings file and nothing of the user's.
fn hyoka(args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().expect("a folder");
    let settings = dir.path().join("config.yaml");
    let config = env.iter().find(|(k, _)| *k == "config").map_or("", |(_, v)| *v);
    std::fs::write(&settings, config).expect("settings");
    let mut command = Command::new(env!("CARGO_BIN_EXE_hyoka"));
    command.args(args).current_dir(dir.path()).env("HYOKA_CONFIG", &settings).env_remove("HYOKA_LANG");
    command.env("HOME", dir.path()).env("XDG_STATE_HOME", dir.path()).env("XDG_CONFIG_HOME", dir.path());
    for (key, value) in env.iter().filter(|(k, _)| *k != "config") {
        command.env(key, value);
    }
    command.output().expect("hyoka runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What clap itself would write in English.
const CLAP_WORDS: [&str; 9] =
    ["Usage:", "Options:", "Arguments:", "Commands:", "Print help", "[default:", "possible values", "error:", "tip:"];

fn speaks_no_english(text: &str) {
    for word in CLAP_WORDS {
        assert!(!text.contains(word), "{word:?} in:\n{text}");
    }
}

#[test]
fn a_mistake_on_the_command_line_is_said_in_japanese_with_its_usage() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["export", "--format", "xml", "data", "-o", "x"],
            "--format <形式> に「xml」は使えません。使えるのは html・csv・md・tsv・xlsx です。",
        ),
        (
            &["import", "t.csv", "--fiscal-year", "二〇〇八", "--dry-run"],
            "--fiscal-year <西暦> の値「二〇〇八」を読めません。",
        ),
        (&["--colour"], "「--colour」という引数・オプションはありません。"),
        (&["import"], "--output <出力先>・<表> を指定してください。"),
        (&["check", "data", "more"], "「more」という引数・オプションはありません。"),
        (&["list", "--raiting", "△"], "「--raiting」という引数・オプションはありません。「--rating」のことですか。"),
    ];
    for (args, said) in cases {
        let output = hyoka(args, &[]);
        assert_eq!(output.status.code(), Some(2), "hyoka {args:?}");
        let text = stderr(&output);
        assert!(text.starts_with(&format!("hyoka: {said}")), "hyoka {args:?}:\n{text}");
        assert!(text.contains("\n使い方: hyoka ") && text.contains("詳しくは hyoka"), "{text}");
        speaks_no_english(&text);
    }
    let usage = stderr(&hyoka(&["export", "--format", "xml", "data", "-o", "x"], &[]));
    assert!(usage.contains("使い方: hyoka export [オプション] <パス>\n詳しくは hyoka export --help"), "{usage}");
}

#[test]
fn in_english_where_english_is_asked_for() {
    let said = "'xml' is not a value of --format <FORMAT>; use one of html, csv, md, tsv, xlsx.";
    for env in [&[][..], &[("HYOKA_LANG", "en")], &[("config", "lang: en\n")]] {
        let args: &[&str] = if env.is_empty() {
            &["--lang", "en", "export", "--format", "xml", "d", "-o", "x"]
        } else {
            &["export", "--format", "xml", "d", "-o", "x"]
        };
        let text = stderr(&hyoka(args, env));
        assert!(text.starts_with(&format!("hyoka: {said}")), "{env:?}:\n{text}");
        assert!(text.contains("\nUsage: hyoka export [OPTIONS] <PATH>\nfor more, hyoka export --help"), "{text}");
    }
}

#[test]
fn help_is_japanese_by_default_for_hyoka_and_every_command() {
    let commands =
        ["", "check", "import", "keys", "summary", "list", "export", "new-year", "git-setup", "merge-driver"];
    for name in commands {
        let args: Vec<&str> = [name, "--help"].into_iter().filter(|a| !a.is_empty()).collect();
        let output = hyoka(&args, &[]);
        assert!(output.status.success(), "hyoka {args:?}");
        let help = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(help.contains("使い方: hyoka") && help.contains("オプション:"), "{help}");
        assert!(help.contains("この説明を表示する"), "{help}");
        speaks_no_english(&help);
        let english = String::from_utf8_lossy(&hyoka(&args, &[("HYOKA_LANG", "en")]).stdout).into_owned();
        assert!(english.contains("Usage: hyoka") && english.contains("Options:"), "{english}");
        assert!(!english.contains("使い方") && !english.contains("オプション"), "{english}");
    }
    let top = String::from_utf8_lossy(&hyoka(&["--help"], &[]).stdout).into_owned();
    assert!(top.contains("コマンド:\n  check") && top.contains("［省略時: data］"), "{top}");
    assert!(top.contains("--ambiguous-width <桁数>") && top.contains("［auto, 1, 2 のどれか］"), "{top}");
    let version = hyoka(&["--version"], &[]);
    assert!(version.status.success() && String::from_utf8_lossy(&version.stdout).starts_with("hyoka "));
}
