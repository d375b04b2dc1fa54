//! The rows under the header: sections (a row each, or several under one merged name) and the notes.
//!
//! Lines under the table are notes only when they start like one (※, 注…), and no table row may
//! follow them. A line of one cell under a section row, with more rows after it, is the rest of that
//! row's last cell, broken by a paste: refused at the row where the break is.

use super::super::error::{ImportError, Warning};
use super::context::Context;
use super::section;
use super::{Row, starts_a_note};
use crate::i18n::interchange::Location;
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::rows::RowMsg;
use hyoka_core::model::Division;

/// The sections read so far, and where each one started, to point at both places of a name written twice.
#[derive(Default)]
struct Sections {
    divisions: Vec<Division>,
    started: Vec<(String, String, Location)>,
}

impl Sections {
    fn add(&mut self, rows: &[&Row], context: &Context, warnings: &mut Vec<Warning>) -> Result<(), ImportError> {
        let Some(first) = rows.first() else { return Ok(()) };
        let above = self.divisions.last().map(|d| d.name.as_str());
        let (division, section) = section::read(rows, context, above, warnings)?;
        if let Some((.., at)) = self.started.iter().find(|(d, s, _)| *d == division && *s == section.name) {
            let (section, first_at) = (section.name, at.clone());
            let twice = RowMsg::SectionTwice { division, section, first: first_at };
            return Err(ImportError::at(&first.at, ReadMsg::from(twice)));
        }
        self.started.push((division.clone(), section.name.clone(), first.at.clone()));
        match self.divisions.iter_mut().find(|d| d.name == division) {
            Some(d) => d.sections.push(section),
            None => self.divisions.push(Division { name: division, sections: vec![section] }),
        }
        Ok(())
    }
}

/// The section rows and the notes under them.
pub(crate) fn body(
    rows: &[Row],
    context: &Context,
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<Division>, Vec<String>), ImportError> {
    let mut sections = Sections::default();
    let mut group: Vec<&Row> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut blank_lines = 0;
    for (index, row) in rows.iter().enumerate() {
        if row.is_blank() {
            blank_lines += usize::from(!notes.is_empty());
            continue;
        }
        let filled = row.filled();
        let lone = match filled.as_slice() {
            [(0, cell)] => Some(cell.text.trim()),
            _ => None,
        };
        if !notes.is_empty() {
            let Some(line) = lone else { return Err(ImportError::at(&row.at, ReadMsg::AfterNotes)) };
            notes.extend(std::iter::repeat_n(String::new(), blank_lines));
            notes.push(line.to_owned());
            blank_lines = 0;
            continue;
        }
        if let Some(line) = lone {
            if starts_a_note(line) {
                sections.add(&group, context, warnings)?;
                group.clear();
                notes.push(line.to_owned());
                continue;
            }
            if row.cells.len() < context.columns.width {
                return Err(broken_line(line, row, group.last(), rows.get(index + 1..).unwrap_or_default(), context));
            }
        }
        if group.last().is_some_and(|previous| section::continues(row, previous, context.columns.names)) {
            group.push(row);
            continue;
        }
        sections.add(&group, context, warnings)?;
        group = vec![row];
    }
    sections.add(&group, context, warnings)?;
    Ok((sections.divisions, notes))
}

/// A line of one cell in a text table: the rest of a cell whose line break was not quoted, or a note
/// without its mark. A sheet's row always has all its cells.
fn broken_line(line: &str, row: &Row, above: Option<&&Row>, after: &[Row], context: &Context) -> ImportError {
    let text = hyoka_core::text::sanitize(line).into_owned();
    let table_row_after = after.iter().find(|r| !r.is_blank()).is_some_and(|r| r.filled().len() > 1);
    match above {
        Some(above) if table_row_after => {
            let last = context.columns.width.saturating_sub(1);
            ImportError::at(above.at(last), ReadMsg::from(RowMsg::BrokenLastCell { text }))
        }
        _ => ImportError::at(&row.at, ReadMsg::NotNameOrNote { text }),
    }
}
