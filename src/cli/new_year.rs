//! `hyoka new-year FILE`: next year's file beside this year's, never over one that exists; `-o -`
//! prints it instead.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::{Output, fail};
use crate::app::keymap::Keymap;
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::i18n::cycle::{CycleMsg, new_year_error};
use hyoka_core::model::next_year;
use hyoka_data::store::{create_new_year, emit_document, load_file, next_year_path};

/// Exit codes: 0 written; 1 refused (the file or the year exists, or this year's file does not
/// load); 2 usage (no year in the file's name and no `-o`).
pub fn run(file: &Path, output: Option<Output>, keep_goals: bool, lang: Lang) -> ExitCode {
    // The command line names keys as the defaults bind them.
    let said = |message: CycleMsg| message.keyed(lang, &Keymap::default());
    let doc = match load_file(file) {
        Ok((doc, _)) => doc,
        Err(error) => {
            eprintln!("{}", error.render(lang));
            return ExitCode::FAILURE;
        }
    };
    let next = next_year(&doc, keep_goals);
    let target = match output {
        Some(Output::Stdout) => {
            let mut stdout = std::io::stdout().lock();
            return match stdout.write_all(emit_document(&next).as_bytes()).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&CliMsg::CannotWrite { path: Path::new("-"), why: e.to_string() }.text(lang)),
            };
        }
        Some(Output::File(path)) => path,
        None => match next_year_path(file, doc.fiscal_year) {
            Some(path) => path,
            None => return fail(&said(CycleMsg::NoYearInName { path: file.display().to_string() })),
        },
    };
    match create_new_year(&target, &next) {
        Ok(_) => {
            let (title, path) = (next.title(), target.display().to_string());
            println!("{}", said(CycleMsg::YearWritten { title, path }));
            ExitCode::SUCCESS
        }
        Err(error) => {
            let why = new_year_error(&error, lang);
            eprintln!("hyoka: {}", said(CycleMsg::YearFailed { why }));
            ExitCode::FAILURE
        }
    }
}
