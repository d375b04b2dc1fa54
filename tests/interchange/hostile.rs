//! Hostile text is inert in every format, and the table refuses what it cannot hold.
//!
//! No control character reaches a terminal, no markup runs, no cell becomes a formula; the
//! table's refusal says so without sending the character on.

use std::io::Cursor;

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use hyoka::interchange::import::ImportOptions;
use hyoka::interchange::tsv::{export_table, import_table};
use hyoka::interchange::{Format, export, xlsx};
use hyoka::model::{Division, Document, Section};

use super::formats::{markdown_cells, parse_csv};

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
            goals_numbered_from: None,
            goals: vec![text.to_string(), format!("{text}二")],
            progress: text.to_string(),
            rating: Some("○".into()),
            reflection: text.to_string(),
            updated: None,
            updated_by: Some(text.to_string()),
            ..Section::default()
        })
        .collect();
    Document {
        preface: Some(format!("～平成20年度、上京区役所では、{all}～")),
        divisions: vec![Division { name: format!("部{}", all.replace(' ', "")), sections }],
        ..Document::new("上京区役所", 2008)
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
    let (back, _) = xlsx::import_workbook(&bytes, &ImportOptions::default()).expect("reads back");
    assert_eq!(raw_control(&all_texts(&back)), None, "{back:?}");
    assert_eq!(back.divisions[0].sections[7].reflection, "=SUM(A1)", "kept as text, quote-prefixed in Excel");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("calamine reads it");
    let formulas = book.worksheet_formula("所属等の目標").expect("formulas readable");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));

    // The table refuses what would reach a terminal, and says so without sending it there.
    let refused = export(&doc, Format::Tsv).expect_err("controls refused");
    let (ja, en) = (refused.describe(hyoka::i18n::Lang::Ja), refused.describe(hyoka::i18n::Lang::En));
    assert!(ja.contains("制御文字 U+001B"), "{ja}");
    assert_eq!(raw_control(&ja), None);
    assert_eq!(raw_control(&en), None);
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
