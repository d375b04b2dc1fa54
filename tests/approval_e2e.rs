//! An approval and a clerk's undecided change, end to end: the real binary in pseudo-terminals, a
//! clerk (`kumin01`) and a reviewer (`suzuki`) as two login names, and the YAML on disk checked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use common::clerk::*;
use common::docs::*;
use common::workspace::*;
use hyoka::model::Status;

const CLERK: &str = "kumin01";
const REVIEWER: &str = "suzuki";

/// The clerk submits, takes the submission back with `u` (unsaved); the reviewer approves
/// meanwhile. The clerk's Ctrl-S asks, offers only theirs and says why; `m` writes nothing.
#[test]
fn a_clerk_cannot_undo_an_approval_by_keeping_their_own_version() {
    let ws = Workspace::kamigyo();
    std::fs::write(ws.path().join(".hyoka.yaml"), format!("reviewers:\n  users: [{REVIEWER}]\n")).unwrap();
    let mut clerk = as_user(ws.path(), CLERK);
    clerk.press("s");
    clerk.wait_for("を提出します");
    clerk.press("y");
    clerk.wait_for_hint("保存しました:");
    assert_eq!(section(&ws.on_disk(), "総務課").status, Status::Submitted);
    clerk.press("u");
    clerk.wait_for_status("未保存 1課");

    let mut reviewer = as_user(ws.path(), REVIEWER);
    reviewer.press("A");
    reviewer.wait_for("を承認します");
    reviewer.press("y");
    reviewer.wait_for_hint("保存しました:");
    quit_expecting_success(&mut reviewer);
    let approved = ws.bytes_on_disk();
    assert_eq!(section(&ws.on_disk(), "総務課").status, Status::Approved);

    clerk.wait_for_hint("保存時に選びます");
    clerk.press(CTRL_S);
    clerk.wait_for("相手の側は承認済みです");
    clerk.wait_for("あなたの内容（選べません）");
    clerk.wait_for("│t:相手の内容  Esc:保留  ");
    assert!(!clerk.screen_text().contains("m:"), "{}", clerk.dump());
    // Keys are read in order: had m or e done anything, t would find no question left.
    clerk.press("m");
    clerk.press("e");
    clerk.press("t");
    clerk.wait_for_hint("相手の内容のままです");
    clerk.wait_for_status("保存済み");
    clerk.wait_for("承認済み（suzuki");
    quit_expecting_success(&mut clerk);
    assert_eq!(ws.bytes_on_disk(), approved, "the approval stands as the reviewer wrote it");
    let somu = section(&ws.on_disk(), "総務課").clone();
    assert_eq!((somu.status, somu.review.map(|r| r.by)), (Status::Approved, Some(REVIEWER.to_owned())));
}

/// The clerk's reflection, unsaved in a draft; the section is submitted and approved on disk
/// meanwhile. Ctrl-S writes nothing into the approved section and asks; Esc keeps the question and
/// the text on screen, and the next Ctrl-S asks again.
#[test]
fn a_reflection_typed_while_the_section_was_approved_is_asked_about_not_written() {
    let ws = Workspace::kamigyo();
    std::fs::write(ws.path().join(".hyoka.yaml"), format!("reviewers:\n  users: [{REVIEWER}]\n")).unwrap();
    let mut clerk = as_user(ws.path(), CLERK);
    focus_pane(&mut clerk, 4, "Enter:編集");
    start_editing(&mut clerk);
    clerk.press("（書きかけ）");
    clerk.wait_for("（書きかけ）");
    stop_editing(&mut clerk);
    let mut doc = ws.on_disk();
    let somu = doc.find_section_mut("区民部", "総務課").unwrap();
    somu.status = Status::Approved;
    somu.review = Some(hyoka::model::Review {
        by: REVIEWER.into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap(),
        comment: String::new(),
    });
    hyoka::store::write_atomically(&ws.file(), hyoka::store::emit_document(&doc).as_bytes()).unwrap();
    let approved = ws.bytes_on_disk();
    clerk.press(CTRL_S);
    clerk.wait_for("提出状況・振り返り");
    clerk.wait_for("相手の側は承認済みです");
    assert_eq!(ws.bytes_on_disk(), approved);
    clerk.press(ESC);
    clerk.wait_for_status("未保存 1課");
    assert!(clerk.screen_text().contains("（書きかけ）"), "the text stays on screen:\n{}", clerk.dump());
    clerk.press(CTRL_S);
    clerk.wait_for("相手の側は承認済みです");
    assert_eq!(ws.bytes_on_disk(), approved, "nothing of the clerk's in the approved section");
}
