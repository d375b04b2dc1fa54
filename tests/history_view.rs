//! The history view (`H`) over a real repository: keys to state (which commits, the change of the
//! selected one, an old value put back as an undoable edit), and the view as drawn, with its
//! 新旧対照表 marks, in a snapshot.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::Path;

use common::app::SOMU;
use common::docs::{SAMPLE, read_doc, section_mut, write};
use common::draw::draw;
use common::keys::act;
use common::terminal::row_text;
use gitkit::{FILE, Sandbox, canonical};
use hyoka::app::{App, ChangesView, Effect, Focus, Mode, Node, update};
use hyoka::command::Command;
use hyoka::git::Scope;
use hyoka::i18n::Lang;
use hyoka::model::{Document, Field};
use hyoka::worker::{Env, settle};
use ratatui::style::Modifier;

fn commit_as(sb: &Sandbox, top: &Path, who: &str, when: &str, message: &str, edit: impl FnOnce(&mut Document)) {
    let (mut doc, _) = read_doc(&top.join(FILE));
    edit(&mut doc);
    write(&top.join(FILE), &canonical(&doc));
    let author = format!("--author={who} <{who}@example.invalid>");
    sb.run_git(top, &["commit", "-qam", message, &author, &format!("--date={when}")]);
}

/// The sample, then a rewritten reflection (田中), then a rating and a goal fewer (佐藤) for
/// 総務課, and a change of another section in between.
fn repository(sb: &Sandbox) -> std::path::PathBuf {
    let top = sb.repo_with_sample("上京区役所");
    commit_as(sb, &top, "田中 一郎", "2026-11-20T14:03:00+09:00", "区民部 総務課: 振り返り", |d| {
        let s = section_mut(d, "区民部", "総務課");
        s.reflection = s.reflection.replace("市民対応については、概ね", "窓口対応については、ほぼ");
    });
    commit_as(sb, &top, "鈴木", "2026-11-21T09:00:00+09:00", "保健部 衛生課: 取組状況", |d| {
        section_mut(d, "保健部", "衛生課").progress = "進んだ".into();
    });
    commit_as(
        sb,
        &top,
        "佐藤 次郎",
        "2026-11-22T10:30:00+09:00",
        "区民部 総務課: 所属等の目標, 目標達成度",
        |d| {
            let s = section_mut(d, "区民部", "総務課");
            s.rating = Some("◎".into());
            s.goals.pop();
        },
    );
    top
}

fn open(top: &Path) -> (App, Env) {
    open_with(top, common::app::settings(Lang::Ja))
}

fn open_with(top: &Path, settings: hyoka::app::Settings) -> (App, Env) {
    let mut app = common::app::open_with(&top.join(gitkit::DATA), settings);
    common::reach::go_to(&mut app, Node::Section(SOMU));
    update(&mut app, hyoka::app::Action::Resize(100, 30));
    (app, Env::new(Lang::Ja, None))
}

fn view(app: &App) -> &ChangesView {
    match &app.mode() {
        Mode::Changes(view) => view,
        _ => panic!("the history view is not open"),
    }
}

fn subjects(app: &App) -> Vec<String> {
    view(app).entries.iter().map(|(_, e)| e.commit.subject.clone()).collect()
}

fn h_lists_the_commits_of_the_section_newest_first_and_f_those_of_the_file() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let (mut app, env) = open(&top);
    let effects = update(&mut app, Command::History.into());
    assert!(matches!(&effects[..], [Effect::History { scope: Scope::Section { .. }, .. }]), "{effects:?}");
    assert!(view(&app).reading, "the view opens at once, before git answers");
    settle(&mut app, effects, &env);
    assert_eq!(subjects(&app), ["区民部 総務課: 所属等の目標, 目標達成度", "区民部 総務課: 振り返り", "sample"]);
    let first = &view(&app).entries[0].1;
    assert_eq!(first.commit.author, "佐藤 次郎");
    assert!(view(&app).complete && !view(&app).reading);
    // The change of the newest is there at once, field by field.
    let diff = view(&app).selected_diff().expect("the change of the selected commit");
    let fields: Vec<Field> = diff.sections[0].fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, [Field::Goals, Field::Rating]);

    act(&mut app, Command::WholeFile, &env);
    assert_eq!(view(&app).entries.len(), 4, "the other section's commit is in the file's history");
    assert_eq!(view(&app).entries[1].1.commit.subject, "保健部 衛生課: 取組状況");
    act(&mut app, Command::WholeFile, &env);
    assert_eq!(view(&app).entries.len(), 3, "f goes back to the section");
    act(&mut app, Command::Back, &env);
    assert!(matches!(app.mode(), Mode::Browse));
}

