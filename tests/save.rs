//! Saving writes only what changed, atomically, with a small git diff; failures keep the edits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::outside;
use std::path::Path;
use std::process::Command as Process;

use common::app::{SHIMINZEI, SOMU, open_as};
use common::docs::SAMPLE;
use common::worker::{decide, save};
use common::workspace::sample_folder;
use hyoka::app::{Action, App, FileState, Focus, Mode, Node, SectionRef, Tone, update};
use hyoka::command::Command;
use hyoka::model::Field;
use hyoka::store::parse_document;

/// The folder opened by tanaka, whose name each save stamps.
fn open(dir: &Path) -> App {
    open_as(dir, "tanaka", false)
}

fn set_reflection(app: &mut App, at: SectionRef, text: &str) {
    common::reach::go_to_pane(app, Node::Section(at), Focus::Pane(Field::Reflection));
    update(app, Command::Edit.into());
    update(app, Action::Paste(text.to_owned()));
    update(app, Command::EndEdit.into());
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Process::new(outside::need("git"))
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "core.quotepath=off"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn editing_one_field_gives_a_diff_of_that_field_and_the_stamp_only() {
    let (dir, _) = sample_folder();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "sample"]);

    let mut app = open(dir.path());
    set_reflection(&mut app, SHIMINZEI, "今後も丁寧に対応する。");
    save(&mut app);
    assert_eq!(app.message().as_ref().map(|m| m.tone), Some(Tone::Info));

    let diff = git(dir.path(), &["diff", "-U0", "--no-color"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| (l.starts_with('+') || l.starts_with('-')) && !l.starts_with("+++") && !l.starts_with("---"))
        .collect();
    let original = parse_document(SAMPLE).expect("sample").divisions[0].sections[3].reflection.clone();
    assert_eq!(
        changed,
        [
            format!("-        reflection: {original}"),
            format!("+        reflection: {original}今後も丁寧に対応する。"),
            "+        updated: 2026-11-24T13:58:00+09:00".to_owned(),
            "+        updated_by: tanaka".to_owned(),
        ]
    );
}

fn a_save_without_changes_writes_nothing() {
    let (dir, path) = sample_folder();
    let before = std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut app = open(dir.path());
    save(&mut app);
    assert_eq!(app.message().as_ref().map(|m| m.text.as_str()), Some("保存する変更はありません。"));
    assert_eq!(std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime"), before);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), SAMPLE);
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1, "no temporary file left behind");
}

fn undoing_an_edit_leaves_nothing_to_save() {
    let (dir, _) = sample_folder();
    let mut app = open(dir.path());
    set_reflection(&mut app, SHIMINZEI, "追記");
    assert!(app.has_unsaved());
    update(&mut app, Command::Undo.into());
    assert!(!app.has_unsaved());
}

fn what_another_editor_saved_meanwhile_is_kept() {
    let (dir, path) = sample_folder();
    let mut first = open(dir.path());
    let mut second = open(dir.path());
    set_reflection(&mut first, SHIMINZEI, "（一人目）");
    let somu = SectionRef { file: 0, division: 0, section: 0 };
    set_reflection(&mut second, somu, "（二人目）");
    save(&mut second);
    save(&mut first);
    let (text, message) = (std::fs::read_to_string(&path).expect("read"), first.message().cloned().expect("message"));
    assert!(message.text.contains("他の人の保存分も取り込みました"), "{message:?}");
    let doc = parse_document(&text).expect("parses");
    assert!(doc.divisions[0].sections[3].reflection.ends_with("（一人目）"));
    assert!(doc.divisions[0].sections[0].reflection.ends_with("（二人目）"));
    assert!(first.section(somu).is_some_and(|s| s.reflection.ends_with("（二人目）")), "the screen shows it too");
}

