//! A deterministic city of data files for tests and measurements: the sample's own sentences
//! recombined (no invented text), organisations × fiscal years × sections.
//!
//! `cargo run --release --example city -- OUT [ORGANISATIONS YEARS SECTIONS]` writes
//! OUT/<organisation>/<year>.yaml (defaults 20 × 10 × 50 = 10,000 sections, as issue 11's city).
//! `tests/fixtures/review/` is `-- tests/fixtures/review 2 3 11`; `--time` after the numbers
//! loads the city and times the search and the table (see README "Reviewing").

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::DateTime;
use hyoka::model::{Division, Document, Section};
use hyoka::store::{emit_document, parse_document};

const SAMPLE: &str = include_str!("../data/kamigyo/2008.yaml");
const FIRST_YEAR: i32 = 2006;
const LOGINS: [&str; 2] = ["kumin01", "tanaka"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(args.first().ok_or("usage: city OUT [ORGANISATIONS YEARS SECTIONS] [--time]")?);
    let number = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (organisations, years, sections) = (number(1, 20), number(2, 10), number(3, 50));
    let sample = parse_document(SAMPLE).map_err(|p| format!("{p:?}"))?;
    let started = Instant::now();
    for o in 0..organisations {
        for y in 0..years {
            let doc = document(&sample, o, y, sections);
            let path = out.join(folder(o)).join(format!("{}.yaml", doc.fiscal_year));
            std::fs::create_dir_all(path.parent().ok_or("no folder")?)?;
            std::fs::write(&path, emit_document(&doc))?;
        }
    }
    eprintln!("wrote {} files in {:?}", organisations * years, started.elapsed());
    if args.iter().any(|a| a == "--time") {
        time(&out)?;
    }
    Ok(())
}

/// The `i`-th item, counting round the end.
fn cycle<T: Copy>(items: &[T], i: usize) -> Option<T> {
    items.get(i % items.len().max(1)).copied()
}

fn folder(o: usize) -> String {
    match o {
        0 => "kamigyo".to_owned(),
        1 => "kitayama".to_owned(),
        n => format!("ward{n:02}"),
    }
}

fn organisation(o: usize) -> String {
    match o {
        0 => "上京区役所".to_owned(),
        1 => "北山市役所".to_owned(),
        n => format!("上京区役所{n}"),
    }
}

/// One file: the sample's divisions and section names (numbered when they come round again),
/// each field taken from another section of the sample, chosen by place, year and organisation.
fn document(sample: &Document, o: usize, y: usize, sections: usize) -> Document {
    let fiscal_year = FIRST_YEAR + i32::try_from(y).unwrap_or(0);
    let names: Vec<(usize, &str)> = sample
        .divisions
        .iter()
        .enumerate()
        .flat_map(|(d, division)| division.sections.iter().map(move |s| (d, s.name.as_str())))
        .collect();
    let pool: Vec<&Section> = sample.divisions.iter().flat_map(|d| &d.sections).collect();
    let goals: Vec<&String> = pool.iter().flat_map(|s| &s.goals).collect();
    let mut divisions: Vec<Division> =
        sample.divisions.iter().map(|d| Division { name: d.name.clone(), sections: Vec::new() }).collect();
    for s in 0..sections {
        // The middle year of the first organisation lacks its last section (renamed, say).
        if o == 0 && y == 1 && s + 1 == sections {
            continue;
        }
        let Some((d, base)) = cycle(&names, s) else { continue };
        let round = s / names.len().max(1);
        let name = if round == 0 { base.to_owned() } else { format!("{base}{}", round + 1) };
        let pick = |k: usize| s * 7 + y * k + o * 3;
        let mut section = Section::new(name);
        section.goals.extend(cycle(&goals, pick(3)).cloned());
        if (s + y).is_multiple_of(3) {
            section.goals.extend(cycle(&goals, pick(5) + 1).cloned());
        }
        section.progress = cycle(&pool, pick(2)).map(|p| p.progress.clone()).unwrap_or_default();
        section.rating = cycle(&["◎", "○", "△", "×", ""], s + y * 2 + o).filter(|r| !r.is_empty()).map(str::to_owned);
        section.reflection = cycle(&pool, pick(1) + 5).map(|p| p.reflection.clone()).unwrap_or_default();
        if (s + y + o) % 9 == 4 {
            section.reflection.clear();
        }
        if (s + y).is_multiple_of(4) {
            let stamp = format!("{}-03-{:02}T09:{:02}:00+09:00", fiscal_year + 1, 10 + s % 18, s % 60);
            section.updated = DateTime::parse_from_rfc3339(&stamp).ok();
            section.updated_by = cycle(&LOGINS, s + o).map(str::to_owned);
        }
        if let Some(division) = divisions.get_mut(d) {
            division.sections.push(section);
        }
    }
    divisions.retain(|d| !d.sections.is_empty());
    Document {
        organization: organisation(o),
        fiscal_year,
        stage: None,
        checkpoint: chrono::NaiveDate::from_ymd_opt(fiscal_year, 11, 30),
        preface: None,
        notes: None,
        scale: None,
        divisions,
    }
}

