//! Carries out the effects `update` asks for, off the screen's thread, and sends each outcome
//! back as an action. Saves and exports share one thread (a save may wait seconds for another
//! hyoka's lock); the journal has its own, so that it is written even while a save waits; disk
//! checks have a third; the history view's reading of git a fourth.

pub mod export;
pub mod git;
pub mod history;
pub mod journal;
pub mod live;
pub mod rights;
pub mod save;
pub mod watch;

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, Timelike};

use crate::app::{Action, App, Effect, update};
use crate::i18n::Lang;
use hyoka_data::store::{FaultPlan, RealDisk};
pub use journal::{Journals, journal_dir};

/// Where outcomes go: the screen's event loop (or a test).
pub type Outbox = Arc<dyn Fn(Action) + Send + Sync>;

/// What the effects need from the outside world; tests give a fixed clock and injected faults.
#[derive(Clone)]
pub struct Env {
    pub lang: Lang,
    pub faults: Arc<dyn FaultPlan + Send + Sync>,
    pub clock: fn() -> DateTime<FixedOffset>,
    /// `None` in reviewer mode or where no journal folder can be had.
    pub journals: Option<Arc<Mutex<Journals>>>,
    /// Commit on save (`--commit`, or `git: { commit: true }`); `None` when off.
    pub commits: Option<Arc<Mutex<hyoka_data::git::AutoCommit>>>,
    /// The history view's reader when effects are carried out inline (tests); the screen's
    /// worker has a thread with its own.
    pub history: Arc<Mutex<history::Reader>>,
    /// Where the right to review comes from, looked at again while hyoka runs, and as decided at start.
    pub rights: Option<(rights::RightsSource, crate::app::Rights)>,
}

/// The office's time with its offset (+09:00 in Japan), in whole seconds: the file is read by people.
pub fn now() -> DateTime<FixedOffset> {
    let now = crate::i18n::cycle::office_now();
    now.with_nanosecond(0).unwrap_or(now)
}

impl Env {
    pub fn new(lang: Lang, journals: Option<Journals>) -> Env {
        Env {
            lang,
            faults: Arc::new(RealDisk),
            clock: now,
            journals: journals.map(|j| Arc::new(Mutex::new(j))),
            commits: None,
            history: Arc::new(Mutex::new(history::Reader::new(lang))),
            rights: None,
        }
    }

    /// Writes the journals now, on the calling thread: when the terminal goes or a signal comes,
    /// the work is kept before anything else happens.
    pub fn write_journal_now(&self, app: &App) {
        if let Some(journals) = &self.journals {
            let entries = crate::app::journal_entries(app);
            let mut journals = journals.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let _ = journals.write(&entries);
        }
    }
}

/// Carries out one effect and returns what came of it. Blocking: runs on a worker thread, or
/// inline in tests.
pub fn perform(effect: Effect, env: &Env) -> Vec<Action> {
    match effect {
        Effect::Save(jobs) => jobs.into_iter().flat_map(|job| save_then_git(job, env)).collect(),
        Effect::ResolveMerge(path) => vec![git::resolve(&path, env.lang)],
        Effect::Export(job) => vec![Action::Exported(export::export(job, env.lang))],
        Effect::Journal(entries) => {
            let Some(journals) = &env.journals else { return Vec::new() };
            let mut journals = journals.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            vec![Action::JournalWritten(journals.write(&entries).err().map(|e| e.to_string()))]
        }
        Effect::DiscardJournal(path) => {
            if let Some(journals) = &env.journals {
                journals.lock().unwrap_or_else(std::sync::PoisonError::into_inner).discard(&path);
            }
            Vec::new()
        }
        Effect::CheckDisk(checks) => {
            watch::check(checks).into_iter().map(|report| Action::DiskChanged(Box::new(report))).collect()
        }
        effect @ (Effect::History { .. } | Effect::HistoryDiff { .. }) => {
            env.history.lock().unwrap_or_else(std::sync::PoisonError::into_inner).perform_all(effect)
        }
        Effect::NewYear(job) => vec![new_year(job, env.lang)],
        // The terminal is the event loop's, not ours.
        Effect::Redraw => Vec::new(),
    }
}

