//! Reading a table file: its format, its encoding, the sheet of a workbook; then the table reader.
//!
//! The format comes from `--format`, the extension or the first bytes (a workbook is a zip archive).

use std::path::Path;

use super::decode::{TextEncoding, decode};
use super::error::{ImportError, Warning};
use super::table::header::starts_header;
use super::table::{Row, Source, read::read};
use super::{delimited, xlsx};
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::summary::Counts;
use hyoka_core::model::Document;

pub use super::options::{ImportOptions, InputFormat};

/// A document read from a table, and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub doc: Document,
    pub format: InputFormat,
    /// The text's encoding; `None` for a workbook.
    pub encoding: Option<TextEncoding>,
    pub warnings: Vec<Warning>,
}

const ZIP: &[u8] = b"PK\x03\x04";

/// The largest table file read: a city's table is kilobytes, and a wrong file should not fill memory.
pub const MAX_TABLE_BYTES: u64 = 64 * 1024 * 1024;

/// Refuses a file too large to be a table, before it is read.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes <= MAX_TABLE_BYTES {
        return Ok(());
    }
    let (megabytes, limit) = (bytes / 1_048_576, MAX_TABLE_BYTES / 1_048_576);
    Err(ImportError::whole(ReadMsg::TooLarge { megabytes, limit }))
}

/// Reads a table file's bytes; `path` gives the extension.
pub fn import(bytes: &[u8], path: &Path, options: &ImportOptions) -> Result<Imported, ImportError> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    let format = format_of(bytes, path, options.format)?;
    if format == InputFormat::Xlsx {
        let (doc, warnings) = xlsx::read::import_workbook(bytes, options)?;
        return Ok(Imported { doc, format, encoding: None, warnings });
    }
    let decoded = decode(bytes, options.encoding)?;
    let (doc, warnings) = import_text(&decoded.text, format, options)?;
    Ok(Imported { doc, format, encoding: Some(decoded.encoding), warnings })
}

/// Reads a table from text, tab- or comma-separated.
pub fn import_text(
    text: &str,
    format: InputFormat,
    options: &ImportOptions,
) -> Result<(Document, Vec<Warning>), ImportError> {
    let (delimiter, other, other_name) = match format {
        InputFormat::Csv => (b',', b'\t', "tsv"),
        _ => (b'\t', b',', "csv"),
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let rows: Vec<Row> = delimited::rows(text, delimiter)?;
    read(&rows, options, Source::Text).map_err(|e| {
        // No header found, and split at the other delimiter the text has one: say which format it is.
        // Only then: a line that cannot be read is named where it is, never sent round in a circle.
        let before_table = matches!(e.problem, ReadMsg::NoHeader { .. } | ReadMsg::UnknownBeforeTable { .. });
        let has_header = |rows: &[Row]| rows.iter().any(|r| starts_header(r, options.columns.as_ref()));
        let other_has = || delimited::rows(text, other).is_ok_and(|rows| has_header(&rows));
        if before_table && !has_header(&rows) && other_has() {
            return ImportError::whole(ReadMsg::NoHeader { other_delimiter: Some(other_name) });
        }
        e
    })
}

/// Whether a file in a folder of tables is one to import: a workbook or text a spreadsheet saved, or
/// a spreadsheet format hyoka names the way out of (.xls, .ods); not a hidden file, not Excel's lock
/// file (`~$表.xlsx`), not a YAML file or anything else lying beside them.
pub fn is_table_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    !name.starts_with(['.', '~'])
        && matches!(extension.as_str(), "xlsx" | "xlsm" | "csv" | "tsv" | "txt" | "xls" | "ods" | "numbers" | "xlsb")
}

/// What a document read from a table holds, for the summary.
pub fn counts(doc: &Document) -> Counts {
    let sections = doc.divisions.iter().flat_map(|d| &d.sections);
    Counts {
        divisions: doc.divisions.len(),
        sections: sections.clone().count(),
        goals: sections.clone().map(|s| s.goals.len()).sum(),
        rated: sections.filter(|s| s.is_rated()).count(),
        note_lines: doc.notes.as_deref().map_or(0, |n| n.split('\n').count()),
    }
}

/// `--format`, else the extension, else the first bytes (a workbook is a zip file), else TSV.
fn format_of(bytes: &[u8], path: &Path, asked: Option<InputFormat>) -> Result<InputFormat, ImportError> {
    let zip = bytes.starts_with(ZIP);
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let format = match (asked, extension.as_str()) {
        (Some(format), _) => format,
        (None, "xlsx" | "xlsm") => InputFormat::Xlsx,
        (None, "csv") => InputFormat::Csv,
        (None, "xls" | "ods" | "numbers" | "xlsb") => {
            return Err(ImportError::whole(ReadMsg::NotReadable { extension }));
        }
        (None, _) if zip => InputFormat::Xlsx,
        (None, _) => InputFormat::Tsv,
    };
    if zip && format != InputFormat::Xlsx {
        return Err(ImportError::whole(ReadMsg::ZipAsText));
    }
    Ok(format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_too_large_to_be_a_table_is_refused_before_it_is_read() {
        assert_eq!(check_size(MAX_TABLE_BYTES), Ok(()));
        let refused = check_size(MAX_TABLE_BYTES + 1).map_err(|e| e.problem);
        assert_eq!(refused, Err(ReadMsg::TooLarge { megabytes: 64, limit: 64 }));
    }

    #[test]
    fn the_format_comes_from_the_flag_the_extension_or_the_bytes() {
        let of = |bytes: &[u8], name: &str, asked| format_of(bytes, Path::new(name), asked).map_err(|e| e.problem);
        assert_eq!(of(b"a", "x.CSV", None), Ok(InputFormat::Csv));
        assert_eq!(of(b"a", "x.txt", None), Ok(InputFormat::Tsv));
        assert_eq!(of(b"a", "x.txt", Some(InputFormat::Csv)), Ok(InputFormat::Csv));
        assert_eq!(of(ZIP, "table", None), Ok(InputFormat::Xlsx));
        assert_eq!(of(ZIP, "x.csv", None), Err(ReadMsg::ZipAsText));
        assert_eq!(of(b"a", "x.xls", None), Err(ReadMsg::NotReadable { extension: "xls".into() }));
    }
}
