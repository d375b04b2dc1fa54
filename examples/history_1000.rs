//! How long the history view waits on a repository of a thousand commits (run with
//! `cargo run --release --example history_1000`): a temporary repository is made with one
//! `git fast-import`, then the file's and a section's first page and the whole history are timed.

use std::io::Write as _;
use std::process::Stdio;
use std::time::Instant;

use hyoka::git::{FileHistory, Git, Repo, Scope};
use hyoka::store::{emit_document, parse_document};

const SAMPLE: &str = include_str!("../data/kamigyo/2008.yaml");
const FILE: &str = "data/kamigyo/2008.yaml";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let commits: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let dir = tempfile::tempdir()?;
    let git = Git::find()
        .ok_or("git is not on the PATH")?
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir.path());
    let mut doc = parse_document(SAMPLE).map_err(|p| format!("{p:?}"))?;
    let names: Vec<(String, String)> =
        doc.divisions.iter().flat_map(|d| d.sections.iter().map(|s| (d.name.clone(), s.name.clone()))).collect();
    let mut stream = Vec::new();
    for i in 0..commits {
        let Some((d, s)) = names.get(i % names.len()) else { break };
        if let Some(section) = doc.find_section_mut(d, s) {
            section.reflection = format!("第{i}版の振り返り。{}", section.reflection);
        }
        let text = emit_document(&doc);
        let ident = format!("clerk{} <c@example.invalid> {} +0900", i % 7, 1_700_000_000 + i * 60);
        writeln!(
            stream,
            "commit refs/heads/main\nauthor {ident}\ncommitter {ident}\ndata {}\nv{i}",
            format!("v{i}").len()
        )?;
        writeln!(stream, "M 100644 inline {FILE}\ndata {}\n{text}", text.len())?;
    }
    let run = |args: &[&str]| git.command(dir.path()).args(args).stdout(Stdio::null()).status();
    run(&["init", "-q", "-b", "main"])?;
    let mut import = git.command(dir.path()).args(["fast-import", "--quiet"]).stdin(Stdio::piped()).spawn()?;
    import.stdin.take().ok_or("no stdin")?.write_all(&stream)?;
    import.wait()?;
    run(&["reset", "-q", "--hard", "main"])?;
    let size = std::fs::metadata(dir.path().join(FILE))?.len();
    println!("{commits} commits of a {size}-byte file, {} sections changed in turn", names.len());

    let repo = Repo::discover(&git, dir.path())?;
    let started = Instant::now();
    let mut history = FileHistory::open(&repo, &dir.path().join(FILE))?;
    println!("open (git log):                 {:>8.1?}", started.elapsed());
    let t = Instant::now();
    history.fill(&Scope::File, 20)?;
    println!("first page of the file (20):    {:>8.1?}  {} commits examined", t.elapsed(), history.examined());
    let t = Instant::now();
    let (division, section) = names.first().cloned().ok_or("no sections")?;
    let scope = Scope::Section { division: division.clone(), section: section.clone() };
    history.fill(&scope, 20)?;
    println!("first page of {division} {section} (20): {:>8.1?}  {} commits examined", t.elapsed(), history.examined());
    let t = Instant::now();
    let index = history.entries_for(&scope).next().map(|(i, _)| i).ok_or("no entry")?;
    let diff = history.section_diff(index, &division, &section);
    println!("diff of one entry:              {:>8.1?}  {} fields", t.elapsed(), diff.map_or(0, |d| d.fields.len()));
    let t = Instant::now();
    while history.step(64)? > 0 {}
    println!("the rest, in steps of 64:       {:>8.1?}  {} versions parsed", t.elapsed(), history.versions_parsed());
    let t = Instant::now();
    history.refresh()?;
    while history.step(64)? > 0 {}
    println!("again after refresh (cached):   {:>8.1?}", t.elapsed());
    Ok(())
}
