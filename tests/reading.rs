//! A city opens before its last file is read: the tree from the folders and each file's head, the
//! first file read whole, the rest read in the background nearest the cursor first and taken in
//! as they come; what needs every file works on what is read and says how far the reading is.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use std::path::Path;

use common::app::settings;
use common::draw::draw;
use common::keys::{keys, press};
use common::terminal::screen_text;
use common::workspace::Workspace;
use hyoka::app::{Action, App, Effect, FileState, Node, ReadJob, update};
use hyoka::i18n::Lang;
use hyoka::worker::{open_workspace, read_all};
use ratatui::crossterm::event::KeyCode;

/// The fixture city (two organisations × three years) and, last by its path, a file whose head
/// says nothing and which does not read.
fn city() -> Workspace {
    let ws = Workspace::review_city();
    ws.write("nishi/2008.yaml", "organization 西区役所\nfiscal_year: 2008\n  - : :\n");
    ws
}

/// The folder as the screen opens on it (named `data`, as in a repository), and the reading it
/// asks for when it starts.
fn opened(ws: &Workspace) -> (App, Vec<ReadJob>) {
    let mut files = open_workspace(ws.path()).unwrap();
    for entry in &mut files {
        entry.path = Path::new("data").join(entry.path.strip_prefix(ws.path()).unwrap());
        entry.root = "data".into();
    }
    let mut app = App::new(files, settings(Lang::Ja));
    update(&mut app, Action::Resize(100, 30));
    let jobs = update(&mut app, Action::Start)
        .into_iter()
        .find_map(|e| match e {
            Effect::Read { jobs, near } => {
                assert_eq!(near, 0, "from the cursor's file on");
                Some(jobs)
            }
            _ => None,
        })
        .expect("the files not read yet are asked for");
    (app, jobs)
}

fn screen(app: &mut App) -> String {
    screen_text(&draw(app, 100, 30))
}

/// The readers' work on `files`, from the folder where they are, taken in.
fn read(app: &mut App, ws: &Workspace, jobs: &[ReadJob], files: &[usize]) {
    let chosen = jobs
        .iter()
        .filter(|j| files.contains(&j.file))
        .map(|j| ReadJob { path: ws.path().join(j.path.strip_prefix("data").unwrap()), ..j.clone() });
    let mut read = read_all(chosen.collect(), 0);
    for (_, entry) in &mut read {
        if let FileState::Broken(error) = &mut entry.state {
            error.path = Path::new("data").join(error.path.strip_prefix(ws.path()).unwrap());
        }
    }
    update(app, Action::FilesRead(read));
}

