//! `hyoka import DIR -o data/`: every table of a folder (a ward's or a bureau's each) into
//! `data/<organisation>/<year>.yaml`, by what each table says.
//!
//! A line per table and a total; a table that cannot be imported is said with its reason and the others
//! go on; nothing is overwritten without `--force`, and `--dry-run` writes nothing at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{ImportArgs, Unread, read_table, write_yaml};
use crate::cli::fail;
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::i18n::interchange::folder::FolderMsg;
use crate::i18n::interchange::summary::{Counts, SummaryMsg};
use hyoka_data::interchange::import::{Imported, counts, is_table_file};
use hyoka_data::store::emit_document;

pub(super) fn run(args: &ImportArgs, lang: Lang) -> ExitCode {
    let Some(out) = args.output.as_ref().and_then(super::Output::file) else {
        return fail(&FolderMsg::NeedsOutput.text(lang));
    };
    if out.exists() && !out.is_dir() {
        return fail(&FolderMsg::OutputNotFolder { path: &out.display().to_string() }.text(lang));
    }
    let files = match table_files(&args.table) {
        Ok(files) => files,
        Err(why) => return fail(&CliMsg::CannotRead { path: &args.table, why }.text(lang)),
    };
    if files.is_empty() {
        return fail(&FolderMsg::NoTables { folder: &args.table.display().to_string() }.text(lang));
    }
    let mut written: Vec<(PathBuf, String)> = Vec::new();
    let mut total = Counts::default();
    let mut failed = 0;
    for path in &files {
        let shown = path.display().to_string();
        match one(path, &shown, args, out, &written, lang) {
            Ok((output, imported)) => {
                let counts = counts(&imported.doc);
                total.add(&counts);
                let output_shown = output.display().to_string();
                let warnings = imported.warnings.len();
                println!(
                    "{}",
                    FolderMsg::File { path: &shown, output: &output_shown, counts: &counts, warnings }.text(lang)
                );
                for warning in &imported.warnings {
                    println!("  {}", warning.render(&shown, lang));
                }
                if args.dry_run && output.exists() && !args.force {
                    println!("  {}", SummaryMsg::WouldNeedForce { path: &output_shown }.text(lang));
                }
                written.push((output, shown));
            }
            Err(message) => {
                eprintln!("{message}");
                failed += 1;
            }
        }
    }
    let imported = files.len() - failed;
    println!("{}", FolderMsg::Total { files: files.len(), imported, failed, counts: &total }.text(lang));
    if args.dry_run {
        println!("{}", FolderMsg::DryRun.text(lang));
    }
    if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// The table files directly in `folder`, by name.
fn table_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| e.to_string())?;
    let mut files: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file() && is_table_file(p)).collect();
    files.sort();
    Ok(files)
}

/// Imports one table of the folder and writes it (unless a dry run); the reason, said, when it cannot.
fn one(
    path: &Path,
    shown: &str,
    args: &ImportArgs,
    out: &Path,
    written: &[(PathBuf, String)],
    lang: Lang,
) -> Result<(PathBuf, Imported), String> {
    let said = |message: String| format!("{shown}: {message}");
    let imported = read_table(path, &args.options).map_err(|unread| match unread {
        Unread::Table(e) => e.render(shown, lang),
        Unread::File(why) => said(CliMsg::CannotRead { path, why }.text(lang)),
    })?;
    let organization = &imported.doc.organization;
    if !names_a_folder(organization) {
        let name = hyoka_core::text::sanitize(organization);
        return Err(said(FolderMsg::NotAFolderName { name: &name }.text(lang)));
    }
    let output = out.join(organization).join(format!("{}.yaml", imported.doc.fiscal_year));
    if let Some((_, first)) = written.iter().find(|(o, _)| *o == output) {
        let message = FolderMsg::SameOutput { output: &output.display().to_string(), first };
        return Err(said(message.text(lang)));
    }
    if output.exists() && !args.force && !args.dry_run {
        return Err(said(CliMsg::OutputExists { paths: vec![output.display().to_string()] }.text(lang)));
    }
    if !args.dry_run {
        write_yaml(&output, &emit_document(&imported.doc))
            .map_err(|(path, why)| said(CliMsg::CannotWrite { path: &path, why }.text(lang)))?;
    }
    Ok((output, imported))
}

/// Whether an organisation's name can be a folder's: one part of a path, not hidden, nothing a
/// terminal or another system would read otherwise.
fn names_a_folder(name: &str) -> bool {
    !name.is_empty()
        && name.trim() == name
        && name.chars().count() <= 100
        && !name.starts_with('.')
        && !name.chars().any(|c| c.is_control() || matches!(c, '/' | '\\'))
        && hyoka_core::text::sanitize(name) == name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_names_a_folder_only_as_one_plain_part_of_a_path() {
        assert!(names_a_folder("上京区役所"));
        for name in ["", "..", "../etc", "a/b", ".hidden", " 区役所", "区\u{1b}役所", "区\u{202e}役所"] {
            assert!(!names_a_folder(name), "{name:?}");
        }
    }
}
