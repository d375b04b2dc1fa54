//! Import and export: the table formats read back what they write, the formats for people are
//! inert against hostile text, the HTML renders in a real browser, and the CLI around them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use std::io::Cursor;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use hyoka::i18n::Lang;
use hyoka::interchange::tsv::{ImportOptions, export_table, import_table};
use hyoka::interchange::{Format, export, html, markdown, xlsx};
use hyoka::model::{Division, Document, Grade, Section, fiscal_year_label};
use hyoka::store::parse_document;
use proptest::prelude::*;

const DATA: &str = include_str!("../data/kamigyo/2008.yaml");
const SEED: &str = include_str!("fixtures/seed_kamigyo_2008.tsv");

fn sample() -> Document {
    parse_document(DATA).expect("data/kamigyo/2008.yaml parses")
}

fn options_for(doc: &Document) -> ImportOptions {
    ImportOptions { organization: Some(doc.organization.clone()), fiscal_year: Some(doc.fiscal_year) }
}

// ---------------------------------------------------------------------------------------------
// TSV: the exact inverse of the importer
// ---------------------------------------------------------------------------------------------

#[test]
fn the_sample_exports_to_the_seed_table_and_back() {
    let doc = sample();
    let text = export_table(&doc).expect("the sample fits the table");
    assert_eq!(import_table(&text, &ImportOptions::default()), Ok(doc));
    // Line for line the seed's, except for the blank lines the publication scattered: two at the top,
    // one among the rows (a page break), and no newline at the end.
    let lines = |t: &str| t.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(lines(&text), lines(SEED));
    // Before the table, blank lines set the preface, the legend and the marker apart, as in the seed.
    let preamble = |t: &str| t.lines().take_while(|l| !l.contains('\t')).map(str::is_empty).collect::<Vec<_>>();
    assert_eq!(preamble(&text), preamble(SEED.trim_start_matches('\n')));
}

/// Words never start with ・ and hold no spaces, so no space ever stands right before a bullet.
fn word() -> impl Strategy<Value = String> {
    (
        "[あ-んア-ン目標達成市民対応課題取組改善A-Za-z0-9、。「」()%=<>&\"'|+@#*_-]",
        "[あ-んア-ン目標達成A-Za-z0-9、。・「」()%=<>&|-]{0,6}",
    )
        .prop_map(|(first, rest)| first + &rest)
}

/// One line: words separated by a half- or full-width space.
fn line() -> impl Strategy<Value = String> {
    (word(), prop::collection::vec((prop::sample::select(vec![" ", "　"]), word()), 0..4))
        .prop_map(|(first, rest)| rest.into_iter().fold(first, |line, (space, word)| line + space + &word))
}

/// Text as the table carries it: line breaks only before ・ bullets.
fn bulleted() -> impl Strategy<Value = String> {
    (any::<bool>(), line(), prop::collection::vec(line(), 0..3)).prop_map(|(bullet, first, rest)| {
        let first = if bullet { format!("・{first}") } else { first };
        rest.into_iter().fold(first, |text, line| text + "\n・" + &line)
    })
}

fn optional(text: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), text]
}

fn section(index: usize, marks: Vec<String>) -> impl Strategy<Value = Section> {
    let goals = (optional(line()), prop::collection::vec(bulleted(), 0..4));
    let rating = prop::option::of(prop::sample::select(marks));
    (line(), goals, optional(bulleted()), rating, optional(bulleted())).prop_map(
        move |(name, (goals_intro, mut goals), progress, rating, reflection)| {
            if !goals_intro.is_empty() && goals.is_empty() {
                goals.push("目標".into());
            }
            Section {
                name: format!("{name}{index}課"),
                goals_intro,
                goals,
                progress,
                rating,
                reflection,
                updated: None,
                updated_by: None,
            }
        },
    )
}

fn scale() -> impl Strategy<Value = Option<Vec<Grade>>> {
    let marks = prop::sample::subsequence(vec!["◎", "○", "△", "×", "A", "B+", "☆", "S"], 1..6);
    let label = "[あ-んア-ン目標達成A-Za-z0-9、]{1,8}( [あ-ん]{1,4})?";
    prop::option::of(marks.prop_flat_map(move |marks| {
        let n = marks.len();
        prop::collection::vec(label, n).prop_map(move |labels| {
            marks.iter().zip(labels).map(|(m, l)| Grade { mark: (*m).to_owned(), label: l }).collect()
        })
    }))
}

