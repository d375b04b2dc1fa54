//! What git keeps of decisions, with real git (issue 21, points 8 and 11): a conflict a merge
//! decided — keeping theirs with `t`, or keeping ours — is a row of the field's history under the
//! person who decided it, with the value it replaced; the file's history names what a clean merge
//! brought in; and whether a file's reviews are in git's history before a stage clears them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;

use std::path::Path;

use common::app::SOMU;
use common::docs::{read_doc, section_mut, write};
use common::draw::draw;
use common::terminal::screen_text;
use gitkit::{FILE, Sandbox, canonical};
use hyoka::app::{Mode, Node, update};
use hyoka::command::Command;
use hyoka::git::{Change, FileHistory, Repo, Scope};
use hyoka::i18n::Lang;
use hyoka::model::{Document, Field};
use hyoka::worker::{Env, settle};

fn commit_as(sb: &Sandbox, top: &Path, who: &str, when: &str, message: &str, edit: impl FnOnce(&mut Document)) {
    sb.commit_edit(top, (who, when), message, edit);
}

fn rate(mark: &str) -> impl FnOnce(&mut Document) + '_ {
    move |d| section_mut(d, "区民部", "総務課").rating = Some(mark.into())
}

/// The ward rated 総務課 ◎ on main, the city hall △ on a branch; their merge stopped on the
/// rating and 佐藤 decided it as `kept` (△: theirs, ◎: ours).
fn decided(sb: &Sandbox, kept: &str) -> std::path::PathBuf {
    let top = sb.repo_with_sample("上京区役所");
    sb.run_git(&top, &["checkout", "-qb", "city"]);
    commit_as(sb, &top, "市役所", "2026-11-20T09:00:00+09:00", "city", rate("△"));
    sb.run_git(&top, &["checkout", "-q", "main"]);
    commit_as(sb, &top, "区役所", "2026-11-21T09:00:00+09:00", "ward", rate("◎"));
    let merge = sb.git_output(&top, &["merge", "-q", "city", "-m", "merge"]);
    assert!(!merge.status.success(), "both sides changed the rating");
    let mut doc = common::docs::sample();
    rate(kept)(&mut doc);
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(&top, &["add", "-A"]);
    let author = "--author=佐藤 次郎 <sato@example.invalid>";
    sb.run_git(&top, &["commit", "-qm", "merge", author, "--date=2026-11-26T10:00:00+09:00"]);
    top
}

fn history_of(sb: &Sandbox, top: &Path) -> FileHistory {
    let repo = Repo::discover(&sb.git(), top).unwrap();
    let mut history = FileHistory::open(&repo, &top.join(FILE)).unwrap();
    history.fill(&Scope::File, 100).unwrap();
    history
}

fn somu() -> Scope {
    Scope::Section { division: "区民部".into(), section: "総務課".into() }
}

fn a_conflict_decided_either_way_is_the_top_row_of_the_fields_history_with_the_value_it_replaced() {
    let sb = Sandbox::new();
    for (kept, replaced) in [("△", "◎"), ("◎", "△")] {
        let top = decided(&sb, kept);
        let history = history_of(&sb, &top);
        let rows: Vec<_> = history.entries_for(&somu()).collect();
        let (index, merge) = &rows[0];
        assert_eq!((merge.commit.subject.as_str(), merge.commit.author.as_str()), ("merge", "佐藤 次郎"), "{kept}");
        let rating = Change::Field { division: "区民部".into(), section: "総務課".into(), field: Field::Rating };
        assert_eq!(merge.changes, [rating], "{kept}: the merge decided the rating");
        let diff = history.section_diff(*index, "区民部", "総務課").unwrap();
        let field = &diff.fields[0];
        assert_eq!((field.before.as_str(), field.after.as_str()), (replaced, kept), "{kept}");
        assert_eq!(diff.before.unwrap().rating.as_deref(), Some(replaced), "r puts back what it replaced");
        std::fs::remove_dir_all(&top).unwrap();
    }
}

