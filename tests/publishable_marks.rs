//! A section the published table cannot carry is found while it is written (issue 21, point 15):
//! the tree marks it `?` and the pane concerned says why, in the words `hyoka check --publishable`
//! uses, while the text is being typed and after.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::app::{SOMU, sample_app};
use common::draw::draw;
use common::keys::{ctrl, press};
use common::reach::{command, focus};
use common::terminal::screen_text;
use hyoka::app::{Action, Focus, Mode, update};
use hyoka::command::Command;
use hyoka::interchange::tsv::publishable_problems;
use hyoka::model::Field;
use ratatui::crossterm::event::KeyCode;

const WHY: &str = "「・」で始まらない行があります";

/// The tree's row of 総務課 at 80×24 (the fourth row).
fn somu_row(app: &mut hyoka::app::App) -> String {
    screen_text(&draw(app, 80, 24)).lines().nth(3).unwrap().to_owned()
}

/// The reflection pane's words, joined (it wraps them).
fn pane_words(app: &mut hyoka::app::App) -> String {
    let buffer = draw(app, 100, 30);
    let area = app.layout().reflection;
    (area.y..area.bottom())
        .map(|y| (area.x..area.right()).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<String>()
        .replace([' ', '│'], "")
}

#[test]
fn a_reflection_line_not_starting_with_a_bullet_is_said_while_it_is_typed_and_marked_in_the_tree() {
    let mut app = sample_app();
    assert!(!somu_row(&mut app).contains('?'), "the sample can be published");
    focus(&mut app, Focus::Pane(Field::Reflection));
    command(&mut app, Command::Edit);
    ctrl(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    for c in "来年度も続ける。".chars() {
        update(&mut app, Action::Type(c));
    }
    assert!(matches!(app.mode(), Mode::Editing(_)));
    let (pane, lines) = app.layout().flaw.clone().expect("said while typing");
    assert_eq!(pane, Field::Reflection);
    assert!(lines.concat().contains(WHY), "{lines:?}");
    assert!(pane_words(&mut app).contains(WHY), "drawn in the pane being edited");

    press(&mut app, KeyCode::Esc);
    let doc = app.doc(0).unwrap().clone();
    let check = publishable_problems(&doc);
    assert_eq!(check.len(), 1, "what hyoka check --publishable finds");
    // Where check names the section, the pane, being the section's, names the field alone.
    let said = check[0].describe(hyoka::i18n::Lang::Ja).replace("区民部 総務課の", "");
    let shown = pane_words(&mut app);
    assert!(shown.contains(&said.replace(' ', "")), "the pane says what check says: {said}\n{shown}");
    let row = somu_row(&mut app);
    assert!(row.contains("?総務課"), "marked in the tree: {row}");
    insta::assert_snapshot!(screen_text(&draw(&mut app, 80, 24)));

    command(&mut app, Command::Undo);
    assert!(app.layout().flaw.is_none(), "undone: nothing to say");
    assert!(!somu_row(&mut app).contains('?'));
}

#[test]
fn a_circled_number_inside_a_goal_is_said_in_the_goals_pane() {
    let mut app = sample_app();
    focus(&mut app, Focus::Pane(Field::Goals));
    command(&mut app, Command::AddGoalAfter);
    update(&mut app, Action::Paste("窓口の待ち時間を②分にします。".into()));
    let (pane, lines) = app.layout().flaw.clone().expect("said while typing");
    assert_eq!(pane, Field::Goals);
    assert!(lines.concat().contains("丸数字「②」"), "{lines:?}");
    press(&mut app, KeyCode::Esc);
    assert!(!app.publishable(SOMU));
}

#[test]
fn a_folded_division_says_one_of_its_sections_cannot_be_published() {
    let mut app = common::app::sample_with(hyoka::i18n::Lang::Ja, |doc| {
        doc.divisions[0].sections[1].progress = "・一つ目\n二つ目".into();
    });
    common::reach::go_to(&mut app, hyoka::app::Node::Division(0, 0));
    command(&mut app, Command::Collapse);
    let row = screen_text(&draw(&mut app, 80, 24)).lines().nth(2).unwrap().to_owned();
    assert!(row.contains("▸ 区民部 ?"), "{row}");
}
