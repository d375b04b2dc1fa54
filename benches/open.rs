//! Opening the city at 1×, 4× and 16× against a bare serde-saphyr parse (`cargo bench --bench open`).
//!
//! Side by side in one run: the baseline (each file read and parsed by serde-saphyr into plain
//! structs, one thread), `hyoka check` (find, read, parse with positions, validate, on every
//! core), every file read as the screen reads them (the same, with each file's stamp, permission
//! and fingerprint), and the screen's first frame (the folders and each file's head, the first
//! file read, the state, the layout and one 200×60 frame; the rest is read after it).
//!
//! `HYOKA_BENCH_SCALES=1,4` leaves out 16× (330 MB of YAML).

mod bare;
mod city;
mod stats;

use std::path::{Path, PathBuf};

use divan::Bencher;
use hyoka::app::{Action, App, update};
use hyoka::i18n::Lang;
use hyoka::worker::{check_workspace, load_workspace, open_workspace};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    println!("{}", stats::header("open"));
    divan::main();
    println!("load average {} at the end", stats::load());
}

/// A bench that cannot set itself up ends the run, saying why.
fn fail(why: &str) -> ! {
    eprintln!("open bench: {why}");
    std::process::exit(1)
}

fn scales() -> Vec<usize> {
    city::scales()
}

/// The city at `scale`, written once under the target folder and kept for the next run.
fn city_dir(scale: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hyoka-bench");
    city::kept(&root, scale).unwrap_or_else(|e| fail(&e)).0
}

/// The baseline: plain structs, one file after another.
#[divan::bench(args = scales(), sample_count = 5, sample_size = 1, max_time = 120)]
fn bare_parse(bencher: Bencher, scale: usize) {
    let dir = city_dir(scale);
    // The documents are returned, so that freeing them is not timed (divan drops them after).
    bencher.bench(|| bare::files(&dir).map(|f| bare::parse(&f).ok()).ok());
}

/// `hyoka check`: every file found, read, parsed with positions and validated.
#[divan::bench(args = scales(), sample_count = 5, sample_size = 1, max_time = 120)]
fn check(bencher: Bencher, scale: usize) {
    let dir = city_dir(scale);
    bencher.bench(|| check_workspace(&dir).ok());
}

/// Every file read as the screen holds it (what its readers do in the background, here at once).
#[divan::bench(args = scales(), sample_count = 5, sample_size = 1, max_time = 120)]
fn every_file(bencher: Bencher, scale: usize) {
    let dir = city_dir(scale);
    bencher.bench(|| load_workspace(&dir).ok());
}

/// The screen's first frame: the folders and heads, the first file, the state, a 200×60 frame.
#[divan::bench(args = scales(), sample_count = 10, sample_size = 1, max_time = 120)]
fn first_frame(bencher: Bencher, scale: usize) {
    let dir = city_dir(scale);
    bencher.bench_local(|| {
        let files = open_workspace(&dir).unwrap_or_default();
        let mut app = App::new(files, hyoka::app::Settings::new(Lang::Ja).known_as("bench", false));
        update(&mut app, Action::Resize(200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|e| fail(&e.to_string()));
        let drawn = terminal.draw(|frame| hyoka::ui::draw(frame, &app)).is_ok();
        (app, terminal, drawn)
    });
}
