//! Keys → state for the year's cycle: submitting, approving, returning with a comment, the lock on
//! a section that waits, the goals' own marks, the stage's pane, the next stage and the next year,
//! the filter by status, the calendar — with the file on disk checked after each save.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod cyclekit;

use common::app::SOMU;
use common::keys::act;
use cyclekit::*;
use hyoka::app::{Ask, Focus, Mode, Node, Question};
use hyoka::i18n::cycle::Calendar;
use hyoka::model::{Field, Stage, Status};
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_clerk_submits_after_saying_yes_and_the_file_changes_in_the_status_and_the_stamps_only() {
    let office = Office::new(Some(Stage::Goals), Status::Draft);
    let before = office.text();
    let mut app = office.open("kumin01", false);
    keys(&mut app, "s");
    assert!(matches!(app.mode(), Mode::Ask(ask) if **ask == Ask::Submit(SOMU)), "asked first");
    keys(&mut app, "n");
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(office.text(), before, "no is no");
    assert_eq!(app.section(SOMU).unwrap().status, Status::Draft);

    keys(&mut app, "s");
    keys(&mut app, "y");
    assert_eq!(office.doc().section(0, 0).unwrap().status, Status::Submitted);
    let (added, removed) = changed_lines(&before, &office.text());
    assert_eq!(
        added,
        [
            "        status: submitted".to_owned(),
            format!("        updated: {NOW}"),
            "        updated_by: kumin01".to_owned()
        ]
    );
    assert!(removed.is_empty(), "{removed:?}");
    assert!(!app.has_unsaved(), "saved at once");
    keys(&mut app, "s");
    assert!(message(&app).contains("もう提出"), "{}", message(&app));
}

#[test]
fn a_submitted_or_approved_section_is_read_only_for_its_clerks_but_not_for_reviewers() {
    for status in [Status::Submitted, Status::Approved] {
        let office = Office::new(Some(Stage::Yearend), status);
        let mut app = office.open("kumin01", false);
        let before = app.section(SOMU).unwrap().clone();
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.focus(), Focus::Pane(Field::Rating), "year end opens on the rating");
        keys(&mut app, "3");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Enter);
        assert!(matches!(app.mode(), Mode::Browse), "no editor opens");
        assert!(message(&app).contains("差し戻されるまで変更できません"), "{}", message(&app));
        assert_eq!(app.section(SOMU).unwrap(), &before, "{status:?}: nothing changed");

        let mut reviewer = office.open("suzuki", true);
        press(&mut reviewer, KeyCode::Enter);
        keys(&mut reviewer, "3");
        assert_eq!(reviewer.section(SOMU).unwrap().rating.as_deref(), Some("△"), "a reviewer may correct it");
    }
}

#[test]
fn a_reviewer_approves_and_the_review_is_stamped_by_the_save() {
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let mut app = office.open("suzuki", true);
    keys(&mut app, "A");
    assert!(matches!(app.mode(), Mode::Ask(ask) if **ask == Ask::Approve(SOMU)));
    press(&mut app, KeyCode::Enter);
    let somu = office.doc().section(0, 0).unwrap().clone();
    assert_eq!(somu.status, Status::Approved);
    let review = somu.review.unwrap();
    assert_eq!((review.by.as_str(), review.at, review.comment.as_str()), ("suzuki", fixed_time(), ""));
    assert!(!app.has_unsaved(), "the review on screen is the one written");
    assert!(office.text().contains("    review:\n          by: suzuki\n          at: 2026-11-26T10:00:00+09:00\n"));
}

#[test]
fn a_reviewer_returns_a_section_with_a_comment_of_several_japanese_lines() {
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let mut app = office.open("suzuki", true);
    keys(&mut app, "R");
    assert!(matches!(app.mode(), Mode::Comment(_)));
    ctrl(&mut app, 's');
    assert!(matches!(app.mode(), Mode::Comment(_)), "an empty comment is not sent");
    assert!(message(&app).contains("差し戻す理由を書いてください"));
    // As the IME hands it over: characters, Enter for a new line, a paste.
    for c in "目標に数値を".chars() {
        hyoka::app::update(&mut app, hyoka::app::Action::Type(c));
    }
    press(&mut app, KeyCode::Enter);
    hyoka::app::update(&mut app, hyoka::app::Action::Paste("入れてください。".into()));
    assert_eq!(office.doc().section(0, 0).unwrap().status, Status::Submitted, "nothing written while writing");
    ctrl(&mut app, 's');
    let somu = office.doc().section(0, 0).unwrap().clone();
    assert_eq!(somu.status, Status::Returned);
    assert_eq!(somu.review.unwrap().comment, "目標に数値を\n入れてください。");
    // Shown above the panes, line by line.
    assert_eq!(app.layout().banner_lines, ["目標に数値を", "入れてください。"]);
    assert!(app.layout().banner.height >= 4, "{:?}", app.layout().banner);
    assert_eq!(app.layout().goals.y, app.layout().banner.bottom(), "the panes start under it");
}

