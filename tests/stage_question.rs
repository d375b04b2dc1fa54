//! The question before a file moves to its next stage (`>`) says what is true where it is (issue
//! 21, point 8): how many sections the move leaves unapproved or empty, what it clears, and where
//! that is kept — in git's history, or nowhere in a folder that is no git repository.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod cyclekit;

use common::draw::draw;
use common::terminal::screen_text;
use cyclekit::*;
use hyoka::app::{Action, Effect, Mode, Node, ReviewsKept, update};
use hyoka::command::Command;
use hyoka::model::{Stage, Status};

/// The sample at the mid-year stage, 総務課 approved by suzuki and 納税課's progress empty,
/// opened by suzuki with the cursor on the file, `>` pressed: the effects it asked for.
fn asked() -> (Office, hyoka::app::App, Vec<Effect>) {
    let office = Office::new(Some(Stage::Midyear), Status::Approved);
    let mut doc = office.doc();
    doc.divisions[0].sections[5].progress.clear();
    std::fs::write(office.file(), hyoka::store::emit_document(&doc)).unwrap();
    let mut app = office.open_in_data("suzuki", true);
    common::reach::go_to(&mut app, Node::File(0));
    let effects = common::reach::command(&mut app, Command::NextStage);
    assert!(matches!(app.mode(), Mode::Ask(_)), "asked");
    (office, app, effects)
}

/// The question's words as its box shows them, the lines joined.
fn said(app: &mut hyoka::app::App) -> String {
    let buffer = draw(app, 100, 30);
    let cell = |x: u16, y: u16| buffer[(x, y)].symbol().to_owned();
    let (mut left, mut top) = (0, 0);
    for y in 0..30 {
        if let Some(x) = (0..99).find(|&x| cell(x, y) == "┌" && cell(x + 2, y) == "年") {
            (left, top) = (x, y);
        }
    }
    let right = (left + 1..100).find(|&x| cell(x, top) == "┐").expect("the box's corner");
    let mut text = String::new();
    for y in top + 1..30 {
        if cell(left, y) == "└" {
            break;
        }
        let mut line = String::new();
        let mut x = left + 1;
        while x < right {
            let here = &buffer[(x, y)];
            line.push_str(here.symbol());
            x += u16::try_from(unicode_width::UnicodeWidthStr::width(here.symbol()).max(1)).unwrap();
        }
        text.push_str(line.trim_end());
    }
    text
}

#[test]
fn the_question_says_what_the_move_leaves_undone_and_that_a_folder_without_git_keeps_nothing() {
    let (_office, mut app, effects) = asked();
    assert!(
        effects.iter().any(|e| matches!(e, Effect::LookForReviews { file: 0, .. })),
        "git is asked whether it keeps the reviews: {effects:?}"
    );
    let looking = said(&mut app);
    assert!(looking.contains("11課のうち10課は承認されていません（未提出 10・提出済みで未承認 0）"), "{looking}");
    assert!(looking.contains("取組状況が空の課が1課あります"), "{looking}");
    assert!(looking.contains("1課の審査の記録（承認・差戻しの理由）がファイルから消えます"), "{looking}");
    assert!(looking.contains("確かめています"), "{looking}");

    update(&mut app, Action::ReviewsKept { file: 0, kept: ReviewsKept::NoRepository });
    let nowhere = said(&mut app);
    assert!(nowhere.contains("git のリポジトリではないので、消えた記録はどこにも残りません"), "{nowhere}");
    assert!(!nowhere.contains("git の履歴（H）に残ります"), "nothing false: {nowhere}");

    update(&mut app, Action::ReviewsKept { file: 0, kept: ReviewsKept::Committed });
    assert!(said(&mut app).contains("記録は git の履歴（H）に残ります"));
    update(&mut app, Action::ReviewsKept { file: 0, kept: ReviewsKept::Uncommitted });
    assert!(said(&mut app).contains("コミットしていない変更があり"));
}

#[test]
fn the_worker_finds_a_temporary_folder_is_no_git_repository() {
    let office = Office::new(Some(Stage::Midyear), Status::Approved);
    let mut app = office.open("suzuki", true);
    common::reach::go_to(&mut app, Node::File(0));
    keys(&mut app, ">");
    let Mode::Ask(ask) = app.mode() else { panic!("asked") };
    assert!(matches!(**ask, hyoka::app::Ask::NextStage { kept: Some(ReviewsKept::NoRepository), .. }), "{ask:?}");
    keys(&mut app, "n");
    assert_eq!(office.doc().stage, Some(Stage::Midyear), "no is no");
}

#[test]
fn a_file_without_reviews_is_told_nothing_of_them() {
    let office = Office::new(Some(Stage::Goals), Status::Draft);
    let mut app = office.open("suzuki", true);
    common::reach::go_to(&mut app, Node::File(0));
    keys(&mut app, ">");
    let text = said(&mut app);
    assert!(!text.contains("審査の記録") && !text.contains("git"), "{text}");
    assert!(text.contains("11課のうち11課は承認されていません（未提出 11・提出済みで未承認 0）"), "{text}");
}

#[test]
fn the_question_in_a_folder_that_is_no_git_repository() {
    let (_office, mut app, _) = asked();
    update(&mut app, Action::ReviewsKept { file: 0, kept: ReviewsKept::NoRepository });
    let screen = screen_text(&draw(&mut app, 80, 24));
    insta::assert_snapshot!(screen);
}
