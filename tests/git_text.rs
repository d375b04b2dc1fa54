//! The pure parts of hyoka's git support: commit messages from two versions, and the field-level
//! merge of three versions that the merge driver does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::docs::{SAMPLE, sample, section_mut};
use gitkit::canonical;
use hyoka::git::{MergeResult, commit_message, merge_texts};
use hyoka::i18n::Lang;
use hyoka::model::{Field, Section};
use hyoka::store::parse_document;

#[test]
fn one_changed_section_is_one_line_with_its_fields_in_table_order() {
    let base = sample();
    let mut new = base.clone();
    let s = section_mut(&mut new, "区民部", "総務課");
    s.reflection = "x".into();
    s.rating = None;
    s.updated_by = Some("kumin01".into()); // a stamp is no change of content
    assert_eq!(
        commit_message(&[(Some(&base), &new)], Lang::Ja).as_deref(),
        Some("上京区役所 平成20年度 区民部 総務課: 目標達成度, 振り返り")
    );
    assert_eq!(
        commit_message(&[(Some(&base), &new)], Lang::En).as_deref(),
        Some("上京区役所 平成20年度 区民部 総務課: rating, reflection")
    );
    assert_eq!(commit_message(&[(Some(&base), &base)], Lang::Ja), None, "nothing changed");
    assert_eq!(commit_message(&[(None, &base)], Lang::Ja).as_deref(), Some("上京区役所 平成20年度: 新規作成"));
}

#[test]
fn several_changes_give_a_subject_and_one_line_each() {
    let base = sample();
    let mut new = base.clone();
    new.preface = Some("～新しい前書き～".into());
    section_mut(&mut new, "保健部", "衛生課").goals.push("新しい目標".into());
    new.divisions[0].sections.retain(|s| s.name != "納税課");
    new.divisions[1].sections.push(Section::new("新設課"));
    let message = commit_message(&[(Some(&base), &new)], Lang::Ja).unwrap();
    assert_eq!(
        message,
        "上京区役所 平成20年度: 前書き ほか3件\n\n\
         上京区役所 平成20年度: 前書き\n\
         上京区役所 平成20年度 福祉部 新設課: 課を追加\n\
         上京区役所 平成20年度 保健部 衛生課: 所属等の目標\n\
         上京区役所 平成20年度 区民部 納税課: 課を削除"
    );
}

fn with(edit: impl FnOnce(&mut hyoka::model::Document)) -> String {
    let mut doc = sample();
    edit(&mut doc);
    canonical(&doc)
}

#[test]
fn different_fields_of_one_section_merge_cleanly() {
    let mine = with(|d| section_mut(d, "区民部", "総務課").reflection = "こちら".into());
    let theirs = with(|d| section_mut(d, "区民部", "総務課").rating = Some("◎".into()));
    let both = with(|d| {
        let s = section_mut(d, "区民部", "総務課");
        s.reflection = "こちら".into();
        s.rating = Some("◎".into());
    });
    assert_eq!(
        merge_texts(SAMPLE, &mine, &theirs),
        MergeResult::Clean { text: both, revived: vec![], kept: vec![], layout_lost: None }
    );
}

#[test]
fn the_same_field_on_both_sides_is_a_conflict_and_the_text_holds_mine_there() {
    let mine = with(|d| section_mut(d, "区民部", "総務課").reflection = "こちらの振り返り".into());
    let theirs = with(|d| {
        section_mut(d, "区民部", "総務課").reflection = "向こうの振り返り".into();
        section_mut(d, "保健部", "衛生課").rating = Some("×".into());
    });
    let MergeResult::Conflicted { text, conflicts, .. } = merge_texts(SAMPLE, &mine, &theirs) else {
        panic!("a conflict")
    };
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!((c.section.as_str(), c.field), ("総務課", Field::Reflection));
    assert_eq!((c.mine.as_str(), c.theirs.as_str()), ("こちらの振り返り", "向こうの振り返り"));
    let expected = with(|d| {
        section_mut(d, "区民部", "総務課").reflection = "こちらの振り返り".into();
        section_mut(d, "保健部", "衛生課").rating = Some("×".into());
    });
    assert_eq!(text, expected, "valid YAML: mine in the conflict, their other change taken");
    assert!(parse_document(&text).is_ok());
}

