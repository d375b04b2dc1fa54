//! A reviewer's return comment is never thrown away without asking (issue 21, point 6): Esc closes
//! the dialog and keeps the text as the section's draft, `R` takes it up again, Ctrl-X throws it
//! away after a second question, and a draft is journaled like any unsaved text — keys → state,
//! the file on disk, the journal, and the screen.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod cyclekit;

use common::app::SOMU;
use common::draw::draw;
use common::terminal::screen_text;
use cyclekit::*;
use hyoka::app::journal::{format_journal, parse_journal};
use hyoka::app::{Action, Mode, journal_entries, update};
use hyoka::model::{Stage, Status};
use ratatui::crossterm::event::KeyCode;

const WRITTEN: &str = "目標に数値を\n入れてください。";

/// A reviewer on a submitted 総務課, the comment typed (as the IME and a paste hand it over).
fn writing() -> (Office, hyoka::app::App) {
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let mut app = office.open("suzuki", true);
    keys(&mut app, "R");
    assert!(matches!(app.mode(), Mode::Comment(_)));
    update(&mut app, Action::Paste(WRITTEN.into()));
    (office, app)
}

fn comment_text(app: &hyoka::app::App) -> String {
    match app.mode() {
        Mode::Comment(dialog) => dialog.text(),
        _ => panic!("the comment dialog is not open"),
    }
}

#[test]
fn esc_keeps_the_comment_and_r_takes_it_up_again_until_it_is_sent() {
    let (office, mut app) = writing();
    let before = office.text();
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(office.text(), before, "nothing returned, nothing written");
    assert_eq!(app.draft(SOMU), Some(WRITTEN), "the text stays");
    assert!(message(&app).contains("書いた理由は残してあります（R で続きを書けます"), "{}", message(&app));
    assert!(app.has_unsaved(), "a comment not sent is unsaved work");
    let status = screen_text(&draw(&mut app, 80, 24)).lines().nth(22).unwrap_or_default().to_owned();
    assert!(status.contains("差戻し未送信 1件") && !status.contains("未保存"), "no section is unsaved: {status}");

    keys(&mut app, "R");
    assert_eq!(comment_text(&app), WRITTEN, "the draft is back in the dialog");
    update(&mut app, Action::Type('。'));
    ctrl(&mut app, 's');
    let somu = office.doc().section(0, 0).unwrap().clone();
    assert_eq!(somu.status, Status::Returned);
    assert_eq!(somu.review.unwrap().comment, format!("{WRITTEN}。"), "the caret was after the draft");
    assert_eq!(app.draft(SOMU), None, "sent: no draft left");
    assert!(!app.has_unsaved());
}

#[test]
fn ctrl_x_asks_before_it_throws_the_comment_away() {
    let (office, mut app) = writing();
    let before = office.text();
    ctrl(&mut app, 'x');
    assert!(matches!(app.mode(), Mode::Comment(d) if d.confirming), "asked first");
    keys(&mut app, "n");
    assert_eq!(comment_text(&app), WRITTEN, "any other key goes back, the text whole");
    ctrl(&mut app, 'x');
    keys(&mut app, "y");
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(app.draft(SOMU), None);
    assert!(message(&app).contains("捨てました"), "{}", message(&app));
    assert!(!app.has_unsaved());
    keys(&mut app, "R");
    assert_eq!(comment_text(&app), "", "nothing comes back");
    assert_eq!(office.text(), before);
}

