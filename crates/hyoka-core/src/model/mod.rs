//! The documents hyoka edits: plain data, no I/O, no terminal.

mod cycle;
mod era;
mod field;
mod goals;
mod new_year;
mod problem;

pub use cycle::{Review, Stage, Status};
pub use era::{
    FISCAL_YEARS, checkpoint_phrase, era_date, era_year_at, fiscal_year_in, fiscal_year_label, goal_number,
    small_number,
};
pub use field::{Field, HeadField};
pub use new_year::{NewYearError, next_year, next_year_text};
pub use problem::{Expected, Position, ProblemKind};

use chrono::{DateTime, FixedOffset, NaiveDate};

/// One organisation's table for one fiscal year: one YAML file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub organization: String,
    /// The year in which the fiscal year starts (April), e.g. 2008 for 平成20年度.
    pub fiscal_year: i32,
    /// Where the year's cycle stands (`stage:`); `None` in files that do not say.
    pub stage: Option<Stage>,
    pub checkpoint: Option<NaiveDate>,
    pub preface: Option<String>,
    /// Remarks under the table (※…), kept as the table gave them; one line each.
    pub notes: Option<String>,
    /// `None` while the file does not name a scale: the default one applies and none is written.
    pub scale: Option<Vec<Grade>>,
    pub divisions: Vec<Division>,
}

/// One step of the rating scale, e.g. ◎ 達成できた.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grade {
    pub mark: String,
    pub label: String,
}

/// A department (部).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Division {
    pub name: String,
    pub sections: Vec<Section>,
}

/// A section (課) with its four fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    /// A lead-in written before the numbered goals, as in "来庁者満足度の向上のため ①… ②…".
    pub goals_intro: String,
    /// The number of the first goal where the table numbered them otherwise than the rule of
    /// [`Section::goals_numbered`] (③④…, or a single ①): kept so that no goal is renumbered.
    pub goals_numbered_from: Option<u32>,
    pub goals: Vec<String>,
    /// Each goal's own mark (`- { text, rating }`), by index into `goals`: no longer than the goals
    /// and never ending in `None`, so that sections equal in what they say compare equal (see
    /// `model/goals.rs`, whose methods keep this while goals come, go and move).
    pub goal_ratings: Vec<Option<String>>,
    pub progress: String,
    pub rating: Option<String>,
    pub reflection: String,
    /// Where the section stands in the review of the current stage.
    pub status: Status,
    /// The reviewer's last word (`review: { by, at, comment }`).
    pub review: Option<Review>,
    pub updated: Option<DateTime<FixedOffset>>,
    pub updated_by: Option<String>,
}

/// The scale of the seed document, used when a file names none.
pub fn default_scale() -> Vec<Grade> {
    [("◎", "達成できた"), ("○", "ほぼ達成できた"), ("△", "ある程度達成できた"), ("×", "あまり達成できなかった")]
        .into_iter()
        .map(|(mark, label)| Grade { mark: mark.to_owned(), label: label.to_owned() })
        .collect()
}

impl Document {
    /// A table of `organization` for `fiscal_year` with nothing in it yet: no stage, checkpoint,
    /// preface, notes or scale of its own, and no division.
    pub fn new(organization: impl Into<String>, fiscal_year: i32) -> Document {
        Document {
            organization: organization.into(),
            fiscal_year,
            stage: None,
            checkpoint: None,
            preface: None,
            notes: None,
            scale: None,
            divisions: Vec::new(),
        }
    }

    pub fn scale(&self) -> std::borrow::Cow<'_, [Grade]> {
        match &self.scale {
            Some(scale) => std::borrow::Cow::Borrowed(scale),
            None => std::borrow::Cow::Owned(default_scale()),
        }
    }

    /// "上京区役所 平成20年度": how the document is named in the tree and the status line.
    pub fn title(&self) -> String {
        format!("{} {}", self.organization, fiscal_year_label(self.fiscal_year))
    }

    pub fn section(&self, division: usize, section: usize) -> Option<&Section> {
        self.divisions.get(division)?.sections.get(section)
    }

    pub fn section_mut(&mut self, division: usize, section: usize) -> Option<&mut Section> {
        self.divisions.get_mut(division)?.sections.get_mut(section)
    }

    /// A section by its division's and its own name: how two versions of a file are matched.
    pub fn find_section(&self, division: &str, section: &str) -> Option<&Section> {
        self.divisions.iter().find(|d| d.name == division)?.sections.iter().find(|s| s.name == section)
    }

    pub fn find_section_mut(&mut self, division: &str, section: &str) -> Option<&mut Section> {
        self.divisions.iter_mut().find(|d| d.name == division)?.sections.iter_mut().find(|s| s.name == section)
    }

    /// The divisions and sections by name, to tell whether positions in the tree still hold.
    pub fn shape(&self) -> Vec<(&str, Vec<&str>)> {
        self.divisions.iter().map(|d| (d.name.as_str(), d.sections.iter().map(|s| s.name.as_str()).collect())).collect()
    }

    pub fn grade(&self, mark: &str) -> Option<Grade> {
        self.scale().iter().find(|g| g.mark == mark).cloned()
    }

    /// Equal in everything written, ignoring who saved each section and when.
    pub fn same_content(&self, other: &Document) -> bool {
        HeadField::ALL.iter().all(|h| h.equal(self, other))
            && self.divisions.len() == other.divisions.len()
            && self.divisions.iter().zip(&other.divisions).all(|(a, b)| {
                a.name == b.name
                    && a.sections.len() == b.sections.len()
                    && a.sections.iter().zip(&b.sections).all(|(x, y)| x.same_content(y))
            })
    }
}