#[test]
fn only_reviewers_approve_return_or_move_the_stage_and_only_what_was_submitted() {
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let mut clerk = office.open("kumin01", false);
    for key in ["A", "R"] {
        keys(&mut clerk, key);
        assert!(matches!(clerk.mode(), Mode::Browse), "{key}");
        assert!(message(&clerk).contains("審査する人だけ"), "{key}: {}", message(&clerk));
    }
    common::reach::go_to(&mut clerk, Node::File(0));
    keys(&mut clerk, ">");
    assert!(matches!(clerk.mode(), Mode::Browse) && message(&clerk).contains("審査する人だけ"));
    // Where the right comes from, as it does: never the clerk's own settings file.
    assert!(message(&clerk).contains("/etc/hyoka/office.yaml"), "{}", message(&clerk));
    assert!(message(&clerk).contains("自分の設定ファイルでは審査する人になれません"), "{}", message(&clerk));

    let draft = Office::new(Some(Stage::Goals), Status::Draft);
    let mut reviewer = draft.open("suzuki", true);
    keys(&mut reviewer, "A");
    assert!(matches!(reviewer.mode(), Mode::Browse));
    assert!(message(&reviewer).contains("提出された課にだけ"), "{}", message(&reviewer));
}

#[test]
fn a_returned_section_is_fixed_and_submitted_again_and_its_comment_goes_from_the_screen() {
    let office = Office::new(Some(Stage::Goals), Status::Returned);
    let mut app = office.open("kumin01", false);
    assert_eq!(app.layout().banner_lines, ["数値目標を入れてください。", "二行目です。"]);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Editing(_)), "a returned section is open to its clerks");
    hyoka::app::update(&mut app, hyoka::app::Action::Paste("（件数1割増）".into()));
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "s");
    keys(&mut app, "y");
    let somu = office.doc().section(0, 0).unwrap().clone();
    assert_eq!(somu.status, Status::Submitted);
    assert!(somu.goals[0].ends_with("（件数1割増）"));
    assert_eq!(somu.review.unwrap().comment, "数値目標を入れてください。\n二行目です。", "the review stays on file");
    assert!(app.layout().banner_lines.is_empty(), "but the comment is no longer shown");
    assert_eq!(app.layout().banner.height, 1, "the status line alone");
}

#[test]
fn goals_get_their_own_marks_with_the_rating_keys_and_u_takes_them_back() {
    let office = Office::new(Some(Stage::Yearend), Status::Draft);
    let mut app = office.open("kumin01", false);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::Pane(Field::Goals));
    press(&mut app, KeyCode::Down);
    keys(&mut app, "1");
    assert_eq!(app.section(SOMU).unwrap().goal_ratings, [None, Some("◎".to_owned())]);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.section(SOMU).unwrap().goal_rating(1), Some("○"), "Space: the next mark");
    press(&mut app, KeyCode::Up);
    keys(&mut app, "3");
    assert_eq!(app.section(SOMU).unwrap().goal_rating(0), Some("△"));
    assert_eq!(app.section(SOMU).unwrap().rating.as_deref(), Some("○"), "the section's own rating stays");
    keys(&mut app, "0");
    assert_eq!(app.section(SOMU).unwrap().goal_rating(0), None);
    assert_eq!(app.layout().goal_items[1].mark, "○", "the mark is laid out with its goal");
    assert!(app.layout().mark_width >= 2);
    keys(&mut app, "u");
    keys(&mut app, "u");
    keys(&mut app, "u");
    keys(&mut app, "u");
    assert!(app.section(SOMU).unwrap().goal_ratings.is_empty());
    // A lead-in has no mark.
    common::reach::go_to(&mut app, Node::Section(hyoka::app::SectionRef { file: 0, division: 0, section: 2 }));
    common::reach::goal_row(&mut app, 0);
    keys(&mut app, "1");
    assert!(app.section(hyoka::app::SectionRef { file: 0, division: 0, section: 2 }).unwrap().goal_ratings.is_empty());
}

