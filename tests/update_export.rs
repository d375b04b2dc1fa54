//! Keys → state in the export dialog: next to the data file, the format chosen with Tab, the
//! folder and an existing file asked about first, and never over a data file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::app::sample_app;
use common::keys::{export_to_path, keys, press, press_in};
use common::worker::env;
use hyoka::app::{App, Effect, Mode};
use hyoka::interchange::Format;
use ratatui::crossterm::event::KeyCode;

/// `e`, the format chosen with Tab, the path typed over the proposed one, Enter, and the export
/// carried out as the worker does.
fn export_to(app: &mut App, format: Format, path: &std::path::Path) {
    keys(app, "e");
    while !matches!(&app.mode(), Mode::Export(d) if d.format == format) {
        press(app, KeyCode::Tab);
    }
    export_to_path(app, path, &env());
}

#[test]
fn e_opens_the_export_dialog_next_to_the_data_file() {
    let mut app = sample_app();
    keys(&mut app, "e");
    let Mode::Export(dialog) = &app.mode() else { panic!("the export dialog opens") };
    assert_eq!(dialog.format, Format::Html);
    assert_eq!(dialog.path.lines().join(""), "data/kamigyo/2008.html");
    press(&mut app, KeyCode::Tab);
    let Mode::Export(dialog) = &app.mode() else { panic!("still open") };
    assert_eq!((dialog.format, dialog.path.lines().join("")), (Format::Csv, "data/kamigyo/2008.csv".to_owned()));
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    let Mode::Export(dialog) = &app.mode() else { panic!("still open") };
    assert_eq!(dialog.format, Format::Xlsx, "it wraps around");
    keys(&mut app, "x");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Export(job)] = &effects[..] else { panic!("one export: {effects:?}") };
    assert_eq!((job.format, job.path.clone(), job.overwrite), (Format::Xlsx, "data/kamigyo/2008.xlsxx".into(), false));
    assert_eq!(job.doc.organization, "上京区役所", "the document on screen goes with it");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse));
}

#[test]
fn exporting_writes_the_file_says_where_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out/2008.md");
    let mut app = sample_app();
    export_to(&mut app, Format::Md, &out);
    assert!(matches!(&app.mode(), Mode::Export(d) if d.confirm_folder), "the folder out/ is asked about first");
    assert!(!out.parent().unwrap().exists(), "and not made before the clerk says so");
    press_in(&mut app, KeyCode::Enter, &env());
    assert!(matches!(app.mode(), Mode::Browse));
    let message = app.message().cloned().map(|m| m.text).unwrap_or_default();
    assert_eq!(message, format!("書き出しました: {}", out.display()));
    assert!(std::fs::read_to_string(&out).is_ok_and(|t| t.contains("| 総務課 |") || t.contains("総務課")));
    export_to(&mut app, Format::Md, &out);
    assert!(matches!(&app.mode(), Mode::Export(d) if d.confirm_overwrite), "asks first");
    press_in(&mut app, KeyCode::Enter, &env());
    assert!(matches!(app.mode(), Mode::Browse));
}

#[test]
fn an_export_never_goes_over_a_data_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("2008.yaml");
    std::fs::write(&target, "organization: x\n").expect("write");
    let mut app = sample_app();
    export_to(&mut app, Format::Html, &target);
    assert_eq!(std::fs::read_to_string(&target).ok().as_deref(), Some("organization: x\n"));
    assert!(app.message().as_ref().is_some_and(|m| m.text.contains("データファイル（.yaml）には書き出せません")));
}
