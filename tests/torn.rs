//! A save killed at any moment (SIGKILL, power cut) leaves the old file or the new one, never a
//! mix: a child process saves in a loop and is killed 100 times at varying moments, each one
//! after the child has said that its first save is starting, so that every kill lands in a save
//! or between two of them, never in the start-up of the process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::Path;
use std::time::Duration;

use common::docs::sample;
use common::tools::child_test;
use hyoka::model::Document;
use hyoka::store::{Outcome, RealDisk, SaveRequest, TextDigest, emit_document, parse_document, save};

const CHILD: &str = "HYOKA_TORN_WRITE_CHILD";

fn documents() -> (Document, Document) {
    let a = sample();
    let mut b = a.clone();
    for section in b.divisions.iter_mut().flat_map(|d| &mut d.sections) {
        // Longer, so that a file cut short or mixed up cannot pass for either.
        section.reflection = section.reflection.repeat(3);
        section.rating = Some("◎".into());
    }
    (a, b)
}

/// Not a test of its own: the child process, saving A and B in turn until it is killed.
#[test]
fn child_saving_in_a_loop() {
    let Some(path) = std::env::var_os(CHILD) else { return };
    let path = Path::new(&path);
    let (a, b) = documents();
    let mut base = a.clone();
    let mut base_text = emit_document(&a);
    let mut out = std::io::stdout();
    for round in 0.. {
        let mine = if round % 2 == 0 { &b } else { &a };
        if round == 0 {
            let _ = writeln!(out, "saving");
            let _ = out.flush();
        }
        if let Ok(Outcome::Saved(saved)) = save(
            &SaveRequest {
                path,
                root: path,
                base_digest: TextDigest::of(&base_text),
                base: &base,
                mine,
                reviewer: false,
            },
            &RealDisk,
        ) {
            base = saved.doc;
            base_text = saved.text;
        }
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let (a, b) = documents();
    let (text_a, text_b) = (emit_document(&a), emit_document(&b));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("2008.yaml");
    std::fs::write(&path, &text_a).expect("write A");
    let mut seen_b = 0;
    let mut seed: u64 = 0x2008_1130;
    for round in 0..100 {
        let mut child = child_test("child_saving_in_a_loop", CHILD, &path);
        let stdout = child.stdout.take().expect("the child's output");
        // The test harness's own header, then the child's first line: it says so or the round fails
        // (reading no further, so that a child that never says it cannot hang the test).
        let said = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find(|l| !l.trim().is_empty() && !l.starts_with("running"));
        if !said.is_some_and(|l| l.ends_with("saving")) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("round {round}: the child never said that its first save started");
        }
        // A different moment each round: 0 to 60 ms into the saving (a save takes 1 to 30 ms).
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_micros((seed >> 33) % 60_000));
        child.kill().expect("SIGKILL the child");
        child.wait().expect("reap the child");
        let text = std::fs::read_to_string(&path).expect("the file is there and UTF-8");
        assert!(text == text_a || text == text_b, "round {round}: a torn file:\n{text}");
        assert!(parse_document(&text).is_ok(), "round {round}");
        seen_b += usize::from(text == text_b);
    }
    assert!(seen_b > 0, "the child did save at least once (else the test proves nothing)");
}
