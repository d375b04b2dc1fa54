//! Nothing dies silently: a save whose work panics comes back as a failed save with a clear
//! message (not "saving…" for good), the file untouched, the work kept, and Ctrl-S works again —
//! through `update`, and through the worker's real threads.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;
mod cyclekit;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use common::keys::press_with;
use cyclekit::*;
use hyoka::app::{Action, Effect};
use hyoka::i18n::Lang;
use hyoka::model::{Stage, Status};
use hyoka::store::{FaultPlan, Outcome, SaveError, WriteStep};
use hyoka::worker::{Env, Handed, Outbox, Worker, settle};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Work that panics the first time it writes (a bug in hyoka, or in what it uses), then works.
struct PanicsOnce(AtomicBool);

impl FaultPlan for PanicsOnce {
    fn check(&self, step: WriteStep) -> std::io::Result<()> {
        if step == WriteStep::Write && !self.0.swap(true, Ordering::SeqCst) {
            std::panic::panic_any("書き込みの途中で止まった");
        }
        Ok(())
    }
}

fn panicking_env() -> Env {
    Env { faults: Arc::new(PanicsOnce(AtomicBool::new(false))), clock: fixed_time, ..Env::new(Lang::Ja, None) }
}

#[test]
fn a_save_whose_work_panics_fails_clearly_and_can_be_tried_again() {
    let office = Office::new(Some(Stage::Goals), Status::Draft);
    let before = office.text();
    let mut app = office.open("kumin01", false);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    hyoka::app::update(&mut app, Action::Paste("（追記）".into()));
    press(&mut app, KeyCode::Esc);
    let env = panicking_env();
    let effects = press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    settle(&mut app, effects, &env);
    assert!(!app.files()[0].saving, "not 'saving…' for good");
    let said = message(&app);
    assert!(said.contains("保存が途中で止まりました") && said.contains("書き込みの途中で止まった"), "{said}");
    assert_eq!(office.text(), before, "the file is as it was");
    assert!(app.has_unsaved(), "the work stays");
    let effects = press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    settle(&mut app, effects, &env);
    assert!(message(&app).starts_with("保存しました"), "{}", message(&app));
    assert!(office.text().contains("（追記）"));
}

#[test]
fn the_save_thread_survives_a_panic_and_reports_it_as_a_failed_save() {
    let office = Office::new(None, Status::Draft);
    let app = office.open("kumin01", false);
    let (sender, received) = mpsc::channel::<Action>();
    let sender = std::sync::Mutex::new(sender);
    let outbox: Outbox = Arc::new(move |action| {
        let _ = sender.lock().unwrap().send(action);
    });
    let mut worker = Worker::spawn(&panicking_env(), &outbox);
    let loaded = app.files()[0].loaded_state().unwrap();
    let mut mine = loaded.doc().clone();
    mine.section_mut(0, 0).unwrap().reflection.push_str("（追記）");
    let job = hyoka::app::SaveJob {
        file: 0,
        path: app.files()[0].path.clone(),
        root: app.files()[0].root.clone(),
        base: loaded.saved().clone(),
        base_digest: loaded.disk_digest(),
        mine,
        user: "kumin01".into(),
        reviewer: false,
        resolve_merge: false,
    };
    for attempt in 0..2 {
        assert!(matches!(worker.run(Effect::Save(vec![job.clone()])), Handed::Taken));
        let Action::Saved(report) = received.recv_timeout(Duration::from_secs(10)).unwrap() else {
            panic!("a save report")
        };
        match (attempt, &report.outcome) {
            (0, Err(SaveError::Interrupted(why))) => assert!(why.contains("書き込みの途中で止まった"), "{why}"),
            (1, Ok(Outcome::Saved(_))) => {}
            other => panic!("{other:?}"),
        }
    }
    assert!(office.text().contains("（追記）"), "the same thread saved on the second try");
}
