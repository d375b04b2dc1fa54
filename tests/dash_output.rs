//! `-o -` is standard output in every command that takes `-o` (import, export, new-year), and never
//! a file named `-`; the screen's export refuses `-` as a file name.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::Cli;
use common::docs::SAMPLE;
use hyoka::app::{Action, Mode, update};
use hyoka::command::Command;

/// hyoka run in `dir`, its standard output a pipe.
fn hyoka(dir: &Path, args: &[&str]) -> Output {
    Cli::new().current_dir(dir).args(args).output()
}

#[test]
fn dash_is_standard_output_in_every_command_and_never_a_file() {
    let dir = tempfile::tempdir().expect("a folder");
    let here = dir.path();
    std::fs::create_dir_all(here.join("data")).expect("data");
    std::fs::write(here.join("data/2008.yaml"), SAMPLE).expect("sample");
    std::fs::copy("tests/fixtures/seed_kamigyo_2008.tsv", here.join("2008.tsv")).expect("table");
    let runs: [(&[&str], &str); 5] = [
        (&["import", "2008.tsv", "-o", "-"], "organization: 上京区役所"),
        (&["export", "data/2008.yaml", "-o", "-", "--format", "md"], "# 上京区役所 平成20年度"),
        (&["export", "data/2008.yaml", "-o", "-", "--format", "xlsx"], "PK"),
        (&["new-year", "data/2008.yaml", "-o", "-"], "fiscal_year: 2009"),
        (&["new-year", "data/2008.yaml", "--keep-goals", "-o", "-"], "stage: goals"),
    ];
    for (args, printed) in runs {
        let output = hyoka(here, args);
        assert!(output.status.success(), "hyoka {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        assert!(String::from_utf8_lossy(&output.stdout).contains(printed), "hyoka {args:?} prints it");
        assert!(!here.join("-").exists(), "hyoka {args:?} wrote a file named -");
    }
    // A folder cannot go to standard output: refused, and still no file or folder named -.
    let folder = hyoka(here, &["export", "data", "-o", "-", "--format", "html"]);
    assert_eq!(folder.status.code(), Some(2));
    assert!(!here.join("-").exists());
    assert!(!here.join("data/2009.yaml").exists(), "new-year -o - wrote nothing beside the file");
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists(), "no file named - in the repository");
}

#[test]
fn the_screen_s_export_refuses_a_dash_for_a_file_name() {
    let mut app = common::app::sample_app();
    update(&mut app, Command::Export.into());
    // The proposed path taken away with Backspace, and "-" typed in its place.
    let Mode::Export(dialog) = app.mode() else { panic!("the export dialog opens") };
    for _ in 0..dialog.typed_path().chars().count() {
        common::keys::press(&mut app, ratatui::crossterm::event::KeyCode::Backspace);
    }
    update(&mut app, Action::Type('-'));
    let Mode::Export(dialog) = app.mode() else { panic!("the export dialog opens") };
    assert_eq!(dialog.typed_path(), "-");
    let effects = update(&mut app, Action::Command(Command::Write));
    assert!(effects.is_empty(), "nothing is written: {effects:?}");
    assert!(matches!(app.mode(), Mode::Export(_)), "the dialog stays to type a name");
    let said = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.starts_with("「-」はファイル名にできません"), "{said}");
}
