//! Reading tables as offices write them; bad input is an error with its place, never a guess.
//!
//! One header row or two, notes under the table, lines broken by a paste, look-alike characters, goals
//! numbered as the table numbers them (issue 13 points 1–3, 6, 7, 12; issue 10.1).

use std::path::Path;

use hyoka::i18n::Lang;
use hyoka::i18n::interchange::read::ReadMsg;
use hyoka::i18n::interchange::summary::WarnMsg;
use hyoka::interchange::import::{ImportOptions, Imported, import};
use hyoka::interchange::{ImportError, Location};

use super::fixture;

fn read(name: &str) -> Result<Imported, ImportError> {
    let path = fixture(&format!("text/{name}"));
    let bytes = std::fs::read(&path).expect("fixture");
    import(&bytes, Path::new(&path), &ImportOptions::default())
}

fn refused(name: &str) -> (Option<Location>, ReadMsg) {
    let error = read(name).err().unwrap_or_else(|| panic!("{name} must be refused"));
    (error.at, error.problem)
}

fn at(line: usize, column: usize) -> Option<Location> {
    Some(Location::Text { line, column })
}

fn names(imported: &Imported) -> Vec<String> {
    imported
        .doc
        .divisions
        .iter()
        .flat_map(|d| d.sections.iter().map(move |s| format!("{} {}", d.name, s.name)))
        .collect()
}

