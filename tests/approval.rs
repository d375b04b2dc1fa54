//! An approval covers exactly the text the reviewer approved: a clerk's save that races an
//! approval writes nothing into the approved section (the order set by the test through the
//! store's hook, not by sleeping), the store refuses a clerk's change to a section locked on disk
//! under its lock, and "keep mine" never undoes a reviewer's decision — keys → state, with the file
//! on disk checked after each step.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;
mod cyclekit;

use std::path::Path;
use std::sync::{Arc, Mutex};

use common::app::SOMU;
use common::keys::press_with;
use cyclekit::*;
use hyoka::app::{Mode, Question};
use hyoka::i18n::Lang;
use hyoka::model::{Document, Field, Review, Stage, Status};
use hyoka::store::{FaultPlan, Outcome, RealDisk, SaveRequest, TextDigest, WriteStep, emit_document, save};
use hyoka::worker::{Env, settle};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The reviewer's approval of 総務課 (as their own save writes it), written the moment the
/// clerk's save starts and before it takes the lock: the race, in the order the test sets.
struct ApprovedMeanwhile {
    done: Mutex<bool>,
}

impl FaultPlan for ApprovedMeanwhile {
    fn check(&self, _: WriteStep) -> std::io::Result<()> {
        Ok(())
    }

    fn before_lock(&self, path: &Path) {
        let mut done = self.done.lock().unwrap();
        if !*done {
            *done = true;
            approve_on_disk(path);
        }
    }
}

/// What the reviewer's hyoka writes when it approves 総務課: through the store, as a reviewer.
fn approve_on_disk(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let base = hyoka::store::parse_document(&text).unwrap();
    let mut mine = base.clone();
    let somu = mine.section_mut(0, 0).unwrap();
    somu.status = Status::Approved;
    somu.review = Some(Review { by: "suzuki".into(), at: fixed_time(), comment: String::new() });
    somu.updated_by = Some("suzuki".into());
    let request =
        SaveRequest { path, root: path, base_digest: TextDigest::of(&text), base: &base, mine: &mine, reviewer: true };
    assert!(matches!(save(&request, &RealDisk).unwrap(), Outcome::Saved(_)));
}

fn racing_env() -> Env {
    Env {
        faults: Arc::new(ApprovedMeanwhile { done: Mutex::new(false) }),
        clock: fixed_time,
        ..Env::new(Lang::Ja, None)
    }
}

/// The clerk writes into 総務課's reflection (year end: the rating pane first, then Tab).
fn write_reflection(app: &mut hyoka::app::App) {
    press(app, KeyCode::Enter);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Enter);
    hyoka::app::update(app, hyoka::app::Action::Paste("（書きかけ）".into()));
    press(app, KeyCode::Esc);
    assert!(app.has_unsaved());
}

fn decided_question(app: &hyoka::app::App) -> hyoka::store::FieldConflict {
    let Mode::Resolve(dialog) = &app.mode() else { panic!("the conflict dialog is open: {:?}", message(app)) };
    let [Question::Decided(conflict)] = &dialog.conflicts[..] else { panic!("one decided question") };
    (**conflict).clone()
}

#[test]
fn a_clerks_save_that_races_an_approval_writes_nothing_into_the_approved_section() {
    let office = Office::new(Some(Stage::Yearend), Status::Draft);
    let mut app = office.open("kumin01", false);
    write_reflection(&mut app);
    let effects = press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(!effects.is_empty(), "the screen's own check passed: it read a draft");
    settle(&mut app, effects, &racing_env());
    let approved = office.text();
    let somu = office.doc().section(0, 0).unwrap().clone();
    assert_eq!(somu.status, Status::Approved);
    assert!(!somu.reflection.contains("（書きかけ）"), "the reflection is not written under the approval");
    let conflict = decided_question(&app);
    assert_eq!((conflict.field, conflict.with.as_slice()), (Field::Status, &[Field::Reflection][..]));
    keys(&mut app, "m");
    keys(&mut app, "e");
    assert!(matches!(app.mode(), Mode::Resolve(_)), "neither keeping mine nor combining is offered");
    press(&mut app, KeyCode::Esc);
    assert!(app.has_unsaved(), "Esc: the question and the work stay");
    ctrl(&mut app, 's');
    decided_question(&app);
    keys(&mut app, "t");
    assert_eq!(office.text(), approved, "the approved text stands, byte for byte");
    assert!(!app.has_unsaved());
}

