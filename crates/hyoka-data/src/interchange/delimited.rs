//! Tab- or comma-separated text → rows of cells, quoted as spreadsheets quote, each cell placed.
//!
//! Read with the `csv` crate as spreadsheet programs write it: a quoted cell may hold the delimiter,
//! line breaks and doubled quotes (`"a ""b"""`). Each cell keeps the line and column where it starts.
//!
//! The `csv` crate forgives what spreadsheets never write (text after a closing quote, a quote never
//! closed, which swallows the rest of the file into one cell); both are refused here with their
//! place, since the table would otherwise lose rows without a word.

use super::error::ImportError;
use super::table::{Cell, Row};
use crate::i18n::interchange::Location;
use crate::i18n::interchange::read::ReadMsg;

/// The rows of `text`; blank lines are rows without cells, so that paragraphs of notes keep them.
pub(crate) fn rows(text: &str, delimiter: u8) -> Result<Vec<Row>, ImportError> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut next_line = 1;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(next_line, |p| usize::try_from(p.line()).unwrap_or(next_line));
            // Only a cell that is not UTF-8 fails a record read from a `&str`: it cannot happen here.
            ImportError::at(
                &Location::Text { line, column: 1 },
                ReadMsg::Malformed { encoding: "UTF-8", line, column: 1 },
            )
        })?;
        let (byte, line) = record.position().map_or((0, next_line), |p| {
            (usize::try_from(p.byte()).unwrap_or(0), usize::try_from(p.line()).unwrap_or(1))
        });
        // A record's position is where the reader began looking for it: before the empty lines it skipped.
        let (byte, line) = past_empty_lines(text, byte, line);
        // The csv crate skips empty lines; a blank row stands for each.
        for blank in next_line..line {
            rows.push(Row { at: Location::Text { line: blank, column: 1 }, cells: Vec::new() });
        }
        let scanned = scan(text.get(byte..).unwrap_or_default(), line, char::from(delimiter))?;
        let cells = record
            .iter()
            .zip(scanned.starts.iter().chain(std::iter::repeat(&(line, 1))))
            .map(|(text, &(line, column))| Cell {
                text: text.to_owned(),
                at: Location::Text { line, column },
                origin: None,
            })
            .collect();
        rows.push(Row { at: Location::Text { line, column: 1 }, cells });
        next_line = scanned.end_line + 1;
    }
    Ok(rows)
}

/// The first byte and line after the line ends at `byte`.
fn past_empty_lines(text: &str, byte: usize, line: usize) -> (usize, usize) {
    let rest = text.get(byte..).unwrap_or_default();
    let skipped = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    let lines = rest
        .get(..skipped)
        .map_or(0, |s| s.matches('\n').count() + s.matches('\r').count() - s.matches("\r\n").count());
    (byte + skipped, line + lines)
}

/// Where each cell of one record starts, and the line the record ends on.
struct Scanned {
    starts: Vec<(usize, usize)>,
    end_line: usize,
}

/// Walks one record as a spreadsheet wrote it, from its first character.
fn scan(text: &str, first_line: usize, delimiter: char) -> Result<Scanned, ImportError> {
    let (mut line, mut column) = (first_line, 1);
    let mut starts = vec![(line, column)];
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    let mut quote_opened: Option<(usize, usize)> = None;
    while let Some(c) = chars.next() {
        let here = (line, column);
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            (line, column) = (line + 1, 1);
        } else if c != '\r' {
            column += 1;
        }
        match (quote_opened, c) {
            (Some(_), '"') if chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
            }
            (Some(_), '"') => {
                quote_opened = None;
                if chars.peek().is_some_and(|&n| n != delimiter && n != '\r' && n != '\n') {
                    let at = Location::Text { line, column };
                    return Err(ImportError::at(&at, ReadMsg::TextAfterQuote));
                }
            }
            (Some(_), _) => {}
            (None, '"') if at_start => quote_opened = Some(here),
            (None, c) if c == delimiter => {
                starts.push((line, column));
                at_start = true;
                continue;
            }
            (None, '\n' | '\r') => return Ok(Scanned { starts, end_line: here.0 }),
            (None, _) => {}
        }
        at_start = false;
    }
    match quote_opened {
        Some((line, column)) => Err(ImportError::at(&Location::Text { line, column }, ReadMsg::UnclosedQuote)),
        None => Ok(Scanned { starts, end_line: line }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, delimiter: u8) -> Vec<Vec<(String, usize, usize)>> {
        let rows = rows(text, delimiter).unwrap_or_default();
        rows.iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| match c.at {
                        Location::Text { line, column } => (c.text.clone(), line, column),
                        Location::Cell { .. } => (c.text.clone(), 0, 0),
                    })
                    .collect()
            })
            .collect()
    }

    fn own(cells: &[(&str, usize, usize)]) -> Vec<(String, usize, usize)> {
        cells.iter().map(|(t, l, c)| ((*t).to_owned(), *l, *c)).collect()
    }

    #[test]
    fn quoted_cells_hold_tabs_breaks_and_doubled_quotes() {
        let text = "名\t目標\n区民部 総務課\t\"①一行目\n②「\"\"引用\"\"」\tと\"\t○\r\n";
        let read = cells(text, b'\t');
        assert_eq!(read[0], own(&[("名", 1, 1), ("目標", 1, 3)]));
        assert_eq!(read[1], own(&[("区民部 総務課", 2, 1), ("①一行目\n②「\"引用\"」\tと", 2, 9), ("○", 3, 14)]));
    }

    #[test]
    fn blank_lines_are_kept_as_blank_rows() {
        let read = cells("a\n\n\nb,c\n\"x\ny\"\n\nz", b',');
        let lines: Vec<usize> = read.iter().map(|r| r.first().map_or(0, |c| c.1)).collect();
        assert_eq!(lines, [1, 0, 0, 4, 5, 0, 8]);
    }

    #[test]
    fn text_after_a_closing_quote_and_an_unclosed_quote_are_refused_with_their_place() {
        let after = rows("a\t\"b\"c\td\n", b'\t').err().map(|e| (e.at, e.problem));
        assert_eq!(after, Some((Some(Location::Text { line: 1, column: 6 }), ReadMsg::TextAfterQuote)));
        let open = rows("a\tb\n\"c\td\ne\n", b'\t').err().map(|e| (e.at, e.problem));
        assert_eq!(open, Some((Some(Location::Text { line: 2, column: 1 }), ReadMsg::UnclosedQuote)));
        assert!(rows("a\"b\tc\n", b'\t').is_ok(), "a quote inside an unquoted cell is text");
    }
}
