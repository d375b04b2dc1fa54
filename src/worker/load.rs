//! Reading the data files hyoka opens. The screen opens on the folder's layout and each file's
//! head (organisation and fiscal year) with the first file read whole; the rest are read in the
//! background (`read.rs`). The commands read every file at once, on every core.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::app::{DiskStamp, FileEntry, ReadJob};
use hyoka_core::model::Document;
use hyoka_data::store::{Found, LoadError, canonical_path, discover, is_writable, load_file, read_head};

/// Loads every data file under `root`; broken files are kept, to be shown with their errors.
/// The files are read and parsed on every core, in the order found.
pub fn load_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    let found = discover(root)?;
    let canonical = canonical_paths(&found);
    let jobs = found.into_iter().zip(canonical);
    let files = on_every_core(jobs.collect(), |(found, canonical)| match found {
        Found::File(path) => read_entry(&ReadJob { file: 0, path, root: root.to_path_buf(), canonical }),
        Found::Refused(error) => {
            FileEntry { root: root.to_path_buf(), ..FileEntry::broken(error) }.at_canonical(canonical)
        }
    })?;
    Ok(files)
}

/// Every data file under `root` read and validated on every core, and nothing else looked up (no
/// link resolved, no permission or stamp asked, no fingerprint kept): what `hyoka check` needs.
/// Each with its document, or its problems.
pub fn check_workspace(root: &Path) -> std::io::Result<Vec<Result<(PathBuf, Document), LoadError>>> {
    on_every_core(discover(root)?, |found| match found {
        Found::File(path) => load_file(&path).map(|(doc, _)| (path, doc)),
        Found::Refused(error) => Err(error),
    })
}

/// The files under `root` as the screen opens on them: each found file named by its head, the
/// first one read whole (the cursor opens on its first section); the others are left to
/// [`ReadJob`]s for the background.
pub fn open_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    let found = discover(root)?;
    let canonical = canonical_paths(&found);
    let jobs = found.into_iter().zip(canonical);
    let mut files = on_every_core(jobs.collect(), |(found, canonical)| {
        let entry = match found {
            Found::File(path) => {
                let head = read_head(&path);
                FileEntry::unread(path, head)
            }
            Found::Refused(error) => FileEntry::broken(error),
        };
        FileEntry { root: root.to_path_buf(), ..entry }.at_canonical(canonical)
    })?;
    if let Some(first) = files.iter_mut().find(|f| f.is_unread()) {
        let job =
            ReadJob { file: 0, path: first.path.clone(), root: first.root.clone(), canonical: first.canonical.clone() };
        *first = read_entry(&job);
    }
    Ok(files)
}

/// One file read whole: its document or its problems, whether it may be written, its stamp.
pub fn read_entry(job: &ReadJob) -> FileEntry {
    let ReadJob { path, root, canonical, .. } = job;
    let entry = match load_file(path) {
        Ok((doc, text)) => {
            let metadata = std::fs::metadata(path).ok();
            let mut entry = FileEntry::loaded(path.clone(), doc, text);
            entry.read_only = !is_writable(path);
            entry.disk_stamp = metadata.as_ref().and_then(disk_stamp);
            entry
        }
        Err(error) => FileEntry::broken(error),
    };
    FileEntry { root: root.clone(), ..entry }.at_canonical(canonical.clone())
}

/// The stamp of a file's metadata (see [`DiskStamp`]).
pub fn disk_stamp(metadata: &std::fs::Metadata) -> Option<DiskStamp> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.modified().ok()?, metadata.len(), metadata.ino()))
}

/// Each found path with its links resolved: its folder's (resolved once a folder), unless the
/// file itself is a link.
fn canonical_paths(found: &[Found]) -> Vec<PathBuf> {
    let mut folders: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    found
        .iter()
        .map(|f| {
            let path = f.path();
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            let (Some(folder), Some(name), false) = (path.parent(), path.file_name(), link) else {
                return canonical_path(path);
            };
            let resolved = folders.entry(folder.to_path_buf()).or_insert_with(|| std::fs::canonicalize(folder).ok());
            resolved.as_ref().map_or_else(|| canonical_path(path), |dir| dir.join(name))
        })
        .collect()
}

/// `work` done on every item, the items shared out over every core, the order kept.
fn on_every_core<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> std::io::Result<Vec<R>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = items.len().div_ceil(threads).max(1);
    let mut parts: Vec<Vec<T>> = Vec::new();
    let mut rest = items.into_iter().peekable();
    while rest.peek().is_some() {
        parts.push(rest.by_ref().take(chunk).collect());
    }
    let work = &work;
    let done: Vec<std::thread::Result<Vec<R>>> = std::thread::scope(|scope| {
        let workers: Vec<_> =
            parts.into_iter().map(|part| scope.spawn(move || part.into_iter().map(work).collect())).collect();
        workers.into_iter().map(std::thread::ScopedJoinHandle::join).collect()
    });
    let mut out = Vec::new();
    for part in done {
        // A reader that panicked is a defect, not a file problem: say so rather than show fewer files.
        out.extend(part.map_err(|_| std::io::Error::other("a file reader stopped unexpectedly"))?);
    }
    Ok(out)
}