fn checkpoint(fiscal_year: i32) -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((1u32..=12, 1u32..=31).prop_map(move |(month, day)| {
        let year = if month <= 3 { fiscal_year + 1 } else { fiscal_year };
        // Days past the month's end become its last day, the common 月末 case.
        (1..=day).rev().find_map(|d| NaiveDate::from_ymd_opt(year, month, d)).unwrap_or_default()
    }))
}

/// Documents whose every text the table can carry (see the limits in `hyoka::interchange::tsv`).
fn carriable_document() -> impl Strategy<Value = Document> {
    let organization = prop::sample::select(vec!["上京区役所", "中京区役所", "京都市", "ABC役所"]);
    (organization, 1989i32..2040, scale(), optional(line()), any::<bool>()).prop_flat_map(
        |(organization, fiscal_year, scale, preface_text, has_preface)| {
            let marks: Vec<String> = match &scale {
                Some(grades) => grades.iter().map(|g: &Grade| g.mark.clone()).collect(),
                None => ["◎", "○", "△", "×"].map(str::to_owned).to_vec(),
            };
            let preface = has_preface
                .then(|| format!("～{}、{organization}では、{preface_text}～", fiscal_year_label(fiscal_year)));
            let divisions = prop::collection::vec(1usize..4, 0..4).prop_flat_map(move |counts| {
                let division = |(d, count): (usize, usize)| {
                    let sections: Vec<_> = (0..count).map(|s| section(s, marks.clone())).collect();
                    (word(), sections)
                        .prop_map(move |(name, sections)| Division { name: format!("{name}{d}部"), sections })
                };
                counts.into_iter().enumerate().map(division).collect::<Vec<_>>()
            });
            (checkpoint(fiscal_year), divisions).prop_map(move |(checkpoint, divisions)| Document {
                organization: organization.to_owned(),
                fiscal_year,
                checkpoint,
                preface: preface.clone(),
                scale: scale.clone(),
                divisions,
            })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn what_the_table_can_carry_comes_back_the_same(doc in carriable_document()) {
        let text = export_table(&doc).map_err(|e| TestCaseError::fail(e.en))?;
        // Without a preface the table does not name organisation and year: import asks for them.
        let options = if doc.preface.is_some() { ImportOptions::default() } else { options_for(&doc) };
        prop_assert_eq!(import_table(&text, &options), Ok(doc));
    }
}

// ---------------------------------------------------------------------------------------------
// xlsx: the same table in a sheet
// ---------------------------------------------------------------------------------------------

#[test]
fn the_sample_goes_through_xlsx_unchanged() {
    let doc = sample();
    let bytes = xlsx::export_workbook(&doc).expect("the sample fits the sheet");
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip file");
    assert_eq!(xlsx::import_workbook(&bytes, &ImportOptions::default()), Ok(doc));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A sheet's cells hold real line breaks: any line break comes back, not only before ・.
    #[test]
    fn sheets_carry_line_breaks_anywhere(doc in carriable_document(), at in 1usize..4) {
        let mut doc = doc;
        for section in doc.divisions.iter_mut().flat_map(|d| &mut d.sections) {
            section.progress = section.progress.replace(" ", "\n").replacen('・', "二行目\nと・", at);
        }
        let bytes = xlsx::export_workbook(&doc).map_err(|e| TestCaseError::fail(e.en))?;
        prop_assert_eq!(xlsx::import_workbook(&bytes, &options_for(&doc)), Ok(doc));
    }
}

#[test]
fn the_sheet_has_the_table_layout_and_no_formulas() {
    let mut doc = sample();
    doc.divisions[0].sections[0].reflection = "=SUM(A1)".into();
    let bytes = xlsx::export_workbook(&doc).expect("exports");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).expect("calamine reads it");
    assert_eq!(book.sheet_names(), ["所属等の目標"]);
    let range = book.worksheet_range_at(0).expect("a sheet").expect("readable");
    let cell = |row: usize, col: usize| range.get((row, col)).map(Data::to_string).unwrap_or_default();
    assert!(cell(0, 0).starts_with("～平成20年度"));
    assert_eq!(cell(11, 0), "区民部 総務課");
    assert_eq!(cell(11, 1).lines().count(), 2, "each goal on its own line");
    assert_eq!(cell(11, 4), "=SUM(A1)", "a text, read back as written");
    let formulas = book.worksheet_formula("所属等の目標").expect("formulas readable");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell is a formula");
    assert_eq!(xlsx::import_workbook(&bytes, &ImportOptions::default()), Ok(doc));
}

#[test]
fn a_workbook_error_names_the_cell() -> Result<(), rust_xlsxwriter::XlsxError> {
    let bad = xlsx::import_workbook(b"not a zip", &ImportOptions::default()).err();
    assert!(bad.is_some_and(|e| e.describe(Lang::Ja).contains("Excel（.xlsx）ファイルとして読めません")));
    // A sheet typed by hand: preface, two header rows, then a row without its division.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "～平成20年度、上京区役所では～")?;
    sheet.write_string(2, 0, "所属等名")?.write_string(2, 1, "所属等の目標")?;
    sheet.write_string(3, 3, "目標達成度")?;
    sheet.write_string(4, 0, "区民部 総務課")?.write_string(4, 3, "☆")?;
    let bytes = book.save_to_buffer()?;
    let error = xlsx::import_workbook(&bytes, &ImportOptions::default()).err().map(|e| e.describe(Lang::Ja));
    assert_eq!(error.as_deref(), Some("セル D5: 目標達成度「☆」は凡例にありません。"));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// HTML, CSV, Markdown
// ---------------------------------------------------------------------------------------------

#[test]
fn the_html_page_is_standalone_grouped_and_printable() {
    let page = html::export_html(&sample());
    for needle in [
        "<!DOCTYPE html>\n<html lang=\"ja\">",
        "<meta charset=\"utf-8\">",
        "<title>上京区役所 平成20年度 所属等の目標</title>",
        "@page { size: A4 landscape;",
        "break-inside: avoid; page-break-inside: avoid;",
        "border: 1px solid #000",
        "<th scope=\"col\">所属等名</th><th scope=\"col\">所属等の目標</th><th scope=\"col\">11月末現在の取組状況</th><th scope=\"col\">目標達成度</th><th scope=\"col\">振り返り</th>",
        "<li><span class=\"mark\">◎</span>達成できた</li>",
        "<th colspan=\"5\" scope=\"rowgroup\">福祉部</th>",
        "<div>来庁者満足度の向上のため</div><div class=\"goal\">①用件処理に要する時間を短縮します。</div>",
        "・「質の高い対応、電話が鳴ったら2回以内に出る」という目標は、概ね達成できた。<br>・ホームページ改善",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
    for external in ["<script", "<link", "src=", "http://", "https://", "@import", "url("] {
        assert!(!page.contains(external), "{external} would reach outside the file");
    }
    assert_eq!(page.matches("<tbody>").count(), 3, "one group per division");
    assert_eq!(page.matches("<tr><th scope=\"row\">").count(), 11, "one row per section");
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').expect("a byte-order mark for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_csv_has_a_header_and_a_row_per_section() {
    let mut doc = sample();
    doc.divisions[0].sections[0].updated_by = Some("tanaka".into());
    doc.divisions[0].sections[0].updated = "2026-11-24T13:58:00+09:00".parse().ok();
    let text = hyoka::interchange::csv::export_csv(&doc);
    assert!(text.starts_with("\u{FEFF}部,課,所属等の目標,取組状況,目標達成度,振り返り,updated,updated_by\r\n"));
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches("\r\n").count(), 12, "CRLF ends the header and the 11 records, never a line in a cell");
    let records = parse_csv(&text);
    assert_eq!(records.len(), 12);
    assert!(records.iter().all(|r| r.len() == 8));
    let somu = &records[1];
    assert_eq!(&somu[..2], ["区民部", "総務課"]);
    assert_eq!(
        somu[2],
        "①笑顔で、質の高い対応をこころがけ、クレームをゼロにします。\n②区民の皆様への情報提供サービスを向上させるため、ホームページの改善に取り組み、アクセス件数の1割増加を目指します。"
    );
    assert_eq!(somu[3], doc.divisions[0].sections[0].progress);
    let reflection = doc.divisions[0].sections[0].reflection.as_str();
    assert_eq!(&somu[4..], ["○", reflection, "2026-11-24T13:58:00+09:00", "tanaka"]);
}

/// The cells of a Markdown table row, split at pipes that are not backslash-escaped.
fn markdown_cells(row: &str) -> usize {
    let mut escaped = false;
    let mut pipes = 0;
    for c in row.chars() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '|') => pipes += 1,
            _ => {}
        }
    }
    pipes - 1
}

