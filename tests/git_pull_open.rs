//! A `git pull` that stops on a field both offices changed, while hyoka is open on the file: the
//! conflict dialog comes up at once, Esc keeps the question for the next Ctrl-S, and quitting with
//! the merge undecided asks first — by key through `update`, the question as drawn, and in a
//! terminal with the file on disk and git's state checked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::{Path, PathBuf};

use common::docs::section_mut;
use gitkit::{DATA, FILE, Sandbox, save_with};
use hyoka::app::{Action, App, Mode, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::worker::{Env, settle};

/// A server, the ward's clone (which pushed a reflection) and the city's (which committed its own
/// reflection of the same section and has not pulled yet).
fn two_clones(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let server = sb.path("サーバー.git");
    std::fs::create_dir_all(&server).unwrap();
    sb.run_git(&server, &["init", "-q", "--bare"]);
    let ward = sb.repo_with_sample("区役所");
    assert!(sb.hyoka(&ward, &["git-setup", DATA]).status.success());
    sb.run_git(&ward, &["add", "-A"]);
    sb.run_git(&ward, &["commit", "-qm", "setup"]);
    sb.run_git(&ward, &["remote", "add", "origin", server.to_str().unwrap()]);
    sb.run_git(&ward, &["push", "-q", "-u", "origin", "main"]);
    let city = sb.path("市役所");
    sb.run_git(&sb.path(""), &["clone", "-q", server.to_str().unwrap(), "市役所"]);
    assert!(sb.hyoka(&city, &["git-setup", DATA]).status.success());
    sb.run_git(&city, &["config", "pull.rebase", "false"]);
    for (top, text) in [(&ward, "区役所の振り返り"), (&city, "市役所の振り返り")] {
        save_with(&top.join(FILE), |d| section_mut(d, "区民部", "総務課").reflection = text.into());
        sb.run_git(top, &["commit", "-qam", text]);
    }
    sb.run_git(&ward, &["push", "-q"]);
    (ward, city)
}

fn pull_stops(sb: &Sandbox, top: &Path) {
    let pull = sb.git_output(top, &["pull", "-q", "--no-edit"]);
    assert!(!pull.status.success(), "the same field on both sides stops the pull");
}

fn press(app: &mut App, env: &Env, command: Command) {
    let effects = update(app, command.into());
    settle(app, effects, env);
}

fn the_question_comes_up_at_once_stays_after_esc_and_quitting_asks() {
    let sb = Sandbox::new();
    let (_, city) = two_clones(&sb);
    let mut app = common::app::open(&city.join(DATA));
    update(&mut app, Action::Resize(100, 30));
    let env = Env::new(Lang::Ja, None);
    pull_stops(&sb, &city);
    let effects = update(&mut app, Action::Tick);
    settle(&mut app, effects, &env);
    let Mode::Resolve(dialog) = &app.mode() else { panic!("asked at once: {:?}", app.message()) };
    assert_eq!(dialog.conflicts.len(), 1);
    press(&mut app, &env, Command::Cancel);
    assert!(matches!(app.mode(), Mode::Browse));
    press(&mut app, &env, Command::Save);
    assert!(matches!(app.mode(), Mode::Resolve(_)), "Ctrl-S asks again, instead of 'nothing to save'");
    press(&mut app, &env, Command::Cancel);
    press(&mut app, &env, Command::Quit);
    assert!(matches!(app.mode(), Mode::ConfirmQuit), "the merge is not left undecided without a word");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| hyoka::ui::draw(frame, &app)).unwrap();
    let screen: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(screen.replace(' ', "").contains("gitのマージで決めていない項目があります（1件）"), "{screen}");
    press(&mut app, &env, Command::Back);
    press(&mut app, &env, Command::Save);
    press(&mut app, &env, Command::KeepTheirs);
    assert_eq!(sb.run_git(&city, &["diff", "--name-only", "--diff-filter=U"]), "", "resolved and staged");
    assert_eq!(app.merge_questions(), 0);
    press(&mut app, &env, Command::Quit);
    assert!(app.should_quit());
}

fn a_pull_that_stops_while_hyoka_is_open_is_asked_in_the_terminal() {
    let sb = Sandbox::new();
    let (_, city) = two_clones(&sb);
    let mut tui = common::pty::Tui::spawn_with_env(&city, 30, 100, &[], &sb.env_vars());
    tui.wait_ready();
    pull_stops(&sb, &city);
    tui.wait_for("同時に編集された項目 1/1");
    tui.wait_for("区民部 › 総務課 › 振り返り");
    tui.press(common::clerk::ESC);
    tui.wait_for_hint("保存をやめました");
    tui.press("q");
    tui.wait_for("git のマージで決めていない項目があります（1件）");
    tui.press(common::clerk::ESC);
    tui.wait_for_status("閲覧");
    tui.press(common::clerk::CTRL_S);
    tui.wait_for("同時に編集された項目 1/1");
    tui.press("m");
    tui.wait_for_hint("git に登録");
    tui.press("q");
    assert!(tui.wait_exit().success());
    assert_eq!(sb.run_git(&city, &["diff", "--name-only", "--diff-filter=U"]), "", "nothing left in conflict");
    let (doc, _) = common::docs::read_doc(&city.join(FILE));
    assert_eq!(doc.find_section("区民部", "総務課").unwrap().reflection, "市役所の振り返り", "mine kept");
    sb.run_git(&city, &["commit", "-q", "--no-edit"]);
}

outside_tests!(
    the_question_comes_up_at_once_stays_after_esc_and_quitting_asks,
    a_pull_that_stops_while_hyoka_is_open_is_asked_in_the_terminal,
);
