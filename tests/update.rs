//! Keys → state: the key map and `update` together, without a terminal.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use hyoka::app::{Action, App, Effect, FileEntry, Focus, Mode, Node, SectionRef, action_for, update};
use hyoka::i18n::Lang;
use hyoka::model::Field;
use hyoka::store::parse_document;
use hyoka::worker::{Env, settle};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn app() -> App {
    let text = include_str!("../data/kamigyo/2008.yaml");
    let doc = parse_document(text).expect("sample parses");
    let entry = FileEntry::loaded("data/kamigyo/2008.yaml", doc, text);
    App::new(vec![entry], common::state::settings(Lang::Ja))
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, modifiers)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_with(app, code, KeyModifiers::NONE)
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    press_with(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Types text as a clerk does, one key per character.
fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
        press_with(app, KeyCode::Char(c), modifiers);
    }
}

fn env() -> Env {
    Env::new(Lang::Ja, None)
}

/// `e`, the format chosen with Tab, the path typed over the proposed one, Enter, and the export
/// carried out as the worker does.
fn export_to(app: &mut App, format: hyoka::interchange::Format, path: &std::path::Path) {
    keys(app, "e");
    while !matches!(&app.mode(), Mode::Export(d) if d.format == format) {
        press(app, KeyCode::Tab);
    }
    press(app, KeyCode::End);
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
    update(app, Action::Paste(path.display().to_string()));
    let effects = press(app, KeyCode::Enter);
    settle(app, effects, &env());
}

fn at(division: usize, section: usize) -> SectionRef {
    SectionRef { file: 0, division, section }
}

fn selected_name(app: &App) -> String {
    app.selected().and_then(|s| app.section(s)).map(|s| s.name.clone()).unwrap_or_default()
}

#[test]
fn the_app_opens_on_the_first_section() {
    let app = app();
    assert_eq!(app.cursor(), Node::Section(at(0, 0)));
    assert_eq!(selected_name(&app), "総務課");
}

#[test]
fn moving_through_the_tree_with_vim_keys_and_arrows() {
    let mut app = app();
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
    let mut app = app();
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
    let mut app = app();
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
    let mut app = app();
    keys(&mut app, "g");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::Tree);
    assert_eq!(app.message().as_ref().map(|m| m.text.as_str()), Some("一覧で課を選んでください。"));
}

#[test]
fn editing_the_reflection_keeps_the_text_after_esc() {
    let mut app = app();
    common::state::focus(&mut app, Focus::Pane(Field::Reflection));
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
    let mut app = app();
    common::state::focus(&mut app, Focus::Pane(Field::Progress));
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
    let mut app = app();
    common::state::focus(&mut app, Focus::Pane(Field::Progress));
    press(&mut app, KeyCode::Enter);
    update(&mut app, Action::Paste("\r・一行目\r\n・二行目".into()));
    press(&mut app, KeyCode::Esc);
    let progress = app.section(at(0, 0)).map(|s| s.progress.clone()).unwrap_or_default();
    assert!(progress.ends_with("挙げられた。\n・一行目\n・二行目"), "{progress}");
}

#[test]
fn ctrl_s_while_editing_ends_the_edit_and_saves() {
    let mut app = app();
    common::state::focus(&mut app, Focus::Pane(Field::Reflection));
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
    let mut app = app();
    let goals = |app: &App| app.section(at(0, 0)).map(|s| s.goals.clone()).unwrap_or_default();
    let original = goals(&app);
    common::state::focus(&mut app, Focus::Pane(Field::Goals));
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
    let mut app = app();
    common::state::focus(&mut app, Focus::Pane(Field::Goals));
    keys(&mut app, "O");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.section(at(0, 0)).map(|s| s.goals.len()), Some(2));
    assert!(!app.has_unsaved());
    assert!(!app.history().can_undo(), "no undo step for nothing");
}

#[test]
fn the_goal_intro_is_a_row_of_its_own() {
    let mut app = app();
    keys(&mut app, "jj");
    assert_eq!(selected_name(&app), "市民窓口課");
    let rows = hyoka::app::goal_rows(app.section(at(0, 2)).expect("市民窓口課"));
    assert_eq!(rows, [(Field::GoalsIntro, 0), (Field::Goals, 0), (Field::Goals, 1)]);
    common::state::focus(&mut app, Focus::Pane(Field::Goals));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(&app.mode(), Mode::Editing(e) if e.field == Field::GoalsIntro));
}

