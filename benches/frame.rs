//! Frames and keys at 200×60 on the whole city and on the sample (`cargo bench --bench frame`).
//!
//! The whole city open (10,000 sections) and the sample (11), unchanged and after a tree move,
//! through `ui::draw` on ratatui's `TestBackend` after `update`, as the event loop does; and the
//! parts of the state a frame or a key reads (the tree's rows, `relayout`, the unsaved count,
//! `update(Tick)`), timed alone for the state side's owner.

mod city;
mod stats;

use std::cell::RefCell;
use std::sync::OnceLock;

use divan::Bencher;
use hyoka::app::{Action, App, FileEntry, action_for, split_escape, update};
use hyoka::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Counts allocations per benchmark: a frame should make few, and `ui::finish` none per cell.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn main() {
    println!("{}", stats::header("frame"));
    divan::main();
    println!("load average {} at the end", stats::load());
}

/// A bench that cannot set itself up ends the run, saying why.
fn fail(why: &str) -> ! {
    eprintln!("frame bench: {why}");
    std::process::exit(1)
}

/// What the benches open: the sample, and the city at each scale `HYOKA_BENCH_SCALES` names
/// (1 and 16 unless it says otherwise): a per-key figure that grows from 1× to 16× grows with the data.
fn cases() -> Vec<&'static str> {
    let scales = std::env::var("HYOKA_BENCH_SCALES").unwrap_or_else(|_| "1,16".into());
    let mut out = vec!["sample"];
    for scale in scales.split(',').map(str::trim) {
        out.extend(match scale {
            "1" => Some("city"),
            "4" => Some("city4"),
            "16" => Some("city16"),
            _ => None,
        });
    }
    out
}

/// The data a bench opens: the city at a scale, or the sample.
fn entries(which: &str) -> Vec<FileEntry> {
    static CITY: OnceLock<Vec<FileEntry>> = OnceLock::new();
    static CITY4: OnceLock<Vec<FileEntry>> = OnceLock::new();
    static CITY16: OnceLock<Vec<FileEntry>> = OnceLock::new();
    static SAMPLE: OnceLock<Vec<FileEntry>> = OnceLock::new();
    let made = match which {
        "city" => CITY.get_or_init(|| city::entries(1).unwrap_or_default()),
        "city4" => CITY4.get_or_init(|| city::entries(4).unwrap_or_default()),
        "city16" => CITY16.get_or_init(|| city::entries(16).unwrap_or_default()),
        _ => SAMPLE.get_or_init(|| city::sample_entries().unwrap_or_default()),
    };
    if made.is_empty() {
        fail("the bench data could not be made");
    }
    made.clone()
}

/// hyoka's screen as the event loop holds it: the state and a terminal with the last frame.
struct Screen {
    app: App,
    terminal: Terminal<TestBackend>,
    /// Which way the next tree move goes: down for 300 rows, then up, so that every move moves
    /// (through page scrolls) and the cursor stays in the same stretch of the tree.
    moves: u32,
}

impl Screen {
    fn open(which: &str) -> Screen {
        let mut app = App::new(entries(which), hyoka::app::Settings::new(Lang::Ja).known_as("bench", false));
        update(&mut app, Action::Resize(WIDTH, HEIGHT));
        let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap_or_else(|e| fail(&e.to_string()));
        let mut screen = Screen { app, terminal, moves: 0 };
        screen.draw();
        screen
    }

    fn draw(&mut self) {
        let app = &self.app;
        let drawn = self.terminal.draw(|frame| hyoka::ui::draw(frame, app));
        divan::black_box(drawn.is_ok());
    }

    /// A key as the event loop takes it: the key map, then `update`.
    fn key(&mut self, code: KeyCode) {
        for key in split_escape(KeyEvent::new(code, KeyModifiers::NONE)) {
            if let Some(action) = action_for(&self.app, key) {
                divan::black_box(update(&mut self.app, action));
            }
        }
    }

    fn tree_move(&mut self) {
        self.moves = (self.moves + 1) % 600;
        self.key(if self.moves < 300 { KeyCode::Char('j') } else { KeyCode::Char('k') });
    }
}

/// The same state drawn again: what a frame costs when nothing changed.
#[divan::bench(args = cases(), max_time = 10)]
fn frame_unchanged(bencher: Bencher, which: &str) {
    let mut screen = Screen::open(which);
    bencher.bench_local(|| screen.draw());
}

/// A frame after a tree move (the move itself not timed).
#[divan::bench(args = cases(), sample_size = 1, sample_count = 200, max_time = 10)]
fn frame_after_move(bencher: Bencher, which: &str) {
    let screen = RefCell::new(Screen::open(which));
    bencher.with_inputs(|| screen.borrow_mut().tree_move()).bench_local_values(|()| screen.borrow_mut().draw());
}

/// One key: the key map, `update` and the frame, as between a key press and the screen.
#[divan::bench(args = cases(), max_time = 10)]
fn key_and_frame(bencher: Bencher, which: &str) {
    let mut screen = Screen::open(which);
    bencher.bench_local(|| {
        screen.tree_move();
        screen.draw();
    });
}

/// The state side of a key alone: key map and `update` (no frame).
#[divan::bench(args = cases(), max_time = 10)]
fn key_update_only(bencher: Bencher, which: &str) {
    let mut screen = Screen::open(which);
    bencher.bench_local(|| screen.tree_move());
}

/// `update(Tick)`: what the state does twice a second while nobody types (looks for new work to
/// journal, asks for a look at the files, and relayouts as after every action).
#[divan::bench(args = cases(), max_time = 5)]
fn tick_update_only(bencher: Bencher, which: &str) {
    let mut screen = Screen::open(which);
    bencher.bench_local(|| update(&mut screen.app, Action::Tick));
}

/// What a tree key and the tree's drawing read of the rows: the cursor's row found, and a
/// screen of rows from there.
#[divan::bench(args = cases(), max_time = 5)]
fn tree_rows(bencher: Bencher, which: &str) {
    let screen = Screen::open(which);
    let app = &screen.app;
    bencher.bench_local(|| {
        let at = app.tree_rows().index_of(app.cursor()).unwrap_or(0);
        app.tree_rows().window(at, 58).count()
    });
}

/// A resize to 200×60 through `update`: the pane sizes and wrapped texts laid out again.
#[divan::bench(args = cases(), max_time = 5)]
fn relayout(bencher: Bencher, which: &str) {
    let mut screen = Screen::open(which);
    bencher.bench_local(|| update(&mut screen.app, Action::Resize(WIDTH, HEIGHT)));
}

/// What the status line asks of the state on every frame: the unsaved count and whether anything
/// is unsaved.
#[divan::bench(args = cases(), max_time = 5)]
fn status_counts(bencher: Bencher, which: &str) {
    let screen = Screen::open(which);
    bencher.bench_local(|| (screen.app.unsaved_sections(), screen.app.has_unsaved()));
}

/// `ui::finish` alone, on the city's frame: the last pass over every cell.
#[divan::bench(max_time = 5)]
fn finish_pass(bencher: Bencher) {
    let screen = Screen::open("city");
    let (buffer, measure) = (screen.terminal.backend().buffer().clone(), screen.app.ambiguous_width());
    bencher.with_inputs(|| buffer.clone()).bench_local_refs(|buffer| hyoka::ui::finish(buffer, false, measure));
}
