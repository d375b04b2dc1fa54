//! The `hyoka` command: argument parsing, terminal set-up and restore, the event loop.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use hyoka::app::{self, Action, App, Effect, Journal, Mode, Recovery, Stamp};
use hyoka::config::{AmbiguousSetting, Config, config_path, load_config};
use hyoka::i18n::Lang;
use hyoka::interchange::Format;
use hyoka::interchange::tsv::ImportOptions;
use hyoka::store::{LoadError, RealDisk, emit_document, write_atomically};
use hyoka::text::{AmbiguousWidth, set_ambiguous_width};
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

mod interchange_cli;

/// 評価 hyoka — 所属等の目標・取組状況・目標達成度・振り返りを端末で書く・読む
/// (goals, progress, rating and reflection of each section, in the terminal)
#[derive(Parser)]
#[command(version)]
struct Cli {
    /// 開くデータ: YAMLファイルかフォルダ（中の *.yaml をすべて開く） / a YAML file or a folder of them
    #[arg(default_value = "data")]
    path: PathBuf,
    /// 表示の言語 / language of the screen and messages (also HYOKA_LANG)
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// ◎○△×①※→ などの幅: auto は端末に尋ねる / columns the terminal gives ambiguous characters; auto asks it
    #[arg(long, value_enum)]
    ambiguous_width: Option<AmbiguousSetting>,
    /// 閲覧専用（部長・企画担当向け）: 書き換え・保存・ロック・記録を一切しない
    /// / reviewer mode: no edits, no saves, no lock files, no journal
    #[arg(long)]
    read_only: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// データを検査するだけ（誤りがあれば終了コード1）。git の pre-commit フックにも使えます
    /// / validate without opening the screen; exits 1 on any error
    Check {
        #[arg(default_value = "data")]
        path: PathBuf,
    },
    /// 公表用の表（タブ区切り .tsv か Excel .xlsx）を取り込んで YAML を作る
    /// / import the published table (tab-separated, or .xlsx) into YAML
    Import {
        /// 取り込む表（.xlsx なら Excel の最初のシート） / the table: tab-separated text, or the first sheet of an .xlsx
        table: PathBuf,
        /// 書き出す YAML / the YAML file to write
        #[arg(short, long)]
        output: PathBuf,
        /// 組織名（前書きから読めないとき） / organisation, when the preface does not say
        #[arg(long)]
        organization: Option<String>,
        /// 年度の西暦（2008 = 平成20年度） / fiscal year as a Western year
        #[arg(long)]
        fiscal_year: Option<i32>,
        /// 既存のファイルを上書きする / overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// YAML を HTML・CSV・Markdown・表（TSV）・Excel に書き出す / export YAML as html, csv, md, tsv or xlsx
    ///
    /// PATH が YAML ファイルなら、OUT は書き出すファイルです。
    /// PATH がフォルダなら OUT もフォルダで、YAML ファイルごとに同じ相対位置・同じ名前（拡張子だけ違う）で書き出します
    /// （data/kamigyo/2008.yaml → OUT/kamigyo/2008.html）。
    /// 読めない YAML は file:行:桁 で知らせて書き出さず、ほかのファイルは書き出します。
    /// 既存のファイルは --force なしには上書きしません。
    ///
    /// PATH a YAML file: OUT is the file to write. PATH a folder: OUT is a folder, with one output per
    /// YAML file at the same relative place, named after its stem (data/kamigyo/2008.yaml →
    /// OUT/kamigyo/2008.html). Broken YAML files are reported as file:line:column and not exported;
    /// the others are. Existing files are not overwritten without --force.
    Export {
        /// 書き出す YAML ファイルかフォルダ / a YAML file or a folder of them
        path: PathBuf,
        /// 書き出し先（ファイル、PATH がフォルダならフォルダ） / output file, or folder when PATH is a folder
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// 形式。省略すると OUT の拡張子から / the format; by default from OUT's extension
        #[arg(short, long, value_enum)]
        format: Option<Format>,
        /// 既存のファイルを上書きする / overwrite existing files
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match config_path().map(|path| load_config(&path)) {
        Some(Ok(config)) => config,
        None => Config::default(),
        Some(Err(message)) => return fail(message),
    };
    let lang = cli.lang.or_else(Lang::from_env).or(config.lang).unwrap_or_default();
    let ambiguous = cli.ambiguous_width.or(config.ambiguous_width).unwrap_or_default();
    match cli.command {
        Some(Command::Check { path }) => check(&path, lang),
        Some(Command::Import { table, output, organization, fiscal_year, force }) => {
            import(&table, &output, ImportOptions { organization, fiscal_year }, force, lang)
        }
        Some(Command::Export { path, output, format, force }) => {
            interchange_cli::export(&path, &output, format, force, lang)
        }
        None => open(&cli.path, lang, ambiguous, cli.read_only || config.read_only.unwrap_or(false)),
    }
}

fn fail(message: String) -> ExitCode {
    eprintln!("hyoka: {message}");
    ExitCode::from(2)
}

fn load(path: &Path, lang: Lang) -> Result<Vec<app::FileEntry>, ExitCode> {
    let files = app::load_workspace(path).map_err(|e| {
        fail(match lang {
            Lang::Ja => format!(
                "「{}」を開けません（{e}）。データのフォルダかYAMLファイルを指定してください（例: hyoka data）。",
                path.display()
            ),
            Lang::En => {
                format!("cannot open '{}' ({e}); give a data folder or a YAML file (e.g. hyoka data).", path.display())
            }
        })
    })?;
    if files.is_empty() {
        return Err(fail(match lang {
            Lang::Ja => format!(
                "「{}」にYAMLファイルがありません。hyoka import で表を取り込むか、別のフォルダを指定してください。",
                path.display()
            ),
            Lang::En => format!(
                "there are no YAML files in '{}'; import a table with hyoka import or give another folder.",
                path.display()
            ),
        }));
    }
    Ok(files)
}

fn broken(files: &[app::FileEntry]) -> Vec<&LoadError> {
    files
        .iter()
        .filter_map(|f| match &f.state {
            app::FileState::Broken(e) => Some(e),
            app::FileState::Loaded { .. } => None,
        })
        .collect()
}

fn check(path: &Path, lang: Lang) -> ExitCode {
    let files = match load(path, lang) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let errors = broken(&files);
    for error in &errors {
        eprintln!("{}", error.render(lang));
    }
    if errors.is_empty() {
        println!(
            "{}",
            match lang {
                Lang::Ja => format!("問題ありません（{}ファイル）。", files.len()),
                Lang::En => format!("all good ({} file{}).", files.len(), if files.len() == 1 { "" } else { "s" }),
            }
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{}",
            match lang {
                Lang::Ja => format!("{}ファイル中{}ファイルに誤りがあります。", files.len(), errors.len()),
                Lang::En => format!("{} of {} files have errors.", errors.len(), files.len()),
            }
        );
        ExitCode::FAILURE
    }
}

fn import(table: &Path, output: &Path, options: ImportOptions, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        return fail(match lang {
            Lang::Ja => format!("{} はもうあります。上書きするなら --force を付けてください。", output.display()),
            Lang::En => format!("{} exists already; add --force to overwrite it.", output.display()),
        });
    }
    let doc = match interchange_cli::read_table(table, &options, lang) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return fail(format!("{}: {e}", dir.display()));
    }
    if let Err(e) = write_atomically(output, emit_document(&doc).as_bytes()) {
        return fail(match lang {
            Lang::Ja => format!("{} に書き込めません（{e}）。", output.display()),
            Lang::En => format!("cannot write {} ({e}).", output.display()),
        });
    }
    let sections: usize = doc.divisions.iter().map(|d| d.sections.len()).sum();
    println!(
        "{}",
        match lang {
            Lang::Ja => format!("書き出しました: {}（部 {}・課 {}）", output.display(), doc.divisions.len(), sections),
            Lang::En =>
                format!("wrote {} ({} divisions, {} sections)", output.display(), doc.divisions.len(), sections),
        }
    );
    ExitCode::SUCCESS
}