/// Two clerks save the same field: nothing is written until the second one decides.
fn conflicting_saves(choice: Command) -> (String, String, App) {
    let (dir, path) = sample_folder();
    let mut first = open(dir.path());
    let mut second = open(dir.path());
    set_reflection(&mut first, SHIMINZEI, "（一人目）");
    set_reflection(&mut second, SHIMINZEI, "（二人目）");
    common::reach::go_to_pane(&mut first, Node::Section(SOMU), Focus::Pane(Field::Rating));
    update(&mut first, Command::Rate(1).into());
    save(&mut second);
    let on_disk = std::fs::read_to_string(&path).expect("read");
    save(&mut first);
    let Mode::Resolve(resolution) = &first.mode() else { panic!("the conflict dialog opens") };
    assert_eq!(resolution.conflicts.len(), 1, "only the reflection conflicts; the rating merges");
    let conflict = resolution.conflicts[0].field().expect("a field to decide");
    assert_eq!((conflict.division.as_str(), conflict.section.as_str()), ("区民部", "市民税課"));
    assert_eq!(conflict.field, Field::Reflection);
    assert!(conflict.mine.ends_with("（一人目）") && conflict.theirs.ends_with("（二人目）"));
    assert_eq!(conflict.their_by.as_deref(), Some("tanaka"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), on_disk, "nothing written while undecided");
    decide(&mut first, choice);
    (std::fs::read_to_string(&path).expect("read"), on_disk, first)
}

fn a_conflict_kept_as_mine_writes_mine_and_the_rest_of_both() {
    let (text, _, app) = conflicting_saves(Command::KeepMine);
    let doc = parse_document(&text).expect("parses");
    assert!(doc.divisions[0].sections[3].reflection.ends_with("（一人目）"));
    assert_eq!(doc.divisions[0].sections[0].rating.as_deref(), Some("◎"), "the merged rating is written too");
    assert!(!app.has_unsaved());
    assert!(matches!(app.mode(), Mode::Browse));
}

fn a_conflict_kept_as_theirs_keeps_theirs() {
    let (text, _, _) = conflicting_saves(Command::KeepTheirs);
    let doc = parse_document(&text).expect("parses");
    assert!(doc.divisions[0].sections[3].reflection.ends_with("（二人目）"));
    assert_eq!(doc.divisions[0].sections[0].rating.as_deref(), Some("◎"));
}

fn cancelling_the_conflict_dialog_writes_nothing_and_keeps_the_edits() {
    let (text, before, app) = conflicting_saves(Command::Cancel);
    assert_eq!(text, before);
    assert!(app.is_section_dirty(SHIMINZEI));
    assert!(matches!(app.mode(), Mode::Browse));
}

fn a_combined_text_can_be_written_in_the_dialog() {
    let (dir, path) = sample_folder();
    let mut first = open(dir.path());
    let mut second = open(dir.path());
    set_reflection(&mut first, SHIMINZEI, "A");
    set_reflection(&mut second, SHIMINZEI, "B");
    save(&mut second);
    save(&mut first);
    update(&mut first, Command::EditBoth.into());
    let Mode::Resolve(r) = &first.mode() else { panic!("still deciding") };
    let lines = r.combined.as_ref().map(|t| t.lines().to_vec()).unwrap_or_default();
    assert_eq!(lines.len(), 4, "mine and theirs, one under the other, each under whose it is: {lines:?}");
    assert_eq!((lines[0].as_str(), lines[2].as_str()), ("【自分】", "【相手】"));
    update(&mut first, Action::Paste("（合意）\n".into()));
    decide(&mut first, Command::UseCombined);
    let doc = parse_document(&std::fs::read_to_string(&path).expect("read")).expect("parses");
    let reflection = &doc.divisions[0].sections[3].reflection;
    assert_eq!(*reflection, format!("（合意）\n{}\n{}", lines[1], lines[3]), "the marks go, both texts stay");
    assert!(lines[1].ends_with('A') && lines[3].ends_with('B'));
}

fn a_failed_write_keeps_the_file_and_the_edits() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    set_reflection(&mut app, SHIMINZEI, "追記");
    // The folder vanishes (an unmounted share): the temporary file cannot be created.
    let moved = dir.path().with_extension("moved");
    std::fs::rename(dir.path(), &moved).expect("move the folder away");
    save(&mut app);
    std::fs::rename(&moved, dir.path()).expect("move it back");
    let message = app.message().cloned().expect("message");
    let (text, tone) = (message.text, message.tone);
    assert_eq!(tone, Tone::Error);
    assert!(text.contains("保存できません") && text.contains("もう一度 Ctrl-S"), "{text}");
    assert!(app.is_section_dirty(SHIMINZEI));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), SAMPLE);
    // Retrying once the folder is back succeeds.
    save(&mut app);
    assert!(!app.has_unsaved());
    assert!(std::fs::read_to_string(&path).expect("read").contains("追記"));
}

