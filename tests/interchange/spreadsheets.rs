//! Tables as spreadsheet programs save them: every "save as" reads as the same document.
//!
//! The fixtures are made with LibreOffice (`tests/fixtures/interchange/make.sh`); issue 13 points 4, 5, 8.

use std::path::Path;

use hyoka::i18n::Lang;
use hyoka::i18n::interchange::read::{EncodingHint, ReadMsg};
use hyoka::interchange::decode::TextEncoding;
use hyoka::interchange::import::{ImportOptions, Imported, InputFormat, import};
use hyoka::interchange::{ImportError, Location};
use hyoka::store::emit_document;

use super::{DATA, fixture};

fn read_with(name: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    import(&bytes, Path::new(name), options)
}

fn yaml_of(name: &str, options: &ImportOptions) -> String {
    let imported = read_with(name, options).unwrap_or_else(|e| panic!("{name}: {}", e.describe(Lang::En)));
    emit_document(&imported.doc)
}

fn cp932() -> ImportOptions {
    ImportOptions { encoding: Some(TextEncoding::Cp932), ..ImportOptions::default() }
}

#[test]
fn the_seed_saved_as_excel_unicode_text_csv_and_xlsx_is_the_sample_byte_for_byte() {
    assert_eq!(yaml_of("seed_kamigyo_2008.xlsx", &ImportOptions::default()), DATA);
    assert_eq!(yaml_of("seed_kamigyo_2008_unicode.txt", &ImportOptions::default()), DATA);
    assert_eq!(yaml_of("seed_kamigyo_2008_cp932.csv", &cp932()), DATA);
}

#[test]
fn every_save_as_of_a_city_halls_table_reads_as_the_same_document() {
    let expected = std::fs::read_to_string(fixture("city_2023.yaml")).expect("fixture");
    let none = ImportOptions::default();
    for (name, options, format, encoding) in [
        ("city_2023.xlsx", &none, InputFormat::Xlsx, None),
        ("city_2023_utf8.csv", &none, InputFormat::Csv, Some(TextEncoding::Utf8)),
        ("city_2023_utf8bom.csv", &none, InputFormat::Csv, Some(TextEncoding::Utf8)),
        ("city_2023_cp932.csv", &cp932(), InputFormat::Csv, Some(TextEncoding::Cp932)),
        ("city_2023_unicode.txt", &none, InputFormat::Tsv, Some(TextEncoding::Utf16Le)),
        ("city_2023_cp932.txt", &cp932(), InputFormat::Tsv, Some(TextEncoding::Cp932)),
    ] {
        let imported = read_with(name, options).unwrap_or_else(|e| panic!("{name}: {}", e.describe(Lang::En)));
        assert_eq!(emit_document(&imported.doc), expected, "{name}");
        assert_eq!((imported.format, imported.encoding), (format, encoding), "{name}");
        assert_eq!(imported.warnings.len(), 2, "{name}: the legend's and a rating's 〇");
    }
}

#[test]
fn excel_line_ends_crlf_read_alike() {
    let expected = std::fs::read_to_string(fixture("city_2023.yaml")).expect("fixture");
    // LibreOffice on Linux ends records with LF; Excel with CRLF (and keeps LF inside a cell).
    let lf = std::fs::read_to_string(fixture("city_2023_utf8.csv")).expect("fixture");
    let crlf = lf.replace('\n', "\r\n");
    let imported = import(crlf.as_bytes(), Path::new("excel.csv"), &ImportOptions::default()).expect("reads");
    assert_eq!(emit_document(&imported.doc), expected);
}

#[test]
fn quoted_cells_hold_line_breaks_and_doubled_quotes_as_the_spreadsheet_meant() {
    let imported = read_with("city_2023_unicode.txt", &ImportOptions::default()).expect("reads");
    let somu = &imported.doc.divisions[0].sections[0];
    assert_eq!(somu.goals, ["窓口でお待たせする時間を1割短縮します。", "職員の電話応対研修を年2回実施します。"]);
    assert_eq!(
        somu.progress,
        "・窓口の待ち時間は平均8分から7分に短縮した。\n・研修は「\"聞く力\"を磨く」をテーマに1回実施した。"
    );
}

