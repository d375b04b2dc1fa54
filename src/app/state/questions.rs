//! The questions a file has for its next save: fields both sides changed that still differ, as
//! the conflict dialog asks them.

use super::app::{App, Mode};
use super::dialogs::Conflict;
use crate::store::FieldConflict;

impl App {
    /// The questions still worth asking for a file, in the order they were found.
    pub fn questions(&self, file: usize) -> Vec<FieldConflict> {
        let Some(entry) = self.files.get(file) else { return Vec::new() };
        let Some(loaded) = entry.loaded_state() else { return Vec::new() };
        entry
            .pending
            .iter()
            .filter_map(|p| {
                let mine = loaded.doc().find_section(&p.division, &p.section)?;
                let theirs = loaded.saved().find_section(&p.division, &p.section)?;
                (!p.field.equal(mine, theirs)).then(|| FieldConflict {
                    division: p.division.clone(),
                    section: p.section.clone(),
                    field: p.field,
                    mine: p.field.text(mine),
                    theirs: p.field.text(theirs),
                    mine_section: mine.clone(),
                    theirs_section: theirs.clone(),
                    their_by: theirs.updated_by.clone(),
                    their_at: theirs.updated,
                })
            })
            .collect()
    }

    /// Opens the conflict dialog on a file's questions (none: nothing opens).
    pub fn open_conflict(&mut self, file: usize) {
        let conflicts = self.questions(file);
        if conflicts.is_empty() {
            return;
        }
        let chosen = vec![None; conflicts.len()];
        self.mode = Mode::Resolve(Box::new(Conflict { file, conflicts, index: 0, chosen, combined: None }));
    }
}
