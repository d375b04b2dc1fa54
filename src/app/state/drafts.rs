//! A reviewer's return comments being written: kept per section, by name, until they are sent or
//! thrown away on purpose (Esc only closes the dialog), and journaled like any unsaved text.

use super::app::{App, Mode};
use super::files::Draft;
use super::refs::SectionRef;

impl App {
    /// The names of a section, as drafts and journals know it.
    fn names(&self, at: SectionRef) -> Option<(String, String)> {
        let division = self.doc(at.file)?.divisions.get(at.division)?;
        Some((division.name.clone(), division.sections.get(at.section)?.name.clone()))
    }

    /// The comment left for this section, if any.
    pub fn draft(&self, at: SectionRef) -> Option<&str> {
        let (division, section) = self.names(at)?;
        let entry = self.files.get(at.file)?;
        entry.drafts.iter().find(|d| d.division == division && d.section == section).map(|d| d.text.as_str())
    }

    /// Keeps `text` as the section's draft (an empty text: none).
    pub(in crate::app) fn keep_draft(&mut self, at: SectionRef, text: &str) {
        let Some((division, section)) = self.names(at) else { return };
        self.generation += 1;
        // The journal keeps drafts: it hears of this one at the next tick. A draft is work of its
        // file, so the file is among those that can hold unsaved work.
        self.unjournaled.insert(at.file);
        self.touched.insert(at.file);
        let Some(entry) = self.files.get_mut(at.file) else { return };
        entry.drafts.retain(|d| !(d.division == division && d.section == section));
        if !text.trim().is_empty() {
            entry.drafts.push(Draft { division, section, text: text.to_owned() });
        }
    }

    /// The drafts of a file as they stand, the one open in the dialog included.
    pub fn drafts_of(&self, file: usize) -> Vec<Draft> {
        let mut drafts = self.files.get(file).map(|f| f.drafts.clone()).unwrap_or_default();
        if let Mode::Comment(dialog) = &self.mode
            && dialog.section.file == file
            && let Some((division, section)) = self.names(dialog.section)
        {
            drafts.retain(|d| !(d.division == division && d.section == section));
            let text = dialog.text();
            if !text.trim().is_empty() {
                drafts.push(Draft { division, section, text });
            }
        }
        drafts
    }

    /// How many return comments are written but not sent.
    pub fn unsent_drafts(&self) -> usize {
        // Only a file changed since it was read can hold one (asked at every frame: not a walk of
        // every file of a city), and the one whose comment is being written.
        let writing = match &self.mode {
            Mode::Comment(dialog) if !self.touched.contains(&dialog.section.file) => Some(dialog.section.file),
            _ => None,
        };
        self.touched.iter().copied().chain(writing).map(|file| self.drafts_of(file).len()).sum()
    }
}