#[test]
fn the_store_looks_at_the_status_on_disk_under_its_lock() {
    let office = Office::new(Some(Stage::Yearend), Status::Draft);
    let path = office.file();
    let text = office.text();
    let base = office.doc();
    let mut mine = base.clone();
    mine.section_mut(0, 0).unwrap().reflection.push_str("（書きかけ）");
    let request = SaveRequest {
        path: &path,
        root: &path,
        base_digest: TextDigest::of(&text),
        base: &base,
        mine: &mine,
        reviewer: false,
    };
    // Approved after the clerk read the file, before the save took the lock.
    let Outcome::Conflicted(conflicted) = save(&request, &ApprovedMeanwhile { done: Mutex::new(false) }).unwrap()
    else {
        panic!("a question, not a save")
    };
    assert_eq!(conflicted.conflicts[0].with, [Field::Reflection]);
    let approved = office.text();
    // Approved before the clerk read it: the screen should have stopped the edit; the store does.
    let base: Document = office.doc();
    let mut mine = base.clone();
    mine.section_mut(0, 0).unwrap().reflection.push_str("（書きかけ）");
    let request = SaveRequest { base_digest: TextDigest::of(&approved), base: &base, mine: &mine, ..request };
    let Outcome::Locked(locked) = save(&request, &RealDisk).unwrap() else { panic!("refused") };
    assert_eq!(locked.sections, [("区民部".to_owned(), "総務課".to_owned(), Status::Approved)]);
    assert_eq!(office.text(), approved, "nothing written");
    // A reviewer may correct an approved section.
    let request = SaveRequest { reviewer: true, ..request };
    assert!(matches!(save(&request, &RealDisk).unwrap(), Outcome::Saved(_)));
    assert!(office.text().contains("（書きかけ）"));
}

#[test]
fn keeping_mine_cannot_undo_an_approval_given_while_the_submission_was_taken_back() {
    let office = Office::new(Some(Stage::Goals), Status::Draft);
    let mut app = office.open("kumin01", false);
    keys(&mut app, "s");
    keys(&mut app, "y");
    assert_eq!(office.doc().section(0, 0).unwrap().status, Status::Submitted);
    keys(&mut app, "u");
    assert_eq!(app.section(SOMU).unwrap().status, Status::Draft, "taken back on screen, not saved");
    approve_on_disk(&office.file());
    let approved = office.text();
    ctrl(&mut app, 's');
    let conflict = decided_question(&app);
    assert_eq!((conflict.field, conflict.mine_section.status), (Field::Status, Status::Draft));
    keys(&mut app, "m");
    assert_eq!(office.text(), approved, "m writes nothing");
    keys(&mut app, "t");
    assert_eq!(office.text(), approved);
    assert_eq!(app.section(SOMU).unwrap().status, Status::Approved);
    assert!(!app.has_unsaved());

    // A reviewer in the same place may keep theirs: the question is an ordinary one.
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let mut reviewer = office.open("suzuki", true);
    keys(&mut reviewer, "A");
    let effects = press_with(&mut reviewer, KeyCode::Enter, KeyModifiers::NONE);
    let mut returned = office.doc();
    returned.section_mut(0, 0).unwrap().status = Status::Returned;
    returned.section_mut(0, 0).unwrap().review =
        Some(Review { by: "kacho01".into(), at: fixed_time(), comment: "数値を".into() });
    std::fs::write(office.file(), emit_document(&returned)).unwrap();
    settle(&mut reviewer, effects, &env());
    let Mode::Resolve(dialog) = &reviewer.mode() else { panic!("asked") };
    assert!(matches!(&dialog.conflicts[..], [Question::Field(c)] if c.field == Field::Status));
    keys(&mut reviewer, "m");
    assert_eq!(office.doc().section(0, 0).unwrap().status, Status::Approved, "the reviewer's own decision");
}
