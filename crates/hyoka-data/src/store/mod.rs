//! Data files on disk: finding, loading, locking, merging, writing.

mod align;
#[cfg(test)]
mod counted;
mod diagnose;
mod digest;
mod emit;
mod files;
mod head;
mod layout;
mod leftovers;
mod load;
mod lock;
mod merge;
mod merge_order;
mod new_year;
mod parse;
mod parse_cycle;
mod placed;
mod problem;
mod renames;
mod save;
mod scalar;
mod shared;
mod splice;
mod verify;
mod write;

pub use diagnose::{all_problems, locate};
pub use digest::TextDigest;
pub use emit::emit_document;
pub use files::{
    Found, MAX_FILE_BYTES, Misplaced, canonical_path, check_place, data_home, discover, discover_resolved,
    is_data_path, is_writable,
};
pub use head::{FileHead, HEAD_BYTES, head_of, read_head};
pub use layout::KnownLayout;
pub use leftovers::{process_runs, remove_leftovers};
pub use load::{decode, load_file, load_file_stamped, load_into, read_data_file};
pub use lock::{Holder, LockRefused, SaveLock, holder, lock, lock_path};
pub use merge::{FieldConflict, Merged, merge};
pub use new_year::{NewYearError, create_new_year, next_year_path};
pub use parse::{explain_parse_error, parse_document};
pub use problem::{Describe, Expected, LoadError, Position, Problem, ProblemKind};
pub use renames::{Matching, matching, same_text};
pub use save::{
    Conflicted, Locked, Outcome, Refused, SaveError, SaveRequest, Saved, clerk_may_write, save, save_knowing,
};
pub use shared::share_as_folder;
pub use verify::{LayoutLoss, RefusedField, rewrite, rewrite_explained};
pub use write::{FaultPlan, RealDisk, WriteStep, write_atomically, write_atomically_with};
