//! The dialogs over the screen, each one component: its state and its keys here, its drawing in
//! `ui/dialog/` under the same name.

pub mod conflict;
pub mod export;
pub mod help;
pub mod quit;
pub mod recovery;

pub use conflict::{Choice, Conflict};
pub use export::ExportDialog;
pub use help::Help;
pub use recovery::{Recovery, RecoveryEntry};
