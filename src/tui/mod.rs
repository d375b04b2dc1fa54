//! The screen: the state made from what the command line and the settings say, the terminal, and
//! the event loop that feeds `update` and the worker.

pub mod backend;
mod event_loop;
mod hold;
mod pen;
mod shown;
mod terminal;
mod watchdog;

use std::path::PathBuf;

use crate::app::{App, FileEntry, Settings, keymap::Keymap};
use crate::i18n::Lang;
use crate::worker::Env;
use hyoka_data::config::AmbiguousSetting;

/// What the screen is opened with, from the command line and the settings file.
pub struct Options {
    pub lang: Lang,
    pub ambiguous: AmbiguousSetting,
    pub read_only: bool,
    pub keymap: Keymap,
    /// Commit each save to git.
    pub commit: bool,
    /// The office commits every save (a shared work tree): exactly what each save wrote, by the
    /// account that saved.
    pub shared_commits: bool,
    /// What the clerk must hear at once (settings that could not be read).
    pub notices: Vec<String>,
    /// The data folder or file as given, where a reviewer writes nothing.
    pub data_root: Option<std::path::PathBuf>,
    /// Where the right to review comes from (decided by the worker once it knows who runs hyoka,
    /// and looked at again while it runs: see `worker::rights`); and the calendar of dates.
    pub rights: crate::worker::rights::RightsSource,
    pub calendar: crate::i18n::cycle::Calendar,
}

/// Opens the screen on the files; returns the signal that ended it, or 0 when the user quit.
/// Nothing here reads a file: journals, merges git left and who is at the keys come from the
/// worker once the loop runs, so the first frame waits for none of them.
pub fn open(files: Vec<FileEntry>, options: Options) -> std::io::Result<i32> {
    // The terminal first: how wide it draws ◎ ○ △ × is part of what the state is made with.
    let (screen, ambiguous_width) = terminal::init(options.ambiguous)?;
    let settings = Settings {
        lang: options.lang,
        read_only: options.read_only,
        keymap: options.keymap,
        data_root: options.data_root,
        calendar: options.calendar,
        export_dir: std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(EXPORTS)),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ambiguous_width,
        identity: None,
        notices: options.notices,
    };
    let mut app = App::new(files, settings);
    let mut env = Env::new(options.lang, None);
    env.rights = Some(options.rights);
    if options.commit && !options.read_only {
        let mut commits = hyoka_data::git::AutoCommit::new();
        if options.shared_commits {
            commits = commits.sharing();
        }
        env.commits = Some(std::sync::Arc::new(std::sync::Mutex::new(commits)));
    }
    event_loop::run(screen, &mut app, &env)
}

/// The folder in the user's home where exports go unless another is typed.
const EXPORTS: &str = "hyoka-exports";