#[test]
fn the_rating_is_set_by_number_cycled_and_cleared() {
    let mut app = app();
    let rating = |app: &App| app.section(at(0, 0)).and_then(|s| s.rating.clone());
    common::state::focus(&mut app, Focus::Pane(Field::Rating));
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
fn quitting_without_changes_is_immediate() {
    let mut app = app();
    keys(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn quitting_with_changes_asks_first() {
    let mut app = app();
    common::state::focus(&mut app, Focus::Pane(Field::Rating));
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
    let mut app = app();
    keys(&mut app, "?");
    assert!(matches!(app.mode(), Mode::Help { scroll: 0 }));
    keys(&mut app, "j");
    assert!(matches!(app.mode(), Mode::Help { scroll: 1 }));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse));
}

#[test]
fn ctrl_s_asks_for_a_save_and_ctrl_c_quits() {
    let mut app = app();
    assert!(ctrl(&mut app, 's').is_empty(), "nothing to save: no work for the worker");
    assert_eq!(app.message().as_ref().map(|m| m.text.as_str()), Some("保存する変更はありません。"));
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
    let mut app = self::app();
    common::state::focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "1");
    assert!(matches!(&ctrl(&mut app, 's')[..], [Effect::Save(_)]), "with a change, the worker saves");
}

#[test]
fn scrolling_a_long_text_stops_at_its_end() {
    let mut app = app();
    update(&mut app, Action::Resize(80, 24));
    keys(&mut app, "jjjjj");
    assert_eq!(selected_name(&app), "納税課");
    common::state::focus(&mut app, Focus::Pane(Field::Reflection));
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
fn e_opens_the_export_dialog_next_to_the_data_file() {
    use hyoka::interchange::Format;
    let mut app = app();
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
    use hyoka::interchange::Format;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out/2008.md");
    let mut app = app();
    export_to(&mut app, Format::Md, &out);
    assert!(matches!(&app.mode(), Mode::Export(d) if d.confirm_folder), "the folder out/ is asked about first");
    assert!(!out.parent().unwrap().exists(), "and not made before the clerk says so");
    let effects = press(&mut app, KeyCode::Enter);
    settle(&mut app, effects, &env());
    assert!(matches!(app.mode(), Mode::Browse));
    let message = app.message().cloned().map(|m| m.text).unwrap_or_default();
    assert_eq!(message, format!("書き出しました: {}", out.display()));
    assert!(std::fs::read_to_string(&out).is_ok_and(|t| t.contains("| 総務課 |") || t.contains("総務課")));
    export_to(&mut app, Format::Md, &out);
    assert!(matches!(&app.mode(), Mode::Export(d) if d.confirm_overwrite), "asks first");
    let effects = press(&mut app, KeyCode::Enter);
    settle(&mut app, effects, &env());
    assert!(matches!(app.mode(), Mode::Browse));
}

#[test]
fn esc_and_a_key_in_one_read_are_both_obeyed() {
    let mut app = app();
    common::state::focus(&mut app, Focus::Pane(Field::Reflection));
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

#[test]
fn undoing_a_new_goal_removes_it_whole() {
    let mut app = app();
    let goals = |app: &App| app.section(SectionRef { file: 0, division: 0, section: 0 }).map(|s| s.goals.clone());
    let before = goals(&app);
    common::state::focus(&mut app, Focus::Pane(Field::Goals));
    keys(&mut app, "aテスト");
    press(&mut app, KeyCode::Esc);
    assert_eq!(goals(&app).map(|g| g.len()), Some(3));
    keys(&mut app, "u");
    assert_eq!(goals(&app), before, "no empty goal left behind");
    assert!(!app.has_unsaved());
    ctrl(&mut app, 'r');
    assert_eq!(goals(&app).map(|g| g[1].clone()), Some("テスト".to_owned()));
}

#[test]
fn an_export_never_goes_over_a_data_file() {
    use hyoka::interchange::Format;
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("2008.yaml");
    std::fs::write(&target, "organization: x\n").expect("write");
    let mut app = app();
    export_to(&mut app, Format::Html, &target);
    assert_eq!(std::fs::read_to_string(&target).ok().as_deref(), Some("organization: x\n"));
    assert!(app.message().as_ref().is_some_and(|m| m.text.contains("データファイル（.yaml）には書き出せません")));
}
