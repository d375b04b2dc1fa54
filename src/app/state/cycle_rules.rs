//! What the year's cycle allows, as questions to the state: who may change a section now, what a
//! save must leave alone, the review shown above the panes, and the panes a stage is about.

use super::app::App;
use super::messages::Tone;
use super::refs::SectionRef;
use crate::command::{Command, Now, Refusal};
use crate::i18n::app::Msg;
use crate::i18n::cycle::{CycleMsg, status_name};
use hyoka_core::model::{Document, Field, Stage, Status};

impl App {
    /// What is true where the keys are, for the commands that depend on it (see [`Now`]).
    pub fn now(&self) -> Now {
        let file = self.cursor.file();
        Now {
            read_only_session: self.read_only,
            read_only_file: self.files.get(file).is_some_and(|f| f.read_only),
            reviewer: self.reviewer(),
            section: self.selected().and_then(|at| self.section(at)).map(|s| s.status),
            published: self.doc(file).is_some_and(|d| d.stage == Some(Stage::Published)),
        }
    }

    /// Whether `command` is refused where the keys are now; when it is, says why.
    pub(in crate::app) fn refuse(&mut self, command: Command) -> bool {
        let Some(refusal) = command.refused(&self.now()) else { return false };
        let lang = self.lang;
        let name = self.selected().and_then(|at| self.section(at)).map(|s| s.name.clone()).unwrap_or_default();
        let worded = |status: Status| status_name(status, lang).to_owned();
        let message = match refusal {
            Refusal::ReadOnlySession => Msg::ReadOnlySession,
            Refusal::ReadOnlyFile => Msg::FileReadOnly,
            Refusal::NeedSection => Msg::Cycle(CycleMsg::NeedSection),
            Refusal::Locked(status) => Msg::Cycle(CycleMsg::Locked { name, status: worded(status) }),
            Refusal::AlreadySubmitted => Msg::Cycle(CycleMsg::AlreadySubmitted { name }),
            Refusal::NotSubmitted(status) => Msg::Cycle(CycleMsg::NotSubmitted { name, status: worded(status) }),
            Refusal::NotReviewer => Msg::Cycle(CycleMsg::NotReviewer),
            Refusal::Published => {
                let title = self.doc(self.cursor.file()).map(Document::title).unwrap_or_default();
                Msg::Cycle(CycleMsg::Published { title })
            }
        };
        self.say(Tone::Error, message);
        true
    }

    /// Whether the section may be changed now; when it may not, the clerk is told why. Reviewers
    /// may change what they review.
    pub(in crate::app) fn may_write(&mut self, at: SectionRef) -> bool {
        let Some(section) = self.section(at) else { return true };
        if self.reviewer() || !section.status.locks_clerks() {
            return true;
        }
        let (name, status) = (section.name.clone(), status_name(section.status, self.lang).to_owned());
        self.say(Tone::Error, Msg::Cycle(CycleMsg::Locked { name, status }));
        false
    }

    /// A section of the file whose clerks changed it while it waited for its reviewer or after it
    /// was approved (a colleague submitted it, or the reviewer approved it, while this clerk had
    /// unsaved work in it): such work is not saved, so that what the reviewer has is what stays.
    /// The store asks the same of the file on disk, under its lock.
    pub fn locked_change(&self, file: usize) -> Option<(String, Status)> {
        if self.reviewer() {
            return None;
        }
        let loaded = self.files.get(file)?.loaded_state()?;
        loaded.dirty().find_map(|(division, section)| {
            let now = loaded.doc().section(division, section)?;
            let division_name = &loaded.doc().divisions.get(division)?.name;
            let saved = loaded.saved().find_section(division_name, &now.name)?;
            (!hyoka_data::store::clerk_may_write(saved, now)).then(|| (now.name.clone(), saved.status))
        })
    }

    /// The review shown above the section's panes: its status, by whom and when, and the reviewer's
    /// comment while it is returned; `None` for a draft. (The time only once saved: until then it
    /// is not yet stamped.)
    pub fn banner(&self) -> Option<(String, String)> {
        let at = self.selected()?;
        let section = self.section(at)?;
        if section.status == Status::Draft {
            return None;
        }
        let lang = self.lang;
        let stamped = !self.is_section_dirty(at);
        let (by, when) = match (&section.review, section.status) {
            (Some(review), Status::Approved | Status::Returned) => {
                (Some(review.by.clone()), stamped.then_some(review.at))
            }
            // Submitted: who handed it in and when are the section's stamps.
            _ => (section.updated_by.clone(), section.updated.filter(|_| stamped)),
        };
        let when = when.map(|t| crate::i18n::cycle::moment(t, self.calendar, lang));
        let status = status_name(section.status, lang).to_owned();
        let mut head = crate::i18n::cycle::CycleWords::Status { status, by, when }.text(lang);
        if section.status.locks_clerks() && !self.reviewer() {
            head = format!("{head}  {}", crate::i18n::cycle::CycleWords::LockedNote.text(lang));
        }

        let comment = match (&section.review, section.status) {
            (Some(review), Status::Returned) => review.comment.clone(),
            _ => String::new(),
        };
        Some((head, comment))
    }

    /// The panes the file's stage is about, first the one a section opens on; all four without a stage.
    pub fn stage_fields(&self, file: usize) -> &'static [Field] {
        match self.doc(file).and_then(|d| d.stage) {
            Some(stage) if !stage.fields().is_empty() => stage.fields(),
            _ => &Field::PANES,
        }
    }
}
