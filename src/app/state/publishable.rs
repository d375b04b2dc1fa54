//! What the published table cannot carry of a section, found while it is written rather than on
//! publication day: the tree marks the section and the pane concerned says why, in the words of
//! `hyoka check --publishable`.

use super::app::{App, Mode};
use super::refs::{Node, SectionRef};
use crate::i18n::screen::Words;
use hyoka_core::model::Field;
use hyoka_data::i18n::interchange::limits::ExportMsg;
use hyoka_data::i18n::interchange::place::{PlaceMsg, SectionPart};
use hyoka_data::interchange::tsv::section_problem;

impl App {
    /// Whether the published table can carry the section as it is in the document.
    pub fn publishable(&self, at: SectionRef) -> bool {
        self.files.get(at.file).and_then(|f| f.loaded_state()).is_none_or(|l| l.publishable(at.division, at.section))
    }

    /// Finds whether the table can carry each section the tree shows now (every section of a
    /// folded division, whose row says it for them): the frame then only looks it up.
    pub(in crate::app) fn learn_publishable_on_screen(&mut self) {
        let height = usize::from(self.layout.tree.height.saturating_sub(2)).max(1);
        let shown: Vec<Node> = self.rows.window(self.tree_offset, height).collect();
        for node in shown {
            let (file, division, sections) = match node {
                Node::Section(at) => (at.file, at.division, at.section..at.section + 1),
                Node::Division(file, division) if self.collapsed.contains(&node) => {
                    let count = self.doc(file).and_then(|d| d.divisions.get(division)).map_or(0, |d| d.sections.len());
                    (file, division, 0..count)
                }
                Node::Division(..) | Node::File(_) => continue,
            };
            if let Some(loaded) = self.files.get_mut(file).and_then(|f| f.loaded_mut()) {
                sections.for_each(|section| loaded.learn_publishable(division, section));
            }
        }
    }

    /// What the published table cannot carry of the section as it stands on screen (the text being
    /// edited in it applied): the pane that holds it, and why, worded.
    pub fn unpublishable(&self, at: SectionRef) -> Option<(Field, String)> {
        let doc = self.doc(at.file)?;
        let division = doc.divisions.get(at.division)?;
        let mut section = self.section(at)?.clone();
        if let Mode::Editing(editor) = &self.mode
            && editor.section == at
        {
            editor.apply_to(&mut section);
        }
        let problem = section_problem(doc, division, &section)?;
        let pane = match &problem.0 {
            ExportMsg::Refused { place: PlaceMsg::Section { part, .. }, .. } => match part {
                SectionPart::Progress => Field::Progress,
                SectionPart::Rating => Field::Rating,
                SectionPart::Reflection => Field::Reflection,
                _ => Field::Goals,
            },
            _ => Field::Goals,
        };
        Some((pane, Words::Unpublishable { why: problem.0.text_in_section(self.lang) }.text(self.lang)))
    }
}
