//! `hyoka summary` and `hyoka list` as scripts use them: the JSON read back with serde_json and
//! checked against counts made from the files, CSV and TSV through the csv crate, the text
//! table's alignment, the exit codes, and the examples in `--help`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::path::Path;

use common::cli::hyoka;

use hyoka::model::{Document, Section};
use hyoka::store::parse_document;
use hyoka::text::AmbiguousWidth;
use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review");

fn docs() -> Vec<Document> {
    let mut out = Vec::new();
    for org in ["kamigyo", "kitayama"] {
        for year in [2006, 2007, 2008] {
            let text = std::fs::read_to_string(Path::new(FIXTURE).join(format!("{org}/{year}.yaml"))).unwrap();
            out.push(parse_document(&text).unwrap());
        }
    }
    out
}

fn sections(doc: &Document) -> Vec<&Section> {
    doc.divisions.iter().flat_map(|d| &d.sections).collect()
}

#[test]
fn summary_as_json_counts_every_file_and_division() {
    let out = hyoka(&["summary", FIXTURE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json.as_array().unwrap();
    let docs = docs();
    assert_eq!(files.len(), docs.len());
    for (file, doc) in files.iter().zip(&docs) {
        assert_eq!(file["organization"], doc.organization.as_str());
        assert_eq!(file["fiscal_year"], doc.fiscal_year);
        let all = sections(doc);
        assert_eq!(file["sections"], all.len());
        for grade in file["ratings"].as_array().unwrap() {
            let mark = grade["mark"].as_str().unwrap();
            assert_eq!(grade["count"], all.iter().filter(|s| s.rating.as_deref() == Some(mark)).count(), "{mark}");
        }
        assert_eq!(file["unrated"], all.iter().filter(|s| s.rating.is_none()).count());
        assert_eq!(file["incomplete"], all.iter().filter(|s| !s.empty_fields().is_empty()).count());
        let divisions = file["divisions"].as_array().unwrap();
        assert_eq!(divisions.len(), doc.divisions.len());
        for (d, division) in divisions.iter().zip(&doc.divisions) {
            assert_eq!(d["name"], division.name.as_str());
            assert_eq!(d["sections"], division.sections.len());
        }
    }
}

#[test]
fn summary_as_csv_and_text_line_up() {
    let out = hyoka(&["summary", FIXTURE, "--format", "csv"]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let head: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(head[..4], ["organization", "fiscal_year", "division", "sections"]);
    assert_eq!(head[4..8], ["◎", "○", "△", "×"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6 + 6 * 3, "a row per file and one per division");
    assert_eq!(&rows[0][0], "上京区役所");
    assert_eq!(&rows[0][1], "2006");
    let text = hyoka(&["summary", FIXTURE]);
    let text = String::from_utf8(text.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("上京区役所  平成18年度"), "{text}");
    // Every count of ◎ ends in the display column where the heading's ◎ ends: columns are
    // measured by display width, Japanese two columns, so they line up in a terminal (◎ one
    // column: the command line asks no terminal).
    let display_width = |text: &str| AmbiguousWidth::NO_TERMINAL.display_width(text);
    let at_column = |line: &str, column: usize| {
        let mut used = 0;
        line.chars().find(|c| {
            used += display_width(&c.to_string());
            used >= column
        })
    };
    let mark = lines[0].find('◎').unwrap();
    let end = display_width(&lines[0][..mark]) + display_width("◎");
    for line in &lines[1..] {
        assert!(at_column(line, end).is_some_and(|c| c.is_ascii_digit()), "{line}\n{text}");
    }
}

#[test]
fn list_filters_like_the_screen_and_says_by_its_exit_code_whether_anything_matched() {
    let out = hyoka(&["list", FIXTURE, "--rating", "△,×", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let listed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let expected: usize = docs()
        .iter()
        .map(|d| sections(d).iter().filter(|s| matches!(s.rating.as_deref(), Some("△" | "×"))).count())
        .sum();
    assert_eq!(listed.len(), expected);
    assert!(listed.iter().all(|s| s["rating"] == "△" || s["rating"] == "×"));
    // The search forgives width: ｸﾚｰﾑ finds クレーム.
    let out = hyoka(&["list", FIXTURE, "--search", "ｸﾚｰﾑ", "--format", "tsv"]);
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').from_reader(out.stdout.as_slice());
    let found = reader.records().count();
    let expected: usize = docs()
        .iter()
        .map(|d| {
            sections(d)
                .iter()
                .filter(|s| {
                    [&s.progress, &s.reflection].iter().any(|t| t.contains("クレーム"))
                        || s.goals.iter().any(|g| g.contains("クレーム"))
                })
                .count()
        })
        .sum();
    assert_eq!(found, expected);
    let out = hyoka(&["list", FIXTURE, "--rating", "未評価", "--incomplete", "--since", "2009-01-01"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "a heading and 衛生課 of 2008:\n{text}");
    assert!(text.contains("衛生課") && text.contains("kumin01"));
    let none = hyoka(&["list", FIXTURE, "--search", "見つかるはずのない語句"]);
    assert_eq!(none.status.code(), Some(3), "nothing matched");
    let typo = hyoka(&["list", FIXTURE, "--rating", "〇"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("「〇」は達成度ではありません"));
    let date = hyoka(&["list", FIXTURE, "--since", "11/30"]);
    assert_eq!(date.status.code(), Some(2));
}

#[test]
fn a_broken_file_is_reported_and_the_others_still_listed_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(Path::new(FIXTURE).join("kamigyo/2008.yaml"), dir.path().join("2008.yaml")).unwrap();
    std::fs::write(dir.path().join("2009.yaml"), "organization: 上京区役所\nfiscal_year: [\n").unwrap();
    let out = hyoka(&["list", dir.path().to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2009.yaml"));
    assert_eq!(csv::Reader::from_reader(out.stdout.as_slice()).records().count(), 11);
    let out = hyoka(&["summary", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("平成20年度"));
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(hyoka(&["summary", empty.path().to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn help_shows_examples_and_exit_codes() {
    for (command, example) in
        [("summary", "hyoka summary data --format json"), ("list", "hyoka list data --rating △,×")]
    {
        let out = hyoka(&[command, "--help"]);
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains(example), "{help}");
        assert!(help.contains("終了コード: 0 "), "{help}");
        let english = String::from_utf8(hyoka(&[command, "--help", "--lang", "en"]).stdout).unwrap();
        assert!(english.contains(example) && english.contains("Exit codes: 0 "), "{english}");
    }
}
