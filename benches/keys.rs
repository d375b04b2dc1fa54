//! The real binary in a pseudo-terminal, key to screen, at 1×, 4× and 16× the city
//! (`cargo bench --bench keys`): the first frame (beside a bare parse of the same city), tree
//! moves pressed a third of a second apart, 500 moves sent at once, and Ctrl-S to 保存しました
//! (beside the bare atomic write of the same bytes). Prints spreads; asserts no time.
//!
//! `HYOKA_BENCH_SCALES=1,4` leaves out 16×; `HYOKA_BENCH_ONLY=first|moves|burst|save` runs one
//! part; `HYOKA_BENCH_BIN=path` measures another build of hyoka in the same harness.

mod bare;
mod city;
mod pty;
mod stats;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::{Failure, Pty, hyoka_binary};
use stats::Spread;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
/// How far apart the spaced moves are pressed: a clerk reading as they go.
const SPACED: Duration = Duration::from_millis(333);
const MOVES: usize = 60;
const BURSTS: usize = 7;
const FIRST_FRAMES: usize = 3;
const SAVES: usize = 20;

fn main() -> Result<(), Failure> {
    let only = std::env::var("HYOKA_BENCH_ONLY").ok();
    let runs = |part: &str| only.as_deref().is_none_or(|o| o == part);
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hyoka-bench");
    println!("{}", stats::header(&format!("keys: {}", hyoka_binary())));
    for scale in city::scales() {
        let (dir, _) = city::kept(&root, scale)?;
        if runs("first") {
            first(&dir, scale)?;
        }
        if runs("moves") {
            moves(&dir, scale)?;
        }
        if runs("burst") {
            burst(&dir, scale)?;
        }
    }
    if runs("save") {
        save(&root)?;
    }
    println!("load average {} at the end", stats::load());
    Ok(())
}

/// hyoka on `data` in a 200×60 terminal, with one-column ambiguous characters (no question asked).
fn hyoka(data: &Path) -> Result<Pty, Failure> {
    let data = data.to_str().ok_or("a path that is not UTF-8")?;
    Pty::spawn(&hyoka_binary(), &["--ambiguous-width", "1", data], WIDTH, HEIGHT)
}

/// The status line (second row from the bottom).
fn status(screen: &Pty) -> String {
    screen.row_from_bottom(1)
}

/// Every file is read: the status line, drawn whole (its right end, 保存済み, is drawn last),
/// no longer says 読み込み中.
fn all_read(screen: &Pty) -> bool {
    let status = status(screen);
    status.contains("保存済み") && !status.contains("読み込み中")
}

/// hyoka open on the city with every file read, the output quiet.
fn opened(dir: &Path) -> Result<Pty, Failure> {
    let screen = hyoka(dir)?;
    screen.wait_for(Duration::from_secs(600), |s| status(s).contains("総務課"))?;
    screen.wait_for(Duration::from_secs(600), all_read)?;
    screen.settle(0, Duration::from_millis(500), Duration::from_secs(60))?;
    Ok(screen)
}

fn first(dir: &Path, scale: usize) -> Result<(), Failure> {
    let (mut shown, mut read, mut bare) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..FIRST_FRAMES {
        let screen = hyoka(dir)?;
        let at = screen.wait_for(Duration::from_secs(600), |s| status(s).contains("総務課"))?;
        shown.push(at.duration_since(screen.started));
        let done = screen.wait_for(Duration::from_secs(600), all_read)?;
        read.push(done.duration_since(screen.started));
        drop(screen);
        let started = Instant::now();
        std::hint::black_box(bare::parse(&bare::files(dir)?)?);
        bare.push(started.elapsed());
    }
    println!("\n== {scale}×: first frame (the first section on screen), {FIRST_FRAMES} runs, load {}", stats::load());
    println!("first frame        {}", Spread::of(shown).line());
    println!("every file read    {}", Spread::of(read).line());
    println!("baseline: bare parse of the same city, one thread  {}", Spread::of(bare).line());
    Ok(())
}

/// Presses `key` and waits for the status line to change; the time from the key to that frame.
fn key_to_screen(screen: &mut Pty, key: &str) -> Result<Duration, Failure> {
    let before = status(screen);
    screen.press(key)?;
    let sent = Instant::now();
    let drawn = screen.wait_for(Duration::from_secs(60), |s| status(s) != before)?;
    Ok(drawn.saturating_duration_since(sent))
}

fn moves(dir: &Path, scale: usize) -> Result<(), Failure> {
    let mut screen = opened(dir)?;
    let mut times = Vec::new();
    for _ in 0..MOVES {
        let started = Instant::now();
        times.push(key_to_screen(&mut screen, "j")?);
        std::thread::sleep(SPACED.saturating_sub(started.elapsed()));
    }
    println!(
        "\n== {scale}×: tree moves (j) pressed {} ms apart, key to screen, load {}",
        SPACED.as_millis(),
        stats::load()
    );
    println!("spaced moves       {}", Spread::of(times).line());
    Ok(())
}

