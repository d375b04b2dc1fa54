//! End-to-end: the real `hyoka` binary in a pseudo-terminal, driven with the keys a clerk presses,
//! read back through a vt100 screen, and checked against the YAML it leaves on disk.
//!
//! Every wait has a deadline; on any failure the child is killed (see `Drop for Tui`) and the
//! panic message carries the screen as it was, so a failing run never hangs and says what it saw.

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

const DEADLINE: Duration = Duration::from_secs(10);
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/kamigyo/2008.yaml");
const FILE: &str = "kamigyo/2008.yaml";

const TAB: &str = "\t";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const CTRL_S: &str = "\x13";

// ---------------------------------------------------------------------------------------------
// The workspace: a copy of the sample in a temporary folder.

struct Workspace {
    dir: TempDir,
    original: String,
}

impl Workspace {
    fn kamigyo() -> Self {
        let dir = tempfile::tempdir().expect("create a temporary folder");
        let original = fs::read_to_string(SAMPLE).expect("read the sample data/kamigyo/2008.yaml");
        let target = dir.path().join(FILE);
        fs::create_dir_all(target.parent().expect("the sample lives in a folder")).expect("create kamigyo/");
        fs::write(&target, &original).expect("copy the sample into the temporary folder");
        Workspace { dir, original }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join(FILE)
    }

    fn bytes_on_disk(&self) -> Vec<u8> {
        fs::read(self.file()).expect("read the YAML file back")
    }

    fn on_disk(&self) -> Document {
        let text = String::from_utf8(self.bytes_on_disk()).expect("the saved file is UTF-8");
        parse_document(&text).unwrap_or_else(|p| panic!("the saved file must parse: {p:?}\n{text}"))
    }

    fn before(&self) -> Document {
        parse_document(&self.original).unwrap_or_else(|p| panic!("the sample must parse: {p:?}"))
    }

    /// Every file name under the workspace, sorted, to catch stray temporary or backup files.
    fn listing(&self) -> Vec<PathBuf> {
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

fn section<'a>(doc: &'a Document, name: &str) -> &'a Section {
    doc.divisions
        .iter()
        .flat_map(|d| &d.sections)
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("section {name} is in the document"))
}

