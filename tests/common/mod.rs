//! The pseudo-terminal harness shared by the end-to-end tests: a copy of the sample data, the
//! real binary in a pty whose output feeds a vt100 screen, and the steps a clerk takes.
#![allow(dead_code)] // each test file uses a part of it

use std::fs;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use hyoka::model::{Document, Section};
use hyoka::store::parse_document;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

pub const DEADLINE: Duration = Duration::from_secs(10);
pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/kamigyo/2008.yaml");
pub const FILE: &str = "kamigyo/2008.yaml";

pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const CTRL_S: &str = "\x13";

// ---------------------------------------------------------------------------------------------
// The workspace: a copy of the sample in a temporary folder.

pub struct Workspace {
    pub dir: TempDir,
    pub original: String,
}

impl Workspace {
    pub fn kamigyo() -> Self {
        let dir = tempfile::tempdir().expect("create a temporary folder");
        let original = fs::read_to_string(SAMPLE).expect("read the sample data/kamigyo/2008.yaml");
        let target = dir.path().join(FILE);
        fs::create_dir_all(target.parent().expect("the sample lives in a folder")).expect("create kamigyo/");
        fs::write(&target, &original).expect("copy the sample into the temporary folder");
        Workspace { dir, original }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self) -> PathBuf {
        self.dir.path().join(FILE)
    }

    pub fn bytes_on_disk(&self) -> Vec<u8> {
        fs::read(self.file()).expect("read the YAML file back")
    }

    pub fn on_disk(&self) -> Document {
        let text = String::from_utf8(self.bytes_on_disk()).expect("the saved file is UTF-8");
        parse_document(&text).unwrap_or_else(|p| panic!("the saved file must parse: {p:?}\n{text}"))
    }

    pub fn before(&self) -> Document {
        parse_document(&self.original).unwrap_or_else(|p| panic!("the sample must parse: {p:?}"))
    }

    /// Every file name under the workspace, sorted, to catch stray temporary or backup files.
    pub fn listing(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in fs::read_dir(dir).expect("list the workspace") {
                let path = entry.expect("read a folder entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(self.path(), &mut out);
        out.sort();
        out
    }
}

pub fn section<'a>(doc: &'a Document, name: &str) -> &'a Section {
    doc.divisions
        .iter()
        .flat_map(|d| &d.sections)
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("section {name} is in the document"))
}

/// Everything except `changed` is exactly as it was, and the document's head is untouched.
pub fn assert_only_changed(before: &Document, after: &Document, changed: &str) {
    assert_eq!(after.organization, before.organization);
    assert_eq!(after.fiscal_year, before.fiscal_year);
    assert_eq!(after.checkpoint, before.checkpoint);
    assert_eq!(after.preface, before.preface);
    assert_eq!(after.scale, before.scale);
    assert_eq!(after.divisions.len(), before.divisions.len(), "divisions");
    for (b, a) in before.divisions.iter().zip(&after.divisions) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.sections.len(), b.sections.len(), "sections of {}", b.name);
        for (bs, as_) in b.sections.iter().zip(&a.sections) {
            if bs.name != changed {
                assert_eq!(as_, bs, "section {} must be untouched", bs.name);
            }
        }
    }
}

/// The stamp of a changed section: our login name and a time.
pub fn assert_stamped(section: &Section) {
    assert_eq!(section.updated_by.as_deref(), Some("e2e-tester"), "updated_by of {}", section.name);
    assert!(section.updated.is_some(), "updated of {} must be set", section.name);
}

// ---------------------------------------------------------------------------------------------
// The terminal: the binary in a pty, its output parsed by vt100 on a reader thread.

pub struct Tui {
    // Field order is drop order: the child goes first (killed in Drop), then the writer, whose
    // own Drop sends "\n^D" into the pty, which must not reach a live app.
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Tells the reader thread to let go of its end of the terminal (see `hang_up`).
    hung_up: Arc<std::sync::atomic::AtomicBool>,
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

    /// Started in `dir` with `path` as the data argument as typed (e.g. the relative `kamigyo`).
    pub fn spawn_at(dir: &Path, path: &str, state: &Path, rows: u16, cols: u16) -> Self {
        Self::spawn_full(dir, path.as_ref(), state, rows, cols, &[], &[])
    }

    fn spawn_full(
        dir: &Path,
        path: &std::ffi::OsStr,
        state: &Path,
        rows: u16,
        cols: u16,
        args: &[&str],
        env: &[(&str, PathBuf)],
    ) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hyoka"));
        cmd.args(args);
        cmd.arg(path);
        cmd.cwd(dir);
        // No settings file of the machine's user may change what the tests see.
        cmd.env("HYOKA_CONFIG", dir.join("no-such-config.yaml"));
        cmd.env("XDG_CONFIG_HOME", state.join("config"));
        cmd.env("XDG_DATA_HOME", state.join("data"));
        // Exports go under HOME by default: the test's own, never the machine user's.
        cmd.env("HOME", state);
        // Journals go to a folder of the test's, never into the machine's home.
        cmd.env("XDG_STATE_HOME", state);
        // Who hyoka is comes from the real user id; debug builds let the tests name it instead.
        cmd.env("HYOKA_TEST_LOGIN", "e2e-tester");
        // No office settings of the machine's (a debug build reads this path instead of /etc/hyoka/office.yaml).
        cmd.env("HYOKA_OFFICE_SETTINGS", dir.join("no-such-office.yaml"));
        // The system's zone is the office's unless its settings name one: Japan's, as on its servers.
        cmd.env("TZ", "JST-9");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("HYOKA_LANG");
        cmd.env_remove("LC_ALL");
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
        let hung_up = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = Arc::clone(&hung_up);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut queries_answered = 0;
            loop {
                if stop.load(std::sync::atomic::Ordering::SeqCst) {
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
        let parser = self.parser();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols.get()).collect()
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
        self.hung_up.store(true, std::sync::atomic::Ordering::SeqCst);
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

// ---------------------------------------------------------------------------------------------
// The clerk's steps.

/// From the tree, Tab `n` times; waits until the focused pane's title (with its key hint) shows.
pub fn focus_pane(tui: &mut Tui, n: usize, focused_title: &str) {
    tui.press(&TAB.repeat(n));
    tui.wait_for(focused_title);
}

pub fn start_editing(tui: &mut Tui) {
    tui.press(ENTER);
    tui.wait_for_status("編集中");
}

pub fn stop_editing(tui: &mut Tui) {
    // A lone Esc: nothing may follow it in the same read, or it becomes Alt+key; hence the wait.
    tui.press(ESC);
    tui.wait_for_status("閲覧");
}

pub fn save(tui: &mut Tui) {
    tui.press(CTRL_S);
    tui.wait_for_hint("保存しました:");
    tui.wait_for_status("保存済み");
}

pub fn quit_expecting_success(tui: &mut Tui) {
    tui.press("q");
    let status = tui.wait_exit();
    assert!(status.success(), "hyoka must exit 0 after q, got {status:?}");
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
