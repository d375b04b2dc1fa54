//! The worker's part carried out inline, on the real disk, with a fixed clock so that the stamps
//! written into files are known: the save, the look at the disk, the answer in a dialog.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use hyoka::app::{Action, App, Effect, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::store::RealDisk;
use hyoka::worker::{Env, settle};

use super::keys::act;

/// The moment every save of these tests is stamped with, unless a kit has its own.
pub const SAVED_AT: &str = "2026-11-24T13:58:00+09:00";

pub fn fixed_time() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(SAVED_AT).expect("a time")
}

/// The worker's environment: the real disk, Japanese, no journal, the clock `clock`.
pub fn env_with(clock: fn() -> DateTime<FixedOffset>) -> Env {
    Env { faults: Arc::new(RealDisk), clock, ..Env::new(Lang::Ja, None) }
}

/// The worker's environment with the clock at [`SAVED_AT`].
pub fn env() -> Env {
    env_with(fixed_time)
}

/// Ctrl-S, with the worker's part carried out at once.
pub fn save(app: &mut App) {
    act(app, Command::Save, &env());
}

/// What the screen does every half second: look at the disk (and take in what changed).
pub fn check_disk(app: &mut App) {
    act(app, Action::Tick, &env());
}

/// A key in a dialog that starts a save (and nothing else), the save carried out.
pub fn decide(app: &mut App, command: Command) {
    let effects = update(app, command.into());
    assert!(effects.iter().all(|e| matches!(e, Effect::Save(_))), "{effects:?}");
    settle(app, effects, &env());
}
