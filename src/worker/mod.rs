//! Carries out the effects `update` asks for, off the screen's thread, and sends each outcome
//! back as an action. Saves and exports share one thread (a save may wait seconds for another
//! hyoka's lock); the journal has its own, so that it is written even while a save waits; disk
//! checks have a third; the history view's reading of git a fourth.

pub mod export;
pub mod git;
pub mod history;
pub mod journal;
pub mod layouts;
pub mod live;
mod load;
mod read;
pub mod rights;
pub mod save;
mod start;
pub mod supervise;
pub mod watch;

use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, Timelike};

use crate::app::{Action, App, Effect, update};
use crate::i18n::Lang;
use hyoka_data::store::{FaultPlan, RealDisk};
pub use journal::{Journals, journal_dir};
pub use load::{check_workspace, disk_stamp, load_workspace, open_workspace, read_entry};
pub use read::read_all;

/// Where outcomes go: the screen's event loop (or a test).
pub type Outbox = Arc<dyn Fn(Action) + Send + Sync>;

/// What the effects need from the outside world; tests give a fixed clock and injected faults.
#[derive(Clone)]
pub struct Env {
    pub lang: Lang,
    pub faults: Arc<dyn FaultPlan + Send + Sync>,
    pub clock: fn() -> DateTime<FixedOffset>,
    /// This hyoka's journals, once their folder is open (never in reviewer mode, nor where no
    /// folder can be had).
    pub journals: Arc<Mutex<Option<Journals>>>,
    /// Where the journals are kept (from `XDG_STATE_HOME` or `HOME`).
    pub journal_dir: Option<std::path::PathBuf>,
    /// Commit on save (`--commit`, or `git: { commit: true }`); `None` when off.
    pub commits: Option<Arc<Mutex<hyoka_data::git::AutoCommit>>>,
    /// The history view's reader when effects are carried out inline (tests); the screen's
    /// worker has a thread with its own.
    pub history: Arc<Mutex<history::Reader>>,
    /// Where the right to review comes from (looked at again while hyoka runs); `None` where no
    /// one may review (tests, and data with no place for it).
    pub rights: Option<rights::RightsSource>,
    /// Who runs hyoka, once the worker has looked it up, with the right last said to the screen.
    pub identity: Arc<Mutex<Option<(hyoka_data::identity::Identity, crate::app::Rights)>>>,
    /// The layout of the text the last save wrote, for the next save of that file.
    pub layouts: Arc<Mutex<layouts::Layouts>>,
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
            journals: Arc::new(Mutex::new(journals)),
            journal_dir: journal_dir(),
            commits: None,
            history: Arc::new(Mutex::new(history::Reader::new(lang))),
            rights: None,
            identity: Arc::new(Mutex::new(None)),
            layouts: Arc::default(),
        }
    }

    pub fn layouts(&self) -> std::sync::MutexGuard<'_, layouts::Layouts> {
        self.layouts.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Reads the layout of the text the last save wrote, once it is reported: for the next save.
    /// Supervised as the save was (a panic of it only means the next save reads the layout
    /// itself), and with the lock free while it reads.
    pub fn learn_layouts(&self) {
        let due = self.layouts().take_due();
        if let Some((path, text)) = due {
            let layout = supervise::catch(|| hyoka_data::store::KnownLayout::of(&text)).ok().flatten();
            self.layouts().learnt(path, layout);
        }
    }

    /// Writes the journals now, on the calling thread: when the terminal goes or a signal comes,
    /// the work is kept before anything else happens. Why it could not be, if it could not.
    pub fn write_journal_now(&self, app: &App) -> Result<(), String> {
        let mut journals = self.journals.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(journals) = journals.as_mut() else { return Ok(()) };
        journals.write(&crate::app::journal_entries(app)).map_err(|e| format!("{}: {e}", journals.dir().display()))
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
            let mut journals = env.journals.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let Some(journals) = journals.as_mut() else { return Vec::new() };
            vec![Action::JournalWritten(journals.write(&entries).err().map(|e| e.to_string()))]
        }
        Effect::DiscardJournal(path) => {
            if let Some(journals) = env.journals.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_mut() {
                journals.discard(&path);
            }
            Vec::new()
        }
        Effect::Identify => start::identify(env),
        Effect::OpenJournals => start::open_journals(env),
        Effect::FindMerges(files) => vec![start::find_merges(&files, env.lang)],
        Effect::SweepLeftovers(folders) => start::sweep_leftovers(&folders, env.lang),
        Effect::CheckDisk(checks) => {
            watch::check(&checks).into_iter().map(|report| Action::DiskChanged(Box::new(report))).collect()
        }
        effect @ (Effect::History { .. } | Effect::HistoryDiff { .. }) => {
            env.history.lock().unwrap_or_else(std::sync::PoisonError::into_inner).perform_all(effect)
        }
        Effect::NewYear(job) => vec![new_year(job, env.lang)],
        Effect::LookForReviews { file, path } => vec![Action::ReviewsKept { file, kept: git::reviews_kept(&path) }],
        Effect::Read { jobs, near } => vec![Action::FilesRead(read::read_all(jobs, near))],
        // Read here, every file at once: nothing is waiting to be read.
        Effect::ReadNear(_) => Vec::new(),
        // The terminal is the event loop's, not ours.
        Effect::Redraw => Vec::new(),
    }
}

