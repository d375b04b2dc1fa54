//! The state of the history view (`H`): the commits that changed a section (or a whole file),
//! filled in as the worker reads them, and the changes of the one selected.

use hyoka_core::model::Field;
use hyoka_data::git::{CommitDiff, Entry, Scope};

pub struct ChangesView {
    /// Tells the worker's answers for this view from late answers for one closed before.
    pub request: u64,
    pub file: usize,
    pub scope: Scope,
    /// The section `H` was pressed on: `f` goes back to it from the whole file.
    pub section_scope: Option<Scope>,
    /// The commits so far, newest first, with their index in the file's history.
    pub entries: Vec<(usize, Entry)>,
    /// How many commits changed the file (known at once), and how many have been looked into.
    pub total: usize,
    pub examined: usize,
    pub complete: bool,
    /// The worker has not answered yet.
    pub reading: bool,
    pub selected: usize,
    /// The list row shown first: moves by pages, like the tree.
    pub offset: usize,
    /// The entry whose change was last asked of the worker.
    pub asked: Option<usize>,
    /// What the selected commit changed, once read; with the entry it belongs to.
    pub diff: Option<(usize, CommitDiff)>,
    /// Which changed field (counted over the sections of the diff) `r` puts back.
    pub field: usize,
    /// Lines scrolled in the change.
    pub scroll: u16,
    /// Why there is no history (no git, the file is not in a repository, git failed).
    pub failed: Option<String>,
}

impl ChangesView {
    pub fn new(request: u64, file: usize, scope: Scope) -> ChangesView {
        let section_scope = matches!(scope, Scope::Section { .. }).then(|| scope.clone());
        ChangesView {
            request,
            file,
            scope,
            section_scope,
            entries: Vec::new(),
            total: 0,
            examined: 0,
            complete: false,
            reading: true,
            selected: 0,
            offset: 0,
            asked: None,
            diff: None,
            field: 0,
            scroll: 0,
            failed: None,
        }
    }

    /// The history index of the selected commit.
    pub fn selected_entry(&self) -> Option<usize> {
        self.entries.get(self.selected).map(|(index, _)| *index)
    }

    /// The diff of the selected commit, once it has come.
    pub fn selected_diff(&self) -> Option<&CommitDiff> {
        match &self.diff {
            Some((entry, diff)) if Some(*entry) == self.selected_entry() => Some(diff),
            _ => None,
        }
    }

    /// The changed fields of the selected commit that can be put back, in the order shown:
    /// (division, section, field).
    pub fn fields(&self) -> Vec<(&str, &str, Field)> {
        self.selected_diff()
            .map(|diff| {
                diff.sections
                    .iter()
                    .flat_map(|s| s.fields.iter().map(|f| (s.division.as_str(), s.section.as_str(), f.field)))
                    .collect()
            })
            .unwrap_or_default()
    }
}
