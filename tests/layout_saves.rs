//! Saves keep the file's layout wherever they can: a flow list replaced whole in its place, a
//! `|+` block's blank line, an explicit `? key`, a file without a last line break, Windows line
//! ends — by keys through `update`, and by the real binary in a pseudo-terminal, with the bytes
//! on disk checked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use std::path::Path;
use std::sync::Arc;

use common::clerk::{CTRL_S, ESC, focus_pane};
use common::pty::Tui;
use hyoka::app::{Action, App, action_for, update};
use hyoka::i18n::Lang;
use hyoka::store::RealDisk;
use hyoka::worker::{Env, settle};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// 総務課 with its goals as a flow list, a comment after them, and hand comments around.
const FLOW: &str = "\
organization: 上京区役所
fiscal_year: 2008
# 令和元年度に見直し予定
divisions:
  - name: 区民部
    sections:
      # 担当: 窓口係
      - name: 総務課
        goals: [笑顔で対応します, ホームページを改善します]   # 係長確認済み
        reflection: |+
          概ね達成できた。

      - name: 市民課
        ? progress
        : 一行目
        rating: ○
";

fn workspace(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("kamigyo")).unwrap();
    std::fs::write(dir.path().join("kamigyo/2008.yaml"), text).unwrap();
    dir
}

fn on_disk(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("kamigyo/2008.yaml")).unwrap()
}

fn env() -> Env {
    let clock = || chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
    Env { faults: Arc::new(RealDisk), clock, ..Env::new(Lang::Ja, None) }
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    key_in(&env(), app, code, modifiers);
}

/// A key pressed, its work done in `env` (whose remembered layouts a test reads afterwards).
fn key_in(env: &Env, app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = action_for(app, KeyEvent::new(code, modifiers)) {
        let effects = update(app, action);
        settle(app, effects, env);
    }
}

/// The flow-list file opened by a clerk at 100×30, its path, and the work's surroundings.
fn flow_opened() -> (tempfile::TempDir, std::path::PathBuf, Env, App) {
    let dir = workspace(FLOW);
    let path = dir.path().join("kamigyo/2008.yaml");
    let mut app = common::app::open_as(dir.path(), "kumin01", false);
    update(&mut app, Action::Resize(100, 30));
    (dir, path, env(), app)
}

fn message(app: &App) -> String {
    app.message().as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

const STAMP: &str = "        updated: 2026-11-26T10:00:00+09:00\n        updated_by: kumin01\n";

#[test]
fn a_goal_added_to_a_flow_list_rewrites_that_list_alone_and_blames_nothing() {
    let dir = workspace(FLOW);
    let mut app = common::app::open_as(dir.path(), "kumin01", false);
    update(&mut app, Action::Resize(100, 30));
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('G'), KeyModifiers::SHIFT);
    key(&mut app, KeyCode::Char('a'), KeyModifiers::NONE);
    update(&mut app, Action::Paste("窓口を案内します".into()));
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let said = message(&app);
    assert!(said.starts_with("保存しました:") && !said.contains("アンカー"), "{said}");
    let expected = FLOW
        .replace(
            "        goals: [笑顔で対応します, ホームページを改善します]   # 係長確認済み\n",
            "        goals:   # 係長確認済み\n          - 笑顔で対応します\n          - ホームページを改善します\n          - 窓口を案内します\n",
        )
        .replace("          概ね達成できた。\n\n", &format!("          概ね達成できた。\n\n{STAMP}"));
    assert_eq!(on_disk(dir.path()), expected);
}

#[test]
fn an_explicit_key_and_windows_line_ends_are_kept_by_a_save() {
    let crlf = FLOW.replace('\n', "\r\n");
    let dir = workspace(&crlf);
    let mut app = common::app::open_as(dir.path(), "kumin01", false);
    update(&mut app, Action::Resize(100, 30));
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(app.section(hyoka::app::SectionRef { file: 0, division: 0, section: 1 }).unwrap().name, "市民課");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    update(&mut app, Action::Paste("（追記）".into()));
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(message(&app).starts_with("保存しました:"), "{}", message(&app));
    let expected = FLOW
        .replace("        ? progress\n        : 一行目\n", "        progress: 一行目（追記）\n")
        .replace("        rating: ○\n", &format!("        rating: ○\n{STAMP}"))
        .replace('\n', "\r\n");
    assert_eq!(on_disk(dir.path()), expected);
}

