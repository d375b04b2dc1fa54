//! What the screen says of the year's cycle: its keys, its messages and its questions, on top of
//! the core's words for stages, statuses and dates.

mod keys;
mod messages;
mod words;

pub use hyoka_core::i18n::cycle::*;
pub use keys::{describe, hint_label, place};
pub use messages::CycleMsg;
pub use words::{CycleWords, Kept};