/// Everything except `changed` is exactly as it was, and the document's head is untouched.
fn assert_only_changed(before: &Document, after: &Document, changed: &str) {
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
fn assert_stamped(section: &Section) {
    assert_eq!(section.updated_by.as_deref(), Some("e2e-tester"), "updated_by of {}", section.name);
    assert!(section.updated.is_some(), "updated of {} must be set", section.name);
}

// ---------------------------------------------------------------------------------------------
// The terminal: the binary in a pty, its output parsed by vt100 on a reader thread.

struct Tui {
    // Field order is drop order: the child goes first (killed in Drop), then the writer, whose
    // own Drop sends "\n^D" into the pty, which must not reach a live app.
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn MasterPty + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte hyoka wrote to the terminal, to check what never reaches it.
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Tui {
    fn spawn(dir: &Path, rows: u16, cols: u16) -> Self {
        Self::spawn_with(dir, rows, cols, &[])
    }

    fn spawn_with(dir: &Path, rows: u16, cols: u16, args: &[&str]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hyoka"));
        cmd.args(args);
        cmd.arg(dir);
        cmd.cwd(dir);
        // No settings file of the machine's user may change what the tests see.
        cmd.env("HYOKA_CONFIG", dir.join("no-such-config.yaml"));
        cmd.env("USER", "e2e-tester");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("HYOKA_LANG");
        cmd.env_remove("LC_ALL");
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
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut queries_answered = 0;
            loop {
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
        Tui { child, writer, master: pty.master, screen, raw }
    }

    fn parser(&self) -> MutexGuard<'_, vt100::Parser> {
        self.screen.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends keys (raw bytes as a terminal would) to the app.
    fn press(&mut self, keys: &str) {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.write_all(keys.as_bytes()).expect("write keys to the pty");
        writer.flush().expect("flush keys to the pty");
    }

    fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// What a bracketed-paste terminal sends when the user pastes `text`.
    fn paste(&mut self, text: &str) {
        self.press(&format!("\x1b[200~{text}\x1b[201~"));
    }

    fn screen_text(&self) -> String {
        self.parser().screen().contents()
    }

    fn rows(&self) -> Vec<String> {
        let parser = self.parser();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols.get()).collect()
    }

    fn row(&self, n: usize) -> String {
        self.rows().get(n).cloned().unwrap_or_default()
    }

    /// The status line: breadcrumb, file, mode and save state (second row from the bottom).
    fn status_line(&self) -> String {
        let rows = self.rows();
        rows.get(rows.len().saturating_sub(2)).cloned().unwrap_or_default()
    }

    /// The last row: key hints, or the latest message.
    fn hint_line(&self) -> String {
        self.rows().last().cloned().unwrap_or_default()
    }

    fn dump(&self) -> String {
        let rows = self.rows();
        let numbered: Vec<String> = rows.iter().enumerate().map(|(i, r)| format!("{i:>2}|{r}")).collect();
        numbered.join("\n")
    }

    /// Polls until `ok(self)` holds; panics with the screen after the deadline.
    fn wait_until(&mut self, what: &str, ok: impl Fn(&Self) -> bool) {
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

    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |t| t.screen_text().contains(text));
    }

    fn wait_for_status(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} in the status line"), |t| t.status_line().contains(text));
    }

    fn wait_for_hint(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} in the last line"), |t| t.hint_line().contains(text));
    }

    /// Waits for the first screen: the tree and the first section.
    fn wait_ready(&mut self) {
        self.wait_for("所属一覧");
        self.wait_for_status("総務課");
    }

    /// Waits for the process to end and returns how.
    fn wait_exit(&mut self) -> ExitStatus {
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
    fn wait_restored(&mut self) {
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
    fn resize(&mut self, rows: u16, cols: u16) {
        self.parser().set_size(rows.try_into().expect("rows > 0"), cols.try_into().expect("cols > 0"));
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize the pty");
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
fn focus_pane(tui: &mut Tui, n: usize, focused_title: &str) {
    tui.press(&TAB.repeat(n));
    tui.wait_for(focused_title);
}

fn start_editing(tui: &mut Tui) {
    tui.press(ENTER);
    tui.wait_for_status("編集中");
}

fn stop_editing(tui: &mut Tui) {
    // A lone Esc: nothing may follow it in the same read, or it becomes Alt+key; hence the wait.
    tui.press(ESC);
    tui.wait_for_status("閲覧");
}

fn save(tui: &mut Tui) {
    tui.press(CTRL_S);
    tui.wait_for_hint("保存しました");
    tui.wait_for_status("保存済み");
}

fn quit_expecting_success(tui: &mut Tui) {
    tui.press("q");
    let status = tui.wait_exit();
    assert!(status.success(), "hyoka must exit 0 after q, got {status:?}");
}

// ---------------------------------------------------------------------------------------------

#[test]
fn navigate_edit_save_quit() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    assert!(tui.row(0).starts_with("┌ 所属一覧"), "tree at the top left:\n{}", tui.dump());
    {
        let parser = tui.parser();
        assert!(parser.screen().alternate_screen(), "the app draws on the alternate screen");
        assert!(parser.screen().bracketed_paste(), "the app asks for bracketed paste");
    }

    tui.press("j");
    tui.wait_for_status("区民部 › まちづくり推進課");
    tui.press("j");
    tui.wait_for_status("区民部 › 市民窓口課");
    tui.press("j");
    tui.wait_for_status("区民部 › 市民税課");
    assert!(tui.status_line().contains("上京区役所 平成20年度 › 区民部 › 市民税課"), "{}", tui.dump());
    assert!(tui.status_line().contains("保存済み"), "nothing changed yet:\n{}", tui.dump());

    focus_pane(&mut tui, 4, "振り返り Enter:編集");
    start_editing(&mut tui);
    let added = "（追記：窓口アンケートで満足度95%）";
    tui.press(added);
    tui.wait_for_status("未保存 1課");
    tui.wait_for("満足度95%）");
    stop_editing(&mut tui);
    assert!(tui.status_line().contains("未保存 1課"), "{}", tui.dump());

    save(&mut tui);
    assert!(tui.hint_line().contains(FILE), "the message names the file:\n{}", tui.dump());
    quit_expecting_success(&mut tui);
    tui.wait_restored();

    let before = ws.before();
    let after = ws.on_disk();
    let was = section(&before, "市民税課");
    let now = section(&after, "市民税課");
    assert_eq!(now.reflection, format!("{}{added}", was.reflection));
    assert_eq!(
        (&now.goals_intro, &now.goals, &now.progress, &now.rating),
        (&was.goals_intro, &was.goals, &was.progress, &was.rating)
    );
    assert_stamped(now);
    assert_only_changed(&before, &after, "市民税課");

    let raw = ws.bytes_on_disk();
    let needle = added.as_bytes();
    assert!(raw.windows(needle.len()).any(|w| w == needle), "the file holds the typed text as plain UTF-8");
    assert!(!String::from_utf8_lossy(&raw).contains("\\u"), "no escaped characters in the file");
    assert_eq!(String::from_utf8_lossy(&raw).matches("updated_by:").count(), 1, "only one section is stamped");
    assert_eq!(ws.listing(), vec![ws.file()], "no stray files next to the saved one");
}

#[test]
fn rating_and_quit_dialog_save() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    assert!(tui.screen_text().contains("○ ほぼ達成できた"), "総務課 starts at ○:\n{}", tui.dump());

    focus_pane(&mut tui, 3, "目標達成度 1-4:選ぶ");
    tui.press("3");
    tui.wait_for("△ ある程度達成できた");
    tui.wait_for_status("未保存 1課");

    tui.press("q");
    tui.wait_for("保存していない変更があります");
    assert!(tui.screen_text().contains("s: 保存して終了"), "{}", tui.dump());
    assert!(tui.screen_text().contains("d: 保存せずに終了"), "{}", tui.dump());
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "nothing is written before s");

    tui.press("s");
    let status = tui.wait_exit();
    assert!(status.success(), "s in the quit dialog exits 0, got {status:?}");
    tui.wait_restored();

    let before = ws.before();
    let after = ws.on_disk();
    let now = section(&after, "総務課");
    assert_eq!(now.rating.as_deref(), Some("△"));
    assert_eq!(now.reflection, section(&before, "総務課").reflection);
    assert_eq!(now.progress, section(&before, "総務課").progress);
    assert_stamped(now);
    assert_only_changed(&before, &after, "総務課");
}