/// A save, then what git must hear of it: the commit (when commits are on) and, for a file whose
/// merge conflicts the save decided, that it is resolved. Nothing of git happens after a failed save.
fn save_then_git(job: crate::app::SaveJob, env: &Env) -> Vec<Action> {
    let (path, user, resolve_merge) = (job.path.clone(), job.user.clone(), job.resolve_merge);
    let known = env.layouts().take_for(&path);
    let report = save::save(job, (env.clock)(), env.faults.as_ref(), known.as_ref());
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
        env.layouts().written(&path, text);
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
    let stamp = std::fs::metadata(&job.path).ok().as_ref().and_then(disk_stamp);
    let canonical = hyoka_data::store::canonical_path(&job.path);
    Action::NewYearWritten(Box::new(crate::app::NewYearReport { job, outcome, stamp, canonical }))
}

/// The worker threads, fed through channels, each started again when it is found gone.
pub struct Worker {
    io: Lane,
    journal: Lane,
    disk: Lane,
    history: Lane,
    /// The readers of the files the screen opened on, started when there are files to read.
    reader: read::Reader,
    outbox: Outbox,
    lang: Lang,
}

/// What became of an effect handed to the worker.
#[derive(Debug)]
pub enum Handed {
    /// On its thread; its outcome comes back through the outbox.
    Taken,
    /// Not the worker's: the screen is drawn again whole.
    Redraw,
    /// No thread could take it: its failed outcomes, for `update` at once.
    Failed(Vec<Action>),
}

/// One worker thread's channel, and how to start the thread again.
struct Lane {
    sender: Sender<Effect>,
    start: Box<dyn Fn() -> Sender<Effect>>,
}

impl Lane {
    fn new(start: Box<dyn Fn() -> Sender<Effect>>) -> Lane {
        Lane { sender: start(), start }
    }

    /// Sends the effect; a thread found gone is started again once. The effect back if that fails.
    fn send(&mut self, effect: Effect) -> Result<(), Box<Effect>> {
        let Err(std::sync::mpsc::SendError(effect)) = self.sender.send(effect) else { return Ok(()) };
        self.sender = (self.start)();
        self.sender.send(effect).map_err(|std::sync::mpsc::SendError(effect)| Box::new(effect))
    }
}

impl Worker {
    pub fn spawn(env: &Env, outbox: &Outbox) -> Worker {
        let start = |make: fn(Env, Outbox) -> Sender<Effect>| {
            let (env, outbox) = (env.clone(), Arc::clone(outbox));
            Lane::new(Box::new(move || make(env.clone(), Arc::clone(&outbox))))
        };
        // Who may review, looked at again while hyoka runs (once the worker knows who runs it).
        rights::watch(env.clone(), Arc::clone(outbox));
        Worker {
            io: start(|env, outbox| lane("hyoka-save", env, outbox, Learns::Layouts)),
            journal: start(|env, outbox| lane("hyoka-journal", env, outbox, Learns::Nothing)),
            disk: start(|env, outbox| watch::lane(outbox, env)),
            history: start(|env, outbox| history::lane(env.lang, outbox)),
            reader: read::Reader::default(),
            outbox: Arc::clone(outbox),
            lang: env.lang,
        }
    }

    /// Hands an effect to its thread.
    pub fn run(&mut self, effect: Effect) -> Handed {
        let lane = match &effect {
            Effect::Save(_)
            | Effect::Export(_)
            | Effect::ResolveMerge(_)
            | Effect::NewYear(_)
            | Effect::Identify
            | Effect::FindMerges(_)
            | Effect::LookForReviews { .. }
            | Effect::SweepLeftovers(_) => &mut self.io,
            // The folder is open before the first journal is written.
            Effect::Journal(_) | Effect::DiscardJournal(_) | Effect::OpenJournals => &mut self.journal,
            Effect::CheckDisk(_) => &mut self.disk,
            Effect::History { .. } | Effect::HistoryDiff { .. } => &mut self.history,
            Effect::Redraw => return Handed::Redraw,
            Effect::Read { .. } | Effect::ReadNear(_) => return self.read(effect),
        };
        match lane.send(effect) {
            Ok(()) => Handed::Taken,
            Err(effect) => {
                let why = crate::i18n::worker::WorkerWords::NoThread.text(self.lang);
                Handed::Failed(supervise::failed(*effect, &why, self.lang))
            }
        }
    }
}

