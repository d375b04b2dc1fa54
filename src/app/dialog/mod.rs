//! The dialogs, each one component: its state and what a key does while it is open, in one file;
//! its drawing is in `ui/dialog/` under the same name.
//!
//! `update` takes the dialog out of the state while its handler runs, and the handler says what
//! becomes of it: [`Next::Stay`] puts it back (changed or not), [`Next::Close`] leaves whatever the
//! handler opened instead. Every branch of a handler must say one or the other, so a dialog can
//! no longer vanish because a branch forgot to put it back.

pub mod ask;
pub mod comment;
pub mod conflict;
pub mod export;
pub mod help;
pub mod messages;
pub mod quit;
pub mod recovery;

use crate::app::action::Effect;

/// What a key leaves of the dialog (or view) it was given.
#[must_use]
pub(in crate::app) enum Next<T> {
    /// Still open, as it now is.
    Stay(T),
    /// Done: the tree and panes have the keys again, or whatever the handler opened instead.
    Close,
}

/// A handler's answer: what becomes of its dialog, and what the worker must do.
pub(in crate::app) type Handled<T> = (Next<T>, Vec<Effect>);

/// Stays open, nothing for the worker.
pub(in crate::app) fn stay<T>(dialog: T) -> Handled<T> {
    (Next::Stay(dialog), Vec::new())
}

/// Closes, nothing for the worker.
pub(in crate::app) fn close<T>() -> Handled<T> {
    (Next::Close, Vec::new())
}

/// Closes, with work for the worker.
pub(in crate::app) fn close_with<T>(effects: Vec<Effect>) -> Handled<T> {
    (Next::Close, effects)
}
