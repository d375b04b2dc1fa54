//! The real binary as a whole: memory, idle CPU, bytes per key, and `hyoka check`'s CPU.
//!
//! `cargo bench --bench terminal`: the peak memory at 1×, 4× and 16× the city (beside a bare
//! parse's), idle CPU on the city, bytes sent per key beside `less` on the same file, and the CPU
//! time of `hyoka check` beside a bare parse of the same city, run in turn. Prints figures;
//! asserts no time. (Key to screen is `cargo bench --bench keys`.)
//!
//! `HYOKA_BENCH_SCALES=1,4` limits the sizes (16× writes 330 MB and takes minutes);
//! `HYOKA_BENCH_ONLY=memory|idle|bytes|check` runs one part.

mod bare;
mod city;
mod pty;
mod stats;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::{Failure, Pty, hyoka_binary};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
/// Presses per measured key: bytes are summed over them and divided.
const PRESSES: usize = 40;

fn main() -> Result<(), Failure> {
    let mut args = std::env::args().skip(1);
    if let Some(flag) = args.next().filter(|a| a.starts_with("--child-")) {
        return child(&flag, &PathBuf::from(args.next().unwrap_or_default()));
    }
    let only = std::env::var("HYOKA_BENCH_ONLY").ok();
    let runs = |part: &str| only.as_deref().is_none_or(|o| o == part);
    let scales = city::scales();
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hyoka-bench");
    println!("{}", stats::header(&format!("terminal: {}", hyoka_binary())));
    if runs("memory") {
        memory(&root, &scales)?;
    }
    if runs("idle") {
        idle(&root)?;
    }
    if runs("bytes") {
        bytes(&root)?;
    }
    if runs("check") {
        check(&root, &scales)?;
    }
    println!("load average {} at the end", stats::load());
    Ok(())
}

fn city_at(root: &Path, scale: usize) -> Result<(PathBuf, u64), Failure> {
    Ok(city::kept(root, scale)?)
}

/// hyoka on `data` in a 200×60 terminal, with one-column ambiguous characters (no question asked).
fn hyoka(data: &Path) -> Result<Pty, Failure> {
    let data = data.to_str().ok_or("a path that is not UTF-8")?;
    Pty::spawn(&hyoka_binary(), &["--ambiguous-width", "1", data], WIDTH, HEIGHT)
}

/// The first frame is complete when the status line names the first section.
fn first_frame(screen: &Pty, limit: Duration) -> Result<Duration, Failure> {
    let at = screen.wait_for(limit, |s| s.row_from_bottom(1).contains("総務課"))?;
    Ok(at.duration_since(screen.started))
}

const MIB: f64 = 1024.0 * 1024.0;

fn memory(root: &Path, scales: &[usize]) -> Result<(), Failure> {
    println!("\n== first frame of the real binary, and peak memory (VmHWM), against the data on disk");
    println!("scale  data MB  first frame  screen VmHWM  ×data  goal (2×data+20 MiB)  check VmHWM  bare parse VmHWM");
    for &scale in scales {
        let (dir, bytes) = city_at(root, scale)?;
        let screen = hyoka(&dir)?;
        let took = first_frame(&screen, Duration::from_secs(600))?;
        // The peak once every file is read, not at the first frame.
        let status = |s: &Pty| s.row_from_bottom(1);
        screen.wait_for(Duration::from_secs(600), |s| {
            status(s).contains("保存済み") && !status(s).contains("読み込み中")
        })?;
        std::thread::sleep(Duration::from_millis(500));
        let peak = screen.status_kib("VmHWM")? as f64 * 1024.0;
        drop(screen);
        let check = child_peak("--child-check", &dir)?;
        let bare = child_peak("--child-bare", &dir)?;
        let data = bytes as f64;
        println!(
            "{scale:>4}×  {:>7.1}  {:>10.2} s  {:>9.0} MiB  {:>4.2}×  {:>14.0} MiB  {:>8.0} MiB  {:>12.0} MiB",
            data / 1e6,
            took.as_secs_f64(),
            peak / MIB,
            peak / data,
            (2.0 * data + 20.0 * MIB) / MIB,
            check / MIB,
            bare / MIB,
        );
    }
    Ok(())
}

/// Runs this bench again as a child that loads the folder one way and reports its own peak memory.
fn child_peak(flag: &str, dir: &Path) -> Result<f64, Failure> {
    let out = std::process::Command::new(std::env::current_exe()?).arg(flag).arg(dir).output()?;
    let text = String::from_utf8(out.stdout)?;
    Ok(text.trim().parse::<f64>().map_err(|e| format!("{flag}: {e}: {text:?}"))? * 1024.0)
}

