//! Looking at the open files on disk: what changed since we last read or wrote them.
//!
//! The disk lane is told twice a second which files are open ([`Effect::CheckDisk`]). It watches
//! their folders with the operating system's notification (inotify, through `notify`) and looks
//! at a file only when something happened in its folder: an idle hyoka on a city of 200 files
//! makes no system call for them. Where watching fails (no inotify, its limit reached), the files
//! are looked at every time, as before; and every [`FULL_LOOK`] all of them are, for file systems
//! that report nothing (network shares written from another machine).
//!
//! [`Effect::CheckDisk`]: crate::app::Effect::CheckDisk

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use super::load::disk_stamp;
use super::{Env, Outbox};
use crate::app::{Action, DiskChange, DiskCheck, DiskReport, Effect};
use hyoka_data::store::{LoadError, Problem, ProblemKind, decode, parse_document, read_data_file};

/// How often every open file is looked at even when no notification came.
pub const FULL_LOOK: Duration = Duration::from_secs(30);

/// A report for every file that changed (or went away) since its stamp; nothing for the others.
pub fn check(checks: &[DiskCheck]) -> Vec<DiskReport> {
    checks.iter().filter_map(check_one).collect()
}

fn check_one(check: &DiskCheck) -> Option<DiskReport> {
    let metadata = match std::fs::metadata(&check.path) {
        Ok(m) => m,
        Err(e) if check.gone => {
            let _ = e;
            return None;
        }
        Err(e) => return Some(DiskReport { file: check.file, stamp: None, change: DiskChange::Gone(e.to_string()) }),
    };
    let stamp = disk_stamp(&metadata);
    // A `git pull` that stopped may leave the file as it was (ours kept in the fields both sides
    // changed): its merge driver's record is what says so.
    let merge_news = !check.merge_known && hyoka_data::git::merge_recorded(&check.path);
    if stamp == check.stamp && !check.gone && !merge_news {
        return None;
    }
    let broken = |problems: Vec<Problem>| DiskChange::Broken(LoadError { path: check.path.clone(), problems });
    let change = match read_data_file(&check.path) {
        Err(e) => broken(vec![Problem::at(None, ProblemKind::Read { detail: e.to_string() })]),
        Ok(bytes) => match decode(bytes) {
            Err(problem) => broken(vec![problem]),
            Ok(text) => match parse_document(&text) {
                Ok(doc) => {
                    let merge =
                        if check.merge_known { Vec::new() } else { hyoka_data::git::merge_waiting(&check.path) };
                    DiskChange::Changed { doc, text, merge }
                }
                Err(problems) => broken(problems),
            },
        },
    };
    Some(DiskReport { file: check.file, stamp, change })
}

/// The disk lane's memory: the folders watched, and what happened in them since the last look.
pub struct Watch {
    /// `None` where the operating system's notification could not be had: every file is looked
    /// at every time.
    watcher: Option<(RecommendedWatcher, Receiver<notify::Result<notify::Event>>)>,
    /// Each folder asked for: whether it is watched.
    folders: HashMap<PathBuf, bool>,
    /// The folders a file's changes show up in: its own, and its target's if it is a link.
    homes: HashMap<PathBuf, Vec<PathBuf>>,
    /// Files something happened to (in one of their folders) since they were last looked at.
    stirred: HashSet<PathBuf>,
    last_full_look: Option<Instant>,
    full_look: Duration,
}

impl Default for Watch {
    fn default() -> Self {
        Watch::new()
    }
}

impl Watch {
    pub fn new() -> Watch {
        let (sender, events) = channel();
        let watcher = notify::recommended_watcher(sender).ok().map(|w| (w, events));
        Watch::with(watcher)
    }

    /// Without notifications: the fallback, every file looked at every time.
    pub fn polling() -> Watch {
        Watch::with(None)
    }

    fn with(watcher: Option<(RecommendedWatcher, Receiver<notify::Result<notify::Event>>)>) -> Watch {
        Watch {
            watcher,
            folders: HashMap::new(),
            homes: HashMap::new(),
            stirred: HashSet::new(),
            last_full_look: None,
            full_look: FULL_LOOK,
        }
    }

    /// With the full look this often instead of every [`FULL_LOOK`] (for tests).
    pub fn with_full_look(mut self, every: Duration) -> Watch {
        self.full_look = every;
        self
    }

