//! The history follows a section through its renames and never offers another section's past as
//! its own: 総務課 rewritten, then renamed 総務企画課, then a new section named 総務課. With real git:
//! the library's entries and changes, `H` and `r` by key, the list as drawn, and `H` in a terminal.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::{Path, PathBuf};

use common::docs::{section_mut, write};
use gitkit::{FILE, Sandbox, canonical};
use hyoka::app::{App, ChangesView, Mode, Node, SectionRef, update};
use hyoka::command::Command;
use hyoka::git::{Change, FileHistory, Repo, Scope};
use hyoka::i18n::Lang;
use hyoka::model::{Document, Field, Section};
use hyoka::worker::{Env, settle};

const OLD_TEXT: &str = "市民対応については、概ね";

fn commit(sb: &Sandbox, top: &Path, message: &str, edit: impl FnOnce(&mut Document)) {
    let (mut doc, _) = common::docs::read_doc(&top.join(FILE));
    edit(&mut doc);
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(top, &["commit", "-qam", message]);
}

/// sample → 総務課's reflection rewritten → renamed 総務企画課 → a new 総務課 → its rating.
fn repository(sb: &Sandbox) -> PathBuf {
    let top = sb.repo_with_sample("改名");
    commit(sb, &top, "総務課: 振り返り", |d| {
        let s = section_mut(d, "区民部", "総務課");
        s.reflection = s.reflection.replace(OLD_TEXT, "窓口対応については、ほぼ");
    });
    commit(sb, &top, "総務課 → 総務企画課", |d| {
        section_mut(d, "区民部", "総務課").name = "総務企画課".into()
    });
    commit(sb, &top, "新しい総務課", |d| d.divisions[0].sections.insert(1, Section::new("総務課")));
    commit(sb, &top, "総務課: 目標達成度", |d| section_mut(d, "区民部", "総務課").rating = Some("◎".into()));
    top
}

fn scope(section: &str) -> Scope {
    Scope::Section { division: "区民部".into(), section: section.into() }
}

fn each_section_has_its_own_past_through_the_rename() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let mut history = FileHistory::open(&repo, &top.join(FILE)).unwrap();
    history.fill(&Scope::File, 100).unwrap();
    let subjects =
        |s: &str| -> Vec<String> { history.entries_for(&scope(s)).map(|(_, e)| e.commit.subject.clone()).collect() };
    assert_eq!(subjects("総務課"), ["総務課: 目標達成度", "新しい総務課"], "not the old 総務課's past");
    assert_eq!(subjects("総務企画課"), ["総務課 → 総務企画課", "総務課: 振り返り", "sample"]);
    // The older entries name the section as it is called now.
    let (index, entry) = history.entries_for(&scope("総務企画課")).nth(1).unwrap();
    assert_eq!(
        entry.changes,
        [Change::Field { division: "区民部".into(), section: "総務企画課".into(), field: Field::Reflection }]
    );
    let diff = history.section_diff(index, "区民部", "総務企画課").unwrap();
    assert!(diff.before.unwrap().reflection.starts_with(OLD_TEXT));
    assert_eq!(diff.current, Some(("区民部".into(), "総務企画課".into())));
    // The rename itself is one change, not a removal and an addition.
    let renamed = &history.entries()[2].changes;
    assert_eq!(
        renamed,
        &[Change::Renamed {
            from: ("区民部".into(), "総務課".into()),
            division: "区民部".into(),
            section: "総務企画課".into(),
        }]
    );
    // In the file's history, the old commit names 総務課 as it was, and says what it is now.
    let whole = history.commit_diff(index).unwrap();
    assert_eq!(
        (whole.sections[0].section.as_str(), whole.sections[0].current.clone()),
        ("総務課", Some(("区民部".into(), "総務企画課".into())))
    );
}

fn open(top: &Path) -> (App, Env) {
    let mut app = common::app::open(&top.join(gitkit::DATA));
    update(&mut app, hyoka::app::Action::Resize(100, 30));
    (app, Env::new(Lang::Ja, None))
}

fn press(app: &mut App, env: &Env, command: Command) {
    let effects = update(app, command.into());
    settle(app, effects, env);
}

