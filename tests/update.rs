//! Keys → state, without a terminal: the tree, the panes, the quit dialog, help, scrolling.
//! (The editor, goals and rating: `update_editing.rs`; the export dialog: `update_export.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::app::{at, sample_app, selected_name};
use common::keys::{ctrl, keys, press};
use hyoka::app::{Action, Effect, Focus, Mode, Node, action_for, update};
use hyoka::model::Field;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn the_app_opens_on_the_first_section() {
    let app = sample_app();
    assert_eq!(app.cursor(), Node::Section(at(0, 0)));
    assert_eq!(selected_name(&app), "総務課");
}

#[test]
fn moving_through_the_tree_with_vim_keys_and_arrows() {
    let mut app = sample_app();
    keys(&mut app, "jjj");
    assert_eq!(selected_name(&app), "市民税課");
    press(&mut app, KeyCode::Up);
    assert_eq!(selected_name(&app), "市民窓口課");
    keys(&mut app, "G");
    assert_eq!(selected_name(&app), "衛生課");
    keys(&mut app, "g");
    assert_eq!(app.cursor(), Node::File(0));
}

#[test]
fn folding_and_unfolding_divisions() {
    let mut app = sample_app();
    keys(&mut app, "h");
    assert_eq!(app.cursor(), Node::Division(0, 0), "h on a section goes to its division");
    keys(&mut app, "h");
    assert!(app.collapsed().contains(&Node::Division(0, 0)));
    keys(&mut app, "j");
    assert_eq!(app.cursor(), Node::Division(0, 1), "the hidden sections are skipped");
    keys(&mut app, "kl");
    assert!(!app.collapsed().contains(&Node::Division(0, 0)));
    keys(&mut app, "l");
    assert_eq!(selected_name(&app), "総務課", "l on an open division steps into it");
    keys(&mut app, "k");
    press(&mut app, KeyCode::Enter);
    assert!(app.collapsed().contains(&Node::Division(0, 0)), "Enter folds a division");
}

#[test]
fn enter_opens_a_section_and_tab_cycles_the_panes() {
    let mut app = sample_app();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Pane(Field::Goals));
    let mut seen = vec![];
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.focus());
    }
    assert_eq!(
        seen,
        [Focus::Pane(Field::Progress), Focus::Pane(Field::Rating), Focus::Pane(Field::Reflection), Focus::Tree]
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus(), Focus::Pane(Field::Reflection));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Tree);
}

#[test]
fn tab_without_a_section_stays_in_the_tree_and_says_why() {
    let mut app = sample_app();
    keys(&mut app, "g");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::Tree);
    assert_eq!(app.message().as_ref().map(|m| m.text.as_str()), Some("一覧で課を選んでください。"));
}

#[test]
fn quitting_without_changes_is_immediate() {
    let mut app = sample_app();
    keys(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn quitting_with_changes_asks_first() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "4q");
    assert!(matches!(app.mode(), Mode::ConfirmQuit));
    assert!(!app.should_quit());
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse) && !app.should_quit(), "Esc goes back");
    keys(&mut app, "q");
    let effects = press(&mut app, KeyCode::Char('s'));
    assert!(matches!(&effects[..], [Effect::Save(_)]), "s saves, then quits: {effects:?}");
    assert!(app.quit_after_save());
    keys(&mut app, "q");
    keys(&mut app, "d");
    assert!(app.should_quit(), "d quits without saving");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = sample_app();
    keys(&mut app, "?");
    assert!(matches!(app.mode(), Mode::Help { scroll: 0 }));
    keys(&mut app, "j");
    assert!(matches!(app.mode(), Mode::Help { scroll: 1 }));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse));
}

#[test]
fn ctrl_s_asks_for_a_save_and_ctrl_c_quits() {
    let mut app = sample_app();
    assert!(ctrl(&mut app, 's').is_empty(), "nothing to save: no work for the worker");
    assert_eq!(app.message().as_ref().map(|m| m.text.as_str()), Some("保存する変更はありません。"));
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "1");
    assert!(matches!(&ctrl(&mut app, 's')[..], [Effect::Save(_)]), "with a change, the worker saves");
}

#[test]
fn scrolling_a_long_text_stops_at_its_end() {
    let mut app = sample_app();
    update(&mut app, Action::Resize(80, 24));
    keys(&mut app, "jjjjj");
    assert_eq!(selected_name(&app), "納税課");
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    for _ in 0..50 {
        keys(&mut app, "j");
    }
    let max = app.layout().overflow(Field::Reflection);
    assert!(max > 0, "納税課's reflection is longer than the pane at 80×24");
    assert_eq!(app.scroll().reflection, max);
    keys(&mut app, "k");
    assert_eq!(app.scroll().reflection, max - 1, "one key back up is one line");
}

#[test]
fn esc_and_a_key_in_one_read_are_both_obeyed() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    press(&mut app, KeyCode::Enter);
    // Esc then z, read together: the terminal reports Alt+z.
    let alt_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::ALT);
    for key in hyoka::app::split_escape(alt_z) {
        if let Some(action) = action_for(&app, key) {
            update(&mut app, action);
        }
    }
    assert!(matches!(app.mode(), Mode::Browse), "Esc ended the edit");
    assert_eq!(app.focus(), Focus::Pane(Field::Reflection));
    assert_eq!(app.zoom(), Some(Field::Reflection), "and z, the second key, was obeyed: the pane is zoomed");
    assert_eq!(hyoka::app::split_escape(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)).len(), 1);
}
