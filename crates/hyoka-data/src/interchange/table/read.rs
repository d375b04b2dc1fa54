//! Rows of cells → a document: the lines above the table, the header, the section rows, the notes.
//!
//! Nothing is dropped or made up in silence: a line above the table that is none of preface, legend
//! or marker is refused with its place (a line that starts like a legend, with the forms hyoka reads);
//! a row with the wrong number of cells is refused (see [`super::body`]). What is read otherwise than
//! written becomes a warning.

use super::super::columns::ColumnMap;
use super::super::error::{ImportError, Warning};
use super::super::options::ImportOptions;
use super::body::body;
use super::context::Context;
use super::header;
use super::header_hint::{hint, looks_like_header};
use super::identity::{checkpoint, identity};
use super::legend::{self, Entry, MarkKind, Reading};
use super::legend_order::in_scale_order;
use super::write::ward_marker;
use super::{Cell, Row, Source};
use crate::i18n::interchange::Location;
use crate::i18n::interchange::columns::ColumnsMsg;
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::summary::WarnMsg;
use hyoka_core::model::{Document, Grade, default_scale};

/// What the lines above the header gave.
#[derive(Default)]
struct Above {
    preface: Option<(Location, String)>,
    /// The legend's entries in reading order: line by line, left to right.
    legend: Vec<Entry>,
    /// A heading with 凡例 was seen and its legend goes on: words may be marks (see [`Above::words_allowed`]).
    legend_heading: bool,
    marker: Option<(Location, String)>,
}

impl Above {
    /// Words are marks in the lines under a legend heading, up to the blank line that ends the legend,
    /// and only in a legend of words: `作成：総務課` under a legend of ◎ ○ △ × is no fifth mark.
    fn words_allowed(&self) -> bool {
        let symbols = self.legend.iter().any(|e| legend::mark_kind(&e.grade.mark, false) == Some(MarkKind::Symbol));
        self.legend_heading && !symbols
    }
}

/// Reads a whole table; see the module documentation for what is refused.
pub(crate) fn read(
    rows: &[Row],
    options: &ImportOptions,
    source: Source,
) -> Result<(Document, Vec<Warning>), ImportError> {
    let mut warnings = Vec::new();
    let map = options.columns.as_ref();
    let (above, header_at) = lines_above(rows, map, &mut warnings)?;
    let mut next = header_at + 1;
    let first_header = rows.get(header_at).into_iter();
    let second = rows.iter().enumerate().skip(next).find(|(_, r)| !r.is_blank());
    let second_header = second.filter(|(_, r)| header::continues_header(r, map)).map(|(i, r)| {
        next = i + 1;
        r
    });
    let header_rows: Vec<&Row> = first_header.chain(second_header).collect();
    let columns = header::columns(&header_rows, map, &mut warnings)?;
    let no_legend = above.legend.is_empty();
    let scale = scale(above.legend)?;
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
        && no_legend
        && above.marker.is_none()
        && matches!(header_rows.as_slice(), [row] if row.cells.iter().map(|c| c.text.trim()).eq(crate::interchange::csv::HEADER));
    if !own_csv {
        marker_warnings(above.marker, &organization, &first, &mut warnings);
    }
    let notes = (!notes.is_empty()).then(|| notes.join("\n"));
    let preface = above.preface.map(|(_, p)| p);
    Ok((Document { organization, fiscal_year, stage: None, checkpoint, preface, notes, scale, divisions }, warnings))
}

/// The legend's scale in its order; a mark twice (or ○ and its look-alike 〇, read as one) would make a
/// scale `hyoka check` refuses, and is refused where it stands the second time.
fn scale(entries: Vec<Entry>) -> Result<Option<Vec<Grade>>, ImportError> {
    let twice = entries.iter().enumerate().find(|(i, e)| entries.iter().take(*i).any(|f| f.grade.mark == e.grade.mark));
    if let Some((_, entry)) = twice {
        return Err(ImportError::at(&entry.at, ReadMsg::DuplicateMark { mark: entry.grade.mark.clone() }));
    }
    let scale: Vec<Grade> = in_scale_order(entries).into_iter().map(|e| e.grade).collect();
    Ok((!scale.is_empty()).then_some(scale))
}

/// The preface, legend and marker above the table, and the index of the first header row.
fn lines_above(
    rows: &[Row],
    map: Option<&ColumnMap>,
    warnings: &mut Vec<Warning>,
) -> Result<(Above, usize), ImportError> {
    let mut above = Above::default();
    for (index, row) in rows.iter().enumerate() {
        if row.is_blank() {
            above.legend_heading &= above.legend.is_empty();
            continue;
        }
        if header::starts_header(row, map) {
            return Ok((above, index));
        }
        match row.filled().as_slice() {
            [(_, cell)] => one_cell(&mut above, cell, warnings)?,
            cells => several_cells(&mut above, row, cells, warnings)?,
        }
    }
    Err(ImportError::whole(ReadMsg::NoHeader { other_delimiter: None }))
}