fn update_size(app: &mut hyoka::app::App) {
    hyoka::app::update(app, hyoka::app::Action::Resize(200, 60));
}

/// Loads the city and times what a reviewer waits for, in this build (use --release).
fn time(root: &Path) -> Result<(), Box<dyn std::error::Error>> {
    use hyoka::app::Action;
    use hyoka::app::review::{index, table};
    use hyoka::app::state::{Column, SearchIndex};
    use hyoka::command::Command;
    use hyoka::text::fold::fold;
    let started = Instant::now();
    let files = hyoka::app::load_workspace(root)?;
    let sections: usize =
        files.iter().filter_map(|f| f.doc()).map(|d| d.divisions.iter().map(|d| d.sections.len()).sum::<usize>()).sum();
    println!("load {} files, {sections} sections: {:?}", files.len(), started.elapsed());
    let mut search = SearchIndex::default();
    let started = Instant::now();
    index::refresh(&mut search, &files, false);
    println!("search index, built once per change of a file: {:?}", started.elapsed());
    for query in ["ホームページ", "１割", "窓口", "ｸﾚｰﾑ"] {
        let started = Instant::now();
        let hits = index::hits(&search, &fold(query, false), None);
        println!("search {query}: {} rows, {} hits in {:?}", hits.order.len(), hits.total, started.elapsed());
    }
    // The same through the keys, as the screen does it: `/`, then each key of the query.
    let mut app = hyoka::app::App::new(files.clone(), hyoka::i18n::Lang::Ja);
    let key = |app: &mut hyoka::app::App, action: Action| {
        let started = Instant::now();
        hyoka::app::update(app, action);
        started.elapsed()
    };
    update_size(&mut app);
    println!("key /  (the prompt; the index is built here): {:?}", key(&mut app, Action::Command(Command::Search)));
    for c in "窓口対応".chars() {
        println!("key {c}  (search, move to the first hit, marks): {:?}", key(&mut app, Action::Type(c)));
    }
    println!("key Enter: {:?}", key(&mut app, Action::Command(Command::Accept)));
    println!("key n: {:?}", key(&mut app, Action::Command(Command::NextHit)));
    println!("key t  (the table of every section): {:?}", key(&mut app, Action::Command(Command::Table)));
    println!("key s  (sort by the column chosen): {:?}", key(&mut app, Action::Command(Command::SortBy)));
    println!("key s  (reversed): {:?}", key(&mut app, Action::Command(Command::SortBy)));
    println!("key PageDown: {:?}", key(&mut app, Action::Command(Command::PageDown)));
    // One frame of the table: only the rows on screen are drawn.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 60))?;
    let started = Instant::now();
    terminal.draw(|frame| hyoka::ui::draw(frame, &app))?;
    println!("frame of the table, 200x60: {:?}", started.elapsed());
    let started = Instant::now();
    let mut rows = table::rows(&files, None);
    println!("table rows: {} in {:?}", rows.len(), started.elapsed());
    for column in [Column::Section, Column::Rating, Column::Updated, Column::UpdatedBy] {
        let started = Instant::now();
        table::sort(&mut rows, column, true);
        println!("sort by {column:?}: {:?}", started.elapsed());
    }
    Ok(())
}
