//! `hyoka check`: every data file validated, every problem printed as `file:line:column: what`.

use std::path::Path;
use std::process::ExitCode;

use crate::app::FileState;
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;

pub fn run(path: &Path, lang: Lang) -> ExitCode {
    let files = match super::load(path, lang) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let errors: Vec<_> = files
        .iter()
        .filter_map(|f| match &f.state {
            FileState::Broken(e) => Some(e),
            FileState::Loaded { .. } => None,
        })
        .collect();
    for error in &errors {
        eprintln!("{}", error.render(lang));
    }
    if errors.is_empty() {
        println!("{}", CliMsg::AllGood { files: files.len() }.text(lang));
        ExitCode::SUCCESS
    } else {
        eprintln!("{}", CliMsg::SomeBroken { broken: errors.len(), files: files.len() }.text(lang));
        ExitCode::FAILURE
    }
}
