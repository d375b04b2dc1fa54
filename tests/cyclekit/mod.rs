//! What the tests of the year's cycle share: the sample in a temporary folder (at a stage, with
//! statuses), opened as an App by a clerk or a reviewer, keys pressed with their effects carried
//! out at the cycle's fixed day, and the file's lines compared before and after. Built on
//! `tests/common/` (the folder, the App, the keys).
#![allow(dead_code)] // each test file uses a part of it

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use hyoka::app::{Action, App, update};
use hyoka::model::{Document, Review, Stage, Status};
use hyoka::store::emit_document;
use hyoka::worker::Env;
use ratatui::crossterm::event::KeyCode;

use crate::common::docs::{SAMPLE, read_doc, sample};
use crate::common::keys::{ctrl_in, keys_in, press_in};
use crate::common::worker::env_with;
use crate::common::workspace::{FILE, Workspace};

/// The day the reviewer decides: every review and save of these tests is stamped with it.
pub const NOW: &str = "2026-11-26T10:00:00+09:00";

pub fn fixed_time() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).expect("a time")
}

pub fn env() -> Env {
    env_with(fixed_time)
}

/// The sample at `stage`, its first section as `status` (with a review where one belongs), in a
/// temporary folder as `kamigyo/2008.yaml`.
pub struct Office {
    pub ws: Workspace,
}

impl Office {
    pub fn new(stage: Option<Stage>, status: Status) -> Office {
        let mut doc = sample();
        doc.stage = stage;
        let somu = doc.section_mut(0, 0).expect("総務課");
        somu.status = status;
        if matches!(status, Status::Approved | Status::Returned) {
            let comment = if status == Status::Returned {
                "数値目標を入れてください。\n二行目です。"
            } else {
                ""
            };
            somu.review = Some(Review { by: "suzuki".into(), at: fixed_time(), comment: comment.into() });
        }
        let text = if stage.is_none() && status == Status::Draft { SAMPLE.to_owned() } else { emit_document(&doc) };
        Office { ws: Workspace::with_text_at(FILE, &text) }
    }

    pub fn file(&self) -> PathBuf {
        self.ws.file()
    }

    pub fn text(&self) -> String {
        path_text(&self.file())
    }

    pub fn doc(&self) -> Document {
        read_doc(&self.file()).0
    }

    /// The folder opened by `user`; a reviewer if `reviewer`.
    pub fn open(&self, user: &str, reviewer: bool) -> App {
        self.open_with(hyoka::app::Settings::new(hyoka::i18n::Lang::Ja).known_as(user, reviewer), |_| {})
    }

    /// The folder opened by `user` (a reviewer if `reviewer`), its files named as under `data/`
    /// in the repository: the screen shows no temporary path.
    pub fn open_in_data(&self, user: &str, reviewer: bool) -> App {
        self.open_in_data_on(user, reviewer, hyoka::text::AmbiguousWidth::Narrow)
    }

    /// The same, on a terminal that draws ambiguous characters `ambiguous_width` wide.
    pub fn open_in_data_on(&self, user: &str, reviewer: bool, ambiguous_width: hyoka::text::AmbiguousWidth) -> App {
        let settings = hyoka::app::Settings::new(hyoka::i18n::Lang::Ja).known_as(user, reviewer);
        let settings = hyoka::app::Settings { ambiguous_width, ..settings };
        self.open_with(settings, |entry| {
            entry.path = PathBuf::from("data").join(entry.path.strip_prefix(entry.root.clone()).expect("inside"));
        })
    }

    /// The folder opened with `settings`, its files as `name` names them (e.g. as in the repository).
    pub fn open_with(&self, settings: hyoka::app::Settings, name: impl Fn(&mut hyoka::app::FileEntry)) -> App {
        let mut files = hyoka::worker::load_workspace(self.ws.path()).expect("the folder loads");
        files.iter_mut().for_each(name);
        let mut app = App::new(files, settings);
        update(&mut app, Action::Resize(100, 30));
        app
    }
}

/// Presses a key and carries out what it asks of the worker, as the screen does.
pub fn press(app: &mut App, code: KeyCode) {
    press_in(app, code, &env());
}

/// Letters as typed (capitals with Shift, as a terminal sends them), each carried out.
pub fn keys(app: &mut App, text: &str) {
    keys_in(app, text, &env());
}

pub fn ctrl(app: &mut App, c: char) {
    ctrl_in(app, c, &env());
}

/// The lines of `after` that `before` lacks and those it lost, as `git diff` would list them.
pub fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let diff = similar::TextDiff::from_lines(before, after);
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches('\n').to_owned();
        match change.tag() {
            similar::ChangeTag::Insert => added.push(line),
            similar::ChangeTag::Delete => removed.push(line),
            similar::ChangeTag::Equal => {}
        }
    }
    (added, removed)
}

pub fn message(app: &App) -> String {
    app.message().as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

pub fn path_text(path: &Path) -> String {
    std::fs::read_to_string(path).expect("reads")
}
