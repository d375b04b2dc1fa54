//! Rows of cells → a document: the lines above the table, the header, the section rows, the notes.
//!
//! Nothing is dropped or made up in silence: a line above the table that is none of preface, legend
//! or marker is refused; a row with the wrong number of cells is refused (a line break pasted into
//! a cell splits a row); lines under the table are notes only when they start like one (※, 注…),
//! and no table row may follow them. What is read otherwise than written becomes a warning.

use super::super::error::{ImportError, Warning};
use super::super::options::ImportOptions;
use super::header;
use super::identity::{checkpoint, identity};
use super::section::{self, Context};
use super::write::ward_marker;
use super::{Row, Source, legend, starts_a_note};
use crate::i18n::interchange::Location;
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::summary::WarnMsg;
use hyoka_core::model::{Division, Document, Grade, default_scale};

/// What the lines above the header gave.
#[derive(Default)]
struct Above {
    preface: Option<(Location, String)>,
    legend: Vec<Vec<Grade>>,
    /// Where the legend starts, for a mark it lists twice.
    legend_at: Option<Location>,
    marker: Option<(Location, String)>,
}

/// Reads a whole table; see the module documentation for what is refused.
pub(crate) fn read(
    rows: &[Row],
    options: &ImportOptions,
    source: Source,
) -> Result<(Document, Vec<Warning>), ImportError> {
    let mut warnings = Vec::new();
    let (above, header_at) = lines_above(rows, &mut warnings)?;
    let mut next = header_at + 1;
    let first_header = rows.get(header_at).into_iter();
    let second = rows.iter().enumerate().skip(next).find(|(_, r)| !r.is_blank());
    let second_header = second.filter(|(_, r)| header::continues_header(r)).map(|(i, r)| {
        next = i + 1;
        r
    });
    let header_rows: Vec<&Row> = first_header.chain(second_header).collect();
    let columns = header::columns(&header_rows, &mut warnings)?;
    let scale = match legend::in_order(&above.legend) {
        scale if scale.is_empty() => None,
        scale => Some(scale),
    };
    // A mark twice (or ○ and its look-alike 〇, read as one) would make a scale `hyoka check` refuses.
    if let Some(scale) = &scale
        && let Some((_, twice)) =
            scale.iter().enumerate().find(|(i, g)| scale.iter().take(*i).any(|h| h.mark == g.mark))
    {
        let at = above.legend_at.clone().unwrap_or(Location::Text { line: 1, column: 1 });
        return Err(ImportError::at(&at, ReadMsg::DuplicateMark { mark: twice.mark.clone() }));
    }
    let usual = default_scale();
    let context = Context { columns: &columns, scale: scale.as_deref().unwrap_or(&usual), source };
    let (divisions, notes) = body(rows.get(next..).unwrap_or_default(), &context, &mut warnings)?;
    if divisions.is_empty() {
        let at = header_rows.last().map(|r| r.at.clone());
        warnings.push(Warning { at, what: WarnMsg::NoSections });
    }
    let heading = columns.progress_heading.as_ref().map(|(at, text)| (at, text.as_str()));
    let preface = above.preface.as_ref().map(|(at, text)| (at, text.as_str()));
    let first = rows.first().map_or(Location::Text { line: 1, column: 1 }, |r| r.at.clone());
    let (organization, fiscal_year) = identity(preface, heading, options, &first)?;
    let checkpoint = checkpoint(heading, fiscal_year)?;
    // hyoka's own csv carries no preface, legend or marker, by design: nothing to warn about.
    let own_csv = above.preface.is_none()
        && above.legend.is_empty()
        && above.marker.is_none()
        && matches!(header_rows.as_slice(), [row] if row.cells.iter().map(|c| c.text.trim()).eq(crate::interchange::csv::HEADER));
    if !own_csv {
        marker_warnings(above.marker, &organization, &first, &mut warnings);
    }
    let notes = (!notes.is_empty()).then(|| notes.join("\n"));
    let preface = above.preface.map(|(_, p)| p);
    Ok((Document { organization, fiscal_year, stage: None, checkpoint, preface, notes, scale, divisions }, warnings))
}