/// In the child: read as `hyoka check` does, or parse plainly, then print VmHWM in KiB.
fn child(flag: &str, dir: &Path) -> Result<(), Failure> {
    match flag {
        "--child-check" => {
            let files = hyoka::worker::check_workspace(dir)?;
            std::hint::black_box(&files);
        }
        _ => {
            let docs = bare::parse(&bare::files(dir)?)?;
            std::hint::black_box(&docs);
        }
    }
    let status = std::fs::read_to_string("/proc/self/status")?;
    println!("{}", pty::status_kib(&status, "VmHWM")?);
    Ok(())
}

fn idle(root: &Path) -> Result<(), Failure> {
    println!("\n== idle: the city open, nothing pressed");
    let (dir, _) = city_at(root, 1)?;
    let screen = hyoka(&dir)?;
    first_frame(&screen, Duration::from_secs(600))?;
    std::thread::sleep(Duration::from_secs(2));
    let (ticks, written) = (screen.cpu_ticks()?, screen.written());
    let (nanos, wakeups) = screen.cpu_and_wakeups()?;
    let window = Duration::from_secs(20);
    std::thread::sleep(window);
    let used = screen.cpu_ticks()? - ticks;
    let (nanos_after, wakeups_after) = screen.cpu_and_wakeups()?;
    let share = (nanos_after - nanos) as f64 / window.as_nanos() as f64;
    println!(
        "over {window:?}: CPU {:.1} ms = {:.3} % of a core (goal < 1 %; utime+stime {used} ticks of 1/{} s), \
         {:.1} wake-ups a second, {} bytes written",
        (nanos_after - nanos) as f64 / 1e6,
        share * 100.0,
        pty::clock_ticks(),
        (wakeups_after - wakeups) as f64 / window.as_secs_f64(),
        screen.written() - written
    );
    Ok(())
}

/// The bytes of `presses` presses of `key`, each drawn before the next is sent, divided by them;
/// the absolute cursor moves among them, per press; and the median press's bytes.
fn per_key(screen: &mut Pty, key: &str, presses: usize) -> Result<(f64, f64, usize), Failure> {
    let (mut total, mut moves, mut each) = (0, 0, Vec::new());
    for _ in 0..presses {
        let mark = screen.written();
        screen.press(key)?;
        screen.settle(mark, Duration::from_millis(120), Duration::from_secs(20))?;
        let sent = screen.bytes_since(mark);
        if std::env::var_os("HYOKA_BENCH_DUMP").is_some() {
            println!("{key:?}: {}", String::from_utf8_lossy(&sent).replace('\x1b', "␛"));
        }
        total += sent.len();
        each.push(sent.len());
        moves += cursor_moves(&sent);
    }
    each.sort_unstable();
    let median = each.get(each.len() / 2).copied().unwrap_or(0);
    let presses = presses.max(1) as f64;
    Ok((total as f64 / presses, moves as f64 / presses, median))
}

/// Absolute cursor moves (`ESC [ row ; col H`) in a stretch of output.
fn cursor_moves(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = bytes;
    while let Some(at) = rest.windows(2).position(|w| w == b"\x1b[") {
        let after = rest.get(at + 2..).unwrap_or_default();
        let end = after.iter().position(|b| b.is_ascii_alphabetic() || *b == b'~').unwrap_or(after.len());
        if after.get(end) == Some(&b'H') {
            count += 1;
        }
        rest = after.get(end..).unwrap_or_default();
    }
    count
}

fn bytes(root: &Path) -> Result<(), Failure> {
    println!("\n== bytes sent to the terminal per key, 200×60, one 50-section file ({PRESSES} presses each)");
    let (dir, _) = city_at(root, 1)?;
    let (folder, _) = city::organisation(0);
    let file = dir.join(&folder).join("2008.yaml");
    // The same file with the first division's sections all alike but for their names: a move
    // among them changes no pane text.
    let alike = root.join("alike").join(&folder).join("2008.yaml");
    city::write_alike(&file, &alike)?;
    let report = |what: &str, (bytes, moves, median): (f64, f64, usize)| {
        println!("{what:<48} {bytes:>6.0} bytes/key (median {median:>5})  {moves:>5.1} cursor moves/key");
    };
    for width in ["1", "2"] {
        let mut screen = open_file(&file, width)?;
        report(&format!("hyoka, tree move (j), ambiguous width {width}"), per_key(&mut screen, "j", PRESSES)?);
    }
    let mut screen = open_file(&alike, "1")?;
    let down = per_key(&mut screen, "j", 9)?;
    let up = per_key(&mut screen, "k", 9)?;
    report("hyoka, tree move with no pane text changing", ((down.0 + up.0) / 2.0, (down.1 + up.1) / 2.0, down.2));
    let mut screen = open_file(&file, "1")?;
    screen.press("\t")?;
    std::thread::sleep(Duration::from_millis(300));
    screen.press("\r")?;
    screen.wait_for(Duration::from_secs(20), |s| s.row_from_bottom(1).contains("編集中"))?;
    std::thread::sleep(Duration::from_millis(300));
    report("hyoka, a typed character (あ) in the goals pane", per_key(&mut screen, "あ", PRESSES)?);
    match which("less") {
        Some(less) => {
            let path = file.to_str().ok_or("a path that is not UTF-8")?;
            let mut screen = Pty::spawn(&less, &[path], WIDTH, HEIGHT)?;
            screen.wait_for(Duration::from_secs(20), |s| s.screen_text().contains("organization"))?;
            screen.settle(0, Duration::from_millis(300), Duration::from_secs(20))?;
            report("less, one line down (j), same file", per_key(&mut screen, "j", PRESSES)?);
        }
        None => println!("less is not on this machine: no comparison"),
    }
    Ok(())
}

