//! The three-way merge on small documents: fields, sections, renames, order, the head, and the
//! status with the fields it locks.

use super::*;
use chrono::DateTime;
use hyoka_core::model::{Grade, Stage};

fn doc(sections: &[(&str, &str, &str)]) -> Document {
    Document {
        divisions: vec![Division {
            name: "区民部".into(),
            sections: sections
                .iter()
                .map(|(name, progress, reflection)| Section {
                    progress: (*progress).into(),
                    reflection: (*reflection).into(),
                    ..Section::new(*name)
                })
                .collect(),
        }],
        ..Document::new("上京区役所", 2008)
    }
}

fn names(doc: &Document) -> Vec<String> {
    doc.divisions.iter().flat_map(|d| d.sections.iter().map(move |s| format!("{} {}", d.name, s.name))).collect()
}

fn at<'d>(doc: &'d mut Document, name: &str) -> &'d mut Section {
    doc.divisions
        .iter_mut()
        .flat_map(|d| d.sections.iter_mut())
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name}"))
}

fn review(by: &str) -> Option<Review> {
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap_or_else(|e| panic!("{e}"));
    Some(Review { by: by.into(), at, comment: String::new() })
}

#[test]
fn different_fields_of_one_section_merge() {
    let base = doc(&[("総務課", "p", "r")]);
    let mine = doc(&[("総務課", "mine", "r")]);
    let theirs = doc(&[("総務課", "p", "theirs")]);
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.doc, doc(&[("総務課", "mine", "theirs")]));
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_keeping_theirs_for_now() {
    let base = doc(&[("総務課", "p", "r")]);
    let mine = doc(&[("総務課", "mine", "r")]);
    let mut theirs = doc(&[("総務課", "theirs", "r")]);
    at(&mut theirs, "総務課").updated_by = Some("tanaka".into());
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.doc, theirs);
    let [c] = merged.conflicts.as_slice() else { panic!("{:?}", merged.conflicts) };
    assert_eq!((c.field, c.mine.as_str(), c.theirs.as_str()), (Field::Progress, "mine", "theirs"));
    assert_eq!(c.their_by.as_deref(), Some("tanaka"));
    assert!(c.with.is_empty() && !c.binds_clerks());
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = doc(&[("総務課", "p", "r")]);
    let both = doc(&[("総務課", "same", "r")]);
    assert!(merge(&base, &both, &both).conflicts.is_empty());
}

#[test]
fn sections_added_on_either_side_are_kept_after_their_neighbours() {
    let base = doc(&[("総務課", "p", "r"), ("納税課", "p", "r")]);
    let mine = doc(&[("総務課", "p", "r"), ("新しい課", "mine", ""), ("納税課", "p", "r")]);
    let theirs = doc(&[("総務課", "p", "r"), ("納税課", "p", "r"), ("別の課", "theirs", "")]);
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(names(&merged.doc), ["区民部 総務課", "区民部 新しい課", "区民部 納税課", "区民部 別の課"]);
}

#[test]
fn a_section_renamed_in_place_stays_in_place_and_takes_the_other_sides_edit() {
    let base = doc(&[("総務課", "p", "r"), ("納税課", "p", "r"), ("衛生課", "p", "r")]);
    let mut mine = base.clone();
    at(&mut mine, "納税課").name = "税務課".into();
    let mut theirs = base.clone();
    at(&mut theirs, "納税課").reflection = "theirs".into();
    for (a, b) in [(&mine, &theirs), (&theirs, &mine)] {
        let merged = merge(&base, a, b);
        assert!(merged.conflicts.is_empty() && merged.revived.is_empty() && merged.kept.is_empty());
        assert_eq!(names(&merged.doc), ["区民部 総務課", "区民部 税務課", "区民部 衛生課"]);
        assert_eq!(at(&mut merged.doc.clone(), "税務課").reflection, "theirs");
    }
}

#[test]
fn a_division_renamed_on_one_side_takes_the_edit_of_the_other() {
    let mut base = doc(&[("総務課", "p", "r"), ("納税課", "p", "r")]);
    base.divisions.push(Division { name: "福祉部".into(), sections: vec![Section::new("福祉課")] });
    let mut renamed = base.clone();
    renamed.divisions[0].name = "市民部".into();
    let mut edited = base.clone();
    at(&mut edited, "総務課").progress = "edited".into();
    for (a, b) in [(&renamed, &edited), (&edited, &renamed)] {
        let merged = merge(&base, a, b);
        assert!(merged.conflicts.is_empty() && merged.revived.is_empty(), "{merged:?}");
        assert_eq!(names(&merged.doc), ["市民部 総務課", "市民部 納税課", "福祉部 福祉課"]);
        assert_eq!(merged.doc.find_section("市民部", "総務課").map(|s| s.progress.as_str()), Some("edited"));
    }
}

