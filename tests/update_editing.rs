//! Keys → state in the editor, the goals and the rating: typing, Esc, undo and redo, pasting,
//! Ctrl-S while editing, goals added, moved and removed, the rating set, cycled and cleared.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::app::{at, sample_app, selected_name};
use common::keys::{ctrl, keys, press};
use hyoka::app::{Action, App, Effect, Focus, Mode, SectionRef, update};
use hyoka::model::Field;
use ratatui::crossterm::event::KeyCode;

#[test]
fn editing_the_reflection_keeps_the_text_after_esc() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(&app.mode(), Mode::Editing(e) if e.field == Field::Reflection));
    keys(&mut app, "追記");
    assert!(app.has_unsaved(), "text in the editor counts as unsaved");
    assert!(!app.is_section_dirty(at(0, 0)), "not yet in the document");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse));
    let reflection = app.section(at(0, 0)).map(|s| s.reflection.clone()).unwrap_or_default();
    assert!(reflection.ends_with("今後は充実していく。追記"), "{reflection}");
    assert!(app.is_section_dirty(at(0, 0)));
}

#[test]
fn undo_and_redo_inside_the_editor() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Progress));
    press(&mut app, KeyCode::Char('i'));
    keys(&mut app, "あ");
    ctrl(&mut app, 'z');
    let Mode::Editing(editor) = &app.mode() else { panic!("still editing") };
    assert!(!editor.textarea.lines().join("\n").ends_with('あ'));
    ctrl(&mut app, 'y');
    let Mode::Editing(editor) = &app.mode() else { panic!("still editing") };
    assert!(editor.textarea.lines().join("\n").ends_with('あ'));
}

#[test]
fn pasted_text_keeps_its_line_breaks() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Progress));
    press(&mut app, KeyCode::Enter);
    update(&mut app, Action::Paste("\r・一行目\r\n・二行目".into()));
    press(&mut app, KeyCode::Esc);
    let progress = app.section(at(0, 0)).map(|s| s.progress.clone()).unwrap_or_default();
    assert!(progress.ends_with("挙げられた。\n・一行目\n・二行目"), "{progress}");
}

#[test]
fn ctrl_s_while_editing_ends_the_edit_and_saves() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "。");
    let effects = ctrl(&mut app, 's');
    assert!(matches!(&effects[..], [Effect::Save(jobs)] if jobs.len() == 1), "{effects:?}");
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(app.is_section_dirty(at(0, 0)), "the text reached the document before the save");
    let Some(Effect::Save(jobs)) = effects.first() else { unreachable!() };
    assert!(jobs[0].mine.divisions[0].sections[0].reflection.ends_with('。'), "the save carries the typed text");
}

#[test]
fn goals_are_added_removed_and_reordered_as_a_list() {
    let mut app = sample_app();
    let goals = |app: &App| app.section(at(0, 0)).map(|s| s.goals.clone()).unwrap_or_default();
    let original = goals(&app);
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    keys(&mut app, "j");
    assert_eq!(app.goal_cursor(), 1);
    keys(&mut app, "a");
    assert!(matches!(&app.mode(), Mode::Editing(e) if e.field == Field::Goals && e.goal == 2));
    keys(&mut app, "新しい目標");
    press(&mut app, KeyCode::Esc);
    assert_eq!(goals(&app), [original[0].clone(), original[1].clone(), "新しい目標".into()]);
    assert_eq!(app.goal_cursor(), 2);
    keys(&mut app, "KK");
    assert_eq!(goals(&app)[0], "新しい目標");
    assert_eq!(app.goal_cursor(), 0);
    keys(&mut app, "d");
    assert_eq!(goals(&app), original);
    keys(&mut app, "u");
    assert_eq!(goals(&app)[0], "新しい目標", "u brings the removed goal back");
    ctrl(&mut app, 'r');
    assert_eq!(goals(&app), original, "Ctrl-R removes it again");
}

#[test]
fn a_goal_added_and_left_empty_disappears() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    keys(&mut app, "O");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.section(at(0, 0)).map(|s| s.goals.len()), Some(2));
    assert!(!app.has_unsaved());
    assert!(!app.history().can_undo(), "no undo step for nothing");
}

#[test]
fn the_goal_intro_is_a_row_of_its_own() {
    let mut app = sample_app();
    keys(&mut app, "jj");
    assert_eq!(selected_name(&app), "市民窓口課");
    let rows = hyoka::app::goal_rows(app.section(at(0, 2)).expect("市民窓口課"));
    assert_eq!(rows, [(Field::GoalsIntro, 0), (Field::Goals, 0), (Field::Goals, 1)]);
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(&app.mode(), Mode::Editing(e) if e.field == Field::GoalsIntro));
}

#[test]
fn the_rating_is_set_by_number_cycled_and_cleared() {
    let mut app = sample_app();
    let rating = |app: &App| app.section(at(0, 0)).and_then(|s| s.rating.clone());
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "3");
    assert_eq!(rating(&app).as_deref(), Some("△"));
    keys(&mut app, " ");
    assert_eq!(rating(&app).as_deref(), Some("×"));
    keys(&mut app, " ");
    assert_eq!(rating(&app), None, "after the last mark comes 'not rated'");
    keys(&mut app, " ");
    assert_eq!(rating(&app).as_deref(), Some("◎"));
    press(&mut app, KeyCode::Left);
    assert_eq!(rating(&app), None);
    keys(&mut app, "1");
    keys(&mut app, "0");
    assert_eq!(rating(&app), None);
    keys(&mut app, "5");
    assert_eq!(app.message().as_ref().map(|m| m.text.as_str()), Some("達成度は 1〜4 で選んでください。"));
}

#[test]
fn undoing_a_new_goal_removes_it_whole() {
    let mut app = sample_app();
    let goals = |app: &App| app.section(SectionRef { file: 0, division: 0, section: 0 }).map(|s| s.goals.clone());
    let before = goals(&app);
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    keys(&mut app, "aテスト");
    press(&mut app, KeyCode::Esc);
    assert_eq!(goals(&app).map(|g| g.len()), Some(3));
    keys(&mut app, "u");
    assert_eq!(goals(&app), before, "no empty goal left behind");
    assert!(!app.has_unsaved());
    ctrl(&mut app, 'r');
    assert_eq!(goals(&app).map(|g| g[1].clone()), Some("テスト".to_owned()));
}