#[test]
fn the_markdown_has_a_table_per_division() {
    let text = markdown::export_markdown(&sample());
    assert!(text.starts_with("# 上京区役所 平成20年度 所属等の目標\n\n～平成20年度"));
    assert!(text.contains("- ◎ 達成できた\n- ○ ほぼ達成できた\n"));
    assert_eq!(text.matches("\n## ").count(), 3);
    assert!(text.contains(
        "\n## 福祉部\n\n| 所属等名 | 所属等の目標 | 11月末現在の取組状況 | 目標達成度 | 振り返り |\n| --- |"
    ));
    assert!(text.contains(
        "| 市民窓口課 | 来庁者満足度の向上のため<br>①用件処理に要する時間を短縮します。<br>②丁寧な説明を励行します。 |"
    ));
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 3 * 2 + 11);
    assert!(rows.iter().all(|r| markdown_cells(r) == 5));
}

// ---------------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------------

const HOSTILE: [&str; 8] =
    ["\u{1b}]52;c;AAAA\u{7}", "\u{1b}[2J", "\u{9b}", "\u{202e}", "<script>", "a|b", "\"quoted\"", "=SUM(A1)"];

fn hostile_document(texts: &[&str]) -> Document {
    let all = texts.concat();
    let sections = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Section {
            name: format!("課{i}{text}"),
            goals_intro: String::new(),
            goals: vec![text.to_string(), format!("{text}二")],
            progress: text.to_string(),
            rating: Some("○".into()),
            reflection: text.to_string(),
            updated: None,
            updated_by: Some(text.to_string()),
        })
        .collect();
    Document {
        organization: "上京区役所".into(),
        fiscal_year: 2008,
        checkpoint: None,
        preface: Some(format!("～平成20年度、上京区役所では、{all}～")),
        scale: None,
        divisions: vec![Division { name: format!("部{}", all.replace(' ', "")), sections }],
    }
}

