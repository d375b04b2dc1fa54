//! Every worker is supervised: an effect whose work panicked, or that no worker thread could take,
//! comes back as a failed outcome with a clear message, so that nothing waits for an answer that
//! never comes (a save stays "saving" for good): the save can be tried again, and the journal
//! keeps the work meanwhile.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{Env, perform};
use crate::app::{Action, Effect, ExportReport, NewYearReport, ReviewsKept, SaveReport};
use crate::i18n::Lang;
use crate::i18n::worker::WorkerWords;
use hyoka_data::store::SaveError;

thread_local! {
    /// Set while a worker carries out an effect: a panic here is caught and reported, so the
    /// panic hook leaves the terminal alone.
    static SUPERVISED: Cell<bool> = const { Cell::new(false) };
    /// What the panic hook heard of the last panic caught on this thread (message and place).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// For the panic hook: whether the panic happens under supervision (then it only notes `what`,
/// and neither prints over the screen nor gives the terminal back).
pub fn caught_here(what: &dyn std::fmt::Display) -> bool {
    let supervised = SUPERVISED.with(Cell::get);
    if supervised {
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(what.to_string()));
    }
    supervised
}

/// Carries out an effect; a panic of its work becomes the effect's failed outcome.
pub fn perform_supervised(effect: Effect, env: &Env) -> Vec<Action> {
    let copy = effect.clone();
    supervised(copy, env.lang, || perform(effect, env))
}

/// Does `work` for `effect`; a panic of it becomes the effect's failed outcome.
pub fn supervised(effect: Effect, lang: Lang, work: impl FnOnce() -> Vec<Action>) -> Vec<Action> {
    match catch(work) {
        Ok(actions) => actions,
        Err(why) => failed(effect, &WorkerWords::Panicked { why }.text(lang), lang),
    }
}

/// Does `work`; a panic of it comes back as what it said, and nothing is printed over the screen.
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    SUPERVISED.with(|s| s.set(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    SUPERVISED.with(|s| s.set(false));
    result.map_err(|payload| {
        let heard = LAST_PANIC.with(|last| last.borrow_mut().take());
        let said = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned());
        heard.or(said).unwrap_or_default()
    })
}

/// The outcomes of an effect that was not carried out, `why` in the clerk's words.
pub fn failed(effect: Effect, why: &str, lang: Lang) -> Vec<Action> {
    match effect {
        Effect::Save(jobs) => jobs
            .into_iter()
            .map(|job| {
                let outcome = Err(SaveError::Interrupted(why.to_owned()));
                Action::Saved(Box::new(SaveReport { file: job.file, sent: job.mine, outcome, stamp: None }))
            })
            .collect(),
        Effect::Export(job) => vec![Action::Exported(ExportReport::Failed { path: job.path, why: why.to_owned() })],
        Effect::Journal(_) => vec![Action::JournalWritten(Some(why.to_owned()))],
        Effect::ResolveMerge(path) => {
            let text = WorkerWords::NotResolved { path: path.display().to_string(), why: why.to_owned() }.text(lang);
            vec![Action::Said { text, warning: true }]
        }
        Effect::History { request, .. } | Effect::HistoryDiff { request, .. } => {
            vec![Action::HistoryFailed { request, why: why.to_owned() }]
        }
        Effect::NewYear(job) => {
            let canonical = job.path.clone();
            let report = NewYearReport { job, outcome: Err(why.to_owned()), stamp: None, canonical };
            vec![Action::NewYearWritten(Box::new(report))]
        }
        Effect::OpenJournals => vec![Action::JournalsFound(Err(why.to_owned()))],
        Effect::Identify => {
            vec![Action::Said { text: WorkerWords::NotIdentified { why: why.to_owned() }.text(lang), warning: true }]
        }
        Effect::FindMerges(_) => {
            vec![Action::Said { text: WorkerWords::MergesNotRead { why: why.to_owned() }.text(lang), warning: true }]
        }
        // The question says it could not be told.
        Effect::LookForReviews { file, .. } => vec![Action::ReviewsKept { file, kept: ReviewsKept::Unknown }],
        // Each file that was to be read is shown with why it was not.
        Effect::Read { jobs, .. } => {
            vec![Action::FilesRead(jobs.iter().map(|job| (job.file, super::load::not_read(job, why))).collect())]
        }
        // Looked at again at the next tick; thrown away again at the next start.
        Effect::DiscardJournal(_)
        | Effect::CheckDisk(_)
        | Effect::SweepLeftovers(_)
        | Effect::Redraw
        | Effect::ReadNear(_) => Vec::new(),
    }
}
