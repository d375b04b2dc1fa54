//! `hyoka export`: data files written out as html, csv, md, tsv or xlsx, or one to standard output.
//!
//! One output per YAML file, at the same relative place; `-o -` writes one file to standard output
//! (xlsx only into a pipe or a file).

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Output, fail};
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::i18n::interchange::summary::SummaryMsg;
use hyoka_data::interchange::tsv::preface_names_document;
use hyoka_data::interchange::{self, Format};
use hyoka_data::store::{Found, discover, is_data_path, load_file, write_atomically};

/// Every YAML file under `path` in `format`. Nothing is written when an output exists without
/// `force`; a broken or unexportable file is reported and skipped, and the exit code says so.
pub fn run(path: &Path, output: &Output, format: Option<Format>, force: bool, lang: Lang) -> ExitCode {
    let Output::File(output) = output else {
        return to_stdout(path, format, lang);
    };
    let format = format.or_else(|| output.extension().and_then(|e| e.to_str()).and_then(Format::from_extension));
    let Some(format) = format else {
        return fail(&CliMsg::UnknownExportFormat.text(lang));
    };
    let plan = match plan(path, output, format, lang) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    if let Some((_, to)) = plan.iter().find(|(_, to)| is_data_path(to)) {
        return fail(&CliMsg::ExportOverData { path: to }.text(lang));
    }
    let existing: Vec<String> =
        plan.iter().filter(|(_, to)| to.exists()).map(|(_, to)| to.display().to_string()).collect();
    if !existing.is_empty() && !force {
        return fail(&CliMsg::OutputExists { paths: existing }.text(lang));
    }
    let failed = plan.iter().filter(|(from, to)| !export_one(from, to, format, lang)).count();
    if failed == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!("{}", CliMsg::ExportsFailed { failed, files: plan.len() }.text(lang));
    ExitCode::FAILURE
}

/// One YAML file to standard output: the text formats anywhere, xlsx only to a pipe or a file.
fn to_stdout(path: &Path, format: Option<Format>, lang: Lang) -> ExitCode {
    let Some(format) = format else { return fail(&SummaryMsg::FormatForStdout.text(lang)) };
    if path.is_dir() {
        return fail(&SummaryMsg::FolderToStdout.text(lang));
    }
    let mut stdout = std::io::stdout().lock();
    if format == Format::Xlsx && stdout.is_terminal() {
        return fail(&SummaryMsg::XlsxToTerminal.text(lang));
    }
    let doc = match load_file(path) {
        Ok((doc, _)) => doc,
        Err(e) => {
            eprintln!("{}", e.render(lang));
            return ExitCode::FAILURE;
        }
    };
    let bytes = match interchange::export(&doc, format) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: {}", path.display(), e.describe(lang));
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
        return fail(&CliMsg::CannotWrite { path: Path::new("-"), why: e.to_string() }.text(lang));
    }
    ExitCode::SUCCESS
}

/// Which YAML file goes where: a file to the output file (or into the output folder), a folder's
/// files into the output folder at the same relative places, so that files of the same name in
/// different folders (kamigyo/2008.yaml, nakagyo/2008.yaml) do not overwrite each other.
fn plan(path: &Path, output: &Path, format: Format, lang: Lang) -> Result<Vec<(Found, PathBuf)>, ExitCode> {
    let sources = discover(path).map_err(|e| fail(&CliMsg::CannotOpen { path, why: e.to_string() }.text(lang)))?;
    let from_folder = path.is_dir();
    if from_folder && output.is_file() {
        return Err(fail(&CliMsg::ExportFolderToFile { path: output }.text(lang)));
    }
    if sources.is_empty() {
        return Err(fail(&CliMsg::NoDataFiles { path }.text(lang)));
    }
    let extension = format.extension();
    let target = |source: &Path| -> PathBuf {
        let name = Path::new(source.file_name().unwrap_or_default()).with_extension(extension);
        if from_folder {
            output.join(source.strip_prefix(path).unwrap_or(&name)).with_extension(extension)
        } else if output.is_dir() {
            output.join(name)
        } else {
            output.to_path_buf()
        }
    };
    let plan: Vec<(Found, PathBuf)> = sources
        .into_iter()
        .map(|source| {
            let to = target(source.path());
            (source, to)
        })
        .collect();
    let clash = plan.iter().enumerate().find_map(|(i, (from, to))| {
        plan.iter().take(i).find(|(_, t)| t == to).map(|(first, _)| (first.path(), from.path(), to))
    });
    match clash {
        Some((first, second, target)) => Err(fail(&CliMsg::ExportClash { first, second, target }.text(lang))),
        None => Ok(plan),
    }
}

/// Exports one file, saying what happened; false when nothing was written.
fn export_one(from: &Found, to: &Path, format: Format, lang: Lang) -> bool {
    let from = match from {
        Found::File(path) => path,
        Found::Refused(error) => {
            // A FIFO or a link out of the folder: reported, never opened.
            eprintln!("{}", error.render(lang));
            return false;
        }
    };
    let doc = match load_file(from) {
        Ok((doc, _)) => doc,
        Err(e) => {
            eprintln!("{}", e.render(lang));
            return false;
        }
    };
    let bytes = match interchange::export(&doc, format) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: {}", from.display(), e.describe(lang));
            return false;
        }
    };
    let written = match to.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => std::fs::create_dir_all(dir).and_then(|()| write_atomically(to, &bytes)),
        None => write_atomically(to, &bytes),
    };
    if let Err(e) = written {
        eprintln!("hyoka: {}", CliMsg::CannotWrite { path: to, why: e.to_string() }.text(lang));
        return false;
    }
    println!("{}", CliMsg::Exported { path: to }.text(lang));
    if matches!(format, Format::Tsv | Format::Xlsx) && !preface_names_document(&doc) {
        // The table carries the organisation and year only in its preface: say so before an import fails.
        eprintln!("{}", CliMsg::PrefaceNamesNothing { path: to }.text(lang));
    }
    true
}
