//! No input makes the importer panic, and what it accepts is a data file `hyoka check` accepts.
//!
//! Random bytes under every format's name, and random text shaped like a table (tabs, commas,
//! quotes, line breaks, circled numbers, look-alikes, headings) are read without a panic; a document
//! read from them is written and read back as the same document.

use std::path::Path;

use hyoka::interchange::import::{ImportOptions, import};
use hyoka::store::{emit_document, parse_document};
use proptest::prelude::*;

/// Pieces tables are made of, and pieces that break them.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\t".to_owned()),
        Just(",".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\"".to_owned()),
        Just("\"\"".to_owned()),
        Just(" ".to_owned()),
        Just("　".to_owned()),
        Just("～令和5年度、北山市役所では～".to_owned()),
        Just("所属等名\t所属等の目標\t11月末現在の取組状況\t目標達成度\t振り返り\n".to_owned()),
        Just("部,課,目標,0月末現在の取組状況,達成度\n".to_owned()),
        Just("◎：「達成できた。」 ".to_owned()),
        Just("区民部 総務課".to_owned()),
        Just("①".to_owned()),
        Just("③".to_owned()),
        Just("㉑".to_owned()),
        Just("〇".to_owned()),
        Just("○ ほぼ達成できた".to_owned()),
        Just("※ 注記".to_owned()),
        Just("<上京区>".to_owned()),
        Just("令和99999年11月末現在".to_owned()),
        Just("\u{200B}".to_owned()),
        "[あ-ん・、。0-9a-z]{1,6}",
    ]
}

fn table_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

/// A cell's text: words, spaces, quotes, line breaks, numbers and look-alikes.
fn cell() -> impl Strategy<Value = String> {
    prop::collection::vec(piece().prop_filter("no separators", |p| !p.contains(['\t', ','])), 0..5)
        .prop_map(|pieces| pieces.concat())
}

/// A table as a spreadsheet writes it: a header, rows of cells quoted where they must be.
fn table(delimiter: u8) -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        vec!["所属等名", "所属等の目標", "11月末現在の取組状況", "目標達成度", "振り返り"],
        vec!["部", "課", "目標", "取組状況", "達成度"],
    ]);
    let name = prop::sample::select(vec!["区民部 総務課", "区民部　広報課", "福祉部\u{a0}支援課", "部", "", "※ 注"]);
    let rating = prop::sample::select(vec!["", "○", "〇", "◎", "×", "✕", "☆", "○ ほぼ達成できた"]);
    let row = (name, cell(), cell(), rating, cell());
    (header, prop::collection::vec(row, 0..6)).prop_map(move |(header, rows)| {
        let mut writer = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(Vec::new());
        writer.write_record(["～令和5年度、北山市役所では～"]).expect("writes");
        writer.write_record(&header).expect("writes");
        for (name, goals, progress, rating, reflection) in rows {
            let (division, section) = name.split_once(' ').unwrap_or((name, name));
            let record = if header[0] == "部" {
                vec![division.to_owned(), section.to_owned(), goals, progress, rating.to_owned()]
            } else {
                vec![name.to_owned(), goals, progress, rating.to_owned(), reflection]
            };
            writer.write_record(&record).expect("writes");
        }
        String::from_utf8(writer.into_inner().expect("flushes")).expect("UTF-8")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn tables_as_spreadsheets_write_them_read_into_valid_data_files(tsv in table(b'\t'), csv in table(b',')) {
        for (text, name) in [(tsv, "t.tsv"), (csv, "t.csv")] {
            if let Ok(imported) = import(text.as_bytes(), Path::new(name), &ImportOptions::default()) {
                let yaml = emit_document(&imported.doc);
                prop_assert_eq!(parse_document(&yaml).ok(), Some(imported.doc), "{}", yaml);
            }
        }
    }

    #[test]
    fn table_shaped_text_never_panics_and_what_is_read_is_a_valid_data_file(text in table_text()) {
        let options = ImportOptions { fiscal_year: Some(2023), organization: Some("北山市役所".into()), ..ImportOptions::default() };
        for name in ["t.tsv", "t.csv"] {
            if let Ok(imported) = import(text.as_bytes(), Path::new(name), &options) {
                let yaml = emit_document(&imported.doc);
                prop_assert_eq!(parse_document(&yaml).ok(), Some(imported.doc), "{}", yaml);
            }
        }
    }

    #[test]
    fn any_bytes_under_any_name_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for name in ["t.tsv", "t.csv", "t.xlsx", "t.txt", "t"] {
            let _ = import(&bytes, Path::new(name), &ImportOptions::default());
        }
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&bytes);
        let _ = import(&zip, Path::new("t.xlsx"), &ImportOptions::default());
    }
}
