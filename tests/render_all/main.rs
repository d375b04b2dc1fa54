//! Every screen hyoka can show — each view, each dialog, editing in each pane — drawn at the
//! smallest usable size, at 80×24 and at 200×60, in both ambiguous widths, and measured by the
//! Unicode width table itself (not hyoka's own measuring): every row fills the terminal exactly.
//! The data is the sample with half-width katakana in every kind of text (ﾎｰﾑﾍﾟｰｼﾞ, ﾃﾞｰﾀ: a
//! cluster is two columns in the terminal, and ratatui alone would give it three).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

#[path = "../common/mod.rs"]
mod common;
mod screens;

use screens::{app, screens};

use common::app::open_on;
use common::draw::{BOTH_WIDTHS, draw};
use common::terminal::{assert_rows_fill, row_text};
use common::terms::{Kind, Term};
use hyoka::app::{Action, Focus, update};
use hyoka::command::Command;
use hyoka::layout::{MIN_HEIGHT, MIN_WIDTH};
use hyoka::model::Field;
use hyoka::text::AmbiguousWidth;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
/// The screens are reached by keys and the worker's answers, as a person reaches them: each
/// shows what its name says.
#[test]
fn every_screen_is_the_one_its_name_says() {
    use hyoka::app::{Ask, Mode, View};
    let mut all = screens(AmbiguousWidth::Narrow);
    // A name may stand for a screen per pane, but never twice for the same picture.
    let mut drawn: Vec<(&str, Buffer)> = all.iter_mut().map(|(name, app)| (*name, draw(app, 80, 24))).collect();
    drawn.sort_by(|a, b| a.0.cmp(b.0));
    let doubled: Vec<&str> = drawn.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0].0).collect();
    assert!(doubled.is_empty(), "each screen once: {doubled:?}");
    for (name, app) in all {
        let mode = app.mode();
        let shown = match name {
            "help" => matches!(mode, Mode::Help { .. }),
            "messages" => matches!(mode, Mode::Messages { .. }),
            "quit" => matches!(mode, Mode::ConfirmQuit),
            "export" => matches!(mode, Mode::Export(_)),
            "conflict" => matches!(mode, Mode::Resolve(c) if c.combined.is_none()),
            "conflict, edit both" => matches!(mode, Mode::Resolve(c) if c.combined.is_some()),
            "conflict over an approval, for a clerk" => {
                matches!(mode, Mode::Resolve(c) if matches!(c.conflicts[0], hyoka::app::Question::Decided(_)))
            }
            "section gone" => {
                matches!(mode, Mode::Resolve(c) if matches!(c.conflicts[0], hyoka::app::Question::Gone { .. }))
            }
            "recovery" => matches!(mode, Mode::Recover(r) if r.view == View::Question),
            "recovery changes" => matches!(mode, Mode::Recover(r) if r.view == View::Changes(0)),
            "recovery discard?" => matches!(mode, Mode::Recover(r) if r.view == View::ConfirmDiscard),
            "history of a section" | "history of the file" => {
                matches!(mode, Mode::Changes(v) if v.entries.len() == 2 && v.diff.is_some())
            }
            "history, reading" => matches!(mode, Mode::Changes(v) if v.reading),
            "editing" => matches!(mode, Mode::Editing(_)),
            "ask submit" => matches!(mode, Mode::Ask(a) if matches!(**a, Ask::Submit(_))),
            "ask next stage" => matches!(mode, Mode::Ask(a) if matches!(**a, Ask::NextStage { kept: None, .. })),
            "ask next stage, no repository" => {
                matches!(mode, Mode::Ask(a) if matches!(**a, Ask::NextStage { kept: Some(_), .. }))
            }
            "comment, discard?" => matches!(mode, Mode::Comment(c) if c.confirming),
            "unpublishable, editing" => matches!(mode, Mode::Editing(_)) && app.layout().flaw.is_some(),
            "recovery of a comment" => matches!(mode, Mode::Recover(r) if r.view == View::Changes(0)),
            "quit with a comment not sent" => matches!(mode, Mode::ConfirmQuit) && app.unsent_drafts() == 1,
            "ask new year" => matches!(mode, Mode::Ask(a) if matches!(**a, Ask::NewYear { .. })),
            "comment" => matches!(mode, Mode::Comment(_)),
            "submitted, reviewer" => app.reviewer() && matches!(mode, Mode::Browse),
            "search" => matches!(mode, Mode::Search(_)),
            "filter" => matches!(mode, Mode::Filter(_)),
            "table" => matches!(mode, Mode::Table(_)),
            "years" => matches!(mode, Mode::Years(_)),
            "summary" => matches!(mode, Mode::Summary(_)),
            _ => matches!(mode, Mode::Browse),
        };
        assert!(shown, "{name}: the state is not the screen named");
    }
}

