//! Smaller defects of issue 21 (points 7 and 12): the table's and the tree's last page is full;
//! the filter's label reads in the scale's order; undo names the field it took back; a redo of a
//! submission keeps who handed it in and when.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod cyclekit;
mod reviewkit;

use common::app::{SOMU, sample_app};
use common::draw::draw;
use common::keys::{ctrl, keys, press};
use common::reach::{command, focus};
use common::terminal::screen_text;
use hyoka::app::{Focus, Mode, update};
use hyoka::command::Command;
use hyoka::model::{Field, Stage, Status};
use ratatui::crossterm::event::KeyCode;

fn table(app: &hyoka::app::App) -> &hyoka::app::review::TableView {
    match app.mode() {
        Mode::Table(view) => view,
        _ => panic!("the table is not open"),
    }
}

#[test]
fn the_tables_last_page_is_full_after_g_and_after_page_down() {
    let mut app = reviewkit::city();
    keys(&mut app, "t");
    let rows = table(&app).rows.len();
    // 30 rows: the two status lines, the borders and the heading leave 25.
    keys(&mut app, "G");
    assert_eq!((table(&app).cursor, table(&app).offset), (rows - 1, rows - 25), "G");
    let screen = screen_text(&draw(&mut app, 100, 30));
    let shown: Vec<&str> = screen.lines().skip(2).take(25).collect();
    assert!(shown.iter().all(|l| l.contains("役所")), "25 rows of sections, none blank:\n{screen}");
    insta::assert_snapshot!(screen);

    keys(&mut app, "g");
    assert_eq!(table(&app).offset, 0);
    for _ in 0..3 {
        press(&mut app, KeyCode::PageDown);
    }
    assert_eq!((table(&app).cursor, table(&app).offset), (rows - 1, rows - 25), "PageDown ×3");
    press(&mut app, KeyCode::PageUp);
    assert!(table(&app).offset <= table(&app).cursor, "the cursor stays on screen");
    keys(&mut app, "G");
    update(&mut app, hyoka::app::Action::Resize(100, 40));
    assert_eq!(table(&app).offset, rows - 35, "a taller screen: still a full last page");
}

#[test]
fn the_trees_last_page_is_full_too() {
    let mut app = sample_app();
    update(&mut app, hyoka::app::Action::Resize(80, 15));
    command(&mut app, Command::Last);
    let nodes = app.visible_nodes().len();
    let rows = usize::from(app.layout().tree.height - 2);
    assert_eq!(app.tree_offset(), nodes - rows, "the last {rows} rows, not {} of them", nodes % rows);
    let screen = screen_text(&draw(&mut app, 80, 15));
    assert!(screen.lines().nth(rows).unwrap().contains("衛生課"), "{screen}");
}

#[test]
fn the_filters_label_reads_in_the_scales_order() {
    let mut app = reviewkit::city();
    keys(&mut app, "f");
    // ◎ ○ △ × are the first four rows: × ticked first, then △.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, " ");
    press(&mut app, KeyCode::Up);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    let status = screen_text(&draw(&mut app, 100, 30)).lines().nth(28).unwrap().to_owned();
    assert!(status.contains("［絞込 △×］"), "{status}");
}

#[test]
fn undo_and_redo_name_the_field() {
    let mut app = sample_app();
    focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "4");
    keys(&mut app, "u");
    assert_eq!(app.message().unwrap().text, "総務課の目標達成度を元に戻しました。");
    ctrl(&mut app, 'r');
    assert_eq!(app.message().unwrap().text, "総務課の目標達成度の変更をやり直しました。");
}

#[test]
fn a_redone_submission_still_says_who_handed_it_in_and_when() {
    let office = cyclekit::Office::new(Some(Stage::Goals), Status::Draft);
    let mut app = office.open("kumin01", false);
    cyclekit::keys(&mut app, "s");
    cyclekit::keys(&mut app, "y");
    let head = |app: &mut hyoka::app::App| screen_text(&draw(app, 100, 30)).lines().next().unwrap().to_owned();
    assert!(head(&mut app).contains("提出済み（kumin01 令和8年11月26日 10:00）"), "{}", head(&mut app));
    cyclekit::keys(&mut app, "u");
    assert_eq!(app.section(SOMU).unwrap().status, Status::Draft);
    cyclekit::ctrl(&mut app, 'r');
    assert_eq!(app.section(SOMU).unwrap().status, Status::Submitted);
    assert!(!app.has_unsaved(), "what is on disk again");
    assert!(head(&mut app).contains("提出済み（kumin01 令和8年11月26日 10:00）"), "{}", head(&mut app));
    assert_eq!(app.section(SOMU), office.doc().section(0, 0), "with the stamps the save wrote");
}
