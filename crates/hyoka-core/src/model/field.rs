//! The one name for a section's fields: what the panes show, what a merge compares, what a
//! conflict or a journal names, and how each is read and written as text.

use super::{Document, Section};
use crate::i18n::Lang;

/// One of a section's fields, in the order of the published table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A lead-in written before the numbered goals ("来庁者満足度の向上のため"); shown in the goals pane.
    GoalsIntro,
    Goals,
    Progress,
    Rating,
    Reflection,
    /// Where the section stands in its review (`status:`) with the reviewer's word (`review:`):
    /// one field, since the two change together and must never be merged apart.
    Status,
}

impl Field {
    /// Every field, as merged and compared.
    pub const ALL: [Field; 6] =
        [Field::GoalsIntro, Field::Goals, Field::Progress, Field::Rating, Field::Reflection, Field::Status];
    /// The four panes on the right, in the order Tab visits them.
    pub const PANES: [Field; 4] = [Field::Goals, Field::Progress, Field::Rating, Field::Reflection];

    /// The pane that shows the field: the lead-in lives in the goals pane, and the status is
    /// shown above it.
    pub fn pane(self) -> Field {
        match self {
            Field::GoalsIntro | Field::Status => Field::Goals,
            other => other,
        }
    }

    /// The key in a data file.
    pub fn key(self) -> &'static str {
        match self {
            Field::GoalsIntro => "goals_intro",
            Field::Goals => "goals",
            Field::Progress => "progress",
            Field::Rating => "rating",
            Field::Reflection => "reflection",
            Field::Status => "status",
        }
    }

    /// The field as text, one goal per line for the goals (then their marks as a table writes
    /// them, "①○ ②◎", when any has one), empty for "not rated"; the status as the office says
    /// it, then who reviewed it when, and the comment.
    pub fn text(self, section: &Section) -> String {
        self.text_in(section, Lang::Ja)
    }

    /// The field as [`Field::text`] gives it, the status worded in `lang`: for the screen.
    pub fn shown(self, section: &Section, lang: Lang) -> String {
        self.text_in(section, lang)
    }

    fn text_in(self, section: &Section, lang: Lang) -> String {
        match self {
            Field::GoalsIntro => section.goals_intro.clone(),
            Field::Goals => {
                let mut text = section.goals.join("\n");
                let marks = section.goal_ratings_text();
                if !marks.is_empty() {
                    text.push('\n');
                    text.push_str(&marks);
                }
                text
            }
            Field::Progress => section.progress.clone(),
            Field::Rating => section.rating.clone().unwrap_or_default(),
            Field::Reflection => section.reflection.clone(),
            Field::Status => {
                let mut text = section.status.word(lang).to_owned();
                if let Some(review) = &section.review {
                    text.push_str(&format!("（{} {}）", review.by, super::era_date(review.at.date_naive())));
                    if !review.comment.is_empty() {
                        text.push('\n');
                        text.push_str(&review.comment);
                    }
                }
                text
            }
        }
    }

    /// Sets the field from its text form (see [`Field::text`]): goals one per line, blank lines
    /// dropped, each keeping its mark where the same goal had one (a line of marks is not read
    /// back); the status from its word, the rest being the comment of a review already there.
    pub fn set_text(self, section: &mut Section, text: &str) {
        match self {
            Field::GoalsIntro => section.goals_intro = text.to_owned(),
            Field::Goals => {
                section.replace_goals(text.split('\n').filter(|g| !g.trim().is_empty()).map(str::to_owned).collect());
            }
            Field::Progress => section.progress = text.to_owned(),
            Field::Rating => section.rating = (!text.is_empty()).then(|| text.to_owned()),
            Field::Reflection => section.reflection = text.to_owned(),
            Field::Status => {
                let (first, comment) = text.split_once('\n').unwrap_or((text, ""));
                if let Some(status) = super::Status::ALL.into_iter().find(|s| first.starts_with(s.word(Lang::Ja))) {
                    section.status = status;
                }
                if let Some(review) = &mut section.review {
                    review.comment = comment.to_owned();
                }
            }
        }
    }

    /// Whether the field holds the same in both sections (goals compared as lists).
    pub fn equal(self, a: &Section, b: &Section) -> bool {
        match self {
            Field::GoalsIntro => a.goals_intro == b.goals_intro,
            Field::Goals => a.goals == b.goals && a.goal_ratings == b.goal_ratings,
            Field::Progress => a.progress == b.progress,
            Field::Rating => a.rating == b.rating,
            Field::Reflection => a.reflection == b.reflection,
            Field::Status => a.status == b.status && super::Review::same_word(a.review.as_ref(), b.review.as_ref()),
        }
    }

    /// Sets the field of `to` to the value it has in `from` (goals as the list they are).
    pub fn copy(self, from: &Section, to: &mut Section) {
        match self {
            Field::GoalsIntro => to.goals_intro.clone_from(&from.goals_intro),
            Field::Goals => {
                to.goals.clone_from(&from.goals);
                to.goal_ratings.clone_from(&from.goal_ratings);
            }
            Field::Progress => to.progress.clone_from(&from.progress),
            Field::Rating => to.rating.clone_from(&from.rating),
            Field::Reflection => to.reflection.clone_from(&from.reflection),
            Field::Status => {
                to.status = from.status;
                to.review.clone_from(&from.review);
            }
        }
    }

    /// Nothing written yet (blank text counts as nothing); the rating is written when the
    /// section or every goal has a mark; the status is nothing while a draft never reviewed.
    pub fn is_empty(self, section: &Section) -> bool {
        match self {
            Field::GoalsIntro => section.goals_intro.trim().is_empty(),
            Field::Goals => section.goals.iter().all(|g| g.trim().is_empty()),
            Field::Progress => section.progress.trim().is_empty(),
            Field::Rating => !section.is_rated(),
            Field::Reflection => section.reflection.trim().is_empty(),
            Field::Status => section.status == super::Status::Draft && section.review.is_none(),
        }
    }
}