#[test]
fn a_goals_mark_is_saved_as_text_and_rating_and_changes_only_that_goal() {
    let office = Office::new(None, Status::Draft);
    let before = office.text();
    let mut app = office.open("kumin01", false);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    keys(&mut app, "2");
    ctrl(&mut app, 's');
    let (added, removed) = changed_lines(&before, &office.text());
    assert_eq!(
        removed,
        [
            "          - 区民の皆様への情報提供サービスを向上させるため、ホームページの改善に取り組み、アクセス件数の1割増加を目指します。"
        ]
    );
    assert_eq!(
        added,
        [
            "          - text: 区民の皆様への情報提供サービスを向上させるため、ホームページの改善に取り組み、アクセス件数の1割増加を目指します。".to_owned(),
            "            rating: ○".to_owned(),
            format!("        updated: {NOW}"),
            "        updated_by: kumin01".to_owned(),
        ]
    );
}

#[test]
fn the_stage_decides_which_pane_a_section_opens_on() {
    for (stage, field) in [
        (None, Field::Goals),
        (Some(Stage::Goals), Field::Goals),
        (Some(Stage::Midyear), Field::Progress),
        (Some(Stage::Yearend), Field::Rating),
        (Some(Stage::Published), Field::Goals),
    ] {
        let office = Office::new(stage, Status::Draft);
        let mut app = office.open("kumin01", false);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.focus(), Focus::Pane(field), "{stage:?}");
    }
}

#[test]
fn the_next_stage_starts_every_section_again_as_a_draft_and_is_saved_at_once() {
    let office = Office::new(Some(Stage::Goals), Status::Approved);
    let mut app = office.open("suzuki", true);
    common::reach::go_to(&mut app, Node::File(0));
    keys(&mut app, ">");
    assert!(
        matches!(app.mode(), Mode::Ask(ask) if matches!(**ask, Ask::NextStage { file: 0, to: Stage::Midyear, .. }))
    );
    keys(&mut app, "y");
    let doc = office.doc();
    assert_eq!(doc.stage, Some(Stage::Midyear));
    assert_eq!(doc.section(0, 0).unwrap().status, Status::Draft);
    assert!(doc.section(0, 0).unwrap().review.is_none());
    assert!(!office.text().contains("status:") && !office.text().contains("review:"));
    assert!(!app.has_unsaved());
    keys(&mut app, "u");
    assert!(message(&app).contains("元に戻す変更はありません"), "{}", message(&app));
    assert_eq!(app.section(SOMU).unwrap().status, Status::Draft, "no undo brings the old stage's status back");
}

#[test]
fn a_published_file_has_no_next_stage() {
    let office = Office::new(Some(Stage::Published), Status::Draft);
    let mut app = office.open("suzuki", true);
    common::reach::go_to(&mut app, Node::File(0));
    keys(&mut app, ">");
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(message(&app).contains("公表済み"), "{}", message(&app));
}

#[test]
fn y_writes_next_years_file_with_or_without_the_goals_and_opens_it() {
    let office = Office::new(Some(Stage::Published), Status::Approved);
    let mut app = office.open("kumin01", false);
    common::reach::go_to(&mut app, Node::File(0));
    keys(&mut app, "Y");
    let Mode::Ask(ask) = &app.mode() else { panic!("asked") };
    assert!(matches!(**ask, Ask::NewYear { .. }));
    keys(&mut app, "k");
    let next = office.ws.path().join("kamigyo/2009.yaml");
    let doc = hyoka::store::parse_document(&path_text(&next)).unwrap();
    assert_eq!((doc.fiscal_year, doc.stage), (2009, Some(Stage::Goals)));
    assert_eq!(doc.title(), "上京区役所 平成21年度");
    let somu = doc.section(0, 0).unwrap();
    assert_eq!(somu.goals.len(), 2, "the goals went over");
    assert!(somu.progress.is_empty() && somu.rating.is_none() && somu.status == Status::Draft);
    assert_eq!(app.files().len(), 2);
    assert_eq!(app.cursor(), Node::File(1), "the cursor is on the new file");
    assert!(message(&app).contains("平成21年度 を作りました"));
    // Asked again for the same year: refused, nothing written over.
    common::reach::go_to(&mut app, Node::File(0));
    let written = path_text(&next);
    keys(&mut app, "Y");
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(message(&app).contains("もうあります"), "{}", message(&app));
    assert_eq!(path_text(&next), written);
}

