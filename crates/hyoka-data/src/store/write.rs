//! Writing a data file so that nobody ever sees half of it: a new version written and synced
//! beside it, then renamed into its place, with the steps where tests make the disk fail.

use std::fs;
use std::io::{self, Write as _};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The steps of an atomic write, where tests make the disk fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    CreateTemp,
    Write,
    SyncFile,
    Rename,
    SyncDir,
}

/// Decides whether a step of a write fails, and carries out the steps that make a save durable
/// (the syncs and the rename), so that a test can see that they happen and in which order.
/// The real disk never fails on purpose.
pub trait FaultPlan: Sync {
    fn check(&self, step: WriteStep) -> io::Result<()>;

    /// Makes what was written durable: the temporary file (`SyncFile`) or the folder (`SyncDir`).
    fn sync(&self, _step: WriteStep, file: &fs::File) -> io::Result<()> {
        file.sync_all()
    }

    /// Puts the temporary file in the place of the data file.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    /// Between a save's start and its lock: nothing on the real disk. A test writes here what
    /// another clerk saves meanwhile, so that the order is the test's and not the scheduler's.
    fn before_lock(&self, _data_file: &Path) {}
}

/// No injected faults: what hyoka uses outside tests.
pub struct RealDisk;

impl FaultPlan for RealDisk {
    fn check(&self, _: WriteStep) -> io::Result<()> {
        Ok(())
    }
}

/// Replaces `path` with `contents` atomically: a temporary file in the same directory is
/// written and synced, then renamed over the original, then the directory is synced so the
/// rename itself survives a power cut. Readers see the old file or the new one, never a mix.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomically_with(path, contents, &RealDisk)
}

pub fn write_atomically_with(path: &Path, contents: &[u8], faults: &dyn FaultPlan) -> io::Result<()> {
    stage(path, contents, faults)?.put_in_place()
}

/// A new version of a data file, written and synced beside it under a temporary name, not yet
/// in its place: a save writes it while the same bytes are loaded once more on another core,
/// and puts it in place only when they give the document meant. Dropped, it goes.
pub(crate) struct Staged<'f> {
    temp: PathBuf,
    path: PathBuf,
    dir: PathBuf,
    faults: &'f dyn FaultPlan,
    placed: bool,
}

/// Writes and syncs `contents` beside `path` (see [`Staged`]).
pub(crate) fn stage<'f>(path: &Path, contents: &[u8], faults: &'f dyn FaultPlan) -> io::Result<Staged<'f>> {
    // A data file that is a link (inside the data folder) is written through: the link stays.
    let path = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name =
        path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let temp = dir.join(format!(".{}.hyoka-{}.tmp", file_name.to_string_lossy(), std::process::id()));
    faults.check(WriteStep::CreateTemp)?;
    let open = || fs::OpenOptions::new().write(true).create_new(true).open(&temp);
    let mut file = match open() {
        // Left by a process of the same number that was killed: we hold the save lock, so no
        // one else is writing it.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(&temp)?;
            open()?
        }
        other => other?,
    };
    // From here on the temporary file is ours to remove, whatever happens.
    let staged = Staged { temp, path, dir, faults, placed: false };
    match fs::metadata(&staged.path) {
        // Keep the permissions, the group and (where we may) the owner the office gave the file.
        Ok(existing) => {
            file.set_permissions(existing.permissions())?;
            let _ = std::os::unix::fs::fchown(&file, Some(existing.uid()), Some(existing.gid()))
                .or_else(|_| std::os::unix::fs::fchown(&file, None, Some(existing.gid())));
        }
        // A new file is the colleagues' as much as ours, whatever our umask.
        Err(_) => super::shared::share_as_folder(&file, &staged.dir)?,
    }
    faults.check(WriteStep::Write)?;
    file.write_all(contents)?;
    faults.check(WriteStep::SyncFile)?;
    faults.sync(WriteStep::SyncFile, &file)?;
    Ok(staged)
}

impl Staged<'_> {
    /// Renames the new version over the data file, then syncs the folder.
    pub(crate) fn put_in_place(mut self) -> io::Result<()> {
        let faults = self.faults;
        faults.check(WriteStep::Rename)?;
        faults.rename(&self.temp, &self.path)?;
        self.placed = true;
        // The new file is complete and in place; syncing the folder only makes the rename survive a
        // power cut. Some file systems (network shares) refuse it: that is no reason to report a
        // save that happened as failed.
        let _ = faults.check(WriteStep::SyncDir).and_then(|()| {
            let folder =
                fs::OpenOptions::new().read(true).custom_flags(libc::O_DIRECTORY | libc::O_NONBLOCK).open(&self.dir)?;
            faults.sync(WriteStep::SyncDir, &folder)
        });
        Ok(())
    }
}

impl Drop for Staged<'_> {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}
