//! The unsaved sections and the publishable marks of a file follow every change of it.

use super::*;
use hyoka_data::store::parse_document;

fn sample() -> Document {
    parse_document(include_str!("../../../data/kamigyo/2008.yaml")).unwrap_or_else(|p| panic!("{p:?}"))
}

#[test]
fn the_unsaved_sections_follow_every_change() {
    let mut loaded = Loaded::new(sample(), sample(), "");
    assert_eq!(loaded.dirty_count(), 0);
    loaded.edit_section(0, 3, |s| s.reflection.push('X'));
    assert!(loaded.is_dirty(0, 3));
    loaded.edit_section(0, 3, |s| {
        s.reflection.pop();
    });
    assert_eq!(loaded.dirty_count(), 0, "set back by hand: nothing unsaved");
    loaded.edit(|d| d.divisions[0].sections.insert(0, Section::new("新設課")));
    assert_eq!(loaded.dirty().collect::<Vec<_>>(), [(0, 0)], "the others are found by name");
    loaded.revert();
    assert_eq!(loaded.dirty_count(), 0);
    assert_eq!(loaded.doc(), loaded.saved());
}

#[test]
fn a_file_nobody_changed_holds_one_document_and_the_first_change_keeps_the_saved_one() {
    let mut loaded = Loaded::clean(sample(), "text");
    assert!(loaded.saved.is_none(), "one document, not two");
    assert!(std::ptr::eq(loaded.saved(), loaded.doc()));
    loaded.edit_section(0, 3, |s| s.reflection = "新しい".into());
    assert_eq!(loaded.saved().divisions[0].sections[3].reflection, sample().divisions[0].sections[3].reflection);
    assert!(loaded.is_dirty(0, 3) && loaded.saved.is_some());
    assert!(loaded.edit_section(9, 9, |s| s.reflection.clear()).is_none());
    loaded.revert();
    assert!(loaded.saved.is_none() && loaded.dirty_count() == 0);
    assert_eq!(loaded.doc(), &sample());
    assert!(Loaded::new(sample(), sample(), "").saved.is_none(), "a saved copy equal to the document is dropped");
    assert_eq!(loaded.disk_digest(), TextDigest::of("text"));
}

#[test]
fn what_the_table_cannot_carry_is_found_again_after_each_change_and_only_then() {
    let mut loaded = Loaded::clean(sample(), "text");
    loaded.learn_publishable(0, 3);
    loaded.learn_publishable(0, 4);
    assert!(loaded.publishable(0, 3) && loaded.publishable(0, 4));
    loaded.edit_section(0, 3, |s| s.progress.push_str("\t表"));
    assert!(!loaded.publishable(0, 3), "a tab the table cannot carry, seen at once");
    loaded.learn_publishable(0, 3);
    loaded.learn_publishable(0, 4);
    assert!(loaded.publishable(0, 4), "the others as they were");
    loaded.edit(|d| d.divisions[0].sections[4].progress.push('\t'));
    assert!(!loaded.publishable(0, 4), "a change of the whole document is seen too");
    loaded.learn_publishable(0, 4);
    loaded.revert();
    assert!(loaded.publishable(0, 3) && loaded.publishable(0, 4), "back as on disk");
}

#[test]
fn what_was_found_of_a_section_stays_through_a_replace_that_leaves_it_as_it_was() {
    let mut loaded = Loaded::clean(sample(), "text");
    for section in 0..5 {
        loaded.learn_publishable(0, section);
    }
    let mut saved = sample();
    saved.divisions[0].sections[4].progress.push('\t');
    saved.divisions[0].sections[2].updated_by = Some("kyoto-taro".into());
    loaded.replace(saved.clone(), saved, "saved text");
    let known = |l: &Loaded| (0..5).map(|s| l.flaws.known(0, s)).collect::<Vec<_>>();
    assert_eq!(known(&loaded), [Some(true), Some(true), None, Some(true), None], "the changed ones are found again");
    assert!(!loaded.publishable(0, 4));

    let mut renamed = loaded.doc().clone();
    renamed.divisions[0].name = "新しい部".into();
    loaded.replace(renamed.clone(), renamed, "renamed");
    assert_eq!(known(&loaded), [None; 5], "a division renamed: its sections are found again");

    for section in 0..5 {
        loaded.learn_publishable(0, section);
    }
    let mut rescaled = loaded.doc().clone();
    rescaled.scale = Some(Vec::new());
    loaded.replace(rescaled.clone(), rescaled, "rescaled");
    assert_eq!(known(&loaded), [None; 5], "another scale: every rating is looked at again");
}
