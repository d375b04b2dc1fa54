//! The year's cycle as drawn into ratatui's TestBackend, in both ambiguous widths: a returned
//! section with its Japanese comment above the panes, the goals with their own marks, the stage's
//! panes marked, the questions, the comment being written, the division's unwritten sections.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod cyclekit;

use common::draw::draw;
use common::terminal::{assert_rows_fill, screen_text};
use cyclekit::*;
use hyoka::app::{Action, App, Node, update};
use hyoka::model::{Stage, Status};
use hyoka::text::AmbiguousWidth::{self, Narrow, Wide};
use ratatui::crossterm::event::KeyCode;

/// The screen as the terminal receives it, each row checked to fill the width exactly as the
/// Unicode table measures it in the ambiguous width the app was made for.
fn screen(app: &mut App, width: u16, height: u16) -> String {
    let buffer = draw(app, width, height);
    assert_rows_fill(&buffer, app.ambiguous_width() == Wide, "the cycle's screen");
    screen_text(&buffer)
}

/// The folder opened by `user`, its file named as in the repository, so that the status line does
/// not show the temporary folder; on a terminal that draws ambiguous characters `measure` wide.
fn shown_as_in_data(office: &Office, user: &str, reviewer: bool, measure: AmbiguousWidth) -> App {
    office.open_in_data_on(user, reviewer, measure)
}

#[test]
fn a_returned_section_shows_the_reviewers_comment_above_its_panes() {
    let office = Office::new(Some(Stage::Goals), Status::Returned);
    let small = screen(&mut shown_as_in_data(&office, "kumin01", false, Narrow), 80, 24);
    assert!(small.contains("差戻し（suzuki 令和8年11月26日 10:00）"), "{small}");
    assert!(small.contains("│数値目標を入れてください。"), "{small}");
    assert!(small.contains("│  差  総務課"), "the tree marks it: {small}");
    let wide = screen(&mut shown_as_in_data(&office, "kumin01", false, Wide), 120, 40);
    insta::assert_snapshot!(format!("{small}\n{wide}"));
}

#[test]
fn a_submitted_section_says_who_handed_it_in_and_a_reviewer_sees_the_keys() {
    let office = Office::new(Some(Stage::Midyear), Status::Submitted);
    let mut clerk = shown_as_in_data(&office, "kumin01", false, Narrow);
    let clerk_screen = screen(&mut clerk, 80, 24);
    assert!(clerk_screen.contains("差し戻されるまで変更できません"), "{clerk_screen}");
    let mut reviewer = shown_as_in_data(&office, "suzuki", true, Wide);
    let reviewer_screen = screen(&mut reviewer, 80, 24);
    assert!(reviewer_screen.contains("A:承認 R:差戻し"), "{reviewer_screen}");
    assert!(reviewer_screen.contains("◆11月末現在の取組状況"), "the stage's pane is marked: {reviewer_screen}");
    insta::assert_snapshot!(format!("{clerk_screen}\n{reviewer_screen}"));
}

#[test]
fn the_goals_show_their_own_marks_at_the_right_in_both_widths() {
    let office = Office::new(Some(Stage::Yearend), Status::Draft);
    let marked = |measure| {
        let mut app = shown_as_in_data(&office, "kumin01", false, measure);
        press(&mut app, KeyCode::Tab);
        keys(&mut app, "2");
        press(&mut app, KeyCode::Down);
        keys(&mut app, "1");
        press(&mut app, KeyCode::Up);
        app
    };
    let narrow = screen(&mut marked(Narrow), 80, 24);
    let row = narrow.lines().find(|l| l.contains("①笑顔で")).unwrap_or_else(|| panic!("{narrow}"));
    assert!(row.trim_end_matches('│').trim_end().ends_with('○'), "the mark at the right: {row}");
    let wide = screen(&mut marked(Wide), 80, 24);
    insta::assert_snapshot!(format!("{narrow}\n{wide}"));
}

#[test]
fn the_questions_and_the_comment_being_written() {
    let office = Office::new(Some(Stage::Goals), Status::Submitted);
    let approving = |measure| {
        let mut app = shown_as_in_data(&office, "suzuki", true, measure);
        keys(&mut app, "A");
        app
    };
    let approve = screen(&mut approving(Narrow), 80, 24);
    assert!(approve.contains("「総務課」を承認します"), "{approve}");
    let mut app = approving(Wide);
    keys(&mut app, "n");
    keys(&mut app, "R");
    update(
        &mut app,
        Action::Paste("目標に数値（件数・割合）を入れて、\n達成したかどうか分かるようにしてください。".into()),
    );
    let comment = screen(&mut app, 80, 24);
    assert!(comment.contains("差し戻す理由 — 総務課"), "{comment}");
    let mut clerk = shown_as_in_data(&office, "kumin01", false, Narrow);
    keys(&mut clerk, "s");
    let already = screen(&mut clerk, 80, 24);
    insta::assert_snapshot!(format!("{approve}\n{comment}\n{already}"));
}

