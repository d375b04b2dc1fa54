//! The screen: loading the data and the journals, the terminal, and the event loop that feeds
//! `update` and the worker.

mod event_loop;
mod terminal;
mod watchdog;

use std::path::Path;
use std::process::ExitCode;

use crate::app::{App, Recovery, keymap::Keymap};
use crate::cli::{fail, load};
use crate::config::AmbiguousSetting;
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::worker::{Env, Journals, journal_dir};

/// What the screen is opened with, from the command line and the settings file.
pub struct Options {
    pub lang: Lang,
    pub ambiguous: AmbiguousSetting,
    pub read_only: bool,
    pub keymap: Keymap,
}

pub fn open(path: &Path, options: Options) -> ExitCode {
    let files = match load(path, options.lang) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let mut app = App::new(files, options.lang);
    app.read_only = options.read_only;
    app.keymap = options.keymap;
    app.user = crate::worker::save::login_name();
    // Reviewers write nothing, not even a journal.
    let journals = if options.read_only { None } else { journal_dir().and_then(|dir| Journals::open(dir).ok()) };
    if let Some(journals) = &journals {
        let found = journals.find(&app.files);
        Recovery::open(&mut app, found);
    }
    let env = Env::new(options.lang, journals);
    match event_loop::run(&mut app, &env, options.ambiguous) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(signal) => ExitCode::from(128u8.saturating_add(u8::try_from(signal).unwrap_or(0))),
        Err(e) => fail(&CliMsg::TerminalFailed { why: e.to_string() }.text(options.lang)),
    }
}
