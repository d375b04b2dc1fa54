//! The data keys the published tables brought, `notes` and `goals_numbered_from`, stored and checked.
//!
//! Written where they belong, absent when empty, read back the same, and checked by `hyoka check`
//! with their line and column.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::cli::hyoka;
use common::docs::SAMPLE as DATA;
use hyoka::store::{ProblemKind, emit_document, parse_document};

#[test]
fn notes_are_written_right_after_the_preface_and_read_back() {
    let mut doc = parse_document(DATA).expect("the sample parses");
    doc.notes = Some("※ 目標達成度は3月末に記入。\n※ 速報値です。".into());
    let yaml = emit_document(&doc);
    let preface_line = yaml.lines().position(|l| l.starts_with("preface: ")).expect("a preface");
    let lines: Vec<&str> = yaml.lines().skip(preface_line + 1).take(3).collect();
    assert_eq!(lines, ["notes: |-", "  ※ 目標達成度は3月末に記入。", "  ※ 速報値です。"]);
    assert_eq!(parse_document(&yaml).ok(), Some(doc.clone()));
    doc.notes = Some(String::new());
    assert_eq!(emit_document(&doc), DATA, "empty notes are left out: the file stays byte for byte the same");
}

#[test]
fn goal_numbering_is_written_before_the_goals_and_read_back() {
    let mut doc = parse_document(DATA).expect("the sample parses");
    doc.divisions[0].sections[1].goals_numbered_from = Some(4);
    let yaml = emit_document(&doc);
    assert!(
        yaml.contains("      - name: まちづくり推進課\n        goals_numbered_from: 4\n        goals:\n"),
        "{yaml}"
    );
    let back = parse_document(&yaml).expect("parses");
    assert_eq!(back, doc);
    assert_eq!(back.divisions[0].sections[1].goal_label(0).as_deref(), Some("④"));
}

#[test]
fn check_refuses_a_goal_number_that_is_not_one_of_the_circled_ones() {
    let yaml = "organization: 北山市役所\nfiscal_year: 2023\ndivisions:\n  - name: 総務局\n    sections:\n      - name: 総務課\n        goals_numbered_from: 0\n        goals:\n          - 目標\n      - name: 広報課\n        goals_numbered_from: 21\n";
    let problems = parse_document(yaml).expect_err("refused");
    let found: Vec<_> = problems.iter().map(|p| (p.position.map(|p| (p.line, p.column)), p.kind.clone())).collect();
    assert_eq!(
        found,
        [
            (Some((7, 30)), ProblemKind::BadGoalNumber { value: 0 }),
            (Some((11, 30)), ProblemKind::BadGoalNumber { value: 21 }),
        ]
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("2023.yaml");
    std::fs::write(&file, yaml).expect("written");
    let out = hyoka(&["check", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            ":7:30: goals_numbered_from「0」は最初の目標の番号です。1～20（①～⑳）にするか、その行を消してください。"
        ),
        "{stderr}"
    );
    let en = hyoka(&["check", "--lang", "en", &file.to_string_lossy()]);
    assert!(
        String::from_utf8_lossy(&en.stderr).contains(":11:30: goals_numbered_from 21 must be the first goal's number")
    );
}
