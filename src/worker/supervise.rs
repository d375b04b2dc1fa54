//! Every worker is supervised: an effect whose work panicked, or that no worker thread could take,
//! comes back as a failed outcome with a clear message, so that nothing waits for an answer that
//! never comes (a save stays "saving" for good): the save can be tried again, and the journal
//! keeps the work meanwhile.

use super::{Env, perform};
use crate::app::{Action, Effect, ExportJob, ExportReport, NewYearReport, ReviewsKept, SaveJob, SaveReport};
use crate::i18n::Lang;
use crate::i18n::worker::WorkerWords;
use hyoka_core::model::Document;
use hyoka_data::store::SaveError;

pub use hyoka_core::supervision::{catch, caught_here};

/// Carries out an effect; a panic of its work becomes the effect's failed outcome.
pub fn perform_supervised(effect: Effect, env: &Env) -> Vec<Action> {
    let copy = receipt(&effect);
    supervised(copy, env.lang, || perform(effect, env))
}

/// What [`failed`] needs of an effect, kept while its work runs: not the documents of a save, an
/// export or a journal (no failed outcome reads them), so that supervising a save in a city's
/// file copies no file.
fn receipt(effect: &Effect) -> Effect {
    let nothing = || Document::new("", 0);
    match effect {
        Effect::Save(jobs) => Effect::Save(
            jobs.iter()
                .map(|job| SaveJob {
                    file: job.file,
                    path: job.path.clone(),
                    root: job.root.clone(),
                    base: nothing(),
                    base_digest: job.base_digest,
                    mine: nothing(),
                    user: job.user.clone(),
                    reviewer: job.reviewer,
                    resolve_merge: job.resolve_merge,
                })
                .collect(),
        ),
        Effect::Export(job) => Effect::Export(ExportJob {
            doc: nothing(),
            format: job.format,
            path: job.path.clone(),
            overwrite: job.overwrite,
            create_folder: job.create_folder,
            data_files: job.data_files.clone(),
            forbidden: job.forbidden.clone(),
        }),
        Effect::Journal(_) => Effect::Journal(Vec::new()),
        other => other.clone(),
    }
}

/// Does `work` for `effect`; a panic of it becomes the effect's failed outcome.
pub fn supervised(effect: Effect, lang: Lang, work: impl FnOnce() -> Vec<Action>) -> Vec<Action> {
    match catch(work) {
        Ok(actions) => actions,
        Err(why) => failed(effect, &WorkerWords::Panicked { why }.text(lang), lang),
    }
}

/// The outcomes of an effect that was not carried out, `why` in the clerk's words.
pub fn failed(effect: Effect, why: &str, lang: Lang) -> Vec<Action> {
    match effect {
        Effect::Save(jobs) => jobs
            .into_iter()
            .map(|job| {
                let outcome = Err(SaveError::Interrupted(why.to_owned()));
                Action::Saved(Box::new(SaveReport { file: job.file, sent: None, outcome, stamp: None }))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::JournalEntry;
    use hyoka_data::store::{TextDigest, parse_document};

    #[test]
    fn a_receipt_holds_no_document_and_fails_as_its_effect_would() {
        let doc = parse_document(include_str!("../../data/kamigyo/2008.yaml")).unwrap_or_else(|p| panic!("{p:?}"));
        let save = Effect::Save(vec![SaveJob {
            file: 3,
            path: "data/2008.yaml".into(),
            root: "data".into(),
            base: doc.clone(),
            base_digest: TextDigest::of("text"),
            mine: doc.clone(),
            user: "kyoto-taro".into(),
            reviewer: false,
            resolve_merge: true,
        }]);
        let export = Effect::Export(ExportJob {
            doc: doc.clone(),
            format: hyoka_data::interchange::Format::Csv,
            path: "out.csv".into(),
            overwrite: false,
            create_folder: false,
            data_files: vec!["data/2008.yaml".into()],
            forbidden: Vec::new(),
        });
        let journal = Effect::Journal(vec![JournalEntry { path: "data/2008.yaml".into(), work: None }]);
        for effect in [save, export, journal] {
            let copy = receipt(&effect);
            assert!(!format!("{copy:?}").contains("総務課"), "no document in {copy:?}");
            let said = |e| format!("{:?}", failed(e, "止まった", Lang::Ja));
            assert_eq!(said(copy), said(effect));
        }
    }
}
