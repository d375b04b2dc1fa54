//! Finding data files, reading them, and writing them so that a crash never leaves a torn file.

use std::fs;
use std::io;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::problem::{LoadError, Problem, ProblemKind};

/// Larger than any table an office writes (the seed is 9 KB); a bigger file is refused before it
/// is read, so that a mistaken path cannot fill the memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A YAML path: where data lives, never where an export goes.
pub fn is_data_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// A data file found under the folder, or a path there that must be reported instead of read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    File(PathBuf),
    Refused(LoadError),
}

fn refused(path: &Path, kind: ProblemKind) -> Found {
    Found::Refused(LoadError { path: path.to_path_buf(), problems: vec![Problem::at(None, kind)] })
}

/// The `*.yaml` files under `root` (or `root` itself when it is a file), sorted by path so the
/// tree shows them in a stable order. Paths that are not plain files inside `root` (a FIFO, a
/// folder named `x.yaml`, a link leading out of the data folder) are reported, not opened.
pub fn discover(root: &Path) -> io::Result<Vec<Found>> {
    Ok(discover_resolved(root)?.into_iter().map(|(found, _)| found).collect())
}

/// [`discover`], with each file's path with links resolved where the walk learned it for
/// nothing (a plain file in a folder it resolved anyway); `None` where it must be asked.
pub fn discover_resolved(root: &Path) -> io::Result<Vec<(Found, Option<PathBuf>)>> {
    let metadata = fs::metadata(root)?;
    if !metadata.is_dir() || is_data_path(root) {
        return Ok(vec![(check_entry(root, &data_home(root)?), None)]);
    }
    let top = fs::canonicalize(root)?;
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        // Once a folder, not once a file: a city is thousands of files in hundreds of folders.
        let resolved = fs::canonicalize(&dir).ok().filter(|folder| folder.starts_with(&top));
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue; // .git, lock files, editor swap files, our own temporary files
            }
            let is_yaml = is_data_path(&path);
            let kind = entry.file_type()?;
            if kind.is_dir() && !is_yaml {
                pending.push(path);
            } else if let (true, true, Some(folder)) = (is_yaml, kind.is_file(), &resolved) {
                // A plain file (not a link) in a folder inside: what `check_entry` would find.
                found.push((Found::File(path), Some(folder.join(entry.file_name()))));
            } else if is_yaml {
                found.push((check_entry(&path, &top), None));
            }
        }
    }
    found.sort_by(|a, b| a.0.path().cmp(b.0.path()));
    Ok(found)
}

impl Found {
    pub fn path(&self) -> &Path {
        match self {
            Found::File(p) => p,
            Found::Refused(e) => &e.path,
        }
    }
}

fn check_entry(path: &Path, top: &Path) -> Found {
    match check_place(path, top) {
        Ok(()) => Found::File(path.to_path_buf()),
        Err(Misplaced::Outside(target)) => {
            refused(path, ProblemKind::LinkOutside { target: target.display().to_string() })
        }
        Err(Misplaced::NotAFile(what)) => refused(path, ProblemKind::NotAFile { what }),
        Err(Misplaced::Io(e)) => refused(path, ProblemKind::Read { detail: e.to_string() }),
    }
}

/// The folder a data root stands for: the folder itself, or the folder of a single data file.
/// Data files are read and written only inside it (links out of it are refused).
pub fn data_home(root: &Path) -> io::Result<PathBuf> {
    if fs::metadata(root).is_ok_and(|m| m.is_dir()) && !is_data_path(root) {
        return fs::canonicalize(root);
    }
    fs::canonicalize(root.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")))
}

/// What stands at a data file's path now that hyoka must not write through.
#[derive(Debug)]
pub enum Misplaced {
    /// A link (or a folder on the way) that leads out of the data folder, to `target`.
    Outside(PathBuf),
    /// "folder", "fifo" or "special".
    NotAFile(&'static str),
    Io(io::Error),
}

/// The rules `discover` applied at start, checked again on the path as it is now: inside `home`
/// (see [`data_home`]) and a plain file, or not there at all (a save may create it again).
/// Nothing here opens the file, so nothing here can block.
pub fn check_place(path: &Path, home: &Path) -> Result<(), Misplaced> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let folder = fs::canonicalize(folder).map_err(Misplaced::Io)?;
    if !folder.starts_with(home) {
        return Err(Misplaced::Outside(folder));
    }
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let target = fs::canonicalize(path).map_err(Misplaced::Io)?;
            if !target.starts_with(home) {
                return Err(Misplaced::Outside(target));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Misplaced::Io(e)),
        Ok(_) => {}
    }
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(m) => Err(Misplaced::NotAFile(kind_of(&m))),
        Err(e) => Err(Misplaced::Io(e)),
    }
}

pub(crate) fn kind_of(metadata: &fs::Metadata) -> &'static str {
    if metadata.is_dir() {
        "folder"
    } else if metadata.file_type().is_fifo() {
        "fifo"
    } else {
        "special"
    }
}

/// Opens a path that must be a plain file without ever blocking: `O_NONBLOCK` makes opening a
/// named pipe return at once (a pipe without a reader refuses a writer), and the type is checked
/// on what was opened, so a file swapped between a check and the open is caught too.
pub(crate) fn open_plain(path: &Path, write: bool) -> io::Result<fs::File> {
    let file = fs::OpenOptions::new().read(!write).append(write).custom_flags(libc::O_NONBLOCK).open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NOT_A_FILE));
    }
    Ok(file)
}

const NOT_A_FILE: &str = "not a plain file";

/// Whether we may write the file: its permission bits allow it for us (root included, who could
/// write anyway: a file the office made read-only is treated as such).
pub fn is_writable(path: &Path) -> bool {
    let Ok(metadata) = fs::metadata(path) else { return false };
    metadata.is_file() && !metadata.permissions().readonly() && open_plain(path, true).is_ok()
}

/// The absolute, link-free form of a path; for a file that does not exist (yet), its folder's.
pub fn canonical_path(path: &Path) -> PathBuf {
    if let Ok(found) = std::fs::canonicalize(path) {
        return found;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent().map(std::fs::canonicalize), absolute.file_name()) {
        (Some(Ok(dir)), Some(name)) => dir.join(name),
        _ => absolute,
    }
}