#[test]
fn the_overviews_list_per_division_the_sections_that_have_not_written_the_stage() {
    let office = Office::new(Some(Stage::Midyear), Status::Submitted);
    let mut doc = office.doc();
    doc.section_mut(0, 1).unwrap().progress.clear();
    doc.section_mut(1, 0).unwrap().progress.clear();
    std::fs::write(office.file(), hyoka::store::emit_document(&doc)).unwrap();
    let mut app = shown_as_in_data(&office, "suzuki", true, Narrow);
    common::reach::go_to(&mut app, Node::Division(0, 0));
    let division = screen(&mut app, 100, 30);
    assert!(division.contains("段階: 中間（取組状況）"), "{division}");
    assert!(division.contains("未記入（取組状況）1課: まちづくり推進課"), "{division}");
    assert!(division.contains("提:提出済み 1"), "{division}");
    let mut app = shown_as_in_data(&office, "suzuki", true, Wide);
    common::reach::go_to(&mut app, Node::File(0));
    let file = screen(&mut app, 100, 30);
    assert!(file.contains("福祉部 — 未記入（取組状況）1課: 福祉介護課"), "{file}");
    assert!(file.contains("保健部 — どの課も取組状況を書いています。"), "{file}");
    insta::assert_snapshot!(format!("{division}\n{file}"));
}

/// A clerk's unsaved reflection, and the reviewer's approval on disk: the dialog asks about the
/// status and the text together and offers only theirs, saying why — in Japanese and in English.
#[test]
fn a_question_over_an_approval_offers_the_clerk_only_theirs_and_says_why() {
    let office = Office::new(Some(Stage::Yearend), Status::Draft);
    // The same steps in each language, the reviewer's approval written before the second.
    let mut approved = office.doc();
    let somu = approved.section_mut(0, 0).unwrap();
    somu.status = Status::Approved;
    somu.review = Some(hyoka::model::Review { by: "suzuki".into(), at: fixed_time(), comment: String::new() });
    let asked = |lang: hyoka::i18n::Lang, ambiguous_width| {
        std::fs::write(office.file(), hyoka::store::emit_document(&office_draft(&approved))).unwrap();
        let settings =
            hyoka::app::Settings { ambiguous_width, ..hyoka::app::Settings::new(lang).known_as("kumin01", false) };
        let mut app = office.open_with(settings, |_| {});
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Enter);
        update(&mut app, Action::Paste("（書きかけ）".into()));
        press(&mut app, KeyCode::Esc);
        std::fs::write(office.file(), hyoka::store::emit_document(&approved)).unwrap();
        let effects = update(&mut app, Action::Tick);
        hyoka::worker::settle(&mut app, effects, &env());
        ctrl(&mut app, 's');
        app
    };
    // The temporary folder's random name, out of the snapshot.
    let folder = office.file().parent().and_then(|f| f.parent()).unwrap().display().to_string();
    let shown = |text: String| text.replace(&folder, "/tmp/office");
    let mut app = asked(hyoka::i18n::Lang::Ja, Narrow);
    let ja = shown(screen(&mut app, 80, 24));
    assert!(ja.contains("総務課 › 提出状況・振り返り"), "{ja}");
    assert!(ja.contains("相手の側は承認済みです"), "{ja}");
    assert!(ja.contains("t:相手の内容") && !ja.contains("m:自分の内容"), "{ja}");
    let mut app = asked(hyoka::i18n::Lang::En, Wide);
    let en = shown(screen(&mut app, 100, 30));
    assert!(en.contains("is not offered: t keeps theirs"), "{en}");
    insta::assert_snapshot!(format!("{ja}\n{en}"));
}

/// The file before the approval: the same document with 総務課 a draft again.
fn office_draft(approved: &hyoka::model::Document) -> hyoka::model::Document {
    let mut draft = approved.clone();
    let somu = draft.section_mut(0, 0).unwrap();
    somu.status = Status::Draft;
    somu.review = None;
    draft
}