fn burst(dir: &Path, scale: usize) -> Result<(), Failure> {
    // Where the cursor must end after each burst: 500 rows further, by the library's own tree.
    let app = hyoka::app::App::new(
        hyoka::worker::load_workspace(dir)?,
        hyoka::app::Settings::new(hyoka::i18n::Lang::Ja).known_as("bench", false),
    );
    let nodes = app.visible_nodes();
    let start = nodes.iter().position(|n| *n == app.cursor()).ok_or("the cursor is in no row")?;
    let mut expected = Vec::new();
    for n in 1..=BURSTS {
        expected.push(place(&app, nodes.get(start + 500 * n).copied().ok_or("the tree is too short")?)?);
    }
    drop(app);
    let mut screen = opened(dir)?;
    let mut times = Vec::new();
    for place in expected {
        screen.press(&"j".repeat(500))?;
        let sent = Instant::now();
        let drawn = screen.wait_for(Duration::from_secs(600), |s| status(s).contains(&place))?;
        times.push(drawn.saturating_duration_since(sent));
        screen.settle(0, Duration::from_millis(300), Duration::from_secs(60))?;
    }
    println!("\n== {scale}×: 500 presses of j sent at once, to the 500th move on screen, load {}", stats::load());
    println!("500 moves at once  {}", Spread::of(times).line());
    Ok(())
}

/// What the status line says at a row: "上京区役所1 平成20年度 › 区民部 › 総務課".
fn place(app: &hyoka::app::App, node: hyoka::app::Node) -> Result<String, Failure> {
    use hyoka::app::Node;
    let doc = app.doc(node.file()).ok_or("no document")?;
    let (division, section) = match node {
        Node::File(_) => return Ok(format!("{} ｜", doc.title())),
        Node::Division(_, d) => (d, None),
        Node::Section(at) => (at.division, Some(at.section)),
    };
    let division = doc.divisions.get(division).ok_or("no division")?;
    Ok(match section.and_then(|s| division.sections.get(s)) {
        Some(s) => format!("{} › {} › {} ｜", doc.title(), division.name, s.name),
        None => format!("{} › {} ｜", doc.title(), division.name),
    })
}

fn save(root: &Path) -> Result<(), Failure> {
    println!("\n== Ctrl-S to 保存しました, the rating changed before each, load {}", stats::load());
    let sample = tempfile::tempdir()?;
    let file = sample.path().join("2008.yaml");
    std::fs::write(&file, city::SAMPLE)?;
    let (one, bytes) = saves(&file, &file, Duration::ZERO)?;
    println!("one file           {}", Spread::of(one).line());
    let (city1, _) = city::kept(root, 1)?;
    let copy = tempfile::tempdir()?;
    copy_dir(&city1, copy.path())?;
    let first = copy.path().join(city::organisation(0).0).join("2008.yaml");
    let (city, _) = saves(copy.path(), &first, Duration::ZERO)?;
    println!("the city (1×) open {}", Spread::of(city).line());
    // As a person saves: a while after the last save, when hyoka has read the layout it wrote.
    let (paced, _) = saves(copy.path(), &first, Duration::from_millis(500))?;
    println!("the city, 0.5 s apart {}", Spread::of(paced).line());
    let mut writes = Vec::new();
    for _ in 0..SAVES {
        let started = Instant::now();
        hyoka::store::write_atomically(&file, &bytes)?;
        writes.push(started.elapsed());
    }
    println!(
        "baseline: the same bytes written atomically (write, fsync, rename, fsync the folder)  {}",
        Spread::of(writes).line()
    );
    Ok(())
}

/// hyoka on `open`, the first section's rating set to ◎ and ○ by turns, each followed by Ctrl-S
/// (`pause` after the last save's 保存しました): the times from Ctrl-S to 保存しました, and the
/// bytes of `file` at the end.
fn saves(open: &Path, file: &Path, pause: Duration) -> Result<(Vec<Duration>, Vec<u8>), Failure> {
    let mut screen = opened(open)?;
    let message = |s: &Pty| s.row_from_bottom(0);
    screen.press("\t\t\t")?;
    screen.wait_for(Duration::from_secs(20), |s| s.screen_text().contains("Space:切替"))?;
    let mut times = Vec::new();
    for n in 0..SAVES {
        std::thread::sleep(pause);
        screen.press(if n % 2 == 0 { "1" } else { "2" })?;
        screen.wait_for(Duration::from_secs(20), |s| s.row_from_bottom(1).contains("未保存"))?;
        screen.press("\x13")?;
        let sent = Instant::now();
        let saved = screen.wait_for(Duration::from_secs(20), |s| message(s).contains("保存しました"))?;
        times.push(saved.saturating_duration_since(sent));
    }
    Ok((times, std::fs::read(file)?))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
