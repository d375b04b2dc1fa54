//! The row or rows of one section → the section: its names, then its fields (see [`super::group`]).

use super::super::error::{ImportError, Warning};
use super::context::Context;
use super::header::{Columns, Names};
use super::lookalike::{split_names, without_invisible};
use super::{Row, group};
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::{Location, cell_name};
use hyoka_core::model::Section;

/// The section the rows hold (one row, or the rows under one merged name), with its division;
/// `above` is the division of the row above, which a `部` column may leave blank.
pub(crate) fn read(
    rows: &[&Row],
    context: &Context,
    above: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Result<(String, Section), ImportError> {
    for row in rows {
        check_width(row, context.columns.width)?;
        check_merges(row, context.columns)?;
    }
    let Some(first) = rows.first() else { return Err(ImportError::whole(ReadMsg::EmptyName)) };
    let (division, name) = names(first, context.columns.names, above, warnings)?;
    let mut section = Section::new(name);
    group::fields(rows, context, &mut section, warnings)?;
    Ok((division, section))
}

/// Whether `row` goes on with the section of `previous`: its name cells are the same merged cells,
/// or empty (a merged cell saved as text keeps its value in the first row only).
pub(crate) fn continues(row: &Row, previous: &Row, names: Names) -> bool {
    let merged = |c: usize| {
        let origin = row.cells.get(c).and_then(|cell| cell.origin);
        origin.is_some() && origin == previous.cells.get(c).and_then(|cell| cell.origin)
    };
    match names {
        Names::Joined(c) => merged(c) || row.text(c).is_empty(),
        Names::Split { division, section } => {
            merged(section) || (row.text(division).is_empty() && row.text(section).is_empty())
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::table::Cell;

    /// A sheet's row 2 or 3, whose name cells are each in a merged area or not.
    fn row(row: usize, texts: &[&str], origins: &[Option<(usize, usize)>]) -> Row {
        let at = |column: usize| Location::Cell { sheet: "目標".into(), row, column: column + 1 };
        let cells = texts
            .iter()
            .zip(origins)
            .enumerate()
            .map(|(c, (text, origin))| Cell { text: (*text).into(), at: at(c), origin: *origin })
            .collect();
        Row { at: at(0), cells }
    }

    #[test]
    fn a_row_goes_on_with_the_section_above_under_one_merged_name_or_an_empty_one() {
        let joined = Names::Joined(0);
        let first = row(2, &["総務部 秘書課", "目標一"], &[Some((2, 1)), None]);
        let under = row(3, &["総務部 秘書課", "目標二"], &[Some((2, 1)), None]);
        assert!(continues(&under, &first, joined), "the merged cell's value, in the same area");
        let apart = row(3, &["総務部 秘書課", "目標二"], &[None, None]);
        assert!(!continues(&apart, &first, joined), "the same name, unmerged: another row, refused later");
        assert!(continues(&row(3, &["", "目標二"], &[None, None]), &first, joined), "a merged cell saved as text");
        let split = Names::Split { division: 0, section: 1 };
        let top = row(2, &["総務部", "秘書課"], &[Some((2, 1)), Some((2, 2))]);
        let next_section = row(3, &["総務部", "広報課"], &[Some((2, 1)), None]);
        assert!(!continues(&next_section, &top, split), "a 部 merged over its sections");
        let same_section = row(3, &["総務部", "秘書課"], &[Some((2, 1)), Some((2, 2))]);
        assert!(continues(&same_section, &top, split));
        assert!(!continues(&row(3, &["", "広報課"], &[None, None]), &top, split), "部 from the row above");
    }
}