/// The same in a terminal, on a file saved on Windows without a last line break: a goal added to
/// the flow list, saved; the file keeps every comment, its `|+` block, its explicit key and its
/// line ends, and the bottom line blames nothing.
#[test]
fn a_flow_list_edited_in_a_terminal_keeps_the_rest_of_the_file() {
    // Saved on Windows, and without a last line break.
    let text = FLOW.trim_end_matches('\n').replace('\n', "\r\n");
    let dir = workspace(&text);
    let mut tui = Tui::spawn(dir.path(), 30, 100);
    tui.wait_for("所属一覧");
    tui.wait_for_status("総務課");
    focus_pane(&mut tui, 1, "Enter:編集");
    tui.press("G");
    tui.press("a");
    tui.wait_for_status("編集中");
    tui.press("窓口を案内します");
    tui.wait_for("窓口を案内します");
    tui.press(ESC);
    tui.wait_for_status("閲覧");
    tui.press(CTRL_S);
    tui.wait_for_hint("保存しました:");
    assert!(!tui.hint_line().contains("アンカー"), "{}", tui.dump());
    let crlf = on_disk(dir.path());
    assert!(!crlf.replace("\r\n", "").contains('\n'), "CR LF on every line: {crlf:?}");
    let written = crlf.replace("\r\n", "\n");
    assert!(written.starts_with(
        "organization: 上京区役所\nfiscal_year: 2008\n# 令和元年度に見直し予定\ndivisions:\n  - name: 区民部\n    sections:\n      # 担当: 窓口係\n      - name: 総務課\n        goals:   # 係長確認済み\n          - 笑顔で対応します\n          - ホームページを改善します\n          - 窓口を案内します\n        reflection: |+\n          概ね達成できた。\n\n        updated: "
    ), "{written}");
    assert!(
        written.ends_with("      - name: 市民課\n        ? progress\n        : 一行目\n        rating: ○"),
        "{written}"
    );
}

#[test]
fn the_layout_a_save_wrote_is_known_to_the_next_save_of_the_file_which_keeps_the_hand_layout() {
    let (dir, path, env, mut app) = flow_opened();
    let press = |app: &mut App, code: KeyCode, modifiers: KeyModifiers| key_in(&env, app, code, modifiers);
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    }
    press(&mut app, KeyCode::Char('1'), KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(message(&app).starts_with("保存しました:"), "{}", message(&app));
    let first = on_disk(dir.path());
    assert!(env.layouts().knows(&path, &first), "the layout of what the save wrote is read after it");
    assert_eq!(env.layouts().given(), 0);
    press(&mut app, KeyCode::Char('2'), KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(message(&app).starts_with("保存しました:"), "{}", message(&app));
    assert_eq!(env.layouts().given(), 1, "the second save was handed the layout the first wrote");
    let second = on_disk(dir.path());
    assert!(env.layouts().knows(&path, &second));
    assert_eq!(
        second,
        first.replace("        rating: ◎\n", "        rating: ○\n"),
        "one line changed, the hand layout kept"
    );
    assert!(second.contains("# 令和元年度に見直し予定") && second.contains("? progress"), "{second}");
}

#[test]
fn the_save_thread_reads_the_layout_a_save_wrote_once_it_has_nothing_else_to_do() {
    let (dir, path, env, mut app) = flow_opened();
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    }
    key(&mut app, KeyCode::Char('1'), KeyModifiers::NONE);
    let (sender, outcomes) = std::sync::mpsc::channel();
    let sender = std::sync::Mutex::new(sender);
    let outbox: hyoka::worker::Outbox = Arc::new(move |action| {
        let _ = sender.lock().unwrap().send(action);
    });
    let mut worker = hyoka::worker::Worker::spawn(&env, &outbox);
    let save = action_for(&app, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)).unwrap();
    for effect in update(&mut app, save) {
        assert!(matches!(worker.run(effect), hyoka::worker::Handed::Taken));
    }
    let saved = outcomes.recv_timeout(std::time::Duration::from_secs(20)).unwrap();
    assert!(matches!(saved, Action::Saved(_)), "{saved:?}");
    let written = on_disk(dir.path());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !env.layouts().knows(&path, &written) {
        assert!(std::time::Instant::now() < deadline, "the layout of what was written is never read");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
