//! The office's time zone: a server kept in UTC stamps saves and shows every time in the zone the
//! office's settings name (`time_zone: "+09:00"`); without one, in the system's zone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::path::PathBuf;

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;
use hyoka::model::{Review, Status};

fn approved_on_a_utc_server(ws: &Workspace) {
    let mut doc = ws.before();
    let somu = doc.find_section_mut("区民部", "総務課").unwrap();
    somu.status = Status::Approved;
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T01:00:00+00:00").unwrap();
    somu.review = Some(Review { by: "suzuki".into(), at, comment: String::new() });
    std::fs::write(ws.file(), hyoka::store::emit_document(&doc)).unwrap();
}

#[test]
fn stamps_and_times_on_screen_are_in_the_offices_zone_on_a_server_in_utc() {
    let ws = Workspace::kamigyo();
    approved_on_a_utc_server(&ws);
    let office = ws.path().join("office.yaml");
    std::fs::write(&office, "time_zone: \"+09:00\"\n").unwrap();
    let env = [("HYOKA_OFFICE_SETTINGS", office), ("TZ", PathBuf::from("UTC0"))];
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 110, &[], &env);
    tui.wait_ready();
    tui.wait_for("承認済み（suzuki 令和8年11月26日 10:00）");
    tui.press("j");
    tui.wait_for_status("まちづくり推進課");
    focus_pane(&mut tui, 3, "1-4:達成度");
    tui.press("4");
    tui.wait_for("× あまり達成できなかった");
    save(&mut tui);
    quit_expecting_success(&mut tui);
    let stamp = section(&ws.on_disk(), "まちづくり推進課").updated.unwrap();
    assert_eq!(stamp.offset().local_minus_utc(), 9 * 3600, "stamped in the office's zone: {stamp}");
}

#[test]
fn without_an_office_zone_the_systems_is_used() {
    let ws = Workspace::kamigyo();
    approved_on_a_utc_server(&ws);
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 110, &[], &[("TZ", PathBuf::from("UTC0"))]);
    tui.wait_ready();
    tui.wait_for("承認済み（suzuki 令和8年11月26日 01:00）");
    quit_expecting_success(&mut tui);
}
