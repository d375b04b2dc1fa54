//! Start-up through `update`: the screen opens at once, and what needs files, git or the user
//! database (who is at the keys, journals left behind, merges git left) is asked of the worker
//! and taken in as actions.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use common::app::{SAMPLE_PATH, sample_app};
use common::docs::SAMPLE;
use common::pty::Tui;
use common::reach::{command as press, focus, journal_left};
use common::workspace::Workspace;
use hyoka::app::{Action, App, Effect, FileEntry, Focus, Identity, Mode, Settings, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::model::Field;
use hyoka::store::parse_document;

fn unknown_user() -> App {
    let doc = parse_document(SAMPLE).unwrap();
    App::new(vec![FileEntry::loaded(SAMPLE_PATH, doc, SAMPLE)], Settings::new(Lang::Ja))
}

#[test]
fn the_screen_asks_the_worker_for_what_the_state_cannot_know() {
    let mut app = unknown_user();
    let effects = update(&mut app, Action::Start);
    let merges = vec![PathBuf::from("data/kamigyo/2008.yaml")];
    let folders = vec![PathBuf::from("data/kamigyo")];
    assert_eq!(
        effects,
        [Effect::Identify, Effect::OpenJournals, Effect::FindMerges(merges), Effect::SweepLeftovers(folders)]
    );

    // Who is at the keys already known (as in tests): not asked again.
    let mut known = sample_app();
    assert!(!update(&mut known, Action::Start).contains(&Effect::Identify));

    // A reviewer keeps no journal and decides no merge.
    let doc = parse_document(SAMPLE).unwrap();
    let settings = Settings { read_only: true, ..Settings::new(Lang::Ja) };
    let mut reviewer = App::new(vec![FileEntry::loaded(SAMPLE_PATH, doc, SAMPLE)], settings);
    assert_eq!(update(&mut reviewer, Action::Start), [Effect::Identify]);
}

/// Ctrl-S before the worker has said whose login this is waits for the name, says so, and saves
/// as soon as the name is known, stamped with it.
#[test]
fn a_save_before_the_login_is_known_waits_and_says_so() {
    let mut app = unknown_user();
    focus(&mut app, Focus::Pane(Field::Rating));
    update(&mut app, Command::Rate(1).into());
    let effects = press(&mut app, Command::Save);
    assert!(effects.is_empty(), "nothing is saved without a name to stamp: {effects:?}");
    let said = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.contains("ログイン名を確かめている"), "{said}");
    assert!(app.has_unsaved(), "the work stays");

    let effects = update(&mut app, Action::Identified(Identity { user: "kumin01".into(), reviewer: false }));
    assert!(
        matches!(&effects[..], [Effect::Save(jobs)] if jobs[0].user == "kumin01"),
        "saved and stamped as the login the worker found: {effects:?}"
    );
}

#[test]
fn an_approval_before_the_login_is_known_is_not_made_in_nobody_s_name() {
    let mut app = unknown_user();
    let effects = press(&mut app, Command::Approve);
    assert!(effects.is_empty() && matches!(app.mode(), Mode::Browse));
    assert!(app.message().is_some_and(|m| m.text.contains("ログイン名を確かめている")));
    // The name comes, and it is a clerk's: the key is answered as it is for a clerk.
    update(&mut app, Action::Identified(Identity { user: "kumin01".into(), reviewer: false }));
    assert!(matches!(app.mode(), Mode::Browse), "no approval asked of a clerk");
}

/// A key that waited for the login name is dropped when another key comes first: that one may
/// have moved to another section, where the first was not meant.
#[test]
fn a_key_waiting_for_the_login_name_is_dropped_when_another_key_comes_first() {
    let mut app = unknown_user();
    focus(&mut app, Focus::Tree);
    press(&mut app, Command::Submit);
    assert!(matches!(app.mode(), Mode::Browse));
    press(&mut app, Command::Down);
    let effects = update(&mut app, Action::Identified(Identity { user: "kumin01".into(), reviewer: false }));
    assert!(effects.is_empty() && matches!(app.mode(), Mode::Browse), "{effects:?}");

    // With no key between, the same key is answered once the name is known.
    let mut app = unknown_user();
    focus(&mut app, Focus::Tree);
    press(&mut app, Command::Submit);
    assert!(matches!(app.mode(), Mode::Browse));
    update(&mut app, Action::Identified(Identity { user: "kumin01".into(), reviewer: false }));
    assert!(matches!(app.mode(), Mode::Ask(_)), "the submission is asked once the name is known");
}

