//! Legends as offices write them, circled-number scales, the scale's order, and no legend an office never
//! wrote (issue 22 points 1–4 and 7). The fixtures are made with LibreOffice from `.fods` (`make.sh`).

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use hyoka::i18n::Lang;
use hyoka::i18n::interchange::read::ReadMsg;
use hyoka::interchange::import::{ImportOptions, Imported, InputFormat, import};
use hyoka::interchange::tsv::export_table;
use hyoka::interchange::{Format, ImportError, Location, export, xlsx};
use hyoka::model::Document;
use hyoka::store::emit_document;

use super::{fixture, fixture_arg, hyoka, sample, text};

fn read(name: &str) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    import(&bytes, Path::new(name), &ImportOptions::default())
}

fn doc(name: &str) -> Document {
    read(name).unwrap_or_else(|e| panic!("{name}: {}", e.render(name, Lang::En))).doc
}

fn marks(doc: &Document) -> Vec<String> {
    doc.scale.iter().flatten().map(|g| format!("{} {}", g.mark, g.label)).collect()
}

fn ratings(doc: &Document) -> Vec<Option<String>> {
    doc.divisions.iter().flat_map(|d| &d.sections).map(|s| s.rating.clone()).collect()
}

/// Every save-as of a fixture reads as the YAML next to it, byte for byte.
fn reads_as_its_yaml(names: &[&str], yaml: &str) {
    let expected = std::fs::read_to_string(fixture(yaml)).expect("fixture");
    for name in names {
        assert_eq!(emit_document(&doc(name)), expected, "{name}");
    }
}

/// The document goes out as a text table and as a workbook and comes back the same.
fn goes_through_both_tables(doc: &Document) {
    let table = export_table(doc).unwrap_or_else(|e| panic!("{}", e.describe(Lang::En)));
    let back = hyoka::interchange::import::import_text(&table, InputFormat::Tsv, &ImportOptions::default());
    assert_eq!(back.map(|(d, _)| d), Ok(doc.clone()), "{table}");
    let book = xlsx::export_workbook(doc).unwrap_or_else(|e| panic!("{}", e.describe(Lang::En)));
    assert_eq!(xlsx::import_workbook(&book, &ImportOptions::default()).map(|(d, _)| d), Ok(doc.clone()));
}

#[test]
fn a_five_step_legend_two_per_line_is_read_in_its_own_order() {
    reads_as_its_yaml(&["legend_five_steps.xlsx", "legend_five_steps.csv"], "legend_five_steps.yaml");
    let doc = doc("legend_five_steps.csv");
    let steps =
        ["1 目標を大きく上回った", "2 目標を上回った", "3 目標どおり", "4 目標をやや下回った", "5 目標を下回った"];
    assert_eq!(marks(&doc), steps, "not 1 3 5 2 4, as the columns of the page would have it");
    assert_eq!(ratings(&doc), ["2", "4", "1", "3", "5"].map(|m| Some(m.to_owned())));
    // hyoka writes it two a line in the scale's order, and reads that back.
    let table = export_table(&doc).expect("exports");
    let legend: Vec<&str> = table.lines().skip(4).take(3).collect();
    assert_eq!(
        legend,
        [
            "1：「目標を大きく上回った。」 2：「目標を上回った。」",
            "3：「目標どおり。」 4：「目標をやや下回った。」",
            "5：「目標を下回った。」"
        ]
    );
    goes_through_both_tables(&doc);
}

