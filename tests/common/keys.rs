//! Keys as the terminal sends them, turned into actions by the key table and given to `update`:
//! either with the effects handed back to the test, or with the worker's part carried out at once
//! (`…_in`, in the given worker environment), as the screen does.

use std::path::Path;

use hyoka::app::{Action, App, Effect, action_for, update};
use hyoka::worker::{Env, settle};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key with modifiers; the effects it asks for, not carried out.
pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, modifiers)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_with(app, code, KeyModifiers::NONE)
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    press_with(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// The key a terminal sends for `c`: capitals with Shift.
fn typed(c: char) -> (KeyCode, KeyModifiers) {
    let modifiers = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
    (KeyCode::Char(c), modifiers)
}

/// Types text as at a keyboard, one key per character (the IME hands over Japanese the same
/// way); what the keys ask of the worker is dropped.
pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let (code, modifiers) = typed(c);
        press_with(app, code, modifiers);
    }
}

/// An action given to `update`, and what it asks of the worker carried out in `env`.
pub fn act(app: &mut App, action: impl Into<Action>, env: &Env) {
    let effects = update(app, action.into());
    settle(app, effects, env);
}

/// A key, and what it asks of the worker carried out in `env`.
pub fn press_in(app: &mut App, code: KeyCode, env: &Env) {
    let effects = press(app, code);
    settle(app, effects, env);
}

pub fn ctrl_in(app: &mut App, c: char, env: &Env) {
    let effects = ctrl(app, c);
    settle(app, effects, env);
}

/// Types text, each key's effects carried out in `env` before the next key.
pub fn keys_in(app: &mut App, text: &str, env: &Env) {
    for c in text.chars() {
        let (code, modifiers) = typed(c);
        let effects = press_with(app, code, modifiers);
        settle(app, effects, env);
    }
}

/// In the export dialog: the proposed path replaced by `path` (End, Backspace over it, pasted as a
/// terminal pastes), then Enter, the export carried out in `env`.
pub fn export_to_path(app: &mut App, path: &Path, env: &Env) {
    press(app, KeyCode::End);
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
    update(app, Action::Paste(path.display().to_string()));
    press_in(app, KeyCode::Enter, env);
}
