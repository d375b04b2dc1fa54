//! What `hyoka summary` and `hyoka list` share: the output formats, the files read (with the
//! unreadable ones reported on standard error), columns padded by display width, and csv/tsv.

use std::path::Path;
use std::process::ExitCode;

use crate::app::{FileEntry, FileState};
use crate::i18n::Lang;
use hyoka_core::text::AmbiguousWidth;

/// How a report is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// 端末で読む表 / a table to read, columns aligned by display width
    #[default]
    Text,
    /// JSON (serde_json), UTF-8 / for scripts
    Json,
    /// カンマ区切り (UTF-8) / comma-separated, UTF-8, quoted as spreadsheets quote
    Csv,
    /// タブ区切り / tab-separated
    Tsv,
}

/// The files under `path`, and whether any could not be read (their errors already printed).
pub fn read(path: &Path, lang: Lang) -> Result<(Vec<FileEntry>, bool), ExitCode> {
    let files = super::load(path, lang)?;
    let mut broken = false;
    for file in &files {
        if let FileState::Broken(error) = &file.state {
            eprintln!("{}", error.render(lang));
            broken = true;
        }
    }
    Ok((files, broken))
}

/// Rows of cells as a text table: every column as wide as its widest cell (display width). The
/// report is printed, not drawn: no terminal was asked how wide it draws ◎ ○ △ ×, so they count
/// one column, as Unicode counts them.
pub fn text_table(rows: &[Vec<String>], right: &[bool]) -> String {
    let measure = AmbiguousWidth::NO_TERMINAL;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| measure.display_width(s)).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, width))| {
                let pad = " ".repeat(width.saturating_sub(measure.display_width(cell)));
                if right.get(c).copied().unwrap_or(false) { format!("{pad}{cell}") } else { format!("{cell}{pad}") }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Rows as comma- or tab-separated text (the csv crate's quoting).
pub fn delimited(rows: &[Vec<String>], delimiter: u8) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Prints the report; exit 1 when a data file could not be read (the others are in the report).
pub fn finish(printed: Result<String, String>, broken: bool) -> ExitCode {
    match printed {
        Ok(text) => {
            print!("{text}");
            if broken { ExitCode::FAILURE } else { ExitCode::SUCCESS }
        }
        Err(why) => super::fail(&why),
    }
}
