//! Whether the published table can carry each section of a file, remembered until the section
//! changes: the tree asks it of every row it draws, and the answer reads every text of a section.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use hyoka_core::model::Document;
use hyoka_data::interchange::tsv::section_problem;

/// A memo, not state: what it holds follows from the document alone, and is forgotten with
/// every change of what it was found from. A mutex, not a cell, because the search reads the
/// files from several threads; nobody waits on it (the screen's thread alone fills it).
#[derive(Debug, Default)]
pub(super) struct Flaws(Mutex<HashMap<(usize, usize), bool>>);

impl Clone for Flaws {
    fn clone(&self) -> Self {
        Flaws(Mutex::new(self.known().clone()))
    }
}

impl Flaws {
    fn known(&self) -> std::sync::MutexGuard<'_, HashMap<(usize, usize), bool>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn publishable(&self, doc: &Document, division: usize, section: usize) -> bool {
        if let Some(known) = self.known().get(&(division, section)) {
            return *known;
        }
        let carried = match (doc.divisions.get(division), doc.section(division, section)) {
            (Some(d), Some(s)) => section_problem(doc, d, s).is_none(),
            _ => true,
        };
        self.known().insert((division, section), carried);
        carried
    }

    /// The document changed as a whole (its scale, a division's name, sections come or gone).
    pub(super) fn forget(&mut self) {
        self.0.get_mut().unwrap_or_else(PoisonError::into_inner).clear();
    }

    /// One section changed, and nothing else of the document.
    pub(super) fn forget_one(&mut self, division: usize, section: usize) {
        self.0.get_mut().unwrap_or_else(PoisonError::into_inner).remove(&(division, section));
    }
}
