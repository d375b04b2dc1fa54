//! `hyoka import`: a published table becomes a YAML data file, and a summary says what was read.
//!
//! Tab- or comma-separated text in any encoding spreadsheets save, or an .xlsx workbook; `--dry-run` and
//! `-o -` print the YAML instead of writing it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Output, fail};
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::i18n::interchange::summary::SummaryMsg;
use hyoka_data::interchange::import::{ImportOptions, Imported, check_size, import};
use hyoka_data::store::{emit_document, write_atomically};

/// What the command line asked of an import.
pub struct ImportArgs {
    pub table: PathBuf,
    /// `None` or `-`: standard output (with `--dry-run`, where it would go).
    pub output: Option<Output>,
    pub options: ImportOptions,
    pub force: bool,
    pub dry_run: bool,
}

pub fn run(args: &ImportArgs, lang: Lang) -> ExitCode {
    let to_file = args.output.as_ref().and_then(Output::file);
    let exists = to_file.filter(|o| o.exists());
    if let Some(output) = exists.filter(|_| !args.force && !args.dry_run) {
        return fail(&CliMsg::OutputExists { paths: vec![output.display().to_string()] }.text(lang));
    }
    let shown = args.table.display().to_string();
    let size = std::fs::metadata(&args.table).map(|m| m.len()).unwrap_or(0);
    if let Err(e) = check_size(size) {
        eprintln!("{}", e.render(&shown, lang));
        return ExitCode::FAILURE;
    }
    let bytes = match std::fs::read(&args.table) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&CliMsg::CannotRead { path: &args.table, why: e.to_string() }.text(lang)),
    };
    let imported = match import(&bytes, &args.table, &args.options) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("{}", e.render(&shown, lang));
            return ExitCode::FAILURE;
        }
    };
    let yaml = emit_document(&imported.doc);
    let mut report = summary(&imported, &shown, lang);
    let Some(output) = to_file.filter(|_| !args.dry_run) else {
        // The YAML goes to standard output, so the summary goes to standard error.
        if args.dry_run {
            report.push(SummaryMsg::DryRun.text(lang));
            if let Some(path) = exists.filter(|_| !args.force) {
                report.push(SummaryMsg::WouldNeedForce { path: &path.display().to_string() }.text(lang));
            }
        }
        let written = std::io::stdout().lock().write_all(yaml.as_bytes());
        eprintln!("{}", report.join("\n"));
        return match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&CliMsg::CannotWrite { path: Path::new("-"), why: e.to_string() }.text(lang)),
        };
    };
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return fail(&CliMsg::CannotWrite { path: dir, why: e.to_string() }.text(lang));
    }
    if let Err(e) = write_atomically(output, yaml.as_bytes()) {
        return fail(&CliMsg::CannotWrite { path: output, why: e.to_string() }.text(lang));
    }
    report.push(SummaryMsg::Wrote { path: &output.display().to_string() }.text(lang));
    println!("{}", report.join("\n"));
    ExitCode::SUCCESS
}

/// What was read: the file and how, the counts, and every warning with its place.
fn summary(imported: &Imported, shown: &str, lang: Lang) -> Vec<String> {
    let doc = &imported.doc;
    let sections = doc.divisions.iter().flat_map(|d| &d.sections);
    let counts = SummaryMsg::Counts {
        divisions: doc.divisions.len(),
        sections: sections.clone().count(),
        goals: sections.clone().map(|s| s.goals.len()).sum(),
        rated: sections.filter(|s| s.is_rated()).count(),
        note_lines: doc.notes.as_deref().map_or(0, |n| n.split('\n').count()),
    };
    let source = SummaryMsg::Source {
        path: shown,
        format: imported.format.name(),
        encoding: imported.encoding.map(|e| e.name()),
    };
    let mut lines = vec![source.text(lang), counts.text(lang)];
    lines.push(SummaryMsg::Warnings { count: imported.warnings.len() }.text(lang));
    lines.extend(imported.warnings.iter().map(|w| format!("  {}", w.render(shown, lang))));
    lines
}
