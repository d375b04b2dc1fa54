//! An exclusive lock per data file while it is saved: `.2008.yaml.lock` next to `2008.yaml`,
//! shared by every account that may write the data file, whatever its umask.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::identity::name_of_uid;

/// Held while a save reads, merges and writes; the lock file goes when it is dropped.
#[derive(Debug)]
pub struct SaveLock {
    file: File,
    path: PathBuf,
}

/// Who holds a lock: the account and the process (from the system's table of locks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub login: String,
    pub pid: u32,
}

/// Why the lock was not had. Every case names the lock file.
#[derive(Debug)]
pub enum LockRefused {
    /// Another save holds it, for longer than we waited.
    Busy { lock: PathBuf, holder: Option<Holder> },
    /// The lock file cannot be opened, nobody holds it, and we may not clear it away.
    Unusable { lock: PathBuf, owner: String, why: io::Error },
    /// A named pipe, a link or a folder stands where the lock file belongs.
    NotAFile { lock: PathBuf },
    /// The folder itself refused (it vanished, or we may not create the lock file in it).
    Io { lock: PathBuf, why: io::Error },
}

impl LockRefused {
    pub fn lock_file(&self) -> &Path {
        match self {
            LockRefused::Busy { lock, .. }
            | LockRefused::Unusable { lock, .. }
            | LockRefused::NotAFile { lock }
            | LockRefused::Io { lock, .. } => lock,
        }
    }
}

pub fn lock_path(data_file: &Path) -> PathBuf {
    let name = data_file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    data_file.with_file_name(format!(".{name}.lock"))
}

/// Waits up to `patience` for the lock of `data_file`.
pub fn lock(data_file: &Path, patience: Duration) -> Result<SaveLock, LockRefused> {
    let path = lock_path(data_file);
    let start = Instant::now();
    loop {
        let file = match open_lock_file(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                // A lock file we may not read: left by a save under a strict umask, or by an older
                // hyoka. Held by a live save, it is waited for; otherwise it is stale and goes.
                match fs::symlink_metadata(&path) {
                    Ok(meta) if holder(&meta).is_some() => {
                        if start.elapsed() >= patience {
                            return Err(LockRefused::Busy { holder: holder(&meta), lock: path });
                        }
                        std::thread::sleep(Duration::from_millis(50));
                        continue;
                    }
                    Ok(meta) => match fs::remove_file(&path) {
                        Ok(()) => continue,
                        Err(why) if why.kind() == io::ErrorKind::NotFound => continue,
                        Err(_) => {
                            return Err(LockRefused::Unusable { owner: name_of_uid(meta.uid()), lock: path, why: e });
                        }
                    },
                    Err(_) => continue,
                }
            }
            Err(e) if is_not_a_file(&e) => return Err(LockRefused::NotAFile { lock: path }),
            Err(why) => return Err(LockRefused::Io { lock: path, why }),
        };
        // An advisory lock (flock) of a file opened for reading: no account needs to write the lock
        // file, and the system releases it when its holder dies (kill -9, a dropped SSH link).
        match file.try_lock() {
            Ok(()) => {
                // The holder before us removes the file when done; if it did so between our open and
                // our lock, we locked a file nobody else will see: start again on the new one.
                let same = fs::metadata(&path).is_ok_and(|on_disk| {
                    file.metadata().is_ok_and(|ours| ours.ino() == on_disk.ino() && ours.dev() == on_disk.dev())
                });
                if same {
                    return Ok(SaveLock { file, path });
                }
            }
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(why)) => return Err(LockRefused::Io { lock: path, why }),
        }
        if start.elapsed() >= patience {
            let holder = file.metadata().ok().as_ref().and_then(holder);
            return Err(LockRefused::Busy { lock: path, holder });
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Opens the lock file for reading, creating it (readable by the folder's group) when missing.
/// Never blocks, never follows a link: a lock file someone replaced by a named pipe or a link is
/// refused instead of waited on or written through.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let flags = libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_CLOEXEC;
    let file =
        match OpenOptions::new().read(true).write(true).create_new(true).mode(0o644).custom_flags(flags).open(path) {
            Ok(created) => {
                let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                super::shared::share_as_folder(&created, folder)?;
                // Read by the colleagues, written by nobody: drop the write descriptor for a read one.
                drop(created);
                OpenOptions::new().read(true).custom_flags(flags).open(path)?
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                OpenOptions::new().read(true).custom_flags(flags).open(path)?
            }
            Err(e) => return Err(e),
        };
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NOT_A_FILE));
    }
    Ok(file)
}

const NOT_A_FILE: &str = "the lock file is not a plain file";

fn is_not_a_file(e: &io::Error) -> bool {
    // ELOOP: a link in the lock file's place (O_NOFOLLOW).
    e.raw_os_error() == Some(libc::ELOOP) || e.to_string().contains(NOT_A_FILE)
}

/// The process holding an advisory lock on this file, from the system's table (`/proc/locks`).
pub fn holder(meta: &fs::Metadata) -> Option<Holder> {
    let table = fs::read_to_string("/proc/locks").ok()?;
    let dev = meta.dev();
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    let wanted = format!("{major:02x}:{minor:02x}:{}", meta.ino());
    table.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; waiting requests have "->" in second place.
        if fields.get(1) != Some(&"FLOCK") || fields.get(5) != Some(&wanted.as_str()) {
            return None;
        }
        let pid: u32 = fields.get(4)?.parse().ok()?;
        // Where other accounts' processes are hidden (hidepid), the lock file's owner: who made it.
        let uid = fs::metadata(format!("/proc/{pid}")).map_or(meta.uid(), |m| m.uid());
        let login = name_of_uid(uid);
        Some(Holder { login, pid })
    })
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        // Remove first, unlock after: a waiter that then locks the old file sees it is gone. In a
        // folder with the sticky bit only its creator may remove it: it then stays, harmless, since
        // the next save opens it for reading.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_names_the_holder_and_the_file_goes_afterwards() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = dir.path().join("2008.yaml");
        let first = lock(&data, Duration::ZERO).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(dir.path().join(".2008.yaml.lock").exists());
        match lock(&data, Duration::from_millis(100)) {
            Err(LockRefused::Busy { lock, holder }) => {
                assert_eq!(lock, dir.path().join(".2008.yaml.lock"));
                assert_eq!(holder.map(|h| h.pid), Some(std::process::id()), "this process holds it");
            }
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(!dir.path().join(".2008.yaml.lock").exists());
        assert!(lock(&data, Duration::ZERO).is_ok());
    }

    #[test]
    fn a_lock_file_nobody_may_read_and_nobody_holds_is_cleared_away() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = dir.path().join("2008.yaml");
        let stale = lock_path(&data);
        fs::write(&stale, "").unwrap_or_else(|e| panic!("{e}"));
        fs::set_permissions(&stale, fs::Permissions::from_mode(0o000)).unwrap_or_else(|e| panic!("{e}"));
        let taken = lock(&data, Duration::ZERO);
        assert!(taken.is_ok(), "{taken:?}");
    }
}