fn the_files_history_names_what_a_clean_merge_brought_in() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("上京区役所");
    sb.run_git(&top, &["checkout", "-qb", "city"]);
    commit_as(&sb, &top, "市役所", "2026-11-20T09:00:00+09:00", "city", |d| {
        section_mut(d, "区民部", "市民税課").reflection = "市役所の振り返り".into();
    });
    sb.run_git(&top, &["checkout", "-q", "main"]);
    commit_as(&sb, &top, "区役所", "2026-11-21T09:00:00+09:00", "ward", rate("◎"));
    sb.run_git(&top, &["merge", "-q", "city", "-m", "merge", "--no-edit"]);
    let history = history_of(&sb, &top);
    let merge = history.entries().iter().find(|e| e.commit.subject == "merge").unwrap();
    assert!(merge.changes.is_empty(), "nothing decided");
    let brought =
        Change::Field { division: "区民部".into(), section: "市民税課".into(), field: Field::Reflection };
    assert_eq!(merge.merged, [brought]);
    let section: Vec<String> = history
        .entries_for(&Scope::Section { division: "区民部".into(), section: "市民税課".into() })
        .map(|(_, e)| e.commit.subject.clone())
        .collect();
    assert_eq!(section, ["city", "sample"], "listed once, under the commit that made it");
    // The file's view: the merge's row names what came in, and its change shows it.
    let mut app = common::app::open_with(&top.join(gitkit::DATA), common::app::settings(Lang::Ja));
    common::reach::go_to(&mut app, Node::File(0));
    let env = Env::new(Lang::Ja, None);
    let effects = update(&mut app, Command::History.into());
    settle(&mut app, effects, &env);
    let shown = screen_text(&draw(&mut app, 120, 30));
    assert!(shown.contains("試験 太郎  マージで取り込み: 市民税課: 振り返り"), "{shown}");
    let Mode::Changes(view) = app.mode() else { panic!("the history is open") };
    assert_eq!(view.entries[0].1.commit.subject, "merge");
    assert_eq!(view.selected_diff().unwrap().sections[0].fields[0].field, Field::Reflection);
}

fn the_screen_lists_the_decision_under_who_decided_it() {
    let sb = Sandbox::new();
    let top = decided(&sb, "△");
    let mut app = common::app::open_with(&top.join(gitkit::DATA), common::app::settings(Lang::Ja));
    common::reach::go_to(&mut app, Node::Section(SOMU));
    let env = Env::new(Lang::Ja, None);
    let effects = update(&mut app, Command::History.into());
    settle(&mut app, effects, &env);
    let shown = screen_text(&draw(&mut app, 120, 30));
    let top_row = shown.lines().find(|l| l.contains("佐藤 次郎")).unwrap_or_default().to_owned();
    assert!(top_row.contains("令和8年11月26日 10:00  佐藤 次郎  マージで決定: 目標達成度"), "{shown}");
    assert!(shown.contains("変更前 ◎") && shown.contains("変更後 △"), "{shown}");
}

fn a_file_is_committed_when_git_has_what_it_says_now() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("上京区役所");
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    assert!(repo.committed(&top.join(FILE)).unwrap(), "as committed");
    let (mut doc, _) = read_doc(&top.join(FILE));
    rate("×")(&mut doc);
    write(&top.join(FILE), &canonical(&doc));
    assert!(!repo.committed(&top.join(FILE)).unwrap(), "changed since");
    let other = top.join(gitkit::DATA).join("2009.yaml");
    write(&other, common::docs::SAMPLE);
    assert!(!repo.committed(&other).unwrap(), "never added");
}

fn in_a_terminal_h_shows_the_merge_that_decided_the_rating_on_top() {
    let sb = Sandbox::new();
    let top = decided(&sb, "△");
    let mut tui = common::pty::Tui::spawn_with_env(&top.join(gitkit::DATA), 30, 120, &[], &sb.env_vars());
    tui.wait_ready();
    tui.press("H");
    tui.wait_for("マージで決定: 目標達成度");
    let first = tui.row(1);
    assert!(
        first.contains("佐藤 次郎  マージで決定: 目標達成度"),
        "the newest row, under who decided:\n{}",
        tui.dump()
    );
    tui.wait_for("変更前 ◎");
    tui.wait_for("変更後 △");
    // Put back what the merge replaced, as an ordinary edit, and save it.
    tui.press("r");
    tui.wait_for_hint("戻しました");
    tui.press(common::clerk::CTRL_S);
    tui.wait_for_hint("保存しました:");
    let (doc, _) = read_doc(&top.join(FILE));
    assert_eq!(doc.section(0, 0).unwrap().rating.as_deref(), Some("◎"));
}

outside_tests!(
    a_conflict_decided_either_way_is_the_top_row_of_the_fields_history_with_the_value_it_replaced,
    the_files_history_names_what_a_clean_merge_brought_in,
    the_screen_lists_the_decision_under_who_decided_it,
    a_file_is_committed_when_git_has_what_it_says_now,
    in_a_terminal_h_shows_the_merge_that_decided_the_rating_on_top,
);
