//! Tables in a city's own columns (`--columns`), sections over several rows under one merged name, and
//! rows a paste broke, named where the break is (issue 22 points 5–7).

use std::path::Path;

use hyoka::i18n::Lang;
use hyoka::i18n::interchange::columns::{ColumnsMsg, Heading};
use hyoka::i18n::interchange::read::ReadMsg;
use hyoka::i18n::interchange::rows::{RowField, RowMsg};
use hyoka::i18n::interchange::summary::WarnMsg;
use hyoka::interchange::columns::ColumnMap;
use hyoka::interchange::import::{ImportOptions, Imported, import};
use hyoka::interchange::{ImportError, Location};
use hyoka::store::emit_document;

use super::{fixture, fixture_arg, hyoka, text};

fn read_with(name: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    import(&bytes, Path::new(name), options)
}

fn with_columns(map: &str) -> ImportOptions {
    ImportOptions { columns: Some(ColumnMap::parse(map).expect("a mapping")), ..ImportOptions::default() }
}

fn shown(headings: &[Heading]) -> Vec<String> {
    headings.iter().map(|h| h.shown(Lang::Ja)).collect()
}

const OFFER: &str = "name=部署,goals=組織目標,progress=取組内容,reflection=成果,rating=評価";

#[test]
fn a_citys_own_columns_are_named_with_the_header_found_and_a_mapping_offered() {
    for (name, at) in [
        ("city_columns.xlsx", Location::Cell { sheet: "組織目標".into(), row: 3, column: 3 }),
        ("city_columns.csv", Location::Text { line: 3, column: 9 }),
    ] {
        let error = read_with(name, &ImportOptions::default()).expect_err("refused");
        assert_eq!(error.at, Some(at), "{name}: the heading's cell, on the sheet with the table");
        let Some(ColumnsMsg::UnknownHeading { heading, hint }) = error.problem.columns() else {
            panic!("{name}: {:?}", error.problem)
        };
        assert_eq!(heading, "取組内容");
        assert_eq!(shown(&hint.headings), ["部署（A）", "組織目標（B）", "取組内容（C）", "成果（D）", "評価（E）"]);
        assert_eq!(hint.offer.as_deref(), Some(OFFER));
        let said = error.describe(Lang::Ja);
        assert!(said.contains(&format!("例: --columns '{OFFER}'")) && !said.contains("--sheet"), "{said}");
    }
}

#[test]
fn columns_by_heading_or_letter_read_the_table_as_its_yaml() {
    let expected = std::fs::read_to_string(fixture("city_columns.yaml")).expect("fixture");
    for (name, map) in [
        ("city_columns.xlsx", OFFER),
        ("city_columns.xlsx", "goals=組織目標,progress=取組内容,rating=評価,reflection=成果"),
        ("city_columns.csv", "目標=B,取組状況=C,振り返り=D,評価=E"),
    ] {
        let imported =
            read_with(name, &with_columns(map)).unwrap_or_else(|e| panic!("{map}: {}", e.render(name, Lang::En)));
        assert_eq!(emit_document(&imported.doc), expected, "{name} with {map}");
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    }
    // A column the mapping leaves out is not read, and said.
    let partial = read_with("city_columns.csv", &with_columns("progress=取組内容")).expect("reads");
    assert!(partial.doc.divisions[0].sections[0].reflection.is_empty());
    let said: Vec<_> = partial.warnings.into_iter().map(|w| (w.at, w.what)).collect();
    let left_out = WarnMsg::ColumnLeftOut { heading: "成果".into(), letter: "D".into() };
    assert_eq!(said, [(Some(Location::Text { line: 3, column: 14 }), left_out)]);
    // A heading the mapping names that the header does not have.
    let missing = read_with("city_columns.csv", &with_columns("progress=取組状況")).expect_err("refused");
    assert!(matches!(missing.problem.columns(), Some(ColumnsMsg::NotInHeader { .. })), "{:?}", missing.problem);
}

#[test]
fn import_with_columns_says_them_in_its_summary_for_next_year() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("minamiyama/2024.yaml");
    let run = hyoka(&["import", &fixture_arg("city_columns.xlsx"), "--columns", OFFER, "-o", &out.to_string_lossy()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    assert!(
        stdout.contains(&format!("列の指定: --columns '{OFFER}'（来年も同じ列の表なら、同じ指定で取り込めます）\n")),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&out).ok(), std::fs::read_to_string(fixture("city_columns.yaml")).ok());
    let bad = hyoka(&["import", &fixture_arg("city_columns.xlsx"), "--columns", "goal=B", "--dry-run"]);
    assert_eq!(bad.status.code(), Some(2), "a mapping that cannot be read is a usage mistake");
    assert!(text(&bad.stderr).contains("--columns の「goal」は欄の名前ではありません"), "{}", text(&bad.stderr));
}

