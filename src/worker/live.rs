//! Work held by another live hyoka of the same account, as vim's swap file shows it: a frozen
//! laptop's SSH session keeps its hyoka, and its unsaved text, on the server. Found from the
//! journals of hyokas whose alive-lock is still held, and handed over by asking that hyoka (one's
//! own process) to write its journal and quit.

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::journal::{journal_owner, lock_name};
use crate::app::FileEntry;
use crate::app::journal::{differences, parse_journal};

/// Unsaved work of another running hyoka on a file about to be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveWork {
    pub pid: u32,
    /// The data file, as opened now.
    pub file: PathBuf,
    /// The terminal it runs in (`/dev/pts/3`), when the system says.
    pub terminal: Option<String>,
    pub since: Option<SystemTime>,
    /// How many fields its work changed.
    pub fields: usize,
    owner: String,
}

/// Every piece of unsaved work a live hyoka holds in `dir` for one of `files`.
pub fn live_work(dir: &Path, files: &[FileEntry]) -> Vec<LiveWork> {
    let mut found = Vec::new();
    for path in fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()) {
        let Some(owner) = path.file_name().and_then(|n| journal_owner(&n.to_string_lossy())) else { continue };
        if !alive(dir, &owner) {
            continue;
        }
        let Some(content) = fs::read_to_string(&path).ok().as_deref().and_then(parse_journal) else { continue };
        let Some(entry) = files.iter().find(|f| f.canonical == content.file) else { continue };
        let fields = differences(&content.work.base, &content.work.mine).len();
        if fields == 0 && content.work.pending.is_empty() {
            continue;
        }
        let (pid, start) = owner.split_once('-').unwrap_or((owner.as_str(), ""));
        let Ok(pid) = pid.parse::<u32>() else { continue };
        let since = start.parse::<u64>().ok().map(|nanos| UNIX_EPOCH + Duration::from_nanos(nanos));
        let terminal = fs::read_link(format!("/proc/{pid}/fd/0")).ok().map(|t| t.display().to_string());
        found.push(LiveWork { pid, file: entry.path.clone(), terminal, since, fields, owner });
    }
    found.sort_by_key(|w| (w.file.clone(), w.pid));
    found
}

/// Whether the hyoka `owner` still holds its alive-lock (a lock tried and let go at once).
fn alive(dir: &Path, owner: &str) -> bool {
    OpenOptions::new().read(true).open(dir.join(lock_name(owner))).is_ok_and(|file| file.try_lock().is_err())
}

/// Asks the other hyoka to write its journal and quit (SIGTERM, which it answers so), and waits
/// until it is gone; `false` when it is still there after a while.
pub fn take_over(dir: &Path, work: &LiveWork) -> bool {
    use nix::sys::signal::{Signal, kill};
    let Ok(pid) = i32::try_from(work.pid) else { return false };
    if kill(nix::unistd::Pid::from_raw(pid), Signal::SIGTERM).is_err() {
        return !alive(dir, &work.owner);
    }
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if !alive(dir, &work.owner) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}
