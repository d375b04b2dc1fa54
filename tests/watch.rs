//! Watching the open files: changes reported on the folder's notification, none looked for when idle.
//!
//! Where notifications cannot be had, every file is looked at every time, as before.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::docs::SAMPLE;
use common::workspace::Workspace;
use hyoka::app::{DiskChange, DiskCheck};
use hyoka::worker::disk_stamp;
use hyoka::worker::watch::Watch;

/// The check the state sends for `file`, with what it knows of it (`stamp`).
fn asked(file: &Path, stamp: Option<hyoka::app::DiskStamp>) -> Vec<DiskCheck> {
    vec![DiskCheck { file: 0, path: file.to_path_buf(), stamp, gone: false, merge_known: false }]
}

fn stamp(file: &Path) -> Option<hyoka::app::DiskStamp> {
    disk_stamp(&std::fs::metadata(file).unwrap())
}

/// Another clerk's save: a new file renamed over the old one, as hyoka and editors write.
fn save_elsewhere(file: &Path) {
    let temp = file.with_extension("tmp");
    std::fs::write(&temp, SAMPLE.replace("総務課", "総務企画課")).unwrap();
    std::fs::rename(&temp, file).unwrap();
}

#[test]
fn a_change_is_reported_when_its_folder_says_so() {
    let ws = Workspace::kamigyo();
    let file = ws.file();
    let mut watch = Watch::new();
    assert!(watch.check(&asked(&file, stamp(&file))).is_empty(), "nothing changed yet");
    assert!(watch.is_watching(), "inotify is there on Linux");
    let known = stamp(&file);
    save_elsewhere(&file);
    let start = Instant::now();
    let report = loop {
        if let Some(report) = watch.check(&asked(&file, known)).pop() {
            break report;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "the change was never reported");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(matches!(&report.change, DiskChange::Changed { text, .. } if text.contains("総務企画課")));
    assert_eq!(report.stamp, stamp(&file));
}

#[test]
fn nothing_is_looked_at_while_nothing_happens() {
    let ws = Workspace::kamigyo();
    let file = ws.file();
    let mut watch = Watch::new();
    assert!(watch.check(&asked(&file, stamp(&file))).is_empty());
    // The state now claims a stamp the file does not have: only a look at the file would notice,
    // and without a notification none is made.
    std::thread::sleep(Duration::from_millis(200));
    assert!(watch.check(&asked(&file, None)).is_empty(), "the file was looked at without a notification");
    // The same question to the fallback, which looks every time.
    let mut polling = Watch::polling();
    assert!(!polling.check(&asked(&file, None)).is_empty(), "polling looks at the file");
    assert!(!polling.is_watching());
}

#[test]
fn every_file_is_looked_at_again_on_the_full_look() {
    let ws = Workspace::kamigyo();
    let file = ws.file();
    let mut watch = Watch::new().with_full_look(Duration::ZERO);
    assert!(watch.check(&asked(&file, stamp(&file))).is_empty());
    // A change no notification told of (a network share written from another machine).
    assert!(!watch.check(&asked(&file, None)).is_empty(), "the full look found the stale stamp");
}

#[test]
fn a_deleted_file_is_reported_gone() {
    let ws = Workspace::kamigyo();
    let file = ws.file();
    let mut watch = Watch::new();
    let known = stamp(&file);
    assert!(watch.check(&asked(&file, known)).is_empty());
    std::fs::remove_file(&file).unwrap();
    let start = Instant::now();
    loop {
        if let Some(report) = watch.check(&asked(&file, known)).pop() {
            assert!(matches!(report.change, DiskChange::Gone(_)));
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "the deletion was never reported");
        std::thread::sleep(Duration::from_millis(20));
    }
}