/// hyoka on one file, its first frame drawn and the output quiet.
fn open_file(file: &Path, width: &str) -> Result<Pty, Failure> {
    let path = file.to_str().ok_or("a path that is not UTF-8")?;
    let screen = Pty::spawn(&hyoka_binary(), &["--ambiguous-width", width, path], WIDTH, HEIGHT)?;
    first_frame(&screen, Duration::from_secs(60))?;
    screen.settle(0, Duration::from_millis(300), Duration::from_secs(20))?;
    Ok(screen)
}

/// A program on the PATH.
fn which(program: &str) -> Option<String> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file()).map(|p| p.display().to_string())
}

/// How many times `hyoka check` and the bare parse each run, in turn.
const CHECKS: usize = 5;

/// `hyoka check` beside a bare parse of the same city, each a process of its own, run in turn:
/// the CPU time of each (user and system, every thread, as the kernel counts a child this bench
/// waited for), and the wall time.
fn check(root: &Path, scales: &[usize]) -> Result<(), Failure> {
    println!(
        "\n== hyoka check: CPU (user + system, all threads) beside a bare one-thread parse, {CHECKS} runs each in turn"
    );
    for &scale in scales {
        let (dir, _) = city_at(root, scale)?;
        let (mut check, mut bare, mut ratios, mut walls) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..CHECKS {
            let mut command = std::process::Command::new(hyoka_binary());
            command.arg("check").arg(&dir).env("HYOKA_CONFIG", root.join("no-config.yaml"));
            let (cpu, wall) = child_cpu(&mut command)?;
            let mut plain = std::process::Command::new(std::env::current_exe()?);
            let (bare_cpu, bare_wall) = child_cpu(plain.arg("--child-bare").arg(&dir))?;
            ratios.push(cpu.as_secs_f64() / bare_cpu.as_secs_f64().max(1e-9));
            walls.push(wall.as_secs_f64() / bare_wall.as_secs_f64().max(1e-9));
            check.push(cpu);
            bare.push(bare_cpu);
        }
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(0.0)
        };
        println!("{scale:>3}× check CPU       {}", stats::Spread::of(check).line());
        println!("     bare parse CPU  {}  (load {})", stats::Spread::of(bare).line(), stats::load());
        println!(
            "     check / bare: CPU {:.2}× (median of the {CHECKS} pairs), wall {:.2}×",
            median(ratios),
            median(walls)
        );
    }
    Ok(())
}

/// Runs a command to its end; the CPU time its processes used (from this process's count of the
/// children it waited for: `cutime` + `cstime` of /proc/self/stat) and the wall time.
fn child_cpu(command: &mut std::process::Command) -> Result<(Duration, Duration), Failure> {
    let before = children_ticks()?;
    let started = Instant::now();
    let out = command.output()?;
    let wall = started.elapsed();
    if !out.status.success() {
        return Err(format!("{command:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let ticks = children_ticks()? - before;
    Ok((Duration::from_secs_f64(ticks as f64 / pty::clock_ticks() as f64), wall))
}

/// `cutime` + `cstime` of /proc/self/stat, in clock ticks.
fn children_ticks() -> Result<u64, Failure> {
    let stat = std::fs::read_to_string("/proc/self/stat")?;
    let rest = stat.rsplit_once(')').map(|(_, rest)| rest).ok_or("no ) in /proc/self/stat")?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |n: usize| -> Result<u64, Failure> { Ok(fields.get(n - 3).ok_or("short stat")?.parse()?) };
    // After the name: state is field 3 of proc(5), cutime 16 and cstime 17.
    Ok(field(16)? + field(17)?)
}
