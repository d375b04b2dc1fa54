//! The recovery journals on disk, like vim's swap files: each running hyoka keeps its own under
//! `$XDG_STATE_HOME/hyoka/` (or `~/.local/state/hyoka/`), marked as alive by a lock it holds, so
//! that two hyokas of one login never overwrite or offer each other's work, and a journal is
//! offered only once the hyoka that wrote it is gone.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::{MetadataExt as _, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::app::journal::{format_journal, parse_journal};
use crate::app::{JournalEntry, LeftJournal};

/// Where journals are kept.
pub fn journal_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME").filter(|p| !p.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").filter(|p| !p.is_empty()).map(|home| PathBuf::from(home).join(".local").join("state"))
    })?;
    Some(base.join("hyoka"))
}

const SUFFIX: &str = ".journal";

pub struct Journals {
    dir: PathBuf,
    /// "PID-START": names this hyoka's journals and its lock.
    owner: String,
    /// Held while hyoka runs: the sign that our journals are alive.
    _alive: File,
    /// What each of our journal files holds now, to write only when that changes.
    written: HashMap<PathBuf, String>,
}

/// FNV-1a: a stable short name for a data file's path, without another dependency.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The file whose lock marks the hyoka `owner` ("PID-START") as alive.
pub fn lock_name(owner: &str) -> String {
    format!(".{owner}.alive")
}

/// The hyoka ("PID-START") that wrote the journal named `name`, if it is a journal.
pub fn journal_owner(name: &str) -> Option<String> {
    name.strip_suffix(SUFFIX)
        .and_then(|n| n.rsplit_once('-'))
        .and_then(|(rest, start)| rest.rsplit_once('-').map(|(_, pid)| format!("{pid}-{start}")))
}

impl Journals {
    /// Opens the journal folder (private to the user) and marks this hyoka alive in it.
    pub fn open(dir: PathBuf) -> std::io::Result<Journals> {
        if !dir.exists() {
            fs::create_dir_all(&dir)?;
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))?;
        }
        let start = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let owner = format!("{}-{start}", std::process::id());
        let path = dir.join(lock_name(&owner));
        let mut tries = 0;
        let alive = loop {
            let alive = OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
            alive.try_lock().map_err(std::io::Error::other)?;
            // Another hyoka sweeping the folder may have taken the file away between our open and
            // our lock (it found it unlocked): a lock on a file nobody sees marks nothing alive.
            let same =
                fs::metadata(&path).is_ok_and(|on_disk| alive.metadata().is_ok_and(|ours| ours.ino() == on_disk.ino()));
            tries += 1;
            if same || tries == 3 {
                break alive;
            }
        };
        let journals = Journals { dir, owner, _alive: alive, written: HashMap::new() };
        journals.sweep();
        Ok(journals)
    }

    /// Takes away what hyokas of this account that are gone left here: their lock files (nobody
    /// holds them) and the temporary files of journals written half-way. Returns how many.
    pub fn sweep(&self) -> usize {
        let mut removed = hyoka_data::store::remove_leftovers(&self.dir).len();
        let Ok(listing) = fs::read_dir(&self.dir) else { return removed };
        for name in listing.flatten().map(|e| e.file_name().to_string_lossy().into_owned()) {
            let owner = name.strip_prefix('.').and_then(|n| n.strip_suffix(".alive"));
            if let Some(owner) = owner.filter(|o| *o != self.owner)
                && !self.is_alive(owner)
            {
                removed += 1;
            }
        }
        removed
    }

    /// Journals of hyokas that are gone which cannot be read or understood, with why: named at
    /// start, never passed over in silence.
    pub fn unreadable(&self) -> Vec<(PathBuf, String)> {
        let Ok(listing) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut out = Vec::new();
        for path in listing.filter_map(|e| e.ok().map(|e| e.path())) {
            let Some(owner) = path.file_name().and_then(|n| journal_owner(&n.to_string_lossy())) else { continue };
            if owner == self.owner || self.is_alive(&owner) {
                continue;
            }
            match fs::read_to_string(&path) {
                Err(e) => out.push((path, e.to_string())),
                Ok(text) if parse_journal(&text).is_none() => out.push((path, "not a journal hyoka can read".into())),
                Ok(_) => {}
            }
        }
        out.sort();
        out
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This hyoka's journal for a data file (by its canonical path).
    pub fn path_for(&self, data_file: &Path) -> PathBuf {
        let stem = data_file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let key = hash(&data_file.to_string_lossy());
        self.dir.join(format!("{stem}-{key:016x}-{}{SUFFIX}", self.owner))
    }

    /// Brings our journals up to date: written where there is unsaved work, removed where not.
    pub fn write(&mut self, entries: &[JournalEntry]) -> std::io::Result<()> {
        for entry in entries {
            let path = self.path_for(&entry.path);
            let Some(work) = &entry.work else {
                if self.written.remove(&path).is_some() {
                    let _ = fs::remove_file(&path);
                }
                continue;
            };
            let text = format_journal(&entry.path, work);
            if self.written.get(&path) == Some(&text) {
                continue;
            }
            write_private(&path, text.as_bytes())?;
            self.written.insert(path, text);
        }
        Ok(())
    }

    /// Throws away a journal the user decided against (one of a hyoka that is gone).
    pub fn discard(&mut self, path: &Path) {
        self.written.remove(path);
        let _ = fs::remove_file(path);
    }

    /// Journals left by hyokas that are gone (the state matches them to the files open).
    pub fn left_behind(&self) -> Vec<LeftJournal> {
        let Ok(listing) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut found = Vec::new();
        for path in listing.filter_map(|e| e.ok().map(|e| e.path())) {
            let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
            let Some(owner) = journal_owner(&name) else { continue };
            if owner == self.owner || self.is_alive(&owner) {
                continue;
            }
            let Ok(text) = fs::read_to_string(&path) else { continue };
            let Some(content) = parse_journal(&text) else { continue };
            let written = fs::metadata(&path).and_then(|m| m.modified()).ok();
            let moved = !content.file.exists();
            found.push(LeftJournal { path, content, written, moved });
        }
        found
    }

    /// Whether the hyoka that owns journals by this name still runs (holds its lock).
    fn is_alive(&self, owner: &str) -> bool {
        let lock = self.dir.join(lock_name(owner));
        let Ok(file) = OpenOptions::new().write(true).open(&lock) else { return false };
        match file.try_lock() {
            Ok(()) => {
                // Nobody holds it: that hyoka is gone; its lock file goes too.
                let _ = fs::remove_file(&lock);
                false
            }
            Err(_) => true,
        }
    }
}

impl Drop for Journals {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.dir.join(lock_name(&self.owner)));
    }
}

/// Unsaved drafts are the user's own business until saved: 0600, written atomically.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    hyoka_data::store::write_atomically(path, bytes)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))
}
