//! The screen: terminal set-up and restore (also on panic and on signals), the watchdog, the event loop.

use std::io::{self, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::app::{self, Action, App, Effect, Journal, Mode, Recovery, Stamp};
use crate::cli::{fail, load};
use crate::config::AmbiguousSetting;
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::store::RealDisk;
use crate::text::{AmbiguousWidth, set_ambiguous_width};

pub fn open(path: &Path, lang: Lang, ambiguous: AmbiguousSetting, read_only: bool) -> ExitCode {
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
            return fail(&CliMsg::Signal { number: sig, why: e.to_string() }.text(lang));
        }
    }
    watch_the_terminal(Arc::clone(&signal));
    match run_terminal(&mut app, ambiguous, journal.as_mut(), &signal) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(sig) => ExitCode::from(128u8.saturating_add(u8::try_from(sig).unwrap_or(0))),
        Err(e) => fail(&CliMsg::TerminalFailed { why: e.to_string() }.text(lang)),
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
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
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
