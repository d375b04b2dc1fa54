//! The sample data is the seed table, complete and verbatim.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::docs::{SAMPLE as DATA, sample};
use hyoka::interchange::tsv::{ImportOptions, import_table};
use hyoka::store::emit_document;

const SEED: &str = include_str!("fixtures/seed_kamigyo_2008.tsv");

/// The seed's rows as (部 課, goals, progress, rating, reflection), straight from the TSV.
fn seed_rows() -> Vec<Vec<String>> {
    SEED.lines()
        .map(|l| l.split('\t').map(str::to_owned).collect::<Vec<_>>())
        .filter(|cells| cells.len() >= 5 && cells[0].contains('部') && cells[0].contains('課'))
        .collect()
}

#[test]
fn header_of_the_document() {
    let doc = sample();
    assert_eq!(doc.organization, "上京区役所");
    assert_eq!(doc.fiscal_year, 2008);
    assert_eq!(doc.checkpoint.map(|d| d.to_string()), Some("2008-11-30".into()));
    assert_eq!(doc.title(), "上京区役所 平成20年度");
    let preface = doc.preface.clone().unwrap_or_default();
    assert!(SEED.contains(&preface) && preface.starts_with("～平成20年度、上京区役所では"));
    let scale: Vec<(String, String)> = doc.scale().iter().map(|g| (g.mark.clone(), g.label.clone())).collect();
    assert_eq!(
        scale,
        [("◎", "達成できた"), ("○", "ほぼ達成できた"), ("△", "ある程度達成できた"), ("×", "あまり達成できなかった")]
            .map(|(m, l)| (m.to_owned(), l.to_owned()))
    );
}

#[test]
fn divisions_and_sections_in_the_seed_order() {
    let doc = sample();
    let shape: Vec<(String, usize)> = doc.divisions.iter().map(|d| (d.name.clone(), d.sections.len())).collect();
    assert_eq!(shape, [("区民部".to_owned(), 6), ("福祉部".to_owned(), 3), ("保健部".to_owned(), 2)]);
    let names: Vec<String> =
        doc.divisions.iter().flat_map(|d| d.sections.iter().map(move |s| format!("{} {}", d.name, s.name))).collect();
    let seed_names: Vec<String> = seed_rows().iter().map(|r| r[0].trim().to_owned()).collect();
    assert_eq!(names, seed_names);
}

#[test]
fn ratings_per_section_as_published() {
    let ratings: Vec<String> =
        sample().divisions.iter().flat_map(|d| &d.sections).map(|s| s.rating.clone().unwrap_or_default()).collect();
    let published: Vec<String> = seed_rows().iter().map(|row| row[3].trim().to_owned()).collect();
    assert_eq!(published.len(), 11, "every section row of the seed has its rating cell");
    assert!(published.iter().all(|mark| ["◎", "○", "△", "×"].contains(&mark.as_str())), "{published:?}");
    assert_eq!(ratings, published);
}

#[test]
fn texts_are_copied_verbatim() {
    let doc = sample();
    let sections: Vec<_> = doc.divisions.iter().flat_map(|d| &d.sections).collect();
    for (section, row) in sections.iter().zip(seed_rows()) {
        // Reflections are single cells: identical to the letter.
        assert_eq!(section.reflection, row[4].trim(), "{}", section.name);
        // Progress: the same text, with each ・ bullet back on its own line.
        assert_eq!(section.progress.replace('\n', " "), row[2].trim(), "{}", section.name);
        // Goals: the cell is the intro and the goals, numbered ①②… where there are several.
        let numbered = section.goals.len() > 1;
        let mut rebuilt = section.goals_intro.clone();
        for (i, goal) in section.goals.iter().enumerate() {
            if !rebuilt.is_empty() {
                rebuilt.push(' ');
            }
            if numbered {
                rebuilt.push_str(&hyoka::model::goal_number(i));
            }
            rebuilt.push_str(goal);
        }
        assert_eq!(rebuilt, row[1].trim(), "{}", section.name);
    }
    let somu = sections[0];
    assert_eq!(somu.goals.len(), 2);
    assert_eq!(somu.goals[0], "笑顔で、質の高い対応をこころがけ、クレームをゼロにします。");
    assert_eq!(somu.progress.lines().count(), 3);
    assert!(somu.progress.lines().all(|l| l.starts_with('・')));
    let madoguchi = sections[2];
    assert_eq!(madoguchi.goals_intro, "来庁者満足度の向上のため");
    assert_eq!(madoguchi.goals, ["用件処理に要する時間を短縮します。", "丁寧な説明を励行します。"]);
    assert!(sections[8].goals[0].starts_with("長寿医療制度 ～理解していただく制度から納得していただく制度に～"));
}

#[test]
fn the_data_file_is_what_importing_the_seed_gives() {
    let imported = import_table(SEED, &ImportOptions::default()).expect("the seed imports");
    assert_eq!(emit_document(&imported), DATA);
}

#[test]
fn loading_and_writing_an_unchanged_file_gives_the_same_bytes() {
    assert_eq!(emit_document(&sample()), DATA);
}

#[test]
fn multi_line_text_is_written_as_block_literal_and_japanese_as_utf8() {
    assert!(DATA.contains("        progress: |-\n          ・「質の高い対応、電話が鳴ったら2回以内に出る」"));
    assert!(!DATA.contains("\\u"), "nothing escaped");
}
