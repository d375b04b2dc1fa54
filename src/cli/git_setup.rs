//! `hyoka git-setup [PATH]`: makes a clone ready for hyoka (merge driver and pre-commit hook).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::fail;
use crate::i18n::Lang;
use crate::i18n::git::{GitMsg, SetupPart};
use hyoka_data::git::{Git, GitError, Repo, Step, setup, setup_server, shell_word};

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

/// `hyoka git-setup --server REPO.git`: the gate of a shared bare repository.
pub fn run_server(repo: &Path, lang: Lang) -> ExitCode {
    if !repo.join("HEAD").is_file() || !repo.join("objects").is_dir() {
        return fail(&GitMsg::NotBare { path: repo }.text(lang));
    }
    match setup_server(repo, &hyoka_word()) {
        Ok((hook, step)) => {
            let place = hook.display().to_string();
            println!("{}", GitMsg::Setup { what: SetupPart::Gate, step, place: &place }.text(lang));
            if step == Step::Foreign {
                let command = format!("{} pre-receive", hyoka_word());
                println!("{}", GitMsg::SetupForeignHook { hook: &hook, command: &command }.text(lang));
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.describe(lang)),
    }
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
