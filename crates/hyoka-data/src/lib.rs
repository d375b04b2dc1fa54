//! hyoka's data: YAML files read with their places and saved by splicing (store), tables in and out
//! (interchange), git, and the settings — files and processes, no terminal.

pub mod config;
pub mod doctor;
pub mod git;
pub mod i18n;
pub mod identity;
pub mod interchange;
pub mod publish;
pub mod store;
