//! The questions a file has for its next save: fields both sides changed that still differ, as
//! the conflict dialog asks them.

use super::app::{App, Mode};
use crate::app::dialog::conflict::{Conflict, Question};
use hyoka_data::store::FieldConflict;

impl App {
    /// The questions still worth asking for a file, in the order they were found.
    pub fn questions(&self, file: usize) -> Vec<Question> {
        let Some(entry) = self.files.get(file) else { return Vec::new() };
        let Some(loaded) = entry.loaded_state() else { return Vec::new() };
        let merge = entry.merge.iter().map(|c| Question::Field(Box::new(c.clone())));
        merge
            .chain(entry.pending.iter().filter_map(|p| {
                let mine = loaded.doc().find_section(&p.division, &p.section)?;
                let theirs = loaded.saved().find_section(&p.division, &p.section);
                match (p.field, theirs) {
                    // Still gone on their side, and still ours on screen.
                    (None, None) => Some(Question::Gone {
                        division: p.division.clone(),
                        section: p.section.clone(),
                        mine: Box::new(mine.clone()),
                    }),
                    (Some(field), Some(theirs)) => (!field.equal(mine, theirs)).then(|| {
                        Question::Field(Box::new(FieldConflict {
                            division: p.division.clone(),
                            section: p.section.clone(),
                            field,
                            mine: field.text(mine),
                            theirs: field.text(theirs),
                            mine_section: mine.clone(),
                            theirs_section: theirs.clone(),
                            their_by: theirs.updated_by.clone(),
                            their_at: theirs.updated,
                        }))
                    }),
                    _ => None,
                }
            }))
            .collect()
    }

    /// Opens the conflict dialog on a file's questions (none: nothing opens).
    pub(in crate::app) fn open_conflict(&mut self, file: usize) {
        if let Some(conflict) = Conflict::new(file, self.questions(file)) {
            self.mode = Mode::Resolve(Box::new(conflict));
        }
    }
}