/// ESC and the other C0 controls (line ends excepted), DEL, C1, and the direction controls.
fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\r')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}

#[test]
fn hostile_text_is_inert_in_every_format() {
    let doc = hostile_document(&HOSTILE);
    let page = String::from_utf8(export(&doc, Format::Html).expect("html")).expect("utf-8");
    assert_eq!(raw_control(&page), None);
    assert!(!page.contains("<script>") && page.contains("&lt;script&gt;"));
    assert!(page.contains("&quot;quoted&quot;") && page.contains("␛[2J") && page.contains("&lt;U+202E&gt;"));

    let md = String::from_utf8(export(&doc, Format::Md).expect("md")).expect("utf-8");
    assert_eq!(raw_control(&md), None);
    assert!(!md.contains("<script>"));
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 2 + HOSTILE.len());
    assert!(rows.iter().all(|r| markdown_cells(r) == 5), "{rows:#?}");

    let csv_text = String::from_utf8(export(&doc, Format::Csv).expect("csv")).expect("utf-8");
    assert_eq!(raw_control(&csv_text), None);
    let records = parse_csv(&csv_text);
    assert_eq!(records.len(), 1 + HOSTILE.len());
    assert!(records.iter().all(|r| r.len() == 8));
    let formula_row = &records[8];
    assert_eq!(formula_row[3], "'=SUM(A1)", "a leading apostrophe keeps a spreadsheet from running it");
    assert_eq!(records[7][3], "\"quoted\"");
    assert_eq!(records[6][3], "a|b");

    let bytes = export(&doc, Format::Xlsx).expect("xlsx");
    let back = xlsx::import_workbook(&bytes, &ImportOptions::default()).expect("reads back");
    assert_eq!(raw_control(&all_texts(&back)), None, "{back:?}");
    assert_eq!(back.divisions[0].sections[7].reflection, "=SUM(A1)", "kept as text, quote-prefixed in Excel");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("calamine reads it");
    let formulas = book.worksheet_formula("所属等の目標").expect("formulas readable");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));

    // The table refuses what would reach a terminal, and says so without sending it there.
    let refused = export(&doc, Format::Tsv).expect_err("controls refused");
    assert!(refused.ja.contains("制御文字 U+001B"), "{}", refused.ja);
    assert_eq!(raw_control(&refused.ja), None);
    assert_eq!(raw_control(&refused.en), None);
}

#[test]
fn hostile_but_printable_text_goes_through_the_table() {
    let mut doc = hostile_document(&HOSTILE[4..]);
    let text = export_table(&doc).expect("no controls, no tabs: the table carries it");
    // The stamps are the files' bookkeeping, not part of the published table.
    doc.divisions[0].sections.iter_mut().for_each(|s| s.updated_by = None);
    assert_eq!(import_table(&text, &ImportOptions::default()), Ok(doc));
}

/// Every text of a document, concatenated.
fn all_texts(doc: &Document) -> String {
    let mut all = format!("{}{}", doc.organization, doc.preface.clone().unwrap_or_default());
    for division in &doc.divisions {
        all += &division.name;
        for s in &division.sections {
            all += &format!("{}{}{}{}{}", s.name, s.goals.concat(), s.progress, s.reflection, s.goals_intro);
        }
    }
    all
}

