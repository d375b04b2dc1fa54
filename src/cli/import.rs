//! `hyoka import`: a published table becomes a YAML data file, and a summary says what was read.
//!
//! Tab- or comma-separated text in any encoding spreadsheets save, or an .xlsx workbook; `--dry-run` and
//! `-o -` print the YAML instead of writing it. A folder of tables is imported file by file ([`folder`]).

mod folder;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Output, fail};
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::i18n::interchange::summary::SummaryMsg;
use hyoka_data::interchange::ImportError;
use hyoka_data::interchange::import::{ImportOptions, Imported, check_size, counts, import};
use hyoka_data::store::{emit_document, write_atomically};

/// What the command line asked of an import.
pub struct ImportArgs {
    /// A table file, or a folder of them.
    pub table: PathBuf,
    /// `None` or `-`: standard output (with `--dry-run`, where it would go); for a folder, the folder to
    /// write into.
    pub output: Option<Output>,
    pub options: ImportOptions,
    pub force: bool,
    pub dry_run: bool,
}

pub fn run(args: &ImportArgs, lang: Lang) -> ExitCode {
    if args.table.is_dir() {
        return folder::run(args, lang);
    }
    let to_file = args.output.as_ref().and_then(Output::file);
    let exists = to_file.filter(|o| o.exists());
    if let Some(output) = exists.filter(|_| !args.force && !args.dry_run) {
        return fail(&CliMsg::OutputExists { paths: vec![output.display().to_string()] }.text(lang));
    }
    let shown = args.table.display().to_string();
    let imported = match read_table(&args.table, &args.options) {
        Ok(imported) => imported,
        Err(Unread::Table(e)) => {
            eprintln!("{}", e.render(&shown, lang));
            return ExitCode::FAILURE;
        }
        Err(Unread::File(why)) => return fail(&CliMsg::CannotRead { path: &args.table, why }.text(lang)),
    };
    let yaml = emit_document(&imported.doc);
    let mut report = summary(&imported, &shown, &args.options, lang);
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
    if let Err((path, why)) = write_yaml(output, &yaml) {
        return fail(&CliMsg::CannotWrite { path: &path, why }.text(lang));
    }
    report.push(SummaryMsg::Wrote { path: &output.display().to_string() }.text(lang));
    println!("{}", report.join("\n"));
    ExitCode::SUCCESS
}

/// Why a table was not read: the file itself, or what it holds.
enum Unread {
    File(String),
    Table(ImportError),
}

/// Reads one table file, refusing one too large to be a table before reading it.
fn read_table(path: &Path, options: &ImportOptions) -> Result<Imported, Unread> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    check_size(size).map_err(Unread::Table)?;
    let bytes = std::fs::read(path).map_err(|e| Unread::File(e.to_string()))?;
    import(&bytes, path, options).map_err(Unread::Table)
}

/// Writes the YAML file, making its folder first; the path that could not be written and why.
fn write_yaml(output: &Path, yaml: &str) -> Result<(), (PathBuf, String)> {
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e.to_string()))?;
    }
    write_atomically(output, yaml.as_bytes()).map_err(|e| (output.to_path_buf(), e.to_string()))
}

/// What was read: the file and how, the counts, the columns given, and every warning with its place.
fn summary(imported: &Imported, shown: &str, options: &ImportOptions, lang: Lang) -> Vec<String> {
    let source = SummaryMsg::Source {
        path: shown,
        format: imported.format.name(),
        encoding: imported.encoding.map(|e| e.name()),
    };
    let mut lines = vec![source.text(lang), SummaryMsg::Counts(&counts(&imported.doc)).text(lang)];
    if let Some(map) = &options.columns {
        lines.push(SummaryMsg::Columns { map: &map.render() }.text(lang));
    }
    lines.push(SummaryMsg::Warnings { count: imported.warnings.len() }.text(lang));
    lines.extend(imported.warnings.iter().map(|w| format!("  {}", w.render(shown, lang))));
    lines
}
