//! A section's fields from its row, or from the rows under one merged name cell (one goal per row).
//!
//! Each field takes the cells of its column row by row, a merged cell once and empty cells not at
//! all. Goals follow one another and keep the table's numbers (a row's `②` must follow the rows
//! above); texts in several rows are joined a line each, and said. One rating cell is the section's
//! (with `①○ ②◎` for its goals); where the rows rate each their own, a row's mark is its goal's.

use std::ops::Range;

use super::super::error::{ImportError, Warning};
use super::context::Context;
use super::goals::{self, Goals};
use super::rating::read_cell;
use super::{CIRCLED, Cell, Row};
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::rows::{RowField, RowMsg};
use crate::i18n::interchange::summary::WarnMsg;
use hyoka_core::model::Section;

/// The cells of `column` in `rows` that hold something, a merged cell once, with the row's index.
fn distinct<'a>(rows: &[&'a Row], column: Option<usize>) -> Vec<(usize, &'a Cell)> {
    let Some(column) = column else { return Vec::new() };
    let mut out = Vec::new();
    let mut last_origin = None;
    for (index, row) in rows.iter().enumerate() {
        let Some(cell) = row.cells.get(column) else { continue };
        if cell.origin.is_some() && cell.origin == last_origin {
            continue;
        }
        last_origin = cell.origin;
        if !cell.text.trim().is_empty() {
            out.push((index, cell));
        }
    }
    out
}

/// Fills `section` from its rows.
pub(crate) fn fields(
    rows: &[&Row],
    context: &Context,
    section: &mut Section,
    warnings: &mut Vec<Warning>,
) -> Result<(), ImportError> {
    let columns = context.columns;
    let (goals, ranges) = all_goals(rows, columns.goals, context)?;
    section.goals_intro = goals.intro;
    section.goals_numbered_from = goals.numbered_from;
    section.goals = goals.goals;
    section.progress = joined(rows, columns.progress, RowField::Progress, context, warnings);
    section.reflection = joined(rows, columns.reflection, RowField::Reflection, context, warnings);
    let ratings = distinct(rows, columns.rating);
    if let [(_, cell)] = ratings.as_slice() {
        return read_cell(section, cell.text.trim(), &cell.at, context.scale, warnings);
    }
    for (row, cell) in ratings {
        let mut own = section.clone();
        own.rating = None;
        read_cell(&mut own, cell.text.trim(), &cell.at, context.scale, warnings)?;
        for (index, mark) in own.goal_ratings.iter().enumerate() {
            if mark.is_some() {
                section.set_goal_rating(index, mark.clone());
            }
        }
        let Some(mark) = own.rating else { continue };
        match ranges.get(row).filter(|r| r.len() == 1) {
            Some(range) => section.set_goal_rating(range.start, Some(mark)),
            None => {
                let goals = ranges.get(row).map_or(0, Range::len);
                return Err(ImportError::at(&cell.at, ReadMsg::from(RowMsg::LoneMarkForGoals { mark, goals })));
            }
        }
    }
    Ok(())
}

/// The goals of every row in order, and which of them each row gave.
fn all_goals(
    rows: &[&Row],
    column: Option<usize>,
    context: &Context,
) -> Result<(Goals, Vec<Range<usize>>), ImportError> {
    let mut ranges = vec![0..0; rows.len()];
    let mut all = Goals::default();
    // The number the first goal was given, where the table gave one.
    let mut first_number: Option<u32> = None;
    let mut seen = String::new();
    for (k, (row, cell)) in distinct(rows, column).into_iter().enumerate() {
        let part = goals::split(cell.text.trim(), context.source, &cell.at)?;
        let numbered = part.goals.len() > 1 || !part.intro.is_empty();
        let number = part.numbered_from.or(numbered.then_some(1));
        seen.extend(cell.text.chars().filter(|c| CIRCLED.contains(*c)));
        if k == 0 {
            first_number = number;
            all.intro = part.intro;
        } else {
            if !part.intro.is_empty() {
                return Err(ImportError::at(&cell.at, ReadMsg::from(RowMsg::ContinuedIntro { intro: part.intro })));
            }
            let expected = first_number.unwrap_or(1).saturating_add(u32::try_from(all.goals.len()).unwrap_or(u32::MAX));
            if number.is_some_and(|n| n != expected) {
                return Err(ImportError::at(&cell.at, ReadMsg::GoalNumbersOutOfOrder { numbers: seen }));
            }
        }
        let start = all.goals.len();
        all.goals.extend(part.goals);
        if let Some(range) = ranges.get_mut(row) {
            *range = start..all.goals.len();
        }
    }
    let numbered_anyway = all.goals.len() > 1 || !all.intro.is_empty();
    all.numbered_from = first_number.filter(|&n| n != 1 || !numbered_anyway);
    Ok((all, ranges))
}

/// A text field: its cell, or the cells of several rows a line each (said in a warning).
fn joined(
    rows: &[&Row],
    column: Option<usize>,
    field: RowField,
    context: &Context,
    warnings: &mut Vec<Warning>,
) -> String {
    let cells = distinct(rows, column);
    if let [_, _, ..] = cells.as_slice()
        && let Some((_, first)) = cells.first()
    {
        warnings.push(Warning { at: Some(first.at.clone()), what: WarnMsg::RowsJoined { field, rows: cells.len() } });
    }
    cells.iter().map(|(_, cell)| context.source.decode(&cell.text)).collect::<Vec<_>>().join("\n")
}
