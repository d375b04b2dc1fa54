//! Reading the data files hyoka opens: every file under the folder given, on every core, each
//! with what the state keeps of it (its canonical path, whether it may be written, its stamp).

use std::path::{Path, PathBuf};

use crate::app::{DiskStamp, FileEntry};
use hyoka_data::store::{Found, canonical_path, discover, is_writable, load_file};

/// Loads every data file under `root`; broken files are kept, to be shown with their errors.
/// The files are read and parsed on every core (a city is 200 files), in the order found.
pub fn load_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    let found = discover(root)?;
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = found.len().div_ceil(threads).max(1);
    let load = |found: Found| match found {
        Found::File(path) => load_entry(path),
        Found::Refused(error) => {
            let canonical = canonical_path(&error.path);
            FileEntry::broken(error).at_canonical(canonical)
        }
    };
    let mut parts: Vec<Vec<Found>> = Vec::new();
    let mut rest = found.into_iter().peekable();
    while rest.peek().is_some() {
        parts.push(rest.by_ref().take(chunk).collect());
    }
    let loaded: Vec<std::thread::Result<Vec<FileEntry>>> = std::thread::scope(|scope| {
        let workers: Vec<_> =
            parts.into_iter().map(|part| scope.spawn(move || part.into_iter().map(load).collect())).collect();
        workers.into_iter().map(std::thread::ScopedJoinHandle::join).collect()
    });
    let mut files = Vec::new();
    for part in loaded {
        // A reader that panicked is a defect, not a file problem: say so rather than show fewer files.
        let part = part.map_err(|_| std::io::Error::other("a file reader stopped unexpectedly"))?;
        files.extend(part.into_iter().map(|entry| FileEntry { root: root.to_path_buf(), ..entry }));
    }
    Ok(files)
}

/// The stamp of a file's metadata (see [`DiskStamp`]).
pub fn disk_stamp(metadata: &std::fs::Metadata) -> Option<DiskStamp> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.modified().ok()?, metadata.len(), metadata.ino()))
}

fn load_entry(path: PathBuf) -> FileEntry {
    let canonical = canonical_path(&path);
    match load_file(&path) {
        Ok((doc, text)) => {
            let metadata = std::fs::metadata(&path).ok();
            let mut entry = FileEntry::loaded(path, doc, text).at_canonical(canonical);
            entry.read_only = !is_writable(&entry.path);
            entry.disk_stamp = metadata.as_ref().and_then(disk_stamp);
            entry
        }
        Err(error) => FileEntry::broken(error).at_canonical(canonical),
    }
}