#[test]
fn hyoka_summary_counts_the_five_steps_in_their_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let yaml = dir.path().join("higashiyama/2024.yaml");
    let run = hyoka(&["import", &fixture_arg("legend_five_steps.xlsx"), "-o", &yaml.to_string_lossy()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let summary = hyoka(&["summary", &dir.path().to_string_lossy(), "--format", "csv"]);
    let header = text(&summary.stdout).lines().next().unwrap_or_default().to_owned();
    assert!(header.starts_with("organization,fiscal_year,division,sections,1,2,3,4,5,unrated"), "{header}");
}

#[test]
fn a_legend_of_words_makes_the_words_marks_under_its_heading() {
    reads_as_its_yaml(&["legend_words.xlsx", "legend_words.csv"], "legend_words.yaml");
    let doc = doc("legend_words.xlsx");
    assert_eq!(
        marks(&doc),
        ["達成 目標を達成した", "概ね達成 目標をおおむね達成した", "未達成 目標を達成できなかった"]
    );
    assert_eq!(ratings(&doc), [Some("達成".into()), Some("概ね達成".into()), Some("未達成".into()), None]);
    goes_through_both_tables(&doc);
    // Under a legend of symbols, or past the blank line that ends a legend, a word and a colon are no mark.
    for stray in ["◎：「達成できた。」\n作成：総務課\n", "達成：目標を達成した\n\n作成：総務課\n"]
    {
        let table =
            format!("～令和6年度、西山市役所では～\n\n【評価の凡例】\n{stray}\n所属等名\t目標\n総務部 総務課\t目標\n");
        let error = import(table.as_bytes(), Path::new("t.tsv"), &ImportOptions::default()).expect_err("refused");
        assert!(error.describe(Lang::En).contains("作成：総務課"), "{stray}: {}", error.describe(Lang::En));
    }
    // Without the heading the words are no legend: said so, at the line, with what to add.
    let csv = std::fs::read_to_string(fixture("legend_words.csv")).expect("fixture").replace("【評価の凡例】", "");
    let error = import(csv.as_bytes(), Path::new("t.csv"), &ImportOptions::default()).expect_err("refused");
    assert_eq!(error.at, Some(Location::Text { line: 4, column: 1 }));
    assert!(matches!(error.problem, ReadMsg::LegendNeedsHeading { .. }), "{:?}", error.problem);
    assert!(error.describe(Lang::Ja).contains("その上の行に「凡例」"), "{}", error.describe(Lang::Ja));
}

#[test]
fn a_published_legend_with_leaders_and_one_copied_from_a_web_page_are_read() {
    let leaders = doc("legend_leaders.xlsx");
    let want = ["A 目標(計画)達成率100%", "B 目標(計画)達成率80%以上100%未満", "C 目標(計画)達成率80%未満"];
    assert_eq!(marks(&leaders), want);
    assert_eq!(ratings(&leaders), ["A", "B", "C"].map(|m| Some(m.to_owned())));
    let web = doc("legend_web.csv");
    assert_eq!(marks(&web), ["A 100%以上", "B 80%以上", "C 80%未満"]);
    assert_eq!(ratings(&web), [Some("A".into()), Some("B".into())]);
    goes_through_both_tables(&leaders);
    goes_through_both_tables(&web);
}

#[test]
fn every_separator_offices_use_reads_the_same_legend() {
    for legend in [
        "A：「100%以上」 B：「80%以上」",
        "A:100%以上 B:80%以上",
        "A‥100%以上 B‥‥80%以上",
        "A…100%以上 B…80%以上",
        "A＝100%以上、B＝80%以上",
        "A=100%以上 B=80%以上",
        "A「100%以上」 B「80%以上」",
        "A 100%以上 B 80%以上",
        "A\t100%以上\tB\t80%以上",
        "A：100%以上\tB：80%以上",
        "凡例：A：100%以上 B：80%以上",
    ] {
        let table =
            format!("～令和6年度、北山市役所では～\n\n{legend}\n\n所属等名\t目標\t達成度\n総務局 総務課\t目標\tB\n");
        let read = import(table.as_bytes(), Path::new("t.tsv"), &ImportOptions::default());
        let read = read.unwrap_or_else(|e| panic!("{legend}: {}", e.render("t.tsv", Lang::En))).doc;
        assert_eq!(marks(&read), ["A 100%以上", "B 80%以上"], "{legend}");
    }
}

#[test]
fn a_legend_line_that_cannot_be_read_is_named_and_shown_the_form_never_sent_round_the_formats() {
    // Issue 22.1: the seed's header holds ", " — once that made hyoka say "--format csv", and then "tsv".
    let seed = super::SEED.replace(
        "○：「ほぼ達成できた。」 ×：「あまり達成できなかった。」",
        "○：「ほぼ達成できた。」 ×：あまり達成できなかった。」",
    );
    for format in [InputFormat::Tsv, InputFormat::Csv] {
        let options = ImportOptions { format: Some(format), ..ImportOptions::default() };
        let error = import(seed.as_bytes(), Path::new("seed.txt"), &options).expect_err("refused");
        assert_eq!(error.at, Some(Location::Text { line: 8, column: 1 }), "{format:?}");
        assert!(matches!(error.problem, ReadMsg::LegendUnreadable { .. }), "{format:?}: {:?}", error.problem);
        let said = error.describe(Lang::Ja);
        assert!(said.contains("「A：100%以上」") && !said.contains("--format"), "{said}");
    }
    // A line hyoka cannot place is named where it is, even in a header with ", " in it.
    let titled = super::SEED.replacen("<上京区>", "令和6年度 組織目標\n\n<上京区>", 1);
    let error = import(titled.as_bytes(), Path::new("seed.tsv"), &ImportOptions::default()).expect_err("refused");
    assert_eq!(error.problem, ReadMsg::UnknownBeforeTable { text: "令和6年度 組織目標".into() });
    // A table that really is the other format is still told so.
    let csv = std::fs::read_to_string(fixture("city_2023_utf8.csv")).expect("fixture");
    let as_tsv = ImportOptions { format: Some(InputFormat::Tsv), ..ImportOptions::default() };
    let error = import(csv.as_bytes(), Path::new("t.txt"), &as_tsv).expect_err("refused");
    assert_eq!(error.problem, ReadMsg::NoHeader { other_delimiter: Some("csv") });
}

#[test]
fn circled_numbers_are_the_scale_where_the_legend_says_so() {
    reads_as_its_yaml(&["circled_scale.xlsx", "circled_scale_unicode.txt"], "circled_scale.yaml");
    let doc = doc("circled_scale.xlsx");
    assert_eq!(marks(&doc), ["① 目標を達成した", "② 目標を概ね達成した", "③ 目標を達成できなかった"]);
    // ② in a section of two goals and ① in one of one goal are ratings, not goal numbers.
    assert_eq!(ratings(&doc), ["②", "①", "②"].map(|m| Some(m.to_owned())));
    let center = &doc.divisions[0].sections[2];
    assert_eq!(center.goal_ratings, [Some("①".to_owned()), Some("③".to_owned())], "the ①① ②③ form");
    goes_through_both_tables(&doc);
}

/// A rated document without `scale:` whose texts say nothing of the usual scale's words.
fn without_legend() -> Document {
    let mut doc = sample();
    doc.scale = None;
    for section in doc.divisions.iter_mut().flat_map(|d| &mut d.sections) {
        section.goals = vec!["窓口の待ち時間を短縮します。".into()];
        section.goals_intro.clear();
        (section.progress, section.reflection) = ("平均8分から7分に短縮した。".into(), "繁忙期の対応が課題。".into());
    }
    doc
}

#[test]
fn exports_print_no_legend_the_document_does_not_have() {
    let doc = without_legend();
    assert!(doc.divisions[0].sections[0].rating.is_some(), "rated, with the usual marks");
    let words = ["達成できた", "ほぼ達成できた", "ある程度達成できた", "あまり達成できなかった", "凡例"];
    for format in [Format::Html, Format::Md, Format::Csv, Format::Tsv] {
        let out = String::from_utf8(export(&doc, format).expect("exports")).expect("UTF-8");
        for word in words {
            assert!(!out.contains(word), "{format:?} prints '{word}', which the office never wrote");
        }
    }
    let book = xlsx::export_workbook(&doc).expect("exports");
    let mut sheets: Xlsx<_> = open_workbook_from_rs(Cursor::new(book)).expect("a workbook");
    let range = sheets.worksheet_range_at(0).expect("a sheet").expect("readable");
    assert!(range.used_cells().all(|(_, _, cell)| !words.iter().any(|w| Data::to_string(cell).contains(w))));
    // The legend a document has is printed, its words with it.
    let html = String::from_utf8(export(&sample(), Format::Html).expect("exports")).expect("UTF-8");
    assert!(html.contains("目標達成度 凡例") && html.contains("title=\"ほぼ達成できた\""));
    let md = String::from_utf8(export(&sample(), Format::Md).expect("exports")).expect("UTF-8");
    assert!(md.contains("- ○ ほぼ達成できた") && md.contains("| ○ ほぼ達成できた |"));
    assert!(export_table(&sample()).is_ok_and(|t| t.contains("※目標達成度 凡例")));
}
