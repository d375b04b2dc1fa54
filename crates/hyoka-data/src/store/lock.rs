//! An exclusive lock per data file while it is saved: `.2008.yaml.lock` next to `2008.yaml`.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Held while a save reads, merges and writes; the lock file goes when it is dropped.
#[derive(Debug)]
pub struct SaveLock {
    file: File,
    path: PathBuf,
}

pub fn lock_path(data_file: &Path) -> PathBuf {
    let name = data_file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    data_file.with_file_name(format!(".{name}.lock"))
}

/// Waits up to `patience` for the lock of `data_file`.
pub fn lock(data_file: &Path, patience: Duration) -> io::Result<SaveLock> {
    let path = lock_path(data_file);
    let start = Instant::now();
    loop {
        // Never blocks, never follows a link: a lock file someone replaced by a named pipe or a link
        // is refused instead of waited on or written through.
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
            .open(&path)?;
        if !file.metadata()?.is_file() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "the lock file is not a plain file"));
        }
        // An advisory lock (flock) belongs to the open file of a running process: when its holder
        // dies (kill -9, a dropped SSH link), the system releases it and the next save takes it.
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
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        if start.elapsed() >= patience {
            return Err(io::Error::new(io::ErrorKind::WouldBlock, "another hyoka is saving this file"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        // Remove first, unlock after: a waiter that then locks the old file sees it is gone.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_and_the_file_goes_afterwards() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = dir.path().join("2008.yaml");
        let first = lock(&data, Duration::ZERO).unwrap_or_else(|e| panic!("{e}"));
        assert!(dir.path().join(".2008.yaml.lock").exists());
        let second = lock(&data, Duration::from_millis(100));
        assert_eq!(second.map(|_| ()).map_err(|e| e.kind()), Err(io::ErrorKind::WouldBlock));
        drop(first);
        assert!(!dir.path().join(".2008.yaml.lock").exists());
        assert!(lock(&data, Duration::ZERO).is_ok());
    }
}