#[test]
fn a_division_split_while_its_section_was_changed_is_no_silent_split() {
    let base = doc(&[("総務課", "p", "r"), ("納税課", "p", "r")]);
    let mut split = base.clone();
    split.divisions = vec![
        Division {
            name: "市民部".into(),
            sections: vec![Section { progress: "p".into(), reflection: "r".into(), ..Section::new("総務課") }],
        },
        Division {
            name: "税務部".into(),
            sections: vec![Section { progress: "p".into(), reflection: "r".into(), ..Section::new("納税課") }],
        },
    ];
    let mut edited = base.clone();
    at(&mut edited, "総務課").progress = "edited".into();
    let merged = merge(&base, &edited, &split);
    assert_eq!(merged.revived, ["区民部 総務課"], "named: the save asks, the merge driver says it");
}

#[test]
fn a_section_they_removed_but_we_edited_is_kept_and_named_and_so_is_the_reverse() {
    let base = doc(&[("総務課", "p", "r"), ("納税課", "p", "r")]);
    let changed = doc(&[("総務課", "p", "r"), ("納税課", "changed", "r")]);
    let removed = doc(&[("総務課", "p", "r")]);
    let merged = merge(&base, &changed, &removed);
    assert_eq!((merged.revived.as_slice(), merged.kept.as_slice()), (&["区民部 納税課".to_owned()][..], &[][..]));
    assert!(merged.doc.find_section("区民部", "納税課").is_some_and(|s| s.progress == "changed"));
    let merged = merge(&base, &removed, &changed);
    assert_eq!((merged.revived.as_slice(), merged.kept.as_slice()), (&[][..], &["区民部 納税課".to_owned()][..]));
    assert!(merged.doc.find_section("区民部", "納税課").is_some_and(|s| s.progress == "changed"));
    // Untouched on the other side: the removal stands, either way.
    assert_eq!(merge(&base, &base, &removed).doc, removed);
    assert_eq!(merge(&base, &removed, &base).doc, removed);
}

#[test]
fn goals_merge_as_a_list() {
    let mut base = doc(&[("総務課", "", "")]);
    at(&mut base, "総務課").goals = vec!["a".into(), "b".into()];
    let mut mine = base.clone();
    at(&mut mine, "総務課").goals.push("c".into());
    let mut theirs = base.clone();
    at(&mut theirs, "総務課").rating = Some("○".into());
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.doc.divisions[0].sections[0].goals, ["a", "b", "c"]);
    assert_eq!(merged.doc.divisions[0].sections[0].rating.as_deref(), Some("○"));
}

#[test]
fn an_approval_and_a_change_of_its_text_are_one_question() {
    let mut base = doc(&[("総務課", "p", "r")]);
    at(&mut base, "総務課").status = Status::Submitted;
    let mut approved = base.clone();
    at(&mut approved, "総務課").status = Status::Approved;
    at(&mut approved, "総務課").review = review("suzuki");
    let mut edited = base.clone();
    at(&mut edited, "総務課").progress = "unseen".into();
    // The reviewer's side merging the clerk's, and the other way round.
    for (mine, theirs) in [(&approved, &edited), (&edited, &approved)] {
        let merged = merge(&base, mine, theirs);
        let [c] = merged.conflicts.as_slice() else { panic!("{:?}", merged.conflicts) };
        assert_eq!((c.field, c.with.as_slice()), (Field::Status, &[Field::Progress][..]));
        assert_eq!(merged.doc, *theirs, "theirs stands until decided");
        let mut kept = merged.doc.clone();
        c.keep(&c.mine_section, at(&mut kept, "総務課"));
        assert!(c.agree(&kept.divisions[0].sections[0], &mine.divisions[0].sections[0]));
    }
    // The clerk may not keep theirs over the approval; the reviewer may keep theirs.
    assert!(merge(&base, &edited, &approved).conflicts[0].binds_clerks());
    // A submission on one side and an edit on the other, from a draft: the same.
    let draft = doc(&[("総務課", "p", "r")]);
    let mut submitted = draft.clone();
    at(&mut submitted, "総務課").status = Status::Submitted;
    let mut edited = draft.clone();
    at(&mut edited, "総務課").reflection = "later".into();
    let merged = merge(&draft, &edited, &submitted);
    assert_eq!(
        merged.conflicts.iter().map(|c| (c.field, c.with.clone())).collect::<Vec<_>>(),
        [(Field::Status, vec![Field::Reflection])]
    );
    // A return and an edit are no question: a returned section is the clerk's to change.
    let mut returned = base.clone();
    at(&mut returned, "総務課").status = Status::Returned;
    at(&mut returned, "総務課").review = review("suzuki");
    let mut fixed = base.clone();
    at(&mut fixed, "総務課").progress = "fixed".into();
    let merged = merge(&base, &fixed, &returned);
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        (merged.doc.divisions[0].sections[0].status, merged.doc.divisions[0].sections[0].progress.as_str()),
        (Status::Returned, "fixed")
    );
}

