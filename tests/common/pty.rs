//! The real binary in a pseudo-terminal: its output parsed by vt100 on a reader thread (cursor
//! position queries answered as a terminal does), keys written to it, the screen read and waited
//! for with a deadline, and the process killed when the test ends however it ends.

use std::ffi::OsStr;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

use super::cli::HYOKA;
use super::terminal::vt100_rows;
use super::workspace::{Home, Vars};

/// How long any wait for the screen or the process may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(10);

/// The login name hyoka runs under in a pseudo-terminal (and stamps on what it saves).
pub const TESTER: &str = "e2e-tester";

/// A `hyoka` command for a pseudo-terminal, sealed into `home`: a terminal that speaks UTF-8 and
/// xterm's sequences, and the login name [`TESTER`].
pub fn pty_command(home: &Home) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(HYOKA);
    set_vars(&mut cmd, &home.vars());
    // Who hyoka is comes from the real user id; debug builds let the tests name it instead.
    cmd.env("HYOKA_TEST_LOGIN", TESTER);
    // The system's zone is the office's unless its settings name one: Japan's, as on its servers.
    cmd.env("TZ", "JST-9");
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env_remove("LC_ALL");
    cmd
}

fn set_vars(cmd: &mut CommandBuilder, vars: &Vars) {
    for (key, value) in vars {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        }
    }
}

/// Polls `ok` until it holds; fails the test with `what` after the deadline.
pub fn wait_until(what: &str, ok: impl Fn() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        thread::sleep(Duration::from_millis(20));
    }
}

pub struct Tui {
    // Field order is drop order: the child goes first (killed in Drop), then the writer, whose
    // own Drop sends "\n^D" into the pty, which must not reach a live app.
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Tells the reader thread to let go of its end of the terminal (see `hang_up`).
    hung_up: Arc<AtomicBool>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte hyoka wrote to the terminal, to check what never reaches it.
    raw: Arc<Mutex<Vec<u8>>>,
    own_state: Option<TempDir>,
}

impl Tui {
    pub fn spawn(dir: &Path, rows: u16, cols: u16) -> Self {
        Self::spawn_with(dir, rows, cols, &[])
    }

    pub fn spawn_with(dir: &Path, rows: u16, cols: u16, args: &[&str]) -> Self {
        let state = tempfile::tempdir().expect("a folder for the journal");
        let mut tui = Self::spawn_with_state(dir, state.path(), rows, cols, args);
        tui.own_state = Some(state);
        tui
    }

    /// With more environment (e.g. `HYOKA_CONFIG` for a settings file of the test's).
    pub fn spawn_with_env(dir: &Path, rows: u16, cols: u16, args: &[&str], env: &[(&str, PathBuf)]) -> Self {
        let state = tempfile::tempdir().expect("a folder for the journal");
        let mut tui = Self::spawn_inner(dir, state.path(), rows, cols, args, env);
        tui.own_state = Some(state);
        tui
    }

    /// With the journal kept in `state` (XDG_STATE_HOME), to start again on the same one.
    pub fn spawn_with_state(dir: &Path, state: &Path, rows: u16, cols: u16, args: &[&str]) -> Self {
        Self::spawn_inner(dir, state, rows, cols, args, &[])
    }

    fn spawn_inner(dir: &Path, state: &Path, rows: u16, cols: u16, args: &[&str], env: &[(&str, PathBuf)]) -> Self {
        Self::spawn_full(dir, dir.as_os_str(), state, rows, cols, args, env)
    }

    /// As `user` (the debug build's stand-in for the account; USER and LOGNAME too, which hyoka
    /// must not believe), the journal kept in `state`, to start again on the same one.
    pub fn spawn_as(dir: &Path, state: &Path, user: &str, rows: u16, cols: u16) -> Self {
        let env = [
            ("HYOKA_TEST_LOGIN", PathBuf::from(user)),
            ("USER", PathBuf::from(user)),
            ("LOGNAME", PathBuf::from(user)),
        ];
        Self::spawn_full(dir, dir.as_os_str(), state, rows, cols, &[], &env)
    }

