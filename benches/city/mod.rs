//! The benches' data: a whole city of data files, made deterministically from the sample's sentences.
//!
//! `scale` 1 is what a planning office reads: 20 organisations × 10 fiscal years × 50 sections
//! (10,000 sections, about 20 MB of YAML, about 2 KB a section); 4 and 16 have that many more
//! organisations. No text is invented: every goal, progress line and reflection is made of whole
//! sentences of `data/kamigyo/2008.yaml`, recombined by a seeded generator, and the names are the
//! sample's with a number. The same scale always gives the same bytes.
//!
//! Shared by the benches (`mod city;`) and `examples/city.rs` (`#[path]`), so it is not part of
//! the library; each user takes what it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use hyoka::app::FileEntry;
use hyoka::model::{Division, Document, Section};
use hyoka::store::{emit_document, parse_document};

pub const SAMPLE: &str = include_str!("../../data/kamigyo/2008.yaml");
pub const ORGANISATIONS: usize = 20;
pub const YEARS: i32 = 10;
pub const FIRST_YEAR: i32 = 2008;
pub const SECTIONS: usize = 50;
pub const DIVISIONS: usize = 5;
/// What a section's text should come to on average, in bytes of YAML.
const SECTION_BYTES: usize = 2000;

/// The sample, parsed: the source of every sentence and name.
pub fn sample() -> Result<Document, String> {
    parse_document(SAMPLE).map_err(|p| format!("the sample does not parse: {p:?}"))
}

/// The sample's sentences, by the field they come from.
struct Pool {
    goals: Vec<String>,
    progress: Vec<String>,
    reflection: Vec<String>,
    divisions: Vec<String>,
    sections: Vec<String>,
}

/// Cuts a text into sentences after each 。 (kept), and at line breaks; bullets (・) are dropped,
/// to be put back in front of each progress line.
fn sentences(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().flat_map(|line| {
        let line = line.trim().trim_start_matches('・').trim();
        line.split_inclusive('。').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect::<Vec<_>>()
    })
}

impl Pool {
    fn of(sample: &Document) -> Pool {
        let sections = || sample.divisions.iter().flat_map(|d| &d.sections);
        Pool {
            goals: sections().flat_map(|s| s.goals.iter().cloned()).collect(),
            progress: sections().flat_map(|s| sentences(&s.progress)).collect(),
            reflection: sections().flat_map(|s| sentences(&s.reflection)).collect(),
            divisions: sample.divisions.iter().map(|d| d.name.clone()).collect(),
            sections: sections().map(|s| s.name.clone()).collect(),
        }
    }
}

/// SplitMix64: small, fast, and the same numbers on every machine.
struct Random(u64);

impl Random {
    fn new(seed: u64) -> Random {
        Random(seed ^ 0x5EED_1A2B_3C4D_5E6F)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn pick<'a>(&mut self, from: &'a [String]) -> &'a str {
        from.get(self.below(from.len())).map_or("", String::as_str)
    }
}

/// The name at `index` of a list that repeats: the sample's name, numbered from its second round on.
fn numbered(names: &[String], index: usize) -> String {
    let name = names.get(index % names.len().max(1)).cloned().unwrap_or_default();
    match index / names.len().max(1) {
        0 => name,
        round => format!("{name}{}", round + 1),
    }
}

fn section(pool: &Pool, name: String, random: &mut Random, marks: &[String]) -> Section {
    let mut section = Section::new(name);
    let goals = 1 + random.below(3);
    section.goals = (0..goals).map(|_| random.pick(&pool.goals).to_owned()).collect();
    // Each section comes to between 0.7 and 1.3 times the average, like real ones.
    let target = SECTION_BYTES * 7 / 10 + random.below(SECTION_BYTES * 6 / 10);
    let mut progress: Vec<String> = Vec::new();
    let mut reflection = String::new();
    let mut size = section.goals.iter().map(|g| g.len() + 12).sum::<usize>() + section.name.len() + 120;
    while size < target {
        if random.below(2) == 0 {
            let line = format!("・{}", random.pick(&pool.progress));
            size += line.len() + 11;
            progress.push(line);
        } else {
            let sentence = random.pick(&pool.reflection);
            size += sentence.len();
            reflection.push_str(sentence);
        }
    }
    section.progress = progress.join("\n");
    section.reflection = reflection;
    // One section in ten is not rated yet: the tree marks it, as a reviewer would see.
    section.rating = match random.below(10) {
        0 => None,
        n => marks.get(n % marks.len().max(1)).cloned(),
    };
    section
}

