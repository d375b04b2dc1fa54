//! Below the smallest size (issue 21, point 9): no key but resize, Ctrl-L, quit (asking when work
//! is unsaved) and Ctrl-S does anything; typed text is refused out loud, not dropped without a
//! word; the small screen says which keys work, what they answered, and the quit question.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod cyclekit;

use common::app::SOMU;
use common::draw::draw;
use common::terminal::screen_text;
use cyclekit::*;
use hyoka::app::{Action, Effect, Focus, Mode, update};
use hyoka::model::{Field, Stage, Status};
use ratatui::crossterm::event::KeyCode;

const SMALL: (u16, u16) = (40, 12);

fn small(app: &mut hyoka::app::App) -> String {
    screen_text(&draw(app, SMALL.0, SMALL.1))
}

/// The words of the small screen, its lines joined (it wraps them at 40 columns).
fn words(app: &mut hyoka::app::App) -> String {
    small(app).lines().map(str::trim).collect()
}

#[test]
fn keys_and_typed_text_are_refused_out_loud_and_change_nothing() {
    let office = Office::new(None, Status::Draft);
    let mut app = office.open("kumin01", false);
    update(&mut app, Action::Resize(SMALL.0, SMALL.1));
    assert!(app.layout().too_small);
    let (cursor, focus) = (app.cursor(), app.focus());
    for key in [KeyCode::Char('j'), KeyCode::Enter, KeyCode::Tab, KeyCode::Char('?'), KeyCode::Char('あ')] {
        press(&mut app, key);
        assert_eq!((app.cursor(), app.focus()), (cursor, focus), "{key:?} moved something");
        assert!(matches!(app.mode(), Mode::Browse), "{key:?} opened something");
        assert!(message(&app).contains("このキーも入力した文字も受け付けていません"), "{key:?}: {}", message(&app));
    }
    update(&mut app, Action::Paste("貼り付け".into()));
    assert!(message(&app).contains("受け付けていません"));
    let shown = words(&mut app);
    for part in ["この大きさで使えるのは", "Ctrl-L:再描画", "Ctrl-S:保存", "q:終了", "だけです"] {
        assert!(shown.contains(part), "{part}: {shown}");
    }
    assert!(shown.contains("入力した文字も受け付けていません"), "the refusal is on the small screen: {shown}");
    let effects = common::keys::ctrl(&mut app, 'l');
    assert!(effects.contains(&Effect::Redraw), "Ctrl-L redraws");
    assert_eq!(office.doc(), hyoka::store::parse_document(&office.text()).unwrap());
    assert_eq!(app.section(SOMU), office.doc().section(0, 0), "nothing changed on screen either");
}

#[test]
fn text_being_typed_is_kept_and_ctrl_s_saves_it_at_the_smallest_size() {
    let office = Office::new(None, Status::Draft);
    let mut app = office.open("kumin01", false);
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    press(&mut app, KeyCode::Enter);
    for c in "（追記）".chars() {
        update(&mut app, Action::Type(c));
    }
    update(&mut app, Action::Resize(SMALL.0, SMALL.1));
    assert!(matches!(app.mode(), Mode::Browse), "the editor cannot be seen: the edit ends, its text kept");
    update(&mut app, Action::Type('x'));
    assert!(message(&app).contains("受け付けていません"));
    assert!(app.section(SOMU).unwrap().reflection.ends_with("（追記）"), "kept, and nothing after it");
    ctrl(&mut app, 's');
    assert!(office.doc().section(0, 0).unwrap().reflection.ends_with("（追記）"), "Ctrl-S saves");
    assert!(words(&mut app).contains("保存しました"), "and the small screen says so");
}

#[test]
fn quitting_with_unsaved_work_asks_on_the_small_screen() {
    let office = Office::new(None, Status::Draft);
    let before = office.text();
    let mut app = office.open("kumin01", false);
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "4");
    update(&mut app, Action::Resize(SMALL.0, SMALL.1));
    keys(&mut app, "q");
    assert!(matches!(app.mode(), Mode::ConfirmQuit));
    let shown = words(&mut app);
    assert!(shown.contains("保存していない変更があります（1課）"), "{shown}");
    assert!(shown.contains("s:保存して終了  d:保存せず終了  Esc:戻る"), "{shown}");
    insta::assert_snapshot!(small(&mut app));
    keys(&mut app, "d");
    assert!(app.should_quit());
    assert_eq!(office.text(), before, "quit without saving writes nothing");
}

#[test]
fn a_comment_being_written_stays_when_the_screen_shrinks_and_nothing_is_typed_into_it() {
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let mut app = office.open("suzuki", true);
    keys(&mut app, "R");
    update(&mut app, Action::Paste("数値を".into()));
    update(&mut app, Action::Resize(SMALL.0, SMALL.1));
    keys(&mut app, "abc");
    let Mode::Comment(dialog) = app.mode() else { panic!("still open, unseen") };
    assert_eq!(dialog.text(), "数値を", "nothing typed into what cannot be seen");
    keys(&mut app, "q");
    assert!(matches!(app.mode(), Mode::ConfirmQuit), "a comment not sent is asked about");
    assert_eq!(app.draft(SOMU), Some("数値を"), "kept as the section's draft");
}
