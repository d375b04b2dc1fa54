//! The formats for people (html, csv, md): their content, the notes, 未評価.
//!
//! A standalone page, a CSV for other systems, Markdown tables.

use hyoka::interchange::{Format, export, html, markdown};

use super::{sample, text};

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
        "<div class=\"bullet\">・「質の高い対応、電話が鳴ったら2回以内に出る」という目標は、概ね達成できた。</div><div class=\"bullet\">・ホームページ改善",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
    for external in ["<script", "<link", "src=", "http://", "https://", "@import", "url("] {
        assert!(!page.contains(external), "{external} would reach outside the file");
    }
    assert_eq!(page.matches("<tbody>").count(), 3, "one group per division");
    assert_eq!(page.matches("<tr><th scope=\"row\">").count(), 11, "one row per section");
}

pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
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
pub fn markdown_cells(row: &str) -> usize {
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

#[test]
fn notes_are_in_every_export() {
    let mut doc = sample();
    doc.notes = Some("※ 目標達成度は平成21年3月末現在です。\n※ 数値は速報値です。".into());
    for format in Format::ALL {
        let bytes = export(&doc, format).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        let found = match format {
            Format::Xlsx => {
                let back = hyoka::interchange::xlsx::import_workbook(&bytes, &Default::default()).expect("reads back");
                back.0.notes.unwrap_or_default()
            }
            _ => text(&bytes),
        };
        for line in ["※ 目標達成度は平成21年3月末現在です。", "※ 数値は速報値です。"] {
            assert!(found.contains(line), "{format:?} lacks the note {line}");
        }
    }
    let csv = text(&export(&doc, Format::Csv).expect("csv"));
    assert!(
        csv.ends_with("\r\n※ 目標達成度は平成21年3月末現在です。,,,,,,,\r\n※ 数値は速報値です。,,,,,,,\r\n"),
        "{csv}"
    );
    let page = html::export_html(&doc);
    assert!(page.contains("</table>\n<div class=\"notes\">\n<p>※ 目標達成度は平成21年3月末現在です。</p>"));
}

#[test]
fn an_unrated_section_says_so_for_people() {
    let mut doc = sample();
    doc.divisions[0].sections[0].rating = None;
    let page = html::export_html(&doc);
    assert_eq!(page.matches("<td class=\"rating unrated\">未評価</td>").count(), 1);
    let md = markdown::export_markdown(&doc);
    assert_eq!(md.matches("| 未評価 |").count(), 1);
    let csv = text(&export(&doc, Format::Csv).expect("csv"));
    assert!(csv.contains(",,市民対応については"), "csv keeps the cell empty for other systems");
}

#[test]
fn the_csv_reads_back_with_the_identity_it_lacks() {
    let mut doc = sample();
    doc.notes = Some("※ 速報値です。".into());
    let bytes = export(&doc, Format::Csv).expect("csv");
    let options = super::options_for(&doc);
    let path = std::path::Path::new("2008.csv");
    let imported = hyoka::interchange::import::import(&bytes, path, &options).expect("reads back");
    // A CSV has no preface, legend, checkpoint or ward marker, by design: only its `updated` columns,
    // which are skipped, are said (no word on a missing marker in a table hyoka wrote itself).
    let mut expected = doc;
    (expected.preface, expected.scale, expected.checkpoint) = (None, None, None);
    assert_eq!(imported.doc, expected);
    let skipped: Vec<_> = imported.warnings.iter().map(|w| w.render("2008.csv", hyoka::i18n::Lang::En)).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].starts_with("2008.csv:1:28: the column 'updated' is not imported"), "{skipped:?}");
}