/// A save, then what git must hear of it: the commit (when commits are on) and, for a file whose
/// merge conflicts the save decided, that it is resolved. Nothing of git happens after a failed save.
fn save_then_git(job: crate::app::SaveJob, env: &Env) -> Vec<Action> {
    let (path, user, resolve_merge) = (job.path.clone(), job.user.clone(), job.resolve_merge);
    let report = save::save(job, (env.clock)(), env.faults.as_ref());
    let saved = match &report.outcome {
        Ok(hyoka_data::store::Outcome::Saved(saved)) => Some(saved.text.clone()),
        _ => None,
    };
    let mut actions = vec![Action::Saved(Box::new(report))];
    if let Some(text) = saved {
        if let Some(commits) = &env.commits {
            let mut auto = commits.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            actions.extend(git::commit(&mut auto, &path, &text, &user, env.lang));
        }
        if resolve_merge {
            actions.push(git::resolve(&path, env.lang));
        }
    }
    actions
}

/// Next year's file, written inside the data folder only and never over another.
fn new_year(job: crate::app::NewYearJob, lang: Lang) -> Action {
    let place = hyoka_data::store::data_home(&job.root)
        .map_err(hyoka_data::store::Misplaced::Io)
        .and_then(|home| hyoka_data::store::check_place(&job.path, &home));
    let outcome = match place {
        Err(misplaced) => Err(hyoka_data::store::SaveError::from(misplaced).describe(&job.path, lang)),
        Ok(()) => hyoka_data::store::create_new_year(&job.path, &job.doc)
            .map_err(|e| crate::i18n::cycle::new_year_error(&e, lang)),
    };
    let stamp = std::fs::metadata(&job.path).ok().as_ref().and_then(crate::app::disk_stamp);
    Action::NewYearWritten(Box::new(crate::app::NewYearReport { job, outcome, stamp }))
}

/// The worker threads, fed through channels.
pub struct Worker {
    io: Sender<Effect>,
    journal: Sender<Effect>,
    disk: Sender<Effect>,
    history: Sender<Effect>,
}

impl Worker {
    pub fn spawn(env: &Env, outbox: &Outbox) -> Worker {
        if let Some((source, first)) = env.rights.clone() {
            rights::watch(source, first, env.lang, Arc::clone(outbox));
        }
        Worker {
            io: lane("hyoka-save", env.clone(), Arc::clone(outbox)),
            journal: lane("hyoka-journal", env.clone(), Arc::clone(outbox)),
            disk: watch::lane(Arc::clone(outbox), env.clone()),
            history: history::lane(env.lang, Arc::clone(outbox)),
        }
    }

    /// Hands an effect to its thread; `Redraw` is not the worker's and is given back.
    pub fn run(&self, effect: Effect) -> Option<Effect> {
        let lane = match &effect {
            Effect::Save(_) | Effect::Export(_) | Effect::ResolveMerge(_) | Effect::NewYear(_) => &self.io,
            Effect::Journal(_) | Effect::DiscardJournal(_) => &self.journal,
            Effect::CheckDisk(_) => &self.disk,
            Effect::History { .. } | Effect::HistoryDiff { .. } => &self.history,
            Effect::Redraw => return Some(effect),
        };
        // A lane whose thread died cannot do the work; the journal and the next save report it.
        let _ = lane.send(effect);
        None
    }
}

fn lane(name: &str, env: Env, outbox: Outbox) -> Sender<Effect> {
    let (sender, receiver) = channel::<Effect>();
    let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
        for effect in receiver {
            for action in perform(effect, &env) {
                outbox(action);
            }
        }
    });
    if spawned.is_err() {
        // Without the thread, effects sent to this lane are dropped with the receiver.
    }
    sender
}

/// Runs effects to the end on the calling thread, feeding each outcome back into `update`:
/// what the screen does over several frames, at once. For tests and benchmarks.
pub fn settle(app: &mut App, effects: Vec<Effect>, env: &Env) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for action in perform(effect, env) {
            queue.extend(update(app, action));
        }
    }
}
