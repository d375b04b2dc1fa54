//! The screen: the journals left by hyokas that are gone, the terminal, and the event loop that
//! feeds `update` and the worker.

pub mod backend;
mod event_loop;
mod shown;
mod terminal;
mod watchdog;

use std::path::PathBuf;

use crate::app::{App, FileEntry, Tone, keymap::Keymap};
use crate::config::AmbiguousSetting;
use crate::i18n::Lang;
use crate::i18n::app::Msg;
use crate::worker::{Env, Journals, journal_dir};

/// What the screen is opened with, from the command line and the settings file.
pub struct Options {
    pub lang: Lang,
    pub ambiguous: AmbiguousSetting,
    pub read_only: bool,
    pub keymap: Keymap,
}

/// Opens the screen on the files; returns the signal that ended it, or 0 when the user quit.
pub fn open(files: Vec<FileEntry>, options: Options) -> std::io::Result<i32> {
    let mut app = App::new(files, options.lang);
    app.read_only = options.read_only;
    app.keymap = options.keymap;
    app.user = crate::worker::save::login_name();
    app.export_dir = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(EXPORTS));
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    // Reviewers write nothing, not even a journal.
    let journals = if options.read_only { None } else { Some(open_journals()) };
    match &journals {
        Some(Ok(journals)) => {
            let found = journals.find(&app.files);
            crate::app::open_recovery(&mut app, found);
        }
        // Without a journal a dropped link loses what was typed since the last save: said at once.
        Some(Err(why)) => app.say(Tone::Error, Msg::NoJournal { why: why.clone() }),
        None => {}
    }
    let journals = journals.and_then(Result::ok);
    let env = Env::new(options.lang, journals);
    event_loop::run(&mut app, &env, options.ambiguous)
}

/// The folder in the user's home where exports go unless another is typed.
const EXPORTS: &str = "hyoka-exports";

/// This hyoka's journal folder, or why there is none.
fn open_journals() -> Result<Journals, String> {
    let dir = journal_dir().ok_or_else(|| "HOME / XDG_STATE_HOME".to_owned())?;
    Journals::open(dir.clone()).map_err(|e| format!("{}: {e}", dir.display()))
}
