//! The reviewers' test data (`tests/fixtures/review/`): organisations × fiscal years × sections made
//! of the sample's own sentences, with what the reviewer's tests need (a section absent in one year,
//! stamps by two logins, unrated and incomplete sections). Regenerate with
//! `cargo run --example review_city -- tests/fixtures/review 2 3 11`. The benchmarks' city is
//! `examples/city.rs` (`benches/city/`).

use std::path::PathBuf;
use std::time::Instant;

use chrono::DateTime;
use hyoka::model::{Division, Document, Section};
use hyoka::store::{emit_document, parse_document};

const SAMPLE: &str = include_str!("../data/kamigyo/2008.yaml");
const FIRST_YEAR: i32 = 2006;
const LOGINS: [&str; 2] = ["kumin01", "tanaka"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(args.first().ok_or("usage: review_city OUT [ORGANISATIONS YEARS SECTIONS]")?);
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
