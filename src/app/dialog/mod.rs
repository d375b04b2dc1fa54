//! The dialogs' keys, each one component: what a key does while the dialog is open. Their state
//! is in `state/dialogs.rs`, their drawing in `ui/dialog/` under the same names.

pub mod ask;
pub mod comment;
pub mod conflict;
pub mod export;
pub mod help;
pub mod messages;
pub mod quit;
pub mod recovery;
