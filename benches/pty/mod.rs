//! A program in a pseudo-terminal for the benches: its bytes kept, its screen parsed, its /proc read.
//!
//! Every byte it writes is fed to a vt100 screen, with the time the last byte came.
#![allow(dead_code)]

use std::io::{Read as _, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub type Failure = Box<dyn std::error::Error>;

/// What the reader thread keeps.
struct Output {
    bytes: Vec<u8>,
    screen: vt100::Parser,
    last: Instant,
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    output: Arc<Mutex<Output>>,
    pub started: Instant,
    _home: tempfile::TempDir,
}

/// The real hyoka, built for this bench run (release), as `cargo bench` builds it; or another
/// build to compare with (`HYOKA_BENCH_BIN`, e.g. one of an earlier commit).
pub fn hyoka_binary() -> String {
    std::env::var("HYOKA_BENCH_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_hyoka").to_owned())
}

impl Pty {
    /// Starts `program args` in a `cols` × `rows` terminal, with a new empty folder of its own as
    /// HOME and XDG folders: no settings or journals of the machine's user, or of an earlier run,
    /// are read or written.
    pub fn spawn(program: &str, args: &[&str], cols: u16, rows: u16) -> Result<Pty, Failure> {
        let folder = tempfile::tempdir()?;
        let home = folder.path();
        let pair = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })?;
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(home);
        command.env("HOME", home);
        command.env("HYOKA_CONFIG", home.join("no-config.yaml"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_STATE_HOME", home.join("state"));
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command.env("USER", "bench");
        command.env_remove("LESS");
        command.env_remove("HYOKA_LANG");
        let started = Instant::now();
        let child = pair.slave.spawn_command(command)?;
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let size = |n: u16| std::num::NonZeroU16::new(n).ok_or("a terminal of no size");
        let output = Arc::new(Mutex::new(Output {
            bytes: Vec::new(),
            screen: vt100::Parser::new(size(rows)?, size(cols)?, 0),
            last: Instant::now(),
        }));
        let feed = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buffer) {
                let Some(chunk) = buffer.get(..n).filter(|c| !c.is_empty()) else { break };
                let mut output = feed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                output.bytes.extend_from_slice(chunk);
                output.screen.process(chunk);
                output.last = Instant::now();
            }
        });
        Ok(Pty { child, writer, _master: pair.master, output, started, _home: folder })
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn press(&mut self, keys: &str) -> Result<(), Failure> {
        self.writer.write_all(keys.as_bytes())?;
        self.writer.flush()?;
        Ok(())
    }

    /// How many bytes the program has written so far.
    pub fn written(&self) -> usize {
        self.output().bytes.len()
    }

    pub fn bytes_since(&self, from: usize) -> Vec<u8> {
        self.output().bytes.get(from..).map(<[u8]>::to_vec).unwrap_or_default()
    }

    pub fn screen_text(&self) -> String {
        self.output().screen.screen().contents()
    }

    /// The row `n` from the bottom (0 = the last row).
    pub fn row_from_bottom(&self, n: u16) -> String {
        let output = self.output();
        let screen = output.screen.screen();
        let (rows, cols) = screen.size();
        screen.rows(0, cols.get()).nth(usize::from(rows.get().saturating_sub(1 + n))).unwrap_or_default()
    }

    /// Waits until `ok` holds for the screen; the time the byte that made it hold came, or an error
    /// after `limit`.
    pub fn wait_for(&self, limit: Duration, ok: impl Fn(&Pty) -> bool) -> Result<Instant, Failure> {
        let start = Instant::now();
        loop {
            if ok(self) {
                return Ok(self.output().last);
            }
            if start.elapsed() > limit {
                return Err(format!("not on screen within {limit:?}:\n{}", self.screen_text()).into());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits until nothing has been written for `quiet` (after at least one byte since `from`).
    pub fn settle(&self, from: usize, quiet: Duration, limit: Duration) -> Result<(), Failure> {
        let start = Instant::now();
        loop {
            let (len, last) = {
                let output = self.output();
                (output.bytes.len(), output.last)
            };
            if len > from && last.elapsed() >= quiet {
                return Ok(());
            }
            if start.elapsed() > limit {
                return Err(format!("no output settled within {limit:?}").into());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn pid(&self) -> Result<u32, Failure> {
        self.child.process_id().ok_or_else(|| "the child has no pid".into())
    }

    /// A line of /proc/PID/status, e.g. `VmHWM`, in KiB.
    pub fn status_kib(&self, key: &str) -> Result<u64, Failure> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?))?;
        status_kib(&status, key)
    }

    /// CPU time of all its threads so far, in nanoseconds, and how often they were woken
    /// (voluntary context switches): from /proc/PID/task/*/schedstat and status.
    pub fn cpu_and_wakeups(&self) -> Result<(u64, u64), Failure> {
        let (mut nanos, mut wakeups) = (0, 0);
        for task in std::fs::read_dir(format!("/proc/{}/task", self.pid()?))? {
            let task = task?.path();
            // A thread that ended meanwhile is simply not counted.
            let Ok(schedstat) = std::fs::read_to_string(task.join("schedstat")) else { continue };
            nanos += schedstat.split_whitespace().next().ok_or("empty schedstat")?.parse::<u64>()?;
            let Ok(status) = std::fs::read_to_string(task.join("status")) else { continue };
            wakeups += status_kib(&status, "voluntary_ctxt_switches")?;
        }
        Ok((nanos, wakeups))
    }

    /// User and system CPU time so far, in clock ticks (utime + stime of /proc/PID/stat).
    pub fn cpu_ticks(&self) -> Result<u64, Failure> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid()?))?;
        // The command name may hold spaces: the fields are counted after its closing parenthesis.
        let rest = stat.rsplit_once(')').map(|(_, rest)| rest).ok_or("no ) in /proc/PID/stat")?;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let field = |n: usize| -> Result<u64, Failure> { Ok(fields.get(n).ok_or("short stat")?.parse()?) };
        // After the name: state is field 3 of proc(5), utime 14 and stime 15.
        Ok(field(14 - 3)? + field(15 - 3)?)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The number of a `Key:   123 kB` line of a /proc status file.
pub fn status_kib(status: &str, key: &str) -> Result<u64, Failure> {
    let line = status.lines().find(|l| l.starts_with(&format!("{key}:"))).ok_or_else(|| format!("no {key}"))?;
    Ok(line.split_whitespace().nth(1).ok_or("no number")?.parse()?)
}

/// Clock ticks a second (`getconf CLK_TCK`, 100 on Linux).
pub fn clock_ticks() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}
