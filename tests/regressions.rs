//! Sequences a review found to lose work, kept as tests: each failed before its fix.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::path::Path;

use common::app::{SHIMINZEI, open};
use common::docs::{SAMPLE, read_doc, section};
use common::worker::{check_disk, decide, env, save};
use common::workspace::sample_folder;
use hyoka::app::{Action, App, Focus, JournalEntry, Mode, Node, SectionRef, update};
use hyoka::command::Command;
use hyoka::model::{Document, Field, Section};
use hyoka::store::{emit_document, parse_document, write_atomically};
use hyoka::worker::{Journals, settle};

/// Someone else saves the file (another hyoka, a git pull).
fn someone_else(path: &Path, edit: impl FnOnce(&mut Document)) {
    let mut doc = read_doc(path).0;
    edit(&mut doc);
    // A different length or inode, as every real save makes.
    write_atomically(path, emit_document(&doc).as_bytes()).expect("write");
}

fn rate(app: &mut App, at: SectionRef, index: u8) {
    common::reach::go_to_pane(app, Node::Section(at), Focus::Pane(Field::Rating));
    update(app, Command::Rate(index + 1).into());
}

#[test]
fn keeping_my_multi_line_goal_in_a_conflict_keeps_it_one_goal() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    let machi = SectionRef { file: 0, division: 0, section: 1 };
    common::reach::go_to(&mut app, Node::Section(machi));
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    update(&mut app, Command::Edit.into());
    update(&mut app, Action::Paste("\n・補足の行".into()));
    update(&mut app, Command::EndEdit.into());
    someone_else(&path, |d| d.divisions[0].sections[1].goals.push("彼らの目標".into()));
    save(&mut app);
    assert!(matches!(app.mode(), Mode::Resolve(_)));
    decide(&mut app, Command::KeepMine);
    let goals = section(&read_doc(&path).0, "まちづくり推進課").goals.clone();
    assert_eq!(goals.len(), 1, "{goals:?}");
    assert!(goals[0].ends_with("\n・補足の行"));
}

#[test]
fn undo_after_a_merge_that_added_a_section_touches_no_other_section() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    rate(&mut app, SHIMINZEI, 3);
    someone_else(&path, |d| d.divisions[0].sections.insert(0, Section::new("新設課")));
    save(&mut app);
    update(&mut app, Command::Undo.into());
    assert_eq!(app.message().as_ref().map(|m| m.text.as_str()), Some("元に戻す変更はありません。"));
    assert_eq!(
        app.selected().and_then(|at| app.section(at)).map(|s| s.name.as_str()),
        Some("市民税課"),
        "cursor follows"
    );
    save(&mut app);
    let doc = read_doc(&path).0;
    let names: Vec<&str> = doc.divisions[0].sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["新設課", "総務課", "まちづくり推進課", "市民窓口課", "市民税課", "固定資産税課", "納税課"]);
}

#[test]
fn undo_after_taking_in_a_colleague_s_field_does_not_revert_it() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    common::reach::go_to(&mut app, Node::Section(SHIMINZEI));
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    update(&mut app, Command::Edit.into());
    update(&mut app, Action::Paste("（Aの追記）".into()));
    update(&mut app, Command::EndEdit.into());
    someone_else(&path, |d| d.divisions[0].sections[3].rating = Some("×".into()));
    check_disk(&mut app);
    update(&mut app, Command::Undo.into());
    save(&mut app);
    assert_eq!(section(&read_doc(&path).0, "市民税課").rating.as_deref(), Some("×"));
}

#[test]
fn ctrl_s_ends_the_edit_so_a_merge_cannot_move_it_elsewhere() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    common::reach::go_to(&mut app, Node::Section(SHIMINZEI));
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    update(&mut app, Command::Edit.into());
    update(&mut app, Action::Paste("X".into()));
    someone_else(&path, |d| d.divisions[0].sections.insert(0, Section::new("新設課")));
    check_disk(&mut app);
    let effects = update(&mut app, Command::Save.into());
    settle(&mut app, effects, &env());
    assert!(matches!(app.mode(), Mode::Browse));
    let doc = read_doc(&path).0;
    assert!(section(&doc, "市民税課").reflection.ends_with('X'));
    assert_eq!(section(&doc, "市民窓口課"), section(&parse_document(SAMPLE).expect("sample"), "市民窓口課"));
}

#[test]
fn ctrl_s_on_a_goal_just_added_and_left_empty_overwrites_nothing() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    common::reach::go_to(&mut app, Node::Section(SectionRef { file: 0, division: 0, section: 0 }));
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    update(&mut app, Command::AddGoalBefore.into());
    let effects = update(&mut app, Command::Save.into());
    settle(&mut app, effects, &env());
    assert!(matches!(app.mode(), Mode::Browse));
    update(&mut app, Action::Paste("新しい目標".into()));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), SAMPLE, "nothing to save, nothing written");
    assert_eq!(app.section(SectionRef { file: 0, division: 0, section: 0 }).map(|s| s.goals.len()), Some(2));
}

