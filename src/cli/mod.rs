//! The command line: what `hyoka` accepts (clap), and the commands that run without a screen.

mod args;
mod attention;
mod check;
mod doctor;
mod export;
mod git_setup;
mod import;
mod list;
mod merge_driver;
mod new_year;
mod office;
mod publish;
mod receive;
mod report;
mod summary;
mod words;

use std::path::Path;
use std::process::ExitCode;

use crate::app::keymap::{KeyConfigError, Keymap};
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
pub use args::{Cli, Command, Output};
use hyoka_data::config::{Config, config_path, load_config};
use hyoka_data::interchange::columns::ColumnMap;
use hyoka_data::interchange::import::ImportOptions;
pub use words::command;

/// Reads the command line (saying what is wrong with it in the language in force) and runs it.
pub fn main() -> ExitCode {
    match words::parse(std::env::args_os().collect()) {
        Ok(cli) => run(cli),
        Err(code) => code,
    }
}

/// Runs what the command line asks for; the exit code says how it went.
pub fn run(cli: Cli) -> ExitCode {
    let (config, warning) = match config_path().map(|path| load_config(&path)) {
        Some(Ok(loaded)) => (loaded.config, loaded.warning),
        None => (Config::default(), None),
        Some(Err(message)) => return fail(&message),
    };
    let lang = cli.lang.or_else(Lang::from_env).or(config.lang).unwrap_or_default();
    if let Some(warning) = &warning {
        // Before the screen takes the terminal, so that it is seen (and in the log of a command).
        eprintln!("hyoka: {}", warning.describe(lang));
    }
    let ambiguous = cli.ambiguous_width.or(config.ambiguous_width).unwrap_or_default();
    let keymap = match Keymap::with_overrides(&config.keys) {
        Ok(keymap) => keymap,
        Err(e) => {
            let path = config_path().map(|p| p.display().to_string()).unwrap_or_default();
            return fail(&bad_keys(path, e).text(lang));
        }
    };
    match cli.command {
        Some(Command::Check { path, publishable }) => check::run(&path, publishable, lang),
        Some(Command::Import {
            table,
            output,
            format,
            encoding,
            sheet,
            columns,
            organization,
            fiscal_year,
            force,
            dry_run,
        }) => {
            let columns = match columns.as_deref().map(ColumnMap::parse).transpose() {
                Ok(columns) => columns,
                Err(problem) => return fail(&problem.text(lang)),
            };
            let options = ImportOptions { organization, fiscal_year, format, encoding, sheet, columns };
            import::run(&import::ImportArgs { table, output, options, force, dry_run }, lang)
        }
        Some(Command::Export { path, output, format, force }) => export::run(&path, &output, format, force, lang),
        Some(Command::Publish { path, output, all, since, date }) => {
            publish::run(&publish::PublishArgs { path, output, all, since, date }, lang)
        }
        Some(Command::GitSetup { path, server: None }) => git_setup::run(&path, lang),
        Some(Command::GitSetup { server: Some(repo), .. }) => git_setup::run_server(&repo, lang),
        Some(Command::PreReceive) => receive::run(lang),
        Some(Command::Doctor { path, format }) => doctor::run(&path, format, lang),
        Some(Command::NewYear { file, keep_goals, output }) => new_year::run(&file, output, keep_goals, lang),
        Some(Command::MergeDriver { base, ours, theirs, path }) => {
            merge_driver::run(&base, &ours, &theirs, &path, lang)
        }
        Some(Command::Summary { path, format }) => summary::run(&path, format, lang),
        Some(Command::List { path, rating, incomplete, search, kana, since, by, format }) => {
            list::run(&path, &list::ListArgs { ratings: rating, incomplete, search, since, by, kana, format }, lang)
        }
        Some(Command::Keys) => {
            print!("{}", keymap.markdown(lang));
            ExitCode::SUCCESS
        }
        None => {
            let files = match open_files(&cli.path, lang) {
                Ok(files) => files,
                Err(code) => return code,
            };
            let read_only = cli.read_only || config.read_only.unwrap_or(false);
            let mut notices: Vec<String> = warning.iter().map(|w| w.describe(lang)).collect();
            let office = match office::Office::find(&cli.path, &config, lang) {
                Ok(office) => office,
                Err(message) => return fail(&message),
            };
            notices.extend(office.notices.iter().cloned());
            let commit = cli.commit || config.commit.unwrap_or(false) || office.commit;
            let data_root = Some(cli.path.clone());
            let calendar = config.calendar.unwrap_or_default();
            // Reviewers keep no journal; the others hear first of work another hyoka of theirs holds.
            if !read_only
                && let Some(journals) = crate::worker::journal_dir()
                && !attention::ask(&journals, &files, calendar, lang)
            {
                return ExitCode::SUCCESS;
            }
            let options = crate::tui::Options {
                lang,
                ambiguous,
                read_only,
                keymap,
                commit,
                shared_commits: office.commit,
                notices,
                data_root,
                rights: office.rights,
                calendar,
            };
            match crate::tui::open(files, options) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(signal) => ExitCode::from(128u8.saturating_add(u8::try_from(signal).unwrap_or(0))),
                Err(e) => fail(&CliMsg::TerminalFailed { why: e.to_string() }.text(lang)),
            }
        }
    }
}

/// Says what went wrong on standard error; exit code 2 (usage or environment, not the data).
pub fn fail(message: &str) -> ExitCode {
    eprintln!("hyoka: {message}");
    ExitCode::from(2)
}

/// Every data file under `path`, broken ones included; an unusable path is said and ends the command.
pub fn load(path: &Path, lang: Lang) -> Result<Vec<crate::app::FileEntry>, ExitCode> {
    found(path, lang, crate::worker::load_workspace)
}

/// The data files under `path` as the screen opens on them: named by their first lines, the
/// first one read; the others are read once the screen shows.
fn open_files(path: &Path, lang: Lang) -> Result<Vec<crate::app::FileEntry>, ExitCode> {
    found(path, lang, crate::worker::open_workspace)
}

type Finder = fn(&Path) -> std::io::Result<Vec<crate::app::FileEntry>>;

fn found(path: &Path, lang: Lang, find: Finder) -> Result<Vec<crate::app::FileEntry>, ExitCode> {
    let files = find(path).map_err(|e| fail(&CliMsg::CannotOpen { path, why: e.to_string() }.text(lang)))?;
    if files.is_empty() {
        return Err(fail(&CliMsg::NoDataFiles { path }.text(lang)));
    }
    Ok(files)
}

/// A mistake in the settings file's `keys:`, in the clerk's words.
fn bad_keys(path: String, error: KeyConfigError) -> CliMsg<'static> {
    match error {
        KeyConfigError::UnknownCommand { name, known } => CliMsg::UnknownBinding { path, name, known },
        KeyConfigError::BadKey { name, key } => CliMsg::BadKeyName { path, name, key: key.0 },
        KeyConfigError::Twice { key, context, first, second } => CliMsg::KeyTwice { path, key, context, first, second },
    }
}