impl Worker {
    /// The files to read go to the readers, which start on every core when there is work.
    fn read(&mut self, effect: Effect) -> Handed {
        match effect {
            Effect::Read { jobs, near } => self.reader.read(jobs, near, &self.outbox),
            Effect::ReadNear(file) => self.reader.near(file),
            _ => {}
        }
        Handed::Taken
    }
}

/// How long a lane must have nothing to do before it reads the layout a save wrote.
const LEARN_WHEN_IDLE: std::time::Duration = std::time::Duration::from_millis(30);

/// Whether a lane reads, when idle, the layout its saves wrote: the lane that saves does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Learns {
    Layouts,
    Nothing,
}

fn lane(name: &str, env: Env, outbox: Outbox, learns: Learns) -> Sender<Effect> {
    let (sender, receiver) = channel::<Effect>();
    // Without the thread the receiver goes with the closure, and the first send says so.
    let _ = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
        loop {
            // The layout a save wrote is read when nothing else is asked for a moment: not while
            // the screen shows the save's outcome.
            let next = if learns == Learns::Layouts && env.layouts().is_due() {
                match receiver.recv_timeout(LEARN_WHEN_IDLE) {
                    Err(RecvTimeoutError::Timeout) => {
                        env.learn_layouts();
                        continue;
                    }
                    other => other.ok(),
                }
            } else {
                receiver.recv().ok()
            };
            let Some(effect) = next else { return };
            for action in supervise::perform_supervised(effect, &env) {
                outbox(action);
            }
        }
    });
    sender
}

/// Runs effects to the end on the calling thread, feeding each outcome back into `update`:
/// what the screen does over several frames, at once. For tests and benchmarks.
pub fn settle(app: &mut App, effects: Vec<Effect>, env: &Env) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for action in supervise::perform_supervised(effect, env) {
            queue.extend(update(app, action));
        }
        env.learn_layouts();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lane whose thread is gone, and cannot be started again.
    fn dead() -> Lane {
        Lane::new(Box::new(|| channel::<Effect>().0))
    }

    #[test]
    fn work_no_thread_takes_comes_back_as_its_failed_outcome() {
        let outbox: Outbox = Arc::new(|_| {});
        let reader = read::Reader::default();
        let mut worker =
            Worker { io: dead(), journal: dead(), disk: dead(), history: dead(), reader, outbox, lang: Lang::Ja };
        let doc = hyoka_data::store::parse_document(include_str!("../../data/kamigyo/2008.yaml"))
            .unwrap_or_else(|p| panic!("{p:?}"));
        let job = crate::app::SaveJob {
            file: 3,
            path: "x.yaml".into(),
            root: "x.yaml".into(),
            base: doc.clone(),
            base_digest: hyoka_data::store::TextDigest::of(""),
            mine: doc,
            user: "kumin01".into(),
            reviewer: false,
            resolve_merge: false,
        };
        let Handed::Failed(actions) = worker.run(Effect::Save(vec![job])) else { panic!("not taken") };
        let [Action::Saved(report)] = &actions[..] else { panic!("{actions:?}") };
        assert_eq!(report.file, 3);
        let Err(hyoka_data::store::SaveError::Interrupted(why)) = &report.outcome else { panic!("{report:?}") };
        assert!(why.contains("作業用のスレッドが動いていません"), "{why}");
        assert!(
            matches!(worker.run(Effect::Journal(Vec::new())), Handed::Failed(a) if matches!(a[..], [Action::JournalWritten(Some(_))]))
        );
        assert!(matches!(worker.run(Effect::Redraw), Handed::Redraw));
    }

    #[test]
    fn a_lane_found_gone_is_started_again() {
        let started = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = std::sync::Arc::clone(&started);
        let keep = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let held = std::sync::Arc::clone(&keep);
        // The first thread is gone at once; the second keeps its receiver.
        let mut lane = Lane::new(Box::new(move || {
            let (sender, receiver) = channel::<Effect>();
            if count.fetch_add(1, std::sync::atomic::Ordering::SeqCst) > 0 {
                held.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(receiver);
            }
            sender
        }));
        assert!(lane.send(Effect::Redraw).is_ok());
        assert_eq!(started.load(std::sync::atomic::Ordering::SeqCst), 2);
        assert_eq!(keep.lock().unwrap_or_else(std::sync::PoisonError::into_inner).len(), 1);
    }
}
