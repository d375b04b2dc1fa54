//! Taking what is on disk into a file that has unsaved work, without losing either.

use super::state::{FileEntry, Pending};
use crate::model::Document;
use crate::model::Field;
use crate::store::merge;

/// What taking in changed: fields of theirs now shown, and fields both sides changed (kept as
/// ours on screen; the save will ask which to keep).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Absorbed {
    pub taken: usize,
    pub conflicts: usize,
}

/// `theirs` (read as `theirs_text`) becomes the new base. Fields only they changed show their
/// value; fields only we changed stay ours and unsaved; fields both changed stay ours on screen
/// and are remembered in `pending`, so that the next save asks which to keep.
pub fn absorb(entry: &mut FileEntry, theirs: Document, theirs_text: String) -> Absorbed {
    let Some(loaded) = entry.loaded_mut() else { return Absorbed::default() };
    let merged = merge(loaded.saved(), loaded.doc(), &theirs);
    let mut new_doc = merged.doc;
    let mut questions = Vec::new();
    for conflict in &merged.conflicts {
        if let Some(target) = new_doc.find_section_mut(&conflict.division, &conflict.section) {
            conflict.field.copy(&conflict.mine_section, target);
        }
        questions.push(Pending {
            division: conflict.division.clone(),
            section: conflict.section.clone(),
            field: conflict.field,
        });
    }
    let taken = count_changed_fields(loaded.doc(), &new_doc);
    loaded.replace(new_doc, theirs, theirs_text);
    for question in questions {
        if !entry.pending.contains(&question) {
            entry.pending.push(question);
        }
    }
    Absorbed { taken, conflicts: merged.conflicts.len() }
}

fn count_changed_fields(before: &Document, after: &Document) -> usize {
    let mut count = 0;
    for division in &after.divisions {
        for s in &division.sections {
            match before.find_section(&division.name, &s.name) {
                Some(old) => count += Field::ALL.iter().filter(|f| f.text(old) != f.text(s)).count(),
                None => count += 1,
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_document;

    fn sample() -> Document {
        parse_document(include_str!("../../data/kamigyo/2008.yaml")).unwrap_or_else(|p| panic!("{p:?}"))
    }

    #[test]
    fn their_fields_come_in_ours_stay_and_a_double_change_waits_for_the_save() {
        let base = sample();
        let mut entry = FileEntry::loaded("x.yaml", base.clone(), "old text");
        if let Some(loaded) = entry.loaded_mut() {
            loaded.edit(|doc| {
                doc.divisions[0].sections[0].progress = "mine".into();
                doc.divisions[0].sections[1].reflection = "mine too".into();
            });
        }
        let mut theirs = base.clone();
        theirs.divisions[0].sections[0].reflection = "theirs".into();
        theirs.divisions[0].sections[1].reflection = "theirs too".into();
        let absorbed = absorb(&mut entry, theirs.clone(), "new text".into());
        assert_eq!(absorbed, Absorbed { taken: 1, conflicts: 1 });
        let loaded = entry.loaded_state().expect("loaded");
        let (doc, saved, disk_text) = (loaded.doc(), loaded.saved(), loaded.disk_text());
        assert_eq!(doc.divisions[0].sections[0].progress, "mine");
        assert_eq!(doc.divisions[0].sections[0].reflection, "theirs");
        assert_eq!(doc.divisions[0].sections[1].reflection, "mine too", "ours stays on screen");
        assert_eq!(saved, &theirs, "their file is the new base");
        assert_eq!(disk_text, "new text");
        let question =
            Pending {
                division: "区民部".into(), section: "まちづくり推進課".into(), field: Field::Reflection
            };
        assert_eq!(entry.pending, [question]);
    }
}
