//! A disk that fails at any step of a save: the original file stays, the edits stay, the
//! message says what to do, and trying again works.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::app::{SHIMINZEI, open};
use common::docs::SAMPLE;
use common::keys::act;
use common::worker::env;
use common::workspace::sample_folder;
use hyoka::app::{Action, App, Focus, Node, Tone, update};
use hyoka::command::Command;
use hyoka::model::Field;
use hyoka::store::{FaultPlan, RealDisk, WriteStep};
use hyoka::worker::Env;

/// Fails once, at one step, as a full disk would.
struct FailAt {
    step: WriteStep,
    failed: AtomicBool,
}

impl FaultPlan for FailAt {
    fn check(&self, step: WriteStep) -> io::Result<()> {
        if step == self.step && !self.failed.swap(true, Ordering::SeqCst) {
            return Err(io::Error::from_raw_os_error(28)); // ENOSPC: No space left on device
        }
        Ok(())
    }
}

/// Ctrl-S, with the worker's part carried out at once on a disk that fails as `faults` says.
fn save_with(app: &mut App, faults: &Arc<dyn FaultPlan + Send + Sync>) {
    act(app, Command::Save, &Env { faults: Arc::clone(faults), ..env() });
}

fn fail_at(step: WriteStep) -> Arc<dyn FaultPlan + Send + Sync> {
    Arc::new(FailAt { step, failed: AtomicBool::new(false) })
}

fn real_disk() -> Arc<dyn FaultPlan + Send + Sync> {
    Arc::new(RealDisk)
}

fn edited_app(dir: &Path) -> App {
    let mut app = open(dir);
    common::reach::go_to(&mut app, Node::Section(SHIMINZEI));
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    update(&mut app, Command::Edit.into());
    update(&mut app, Action::Paste("（追記）".into()));
    update(&mut app, Command::EndEdit.into());
    app
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).expect("dir").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_failure_at_any_step_before_the_rename_keeps_everything() {
    for step in [WriteStep::CreateTemp, WriteStep::Write, WriteStep::SyncFile, WriteStep::Rename] {
        let (dir, path) = sample_folder();
        let mut app = edited_app(dir.path());
        let plan = fail_at(step);
        save_with(&mut app, &plan);
        let message = app.message().cloned().expect("a message");
        let (message, tone) = (message.text, message.tone);
        assert_eq!(tone, Tone::Error, "{step:?}");
        assert!(message.contains("No space left on device"), "{step:?}: {message}");
        assert!(message.contains("元のファイルはそのままで、変更も残っています"), "{step:?}: {message}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), SAMPLE, "{step:?}: original intact");
        assert_eq!(files_in(dir.path()), ["2008.yaml"], "{step:?}: no temporary or lock file left");
        assert!(app.is_section_dirty(SHIMINZEI), "{step:?}: the edit is kept");
        // The disk has room again: Ctrl-S once more.
        save_with(&mut app, &plan);
        assert!(!app.has_unsaved(), "{step:?}: the retry saved");
        assert!(std::fs::read_to_string(&path).expect("read").contains("（追記）"));
    }
}

#[test]
fn a_folder_that_refuses_to_sync_does_not_make_a_done_save_look_failed() {
    let (dir, path) = sample_folder();
    let mut app = edited_app(dir.path());
    save_with(&mut app, &fail_at(WriteStep::SyncDir));
    assert_eq!(app.message().as_ref().map(|m| m.tone), Some(Tone::Info));
    assert!(std::fs::read_to_string(&path).expect("read").contains("（追記）"));
}

#[test]
fn a_save_that_waits_too_long_for_another_says_so() {
    let (dir, path) = sample_folder();
    let mut app = edited_app(dir.path());
    let held = hyoka::store::lock(&path, std::time::Duration::ZERO).expect("another hyoka holds the lock");
    save_with(&mut app, &real_disk());
    let message = app.message().cloned().expect("a message");
    let (message, tone) = (message.text, message.tone);
    assert_eq!(tone, Tone::Error);
    // Who holds it (this very process, root's or the tester's), and the lock file, by name.
    let me = hyoka::identity::current().expect("the tester has a name").login;
    assert!(message.contains(&format!("{me} さんが保存中です")), "{message}");
    assert!(message.contains(".2008.yaml.lock") && !message.contains("空き容量"), "{message}");
    drop(held);
    save_with(&mut app, &real_disk());
    assert!(!app.has_unsaved());
}

#[test]
fn a_file_made_read_only_while_open_is_not_replaced() {
    let (dir, path) = sample_folder();
    let mut app = edited_app(dir.path());
    let mut permissions = std::fs::metadata(&path).expect("metadata").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).expect("chmod a-w");
    save_with(&mut app, &real_disk());
    let message = app.message().cloned().expect("a message");
    let (message, tone) = (message.text, message.tone);
    assert_eq!(tone, Tone::Error);
    assert!(message.contains("書き込み禁止になっています"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), SAMPLE);
    assert!(app.is_section_dirty(SHIMINZEI));
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o644);
    std::fs::set_permissions(&path, permissions).expect("chmod u+w");
    save_with(&mut app, &real_disk());
    assert!(!app.has_unsaved());
}

/// Records the durable steps of a save (the syncs and the rename) as it carries them out.
#[derive(Default)]
struct Spy {
    steps: std::sync::Mutex<Vec<String>>,
}

impl FaultPlan for Spy {
    fn check(&self, _: WriteStep) -> io::Result<()> {
        Ok(())
    }

    fn sync(&self, step: WriteStep, file: &std::fs::File) -> io::Result<()> {
        let what = if file.metadata()?.is_dir() { "folder" } else { "file" };
        self.steps.lock().unwrap().push(format!("sync {what} ({step:?})"));
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.steps.lock().unwrap().push("rename".to_owned());
        std::fs::rename(from, to)
    }
}

#[test]
fn the_file_is_synced_before_the_rename_and_the_folder_after_it() {
    let (dir, path) = sample_folder();
    let spy = Spy::default();
    hyoka::store::write_atomically_with(&path, b"organization: x\n", &spy).expect("written");
    assert_eq!(*spy.steps.lock().unwrap(), ["sync file (SyncFile)", "rename", "sync folder (SyncDir)"]);
    // And so does a save from the screen.
    let spy = Arc::new(Spy::default());
    std::fs::write(&path, SAMPLE).expect("write");
    let mut app = edited_app(dir.path());
    let plan: Arc<dyn FaultPlan + Send + Sync> = spy.clone();
    save_with(&mut app, &plan);
    assert!(std::fs::read_to_string(&path).expect("read").contains("（追記）"));
    assert_eq!(*spy.steps.lock().unwrap(), ["sync file (SyncFile)", "rename", "sync folder (SyncDir)"]);
}
