//! Hints show only what can be done here, now, and messages name the keys the table in force binds
//! (issue 21, points 10 and 17): a submitted section offers its clerk no editing key, a returned or
//! approved one no approval; a user who rebinds a key is told the right one; the table hands its
//! hints out as data; a status is worded in the screen's language.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod cyclekit;

use std::collections::BTreeMap;

use common::draw::draw;
use common::reach::focus;
use common::terminal::screen_text;
use cyclekit::*;
use hyoka::app::keymap::Keymap;
use hyoka::app::{Action, Focus, Settings, update};
use hyoka::command::{Command, Context};
use hyoka::i18n::Lang;
use hyoka::model::{Field, Stage, Status};
use ratatui::crossterm::event::KeyCode;

/// The pane's title row (its top border) at 100×30.
fn title_of(app: &mut hyoka::app::App, field: Field) -> String {
    let screen = screen_text(&draw(app, 100, 30));
    let y = usize::from(app.layout().pane(field).y);
    screen.lines().nth(y).unwrap().to_owned()
}

#[test]
fn a_submitted_section_offers_its_clerk_no_editing_key_anywhere() {
    let office = Office::new(Some(Stage::Yearend), Status::Submitted);
    let mut clerk = office.open_in_data("kumin01", false);
    focus(&mut clerk, Focus::Pane(Field::Goals));
    let goals = title_of(&mut clerk, Field::Goals);
    for refused in ["Enter:編集", "a:追加", "d:削除"] {
        assert!(!goals.contains(refused), "{refused} in {goals}");
    }
    focus(&mut clerk, Focus::Pane(Field::Rating));
    let screen = screen_text(&draw(&mut clerk, 100, 30));
    assert!(!screen.contains("1-4:") && !screen.contains("1:◎") && !screen.contains("Space:切替"), "{screen}");
    assert!(!clerk.hint_line().contains("s:提出"), "submitted already: {}", clerk.hint_line());
    // The key table says the same as the keys: pressed anyway, they are refused and say why.
    keys(&mut clerk, "3");
    assert!(message(&clerk).contains("差し戻されるまで変更できません"));
    insta::assert_snapshot!(screen);

    // The reviewer may correct it: the same pane offers the rating keys.
    let mut reviewer = office.open_in_data("suzuki", true);
    focus(&mut reviewer, Focus::Pane(Field::Goals));
    assert!(title_of(&mut reviewer, Field::Goals).contains("Enter:編集 a:追加 d:削除"));
}

#[test]
fn approval_and_return_are_offered_only_where_they_apply() {
    for (status, offered) in
        [(Status::Submitted, "A:承認 R:差戻し"), (Status::Approved, "R:差戻し"), (Status::Returned, "")]
    {
        let office = Office::new(Some(Stage::Goals), status);
        let mut reviewer = office.open_in_data("suzuki", true);
        let screen = screen_text(&draw(&mut reviewer, 100, 30));
        let banner = screen.lines().next().unwrap().to_owned();
        assert_eq!(banner.contains("A:承認"), offered.contains("A:"), "{status:?}: {banner}");
        assert_eq!(banner.contains("R:差戻し"), offered.contains("R:"), "{status:?}: {banner}");
        let mut clerk = office.open_in_data("kumin01", false);
        let banner = screen_text(&draw(&mut clerk, 100, 30)).lines().next().unwrap().to_owned();
        assert!(!banner.contains("A:承認") && !banner.contains("R:差戻し"), "a clerk decides nothing: {banner}");
    }
}

/// The sample opened by a reviewer whose settings file rebinds undo, save and the comment's cancel.
fn rebound(office: &Office) -> hyoka::app::App {
    let overrides: BTreeMap<String, Vec<String>> = [("undo", "U"), ("save", "F2"), ("comment.cancel", "F9")]
        .into_iter()
        .map(|(name, key)| (name.to_owned(), vec![key.to_owned()]))
        .collect();
    let keymap = Keymap::with_overrides(&overrides).unwrap();
    let settings = Settings { keymap, ..Settings::new(Lang::Ja).known_as("suzuki", true) };
    office.open_with(settings, |_| {})
}

#[test]
fn messages_name_the_keys_the_settings_file_binds() {
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let mut app = rebound(&office);
    focus(&mut app, Focus::Pane(Field::Goals));
    press(&mut app, KeyCode::Char('d'));
    assert!(message(&app).contains("U で元に戻せます"), "{}", message(&app));
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "R");
    ctrl(&mut app, 's');
    assert!(message(&app).contains("F9 でやめます"), "{}", message(&app));
    update(&mut app, Action::Paste("数値を".into()));
    press(&mut app, KeyCode::F(9));
    assert!(message(&app).contains("書いた理由は残してあります（R で続きを書けます"), "{}", message(&app));
    // The help speaks of the other keys as they are bound too.
    let help = app.keymap().help(Lang::Ja);
    assert!(help.iter().any(|r| r.does == "目標を削除（U で戻せます）"), "{help:?}");
    // The key table's words for a key that has none left.
    assert_eq!(app.keymap().key_name(Context::Global, Command::Save), "F2");
    let none = Keymap::with_overrides(&[("save".to_owned(), vec![])].into_iter().collect()).unwrap();
    assert_eq!(none.key_name(Context::Global, Command::Save), "[save]");
}

#[test]
fn the_table_hands_out_hints_as_data_and_a_status_is_worded_in_english() {
    let map = Keymap::default();
    let hints = map.hints_now(&[Context::Goals, Context::Pane, Context::Global], Lang::Ja, None);
    let first: Vec<(&str, &str)> = hints.iter().take(3).map(|h| (h.keys.as_str(), h.label)).collect();
    assert_eq!(first, [("Enter", "編集"), ("a", "追加"), ("d", "削除")]);
    // A label with two spaces in it cannot split a hint: the pieces are data, not a string.
    assert!(hints.iter().all(|h| !h.keys.is_empty() && !h.label.is_empty()));

    assert_eq!(Status::Approved.word(Lang::En), "approved");
    assert_eq!(Status::Approved.word(Lang::Ja), "承認済み");
    let mut section = hyoka::model::Section::new("総務課");
    section.status = Status::Submitted;
    assert_eq!(Field::Status.shown(&section, Lang::En), "submitted");
    assert_eq!(Field::Status.text(&section), "提出済み", "the text form merges and journals keep");
}
