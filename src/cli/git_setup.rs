//! `hyoka git-setup [PATH]`: makes a clone ready for hyoka (merge driver and pre-commit hook).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::fail;
use crate::i18n::Lang;
use crate::i18n::git::{GitMsg, SetupPart};
use hyoka_data::git::{Git, GitError, Repo, Step, setup, shell_word};

pub fn run(path: &Path, lang: Lang) -> ExitCode {
    let Some(git) = Git::find() else { return fail(&GitError::NotInstalled.describe(lang)) };
    if let Err(e) = std::fs::metadata(path) {
        return fail(&GitError::Io { path: path.to_path_buf(), source: e }.describe(lang));
    }
    let report = match Repo::discover(&git, path).and_then(|repo| setup(&repo, path, &hyoka_word())) {
        Ok(report) => report,
        Err(e) => return fail(&e.describe(lang)),
    };
    let lines = [
        (SetupPart::Attributes, report.attributes_step, report.attributes.display().to_string()),
        (SetupPart::Driver, report.driver_step, report.driver.clone()),
        (SetupPart::Hook, report.hook_step, report.hook.display().to_string()),
    ];
    for (what, step, place) in &lines {
        println!("{}", GitMsg::Setup { what: *what, step: *step, place }.text(lang));
    }
    if report.hook_step == Step::Foreign {
        println!("{}", GitMsg::SetupForeignHook { hook: &report.hook, command: &report.hook_command }.text(lang));
    }
    if report.attributes_step != Step::Already {
        println!("{}", GitMsg::SetupNext { attributes: &report.attributes }.text(lang));
    }
    ExitCode::SUCCESS
}

/// How git should call this hyoka: `hyoka` when the PATH finds this very program (so that an
/// update in place is picked up), its full path otherwise.
fn hyoka_word() -> String {
    let me = std::env::current_exe().and_then(std::fs::canonicalize).unwrap_or_else(|_| PathBuf::from("hyoka"));
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|d| d.join("hyoka")).find(|p| p.is_file()).and_then(|p| p.canonicalize().ok())
    });
    if on_path.as_deref() == Some(me.as_path()) { "hyoka".to_owned() } else { shell_word(&me.display().to_string()) }
}