#[test]
fn cp932_without_the_flag_is_refused_with_the_flag_to_use() {
    let error = read_with("city_2023_cp932.csv", &ImportOptions::default()).expect_err("refused");
    let ReadMsg::NotUtf8 { line: 1, column: 1, hint: EncodingHint::Cp932 { first_line } } = &error.problem else {
        panic!("{:?}", error.problem)
    };
    assert!(first_line.starts_with("～令和5年度、北山市役所では"), "{first_line}");
    assert!(error.describe(Lang::Ja).contains("--encoding cp932 を付けてください"));
    let wrong = ImportOptions { encoding: Some(TextEncoding::Cp932), ..ImportOptions::default() };
    let bom = read_with("city_2023_unicode.txt", &wrong).err().map(|e| e.problem);
    assert_eq!(bom, Some(ReadMsg::BomDisagrees { bom: "UTF-16LE", asked: "cp932" }));
    let not_cp932 = read_with("city_2023_utf8.csv", &wrong).err().map(|e| e.problem);
    assert_eq!(not_cp932, Some(ReadMsg::Cp932ButUtf8));
}

#[test]
fn a_csv_read_as_tab_separated_is_told_to_use_the_csv_format() {
    let tsv = ImportOptions { format: Some(InputFormat::Tsv), ..ImportOptions::default() };
    let error = read_with("city_2023_utf8.csv", &tsv).err().map(|e| e.problem);
    assert_eq!(error, Some(ReadMsg::NoHeader { other_delimiter: Some("csv") }));
}

#[test]
fn a_workbook_with_a_cover_sheet_is_searched_and_sheet_chooses() {
    let imported = read_with("city_2023.xlsx", &ImportOptions::default()).expect("the table on sheet 2");
    assert_eq!(imported.doc.divisions.len(), 2);
    // The 部 column's merged cell (総務局 over two rows) is read for both sections.
    assert_eq!(imported.doc.divisions[0].sections.len(), 2);
    let sheet = |name: &str| ImportOptions { sheet: Some(name.into()), ..ImportOptions::default() };
    assert!(read_with("city_2023.xlsx", &sheet("目標")).is_ok());
    let cover = read_with("city_2023.xlsx", &sheet("表紙")).expect_err("no table there");
    let at = Location::Cell { sheet: "表紙".into(), row: 1, column: 1 };
    assert_eq!(cover.at, Some(at));
    let missing = read_with("city_2023.xlsx", &sheet("目標2")).err().map(|e| e.problem);
    let sheets = vec!["表紙".to_owned(), "目標".to_owned()];
    assert_eq!(missing, Some(ReadMsg::SheetNotFound { name: "目標2".into(), sheets }));
}

#[test]
fn a_cell_merged_across_two_fields_is_refused_by_its_excel_name() {
    let error = read_with("merged_across.xlsx", &ImportOptions::default()).expect_err("refused");
    assert_eq!(error.at, Some(Location::Cell { sheet: "目標".into(), row: 5, column: 2 }));
    assert_eq!(error.problem, ReadMsg::MergedAcross { range: "B5:C5".into() });
    assert_eq!(
        error.render("t.xlsx", Lang::Ja),
        "t.xlsx: シート 目標, セル B5: セル B5:C5 は結合されていて、二つの欄にまたがっています。結合を解いて、それぞれの欄に書いてください。"
    );
}

#[test]
fn cells_merged_down_over_two_sections_belong_to_both() {
    let imported = read_with("merged_down.xlsx", &ImportOptions::default()).expect("reads");
    let sections = &imported.doc.divisions[0].sections;
    assert_eq!(sections.len(), 2);
    let (first, second) = (&sections[0], &sections[1]);
    assert_eq!((first.name.as_str(), second.name.as_str()), ("福祉介護課", "支援保護課"));
    assert!(first.same_content(&hyoka::model::Section { name: first.name.clone(), ..second.clone() }));
    assert_eq!(second.progress, "一定の評価をいただいている。");
    assert_eq!(second.rating.as_deref(), Some("△"));
}

/// Some writers give a merged area bottom first (`B5:B4`): it is the same area, not an empty one
/// nor one that spills over the rows below.
#[test]
fn cells_merged_bottom_up_read_as_the_area_they_mean() {
    let down = read_with("merged_down.xlsx", &ImportOptions::default()).expect("reads");
    let bottom_up = read_with("merged_bottom_up.xlsx", &ImportOptions::default()).expect("reads");
    assert_eq!(bottom_up.doc, down.doc);
}
