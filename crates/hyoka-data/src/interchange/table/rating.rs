//! The rating cell: the section's own mark, and the goals' marks as tables write them (`○ ①○ ②◎`).
//!
//! The legend decides what a circled number is: where the scale's marks are ①②③ (as in tables whose
//! legend reads `①：目標達成 ②：目標未達成`), a lone `②` is the rating; a goal's mark is always its
//! number with the mark right after it (`①②`, `①○`).

use super::super::error::{ImportError, Warning};
use super::lookalike::rating;
use crate::i18n::interchange::Location;
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::rows::RowMsg;
use hyoka_core::model::{Grade, Section};

/// The goal number a token starts with (`①`…`⑳`, or `(21)` past them), and the rest.
fn goal_label(token: &str) -> Option<(&str, &str)> {
    let mut chars = token.chars();
    if chars.next().is_some_and(|c| ('①'..='⑳').contains(&c)) {
        let at = token.chars().next().map_or(0, char::len_utf8);
        return Some((token.get(..at)?, token.get(at..)?));
    }
    let (number, _) = token.strip_prefix('(')?.split_once(')')?;
    number.parse::<u32>().ok()?;
    let at = number.len() + 2;
    Some((token.get(..at)?, token.get(at..)?))
}

/// Reads a rating cell into `section`: the section's mark ("○", or "○ ほぼ達成できた"), and the goals'
/// own marks in any order; look-alikes are read as the mark they resemble.
pub(crate) fn read_cell(
    section: &mut Section,
    cell: &str,
    at: &Location,
    scale: &[Grade],
    warnings: &mut Vec<Warning>,
) -> Result<(), ImportError> {
    let unknown = |mark: &str| {
        let allowed = scale.iter().map(|g| g.mark.clone()).collect();
        ImportError::at(at, ReadMsg::UnknownRating { mark: mark.to_owned(), allowed })
    };
    let on_scale = |token: &str| scale.iter().any(|g| g.mark == token);
    let (goal_marks, own): (Vec<&str>, Vec<&str>) =
        cell.split_whitespace().partition(|t| !on_scale(t) && goal_label(t).is_some());
    let own = if goal_marks.is_empty() { cell.trim().to_owned() } else { own.join(" ") };
    if !own.is_empty() {
        section.rating = Some(rating(&own, scale, at, warnings).ok_or_else(|| unknown(&own))?);
    }
    for token in goal_marks {
        let Some((label, mark)) = goal_label(token) else { continue };
        if mark.is_empty() {
            return Err(ImportError::at(at, ReadMsg::from(RowMsg::GoalMarkMissing { label: label.to_owned() })));
        }
        let Some(index) = (0..section.goals.len()).find(|i| section.goal_mark_label(*i) == label) else {
            let (label, goals) = (label.to_owned(), section.goals.len());
            return Err(ImportError::at(at, ReadMsg::GoalRatingWithoutGoal { label, goals }));
        };
        let mark = rating(mark, scale, at, warnings).ok_or_else(|| unknown(mark))?;
        section.set_goal_rating(index, Some(mark));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_core::model::default_scale;

    fn circled() -> Vec<Grade> {
        ["①", "②", "③"].map(|m| Grade { mark: m.into(), label: format!("段階{m}") }).to_vec()
    }

    fn read(cell: &str, scale: &[Grade], goals: usize) -> Result<(Option<String>, Vec<Option<String>>), ReadMsg> {
        let mut section = Section::new("課");
        section.goals = (0..goals).map(|i| format!("目標{i}")).collect();
        let at = Location::Text { line: 1, column: 1 };
        read_cell(&mut section, cell, &at, scale, &mut Vec::new()).map_err(|e| e.problem)?;
        Ok((section.rating, section.goal_ratings))
    }

    #[test]
    fn a_lone_circled_number_is_the_rating_where_the_scale_is_circled_numbers() {
        assert_eq!(read("②", &circled(), 2), Ok((Some("②".into()), vec![])));
        assert_eq!(read("①", &circled(), 0), Ok((Some("①".into()), vec![])));
        assert_eq!(read("③ ①② ②①", &circled(), 2), Ok((Some("③".into()), vec![Some("②".into()), Some("①".into())])));
        let refused = read("①○", &circled(), 1);
        assert_eq!(
            refused,
            Err(ReadMsg::UnknownRating { mark: "○".into(), allowed: vec!["①".into(), "②".into(), "③".into()] })
        );
    }

    #[test]
    fn goal_marks_need_their_mark_and_their_goal() {
        assert_eq!(
            read("○ ①○ ②◎", &default_scale(), 2),
            Ok((Some("○".into()), vec![Some("○".into()), Some("◎".into())]))
        );
        assert_eq!(read("①", &default_scale(), 2), Err(ReadMsg::from(RowMsg::GoalMarkMissing { label: "①".into() })));
        assert_eq!(
            read("③○", &default_scale(), 2),
            Err(ReadMsg::GoalRatingWithoutGoal { label: "③".into(), goals: 2 })
        );
    }
}
