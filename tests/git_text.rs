//! The pure parts of hyoka's git support: commit messages from two versions, and the field-level
//! merge of three versions that the merge driver does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod gitkit;
#[path = "common/outside.rs"]
mod outside;

use gitkit::{SAMPLE, canonical, sample, section_mut};
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
    assert_eq!(merge_texts(SAMPLE, &mine, &theirs), MergeResult::Clean { text: both, revived: vec![] });
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
    assert_eq!(merge_texts(SAMPLE, &mine, &theirs), MergeResult::Clean { text: mine.clone(), revived: vec![] });
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