#[test]
fn a_double_change_taken_in_and_then_set_back_is_still_asked_about() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    rate(&mut app, SHIMINZEI, 3); // ×
    someone_else(&path, |d| d.divisions[0].sections[3].rating = Some("○".into()));
    check_disk(&mut app);
    assert!(app.message().as_ref().is_some_and(|m| m.text.contains("保存時に選びます")));
    rate(&mut app, SHIMINZEI, 0); // back to ◎, what it was before anyone changed it
    assert!(app.has_unsaved(), "◎ on screen, ○ on disk: unsaved");
    save(&mut app);
    assert!(matches!(app.mode(), Mode::Resolve(_)), "asked");
    decide(&mut app, Command::KeepMine);
    assert_eq!(section(&read_doc(&path).0, "市民税課").rating.as_deref(), Some("◎"));
    assert_eq!(app.section(SHIMINZEI).and_then(|s| s.rating.clone()).as_deref(), Some("◎"));
}

#[test]
fn a_section_they_removed_but_i_changed_is_asked_about_by_name_before_anything_is_written() {
    for (answer, kept) in [(Command::KeepMine, true), (Command::KeepTheirs, false)] {
        let (dir, path) = sample_folder();
        let mut app = open(dir.path());
        rate(&mut app, SHIMINZEI, 3);
        someone_else(&path, |d| {
            d.divisions[0].sections.remove(3);
        });
        let theirs = std::fs::read_to_string(&path).expect("read");
        save(&mut app);
        let Mode::Resolve(dialog) = &app.mode() else { panic!("asked before writing") };
        assert!(matches!(&dialog.conflicts[..], [hyoka::app::Question::Gone { section, .. }] if section == "市民税課"));
        let message = app.message().cloned().expect("message");
        assert!(
            message.text.contains("区民部 市民税課") && message.text.contains("削除したか名前を変えました"),
            "{}",
            message.text
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs, "nothing written while undecided");
        decide(&mut app, answer);
        let doc = read_doc(&path).0;
        let found = doc.divisions[0].sections.iter().find(|s| s.name == "市民税課");
        assert_eq!(found.map(|s| s.rating.clone()), kept.then(|| Some("×".to_owned())), "{answer:?}");
        assert!(!app.has_unsaved(), "{answer:?}: decided and saved");
    }
}

#[test]
fn a_journal_another_hyoka_wrote_is_not_removed_or_offered_by_this_one() {
    let (dir, _) = sample_folder();
    let state = tempfile::tempdir().expect("state");
    let mut first = open(dir.path());
    common::reach::go_to_pane(&mut first, Node::Section(SHIMINZEI), Focus::Pane(Field::Reflection));
    update(&mut first, Command::Edit.into());
    update(&mut first, Action::Paste("追記".into()));
    update(&mut first, Command::EndEdit.into());
    let mut first_journals = Journals::open(state.path().join("hyoka")).expect("journal folder");
    first_journals.write(&hyoka::app::journal_entries(&first)).expect("journal");
    let second = open(dir.path());
    let mut second_journals = Journals::open(state.path().join("hyoka")).expect("journal folder");
    assert!(second_journals.left_behind().is_empty(), "a live hyoka's journal is not on offer");
    let nothing: Vec<JournalEntry> = hyoka::app::journal_entries(&second);
    second_journals.write(&nothing).expect("write");
    let journals = |dir: &Path| {
        std::fs::read_dir(dir)
            .expect("dir")
            .filter(|e| e.as_ref().is_ok_and(|e| !e.file_name().to_string_lossy().starts_with('.')))
            .count()
    };
    assert_eq!(journals(&state.path().join("hyoka")), 1, "still there");
    drop(first_journals);
    let found = second_journals.left_behind();
    assert_eq!(found.len(), 1, "offered once its hyoka is gone");
    assert!(found[0].content.work.mine.divisions[0].sections[3].reflection.ends_with("追記"));
}

#[test]
fn a_fifo_put_in_place_of_the_file_does_not_freeze_the_screen() {
    let (dir, path) = sample_folder();
    let mut app = open(dir.path());
    std::fs::remove_file(&path).expect("remove");
    assert!(std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo").success());
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        check_disk(&mut app);
        let _ = done.send(app.message().cloned());
    });
    let message = finished.recv_timeout(std::time::Duration::from_secs(5)).expect("the disk check returns");
    assert!(message.is_some_and(|m| m.text.contains("読めない内容")));
}

#[test]
fn a_data_file_that_is_a_link_stays_a_link_after_a_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real");
    std::fs::create_dir(&real).expect("mkdir");
    std::fs::write(real.join("2008.yaml"), SAMPLE).expect("write");
    std::os::unix::fs::symlink(real.join("2008.yaml"), dir.path().join("current.yaml")).expect("link");
    let mut app = open(&dir.path().join("current.yaml"));
    rate(&mut app, SHIMINZEI, 3);
    save(&mut app);
    assert!(std::fs::symlink_metadata(dir.path().join("current.yaml")).expect("meta").file_type().is_symlink());
    assert_eq!(section(&read_doc(&real.join("2008.yaml")).0, "市民税課").rating.as_deref(), Some("×"));
}
