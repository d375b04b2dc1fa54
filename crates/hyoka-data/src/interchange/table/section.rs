//! One section row of the table → the section: its names, goals, progress, rating and reflection.

use super::super::error::{ImportError, Warning};
use super::header::{Columns, Names};
use super::lookalike::{rating, split_names, without_invisible};
use super::{Row, Source, goals};
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::{Location, cell_name};
use hyoka_core::model::{Grade, Section};

/// What a row is read against.
pub(crate) struct Context<'a> {
    pub columns: &'a Columns,
    /// The legend's scale, or the usual one where the table has no legend.
    pub scale: &'a [Grade],
    pub source: Source,
}

/// The section a row holds, with its division; `above` is the division of the row above, which a
/// `部` column may leave blank under its first section.
pub(crate) fn read(
    row: &Row,
    context: &Context,
    above: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Result<(String, Section), ImportError> {
    check_width(row, context.columns.width)?;
    check_merges(row, context.columns)?;
    let (division, name) = names(row, context.columns.names, above, warnings)?;
    let field = |column: Option<usize>| column.map_or("", |c| row.text(c));
    let goals_at = context.columns.goals.map_or(&row.at, |c| row.at(c));
    let goals = goals::split(field(context.columns.goals), context.source, goals_at)?;
    let mut section = Section {
        name,
        goals_intro: goals.intro,
        goals_numbered_from: goals.numbered_from,
        goals: goals.goals,
        progress: context.source.decode(field(context.columns.progress)),
        reflection: context.source.decode(field(context.columns.reflection)),
        ..Section::default()
    };
    if let Some(column) = context.columns.rating {
        ratings(&mut section, field(Some(column)), row.at(column), context.scale, warnings)?;
    }
    Ok((division, section))
}

/// The rating cell: the section's mark ("○", or "○ ほぼ達成できた"), and the goals' own marks as
/// the tables write them ("①○ ②◎"), in any order; look-alikes are read as the mark they resemble.
fn ratings(
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
    let numbered = |token: &str| {
        let past_20 =
            token.strip_prefix('(').and_then(|t| t.split_once(')')).is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        token.starts_with(|c: char| ('①'..='⑳').contains(&c)) || past_20
    };
    let (goal_marks, own): (Vec<&str>, Vec<&str>) = cell.split_whitespace().partition(|t| numbered(t));
    let own = if goal_marks.is_empty() { cell.trim().to_owned() } else { own.join(" ") };
    if !own.is_empty() {
        section.rating = Some(rating(&own, scale, at, warnings).ok_or_else(|| unknown(&own))?);
    }
    for token in goal_marks {
        let index = (0..section.goals.len()).find(|i| token.starts_with(&section.goal_mark_label(*i)));
        let Some(index) = index else {
            let label: String = token.chars().take_while(|c| !scale.iter().any(|g| g.mark.starts_with(*c))).collect();
            return Err(ImportError::at(at, ReadMsg::GoalRatingWithoutGoal { label, goals: section.goals.len() }));
        };
        let mark = token.get(section.goal_mark_label(index).len()..).unwrap_or_default();
        let mark = rating(mark, scale, at, warnings).ok_or_else(|| unknown(mark))?;
        section.set_goal_rating(index, Some(mark));
    }
    Ok(())
}

fn names(
    row: &Row,
    names: Names,
    above: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Result<(String, String), ImportError> {
    match names {
        Names::Joined(column) => {
            let at = row.at(column);
            let name = without_invisible(row.text(column), at, warnings);
            let (division, section) =
                split_names(&name).ok_or_else(|| ImportError::at(at, ReadMsg::NameSplit { name: name.clone() }))?;
            Ok((division.to_owned(), section.to_owned()))
        }
        Names::Split { division, section } => {
            let written = without_invisible(row.text(division), row.at(division), warnings);
            let division = match (written.trim(), above) {
                ("", Some(above)) => above.to_owned(),
                ("", None) => return Err(ImportError::at(row.at(division), ReadMsg::NoDivision)),
                (written, _) => written.to_owned(),
            };
            let name = without_invisible(row.text(section), row.at(section), warnings);
            if name.trim().is_empty() {
                return Err(ImportError::at(row.at(section), ReadMsg::EmptyName));
            }
            Ok((division, name.trim().to_owned()))
        }
    }
}

/// A section row has a cell for every column: a short row is a line broken inside a cell.
fn check_width(row: &Row, width: usize) -> Result<(), ImportError> {
    let last_filled = row.cells.iter().rposition(|c| !c.text.trim().is_empty()).map_or(0, |i| i + 1);
    if row.cells.len() >= width && last_filled <= width {
        return Ok(());
    }
    let found = if last_filled > width { last_filled } else { row.cells.len() };
    let at = if last_filled > width { row.at(width) } else { row.at(row.cells.len().saturating_sub(1)) };
    Err(ImportError::at(at, ReadMsg::CellCount { found, expected: width, preview: preview(row) }))
}

/// The row as a clerk would recognise it: the start of each cell.
pub(crate) fn preview(row: &Row) -> String {
    let short = |text: &str| {
        let text = hyoka_core::text::sanitize(text.trim()).replace('\n', " ");
        if text.chars().count() > 12 { text.chars().take(12).collect::<String>() + "…" } else { text }
    };
    row.cells.iter().take(6).map(|c| short(&c.text)).collect::<Vec<_>>().join(" | ")
}

/// A merged area may not hold two fields of a row: which one would the text be?
fn check_merges(row: &Row, columns: &Columns) -> Result<(), ImportError> {
    for (i, cell) in row.cells.iter().enumerate() {
        let Some(origin) = cell.origin else { continue };
        let mut same = row.cells.iter().enumerate().skip(i + 1).filter(|(_, c)| c.origin == Some(origin));
        let role = columns.role(i);
        let other_field = |j: usize| role.is_some() && columns.role(j).is_some() && columns.role(j) != role;
        if let Some((j, last)) = same.rfind(|(j, _)| other_field(*j)) {
            let range = match (&cell.at, &last.at) {
                (Location::Cell { row: r, column: a, .. }, Location::Cell { column: b, .. }) => {
                    format!("{}:{}", cell_name(*r, *a), cell_name(*r, *b))
                }
                _ => format!("{}–{}", i + 1, j + 1),
            };
            return Err(ImportError::at(&cell.at, ReadMsg::MergedAcross { range }));
        }
    }
    Ok(())
}