fn view(app: &App) -> &ChangesView {
    let Mode::Changes(view) = &app.mode() else { panic!("the history view is not open") };
    view
}

const KIKAKU: SectionRef = SectionRef { file: 0, division: 0, section: 0 };
const NEW_SOMU: SectionRef = SectionRef { file: 0, division: 0, section: 1 };

fn r_puts_an_old_text_back_only_into_the_section_it_belonged_to() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let (mut app, env) = open(&top);
    assert_eq!(app.section(NEW_SOMU).unwrap().name, "総務課");
    common::reach::go_to(&mut app, Node::Section(NEW_SOMU));
    press(&mut app, &env, Command::History);
    assert_eq!(view(&app).entries.len(), 2, "the new 総務課's own two commits");
    press(&mut app, &env, Command::Last);
    press(&mut app, &env, Command::PutBack);
    assert!(app.message().as_ref().unwrap().text.contains("新しくできた課"), "nothing before it is its own");
    assert!(app.section(NEW_SOMU).unwrap().reflection.is_empty());

    // From the whole file's history: the old reflection goes into 総務企画課, not the new 総務課.
    press(&mut app, &env, Command::WholeFile);
    press(&mut app, &env, Command::Down);
    press(&mut app, &env, Command::Down);
    press(&mut app, &env, Command::Down);
    assert_eq!(view(&app).entries[view(&app).selected].1.commit.subject, "総務課: 振り返り");
    press(&mut app, &env, Command::PutBack);
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(app.section(KIKAKU).unwrap().reflection.starts_with(OLD_TEXT));
    assert!(app.section(NEW_SOMU).unwrap().reflection.is_empty(), "the new 総務課 is untouched");
    assert_eq!(app.cursor(), Node::Section(KIKAKU));
}

fn the_renamed_sections_history_as_drawn_names_the_rename() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let (mut app, env) = open(&top);
    common::reach::go_to(&mut app, Node::Section(KIKAKU));
    press(&mut app, &env, Command::History);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| hyoka::ui::draw(frame, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let rows = gitkit::rows_of(&buffer);
    let screen = rows.join("\n");
    assert!(screen.contains("変更の履歴: 区民部 総務企画課（3件）"), "{screen}");
    assert!(screen.contains("名前を変更（元は 区民部 総務課）"), "{screen}");
    assert!(screen.contains("振り返り"), "{screen}");
    assert!(
        screen.matches("名前を変更（元は 区民部 総務課）").count() == 2,
        "listed, and shown as the change: {screen}"
    );
    // Only the list's three rows: when the commits were made depends on the clock, so the rows
    // are compared from their author on.
    let listed: Vec<String> = rows
        .iter()
        .filter(|r| r.contains("試験 太郎"))
        .map(|r| r[r.find("試験 太郎").unwrap()..].trim_end_matches([' ', '│']).to_owned())
        .collect();
    insta::assert_snapshot!(listed.join("\n"));
}

fn h_in_a_terminal_lists_only_the_new_sections_own_commits() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let mut tui = common::pty::Tui::spawn_with_env(&top, 30, 100, &[], &sb.env_vars());
    tui.wait_for("所属一覧");
    tui.wait_for_status("› 区民部 › 総務企画課");
    tui.press("j");
    tui.wait_for_status("› 区民部 › 総務課");
    tui.press("H");
    tui.wait_for("変更の履歴: 区民部 総務課（2件）");
    tui.wait_for("課を追加");
    assert!(!tui.screen_text().contains("振り返り"), "the old 総務課's commits are not listed:\n{}", tui.dump());
    tui.press("q");
    tui.wait_for_status("閲覧");
    tui.press("k");
    tui.wait_for_status("› 区民部 › 総務企画課");
    tui.press("H");
    tui.wait_for("変更の履歴: 区民部 総務企画課（3件）");
    tui.wait_for("名前を変更（元は 区民部 総務課）");
}

outside_tests!(
    each_section_has_its_own_past_through_the_rename,
    r_puts_an_old_text_back_only_into_the_section_it_belonged_to,
    the_renamed_sections_history_as_drawn_names_the_rename,
    h_in_a_terminal_lists_only_the_new_sections_own_commits,
);
