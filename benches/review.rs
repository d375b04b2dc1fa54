//! The reviewer's waits on the whole city (`cargo bench --bench review`): a search over every text
//! to its first screen of hits, and the table of every section built and sorted (issue 11, goal 7:
//! each within 50 ms).
//!
//! Through the same functions the screen uses (`app::review::index` and `table`), and once more
//! through the keys (`/` and a query typed, `t` and `s`) as `update` takes them.

mod city;
mod stats;

use std::sync::OnceLock;

use divan::Bencher;
use hyoka::app::review::Column;
use hyoka::app::review::{index, table};
use hyoka::app::state::SearchIndex;
use hyoka::app::{Action, App, FileEntry, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::text::fold::fold;

fn main() {
    println!("{}", stats::header("review"));
    divan::main();
    println!("load average {} at the end", stats::load());
}

fn city() -> Vec<FileEntry> {
    static CITY: OnceLock<Vec<FileEntry>> = OnceLock::new();
    let made = CITY.get_or_init(|| city::entries(1).unwrap_or_default());
    if made.is_empty() {
        eprintln!("review bench: the city could not be made");
        std::process::exit(1);
    }
    made.clone()
}

fn built_index(files: &[FileEntry]) -> SearchIndex {
    let mut search = SearchIndex::default();
    index::refresh(&mut search, files, false);
    search
}

/// Every text folded for matching: once per change of a file (when `/` opens the prompt).
#[divan::bench(sample_count = 10)]
fn search_index(bencher: Bencher) {
    let files = city();
    bencher.bench_local(|| built_index(&files));
}

/// One query over every text of the city: the hits of every row, in order.
#[divan::bench(args = ["ホームページ", "１割", "窓口対応", "ｸﾚｰﾑ"], sample_count = 20)]
fn search_hits(bencher: Bencher, query: &str) {
    let files = city();
    let search = built_index(&files);
    let folded = fold(query, false);
    bencher.bench_local(|| index::hits(&search, &folded, None));
}

/// A key of the query typed at the prompt, as the screen takes it: every file searched, the cursor
/// moved to the first hit, the hits marked (the index already built by `/`).
#[divan::bench(sample_count = 20)]
fn search_key(bencher: Bencher) {
    let mut app = App::new(city(), hyoka::app::Settings::new(Lang::Ja).known_as("bench", false));
    update(&mut app, Action::Resize(200, 60));
    update(&mut app, Action::Command(Command::Search));
    let mut typed = 0_usize;
    bencher.bench_local(|| {
        // 窓口 typed, then taken back, over and over: each key is a new search.
        let action = if typed.is_multiple_of(2) { Action::Type('窓') } else { Action::Command(Command::DeleteBack) };
        typed += 1;
        update(&mut app, action)
    });
}

/// The rows of the table of every section (10,000), built from the files.
#[divan::bench(sample_count = 20)]
fn table_rows(bencher: Bencher) {
    let files = city();
    bencher.bench_local(|| table::rows(&files, None));
}

/// The table sorted by a column.
#[divan::bench(args = [Column::Section, Column::Rating, Column::Updated, Column::UpdatedBy], sample_count = 20)]
fn table_sort(bencher: Bencher, column: Column) {
    let files = city();
    let rows = table::rows(&files, None);
    bencher.with_inputs(|| rows.clone()).bench_local_values(|mut rows| {
        table::sort(&mut rows, column, true);
        rows
    });
}

/// `t` then `s` as the screen takes them: the table built, then sorted by the chosen column.
#[divan::bench(sample_count = 10)]
fn table_keys(bencher: Bencher) {
    let mut app = App::new(city(), hyoka::app::Settings::new(Lang::Ja).known_as("bench", false));
    update(&mut app, Action::Resize(200, 60));
    bencher.bench_local(|| {
        update(&mut app, Action::Command(Command::Table));
        update(&mut app, Action::Command(Command::SortBy));
        update(&mut app, Action::Command(Command::Back))
    });
}
