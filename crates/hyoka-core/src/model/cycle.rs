//! The year's cycle as data: the stage a file is in, where a section stands in its review, and
//! what the reviewer said — no I/O, no wording (that is `i18n::cycle`).

use chrono::{DateTime, FixedOffset};

use super::Field;
use crate::i18n::Lang;

/// The stage of the fiscal year a file is in (`stage:`); a file without one is in none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// 年度当初: the goals are written.
    Goals,
    /// The mid-year checkpoint: the progress is written.
    Midyear,
    /// 期末: the rating and the reflection are written.
    Yearend,
    /// The table is published: nothing is written any more.
    Published,
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Goals, Stage::Midyear, Stage::Yearend, Stage::Published];

    /// The value in a data file.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Goals => "goals",
            Stage::Midyear => "midyear",
            Stage::Yearend => "yearend",
            Stage::Published => "published",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The panes written in this stage, in the order Tab visits them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Stage::Goals => &[Field::Goals],
            Stage::Midyear => &[Field::Progress],
            Stage::Yearend => &[Field::Rating, Field::Reflection],
            Stage::Published => &[],
        }
    }

    /// The stage after this one; `None` once published.
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Goals => Some(Stage::Midyear),
            Stage::Midyear => Some(Stage::Yearend),
            Stage::Yearend => Some(Stage::Published),
            Stage::Published => None,
        }
    }
}

/// Where a section stands in the review of the current stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Being written (also: no `status:` in the file).
    #[default]
    Draft,
    /// Handed to the reviewer: its clerks cannot change it until it is returned.
    Submitted,
    Approved,
    /// Sent back with the reviewer's comment, to be fixed and submitted again.
    Returned,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::Submitted, Status::Approved, Status::Returned];

    /// The value in a data file.
    pub fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Approved => "approved",
            Status::Returned => "returned",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// How the office says it, in `lang` (the Japanese word is also the status's text form in
    /// histories and conflicts, see `Field::text`).
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Status::Draft => lang.pick("下書き", "draft"),
            Status::Submitted => lang.pick("提出済み", "submitted"),
            Status::Approved => lang.pick("承認済み", "approved"),
            Status::Returned => lang.pick("差戻し", "returned"),
        }
    }

    /// The section waits for the reviewer or was accepted: its clerks may not change it.
    pub fn locks_clerks(self) -> bool {
        matches!(self, Status::Submitted | Status::Approved)
    }
}

/// The reviewer's last word on a section: who, when, and (when returning it) why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub by: String,
    pub at: DateTime<FixedOffset>,
    /// Empty when approved without a word; never empty for a section returned.
    pub comment: String,
}

impl Review {
    /// The same word from the same reviewer. `at` is a stamp, set by the save as `updated` is, so
    /// that a review made on screen and the one written compare as the same.
    pub fn same_word(a: Option<&Review>, b: Option<&Review>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => a.by == b.by && a.comment == b.comment,
            (None, None) => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_and_statuses_read_back_from_their_keys() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_key(stage.key()), Some(stage));
        }
        for status in Status::ALL {
            assert_eq!(Status::from_key(status.key()), Some(status));
        }
        assert_eq!(Stage::from_key("Goals"), None, "keys are exact");
        assert_eq!(Stage::Goals.next(), Some(Stage::Midyear));
        assert_eq!(Stage::Published.next(), None);
        assert!(Status::Submitted.locks_clerks() && Status::Approved.locks_clerks());
        assert!(!Status::Returned.locks_clerks() && !Status::Draft.locks_clerks());
    }
}
