//! The cycle in a section's history, over a real repository: a status change is listed as the
//! 提出状況 field with its words, is never put back with `r`, and a section that waits for its
//! reviewer takes no field back from its history either.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::app::{SOMU, open};
use common::docs::{read_doc, section_mut, write};
use common::keys::act;
use common::outside;
use gitkit::{FILE, Sandbox, canonical};
use hyoka::app::{Mode, Node, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::model::{Field, Status};
use hyoka::worker::Env;

fn a_status_change_is_in_the_history_but_never_put_back_and_a_waiting_section_takes_nothing_back() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("上京区役所");
    let (mut doc, _) = read_doc(&top.join(FILE));
    section_mut(&mut doc, "区民部", "総務課").reflection.push_str("（追記）");
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(&top, &["commit", "-qam", "区民部 総務課: 振り返り"]);
    section_mut(&mut doc, "区民部", "総務課").status = Status::Submitted;
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(&top, &["commit", "-qam", "区民部 総務課: 提出状況"]);

    let env = Env::new(Lang::Ja, None);
    let mut app = open(&top.join(gitkit::DATA));
    common::reach::go_to(&mut app, Node::Section(SOMU));
    update(&mut app, hyoka::app::Action::Resize(100, 30));
    act(&mut app, Command::History, &env);
    let Mode::Changes(view) = &app.mode() else { panic!("the history view") };
    let diff = view.selected_diff().expect("the newest change");
    let status = &diff.sections[0].fields[0];
    assert_eq!((status.field, status.before.as_str(), status.after.as_str()), (Field::Status, "下書き", "提出済み"));

    act(&mut app, Command::PutBack, &env);
    let said = app.message().as_ref().unwrap().text.clone();
    assert!(said.contains("提出状況は履歴から戻せません"), "{said}");
    assert_eq!(app.section(SOMU).unwrap().status, Status::Submitted);
    assert!(matches!(app.mode(), Mode::Changes(_)), "the view stays open");

    // The reflection of the commit before: the clerk may not put it back into a submitted section.
    act(&mut app, Command::Down, &env);
    act(&mut app, Command::PutBack, &env);
    let said = app.message().as_ref().unwrap().text.clone();
    assert!(said.contains("差し戻されるまで変更できません"), "{said}");
    assert!(app.section(SOMU).unwrap().reflection.ends_with("（追記）"));
    assert!(!app.has_unsaved());
}

outside_tests!(a_status_change_is_in_the_history_but_never_put_back_and_a_waiting_section_takes_nothing_back,);