    /// The text inside the box whose top border holds `title`, its lines joined (the words of a
    /// dialog, however it wraps them); empty when no such box is on screen.
    pub fn box_text(&self, title: &str) -> String {
        let parser = self.parser();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        let text = |r: u16, c: u16| screen.cell(r, c).map(|cell| cell.contents().to_string()).unwrap_or_default();
        let Some((top, left)) = (0..rows).find_map(|r| {
            let row: Vec<String> = (0..cols).map(|c| text(r, c)).collect();
            let line: String = row.concat();
            let at = line.find(title)?;
            let left = (0..cols).rev().find(|&c| text(r, c) == "┌" && row[..usize::from(c)].concat().len() < at)?;
            Some((r, left))
        }) else {
            return String::new();
        };
        let right = (left + 1..cols).find(|&c| text(top, c) == "┐").unwrap_or(cols);
        let mut words = String::new();
        for r in top + 1..rows {
            if text(r, left) == "└" {
                break;
            }
            let line: String = (left + 1..right).map(|c| text(r, c)).collect();
            words.push_str(line.trim_end());
        }
        words
    }

    /// Started in `dir` with `path` as the data argument as typed (e.g. the relative `kamigyo`).
    pub fn spawn_at(dir: &Path, path: &str, state: &Path, rows: u16, cols: u16) -> Self {
        Self::spawn_full(dir, path.as_ref(), state, rows, cols, &[], &[])
    }

    fn spawn_full(
        dir: &Path,
        path: &OsStr,
        state: &Path,
        rows: u16,
        cols: u16,
        args: &[&str],
        env: &[(&str, PathBuf)],
    ) -> Self {
        // Exports (under HOME) and journals (XDG_STATE_HOME) go to `state`, never the machine user's.
        let mut cmd = pty_command(&Home::at(state));
        cmd.args(args);
        cmd.arg(path);
        cmd.cwd(dir);
        for (name, value) in env {
            cmd.env(name, value);
        }
        Self::spawn_command(cmd, rows, cols)
    }

