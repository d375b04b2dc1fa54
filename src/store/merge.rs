//! Someone saved the file while we were editing: combine their sections with ours.

use crate::model::Document;

/// A section both sides changed differently: named so that the user can be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub division: String,
    pub section: String,
}

/// Three-way merge at section level: `base` is what we loaded, `mine` what we have now,
/// `theirs` what is on disk. Sections only we changed are taken from `mine`, everything else
/// from `theirs`; a section both changed (or they removed) is a conflict and nothing merges.
pub fn merge_sections(base: &Document, mine: &Document, theirs: &Document) -> Result<Document, Vec<Conflict>> {
    let mut merged = theirs.clone();
    let mut conflicts = Vec::new();
    for (d, division) in mine.divisions.iter().enumerate() {
        for (s, section) in division.sections.iter().enumerate() {
            let original = base.section(d, s);
            if original.is_some_and(|o| o.same_content(section)) {
                continue;
            }
            let theirs_section = merged
                .divisions
                .iter_mut()
                .find(|x| x.name == division.name)
                .and_then(|x| x.sections.iter_mut().find(|x| x.name == section.name));
            match theirs_section {
                Some(target) if original.is_some_and(|o| o.same_content(target)) || target.same_content(section) => {
                    *target = section.clone();
                }
                _ => conflicts.push(Conflict { division: division.name.clone(), section: section.name.clone() }),
            }
        }
    }
    if conflicts.is_empty() { Ok(merged) } else { Err(conflicts) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Division, Section};

    fn doc(sections: &[(&str, &str)]) -> Document {
        Document {
            organization: "上京区役所".into(),
            fiscal_year: 2008,
            checkpoint: None,
            preface: None,
            scale: None,
            divisions: vec![Division {
                name: "区民部".into(),
                sections: sections
                    .iter()
                    .map(|(name, progress)| Section { progress: (*progress).into(), ..Section::new(*name) })
                    .collect(),
            }],
        }
    }

    #[test]
    fn changes_to_different_sections_are_both_kept() {
        let base = doc(&[("総務課", "a"), ("納税課", "b")]);
        let mine = doc(&[("総務課", "mine"), ("納税課", "b")]);
        let theirs = doc(&[("総務課", "a"), ("納税課", "theirs")]);
        assert_eq!(merge_sections(&base, &mine, &theirs), Ok(doc(&[("総務課", "mine"), ("納税課", "theirs")])));
    }

    #[test]
    fn the_same_section_changed_twice_is_a_conflict() {
        let base = doc(&[("総務課", "a")]);
        let mine = doc(&[("総務課", "mine")]);
        let theirs = doc(&[("総務課", "theirs")]);
        assert_eq!(
            merge_sections(&base, &mine, &theirs),
            Err(vec![Conflict { division: "区民部".into(), section: "総務課".into() }])
        );
        assert!(merge_sections(&base, &mine, &doc(&[])).is_err(), "they removed a section we edited");
    }
}
