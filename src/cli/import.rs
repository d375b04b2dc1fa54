//! `hyoka import`: a published table (tab-separated text or .xlsx) becomes a YAML data file.

use std::path::Path;
use std::process::ExitCode;

use super::fail;
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::interchange::tsv::{ImportOptions, import_table};
use crate::interchange::xlsx;
use crate::model::Document;
use crate::store::{emit_document, write_atomically};

pub fn run(table: &Path, output: &Path, options: &ImportOptions, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        return fail(&CliMsg::OutputExists { paths: vec![output.display().to_string()] }.text(lang));
    }
    let doc = match read_table(table, options, lang) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return fail(&CliMsg::CannotWrite { path: dir, why: e.to_string() }.text(lang));
    }
    if let Err(e) = write_atomically(output, emit_document(&doc).as_bytes()) {
        return fail(&CliMsg::CannotWrite { path: output, why: e.to_string() }.text(lang));
    }
    let sections = doc.divisions.iter().map(|d| d.sections.len()).sum();
    println!("{}", CliMsg::Imported { path: output, divisions: doc.divisions.len(), sections }.text(lang));
    ExitCode::SUCCESS
}

/// The table as a document: an `.xlsx` by its extension, tab-separated text otherwise.
fn read_table(table: &Path, options: &ImportOptions, lang: Lang) -> Result<Document, ExitCode> {
    let bytes =
        std::fs::read(table).map_err(|e| fail(&CliMsg::CannotRead { path: table, why: e.to_string() }.text(lang)))?;
    if table.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        return xlsx::import_workbook(&bytes, options).map_err(|e| {
            eprintln!("{}: {}", table.display(), e.describe(lang));
            ExitCode::FAILURE
        });
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(fail(&CliMsg::TableNotUtf8 { path: table }.text(lang)));
    };
    import_table(&text, options).map_err(|e| {
        eprintln!("{}:{}:{}: {}", table.display(), e.line, e.column, e.describe(lang));
        ExitCode::FAILURE
    })
}