fn r_puts_the_chosen_field_back_as_it_was_before_the_commit_and_u_undoes_it() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let (mut app, env) = open(&top);
    let before = app.section(SOMU).unwrap().clone();
    act(&mut app, Command::History, &env);
    // The newest commit changed the goals and the rating; Tab chooses the rating.
    act(&mut app, Command::NextPane, &env);
    assert_eq!(view(&app).fields()[view(&app).field].2, Field::Rating);
    act(&mut app, Command::PutBack, &env);
    assert!(matches!(app.mode(), Mode::Browse), "the view closes on the section");
    let now = app.section(SOMU).unwrap();
    assert_eq!(now.rating.as_deref(), Some("○"), "the rating before that commit");
    assert_eq!(now.goals, before.goals, "only the chosen field");
    assert_eq!((app.cursor(), app.focus()), (Node::Section(SOMU), Focus::Pane(Field::Rating)));
    assert!(app.message().as_ref().unwrap().text.contains("「目標達成度」を 令和8年11月22日 10:30 の変更より前"));
    assert!(app.has_unsaved());
    act(&mut app, Command::Undo, &env);
    assert_eq!(app.section(SOMU).unwrap().rating.as_deref(), Some("◎"));

    // The reflection from before 田中's rewrite, two commits down.
    act(&mut app, Command::History, &env);
    act(&mut app, Command::Down, &env);
    assert_eq!(view(&app).selected_diff().unwrap().sections[0].fields[0].field, Field::Reflection);
    act(&mut app, Command::PutBack, &env);
    assert!(app.section(SOMU).unwrap().reflection.starts_with("市民対応については、概ね"));

    // The sample's commit created the section: nothing from before it to put back.
    act(&mut app, Command::History, &env);
    act(&mut app, Command::Last, &env);
    act(&mut app, Command::PutBack, &env);
    assert!(matches!(app.mode(), Mode::Changes(_)));
    assert!(app.message().as_ref().unwrap().text.contains("新しくできた課"));
}

fn a_reviewer_sees_the_history_but_cannot_put_anything_back() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let (mut app, env) = open_with(&top, hyoka::app::Settings { read_only: true, ..common::app::settings(Lang::Ja) });
    act(&mut app, Command::History, &env);
    act(&mut app, Command::PutBack, &env);
    assert!(matches!(app.mode(), Mode::Changes(_)), "the view stays");
    assert!(!app.has_unsaved());
    assert!(app.message().as_ref().unwrap().text.contains("閲覧"));
}

fn outside_a_repository_the_view_says_why_and_late_answers_for_a_closed_view_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(FILE).parent().unwrap()).unwrap();
    std::fs::write(dir.path().join(FILE), SAMPLE).unwrap();
    let (mut app, env) = open(dir.path());
    act(&mut app, Command::History, &env);
    let failed = view(&app).failed.clone().expect("a reason");
    assert!(failed.contains("git"), "{failed}");

    // An answer for an older request does not land in a newer view.
    let effects = update(&mut app, Command::Back.into());
    assert!(effects.is_empty());
    let stale = update(&mut app, Command::History.into());
    let request = view(&app).request;
    update(&mut app, hyoka::app::Action::HistoryFailed { request: request.wrapping_sub(1), why: "古い".into() });
    assert_eq!(view(&app).failed, None);
    settle(&mut app, stale, &env);
    assert!(view(&app).failed.is_some());
}

/// The view as drawn: the list with when, who and which fields, the change as 変更前 / 変更後 with
/// what differs underlined (the old side also struck through), the chosen field reversed.
fn the_history_view_as_drawn() {
    let sb = Sandbox::new();
    let top = repository(&sb);
    let (mut app, env) = open(&top);
    act(&mut app, Command::History, &env);
    act(&mut app, Command::Down, &env);
    let buffer = draw(&mut app, 100, 30);
    let text: String = (0..buffer.area.height).map(|y| row_text(&buffer, y).trim_end().to_owned() + "\n").collect();
    assert!(text.contains("履歴  保存済み"), "the status line names the view");
    // The sample's commit is dated by the test's clock and the status line names a temporary
    // folder: both are left out of the snapshot.
    let text = text
        .lines()
        .map(|l| match (l.contains("試験 太郎"), l.rfind("││"), l.find('｜')) {
            (true, Some(at), _) => format!("{}││(the sample's commit)", &l[..at]),
            (_, _, Some(at)) => format!("{}…", &l[..at]),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(text);

    let find = |needle: &str| -> (u16, u16) {
        for y in 0..buffer.area.height {
            let row: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect();
            if let Some(i) = row.find(needle) {
                let x = row[..i].chars().count();
                return (u16::try_from(x).unwrap(), y);
            }
        }
        panic!("{needle} not on screen");
    };
    let (x, y) = find("14:03");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED), "the selected commit");
    let (x, y) = find("││振");
    let x = x + 2;
    let (x2, y2) = find("概");
    assert!(y2 > y && buffer[(x2, y2)].modifier.contains(Modifier::UNDERLINED | Modifier::CROSSED_OUT));
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED), "the field r puts back");
}

outside_tests!(
    h_lists_the_commits_of_the_section_newest_first_and_f_those_of_the_file,
    r_puts_the_chosen_field_back_as_it_was_before_the_commit_and_u_undoes_it,
    a_reviewer_sees_the_history_but_cannot_put_anything_back,
    outside_a_repository_the_view_says_why_and_late_answers_for_a_closed_view_are_ignored,
    the_history_view_as_drawn,
);
