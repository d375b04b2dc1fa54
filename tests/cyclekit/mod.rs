//! What the tests of the year's cycle share: the sample in a temporary folder (at a stage, with
//! statuses), opened as an App by a clerk or a reviewer, keys pressed, effects carried out with a
//! fixed clock, and the file's lines compared before and after.
#![allow(dead_code)] // each test file uses a part of it

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use hyoka::app::{Action, App, Effect, SectionRef, Settings, action_for, update};
use hyoka::i18n::Lang;
use hyoka::model::{Document, Review, Stage, Status};
use hyoka::store::{RealDisk, emit_document, parse_document};
use hyoka::worker::load_workspace;
use hyoka::worker::{Env, settle};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

pub const SAMPLE: &str = include_str!("../../data/kamigyo/2008.yaml");
/// 区民部 総務課, the first section: where the cursor opens.
pub const SOMU: SectionRef = SectionRef { file: 0, division: 0, section: 0 };
pub const NOW: &str = "2026-11-26T10:00:00+09:00";

pub fn fixed_time() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).expect("a time")
}

pub fn env() -> Env {
    Env { faults: Arc::new(RealDisk), clock: fixed_time, ..Env::new(Lang::Ja, None) }
}

/// The sample at `stage`, its first section as `status` (with a review where one belongs), in a
/// temporary folder as `kamigyo/2008.yaml`.
pub struct Office {
    pub dir: TempDir,
}

impl Office {
    pub fn new(stage: Option<Stage>, status: Status) -> Office {
        let mut doc = parse_document(SAMPLE).expect("the sample parses");
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
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir_all(dir.path().join("kamigyo")).expect("kamigyo/");
        std::fs::write(dir.path().join("kamigyo/2008.yaml"), text).expect("the data file");
        Office { dir }
    }

    pub fn file(&self) -> PathBuf {
        self.dir.path().join("kamigyo/2008.yaml")
    }

    pub fn text(&self) -> String {
        std::fs::read_to_string(self.file()).expect("the data file reads")
    }

    pub fn doc(&self) -> Document {
        parse_document(&self.text()).expect("the data file parses")
    }

    /// The folder opened by `user`; a reviewer if `reviewer`.
    pub fn open(&self, user: &str, reviewer: bool) -> App {
        self.open_with(Settings::new(Lang::Ja).known_as(user, reviewer), |_| {})
    }

    /// The folder opened with `settings`, its files as `name` names them (e.g. as in the repository).
    pub fn open_with(&self, settings: Settings, name: impl Fn(&mut hyoka::app::FileEntry)) -> App {
        let mut files = load_workspace(self.dir.path()).expect("the folder loads");
        files.iter_mut().for_each(name);
        let mut app = App::new(files, settings);
        update(&mut app, Action::Resize(100, 30));
        app
    }
}

pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, modifiers)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

/// Presses a key and carries out what it asks of the worker, as the screen does.
pub fn press(app: &mut App, code: KeyCode) {
    let effects = press_with(app, code, KeyModifiers::NONE);
    settle(app, effects, &env());
}

/// Letters as typed (capitals with Shift, as a terminal sends them).
pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
        let effects = press_with(app, KeyCode::Char(c), modifiers);
        settle(app, effects, &env());
    }
}

pub fn ctrl(app: &mut App, c: char) {
    let effects = press_with(app, KeyCode::Char(c), KeyModifiers::CONTROL);
    settle(app, effects, &env());
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