fn a_broken_file_is_never_written() {
    let (dir, _) = sample_folder();
    let broken = dir.path().join("2009.yaml");
    let broken_text = "organization: x\nfiscal_year: 2009\ndivisions:\n  - name: 区民部\n    sections:\n      - name: a\n        rating: ☆\n";
    std::fs::write(&broken, broken_text).expect("write");
    let mut app = open(dir.path());
    assert!(matches!(app.files()[1].state, FileState::Broken(_)));
    set_reflection(&mut app, SHIMINZEI, "追記");
    save(&mut app);
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), broken_text);
}

fn a_save_the_scale_no_longer_allows_writes_nothing_and_points_at_the_field() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    common::reach::go_to(&mut app, Node::Section(SHIMINZEI));
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    update(&mut app, Command::Rate(4).into());
    // Meanwhile someone took × off the scale.
    let theirs = SAMPLE.replace("  - { mark: ×, label: あまり達成できなかった }\n", "");
    std::fs::write(&path, &theirs).expect("write theirs");
    common::reach::go_to(&mut app, Node::File(0));
    common::reach::focus(&mut app, Focus::Tree);
    save(&mut app);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs, "nothing written");
    let message = app.message().cloned().expect("a message");
    assert_eq!(message.tone, Tone::Error);
    assert!(message.text.contains("保存していません") && message.text.contains("Ctrl-S"), "{}", message.text);
    assert!(message.text.contains("市民税課 目標達成度"), "{}", message.text);
    assert_eq!(app.cursor(), Node::Section(SHIMINZEI), "the cursor goes to the field to fix");
    assert_eq!(app.focus(), Focus::Pane(Field::Rating));
    assert_eq!(app.section(SHIMINZEI).and_then(|s| s.rating.as_deref()), Some("×"), "the work stays");
    assert!(app.has_unsaved());
    // Fixed, it saves.
    update(&mut app, Command::Rate(3).into());
    save(&mut app);
    let written = parse_document(&std::fs::read_to_string(&path).expect("read")).expect("parses");
    assert_eq!(written.divisions[0].sections[3].rating.as_deref(), Some("△"));
    assert_eq!(written.scale.as_ref().map(Vec::len), Some(3), "their scale kept");
}

fn a_save_that_cannot_keep_the_files_layout_says_so() {
    let (dir, path) = sample_folder();
    // An anchor and its alias: the file is rewritten in hyoka's layout, and the clerk is told.
    let text = SAMPLE.replacen("organization: 上京区役所", "organization: &org 上京区役所\n# 担当: 総務係", 1);
    std::fs::write(&path, text.replace("preface: ～", "notes: *org\npreface: ～")).expect("write");
    let mut app = open(dir.path());
    set_reflection(&mut app, SHIMINZEI, "（追記）");
    save(&mut app);
    let message = app.message().cloned().expect("a message");
    assert!(message.text.contains("コメントや書き方は保てず"), "{}", message.text);
    assert!(!app.has_unsaved());
}

outside_tests!(
    editing_one_field_gives_a_diff_of_that_field_and_the_stamp_only,
    a_save_without_changes_writes_nothing,
    undoing_an_edit_leaves_nothing_to_save,
    what_another_editor_saved_meanwhile_is_kept,
    a_conflict_kept_as_mine_writes_mine_and_the_rest_of_both,
    a_conflict_kept_as_theirs_keeps_theirs,
    cancelling_the_conflict_dialog_writes_nothing_and_keeps_the_edits,
    a_combined_text_can_be_written_in_the_dialog,
    a_failed_write_keeps_the_file_and_the_edits,
    a_broken_file_is_never_written,
    a_save_the_scale_no_longer_allows_writes_nothing_and_points_at_the_field,
    a_save_that_cannot_keep_the_files_layout_says_so,
);
