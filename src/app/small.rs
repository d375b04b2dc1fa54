//! Below the smallest size nothing but the terminal's size can be seen, so no key may change what
//! cannot be seen: only the keys of [`SMALL`] work (redraw, save, quit — asking first when work is
//! unsaved, the question shown on the small screen), and every other key or text typed is refused
//! out loud instead of being dropped.

use super::action::{Action, Effect};
use super::keymap::SMALL;
use super::state::{App, Mode, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;

/// A key or text while the screen is too small; `None` when it goes on as usual (the quit
/// question has its own keys, shown on the small screen).
pub(in crate::app) fn handle(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    if !app.layout.too_small || matches!(app.mode, Mode::ConfirmQuit) {
        return None;
    }
    let command = match action {
        Action::Command(command) if SMALL.contains(command) => *command,
        Action::Command(_) | Action::Type(_) | Action::Paste(_) | Action::Unbound => {
            app.say(Tone::Error, Msg::TooSmallKey);
            return Some(Vec::new());
        }
        _ => return None,
    };
    if command == Command::Redraw {
        return Some(vec![Effect::Redraw]);
    }
    // A question about the data (a conflict, a journal left behind) is answered where it can be read.
    if matches!(app.mode, Mode::Resolve(_) | Mode::Recover(_)) {
        app.say(Tone::Error, Msg::TooSmallToAnswer);
        return Some(Vec::new());
    }
    // What else is open closes first, losing nothing: a comment being written stays as the
    // section's draft, text being edited goes into its field; the save or quit is the tree's.
    match std::mem::replace(&mut app.mode, Mode::Browse) {
        Mode::Comment(dialog) => app.keep_draft(dialog.section, &dialog.text()),
        Mode::Editing(editor) => super::editing::finish(*editor, app),
        _ => {}
    }
    None
}
