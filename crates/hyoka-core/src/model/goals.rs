//! Goals with their own marks (`- { text, rating }`): the ratings stay with their goals while
//! goals are added, removed and moved, and read as the published tables write them (`①○ ②◎`).

use super::{Section, goal_number};

impl Section {
    /// The mark of goal `index`, if it has one.
    pub fn goal_rating(&self, index: usize) -> Option<&str> {
        self.goal_ratings.get(index)?.as_deref()
    }

    /// Sets (or with `None` clears) the mark of goal `index`; nothing for a goal that does not exist.
    pub fn set_goal_rating(&mut self, index: usize, rating: Option<String>) {
        if index >= self.goals.len() {
            return;
        }
        if self.goal_ratings.len() <= index {
            self.goal_ratings.resize(index + 1, None);
        }
        if let Some(slot) = self.goal_ratings.get_mut(index) {
            *slot = rating;
        }
        self.tidy_goal_ratings();
    }

    /// A new goal at `index` (at most the end), without a mark.
    pub fn insert_goal(&mut self, index: usize, text: String) -> usize {
        let index = index.min(self.goals.len());
        self.goals.insert(index, text);
        if index < self.goal_ratings.len() {
            self.goal_ratings.insert(index, None);
        }
        index
    }

    /// Takes goal `index` out, with its mark.
    pub fn remove_goal(&mut self, index: usize) {
        if index < self.goals.len() {
            self.goals.remove(index);
            if index < self.goal_ratings.len() {
                self.goal_ratings.remove(index);
            }
            self.tidy_goal_ratings();
        }
    }

    /// Goals `i` and `j` change places, each with its mark.
    pub fn swap_goals(&mut self, i: usize, j: usize) {
        if i.max(j) >= self.goals.len() {
            return;
        }
        self.goals.swap(i, j);
        if self.goal_ratings.len() <= i.max(j) {
            self.goal_ratings.resize(i.max(j) + 1, None);
        }
        self.goal_ratings.swap(i, j);
        self.tidy_goal_ratings();
    }

    /// New goals, each keeping the mark it had where a goal of the same text had one.
    pub fn replace_goals(&mut self, goals: Vec<String>) {
        let before: Vec<(String, Option<String>)> =
            self.goals.iter().cloned().zip(self.goal_ratings.iter().cloned().chain(std::iter::repeat(None))).collect();
        self.goal_ratings = goals
            .iter()
            .map(|g| before.iter().find(|(text, _)| text == g).and_then(|(_, rating)| rating.clone()))
            .collect();
        self.goals = goals;
        self.tidy_goal_ratings();
    }

    /// Keeps the marks no longer than the goals and without trailing `None`, the one form in
    /// which equal marks compare equal.
    pub fn tidy_goal_ratings(&mut self) {
        self.goal_ratings.truncate(self.goals.len());
        while self.goal_ratings.last().is_some_and(Option::is_none) {
            self.goal_ratings.pop();
        }
    }

    /// The number a goal's mark is given under in a table (`③` after `goals_numbered_from: 3`),
    /// also for a single goal that is shown without a number.
    pub fn goal_mark_label(&self, index: usize) -> String {
        let first = self.goals_numbered_from.map_or(1, |n| n.max(1));
        let first = usize::try_from(first).unwrap_or(1);
        goal_number(first.saturating_add(index).saturating_sub(1))
    }

    /// "①○ ②◎": the goals' marks as a table writes them, unrated goals left out; empty when
    /// no goal has a mark.
    pub fn goal_ratings_text(&self) -> String {
        let marks = self.goal_ratings.iter().enumerate().filter_map(|(i, rating)| {
            let rating = rating.as_deref()?;
            Some(format!("{}{rating}", self.goal_mark_label(i)))
        });
        marks.collect::<Vec<_>>().join(" ")
    }

    /// Reads a table's "①○ ②◎" back as (goal index, mark): `None` when the text is not such a
    /// list, or names a goal the section does not have.
    pub fn parse_goal_ratings(&self, text: &str) -> Option<Vec<(usize, String)>> {
        let mut out = Vec::new();
        for part in text.split_whitespace() {
            let index = (0..self.goals.len()).find(|i| part.starts_with(&self.goal_mark_label(*i)))?;
            let mark = part.get(self.goal_mark_label(index).len()..)?;
            if mark.is_empty() || out.iter().any(|(i, _)| *i == index) {
                return None;
            }
            out.push((index, mark.to_owned()));
        }
        (!out.is_empty()).then_some(out)
    }

    /// Whether the section is rated: its own mark, or one on every goal.
    pub fn is_rated(&self) -> bool {
        self.rating.is_some()
            || (!self.goals.is_empty() && (0..self.goals.len()).all(|i| self.goal_rating(i).is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(goals: &[&str]) -> Section {
        let mut s = Section::new("総務課");
        s.goals = goals.iter().map(|g| (*g).to_owned()).collect();
        s
    }

    #[test]
    fn marks_follow_their_goals_and_keep_one_form() {
        let mut s = section(&["一", "二", "三"]);
        s.set_goal_rating(1, Some("◎".into()));
        assert_eq!(s.goal_ratings, [None, Some("◎".into())]);
        s.swap_goals(1, 2);
        assert_eq!((s.goals[2].as_str(), s.goal_rating(2)), ("二", Some("◎")));
        s.insert_goal(0, "零".into());
        assert_eq!(s.goal_rating(3), Some("◎"));
        s.remove_goal(3);
        assert!(s.goal_ratings.is_empty(), "no trailing None: {:?}", s.goal_ratings);
        s.set_goal_rating(9, Some("○".into()));
        assert!(s.goal_ratings.is_empty(), "no mark for a goal that is not there");
        s.set_goal_rating(0, Some("○".into()));
        s.replace_goals(vec!["新".into(), "零".into()]);
        assert_eq!(s.goal_ratings, [None, Some("○".into())], "the mark goes with the text");
    }

    #[test]
    fn marks_are_written_and_read_as_the_tables_do() {
        let mut s = section(&["一", "二", "三"]);
        s.set_goal_rating(0, Some("○".into()));
        s.set_goal_rating(2, Some("◎".into()));
        assert_eq!(s.goal_ratings_text(), "①○ ③◎");
        assert_eq!(s.parse_goal_ratings("①○ ③◎"), Some(vec![(0, "○".into()), (2, "◎".into())]));
        assert_eq!(s.parse_goal_ratings("④○"), None, "no fourth goal");
        assert_eq!(s.parse_goal_ratings("○"), None, "the section's own mark");
        s.goals_numbered_from = Some(3);
        assert_eq!(s.goal_ratings_text(), "③○ ⑤◎");
        assert!(!s.is_rated());
        s.set_goal_rating(1, Some("△".into()));
        assert!(s.is_rated(), "every goal has its mark");
    }
}
