//! hyoka's terminal backend sends fewer bytes than crossterm's, and the terminal shows the same.
//!
//! No cursor move between the cells of a row of Japanese text, and every frame of the sample (and of
//! its copy full of half-width katakana, ﾎｰﾑﾍﾟｰｼﾞ), through tree moves, pane moves, rating changes
//! and editing, shown exactly by vt100 (ambiguous characters one column wide) and by models of real
//! terminals (`common::terms`): one that draws what it holds in either width, xterm -cjk_width with
//! its narrow glyphs, urxvt, and mlterm with its short erasing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

mod common;

use common::app::{app_from_text_on, sample_app};
use common::docs::{HALF_WIDTH, SAMPLE};
use common::terms::{Kind, Term};
use hyoka::app::{Action, update};
use hyoka::command::Command;
use hyoka::text::AmbiguousWidth;
use hyoka::tui::backend::HyokaBackend;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Bytes written by a backend, kept for the test to read.
#[derive(Clone, Default)]
struct Wire(Rc<RefCell<Vec<u8>>>);

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Wire {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

fn send(backend: &mut impl Backend<Error = std::io::Error>, previous: &Buffer, next: &Buffer) {
    backend.draw(previous.diff(next).into_iter()).expect("draws");
    Backend::flush(backend).expect("flushes");
}

/// Cursor positioning sequences (`ESC [ … H`, `ESC [ n C`) in `bytes`.
fn cursor_moves(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    let mut rest = &*text;
    while let Some(at) = rest.find("\x1b[") {
        let after = &rest[at + 2..];
        let end = after.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(after.len());
        if after[end..].starts_with(['H', 'C']) {
            out.push(after[..=end].to_owned());
        }
        rest = &after[end.min(after.len())..];
    }
    out
}

#[test]
fn a_row_of_japanese_text_is_sent_with_one_cursor_move() {
    let area = Rect::new(0, 0, 60, 2);
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "上京区役所では、市民の皆様へ信頼される市役所づくりを目指して", ratatui::style::Style::new());
    next.set_string(0, 1, "ABC総務課 1割増加・クレームゼロ", ratatui::style::Style::new());
    let wire = Wire::default();
    // As drawn, and as `ui::finish` hands it over, the wide characters declared two columns wide.
    let mut finished = next.clone();
    hyoka::ui::finish(&mut finished, false, AmbiguousWidth::Narrow);
    let mut sent = Vec::new();
    for frame in [&finished, &next] {
        let mut ours = HyokaBackend::new(wire.clone(), AmbiguousWidth::Narrow);
        // As at start and after Ctrl-L: the screen cleared, every cell known to be blank.
        ours.clear_region(ClearType::All).expect("clears");
        wire.take();
        send(&mut ours, &Buffer::empty(area), frame);
        sent = wire.take();
        // One move to the start of each row, none between the cells of a row.
        assert_eq!(cursor_moves(&sent), ["1;1H", "2;1H"], "{}", String::from_utf8_lossy(&sent));
    }
    // What crossterm's own backend sends for the same frame: a move after every wide character.
    let mut theirs = CrosstermBackend::new(wire.clone());
    send(&mut theirs, &Buffer::empty(area), &next);
    let upstream = wire.take();
    assert!(cursor_moves(&upstream).len() > 30, "crossterm moves after each wide character");
    assert!(sent.len() * 2 < upstream.len(), "{} bytes against crossterm's {}", sent.len(), upstream.len());
}

/// The steps a clerk takes: tree moves over files, divisions and sections, panes, ratings, editing.
fn steps() -> Vec<Action> {
    let mut steps: Vec<Action> = (0..16).map(|_| Action::from(Command::Down)).collect();
    steps.extend((0..16).map(|_| Action::from(Command::Up)));
    steps.extend((0..3).map(|_| Action::from(Command::Down)));
    steps.extend([Command::NextPane, Command::NextPane, Command::NextPane].map(Action::from));
    steps.extend((0..5).map(|_| Action::from(Command::CycleRating)));
    steps.extend([Command::NextPane, Command::Edit].map(Action::from));
    steps.extend("追記しました。◎○△×①※→".chars().map(Action::Type));
    steps.extend([Command::EndEdit, Command::Back, Command::Down, Command::Down].map(Action::from));
    steps
}

fn shows_every_frame(wide: bool) {
    for text in [SAMPLE, HALF_WIDTH] {
        for (width, height) in [(120, 36), (200, 60), (80, 24)] {
            shows_every_frame_at(text, wide, width, height);
        }
    }
}

fn shows_every_frame_at(text: &str, wide: bool, width: u16, height: u16) {
    let measure = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
    let mut app = app_from_text_on(text, measure);
    update(&mut app, Action::Resize(width, height));
    let mut frames = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let wire = Wire::default();
    let mut backend = HyokaBackend::new(wire.clone(), measure);
    backend.clear_region(ClearType::All).expect("clears");
    let mut terminals: Vec<Term> = Kind::all(wide).into_iter().map(|kind| Term::new(kind, width, height)).collect();
    let mut vt = vt100::Parser::new(height.try_into().unwrap(), width.try_into().unwrap(), 0);
    let mut previous = Buffer::empty(Rect::new(0, 0, width, height));
    for (n, step) in steps().into_iter().enumerate() {
        let next = frames.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws").buffer.clone();
        send(&mut backend, &previous, &next);
        let bytes = wire.take();
        vt.process(&bytes);
        for term in &mut terminals {
            term.feed(&bytes);
            for y in 0..height {
                assert_eq!(
                    term.seen(y),
                    term.expected(&next, y),
                    "{:?} {width}×{height}, after step {n} ({step:?}), row {y}",
                    term.kind
                );
            }
        }
        if !wide {
            let shown: Vec<String> = vt.screen().rows(0, width).collect();
            let exact = &terminals[0];
            for y in 0..height {
                let expected = exact.expected(&next, y);
                assert_eq!(shown[usize::from(y)].trim_end(), expected.trim_end(), "vt100, step {n}, row {y}");
            }
        }
        previous = next;
        update(&mut app, step);
    }
}

#[test]
fn a_terminal_shows_every_frame_exactly_with_ambiguous_characters_one_column_wide() {
    shows_every_frame(false);
}

#[test]
fn a_terminal_shows_every_frame_exactly_with_ambiguous_characters_two_columns_wide() {
    shows_every_frame(true);
}

#[test]
fn a_frame_that_changed_nothing_sends_nothing() {
    let (width, height) = (100u16, 30u16);
    let area = Rect::new(0, 0, width, height);
    let wire = Wire::default();
    let options = ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(area) };
    let mut terminal =
        Terminal::with_options(HyokaBackend::new(wire.clone(), AmbiguousWidth::Narrow), options).expect("terminal");
    let mut app = sample_app();
    update(&mut app, Action::Resize(width, height));
    terminal.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws");
    assert!(!wire.take().is_empty(), "the first frame is sent");
    terminal.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws");
    assert_eq!(String::from_utf8(wire.take()).unwrap(), "", "the same frame again: not a byte");
    // Editing: the caret is put back on every frame, and sent only when it moved.
    update(&mut app, Action::from(Command::NextPane));
    update(&mut app, Action::from(Command::Edit));
    terminal.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws");
    assert!(!wire.take().is_empty());
    terminal.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws");
    assert_eq!(String::from_utf8(wire.take()).unwrap(), "", "editing, nothing typed: not a byte");
}