    /// Whether the files are watched rather than polled (for tests and the benches).
    pub fn is_watching(&self) -> bool {
        self.watcher.is_some() && self.folders.values().all(|&watched| watched)
    }

    /// The reports for the files that changed, looking only at those whose folder stirred (or that
    /// are new to the watch, or cannot be watched, or are due for the full look).
    pub fn check(&mut self, checks: &[DiskCheck]) -> Vec<DiskReport> {
        // What happened before this moment is taken first: a change right after is seen next time.
        self.take_events();
        let full = self.last_full_look.is_none_or(|at| at.elapsed() >= self.full_look);
        if full {
            self.last_full_look = Some(Instant::now());
        }
        let due: Vec<DiskCheck> = checks.iter().filter(|check| self.due(&check.path) || full).cloned().collect();
        // Files left out of this look (one being saved) stay stirred for the next.
        for check in &due {
            self.stirred.remove(&check.path);
        }
        check(&due)
    }

    /// Whether a file must be looked at: new to the watch, in a folder not watched, or stirred.
    fn due(&mut self, path: &Path) -> bool {
        let new = !self.homes.contains_key(path);
        if new {
            let homes = homes_of(path);
            for home in &homes {
                self.watch_folder(home);
            }
            self.homes.insert(path.to_path_buf(), homes);
        }
        let homes = self.homes.get(path).map(Vec::as_slice).unwrap_or_default();
        new || self.stirred.contains(path) || homes.iter().any(|home| !self.folders.get(home).copied().unwrap_or(false))
    }

    fn watch_folder(&mut self, folder: &Path) {
        if self.folders.contains_key(folder) {
            return;
        }
        let watched = match &mut self.watcher {
            Some((watcher, _)) => watcher.watch(folder, RecursiveMode::NonRecursive).is_ok(),
            None => false,
        };
        self.folders.insert(folder.to_path_buf(), watched);
    }

    fn take_events(&mut self) {
        let Some((_, events)) = &self.watcher else { return };
        let mut folders = HashSet::new();
        let mut everything = false;
        for event in events.try_iter() {
            match event {
                Ok(event) if !event.need_rescan() => {
                    // The folder of what changed, or the folder itself (removed or moved away).
                    folders.extend(event.paths.iter().filter_map(|p| p.parent().map(Path::to_path_buf)));
                    folders.extend(event.paths.iter().cloned());
                }
                // Events were lost (the queue overflowed) or the watch broke: every file is looked at.
                _ => everything = true,
            }
        }
        for (file, homes) in &self.homes {
            if everything || homes.iter().any(|home| folders.contains(home)) {
                self.stirred.insert(file.clone());
            }
        }
    }
}

/// The folders a change of `path` is reported in: its own, and that of the file it links to.
fn homes_of(path: &Path) -> Vec<PathBuf> {
    let own = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The notification may name the folder as it was given or as the system resolves it.
    let resolved = std::fs::canonicalize(&own).ok();
    let target = std::fs::canonicalize(path).ok().and_then(|t| t.parent().map(Path::to_path_buf));
    // git's own folder too: a merge that stops is seen there even when the file stays the same.
    let git_dir = hyoka_data::git::git_dir_of(path).map(|(dir, _)| dir);
    let mut homes = vec![own];
    for home in [resolved, target, git_dir].into_iter().flatten() {
        if !homes.contains(&home) {
            homes.push(home);
        }
    }
    homes
}

/// The disk lane: a thread with its [`Watch`], fed the `CheckDisk` effects.
pub fn lane(outbox: Outbox, env: Env) -> Sender<Effect> {
    let (sender, receiver) = channel::<Effect>();
    let spawned = std::thread::Builder::new().name("hyoka-disk".to_owned()).spawn(move || {
        let mut watch = Watch::new();
        for effect in receiver {
            let actions = match effect {
                Effect::CheckDisk(checks) => {
                    super::supervise::supervised(Effect::CheckDisk(Vec::new().into()), env.lang, || {
                        watch.check(&checks).into_iter().map(|report| Action::DiskChanged(Box::new(report))).collect()
                    })
                }
                other => super::supervise::perform_supervised(other, &env),
            };
            for action in actions {
                outbox(action);
            }
        }
    });
    // Without the thread the receiver goes with the closure, and the first send says so.
    drop(spawned);
    sender
}
