//! Whether the published table can carry each section of a file, remembered until the section
//! changes: the tree asks it of every row it draws, and the answer reads every text of a section.

use std::collections::HashMap;

use hyoka_core::model::Document;
use hyoka_data::interchange::tsv::section_problem;

/// What `update` found for the sections the tree shows; forgotten with every change of what it
/// was found from. The drawing only reads it (and asks the check itself of a section not in it).
#[derive(Clone, Debug, Default)]
pub(super) struct Flaws(HashMap<(usize, usize), bool>);

impl Flaws {
    pub(super) fn publishable(&self, doc: &Document, division: usize, section: usize) -> bool {
        self.0.get(&(division, section)).copied().unwrap_or_else(|| carried(doc, division, section))
    }

    pub(super) fn learn(&mut self, doc: &Document, division: usize, section: usize) {
        self.0.entry((division, section)).or_insert_with(|| carried(doc, division, section));
    }

    /// The document changed as a whole (its scale, a division's name, sections come or gone).
    pub(super) fn forget(&mut self) {
        self.0.clear();
    }

    /// What holds of `new` (which takes the place of `old`, the document this was found for):
    /// a section found the same at the same place, in a division of the same name, under the
    /// same scale, is carried as it was. A save gives back the document saved, stamps aside:
    /// the tree's rows are not all checked again after it.
    pub(super) fn carried_over(mut self, old: &Document, new: &Document) -> Flaws {
        if old.scale != new.scale {
            return Flaws::default();
        }
        let same_division =
            |d: usize| old.divisions.get(d).zip(new.divisions.get(d)).is_some_and(|(was, now)| was.name == now.name);
        self.0.retain(|&(d, s), _| {
            same_division(d) && old.section(d, s).zip(new.section(d, s)).is_some_and(|(was, now)| was == now)
        });
        self
    }

    /// What was found for the section, if anything.
    #[cfg(test)]
    pub(super) fn known(&self, division: usize, section: usize) -> Option<bool> {
        self.0.get(&(division, section)).copied()
    }

    /// One section changed, and nothing else of the document.
    pub(super) fn forget_one(&mut self, division: usize, section: usize) {
        self.0.remove(&(division, section));
    }
}

fn carried(doc: &Document, division: usize, section: usize) -> bool {
    match (doc.divisions.get(division), doc.section(division, section)) {
        (Some(d), Some(s)) => section_problem(doc, d, s).is_none(),
        _ => true,
    }
}
