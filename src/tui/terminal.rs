//! The terminal itself: raw mode and the alternate screen on, bracketed paste, the width of
//! ambiguous characters asked of it, and everything given back however hyoka ends.

use std::io::{self, Write as _};

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use super::backend::HyokaBackend;
use hyoka_core::text::AmbiguousWidth;
use hyoka_data::config::AmbiguousSetting;

/// The terminal as the screen draws on it.
pub type Screen = ratatui::Terminal<HyokaBackend<io::Stdout>>;

/// Takes the terminal over, and says how wide it draws ambiguous characters (asked of it when the
/// setting is `auto`): what the screen must measure with. Its state is given back by [`restore`],
/// also after a panic.
pub fn init(ambiguous: AmbiguousSetting) -> io::Result<(Screen, AmbiguousWidth)> {
    // What `ratatui::try_init` does, with hyoka's backend: raw mode, the alternate screen, and
    // (below) a panic hook that gives both back.
    let restore_on_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A worker's panic is caught and reported as its failed outcome: the screen stays.
        if crate::worker::supervise::caught_here(info) {
            return;
        }
        ratatui::restore();
        restore_on_panic(info);
    }));
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    let ambiguous_width = match ambiguous {
        AmbiguousSetting::One => AmbiguousWidth::Narrow,
        AmbiguousSetting::Two => AmbiguousWidth::Wide,
        AmbiguousSetting::Auto => ask_for_ambiguous_width(),
    };
    let mut terminal = ratatui::Terminal::new(HyokaBackend::new(io::stdout(), ambiguous_width))?;
    wipe(&mut terminal)?;
    // ratatui's hook restores raw mode and the screen; bracketed paste must be switched off too,
    // or the user's shell receives the paste markers after a crash.
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        restore_screen(info);
    }));
    execute!(io::stdout(), EnableBracketedPaste)?;
    Ok((terminal, ambiguous_width))
}

/// Clears the terminal and makes the next frame draw every cell. Not `Terminal::clear`, which asks
/// the terminal where its cursor is: an answer the input thread would take, or a terminal that
/// never answers, would make it fail after two seconds.
pub fn wipe(screen: &mut Screen) -> io::Result<()> {
    let size = screen.size()?;
    screen.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

pub fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// Prints ◎ at the top-left corner and asks the terminal where the cursor went (`ESC [ 6 n`):
/// column 2 means the terminal draws ambiguous characters two columns wide. A terminal that does
/// not answer within crossterm's wait (two seconds) is taken to draw them one column wide.
fn ask_for_ambiguous_width() -> AmbiguousWidth {
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