fn open(path: &Path, lang: Lang, ambiguous: AmbiguousSetting, read_only: bool) -> ExitCode {
    let files = match load(path, lang) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let mut app = App::new(files, lang);
    app.read_only = read_only;
    // Reviewers write nothing, not even a journal.
    let mut journal = if read_only { None } else { app::journal_dir().map(Journal::new) };
    if let Some(journal) = &journal {
        let entries = journal.find(&app);
        if !entries.is_empty() {
            app.mode = Mode::Recover(Box::new(Recovery { entries, index: 0, diff_scroll: None }));
        }
    }
    // A dropped SSH link (SIGHUP) or a shutdown (SIGTERM) must not lose what was typed: the loop
    // sees the flag, writes the journal, gives the terminal back and ends.
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGHUP, SIGTERM, SIGINT] {
        if let Err(e) = signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize) {
            return fail(format!("signal {sig}: {e}"));
        }
    }
    watch_the_terminal(Arc::clone(&signal));
    match run_terminal(&mut app, ambiguous, journal.as_mut(), &signal) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(sig) => ExitCode::from(128u8.saturating_add(u8::try_from(sig).unwrap_or(0))),
        Err(e) => fail(match lang {
            Lang::Ja => {
                format!(
                    "端末の操作に失敗しました（{e}）。hyoka は端末（SSH や tmux の中）で起動してください。保存していない変更は記録してあり、次に開くと戻せます。"
                )
            }
            Lang::En => format!(
                "the terminal failed ({e}); run hyoka inside a terminal (SSH, tmux). Unsaved changes were journaled and can be restored next time."
            ),
        }),
    }
}