/// A document-level value (the file's head), outside any section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeadField {
    Organization,
    FiscalYear,
    Stage,
    Checkpoint,
    Preface,
    /// The lines under the published table (`notes:`).
    Notes,
    Scale,
}

impl HeadField {
    /// In the order of the file.
    pub const ALL: [HeadField; 7] = [
        HeadField::Organization,
        HeadField::FiscalYear,
        HeadField::Stage,
        HeadField::Checkpoint,
        HeadField::Preface,
        HeadField::Notes,
        HeadField::Scale,
    ];

    /// The key in a data file.
    pub fn key(self) -> &'static str {
        match self {
            HeadField::Organization => "organization",
            HeadField::FiscalYear => "fiscal_year",
            HeadField::Stage => "stage",
            HeadField::Checkpoint => "checkpoint",
            HeadField::Preface => "preface",
            HeadField::Notes => "notes",
            HeadField::Scale => "scale",
        }
    }

    /// Whether the two documents hold the same value here.
    pub fn equal(self, a: &Document, b: &Document) -> bool {
        match self {
            HeadField::Organization => a.organization == b.organization,
            HeadField::FiscalYear => a.fiscal_year == b.fiscal_year,
            HeadField::Stage => a.stage == b.stage,
            HeadField::Checkpoint => a.checkpoint == b.checkpoint,
            HeadField::Preface => a.preface == b.preface,
            HeadField::Notes => a.notes == b.notes,
            HeadField::Scale => a.scale == b.scale,
        }
    }

    /// Sets this value of `to` to the one in `from`.
    pub fn copy(self, from: &Document, to: &mut Document) {
        match self {
            HeadField::Organization => to.organization.clone_from(&from.organization),
            HeadField::FiscalYear => to.fiscal_year = from.fiscal_year,
            HeadField::Stage => to.stage = from.stage,
            HeadField::Checkpoint => to.checkpoint = from.checkpoint,
            HeadField::Preface => to.preface.clone_from(&from.preface),
            HeadField::Notes => to.notes.clone_from(&from.notes),
            HeadField::Scale => to.scale.clone_from(&from.scale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_set_text_are_inverse_and_copy_keeps_goals_whole() {
        let mut a = Section::new("総務課");
        a.goals = vec!["一行目\n続き".into(), "二つ目".into()];
        a.rating = Some("○".into());
        let mut b = Section::new("総務課");
        for field in Field::ALL {
            field.copy(&a, &mut b);
            assert!(field.equal(&a, &b), "{field:?}");
        }
        assert_eq!(b.goals.len(), 2, "a goal with a line break stays one goal");
        let mut c = Section::new("総務課");
        Field::Rating.set_text(&mut c, &Field::Rating.text(&a));
        assert_eq!(c.rating.as_deref(), Some("○"));
        Field::Rating.set_text(&mut c, "");
        assert_eq!(c.rating, None);
        assert_eq!(Field::GoalsIntro.pane(), Field::Goals);
    }

    #[test]
    fn goal_marks_and_the_review_are_part_of_their_fields() {
        let mut a = Section::new("総務課");
        a.goals = vec!["一".into(), "二".into()];
        let mut b = a.clone();
        b.set_goal_rating(1, Some("◎".into()));
        assert!(!Field::Goals.equal(&a, &b), "a goal's mark is a change of the goals");
        assert_eq!(Field::Goals.text(&b), "一\n二\n②◎");
        Field::Goals.copy(&b, &mut a);
        assert_eq!(a.goal_rating(1), Some("◎"));
        b.status = super::super::Status::Returned;
        b.review = Some(super::super::Review {
            by: "suzuki".into(),
            at: chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap_or_default(),
            comment: "数値目標を\n入れてください".into(),
        });
        assert_eq!(Field::Status.text(&b), "差戻し（suzuki 令和8年11月26日）\n数値目標を\n入れてください");
        assert!(!Field::Status.equal(&a, &b) && Field::Status.is_empty(&a) && !Field::Status.is_empty(&b));
        Field::Status.copy(&b, &mut a);
        assert!(Field::Status.equal(&a, &b));
        Field::Status.set_text(&mut a, "提出済み");
        assert_eq!(a.status, super::super::Status::Submitted);
    }
}