#[test]
fn the_tree_opens_on_the_heads_and_fills_in_as_the_files_are_read() {
    let ws = city();
    let (mut app, jobs) = opened(&ws);
    assert_eq!(app.files().len(), 7);
    assert!(matches!(app.files()[0].state, FileState::Loaded(_)), "the first file is read before the first frame");
    assert_eq!(jobs.iter().map(|j| j.file).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(app.reading(), Some((1, 7)));
    let first = screen(&mut app);
    assert!(first.contains("│… 上京区役所 平成19年度"), "{first}");
    assert!(first.contains("│… 北山市役所 平成20年度"), "{first}");
    assert!(first.contains("│… nishi/2008.yaml "), "a head that says nothing: its path, in its place: {first}");
    assert!(first.contains("読み込み中 1/7"), "{first}");
    assert!(first.contains("上京区役所 平成18年度 › "), "the cursor opens on the first section: {first}");

    // The cursor goes to the last file: the readers are told, and read from there on.
    let effects = press(&mut app, KeyCode::Char('G'));
    assert_eq!(effects, [Effect::ReadNear(6)]);
    let order: Vec<usize> = read_all(jobs.clone(), 6).iter().map(|(f, _)| *f).collect();
    assert_eq!(order, [6, 5, 4, 3, 2, 1], "nearest the cursor first");
    assert!(press(&mut app, KeyCode::Char('j')).is_empty(), "told once, not at every key");

    // The file that does not read shows its error where its path put it.
    read(&mut app, &ws, &jobs, &[6]);
    let broken = screen(&mut app);
    assert!(broken.contains("│! 2008.yaml［読込エラー］"), "{broken}");
    assert!(broken.contains("読み込めないファイル"), "{broken}");
    assert!(broken.contains("読み込み中 2/7"), "{broken}");
    assert_eq!(app.cursor(), Node::File(6));

    read(&mut app, &ws, &jobs, &[1, 2, 3, 4, 5]);
    assert_eq!(app.reading(), None);
    assert_eq!(app.cursor(), Node::File(6), "the cursor stays where the clerk put it");
    let all = screen(&mut app);
    assert!(!all.contains("読み込み中") && !all.contains("│… "), "{all}");
    insta::assert_snapshot!(format!("{first}\n{broken}\n{all}"));
}

#[test]
fn the_row_under_the_cursor_stays_put_while_files_above_it_are_read() {
    let ws = city();
    let (mut app, jobs) = opened(&ws);
    update(&mut app, Action::Resize(100, 16));
    press(&mut app, KeyCode::Char('G'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('k'));
    }
    assert_eq!(app.cursor(), Node::File(3));
    let row = |app: &App| app.tree_rows().index_of(app.cursor()).unwrap() - app.tree_offset();
    read(&mut app, &ws, &jobs, &[4, 5]);
    let (before, top) = (row(&app), app.tree_rows().get(app.tree_offset()));
    assert_eq!(app.cursor(), Node::File(3));
    read(&mut app, &ws, &jobs, &[1, 2]);
    assert!(app.tree_rows().index_of(app.cursor()).unwrap() > 40, "the files above grew by their sections");
    assert_eq!((app.cursor(), row(&app)), (Node::File(3), before), "the cursor's row on the screen");
    assert_ne!(app.tree_rows().get(app.tree_offset()), top, "what is above it scrolled up");
}

#[test]
fn search_and_years_work_on_what_is_read_and_say_how_far_the_reading_is() {
    let ws = city();
    let (mut app, jobs) = opened(&ws);
    // `]` from 上京区役所 平成18年度: the next years are not read yet.
    press(&mut app, KeyCode::Char(']'));
    let said = app.message().unwrap().text.clone();
    assert!(said.contains("次の年度のファイルはありません") && said.contains("読み込み中 1/7"), "{said}");

    // A word only 北山市役所 writes: not found so far, and the search stays for the files to come.
    press(&mut app, KeyCode::Char('/'));
    keys(&mut app, "北山");
    press(&mut app, KeyCode::Enter);
    let said = app.message().unwrap().text.clone();
    assert!(
        said.contains("「北山」は見つかりません") && said.contains("まだ読んでいないファイルは含みません"),
        "{said}"
    );
    read(&mut app, &ws, &jobs, &[1, 2, 3, 4, 5, 6]);
    assert!(app.review().hits.total > 0, "the hits came with the files");

    press(&mut app, KeyCode::Char(']'));
    let said = app.message().unwrap().text.clone();
    assert!(said.contains("平成19年度") && !said.contains("読み込み中"), "{said}");
}

/// The real binary: the first frame shows the first file and names the others; they fill in, the
/// status line says how far, and the file that does not read shows its error in its place.
#[test]
fn the_screen_fills_in_as_the_files_are_read() {
    let ws = city();
    let mut tui = common::pty::Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    tui.wait_until("every file read", |t| !t.status_line().contains("読み込み中"));
    tui.press("G");
    tui.wait_for("読み込めないファイル");
    tui.wait_for("nishi/2008.yaml:1:1:");
    let screen = tui.screen_text();
    assert!(screen.contains("! 2008.yaml［読込エラー］"), "{}", tui.dump());
    assert!(screen.contains("▾ 保健部") && !screen.contains("│… "), "every file read: {}", tui.dump());
    tui.press("q");
    assert!(tui.wait_exit().success());
}

/// The readers finish a file before `t` is pressed, and it reaches the screen after: the table
/// opened in between takes it in when it comes (a file read on another thread is news however
/// its timing falls).
#[test]
fn the_table_takes_in_a_file_read_before_it_was_opened_and_delivered_after() {
    let ws = city();
    let (mut app, jobs) = opened(&ws);
    let rows = |app: &App| match app.mode() {
        hyoka::app::Mode::Table(view) => view.rows.len(),
        _ => panic!("the table is not open"),
    };
    let chosen =
        jobs.iter().map(|j| ReadJob { path: ws.path().join(j.path.strip_prefix("data").unwrap()), ..j.clone() });
    let read = read_all(chosen.collect(), 0);
    keys(&mut app, "t");
    let before = rows(&app);
    update(&mut app, Action::FilesRead(read));
    assert!(rows(&app) > before, "{} rows before, {} after", before, rows(&app));
    assert_eq!(rows(&app), 65, "every section of the city");
}

/// While files are still to come, a search takes in what the readers brought at the next tick
/// (not at each of their batches, which would go over every file read so far ten times a
/// second); the last batch is taken in at once.
#[test]
fn a_search_takes_in_the_files_read_at_the_next_tick_and_the_last_ones_at_once() {
    let ws = city();
    let (mut app, jobs) = opened(&ws);
    press(&mut app, KeyCode::Char('/'));
    keys(&mut app, "北山");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.review().hits.total, 0);
    // 北山市役所's files, while 上京区役所's 平成19・20年度 are still to come.
    let kitayama: Vec<usize> =
        jobs.iter().filter(|j| j.path.to_string_lossy().contains("kitayama")).map(|j| j.file).collect();
    assert!(!kitayama.is_empty() && kitayama.len() < jobs.len(), "{jobs:?}");
    read(&mut app, &ws, &jobs, &kitayama);
    assert_eq!(app.review().hits.total, 0, "not at the batch");
    update(&mut app, Action::Tick);
    let found = app.review().hits.total;
    assert!(found > 0, "at the tick");
    let rest: Vec<usize> = jobs.iter().map(|j| j.file).filter(|f| !kitayama.contains(f)).collect();
    read(&mut app, &ws, &jobs, &rest);
    assert!(app.review().hits.total >= found, "the last batch at once, nothing lost");
}
