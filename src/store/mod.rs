//! Data files on disk: finding, loading, merging, writing.

mod emit;
mod files;
mod merge;
mod parse;
mod problem;
mod save;

pub use emit::emit_document;
pub use files::{discover, load_file, write_atomically};
pub use merge::{Conflict, merge_sections};
pub use parse::parse_document;
pub use problem::{LoadError, Position, Problem, ProblemKind};
pub use save::{SaveError, Saved, save_document};