impl Section {
    pub fn new(name: impl Into<String>) -> Self {
        Section { name: name.into(), ..Section::default() }
    }

    /// Whether the goals carry numbers: as the published table does, with two or more goals or
    /// after a lead-in, or where the table numbered them (`goals_numbered_from`).
    pub fn goals_numbered(&self) -> bool {
        self.goals_numbered_from.is_some() || self.goals.len() > 1 || !self.goals_intro.is_empty()
    }

    /// The number shown before goal `index` (0-based): "①", "③" after `goals_numbered_from: 3`,
    /// or `None` when the goals are not numbered.
    pub fn goal_label(&self, index: usize) -> Option<String> {
        let first = self.goals_numbered_from.map_or(1, |n| n.max(1));
        let number = usize::try_from(first).ok()?.checked_add(index)?;
        self.goals_numbered().then(|| goal_number(number - 1))
    }

    /// Fields still to be written, so that reviewers and the tree can point at them.
    pub fn empty_fields(&self) -> Vec<Field> {
        Field::PANES.into_iter().filter(|field| field.is_empty(self)).collect()
    }

    /// Equal in what the staff wrote, ignoring who saved it when.
    pub fn same_content(&self, other: &Section) -> bool {
        self.name == other.name
            && self.goals_intro == other.goals_intro
            && self.goals_numbered_from == other.goals_numbered_from
            && self.goals == other.goals
            && self.goal_ratings == other.goal_ratings
            && self.progress == other.progress
            && self.rating == other.rating
            && self.reflection == other.reflection
            && self.status == other.status
            && Review::same_word(self.review.as_ref(), other.review.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_lists_what_is_missing_in_table_order() {
        let mut section = Section::new("総務課");
        section.progress = "・概ね達成できた。".into();
        assert_eq!(section.empty_fields(), vec![Field::Goals, Field::Rating, Field::Reflection]);
        section.goals.push("  ".into());
        assert!(section.empty_fields().contains(&Field::Goals));
    }

    #[test]
    fn a_document_is_the_same_whatever_its_stamps() {
        let a = Document {
            divisions: vec![Division { name: "区民部".into(), sections: vec![Section::new("総務課")] }],
            ..Document::new("上京区役所", 2008)
        };
        let mut b = a.clone();
        b.divisions[0].sections[0].updated_by = Some("tanaka".into());
        assert!(a.same_content(&b));
        b.notes = Some("※".into());
        assert!(!a.same_content(&b));
    }

    #[test]
    fn same_content_ignores_who_saved_and_when() {
        let a = Section::new("衛生課");
        let mut b = a.clone();
        b.updated_by = Some("tanaka".into());
        assert!(a.same_content(&b));
        b.rating = Some("○".into());
        assert!(!a.same_content(&b));
    }

    #[test]
    fn goal_labels_follow_the_rule_or_the_tables_numbering() {
        let mut section = Section::new("総務課");
        section.goals = vec!["一".into()];
        assert_eq!(section.goal_label(0), None, "a single goal is not numbered");
        section.goals.push("二".into());
        assert_eq!((section.goal_label(0), section.goal_label(1)), (Some("①".into()), Some("②".into())));
        section.goals_numbered_from = Some(3);
        assert_eq!((section.goal_label(0), section.goal_label(1)), (Some("③".into()), Some("④".into())));
        section.goals.pop();
        section.goals_numbered_from = Some(4);
        assert_eq!(section.goal_label(0), Some("④".into()), "a single goal keeps its number");
        section.goals_numbered_from = Some(20);
        section.goals.push("二".into());
        assert_eq!(section.goal_label(1), Some("(21)".into()));
    }

    #[test]
    fn a_document_without_scale_uses_the_seed_scale() {
        let doc = Document::new("上京区役所", 2008);
        let marks: Vec<_> = doc.scale().iter().map(|g| g.mark.clone()).collect();
        assert_eq!(marks, ["◎", "○", "△", "×"]);
        assert_eq!(doc.grade("△").map(|g| g.label), Some("ある程度達成できた".into()));
        assert_eq!(doc.title(), "上京区役所 平成20年度");
    }
}