#[test]
fn every_screen_fits_at_every_size_in_both_ambiguous_widths() {
    let sizes = [(MIN_WIDTH, MIN_HEIGHT), (80, 24), (200, 60)];
    for measure in BOTH_WIDTHS {
        let wide = measure == AmbiguousWidth::Wide;
        for (name, mut app) in screens(measure) {
            for (width, height) in sizes {
                let buffer = draw(&mut app, width, height);
                assert_rows_fill(&buffer, wide, &format!("{name} at {width}×{height}"));
                for y in 0..height {
                    let text = row_text(&buffer, y);
                    assert!(!text.chars().any(char::is_control), "{name}: a control character reaches the terminal");
                    if wide {
                        assert!(
                            !text.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
                            "{name} at {width}×{height}: a box-drawing character in wide mode, row {y}: {text}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_broken_file_and_a_too_small_terminal_fit_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("tests/fixtures/broken/bad_rating.yaml", dir.path().join("2009.yaml")).expect("copy");
    for measure in BOTH_WIDTHS {
        let mut broken = open_on(dir.path(), measure);
        let mut small = app(measure);
        let mut tiny = app(measure);
        // The quit question asked on the small screen too.
        common::reach::focus(&mut small, Focus::Pane(Field::Rating));
        update(&mut small, Command::Rate(1).into());
        update(&mut small, Action::Resize(30, 8));
        update(&mut small, Command::Quit.into());
        assert!(matches!(small.mode(), hyoka::app::Mode::ConfirmQuit));
        let wide = measure == AmbiguousWidth::Wide;
        for (app, width, height) in [(&mut broken, 80, 24), (&mut small, 30, 8), (&mut tiny, 12, 3)] {
            assert_rows_fill(&draw(app, width, height), wide, &format!("{width}×{height}"));
        }
    }
}

#[test]
fn a_wide_terminal_shows_each_frame_exactly_after_every_change() {
    let (width, height) = (100u16, 30u16);
    let mut app = app(AmbiguousWidth::Wide);
    update(&mut app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    // A terminal that draws ambiguous characters two columns wide, fed only what ratatui sends.
    let mut shown = Term::new(Kind::Exact { wide: true }, width, height);
    let mut previous = Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
    let mut steps: Vec<Action> = vec![Command::NextPane.into(), Command::NextPane.into(), Command::NextPane.into()];
    steps.extend((0..6).map(|_| Action::from(Command::CycleRating)));
    steps.extend([Command::Back.into(), Command::Down.into(), Command::Down.into(), Command::Up.into()]);
    steps.push(Command::NextPane.into());
    steps.extend((0..4).map(|_| Action::from(Command::Down)));
    for (n, step) in steps.into_iter().enumerate() {
        // The frame as drawn (not the test backend's copy, which keeps only what was sent).
        let next = terminal.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws").buffer.clone();
        for (x, y, cell) in previous.diff(&next) {
            shown.print_at(x, y, cell.symbol());
        }
        for y in 0..height {
            assert_eq!(shown.seen(y), shown.expected(&next, y), "after step {n}, row {y}");
        }
        previous = next;
        update(&mut app, step);
    }
}
