//! Opening the city at 1×, 4× and 16× against a bare serde-saphyr parse (`cargo bench --bench open`).
//!
//! Side by side in one run: the baseline (each file read and parsed by serde-saphyr into plain structs, one thread),
//! `hyoka check` (what it does before printing: find, read, parse with positions, validate), and
//! the screen's first frame (the same, then the state, the layout and one 200×60 frame).
//!
//! `HYOKA_BENCH_SCALES=1,4` leaves out 16× (330 MB of YAML).

mod bare;
mod city;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::Bencher;
use hyoka::app::{Action, App, update};
use hyoka::i18n::Lang;
use hyoka::worker::load_workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// A bench that cannot set itself up ends the run, saying why.
fn fail(why: &str) -> ! {
    eprintln!("open bench: {why}");
    std::process::exit(1)
}

/// The scales this run measures: 1, 4 and 16 unless `HYOKA_BENCH_SCALES` says otherwise.
fn scales() -> Vec<usize> {
    let chosen = std::env::var("HYOKA_BENCH_SCALES").unwrap_or_else(|_| "1,4,16".into());
    chosen.split(',').filter_map(|s| s.trim().parse().ok()).collect()
}

/// The city at `scale`, written once under the target folder and kept for the next run.
fn city_dir(scale: usize) -> PathBuf {
    static MADE: OnceLock<std::sync::Mutex<Vec<usize>>> = OnceLock::new();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hyoka-bench").join(format!("city-{scale}"));
    let mut made = MADE.get_or_init(Default::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !made.contains(&scale) {
        let marker = dir.join(".complete");
        if !marker.exists() {
            let _ = std::fs::remove_dir_all(&dir);
            let written = city::write(&dir, scale).unwrap_or_else(|e| fail(&e));
            std::fs::write(&marker, written.bytes.to_string()).unwrap_or_else(|e| fail(&e.to_string()));
        }
        made.push(scale);
    }
    dir
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
    bencher.bench(|| load_workspace(&dir).ok());
}

/// The screen's first frame: what `check` does, then the state, the layout and a 200×60 frame.
#[divan::bench(args = scales(), sample_count = 5, sample_size = 1, max_time = 600)]
fn first_frame(bencher: Bencher, scale: usize) {
    let dir = city_dir(scale);
    bencher.bench_local(|| {
        let files = load_workspace(&dir).unwrap_or_default();
        let mut app = App::new(files, hyoka::app::Settings::new(Lang::Ja).known_as("bench", false));
        update(&mut app, Action::Resize(200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|e| fail(&e.to_string()));
        let drawn = terminal.draw(|frame| hyoka::ui::draw(frame, &app)).is_ok();
        (app, terminal, drawn)
    });
}
