//! The questions a file has for its next save: fields both sides changed that still differ, as
//! the conflict dialog asks them.

use super::app::{App, Mode};
use crate::app::dialog::conflict::{Conflict, Question};
use hyoka_data::store::FieldConflict;

impl App {
    /// The questions still worth asking for a file, in the order they were found. A question a
    /// clerk may only answer one way (their side holds a reviewer's decision) is asked as such.
    pub fn questions(&self, file: usize) -> Vec<Question> {
        let Some(entry) = self.files.get(file) else { return Vec::new() };
        let Some(loaded) = entry.loaded_state() else { return Vec::new() };
        let merge = entry.merge.iter().cloned();
        let pending = entry.pending.iter().filter_map(|p| {
            let mine = loaded.doc().find_section(&p.division, &p.section)?;
            let theirs = loaded.saved().find_section(&p.division, &p.section);
            match (p.field, theirs) {
                // Still gone on their side, and still ours on screen.
                (None, None) => Some(Err(Question::Gone {
                    division: p.division.clone(),
                    section: p.section.clone(),
                    mine: Box::new(mine.clone()),
                })),
                (Some(field), Some(theirs)) => {
                    let conflict = FieldConflict::new(&p.division, field, p.with.clone(), mine, theirs);
                    (!conflict.agree(mine, theirs)).then_some(Ok(conflict))
                }
                _ => None,
            }
        });
        merge
            .map(Ok)
            .chain(pending)
            .map(|question| match question {
                Ok(conflict) if !self.reviewer() && conflict.binds_clerks() => Question::Decided(Box::new(conflict)),
                Ok(conflict) => Question::Field(Box::new(conflict)),
                Err(gone) => gone,
            })
            .collect()
    }

    /// Opens the conflict dialog on a file's questions (none: nothing opens).
    pub(in crate::app) fn open_conflict(&mut self, file: usize) {
        if let Some(conflict) = Conflict::new(file, self.questions(file)) {
            self.mode = Mode::Resolve(Box::new(conflict));
        }
    }
}