#[test]
fn a_status_both_changed_is_decided_whole_and_a_reviewers_word_binds_the_clerk() {
    let mut base = doc(&[("総務課", "p", "r")]);
    at(&mut base, "総務課").status = Status::Submitted;
    let mut taken_back = base.clone();
    at(&mut taken_back, "総務課").status = Status::Draft;
    let mut approved = base.clone();
    at(&mut approved, "総務課").status = Status::Approved;
    at(&mut approved, "総務課").review = review("suzuki");
    let merged = merge(&base, &taken_back, &approved);
    let [c] = merged.conflicts.as_slice() else { panic!("{:?}", merged.conflicts) };
    assert_eq!(c.field, Field::Status);
    assert!(c.binds_clerks(), "keeping the draft would undo the approval");
    let mut returned = approved.clone();
    at(&mut returned, "総務課").status = Status::Returned;
    assert!(merge(&base, &taken_back, &returned).conflicts[0].binds_clerks(), "nor a return");
    assert!(
        !merge(&base, &returned, &taken_back).conflicts[0].binds_clerks(),
        "the reviewer's own word is theirs to keep"
    );
}

/// Each value of the head, as the section fields: ours alone, theirs alone, the same on both,
/// and different on both (theirs held, named).
#[test]
fn every_value_of_the_head_merges_three_ways() {
    let base = doc(&[("総務課", "p", "r")]);
    type Change = Box<dyn Fn(&mut Document, &str)>;
    let changes: Vec<(HeadField, Change)> = vec![
        (HeadField::Organization, Box::new(|d, v| d.organization = v.into())),
        (HeadField::FiscalYear, Box::new(|d, v| d.fiscal_year = 2000 + i32::try_from(v.len()).unwrap_or(0))),
        (HeadField::Stage, Box::new(|d, v| d.stage = Some(if v.len() > 1 { Stage::Midyear } else { Stage::Yearend }))),
        (
            HeadField::Checkpoint,
            Box::new(|d, v| {
                d.checkpoint = chrono::NaiveDate::from_ymd_opt(2008, 11, u32::try_from(v.len()).unwrap_or(1))
            }),
        ),
        (HeadField::Preface, Box::new(|d, v| d.preface = Some(v.into()))),
        (HeadField::Notes, Box::new(|d, v| d.notes = Some(v.into()))),
        (HeadField::Scale, Box::new(|d, v| d.scale = Some(vec![Grade { mark: v.into(), label: "x".into() }]))),
    ];
    for (field, change) in &changes {
        let side = |value: &str| {
            let mut d = base.clone();
            change(&mut d, value);
            d
        };
        let (ours, theirs, other) = (side("ours"), side("theirs!"), side("x"));
        let merged = merge(&base, &ours, &base);
        assert!(field.equal(&merged.doc, &ours) && merged.head.is_empty(), "{field:?}: ours alone");
        let merged = merge(&base, &base, &theirs);
        assert!(field.equal(&merged.doc, &theirs) && merged.head.is_empty(), "{field:?}: theirs alone");
        let merged = merge(&base, &ours, &ours);
        assert!(field.equal(&merged.doc, &ours) && merged.head.is_empty(), "{field:?}: the same on both");
        let merged = merge(&base, &ours, &other);
        assert!(field.equal(&merged.doc, &other) && merged.head == [*field], "{field:?}: both, differently");
    }
}