#[test]
fn quit_dialog_discard_leaves_file_untouched() {
    let ws = Workspace::kamigyo();
    let listing = ws.listing();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();

    focus_pane(&mut tui, 2, "11月末現在の取組状況 Enter:編集");
    start_editing(&mut tui);
    tui.press("捨てる予定の文");
    tui.wait_for("捨てる予定の文");
    stop_editing(&mut tui);
    tui.wait_for_status("未保存 1課");

    tui.press("q");
    tui.wait_for("保存していない変更があります");
    tui.press("d");
    let status = tui.wait_exit();
    assert!(status.success(), "d in the quit dialog exits 0, got {status:?}");
    tui.wait_restored();

    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "discarding leaves the file byte for byte");
    assert_eq!(ws.listing(), listing, "and creates no other file");
}

#[test]
fn bracketed_paste_inserts_multiline_japanese() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();

    focus_pane(&mut tui, 2, "11月末現在の取組状況 Enter:編集");
    start_editing(&mut tui);
    // The caret starts at the end of the text: a new line, then paste two lines there.
    // Terminals send line breaks in a paste as CR.
    tui.press(ENTER);
    tui.paste("・一行目\r・二行目");
    tui.wait_for("・二行目");
    tui.wait_for_status("未保存 1課");
    stop_editing(&mut tui);
    save(&mut tui);
    quit_expecting_success(&mut tui);

    let before = ws.before();
    let after = ws.on_disk();
    let was = section(&before, "総務課");
    let now = section(&after, "総務課");
    assert!(now.progress.ends_with("\n・一行目\n・二行目"), "progress on disk: {:?}", now.progress);
    assert_eq!(now.progress, format!("{}\n・一行目\n・二行目", was.progress), "pasted at the end of the text");
    assert!(!now.progress.contains('\r'), "no CR reaches the file");
    assert_eq!(now.reflection, was.reflection);
    assert_stamped(now);
    assert_only_changed(&before, &after, "総務課");
}