#[test]
fn one_header_row_loses_no_section() {
    let imported = read("one_header_row.tsv").expect("reads");
    assert_eq!(names(&imported), ["総務局 総務課", "総務局 広報課"], "the first row is a section, not a header");
    assert_eq!(imported.doc.checkpoint.map(|d| d.to_string()).as_deref(), Some("2023-11-30"));
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn a_note_under_the_table_is_a_note_not_a_section() {
    let imported = read("note_under_table.tsv").expect("reads");
    assert_eq!(names(&imported), ["総務局 総務課"]);
    assert_eq!(imported.doc.notes.as_deref(), Some("※ 目標達成度は令和6年3月末現在で記入しています。\n\n以上"));
}

#[test]
fn a_line_under_the_table_that_is_no_note_is_refused_with_its_line() {
    let (place, problem) = refused("line_under_table.tsv");
    assert_eq!(place, at(5, 1));
    assert_eq!(problem, ReadMsg::NotNameOrNote { text: "この表は令和6年3月末現在のものです".into() });
    assert!(problem.text(Lang::Ja).contains("注記なら行頭に「※」を付けて"));
}

#[test]
fn a_line_break_pasted_into_a_cell_is_refused_with_the_row_as_it_looks() {
    let (place, problem) = refused("pasted_line_break.tsv");
    assert_eq!(
        place.map(|p| match p {
            Location::Text { line, .. } => line,
            Location::Cell { .. } => 0,
        }),
        Some(4)
    );
    let preview = "総務局 総務課 | 窓口の待ち時間を短縮しま… | ・待ち時間は平均8分から…".to_owned();
    assert_eq!(problem, ReadMsg::CellCount { found: 3, expected: 5, preview });
    let en = problem.text(Lang::En);
    assert!(en.contains("A cell with a line break must be enclosed in \"") && en.contains(".xlsx file"), "{en}");
}

#[test]
fn look_alikes_are_read_as_meant_and_each_is_said_with_its_place() {
    let imported = read("lookalikes.tsv").expect("reads");
    assert_eq!(names(&imported), ["総務局 総務課", "総務局 広報課", "市民局 市民窓口課"], "any space splits 部 and 課");
    let ratings: Vec<_> = imported.doc.divisions.iter().flat_map(|d| &d.sections).map(|s| s.rating.clone()).collect();
    assert_eq!(ratings, [Some("○".into()), Some("×".into()), Some("○".into())]);
    let marks: Vec<_> = imported.doc.scale().iter().map(|g| g.mark.clone()).collect();
    assert_eq!(marks, ["◎", "○", "△", "×"], "the legend's 〇 and half-width colons");
    assert_eq!(imported.doc.fiscal_year, 2023);
    assert_eq!(imported.doc.checkpoint.map(|d| d.to_string()).as_deref(), Some("2023-11-30"), "令和５年１１月末現在");
    let warnings: Vec<_> = imported.warnings.iter().map(|w| (w.at.clone(), w.what.clone())).collect();
    assert_eq!(
        warnings,
        [
            (at(5, 1), WarnMsg::LookAlike { found: '〇', read_as: '○' }),
            (at(8, 39), WarnMsg::LookAlike { found: '〇', read_as: '○' }),
            (at(9, 31), WarnMsg::LookAlike { found: '✕', read_as: '×' }),
            (at(10, 37), WarnMsg::MarkWithLabel { mark: "○".into() }),
        ]
    );
    assert_eq!(imported.warnings[1].render("x.tsv", Lang::En), "x.tsv:8:39: read '〇' (U+3007) as '○' (U+25CB).");
}

#[test]
fn a_look_alike_that_means_nothing_is_refused_with_its_code_point_and_place() {
    let (place, problem) = refused("lookalike_refused.tsv");
    assert_eq!(place, at(7, 31));
    let allowed = ["A", "B", "C"].map(String::from).to_vec();
    assert_eq!(problem, ReadMsg::UnknownRating { mark: "〇".into(), allowed });
    assert!(problem.text(Lang::Ja).contains("「〇 (U+3007)」は凡例にありません"));
}

#[test]
fn goals_keep_the_numbers_the_table_gave() {
    let imported = read("goal_numbers.tsv").expect("reads");
    let sections: Vec<_> = imported.doc.divisions.iter().flat_map(|d| &d.sections).collect();
    let numbering: Vec<_> = sections.iter().map(|s| (s.goals_numbered_from, s.goals.len())).collect();
    assert_eq!(numbering, [(Some(3), 2), (Some(4), 1), (Some(1), 1), (None, 2)]);
    let labels: Vec<_> = sections.iter().map(|s| s.goal_label(0).unwrap_or_default()).collect();
    assert_eq!(labels, ["③", "④", "①", "①"]);
    let table = hyoka::interchange::tsv::export_table(&imported.doc).expect("exports");
    for row in ["総務課\t③窓口の待ち時間を短縮します。 ④電話応対研修", "広報課\t④閲覧件数", "市民窓口課\t①交付を"]
    {
        assert!(table.contains(row), "{row} not in\n{table}");
    }
}

#[test]
fn goals_numbered_out_of_order_are_refused_not_renumbered() {
    let (place, problem) = refused("goal_numbers_out_of_order.tsv");
    assert_eq!(place, at(4, 9));
    assert_eq!(problem, ReadMsg::GoalNumbersOutOfOrder { numbers: "①③".into() });
}

#[test]
fn a_zero_month_or_a_huge_year_is_an_error_never_a_panic_or_a_date() {
    let (place, problem) = refused("zero_month.tsv");
    assert_eq!(place, at(3, 13));
    assert_eq!(problem, ReadMsg::CheckpointUnreadable { phrase: "0月末現在の取組状況".into() });
    let (place, problem) = refused("huge_year.tsv");
    assert_eq!((place, problem), (at(1, 1), ReadMsg::NoFiscalYear));
    let bytes = std::fs::read(fixture("text/one_header_row.tsv")).expect("fixture");
    let huge = ImportOptions { fiscal_year: Some(i32::MAX), ..ImportOptions::default() };
    let error = import(&bytes, Path::new("x.tsv"), &huge).err().map(|e| e.problem);
    assert_eq!(error, Some(ReadMsg::YearOutOfRange { year: i64::from(i32::MAX) }));
}

#[test]
fn the_ward_marker_is_kept_where_the_table_had_it_and_said_where_not() {
    let seed = super::SEED;
    let imported = import(seed.as_bytes(), Path::new("seed.tsv"), &ImportOptions::default()).expect("reads");
    assert!(imported.warnings.is_empty(), "the seed's <上京区> is what a ward office's table has");
    let without = seed.replace("<上京区>\n", "");
    let imported = import(without.as_bytes(), Path::new("seed.tsv"), &ImportOptions::default()).expect("reads");
    let warnings: Vec<_> = imported.warnings.into_iter().map(|w| w.what).collect();
    assert_eq!(warnings, [WarnMsg::MarkerAdded { marker: "<上京区>".into() }]);
    let city = std::fs::read_to_string(fixture("text/one_header_row.tsv")).expect("fixture");
    let marked = city.replacen("\n\n", "\n\n<北山市>\n", 1);
    let imported = import(marked.as_bytes(), Path::new("city.tsv"), &ImportOptions::default()).expect("reads");
    let warnings: Vec<_> = imported.warnings.into_iter().map(|w| (w.at, w.what)).collect();
    assert_eq!(warnings, [(at(3, 1), WarnMsg::MarkerNotKept { marker: "<北山市>".into() })]);
    let table = hyoka::interchange::tsv::export_table(&imported.doc).expect("exports");
    assert!(!table.lines().any(|l| l.starts_with('<')), "a city hall's table has no ward marker:\n{table}");
}

#[test]
fn hyoka_s_own_csv_reads_back_without_a_word_about_the_ward_marker() {
    let doc = hyoka::store::parse_document(include_str!("../../data/kamigyo/2008.yaml")).expect("sample");
    let csv = hyoka::interchange::export(&doc, hyoka::interchange::Format::Csv).expect("csv");
    let options =
        ImportOptions {
            organization: Some("上京区役所".into()), fiscal_year: Some(2008), ..ImportOptions::default()
        };
    let imported = import(&csv, Path::new("2008.csv"), &options).expect("reads");
    let warnings: Vec<_> = imported.warnings.into_iter().map(|w| w.what).collect();
    // Only the bookkeeping columns it does not take; no "区役所の表ですが <区名> の行がありません".
    assert!(warnings.iter().all(|w| matches!(w, WarnMsg::IgnoredColumn { .. })), "{warnings:?}");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

#[test]
fn a_legend_with_a_mark_twice_is_refused_where_it_stands_the_second_time() {
    // Issue 22.7: the place of the second 〇 (read as ○), not the start of the legend.
    let text = "～令和5年度、北山市役所では～\n\n○：「ほぼ達成できた。」 〇：「だいたい。」\n\n所属等名\t目標\n区民部 総務課\t目標\n";
    let error = import(text.as_bytes(), Path::new("t.tsv"), &ImportOptions::default()).expect_err("refused");
    assert_eq!((error.at, error.problem), (at(3, 14), ReadMsg::DuplicateMark { mark: "○".into() }));
    let two_lines = "～令和5年度、北山市役所では～\n\nA:100%以上 B:80%以上\nC:60%以上 A:60%未満\n\n所属等名\t目標\n区民部 総務課\t目標\n";
    let error = import(two_lines.as_bytes(), Path::new("t.tsv"), &ImportOptions::default()).expect_err("refused");
    assert_eq!((error.at, error.problem), (at(4, 9), ReadMsg::DuplicateMark { mark: "A".into() }));
}