#[test]
fn a_draft_is_journaled_and_restored_from_the_journal_of_a_hyoka_that_is_gone() {
    let (office, mut app) = writing();
    // Journaled while the dialog is still open, and after Esc.
    for step in 0..2 {
        let entries = journal_entries(&app);
        let work = entries[0].work.as_ref().expect("a draft is unsaved work");
        assert_eq!(work.drafts.len(), 1, "step {step}");
        assert_eq!((work.drafts[0].section.as_str(), work.drafts[0].text.as_str()), ("総務課", WRITTEN));
        let text = format_journal(&entries[0].path, work);
        assert_eq!(parse_journal(&text).expect("reads back").work, *work);
        press(&mut app, KeyCode::Esc);
    }
    let work = journal_entries(&app).remove(0).work.unwrap();

    // The next hyoka finds it: the recovery dialog names it, `r` brings it back to `R`.
    let mut next = office.open("suzuki", true);
    let content = hyoka::app::journal::JournalContent { file: next.files()[0].canonical.clone(), work };
    let left = hyoka::app::LeftJournal { path: "/state/x.journal".into(), content, written: None, moved: false };
    update(&mut next, Action::JournalsFound(Ok(vec![left])));
    assert!(matches!(next.mode(), Mode::Recover(_)), "offered");
    let shown = screen_text(&draw(&mut next, 100, 30));
    assert!(shown.contains("区民部 › 総務課 › 差戻しの理由（書きかけ）"), "{shown}");
    keys(&mut next, "r");
    assert_eq!(next.draft(SOMU), Some(WRITTEN));
    assert!(message(&next).contains("送っていなかった差戻しの理由1件も戻しました"), "{}", message(&next));
    keys(&mut next, "R");
    assert_eq!(comment_text(&next), WRITTEN);
}

#[test]
fn quitting_with_a_comment_not_sent_asks_and_says_where_it_goes() {
    let (_office, mut app) = writing();
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "q");
    assert!(matches!(app.mode(), Mode::ConfirmQuit), "a comment not sent is not lost without a word");
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("送っていない差戻しの理由が1件あります"), "{shown}");
    assert!(!shown.contains("保存していない変更があります"), "no section is unsaved: {shown}");
    keys(&mut app, "d");
    assert!(app.should_quit());
    assert_eq!(app.draft(SOMU), None, "quit without saving throws it away");
    assert!(journal_entries(&app)[0].work.is_none(), "and no journal keeps it");
}

#[test]
fn the_dialog_asking_to_throw_the_comment_away_and_the_banner_of_a_section_with_one() {
    let (_office, mut app) = writing();
    ctrl(&mut app, 'x');
    let asking = screen_text(&draw(&mut app, 80, 24));
    keys(&mut app, "n");
    press(&mut app, KeyCode::Esc);
    let waiting = screen_text(&draw(&mut app, 80, 24));
    insta::assert_snapshot!(format!("{asking}\n{waiting}"));
}

/// The journal's drafts as the next tick sends them (`None`: the tick journals nothing).
fn ticked_drafts(app: &mut hyoka::app::App) -> Option<Vec<String>> {
    update(app, Action::Tick).into_iter().find_map(|effect| match effect {
        hyoka::app::Effect::Journal(entries) => Some(
            entries.iter().flat_map(|e| e.work.iter().flat_map(|w| w.drafts.iter().map(|d| d.text.clone()))).collect(),
        ),
        _ => None,
    })
}

#[test]
fn the_tick_journals_a_comment_as_it_is_typed_and_again_when_it_is_kept() {
    let (_office, mut app) = writing();
    assert_eq!(ticked_drafts(&mut app), Some(vec![WRITTEN.to_owned()]), "typed in the open dialog");
    assert_eq!(ticked_drafts(&mut app), None, "nothing new: nothing journaled");
    update(&mut app, Action::Type('。'));
    assert_eq!(ticked_drafts(&mut app), Some(vec![format!("{WRITTEN}。")]), "each key is work");
    press(&mut app, KeyCode::Esc);
    assert_eq!(ticked_drafts(&mut app), Some(vec![format!("{WRITTEN}。")]), "kept as the draft");
    keys(&mut app, "R");
    ctrl(&mut app, 'x');
    keys(&mut app, "y");
    assert_eq!(ticked_drafts(&mut app), Some(Vec::new()), "thrown away: the journal hears it is gone");
}
