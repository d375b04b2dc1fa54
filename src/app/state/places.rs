//! Where the cursor stands, by names as well as by position: positions change when sections
//! come or go (work taken in from disk, a merge, a journal), names do not.

use super::app::App;
use super::refs::{Focus, Node, SectionRef};
use hyoka_core::model::{Field, Section};

impl App {
    /// The goals pane's cursor stays on a row that exists.
    pub(in crate::app) fn clamp_goal_cursor(&mut self) {
        let rows = self.selected().and_then(|at| self.section(at)).map_or(0, |s| goal_rows(s).len());
        self.goal_cursor = self.goal_cursor.min(rows.saturating_sub(1));
    }

    /// Where the tree cursor is, by names: positions change when sections come or go.
    pub fn cursor_by_name(&self) -> Option<(usize, String, String)> {
        let at = self.selected()?;
        let doc = self.doc(at.file)?;
        let division = doc.divisions.get(at.division)?;
        Some((at.file, division.name.clone(), division.sections.get(at.section)?.name.clone()))
    }

    /// A section by its division's and its own name.
    pub fn find_section(&self, file: usize, division: &str, section: &str) -> Option<SectionRef> {
        let doc = self.doc(file)?;
        let (d, found) = doc.divisions.iter().enumerate().find(|(_, d)| d.name == division)?;
        let s = found.sections.iter().position(|s| s.name == section)?;
        Some(SectionRef { file, division: d, section: s })
    }

    /// After the documents took in work from elsewhere (disk, a merge, a journal): the cursor goes
    /// back to the section it was on, found by name, and the undo history is dropped, since each
    /// step would put back a whole section over what was just taken in.
    pub(in crate::app) fn after_documents_changed(&mut self, before: Option<(usize, String, String)>) {
        if let Some((file, division, section)) = before
            && let Some(at) = self.find_section(file, &division, &section)
        {
            self.cursor = Node::Section(at);
        }
        self.sync_rows();
        if !self.rows.contains(self.cursor) {
            self.cursor = self.rows.get(0).unwrap_or(Node::File(0));
            self.focus = Focus::Tree;
        }
        self.history.clear();
        self.clamp_goal_cursor();
    }
}

/// The rows of the goals pane: the lead-in (if written), then each goal, as (field, goal index).
pub fn goal_rows(section: &Section) -> Vec<(Field, usize)> {
    let intro = (!section.goals_intro.is_empty()).then_some((Field::GoalsIntro, 0));
    intro.into_iter().chain((0..section.goals.len()).map(|i| (Field::Goals, i))).collect()
}