#[test]
fn resize_redraws() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 40, 120);
    tui.wait_ready();
    assert_eq!(tui.rows().len(), 40);
    assert!(tui.row(39).starts_with("↑↓:移動"), "key hints on the last row:\n{}", tui.dump());

    tui.resize(24, 80);
    tui.wait_until("the 80x24 layout: tree border on row 0, key hints on row 23", |t| {
        let rows = t.rows();
        rows.len() == 24
            && rows[0].starts_with("┌ 所属一覧")
            && rows[0].trim_end().ends_with('┐')
            && rows[23].starts_with("↑↓:移動")
            && rows[22].contains("総務課")
    });
    let rows = tui.rows();
    // The right-hand panes close at the new right edge: the last cell of row 0 is a corner.
    let corner = tui.parser().screen().cell(0, 79).map(|c| c.contents().to_owned());
    assert_eq!(corner.as_deref(), Some("┐"), "row 0 ends at column 80:\n{}", tui.dump());
    assert!(rows[22].contains("閲覧"), "status line redrawn:\n{}", tui.dump());
    assert!(rows[21].starts_with('└'), "tree bottom border just above the status line:\n{}", tui.dump());

    // Still alive and responsive at the new size.
    tui.press("j");
    tui.wait_for_status("まちづくり推進課");
    quit_expecting_success(&mut tui);
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "browsing changes nothing");
}

// ---------------------------------------------------------------------------------------------
// Untrusted text and the terminal's ambiguous width.

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn escape_sequences_in_data_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = concat!(
        "organization: \"上京区役所\\e[2J\"\n",
        "fiscal_year: 2008\n",
        "divisions:\n",
        "  - name: 区民部\n",
        "    sections:\n",
        "      - name: \"総務課\\u202E逆\"\n",
        "        goals:\n",
        "          - \"複写\\e]52;c;SGVsbG8=\\a終り\"\n",
        "        progress: \"画面消去\\e[2J後\"\n",
        "        reflection: \"C1制御\\x9b31m赤\"\n",
    );
    fs::write(dir.path().join("hostile.yaml"), hostile).expect("write the hostile file");
    let mut tui = Tui::spawn(dir.path(), 30, 100);
    tui.wait_for("所属一覧");
    tui.wait_for("複写␛]52;c;SGVsbG8=␇終り");
    tui.wait_for("画面消去␛[2J後");
    tui.wait_for("C1制御<U+009B>31m赤");
    tui.wait_for("総務課<U+202E>逆");
    // The editor shows the same stand-ins.
    focus_pane(&mut tui, 2, "Enter:編集");
    start_editing(&mut tui);
    tui.wait_for("画面消去␛[2J後");
    stop_editing(&mut tui);
    tui.press("q");
    let _ = tui.wait_exit();
    let raw = tui.raw_output();
    assert!(!contains(&raw, b"\x1b]52"), "OSC 52 (clipboard) reached the terminal");
    assert!(!contains(&raw, b"\x07"), "BEL reached the terminal");
    assert!(!contains(&raw, "消去\x1b[2J".as_bytes()), "the data's clear-screen reached the terminal");
    assert!(!contains(&raw, "\u{9b}".as_bytes()), "a C1 control reached the terminal");
    assert!(!contains(&raw, "\u{202e}".as_bytes()), "a bidi override reached the terminal");
    assert_eq!(fs::read_to_string(dir.path().join("hostile.yaml")).ok().as_deref(), Some(hostile), "data unchanged");
}

#[test]
fn the_ambiguous_width_is_asked_from_the_terminal() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    assert!(contains(&tui.raw_output(), "◎\x1b[6n".as_bytes()), "hyoka asked where the cursor went after ◎");
    // This terminal (vt100) draws ◎ one column wide: box-drawing borders.
    assert!(tui.row(0).starts_with("┌ 所属一覧"), "{}", tui.dump());
    tui.press("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn ambiguous_width_two_draws_ascii_borders() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn_with(ws.path(), 30, 100, &["--ambiguous-width", "2"]);
    tui.wait_ready();
    assert!(!contains(&tui.raw_output(), "◎\x1b[6n".as_bytes()), "a set width asks nothing");
    assert!(tui.row(0).starts_with("+ 所属一覧 -"), "{}", tui.dump());
    tui.press("q");
    assert!(tui.wait_exit().success());
}
