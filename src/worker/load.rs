//! Reading the data files hyoka opens. The screen opens on the folder's layout and each file's
//! head (organisation and fiscal year) with the first file read whole; the rest are read in the
//! background (`read.rs`). The commands read every file at once, on every core.

use std::path::{Path, PathBuf};

use crate::app::{DiskStamp, FileEntry, ReadJob};
use hyoka_core::model::Document;
use hyoka_data::store::{
    Found, LoadError, Problem, ProblemKind, canonical_path, discover, discover_resolved, is_writable, load_into,
    read_head,
};

/// Loads every data file under `root`; broken files are kept, to be shown with their errors.
/// The files are read and parsed on every core, in the order found.
pub fn load_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    let found = with_canonical_paths(discover_resolved(root)?);
    let files = on_every_core(found, |buffer, (found, canonical)| match found {
        Found::File(path) => read_entry(&ReadJob { file: 0, path, root: root.to_path_buf(), canonical }, buffer),
        Found::Refused(error) => {
            FileEntry { root: root.to_path_buf(), ..FileEntry::broken(error) }.at_canonical(canonical)
        }
    })?;
    Ok(files)
}

/// Every data file under `root` read and validated, and nothing else looked up (no link
/// resolved, no permission or stamp asked, no fingerprint kept): what `hyoka check` needs. Each
/// with its document, or its problems. One thread, one buffer for every file: a check runs where
/// every core may be busy (a server's commit hook), and there a second thread only adds its own
/// cost (a heap of its own, grown page by page) to the same work.
pub fn check_workspace(root: &Path) -> std::io::Result<Vec<Result<(PathBuf, Document), LoadError>>> {
    let mut buffer = Vec::new();
    let read = |found| match found {
        Found::File(path) => load_into(&path, &mut buffer).map(|(doc, _, _)| (path, doc)),
        Found::Refused(error) => Err(error),
    };
    Ok(discover(root)?.into_iter().map(read).collect())
}

/// The files under `root` as the screen opens on them: each found file named by its head, the
/// first one read whole (the cursor opens on its first section); the others are left to
/// [`ReadJob`]s for the background.
pub fn open_workspace(root: &Path) -> std::io::Result<Vec<FileEntry>> {
    let found = with_canonical_paths(discover_resolved(root)?);
    let mut files = on_every_core(found, |_: &mut (), (found, canonical)| {
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
        *first = read_entry(&job, &mut Vec::new());
    }
    Ok(files)
}

/// One file read whole (its text into `buffer`, kept for the next file): its document or its
/// problems, whether it may be written, its stamp.
pub fn read_entry(job: &ReadJob, buffer: &mut Vec<u8>) -> FileEntry {
    let ReadJob { path, root, canonical, .. } = job;
    let entry = match load_into(path, buffer) {
        Ok((doc, text, metadata)) => {
            let mut entry = FileEntry::loaded(path.clone(), doc, text);
            entry.read_only = !is_writable(path);
            // The stamp of what was read, not of what may be there a moment later.
            entry.disk_stamp = disk_stamp(&metadata);
            entry
        }
        Err(error) => FileEntry::broken(error),
    };
    FileEntry { root: root.clone(), ..entry }.at_canonical(canonical.clone())
}

/// The file as shown when it could not be read, and why.
pub fn not_read(job: &ReadJob, why: &str) -> FileEntry {
    let problems = vec![Problem::at(None, ProblemKind::Read { detail: why.to_owned() })];
    let entry = FileEntry::broken(LoadError { path: job.path.clone(), problems });
    FileEntry { root: job.root.clone(), ..entry }.at_canonical(job.canonical.clone())
}

/// The stamp of a file's metadata (see [`DiskStamp`]).
pub fn disk_stamp(metadata: &std::fs::Metadata) -> Option<DiskStamp> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.modified().ok()?, metadata.len(), metadata.ino()))
}

/// Each found path with its links resolved: as the walk learned it, else asked (a link, a file
/// given alone, one refused).
fn with_canonical_paths(found: Vec<(Found, Option<PathBuf>)>) -> Vec<(Found, PathBuf)> {
    found
        .into_iter()
        .map(|(found, canonical)| {
            let canonical = canonical.unwrap_or_else(|| canonical_path(found.path()));
            (found, canonical)
        })
        .collect()
}

/// `work` done on every item, the items shared out over every core, the order kept; each thread
/// has a state of its own for its items (a buffer to read into). The first share is done on the
/// calling thread: one thread fewer to start, and its memory comes from the process's main heap
/// (a started thread's heap grows and shrinks with many more calls to the system).
fn on_every_core<T: Send, R: Send, S: Default>(
    items: Vec<T>,
    work: impl Fn(&mut S, T) -> R + Sync,
) -> std::io::Result<Vec<R>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = items.len().div_ceil(threads).max(1);
    let mut parts: Vec<Vec<T>> = Vec::new();
    let mut rest = items.into_iter().peekable();
    while rest.peek().is_some() {
        parts.push(rest.by_ref().take(chunk).collect());
    }
    let run = |part: Vec<T>| -> Vec<R> {
        let mut state = S::default();
        part.into_iter().map(|item| work(&mut state, item)).collect()
    };
    let mut parts = parts.into_iter();
    let first = parts.next();
    let run = &run;
    let (first, others): (Vec<R>, Vec<std::thread::Result<Vec<R>>>) = std::thread::scope(|scope| {
        let workers: Vec<_> = parts.map(|part| scope.spawn(move || run(part))).collect();
        let first = first.map(run).unwrap_or_default();
        (first, workers.into_iter().map(std::thread::ScopedJoinHandle::join).collect())
    });
    let mut out = first;
    for part in others {
        // A reader that panicked is a defect, not a file problem: say so rather than show fewer files.
        out.extend(part.map_err(|_| std::io::Error::other("a file reader stopped unexpectedly"))?);
    }
    Ok(out)
}