#[test]
fn the_filter_lets_through_the_statuses_ticked() {
    let office = Office::new(Some(Stage::Goals), Status::Returned);
    let mut app = office.open("suzuki", true);
    keys(&mut app, "f");
    let Mode::Filter(dialog) = &app.mode() else { panic!("the filter") };
    let rows = hyoka::app::review::filter::rows(dialog);
    let returned = rows.iter().position(|r| *r == hyoka::app::review::filter::Row::Status(Status::Returned)).unwrap();
    for _ in 0..returned {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    let shown: Vec<Node> = app.visible_nodes().into_iter().filter(|n| matches!(n, Node::Section(_))).collect();
    assert_eq!(shown, [Node::Section(SOMU)], "only the returned section");
}

#[test]
fn dates_are_in_the_era_unless_the_settings_ask_for_the_western_calendar() {
    let office = Office::new(Some(Stage::Goals), Status::Approved);
    let app = office.open("kumin01", false);
    let (head, _) = app.banner().unwrap();
    assert!(head.starts_with("承認済み（suzuki 令和8年11月26日 10:00）"), "{head}");
    let settings =
        hyoka::app::Settings { calendar: Calendar::Western, ..hyoka::app::Settings::new(hyoka::i18n::Lang::Ja) };
    let western = office.open_with(settings.known_as("kumin01", false), |_| {});
    let (head, _) = western.banner().unwrap();
    assert!(head.starts_with("承認済み（suzuki 2026年11月26日 10:00）"), "{head}");
}

#[test]
fn work_left_unsaved_in_a_section_a_colleague_submitted_meanwhile_is_not_saved_into_it() {
    let office = Office::new(Some(Stage::Midyear), Status::Draft);
    let mut app = office.open("kumin01", false);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    hyoka::app::update(&mut app, hyoka::app::Action::Paste("（追記）".into()));
    press(&mut app, KeyCode::Esc);
    assert!(app.has_unsaved());
    // A colleague submits the section from another screen.
    let mut theirs = office.doc();
    theirs.section_mut(0, 0).unwrap().status = Status::Submitted;
    std::fs::write(office.file(), hyoka::store::emit_document(&theirs)).unwrap();
    act(&mut app, hyoka::app::Action::Tick, &env());
    let saved = app.files()[0].loaded_state().unwrap().saved().section(0, 0).unwrap().status;
    assert_eq!(saved, Status::Submitted, "taken in from disk");
    let on_disk = office.text();
    ctrl(&mut app, 's');
    assert_eq!(office.text(), on_disk, "nothing of the clerk's goes into the submitted section");
    let Mode::Resolve(dialog) = &app.mode() else { panic!("the submission and the text are asked about together") };
    assert!(matches!(&dialog.conflicts[..], [Question::Decided(c)] if c.with == [Field::Progress]));
    keys(&mut app, "m");
    assert!(matches!(app.mode(), Mode::Resolve(_)), "keeping mine is not offered");
    press(&mut app, KeyCode::Esc);
    assert_eq!(office.text(), on_disk);
    assert!(app.has_unsaved(), "the work stays on screen (and in the journal) until decided");
}

#[test]
fn a_stage_moved_on_in_a_file_where_no_section_has_a_status_is_saved_too() {
    let office = Office::new(None, Status::Draft);
    let before = office.text();
    let mut app = office.open("suzuki", true);
    common::reach::go_to(&mut app, Node::File(0));
    keys(&mut app, ">");
    assert!(matches!(app.mode(), Mode::Ask(ask) if matches!(**ask, Ask::NextStage { file: 0, to: Stage::Goals, .. })));
    keys(&mut app, "y");
    let (added, removed) = changed_lines(&before, &office.text());
    assert_eq!((added, removed), (vec!["stage: goals".to_owned()], vec![]), "the one line of the stage");
    assert!(!app.has_unsaved());
}