// ---------------------------------------------------------------------------------------------
// The HTML in a real browser
// ---------------------------------------------------------------------------------------------

#[test]
fn the_html_renders_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: chromium not installed (apt-get install chromium fonts-noto-cjk)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("2008.html");
    std::fs::write(&page, html::export_html(&sample())).expect("page written");
    let png = dir.path().join("2008.png");
    let profile = dir.path().join("profile");
    let mut child = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1600,1200")
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    while child.try_wait().expect("chromium runs").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    assert!(bytes.len() > 20_000, "a rendered page, not a blank one: {} bytes", bytes.len());
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

fn hyoka(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka")).args(args).env_remove("HYOKA_LANG").output().expect("hyoka runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn export_writes_one_file_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("kamigyo.html");
    let out_arg = out.to_string_lossy().into_owned();
    let run = hyoka(&["export", "data/kamigyo/2008.yaml", "-o", &out_arg]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), format!("書き出しました: {out_arg}\n"));
    assert_eq!(std::fs::read_to_string(&out).ok(), Some(html::export_html(&sample())), "format taken from .html");
    let again = hyoka(&["export", "--format", "html", "data/kamigyo/2008.yaml", "-o", &out_arg]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("はもうあります。上書きするなら --force を付けてください。"));
    let forced = hyoka(&["export", "--format", "md", "--force", "data/kamigyo/2008.yaml", "-o", &out_arg]);
    assert!(forced.status.success());
    assert!(std::fs::read_to_string(&out).is_ok_and(|t| t.starts_with("# 上京区役所")));
}

#[test]
fn export_of_a_folder_mirrors_it_and_reports_broken_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    for ward in ["kamigyo", "nakagyo"] {
        std::fs::create_dir_all(data.join(ward)).expect("folder");
        std::fs::write(data.join(ward).join("2008.yaml"), DATA).expect("copy");
    }
    std::fs::copy("tests/fixtures/broken/bad_rating.yaml", data.join("broken.yaml")).expect("copy");
    let (data_arg, out) = (data.to_string_lossy().into_owned(), dir.path().join("out"));
    let run = hyoka(&["export", "-f", "tsv", &data_arg, "-o", &out.to_string_lossy()]);
    assert_eq!(run.status.code(), Some(1), "a broken file fails the run");
    let stderr = text(&run.stderr);
    assert!(stderr.contains("broken.yaml:7:17: 目標達成度「☆」は評価の区分にありません。"), "{stderr}");
    assert!(stderr.contains("3ファイル中1ファイルは書き出せませんでした。"), "{stderr}");
    for ward in ["kamigyo", "nakagyo"] {
        let written = std::fs::read_to_string(out.join(ward).join("2008.tsv")).unwrap_or_default();
        assert_eq!(import_table(&written, &ImportOptions::default()), Ok(sample()));
    }
    assert!(!out.join("broken.tsv").exists());
}

#[test]
fn export_speaks_english_and_explains_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("table.out").to_string_lossy().into_owned();
    let run = hyoka(&["export", "--lang", "en", "data", "-o", &out]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("cannot tell the format; add --format html|csv|md|tsv|xlsx"));
    let yaml = dir.path().join("tab.yaml");
    std::fs::write(&yaml, DATA.replace("概ね達成できた。\n", "概ね\t達成できた。\n")).expect("write");
    let tsv = dir.path().join("tab.tsv").to_string_lossy().into_owned();
    let refused = hyoka(&["export", "--lang", "en", &yaml.to_string_lossy(), "-o", &tsv]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = text(&refused.stderr);
    assert!(stderr.contains("tab.yaml: the progress of 区民部 総務課: contains a tab"), "{stderr}");
    assert!(!Path::new(&tsv).exists());
}

#[test]
fn import_reads_xlsx_by_its_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("2008.xlsx");
    let book_arg = book.to_string_lossy().into_owned();
    let run = hyoka(&["export", "data/kamigyo/2008.yaml", "-o", &book_arg]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let yaml = dir.path().join("back.yaml");
    let back = hyoka(&["import", &book_arg, "-o", &yaml.to_string_lossy()]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    assert_eq!(std::fs::read_to_string(&yaml).ok().as_deref(), Some(DATA), "byte for byte the sample");
    std::fs::write(&book, b"not a workbook").expect("write");
    let bad = hyoka(&["import", &book_arg, "-o", &dir.path().join("bad.yaml").to_string_lossy()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("Excel（.xlsx）ファイルとして読めません"));
}