/// When the terminal goes away (the SSH link drops, the tmux pane is killed), crossterm's input
/// poll spins on the dead terminal and never returns (crossterm issue #793), so the event loop
/// cannot see the signal flag. This thread notices: the terminal device is deleted, or a signal
/// stays unhandled. It raises the flag, and if the loop has not ended two seconds later, ends the
/// process. The journal, written within a second of every change, keeps the work.
fn watch_the_terminal(signal: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        let mut unanswered_since: Option<Instant> = None;
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let terminal_gone = std::fs::read_link("/proc/self/fd/0")
                .is_ok_and(|target| target.to_string_lossy().ends_with(" (deleted)"));
            if terminal_gone {
                let _ = signal.compare_exchange(0, SIGHUP as usize, Ordering::Relaxed, Ordering::Relaxed);
            }
            let caught = signal.load(Ordering::Relaxed);
            if caught == 0 {
                continue;
            }
            let since = *unanswered_since.get_or_insert_with(Instant::now);
            if since.elapsed() >= Duration::from_secs(2) {
                std::process::exit(128 + i32::try_from(caught).unwrap_or(0));
            }
        }
    });
}

/// Runs the screen; returns the signal that ended it, or 0 when the user quit.
fn run_terminal(
    app: &mut App,
    ambiguous: AmbiguousSetting,
    mut journal: Option<&mut Journal>,
    signal: &AtomicUsize,
) -> io::Result<usize> {
    let mut terminal = ratatui::try_init()?;
    set_ambiguous_width(match ambiguous {
        AmbiguousSetting::One => AmbiguousWidth::Narrow,
        AmbiguousSetting::Two => AmbiguousWidth::Wide,
        AmbiguousSetting::Auto => ask_terminal_for_ambiguous_width(),
    });
    terminal.clear()?;
    // ratatui's hook restores raw mode and the screen; bracketed paste must be switched off too,
    // or the user's shell receives the paste markers after a crash.
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        restore_screen(info);
    }));
    let result = execute!(io::stdout(), EnableBracketedPaste)
        .and_then(|()| event_loop(&mut terminal, app, journal.as_deref_mut(), signal));
    if let Some(journal) = journal {
        // Whatever ended the loop (a signal, a terminal that went away), the work is kept first.
        let _ = journal.sync(app, true);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = io::stdout().flush();
    result
}

/// Prints ◎ at the top-left corner and asks the terminal where the cursor went (`ESC [ 6 n`):
/// column 2 means the terminal draws ambiguous characters two columns wide. A terminal that does
/// not answer within crossterm's wait (two seconds) is taken to draw them one column wide.
fn ask_terminal_for_ambiguous_width() -> AmbiguousWidth {
    use ratatui::crossterm::cursor::{MoveTo, position};
    use ratatui::crossterm::style::Print;
    if execute!(io::stdout(), MoveTo(0, 0), Print("◎")).is_err() {
        return AmbiguousWidth::Narrow;
    }
    match position() {
        Ok((2, _)) => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    mut journal: Option<&mut Journal>,
    signal: &AtomicUsize,
) -> io::Result<usize> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    let mut last_disk_check = Instant::now();
    let mut journal_failed = false;
    loop {
        let caught = signal.load(Ordering::Relaxed);
        if caught != 0 {
            return Ok(caught);
        }
        terminal.draw(|frame| hyoka::ui::draw(frame, app))?;
        if app.should_quit {
            return Ok(0);
        }
        // Wake up regularly even without keys: changes on disk, the journal, signals.
        if event::poll(Duration::from_millis(250))? {
            let action = match event::read()? {
                Event::Key(key) => {
                    for key in app::split_escape(key) {
                        if let Some(action) = app::action_for(app, key) {
                            for effect in app::update(app, action) {
                                run_effect(app, effect, journal.as_deref_mut());
                            }
                        }
                    }
                    None
                }
                Event::Paste(text) if matches!(app.mode, Mode::Editing(_) | Mode::Resolve(_) | Mode::Export(_)) => {
                    Some(Action::Paste(text))
                }
                Event::Paste(_) => {
                    app.say(
                        app::Tone::Info,
                        "貼り付けるには、まず Enter で編集を始めてください。",
                        "To paste, start editing with Enter first.",
                    );
                    None
                }
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(action) = action {
                for effect in app::update(app, action) {
                    run_effect(app, effect, journal.as_deref_mut());
                }
            }
        }
        if last_disk_check.elapsed() >= Duration::from_secs(1) {
            app::check_disk(app);
            last_disk_check = Instant::now();
        }
        if let Some(journal) = journal.as_deref_mut() {
            match journal.sync(app, false) {
                Ok(()) => journal_failed = false,
                Err(e) if !journal_failed => {
                    journal_failed = true;
                    app.say(
                        app::Tone::Error,
                        &format!("復元用の記録を書けません（{e}）。こまめに Ctrl-S で保存してください。"),
                        &format!("cannot write the recovery journal ({e}); save often with Ctrl-S."),
                    );
                }
                Err(_) => {}
            }
        }
    }
}

fn run_effect(app: &mut App, effect: Effect, journal: Option<&mut Journal>) {
    match effect {
        Effect::Save => app::save_all(app, &Stamp::here_and_now(), &RealDisk),
        Effect::DeleteJournal(path) => {
            if let Some(journal) = journal {
                journal.delete(&path);
            }
        }
        Effect::Export { file, format, path, overwrite } => app::carry_out_export(app, file, format, &path, overwrite),
    }
}