#[test]
fn a_header_without_a_column_for_the_names_is_named_on_its_sheet_not_sent_to_sheet() {
    // Once "no sheet has the table's header row; name it with --sheet", although the sheet was the right one.
    let error = read_with("city_columns_unnamed.xlsx", &ImportOptions::default()).expect_err("refused");
    assert_eq!(error.at, Some(Location::Cell { sheet: "組織目標".into(), row: 3, column: 1 }));
    let Some(ColumnsMsg::HeaderWithoutNames { hint }) = error.problem.columns() else { panic!("{:?}", error.problem) };
    assert_eq!(shown(&hint.headings), ["所管（A）", "組織目標（B）", "取組内容（C）", "成果（D）", "評価（E）"]);
    let offer = "name=所管,goals=組織目標,progress=取組内容,reflection=成果,rating=評価";
    assert_eq!(hint.offer.as_deref(), Some(offer));
    assert!(!error.describe(Lang::Ja).contains("--sheet"), "{}", error.describe(Lang::Ja));
    let columns = with_columns("name=所管,progress=C,reflection=成果");
    let imported = read_with("city_columns_unnamed.xlsx", &columns).expect("reads");
    assert_eq!(imported.doc.divisions[0].sections[0].progress, "研修を動画でも受けられるようにした。");
}

#[test]
fn rows_under_one_merged_name_are_one_section_with_a_goal_each() {
    let expected = std::fs::read_to_string(fixture("merged_section.yaml")).expect("fixture");
    for (name, at) in [
        ("merged_section.xlsx", Location::Cell { sheet: "目標".into(), row: 4, column: 4 }),
        ("merged_section.csv", Location::Text { line: 4, column: 34 }),
    ] {
        let imported =
            read_with(name, &ImportOptions::default()).unwrap_or_else(|e| panic!("{}", e.render(name, Lang::En)));
        assert_eq!(emit_document(&imported.doc), expected, "{name}");
        let said: Vec<_> = imported.warnings.into_iter().map(|w| (w.at, w.what)).collect();
        assert_eq!(said, [(Some(at), WarnMsg::RowsJoined { field: RowField::Progress, rows: 3 })], "{name}");
    }
    let imported = read_with("merged_section.xlsx", &ImportOptions::default()).expect("reads");
    let section = &imported.doc.divisions[0].sections[0];
    assert_eq!(section.name, "秘書広報課");
    assert_eq!(section.goal_label(2).as_deref(), Some("③"), "numbered in order");
    assert_eq!(section.goal_ratings, ["○", "◎", "△"].map(|m| Some(m.to_owned())), "each row's mark is its goal's");
}

#[test]
fn the_same_name_twice_unmerged_is_refused_with_how_to_fix_it() {
    let error = read_with("text/section_twice.tsv", &ImportOptions::default()).expect_err("refused");
    assert_eq!(error.at, Some(Location::Text { line: 5, column: 1 }), "the second row");
    let first = Location::Text { line: 4, column: 1 };
    let twice = RowMsg::SectionTwice { division: "総務企画部".into(), section: "秘書広報課".into(), first };
    assert_eq!(error.problem, ReadMsg::from(twice));
    let said = error.describe(Lang::Ja);
    assert!(said.contains("最初は 4行目 1文字目") && said.contains("①②") && said.contains("結合"), "{said}");
}

#[test]
fn a_line_break_pasted_into_a_rows_last_cell_is_named_at_that_row() {
    let error = read_with("text/pasted_break_last_cell.tsv", &ImportOptions::default()).expect_err("refused");
    assert_eq!(error.at, Some(Location::Text { line: 4, column: 41 }), "the last cell of line 4, where the break is");
    assert_eq!(error.problem, ReadMsg::from(RowMsg::BrokenLastCell { text: "来年度は応援体制を整える。".into() }));
    // The line under the last row, with nothing after it, may be a note without its mark: said as before.
    let under = read_with("text/line_under_table.tsv", &ImportOptions::default()).expect_err("refused");
    assert_eq!(under.at, Some(Location::Text { line: 5, column: 1 }));
}
