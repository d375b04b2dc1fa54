//! From a key press to an action: which bindings apply where the keys are now, and what is left
//! over for typing.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::keymap::Chord;
use super::state::{App, Focus, Mode};
use crate::command::Context;
use hyoka_core::model::Field;

/// The binding contexts in force, most specific first.
pub fn contexts(app: &App) -> &'static [Context] {
    if app.layout.too_small {
        // Nothing is typed where nothing can be seen: the keys that work anywhere, of which only
        // a few are carried out (see `app/small.rs`); the quit question keeps its own.
        return match app.mode {
            Mode::ConfirmQuit => &[Context::Quit],
            _ => &[Context::Global],
        };
    }
    match &app.mode {
        Mode::Browse => match app.focus {
            Focus::Tree => &[Context::Tree, Context::Global],
            Focus::Pane(field) => pane_contexts(field),
        },
        Mode::Editing(_) => &[Context::Editing, Context::TextInput],
        Mode::Help { .. } => &[Context::Help],
        Mode::Messages { .. } => &[Context::Messages],
        Mode::ConfirmQuit => &[Context::Quit],
        Mode::Resolve(conflict) => conflict.contexts(),
        Mode::Recover(recovery) => recovery.contexts(),
        Mode::Export(_) => &[Context::Export, Context::TextInput],
        Mode::Changes(_) => &[Context::History],
        Mode::Search(_) => &[Context::Search, Context::TextInput],
        Mode::Filter(_) => &[Context::Filter, Context::TextInput],
        Mode::Table(_) => &[Context::Table],
        Mode::Years(_) => &[Context::Years],
        Mode::Summary(_) => &[Context::Summary],
        Mode::Ask(ask) if matches!(**ask, crate::app::dialog::ask::Ask::NewYear { .. }) => &[Context::NewYear],
        Mode::Ask(_) => &[Context::Confirm],
        Mode::Comment(comment) => comment.contexts(),
    }
}

/// The bindings of a pane when it has the keys.
pub fn pane_contexts(field: Field) -> &'static [Context] {
    match field.pane() {
        Field::Goals => &[Context::Goals, Context::Pane, Context::Global],
        Field::Rating => &[Context::Rating, Context::Pane, Context::Global],
        _ => &[Context::Text, Context::Pane, Context::Global],
    }
}

/// What a key means now; `None` for a key release or a key nothing listens to.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let chord = Chord::from_event(key)?;
    let contexts = contexts(app);
    if let Some(command) = app.keymap.lookup(contexts, chord) {
        return Some(Action::Command(command));
    }
    if contexts.contains(&Context::TextInput)
        && let Some(c) = chord.typed()
    {
        return Some(Action::Type(c));
    }
    Some(Action::Unbound)
}

/// Esc and the next key typed quickly (or sent in one SSH packet) reach us as Alt+key. hyoka binds
/// no Alt+letter, so such a key is taken for what the clerk pressed: Esc, then the letter.
pub fn split_escape(key: KeyEvent) -> Vec<KeyEvent> {
    match key.code {
        KeyCode::Char(c) if key.modifiers == KeyModifiers::ALT => vec![
            KeyEvent::new_with_kind(KeyCode::Esc, KeyModifiers::NONE, key.kind),
            KeyEvent::new_with_kind(KeyCode::Char(c), KeyModifiers::NONE, key.kind),
        ],
        _ => vec![key],
    }
}