/// The organisation's folder and name: the sample's, with a number.
pub fn organisation(index: usize) -> (String, String) {
    (format!("kamigyo{:03}", index + 1), format!("上京区役所{}", index + 1))
}

/// Every document of the city at `scale`, with its path relative to the city's folder.
pub fn documents(scale: usize) -> Result<Vec<(PathBuf, Document)>, String> {
    let sample = sample()?;
    let pool = Pool::of(&sample);
    let marks: Vec<String> = sample.scale().iter().map(|g| g.mark.clone()).collect();
    let mut out = Vec::new();
    for org in 0..ORGANISATIONS * scale {
        let (folder, name) = organisation(org);
        for year in FIRST_YEAR..FIRST_YEAR + YEARS {
            let seed = (u64::try_from(org).unwrap_or(0) << 16) | u64::try_from(year).unwrap_or(0);
            let mut random = Random::new(seed);
            let mut doc = Document {
                organization: name.clone(),
                fiscal_year: year,
                checkpoint: chrono::NaiveDate::from_ymd_opt(year, 11, 30),
                divisions: Vec::new(),
                ..sample.clone()
            };
            let per_division = SECTIONS / DIVISIONS;
            for d in 0..DIVISIONS {
                let sections = (0..per_division)
                    .map(|s| section(&pool, numbered(&pool.sections, d * per_division + s), &mut random, &marks))
                    .collect();
                doc.divisions.push(Division { name: numbered(&pool.divisions, d), sections });
            }
            out.push((PathBuf::from(&folder).join(format!("{year}.yaml")), doc));
        }
    }
    Ok(out)
}

/// What was written.
pub struct Written {
    pub files: usize,
    pub sections: usize,
    pub bytes: u64,
}

/// Writes the city at `scale` under `dir` (made if missing), as hyoka itself writes files.
pub fn write(dir: &Path, scale: usize) -> Result<Written, String> {
    let mut written = Written { files: 0, sections: 0, bytes: 0 };
    for (path, doc) in documents(scale)? {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        let text = emit_document(&doc);
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.files += 1;
        written.sections += doc.divisions.iter().map(|d| d.sections.len()).sum::<usize>();
        written.bytes += u64::try_from(text.len()).unwrap_or(u64::MAX);
    }
    Ok(written)
}

/// The city at `scale` under `root` (`city-1`, …), written once and kept for the next run (a
/// `.complete` mark holds its bytes); its folder and bytes.
pub fn kept(root: &Path, scale: usize) -> Result<(PathBuf, u64), String> {
    let dir = root.join(format!("city-{scale}"));
    let marker = dir.join(".complete");
    if let Some(bytes) = std::fs::read_to_string(&marker).ok().and_then(|b| b.trim().parse::<u64>().ok()) {
        return Ok((dir, bytes));
    }
    let _ = std::fs::remove_dir_all(&dir);
    let written = write(&dir, scale)?;
    std::fs::write(&marker, written.bytes.to_string()).map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok((dir, written.bytes))
}

/// The scales a bench measures: 1, 4 and 16 unless `HYOKA_BENCH_SCALES` says otherwise.
pub fn scales() -> Vec<usize> {
    let chosen = std::env::var("HYOKA_BENCH_SCALES").unwrap_or_else(|_| "1,4,16".into());
    chosen.split(',').filter_map(|s| s.trim().parse().ok()).collect()
}

/// The city in memory, as hyoka holds it after opening the folder (paths under `city/`).
pub fn entries(scale: usize) -> Result<Vec<FileEntry>, String> {
    Ok(documents(scale)?
        .into_iter()
        .map(|(path, doc)| {
            let text = emit_document(&doc);
            FileEntry::loaded(Path::new("city").join(path), doc, text)
        })
        .collect())
}

/// The sample alone, as hyoka holds it.
pub fn sample_entries() -> Result<Vec<FileEntry>, String> {
    Ok(vec![FileEntry::loaded("data/kamigyo/2008.yaml", sample()?, SAMPLE)])
}

/// Writes `from` again at `to` with every section of the first division given the content of its
/// first section (names kept): moving among them changes the tree and the status line only.
pub fn write_alike(from: &Path, to: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(from).map_err(|e| format!("{}: {e}", from.display()))?;
    let mut doc = parse_document(&text).map_err(|p| format!("{}: {p:?}", from.display()))?;
    if let Some(division) = doc.divisions.first_mut()
        && let Some(first) = division.sections.first().cloned()
    {
        for section in &mut division.sections {
            *section = Section { name: std::mem::take(&mut section.name), ..first.clone() };
        }
    }
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(to, emit_document(&doc)).map_err(|e| format!("{}: {e}", to.display()))
}
