//! The goals cell: a lead-in, then goals numbered ①…⑳ as the table numbers them, never renumbered.

use super::super::error::ImportError;
use super::{CIRCLED, Source, circled_past_20};
use crate::i18n::interchange::Location;
use crate::i18n::interchange::read::ReadMsg;
use hyoka_core::model::Section;

/// A goals cell as the document keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Goals {
    pub intro: String,
    pub goals: Vec<String>,
    pub numbered_from: Option<u32>,
}

/// ①…⑳ → 1…20.
fn number_of(c: char) -> Option<u32> {
    CIRCLED.chars().position(|n| n == c).and_then(|i| u32::try_from(i + 1).ok())
}

/// `来庁者満足度の向上のため ①A ②B` → ("来庁者満足度の向上のため", [A, B]); `③A ④B` keeps 3 as the first
/// number. Numbers must rise one by one: anything else is refused, since a circled number inside a
/// goal's text cannot be told from one that starts a goal.
pub(crate) fn split(cell: &str, source: Source, at: &Location) -> Result<Goals, ImportError> {
    if cell.trim().is_empty() {
        return Ok(Goals::default());
    }
    // In a cell with real line breaks every goal is taken as it is, even a one-line one.
    let decode = |part: &str| if cell.contains('\n') { part.trim().to_owned() } else { source.decode(part) };
    if let Some(number) = cell.chars().find(|&c| circled_past_20(c)) {
        return Err(ImportError::at(at, ReadMsg::CircledPast20 { number }));
    }
    let numbers: Vec<(char, u32)> = cell.chars().filter_map(|c| number_of(c).map(|n| (c, n))).collect();
    let Some(&(_, first)) = numbers.first() else {
        return Ok(Goals { goals: vec![decode(cell)], ..Goals::default() });
    };
    let in_order = numbers.iter().zip(first..).all(|(&(_, n), expected)| n == expected);
    if !in_order {
        let numbers = numbers.iter().map(|(c, _)| c).collect();
        return Err(ImportError::at(at, ReadMsg::GoalNumbersOutOfOrder { numbers }));
    }
    let mut parts = cell.split(|c| number_of(c).is_some());
    let intro = parts.next().unwrap_or_default().trim().to_owned();
    let mut goals = Vec::with_capacity(numbers.len());
    for (part, (circled, _)) in parts.zip(&numbers) {
        let goal = decode(part);
        if goal.is_empty() {
            return Err(ImportError::at(at, ReadMsg::EmptyGoal { number: circled.to_string() }));
        }
        goals.push(goal);
    }
    let numbered_anyway = goals.len() > 1 || !intro.is_empty();
    let numbered_from = (first != 1 || !numbered_anyway).then_some(first);
    Ok(Goals { intro, goals, numbered_from })
}

/// The numbering the table shows for a section, as [`split`] reads it back: a first number of 1
/// where the goals are numbered anyway says nothing more, and is left out.
pub(crate) fn shown_numbering(section: &Section) -> Option<u32> {
    let numbered_anyway = section.goals.len() > 1 || !section.goals_intro.is_empty();
    section.goals_numbered_from.filter(|&first| first != 1 || !numbered_anyway)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(cell: &str) -> Result<Goals, ReadMsg> {
        split(cell, Source::Text, &Location::Text { line: 1, column: 1 }).map_err(|e| e.problem)
    }

    fn goals(intro: &str, goals: &[&str], numbered_from: Option<u32>) -> Result<Goals, ReadMsg> {
        Ok(Goals { intro: intro.into(), goals: goals.iter().map(|g| (*g).to_owned()).collect(), numbered_from })
    }

    #[test]
    fn goals_split_at_circled_numbers_keeping_a_lead_in() {
        let cell = "来庁者満足度の向上のため ①用件処理に要する時間を短縮します。 ②丁寧な説明を励行します。";
        let want = ["用件処理に要する時間を短縮します。", "丁寧な説明を励行します。"];
        assert_eq!(read(cell), goals("来庁者満足度の向上のため", &want, None));
        assert_eq!(
            read("親切・丁寧で、分かりやすい対応をします。"),
            goals("", &["親切・丁寧で、分かりやすい対応をします。"], None)
        );
    }

    #[test]
    fn the_tables_numbering_is_kept() {
        assert_eq!(read("③三つ目 ④四つ目"), goals("", &["三つ目", "四つ目"], Some(3)));
        assert_eq!(read("④一つだけ"), goals("", &["一つだけ"], Some(4)));
        assert_eq!(read("①一つだけ"), goals("", &["一つだけ"], Some(1)), "a lone ① is kept too");
        assert_eq!(read("前置き ①一つ"), goals("前置き", &["一つ"], None));
    }

    #[test]
    fn numbers_out_of_order_empty_goals_and_numbers_past_20_are_refused() {
        assert_eq!(read("①A ②B（①参照）"), Err(ReadMsg::GoalNumbersOutOfOrder { numbers: "①②①".into() }));
        assert_eq!(read("①A ③B"), Err(ReadMsg::GoalNumbersOutOfOrder { numbers: "①③".into() }));
        assert_eq!(read("①A ② ③C"), Err(ReadMsg::EmptyGoal { number: "②".into() }));
        assert_eq!(read("⑳A ㉑B"), Err(ReadMsg::CircledPast20 { number: '㉑' }));
    }

    #[test]
    fn sheet_cells_keep_their_line_breaks() {
        let read =
            split("前置き\n①一つ目\n二行目\n②・二つ目 ・同じ行", Source::Sheet, &Location::Text { line: 1, column: 1 });
        let want = Goals {
            intro: "前置き".into(),
            goals: vec!["一つ目\n二行目".into(), "・二つ目 ・同じ行".into()],
            numbered_from: None,
        };
        assert_eq!(read.ok(), Some(want));
    }
}