#[test]
fn journals_found_at_start_are_offered_and_empty_ones_removed() {
    let mut app = sample_app();
    let doc = app.doc(0).cloned().unwrap();
    let here = app.files()[0].canonical.display().to_string();

    // A journal holding nothing unsaved goes, and nothing is asked.
    let work =
        hyoka::app::JournalWork { base: doc.clone(), mine: doc.clone(), pending: Vec::new(), drafts: Vec::new() };
    let content = hyoka::app::journal::JournalContent { file: here.clone().into(), work };
    let empty = hyoka::app::LeftJournal { path: "/state/empty.journal".into(), content, written: None, moved: false };
    let effects = update(&mut app, Action::JournalsFound(Ok(vec![empty])));
    assert_eq!(effects, [Effect::DiscardJournal("/state/empty.journal".into())]);
    assert!(matches!(app.mode(), Mode::Browse));

    // One with work in it is offered.
    let mut mine = doc.clone();
    mine.divisions[0].sections[0].reflection.push_str("（追記）");
    journal_left(&mut app, doc, mine, &here);
    assert!(matches!(app.mode(), Mode::Recover(r) if r.entries.len() == 1));

    // No folder for journals: said at once.
    let mut app = sample_app();
    update(&mut app, Action::JournalsFound(Err("HOME / XDG_STATE_HOME".into())));
    let said = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.contains("復元用の記録を置く場所がありません"), "{said}");
}

/// git that answers only once the test lets it: whatever hyoka asks of git at start must not keep
/// the first frame from the screen.
#[test]
fn the_first_frame_does_not_wait_for_git() {
    let ws = Workspace::kamigyo();
    let bin = tempfile::tempdir().unwrap();
    let gate = bin.path().join("go");
    let real_git = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("git"))
        .find(|p| p.is_file())
        .map_or_else(|| "false".to_owned(), |p| p.display().to_string());
    let script = format!(
        // (Bounded, so that a failing run leaves no process behind for long.)
        "#!/bin/sh\nn=0\nwhile [ ! -e '{gate}' ] && [ $n -lt 400 ]; do sleep 0.05; n=$((n+1)); done\nexec '{real_git}' \"$@\"\n",
        gate = gate.display()
    );
    let fake = bin.path().join("git");
    std::fs::write(&fake, script).unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin.path().to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 100, &[], &[("PATH", PathBuf::from(path))]);
    // The tree and the first section show while git has not answered.
    tui.wait_ready();
    assert!(!gate.exists());
    std::fs::write(&gate, "").unwrap();
    tui.press("q");
    tui.wait_exit();
}

/// A file handed over with a return comment not sent (a test's, a restored state's) holds work
/// from the start, as one with a changed section does: the status line counts it and the state
/// the debug builds check after every action stays true.
#[test]
fn a_file_handed_over_with_a_comment_not_sent_counts_from_the_start() {
    let doc = parse_document(SAMPLE).unwrap();
    let mut entry = FileEntry::loaded(SAMPLE_PATH, doc, SAMPLE);
    let section = "総務課".to_owned();
    entry
        .drafts
        .push(hyoka::app::Draft { division: "区民部".into(), section, text: "確認してください".into() });
    let mut app = App::new(vec![entry], Settings::new(Lang::Ja));
    assert_eq!(app.unsent_drafts(), 1);
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(app.unsent_drafts(), 1);
}

/// "Save and quit" in the quit question before the login name is known keeps the question open
/// and saves and quits once the name is known.
#[test]
fn save_and_quit_before_the_login_is_known_saves_and_quits_once_it_is() {
    let mut app = unknown_user();
    focus(&mut app, Focus::Pane(Field::Rating));
    update(&mut app, Command::Rate(1).into());
    press(&mut app, Command::Quit);
    assert!(matches!(app.mode(), Mode::ConfirmQuit));
    assert!(press(&mut app, Command::SaveAndQuit).is_empty());
    assert!(matches!(app.mode(), Mode::ConfirmQuit), "the question stays while the name is looked up");
    let effects = update(&mut app, Action::Identified(Identity { user: "kumin01".into(), reviewer: false }));
    assert!(matches!(&effects[..], [Effect::Save(jobs)] if jobs[0].user == "kumin01"), "{effects:?}");
    assert!(matches!(app.mode(), Mode::Browse));
}