fn one_cell(above: &mut Above, cell: &Cell, warnings: &mut Vec<Warning>) -> Result<(), ImportError> {
    let text = cell.text.trim();
    if above.preface.is_none() && text.starts_with('～') {
        above.preface = Some((cell.at.clone(), text.to_owned()));
        return Ok(());
    }
    if is_marker(text) {
        above.marker = Some((cell.at.clone(), text.to_owned()));
        return Ok(());
    }
    match legend_cell(above, cell, warnings) {
        Some(Reading::Legend(mut entries)) => above.legend.append(&mut entries),
        Some(Reading::NotLegend) if !above.legend_heading || !above.legend.is_empty() => {
            // Words as marks only under a legend heading: say so where the line would be one.
            let as_words = legend::read_line(text, &cell.at, true, &mut Vec::new());
            let text = hyoka_core::text::sanitize(text).into_owned();
            let problem = match as_words {
                Reading::Legend(_) if !above.legend_heading => ReadMsg::LegendNeedsHeading { text },
                _ => ReadMsg::UnknownBeforeTable { text },
            };
            return Err(ImportError::at(&cell.at, problem));
        }
        Some(_) => return Err(legend_unreadable(cell)),
        None => {}
    }
    Ok(())
}

/// A cell of the legend: its entries, or `None` for a heading alone (※目標達成度 凡例).
fn legend_cell(above: &mut Above, cell: &Cell, warnings: &mut Vec<Warning>) -> Option<Reading> {
    let text = cell.text.trim_end();
    match legend::after_heading(text) {
        Some(rest) => {
            above.legend_heading = true;
            let rest = rest.trim_start();
            let at = legend::shifted(&cell.at, text, rest);
            (!rest.is_empty()).then(|| legend::read_line(rest, &at, true, warnings))
        }
        None => Some(legend::read_line(text, &cell.at, above.words_allowed(), warnings)),
    }
}

/// A row of several cells above the header: the legend in cells (`◎：「…」 | △：「…」`, or mark and
/// meaning each in a cell), or a header hyoka cannot place, named with what it holds.
fn several_cells(
    above: &mut Above,
    row: &Row,
    cells: &[(usize, &Cell)],
    warnings: &mut Vec<Warning>,
) -> Result<(), ImportError> {
    let mut found = Vec::new();
    let mut read = Vec::new();
    for (_, cell) in cells {
        match legend_cell(above, cell, &mut found) {
            Some(Reading::Legend(entries)) => read.extend(entries),
            None => {}
            Some(reading) => {
                if let Some(pairs) = in_pairs(cells, above.words_allowed()) {
                    above.legend.extend(pairs);
                    return Ok(());
                }
                if looks_like_header(row) {
                    let hint = hint(&[row]);
                    return Err(ImportError::at(&row.at, ReadMsg::from(ColumnsMsg::HeaderWithoutNames { hint })));
                }
                if reading == Reading::Unreadable {
                    return Err(legend_unreadable(cell));
                }
                let text = hyoka_core::text::sanitize(cell.text.trim()).into_owned();
                return Err(ImportError::at(&cell.at, ReadMsg::UnknownBeforeTable { text }));
            }
        }
    }
    warnings.append(&mut found);
    above.legend.append(&mut read);
    Ok(())
}

/// A legend laid out a cell for each mark and a cell for each meaning: `◎ | 達成できた | ○ | …`.
fn in_pairs(cells: &[(usize, &Cell)], words_allowed: bool) -> Option<Vec<Entry>> {
    if !cells.len().is_multiple_of(2) {
        return None;
    }
    let pairs = cells.chunks(2).map(|pair| match pair {
        [(_, mark), (_, label)] => {
            let kind = legend::mark_kind(mark.text.trim(), words_allowed)?;
            let label = label.text.trim().trim_end_matches('。');
            (kind == MarkKind::Symbol || words_allowed).then(|| Entry {
                grade: Grade { mark: mark.text.trim().to_owned(), label: label.to_owned() },
                at: mark.at.clone(),
            })
        }
        _ => None,
    });
    pairs.collect()
}

fn legend_unreadable(cell: &Cell) -> ImportError {
    let text = hyoka_core::text::sanitize(cell.text.trim()).into_owned();
    ImportError::at(&cell.at, ReadMsg::LegendUnreadable { text })
}

fn is_marker(line: &str) -> bool {
    (line.starts_with('<') && line.ends_with('>')) || (line.starts_with('＜') && line.ends_with('＞'))
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
