//! Data files on disk: finding, loading, locking, merging, writing.

mod emit;
mod files;
mod layout;
mod lock;
mod merge;
mod parse;
mod problem;
mod save;
mod scalar;
mod splice;

pub use emit::emit_document;
pub use files::{
    FaultPlan, Found, MAX_FILE_BYTES, RealDisk, WriteStep, decode, discover, is_data_path, is_writable, load_file,
    read_data_file, write_atomically, write_atomically_with,
};
pub use lock::{SaveLock, lock, lock_path};
pub use merge::{FieldConflict, Merged, merge};
pub use parse::parse_document;
pub use problem::{LoadError, Position, Problem, ProblemKind};
pub use save::{Conflicted, SaveError, SaveOutcome, Saved, save_document};