#[test]
fn a_head_value_only_one_side_changed_is_kept_and_both_changing_it_is_not_hyokas_to_merge() {
    let mine = with(|d| d.checkpoint = chrono::NaiveDate::from_ymd_opt(2008, 12, 31));
    let theirs = with(|d| section_mut(d, "区民部", "総務課").rating = Some("◎".into()));
    let MergeResult::Clean { text, .. } = merge_texts(SAMPLE, &mine, &theirs) else { panic!("clean") };
    let merged = parse_document(&text).unwrap();
    assert_eq!(merged.checkpoint, chrono::NaiveDate::from_ymd_opt(2008, 12, 31), "our checkpoint is not undone");
    assert_eq!(merged.find_section("区民部", "総務課").unwrap().rating.as_deref(), Some("◎"));

    let theirs = with(|d| d.checkpoint = chrono::NaiveDate::from_ymd_opt(2008, 10, 31));
    assert!(matches!(merge_texts(SAMPLE, &mine, &theirs), MergeResult::NotMine { .. }));
    assert!(matches!(merge_texts(SAMPLE, "organization: [", &theirs), MergeResult::NotMine { .. }));
}

#[test]
fn a_side_that_already_is_the_result_keeps_its_bytes_comments_and_all() {
    let mine = format!("# 担当: 窓口係\n{SAMPLE}");
    let theirs = SAMPLE.to_owned();
    assert_eq!(
        merge_texts(SAMPLE, &mine, &theirs),
        MergeResult::Clean { text: mine.clone(), revived: vec![], kept: vec![], layout_lost: None }
    );
}

#[test]
fn a_file_both_sides_added_merges_by_section() {
    let mine = with(|d| section_mut(d, "区民部", "総務課").reflection = "こちら".into());
    assert!(matches!(merge_texts("", SAMPLE, SAMPLE), MergeResult::Clean { .. }));
    let MergeResult::Conflicted { conflicts, .. } = merge_texts("", &mine, SAMPLE) else { panic!("a conflict") };
    assert_eq!(conflicts.iter().map(|c| c.field).collect::<Vec<_>>(), [Field::Reflection]);
    let other_org = SAMPLE.replace("organization: 上京区役所", "organization: 中京区役所");
    assert!(matches!(merge_texts("", &mine, &other_org), MergeResult::NotMine { .. }));
}

/// Each value of the head through the driver, as the section fields: one side's change is kept,
/// whichever side; both sides changing it differently is for a person (git's line merge).
#[test]
fn every_value_of_the_head_merges_by_the_side_that_changed_it() {
    use hyoka::model::{HeadField, Stage};
    let base = sample();
    let change = |field: HeadField, which: u32| {
        let mut d = base.clone();
        match field {
            HeadField::Organization => d.organization = format!("北山市役所{which}"),
            HeadField::FiscalYear => d.fiscal_year = 2010 + i32::try_from(which).unwrap(),
            HeadField::Stage => d.stage = Some([Stage::Goals, Stage::Midyear, Stage::Yearend][which as usize]),
            HeadField::Checkpoint => d.checkpoint = chrono::NaiveDate::from_ymd_opt(2008, 10, 20 + which),
            HeadField::Preface => d.preface = Some(format!("～前書き{which}～")),
            HeadField::Notes => d.notes = Some(format!("※ 注記{which}")),
            HeadField::Scale => {
                let mut scale = hyoka::model::default_scale();
                scale[0].label = format!("達成{which}");
                d.scale = Some(scale);
            }
        }
        canonical(&d)
    };
    for field in HeadField::ALL {
        for (mine, theirs) in [(change(field, 1), SAMPLE.to_owned()), (SAMPLE.to_owned(), change(field, 1))] {
            let MergeResult::Clean { text, .. } = merge_texts(SAMPLE, &mine, &theirs) else {
                panic!("{field:?}: clean")
            };
            assert_eq!(text, change(field, 1), "{field:?}: the one change is kept");
        }
        let both = merge_texts(SAMPLE, &change(field, 1), &change(field, 2));
        assert!(matches!(both, MergeResult::NotMine { ref why } if why.contains(field.key())), "{field:?}: {both:?}");
    }
}
