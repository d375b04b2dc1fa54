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
