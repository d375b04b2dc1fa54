//! What the data layer says: saves and the settings (store), git, and tables in and out
//! (interchange), Japanese and English side by side, on top of the core's words.

pub mod doctor;
pub mod git;
pub mod interchange;
pub mod office;
pub mod publish;
pub mod store;

pub use hyoka_core::i18n::{Lang, cycle};
