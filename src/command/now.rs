//! Which commands can be carried out where the keys are now (a section's status, who is at the
//! keys, a file that cannot be written): the one rule that both refuses a key and leaves it out
//! of the hints, so that a hint never offers what the key then refuses.

use super::Command;
use hyoka_core::model::Status;

/// What is true where the keys are, as far as the commands care.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Now {
    /// Reviewer mode (`--read-only`): nothing is written.
    pub read_only_session: bool,
    /// The file under the cursor cannot be written.
    pub read_only_file: bool,
    /// Who is at the keys approves, returns and moves stages.
    pub reviewer: bool,
    /// The status of the section under the cursor; `None` on a file or division row.
    pub section: Option<Status>,
    /// The file under the cursor is at its last stage (published).
    pub published: bool,
}

/// Why a command is not carried out now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    ReadOnlySession,
    ReadOnlyFile,
    /// Submitting, approving and returning are done section by section.
    NeedSection,
    /// The section waits for its reviewer or was approved: its clerks change nothing.
    Locked(Status),
    AlreadySubmitted,
    /// Approving or returning what is not submitted (or, returning, approved).
    NotSubmitted(Status),
    NotReviewer,
    /// The file is published: there is no stage after it.
    Published,
}

impl Command {
    /// Why the command cannot be carried out now; `None` when it can.
    pub fn refused(self, now: &Now) -> Option<Refusal> {
        use Command as C;
        if !self.edits() {
            return None;
        }
        if now.read_only_session {
            return Some(Refusal::ReadOnlySession);
        }
        // These concern every file (next year's is written beside this one): the permissions
        // of the one under the cursor do not matter.
        if matches!(self, C::NewYear | C::Undo | C::Redo | C::Save) {
            return None;
        }
        if now.read_only_file {
            return Some(Refusal::ReadOnlyFile);
        }
        if self.needs_section() && now.section.is_none() {
            return Some(Refusal::NeedSection);
        }
        let status = now.section.unwrap_or_default();
        match self {
            C::NextStage if !now.reviewer => Some(Refusal::NotReviewer),
            C::NextStage => now.published.then_some(Refusal::Published),
            C::Submit => match status {
                Status::Draft | Status::Returned => None,
                Status::Submitted => Some(Refusal::AlreadySubmitted),
                status @ Status::Approved => Some(Refusal::Locked(status)),
            },
            C::Approve | C::ReturnSection => {
                let open = matches!((self, status), (_, Status::Submitted) | (C::ReturnSection, Status::Approved));
                if !now.reviewer {
                    Some(Refusal::NotReviewer)
                } else if open {
                    None
                } else {
                    Some(Refusal::NotSubmitted(status))
                }
            }
            // Every other edit changes the section under the cursor.
            _ => match now.section {
                Some(status) if status.locks_clerks() && !now.reviewer => Some(Refusal::Locked(status)),
                _ => None,
            },
        }
    }

    /// Submitting, approving and returning are about one section.
    fn needs_section(self) -> bool {
        matches!(self, Command::Submit | Command::Approve | Command::ReturnSection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_waiting_for_its_reviewer_takes_no_clerk_edit_and_only_a_reviewer_decides() {
        let clerk = |status| Now { section: Some(status), ..Now::default() };
        let reviewer = |status| Now { reviewer: true, ..clerk(status) };
        assert_eq!(Command::Edit.refused(&clerk(Status::Submitted)), Some(Refusal::Locked(Status::Submitted)));
        assert_eq!(Command::Edit.refused(&reviewer(Status::Submitted)), None);
        assert_eq!(Command::Submit.refused(&clerk(Status::Submitted)), Some(Refusal::AlreadySubmitted));
        assert_eq!(Command::Submit.refused(&clerk(Status::Returned)), None);
        assert_eq!(Command::Approve.refused(&clerk(Status::Submitted)), Some(Refusal::NotReviewer));
        assert_eq!(
            Command::Approve.refused(&reviewer(Status::Approved)),
            Some(Refusal::NotSubmitted(Status::Approved))
        );
        assert_eq!(Command::ReturnSection.refused(&reviewer(Status::Approved)), None);
        assert_eq!(
            Command::ReturnSection.refused(&reviewer(Status::Returned)),
            Some(Refusal::NotSubmitted(Status::Returned))
        );
        assert_eq!(Command::Submit.refused(&Now::default()), Some(Refusal::NeedSection));
        assert_eq!(Command::Search.refused(&Now { read_only_session: true, ..Now::default() }), None);
        assert_eq!(Command::Edit.refused(&Now { read_only_file: true, ..Now::default() }), Some(Refusal::ReadOnlyFile));
        assert_eq!(Command::Save.refused(&Now { read_only_file: true, ..Now::default() }), None);
        assert_eq!(Command::NewYear.refused(&Now { read_only_file: true, ..Now::default() }), None);
    }
}
