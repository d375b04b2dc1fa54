//! Someone saved the file while we were editing: combine their work with ours, field by field.
//!
//! A three-way merge: `base` is what we last read, `mine` what we have now, `theirs` what is on
//! disk. A field only one side changed takes that side's value; a field both changed to
//! different values is a [`FieldConflict`] for the user to decide. Sections are matched by
//! division and section name, so sections added or removed on either side merge too.

use chrono::{DateTime, FixedOffset};

use hyoka_core::model::{Division, Document, Field, Section};

/// A field both sides changed, differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldConflict {
    pub division: String,
    pub section: String,
    pub field: Field,
    /// The two versions as text, for the dialog (one goal per line).
    pub mine: String,
    pub theirs: String,
    /// The two sections as they were, so that keeping one copies the value exactly (goals with
    /// line breaks stay whole).
    pub mine_section: Section,
    pub theirs_section: Section,
    /// Who saved theirs, and when, from the section's `updated_by` / `updated`.
    pub their_by: Option<String>,
    pub their_at: Option<DateTime<FixedOffset>>,
}

/// The merged document (conflicting fields hold *their* value, so that nothing of theirs is lost
/// while the user decides) and the conflicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub doc: Document,
    pub conflicts: Vec<FieldConflict>,
    /// Sections they removed while we changed them: kept, with our changes, and named here.
    pub revived: Vec<String>,
}

pub fn merge(base: &Document, mine: &Document, theirs: &Document) -> Merged {
    let mut doc = theirs.clone();
    let mut conflicts = Vec::new();
    let mut revived = Vec::new();
    // Document-level fields: ours where only we changed them.
    if mine.organization != base.organization && theirs.organization == base.organization {
        doc.organization = mine.organization.clone();
    }
    if mine.preface != base.preface && theirs.preface == base.preface {
        doc.preface = mine.preface.clone();
    }
    if mine.stage != base.stage && theirs.stage == base.stage {
        doc.stage = mine.stage;
    }
    for division in &mine.divisions {
        for section in &division.sections {
            let base_section = base.find_section(&division.name, &section.name);
            if base_section == Some(section) {
                continue; // untouched by us: theirs stands (including their removal of it)
            }
            let original = base_section.cloned().unwrap_or_else(|| Section::new(section.name.clone()));
            match doc.find_section_mut(&division.name, &section.name) {
                Some(target) => merge_section(&division.name, &original, section, target, &mut conflicts),
                None if base_section.is_none() => add_section(&mut doc, &division.name, section.clone()),
                None => {
                    // They removed a section we changed: our work is not thrown away. The section
                    // stays, with our changes, and the save says so; removing it again is one edit.
                    revived.push(format!("{} {}", division.name, section.name));
                    add_section(&mut doc, &division.name, section.clone());
                }
            }
        }
    }
    // Sections we removed (hand edits) go, unless they changed them meanwhile.
    for division in &base.divisions {
        for section in &division.sections {
            if mine.find_section(&division.name, &section.name).is_none()
                && theirs.find_section(&division.name, &section.name).is_some_and(|t| t == section)
                && let Some(d) = doc.divisions.iter_mut().find(|d| d.name == division.name)
            {
                d.sections.retain(|s| s.name != section.name);
            }
        }
    }
    Merged { doc, conflicts, revived }
}

fn add_section(doc: &mut Document, division: &str, section: Section) {
    match doc.divisions.iter_mut().find(|d| d.name == division) {
        Some(d) => d.sections.push(section),
        None => doc.divisions.push(Division { name: division.to_owned(), sections: vec![section] }),
    }
}

fn merge_section(
    division: &str,
    base: &Section,
    mine: &Section,
    target: &mut Section,
    conflicts: &mut Vec<FieldConflict>,
) {
    let theirs = target.clone();
    let mut ours_taken = false;
    for field in Field::ALL {
        let mine_changed = !field.equal(base, mine);
        let theirs_changed = !field.equal(base, &theirs);
        if !mine_changed || field.equal(mine, &theirs) {
            continue; // theirs (already in target) is right
        }
        if theirs_changed {
            conflicts.push(FieldConflict {
                division: division.to_owned(),
                section: mine.name.clone(),
                field,
                mine: field.text(mine),
                theirs: field.text(&theirs),
                mine_section: mine.clone(),
                theirs_section: theirs.clone(),
                their_by: theirs.updated_by.clone(),
                their_at: theirs.updated,
            });
        } else {
            field.copy(mine, target);
            ours_taken = true;
        }
    }
    if ours_taken {
        target.updated = mine.updated.or(target.updated);
        target.updated_by = mine.updated_by.clone().or(target.updated_by.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        theirs.divisions[0].sections[0].updated_by = Some("tanaka".into());
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.doc, theirs);
        assert_eq!(merged.conflicts.len(), 1);
        let c = &merged.conflicts[0];
        assert_eq!((c.field, c.mine.as_str(), c.theirs.as_str()), (Field::Progress, "mine", "theirs"));
        assert_eq!(c.their_by.as_deref(), Some("tanaka"));
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = doc(&[("総務課", "p", "r")]);
        let both = doc(&[("総務課", "same", "r")]);
        assert!(merge(&base, &both, &both).conflicts.is_empty());
    }

    #[test]
    fn sections_added_on_either_side_are_kept() {
        let base = doc(&[("総務課", "p", "r")]);
        let mine = doc(&[("総務課", "p", "r"), ("新しい課", "mine", "")]);
        let theirs = doc(&[("総務課", "p", "r"), ("別の課", "theirs", "")]);
        let merged = merge(&base, &mine, &theirs);
        let names: Vec<&str> = merged.doc.divisions[0].sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["総務課", "別の課", "新しい課"]);
    }

    #[test]
    fn a_section_they_removed_but_we_edited_is_kept_and_named() {
        let base = doc(&[("総務課", "p", "r"), ("納税課", "p", "r")]);
        let mine = doc(&[("総務課", "p", "r"), ("納税課", "mine", "r")]);
        let theirs = doc(&[("総務課", "p", "r")]);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.revived, ["区民部 納税課"]);
        assert!(merged.doc.divisions[0].sections.iter().any(|s| s.name == "納税課" && s.progress == "mine"));
        // Untouched by us and removed by them: it goes.
        let mine_untouched = base.clone();
        assert_eq!(merge(&base, &mine_untouched, &theirs).doc, theirs);
    }

    #[test]
    fn goals_merge_as_a_list() {
        let mut base = doc(&[("総務課", "", "")]);
        base.divisions[0].sections[0].goals = vec!["a".into(), "b".into()];
        let mut mine = base.clone();
        mine.divisions[0].sections[0].goals.push("c".into());
        let mut theirs = base.clone();
        theirs.divisions[0].sections[0].rating = Some("○".into());
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.doc.divisions[0].sections[0].goals, ["a", "b", "c"]);
        assert_eq!(merged.doc.divisions[0].sections[0].rating.as_deref(), Some("○"));
    }
}
