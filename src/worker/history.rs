//! The history view's reading of git, on a thread of its own: `git log` once per file, then the
//! commits looked into a few at a time and sent to the screen as they come, so that the first
//! page shows at once even on a repository of a thousand commits, and a request for the change
//! of one commit is answered between two steps.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use super::Outbox;
use crate::app::{Action, Effect, HistoryPage};
use crate::i18n::Lang;
use hyoka_data::git::{CommitDiff, FileHistory, Git, GitError, Repo, Scope};

/// Commits in scope wanted before the first answer: a screenful.
const FIRST_PAGE: usize = 30;
/// Commits looked into per step afterwards.
const STEP: usize = 64;

/// The history of the file the view shows, kept between requests: reopening the view, or
/// switching between the section and the whole file, reuses every version already parsed.
pub struct Reader {
    lang: Lang,
    history: Option<FileHistory>,
    /// The request being filled, its scope, and how many examined commits were sent.
    current: Option<(u64, Scope, usize)>,
}

impl Reader {
    pub fn new(lang: Lang) -> Reader {
        Reader { lang, history: None, current: None }
    }

    /// A request from the screen; what to send back at once.
    pub fn perform(&mut self, effect: Effect) -> Vec<Action> {
        match effect {
            Effect::History { request, path, scope } => self.start(request, &path, scope),
            Effect::HistoryDiff { request, entry, scope } => vec![self.diff(request, entry, &scope)],
            _ => Vec::new(),
        }
    }

    /// Stops filling the current request.
    pub fn stop(&mut self) {
        self.current = None;
    }

    /// The request being filled.
    pub fn request(&self) -> Option<u64> {
        self.current.as_ref().map(|(request, _, _)| *request)
    }

    /// More commits remain to be looked into for the current request.
    pub fn busy(&self) -> bool {
        self.current.is_some() && self.history.as_ref().is_some_and(|h| !h.is_complete())
    }

    fn start(&mut self, request: u64, path: &Path, scope: Scope) -> Vec<Action> {
        self.current = None;
        let opened = match self.history.take() {
            Some(mut history) if history.path() == path => history.refresh().map(|()| history),
            _ => open(path),
        };
        let filled = opened.and_then(|mut history| history.fill(&scope, FIRST_PAGE).map(|()| history));
        match filled {
            Ok(history) => {
                self.history = Some(history);
                self.current = Some((request, scope, 0));
                self.page(true).into_iter().collect()
            }
            Err(e) => vec![Action::HistoryFailed { request, why: e.describe(self.lang) }],
        }
    }

    /// Looks into the next commits and sends those in scope.
    pub fn step(&mut self) -> Vec<Action> {
        let Some(history) = self.history.as_mut() else { return Vec::new() };
        if let Err(e) = history.step(STEP) {
            let request = self.current.take().map_or(0, |(r, _, _)| r);
            return vec![Action::HistoryFailed { request, why: e.describe(self.lang) }];
        }
        self.page(false).into_iter().collect()
    }

    fn page(&mut self, fresh: bool) -> Option<Action> {
        let history = self.history.as_ref()?;
        let (request, scope, sent) = self.current.as_mut()?;
        let entries =
            history.entries_for(scope).filter(|(i, _)| *i >= *sent).map(|(i, e)| (i, e.into_owned())).collect();
        *sent = history.examined();
        Some(Action::History(Box::new(HistoryPage {
            request: *request,
            entries,
            examined: history.examined(),
            total: history.total(),
            complete: history.is_complete(),
            fresh,
        })))
    }

    fn diff(&self, request: u64, entry: usize, scope: &Scope) -> Action {
        let diff = self.history.as_ref().and_then(|history| match scope {
            Scope::File => history.commit_diff(entry),
            Scope::Section { division, section } => history
                .section_diff(entry, division, section)
                .map(|s| CommitDiff { head: Vec::new(), sections: vec![s] }),
        });
        Action::HistoryDiff { request, entry, diff: diff.map(Box::new) }
    }

    /// Everything at once, on the calling thread: for tests and `settle`.
    pub fn perform_all(&mut self, effect: Effect) -> Vec<Action> {
        let mut actions = self.perform(effect);
        while self.busy() {
            actions.extend(self.step());
        }
        actions
    }
}

fn open(path: &Path) -> Result<FileHistory, GitError> {
    let git = Git::find().ok_or(GitError::NotInstalled)?;
    let repo = Repo::discover(&git, path)?;
    FileHistory::open(&repo, path)
}

/// The thread: answers each request, and between requests looks into more commits.
pub fn lane(lang: Lang, outbox: Outbox) -> Sender<Effect> {
    let (sender, receiver) = channel::<Effect>();
    // Without the thread the receiver goes with the closure, and the first send says so.
    let _ = std::thread::Builder::new().name("hyoka-history".to_owned()).spawn(move || run(lang, &receiver, &outbox));
    sender
}

fn run(lang: Lang, receiver: &Receiver<Effect>, outbox: &Outbox) {
    let mut reader = Reader::new(lang);
    loop {
        let next = if reader.busy() {
            match receiver.try_recv() {
                Ok(effect) => Some(effect),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => return,
            }
        } else {
            match receiver.recv() {
                Ok(effect) => Some(effect),
                Err(_) => return,
            }
        };
        // A panic in reading git fails the request that asked, not the thread.
        let actions = match next {
            Some(effect) => super::supervise::supervised(effect.clone(), lang, || reader.perform(effect)),
            None => {
                let request = reader.request().unwrap_or_default();
                let failed = Effect::HistoryDiff { request, entry: 0, scope: hyoka_data::git::Scope::File };
                let actions = super::supervise::supervised(failed, lang, || reader.step());
                if actions.iter().any(|a| matches!(a, Action::HistoryFailed { .. })) {
                    reader.stop(); // what failed is not stepped into again
                }
                actions
            }
        };
        for action in actions {
            outbox(action);
        }
    }
}
