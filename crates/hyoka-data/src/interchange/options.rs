//! What an import is told: the table's format and encoding, the sheet of a workbook, and what the
//! caller gives instead of reading it from the table. Shared by the readers of every format.

use super::columns::ColumnMap;
use super::decode::TextEncoding;

/// The formats `hyoka import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum InputFormat {
    /// Tab-separated text (the published table; Excel's "Unicode text" and "Text").
    Tsv,
    /// Comma-separated text (Excel's "CSV" and "CSV UTF-8", LibreOffice's "Text CSV").
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl InputFormat {
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Tsv => "TSV",
            InputFormat::Csv => "CSV",
            InputFormat::Xlsx => "Excel (.xlsx)",
        }
    }
}

/// What the caller may set instead of reading it from the table, and how to read the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    pub organization: Option<String>,
    pub fiscal_year: Option<i32>,
    pub format: Option<InputFormat>,
    pub encoding: Option<TextEncoding>,
    /// The sheet of a workbook; by default the first sheet with the table's header row.
    pub sheet: Option<String>,
    /// Which column holds which field, where the headings are a city's own (`--columns`).
    pub columns: Option<ColumnMap>,
}