/// The preface, legend and marker above the table, and the index of the first header row.
fn lines_above(rows: &[Row], warnings: &mut Vec<Warning>) -> Result<(Above, usize), ImportError> {
    let mut above = Above::default();
    for (index, row) in rows.iter().enumerate() {
        if row.is_blank() {
            continue;
        }
        if header::starts_header(row) {
            return Ok((above, index));
        }
        let filled = row.filled();
        let texts: Vec<(&Location, &str)> = filled.iter().map(|(_, c)| (&c.at, c.text.trim())).collect();
        let mut found = Vec::new();
        let legend_rows: Option<Vec<Vec<Grade>>> =
            texts.iter().map(|(at, text)| legend::parse_line(text, at, &mut found)).collect();
        match (texts.as_slice(), legend_rows) {
            (_, Some(rows)) => {
                warnings.append(&mut found);
                above.legend_at.get_or_insert_with(|| row.at.clone());
                above.legend.push(rows.into_iter().flatten().collect());
            }
            ([(at, text)], None) if above.preface.is_none() && text.starts_with('～') => {
                above.preface = Some(((*at).clone(), (*text).to_owned()));
            }
            ([(_, text)], None) if text.contains("凡例") => {} // the legend's heading carries nothing
            ([(at, text)], None) if is_marker(text) => above.marker = Some(((*at).clone(), (*text).to_owned())),
            ([(at, text)], None) => {
                return Err(ImportError::at(
                    at,
                    ReadMsg::UnknownBeforeTable { text: hyoka_core::text::sanitize(text).into_owned() },
                ));
            }
            _ => return Err(ImportError::at(&row.at, ReadMsg::NoHeader { other_delimiter: None })),
        }
    }
    Err(ImportError::whole(ReadMsg::NoHeader { other_delimiter: None }))
}

fn is_marker(line: &str) -> bool {
    (line.starts_with('<') && line.ends_with('>')) || (line.starts_with('＜') && line.ends_with('＞'))
}

/// The section rows and the notes under them.
fn body(
    rows: &[Row],
    context: &Context,
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<Division>, Vec<String>), ImportError> {
    let mut divisions: Vec<Division> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut blank_lines = 0;
    for row in rows {
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
                notes.push(line.to_owned());
                continue;
            }
            if row.cells.len() < context.columns.width {
                // A line of one cell in a text table: the rest of a cell whose line break was not
                // quoted, or a note without its mark. A sheet's row always has all its cells.
                let text = hyoka_core::text::sanitize(line).into_owned();
                return Err(ImportError::at(&row.at, ReadMsg::NotNameOrNote { text }));
            }
        }
        let above = divisions.last().map(|d| d.name.as_str());
        let (division, section) = section::read(row, context, above, warnings)?;
        match divisions.iter_mut().find(|d| d.name == division) {
            Some(d) if d.sections.iter().any(|s| s.name == section.name) => {
                let section = section.name;
                return Err(ImportError::at(&row.at, ReadMsg::DuplicateSection { division, section }));
            }
            Some(d) => d.sections.push(section),
            None => divisions.push(Division { name: division, sections: vec![section] }),
        }
    }
    Ok((divisions, notes))
}

/// The ward marker is written from the organisation (a ward office's table has `<上京区>`, a city
/// hall's none): a table that had another one, or none, is told so.
fn marker_warnings(
    marker: Option<(Location, String)>,
    organization: &str,
    first: &Location,
    warnings: &mut Vec<Warning>,
) {
    let written = ward_marker(organization);
    match (marker, written) {
        (Some((_, had)), Some(written)) if had == written => {}
        (Some((at, had)), _) => warnings.push(Warning { at: Some(at), what: WarnMsg::MarkerNotKept { marker: had } }),
        (None, Some(marker)) => {
            warnings.push(Warning { at: Some(first.clone()), what: WarnMsg::MarkerAdded { marker } })
        }
        (None, None) => {}
    }
}