    /// Starts a prepared command (e.g. hyoka as another account) in a pty of this size.
    pub fn spawn_command(cmd: CommandBuilder, rows: u16, cols: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let child = pty.slave.spawn_command(cmd).expect("spawn hyoka in the pty");
        // Our copy of the slave must go, or the reader never sees the end when the child exits.
        drop(pty.slave);

        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().expect("clone the pty reader");
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("take the pty writer")));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (feed, log, answer) = (Arc::clone(&screen), Arc::clone(&raw), Arc::clone(&writer));
        let hung_up = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&hung_up);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut queries_answered = 0;
            loop {
                if stop.load(Ordering::SeqCst) {
                    break; // dropping our copy of the terminal's master side
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut parser = feed.lock().unwrap_or_else(|e| e.into_inner());
                        parser.process(&buf[..n]);
                        let mut log = log.lock().unwrap_or_else(|e| e.into_inner());
                        log.extend_from_slice(&buf[..n]);
                        // Answer cursor position queries (ESC [ 6 n) as a real terminal does.
                        let asked = log.windows(4).filter(|w| w == b"\x1b[6n").count();
                        while queries_answered < asked {
                            let (row, col) = parser.screen().cursor_position();
                            let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                            let mut w = answer.lock().unwrap_or_else(|e| e.into_inner());
                            let _ = w.write_all(reply.as_bytes()).and_then(|()| w.flush());
                            queries_answered += 1;
                        }
                    }
                }
            }
        });
        Tui { child, writer, master: Some(pty.master), screen, raw, own_state: None, hung_up }
    }

    pub fn parser(&self) -> MutexGuard<'_, vt100::Parser> {
        self.screen.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends keys (raw bytes as a terminal would) to the app.
    pub fn press(&mut self, keys: &str) {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.write_all(keys.as_bytes()).expect("write keys to the pty");
        writer.flush().expect("flush keys to the pty");
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// What a bracketed-paste terminal sends when the user pastes `text`.
    pub fn paste(&mut self, text: &str) {
        self.press(&format!("\x1b[200~{text}\x1b[201~"));
    }

    pub fn screen_text(&self) -> String {
        self.parser().screen().contents()
    }

    pub fn rows(&self) -> Vec<String> {
        vt100_rows(self.parser().screen())
    }

    pub fn row(&self, n: usize) -> String {
        self.rows().get(n).cloned().unwrap_or_default()
    }

    /// The status line: breadcrumb, file, mode and save state (second row from the bottom).
    pub fn status_line(&self) -> String {
        let rows = self.rows();
        rows.get(rows.len().saturating_sub(2)).cloned().unwrap_or_default()
    }

    /// The last row: key hints, or the latest message.
    pub fn hint_line(&self) -> String {
        self.rows().last().cloned().unwrap_or_default()
    }

    pub fn dump(&self) -> String {
        let rows = self.rows();
        let numbered: Vec<String> = rows.iter().enumerate().map(|(i, r)| format!("{i:>2}|{r}")).collect();
        numbered.join("\n")
    }

    /// Polls until `ok(self)` holds; panics with the screen after the deadline.
    pub fn wait_until(&mut self, what: &str, ok: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        loop {
            if ok(self) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                if ok(self) {
                    return;
                }
                panic!("hyoka exited ({status:?}) while waiting for {what}; screen:\n{}", self.dump());
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out after {DEADLINE:?} waiting for {what}; screen:\n{}", self.dump());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |t| t.screen_text().contains(text));
    }

    pub fn wait_for_status(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} in the status line"), |t| t.status_line().contains(text));
    }

    pub fn wait_for_hint(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} in the last line"), |t| t.hint_line().contains(text));
    }

    /// Waits for the first screen: the tree and the first section.
    pub fn wait_ready(&mut self) {
        self.wait_for("所属一覧");
        self.wait_for_status("総務課");
    }

    /// Waits for the process to end and returns how.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                return status;
            }
            if start.elapsed() > DEADLINE {
                panic!("hyoka did not exit within {DEADLINE:?}; screen:\n{}", self.dump());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// After exit: the terminal is handed back as it was (main screen, no bracketed paste, cursor shown).
    pub fn wait_restored(&mut self) {
        let start = Instant::now();
        loop {
            let restored = {
                let parser = self.parser();
                let screen = parser.screen();
                !screen.alternate_screen() && !screen.bracketed_paste() && !screen.hide_cursor()
            };
            if restored {
                return;
            }
            if start.elapsed() > DEADLINE {
                let parser = self.parser();
                let screen = parser.screen();
                panic!(
                    "terminal not restored after exit: alternate screen {}, bracketed paste {}, cursor hidden {}",
                    screen.alternate_screen(),
                    screen.bracketed_paste(),
                    screen.hide_cursor()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resizes the terminal as a window manager would: our screen first, then the pty (SIGWINCH).
    /// The terminal goes away as when an SSH link drops or a tmux pane is killed: every copy of
    /// the master side is closed (the reader's last, after one more redraw wakes it).
    pub fn hang_up(&mut self) {
        self.hung_up.store(true, Ordering::SeqCst);
        self.writer = Arc::new(Mutex::new(Box::new(std::io::sink())));
        self.master = None;
        // A resize makes hyoka draw, which wakes the reader so that it can let go.
        let _ = std::process::Command::new("kill").args(["-WINCH", &self.pid().to_string()]).status();
    }

    /// Whether hyoka has ended, within the deadline.
    pub fn exits_within_deadline(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            thread::sleep(Duration::from_millis(50));
        }
        false
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Sends a signal to hyoka (SIGHUP as when the SSH link drops, SIGKILL as a crash).
    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} failed");
    }

    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.parser().set_size(rows.try_into().expect("rows > 0"), cols.try_into().expect("cols > 0"));
        if let Some(master) = &self.master {
            master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize the pty");
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
