//! What the screen shows and how its keys answer, after a trial by hand in real terminals: each
//! test is a defect that was seen (keys → state, and the frame drawn into a TestBackend).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::app::{app_of, sample_app};
use common::draw::{draw, draw_terminal};
use common::keys::{keys, press};
use common::terminal::{row_text, screen_text};
use hyoka::app::{Action, App, Focus, Mode, Node, SectionRef, View, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::layout::{MIN_HEIGHT, MIN_WIDTH};
use hyoka::model::Field;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

fn row_of(buffer: &Buffer, needle: &str) -> u16 {
    (0..buffer.area.height)
        .find(|&y| row_text(buffer, y).contains(needle))
        .unwrap_or_else(|| panic!("{needle} on screen:\n{}", screen_text(buffer)))
}

#[test]
fn right_or_l_on_a_section_opens_it_instead_of_moving_down() {
    let mut app = sample_app();
    assert_eq!(app.cursor(), Node::Section(SectionRef { file: 0, division: 0, section: 0 }));
    press(&mut app, KeyCode::Right);
    assert_eq!(app.cursor(), Node::Section(SectionRef { file: 0, division: 0, section: 0 }), "still on 総務課");
    assert_eq!(app.focus(), Focus::Pane(Field::Goals), "its goals have the keys");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "l");
    assert_eq!(app.focus(), Focus::Pane(Field::Goals));
}

#[test]
fn the_recovery_dialog_can_be_left_for_later_and_x_asks_once_more() {
    let mut app = sample_app();
    let doc = app.doc(0).cloned().expect("doc");
    let mut mine = doc.clone();
    mine.divisions[0].sections[0].reflection.push_str("（追記）");
    let here = app.files()[0].canonical.display().to_string();
    let journal_left = |app: &mut App| common::reach::journal_left(app, doc.clone(), mine.clone(), &here);
    for key in [KeyCode::Esc, KeyCode::Char('q')] {
        journal_left(&mut app);
        press(&mut app, key);
        assert!(matches!(app.mode(), Mode::Browse), "{key:?} leaves the dialog");
        assert!(app.message().as_ref().is_some_and(|m| m.text.contains("次に開いたときにまた聞きます")));
    }
    journal_left(&mut app);
    let effects = update(&mut app, Command::Discard.into());
    assert!(effects.is_empty(), "x alone throws nothing away");
    assert!(matches!(&app.mode(), Mode::Recover(r) if r.view == View::ConfirmDiscard));
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(&app.mode(), Mode::Recover(r) if r.view == View::Question), "any other key goes back");
    keys(&mut app, "x");
    let effects = update(&mut app, Command::ConfirmDiscard.into());
    assert!(matches!(&effects[..], [hyoka::app::Effect::DiscardJournal(p)] if p.ends_with("x.journal")));
}

#[test]
fn a_lead_in_can_be_added_from_the_goals_pane() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    keys(&mut app, "I");
    assert!(matches!(&app.mode(), Mode::Editing(e) if e.field == Field::GoalsIntro));
    keys(&mut app, "市民満足度の向上のため");
    press(&mut app, KeyCode::Esc);
    let section = app.section(SectionRef { file: 0, division: 0, section: 0 }).expect("総務課");
    assert_eq!(section.goals_intro, "市民満足度の向上のため");
    assert_eq!(section.goals.len(), 2, "the goals stay as they were");
}

#[test]
fn a_long_message_says_how_to_read_it_whole_and_the_log_keeps_it() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "9");
    keys(&mut app, "u");
    keys(&mut app, "u");
    let long = "あ".repeat(80);
    // A long message, as git's words after a save can be.
    update(&mut app, Action::Said { text: long.clone(), warning: true });
    let screen = draw(&mut app, 80, 24);
    let hint = row_text(&screen, 23);
    assert!(hint.trim_end().ends_with("M:全文"), "{hint}");
    keys(&mut app, "M");
    let screen = screen_text(&draw(&mut app, 80, 24));
    assert!(screen.contains("最近のメッセージ"), "{screen}");
    assert!(screen.contains("達成度は 1〜4 で選んでください。"), "older messages are kept: {screen}");
    assert!(screen.contains(&"あ".repeat(30)), "the long one is there whole, wrapped");
}

#[test]
fn the_editor_grows_with_its_text_shows_where_it_is_and_z_zooms() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Progress));
    update(&mut app, Action::Resize(80, 30));
    let before = app.layout().progress.height;
    press(&mut app, KeyCode::Enter);
    for _ in 0..6 {
        update(&mut app, Action::Paste("\n・追加した行".into()));
    }
    let screen = draw(&mut app, 80, 30);
    assert!(app.layout().progress.height > before, "{} > {before}", app.layout().progress.height);
    let editor = app.layout().progress;
    let bottom = (editor.x..editor.right()).map(|x| screen[(x, editor.bottom() - 1)].symbol()).collect::<String>();
    assert!(bottom.contains("/"), "the caret's row of all rows in the border: {bottom}");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "z");
    draw(&mut app, 80, 30);
    assert_eq!(app.layout().progress, app.layout().detail, "z shows the pane on the whole right side");
    keys(&mut app, "z");
    draw(&mut app, 80, 30);
    assert_ne!(app.layout().progress, app.layout().detail);
}

#[test]
fn below_the_smallest_size_one_line_says_how_big_and_nothing_can_be_edited() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Editing(_)));
    let screen = screen_text(&draw(&mut app, 40, 10));
    assert!(screen.contains("端末が小さすぎます"), "{screen}");
    assert!(screen.contains(&format!("幅{MIN_WIDTH}・高さ{MIN_HEIGHT}以上")), "{screen}");
    assert!(matches!(app.mode(), Mode::Browse), "the editor closed, its text kept");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Browse), "no editing on a screen too small to show it");
    let screen = screen_text(&draw(&mut app, MIN_WIDTH, MIN_HEIGHT));
    assert!(screen.contains("振り返り") && !screen.contains("小さすぎます"), "{screen}");
}

#[test]
fn the_caret_is_the_terminal_s_cursor_alone() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    press(&mut app, KeyCode::Enter);
    let mut terminal = draw_terminal(&mut app, 80, 24);
    let cursor = terminal.get_cursor_position().expect("the cursor is placed");
    let cell = &terminal.backend().buffer()[(cursor.x, cursor.y)];
    assert!(!cell.modifier.contains(Modifier::REVERSED), "a reversed cell under a block cursor cancels out");
}

#[test]
fn no_color_keeps_the_cursor_and_the_focused_pane_visible() {
    let doc = hyoka::store::parse_document(common::docs::SAMPLE).expect("the sample parses");
    let entry = hyoka::app::FileEntry::loaded(common::app::SAMPLE_PATH, doc, common::docs::SAMPLE);
    let mut app = App::new(vec![entry], hyoka::app::Settings { no_color: true, ..common::app::settings(Lang::Ja) });
    let screen = draw(&mut app, 80, 24);
    let y = row_of(&screen, "総務課");
    let x = (0..20).find(|&x| screen[(x, y)].symbol() == "総").expect("総務課");
    assert!(screen[(x, y)].modifier.contains(Modifier::REVERSED), "the tree cursor is reverse video");
    assert!(screen.content.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset), "no colour at all");
    keys(&mut app, "e");
    let screen = draw(&mut app, 80, 24);
    let y = row_of(&screen, "Markdown");
    let x = (0..80).find(|&x| screen[(x, y)].symbol() == "H").expect("HTML");
    assert!(screen[(x, y)].modifier.contains(Modifier::REVERSED), "the chosen format is marked");
}

#[test]
fn no_color_keeps_search_hits_and_badges_marked() {
    let doc = hyoka::store::parse_document(common::docs::SAMPLE).expect("the sample parses");
    let entry = hyoka::app::FileEntry::loaded(common::app::SAMPLE_PATH, doc, common::docs::SAMPLE);
    let mut app = App::new(vec![entry], hyoka::app::Settings { no_color: true, ..common::app::settings(Lang::Ja) });
    keys(&mut app, "/クレーム");
    press(&mut app, KeyCode::Enter);
    let screen = draw(&mut app, 80, 24);
    let detail = app.layout().detail;
    let y = (detail.y..detail.bottom()).find(|&y| row_text(&screen, y).contains("クレーム")).expect("a hit in a pane");
    let x = (detail.x..detail.right()).find(|&x| screen[(x, y)].symbol() == "ク").expect("ク");
    let hit = screen[(x, y)].modifier;
    assert!(hit.intersects(Modifier::REVERSED | Modifier::UNDERLINED), "the hit is marked: {hit:?}");
    assert_ne!(hit, screen[(x - 2, y)].modifier, "and differs from the text before it");
    // On the cursor's row (reversed already), a hit is underlined instead.
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    let screen = draw(&mut app, 80, 24);
    let y = (detail.y..detail.bottom()).find(|&y| row_text(&screen, y).contains("クレーム")).expect("a hit in a pane");
    let x = (detail.x..detail.right()).find(|&x| screen[(x, y)].symbol() == "ク").expect("ク");
    assert!(screen[(x - 2, y)].modifier.contains(Modifier::REVERSED), "the selected goal is reversed");
    assert!(screen[(x, y)].modifier.contains(Modifier::UNDERLINED), "{:?}", screen[(x, y)].modifier);
    assert!(!screen[(x, y)].modifier.contains(Modifier::REVERSED), "{:?}", screen[(x, y)].modifier);
    // The status line's badge ("保存済み", black on green in colour) is reversed.
    let status = row_of(&screen, "保存済み");
    let badge = (0..80).find(|&x| screen[(x, status)].symbol() == "保").expect("保存済み");
    assert!(screen[(badge, status)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn colours_come_in_pairs_or_as_red_and_grey_text_that_every_background_shows() {
    let mut app = common::app::sample_with(Lang::Ja, |d| d.divisions[0].sections[0].reflection.clear());
    let mut screens = vec![draw(&mut app, 100, 30)];
    keys(&mut app, "?");
    screens.push(draw(&mut app, 100, 30));
    press(&mut app, KeyCode::Esc);
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    screens.push(draw(&mut app, 100, 30));
    press(&mut app, KeyCode::Enter);
    screens.push(draw(&mut app, 100, 30));
    for screen in &screens {
        for cell in &screen.content {
            let lone = cell.bg == Color::Reset && cell.fg != Color::Reset;
            assert!(
                !lone || matches!(cell.fg, Color::Red | Color::DarkGray),
                "{:?} on the terminal's background",
                cell.fg
            );
            assert!(
                cell.bg == Color::Reset || cell.fg != Color::Reset,
                "a background colour with the terminal's text colour"
            );
            assert_ne!(cell.bg, Color::Blue, "blue behind the text: 2.2:1 on light terminals");
        }
    }
}

/// The contrast of two of xterm's colours (WCAG's ratio; the sixteen colours as xterm sets them).
fn contrast(a: Color, b: Color) -> f64 {
    let rgb = |c: Color| match c {
        Color::Black => [0, 0, 0],
        Color::Red => [205, 0, 0],
        Color::Green => [0, 205, 0],
        Color::Yellow => [205, 205, 0],
        Color::White => [255, 255, 255],
        Color::Gray => [229, 229, 229],
        other => panic!("a colour the test does not know: {other:?}"),
    };
    let luminance = |c: Color| {
        let [r, g, b] = rgb(c).map(|v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        });
        0.2126 * r + 0.7152 * g + 0.0722 * b
    };
    let (l1, l2) = (luminance(a), luminance(b));
    (l1.max(l2) + 0.05) / (l1.min(l2) + 0.05)
}

#[test]
fn the_warning_marks_on_the_cursor_row_keep_their_contrast_in_reverse_video() {
    use hyoka::model::{Review, Status};
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
    let mut app = common::app::sample_with(Lang::Ja, |d| {
        let s = &mut d.divisions[0].sections[0];
        s.reflection.clear();
        s.status = Status::Returned;
        s.review = Some(Review { by: "suzuki".into(), at, comment: "数値を".into() });
    });
    let screen = draw(&mut app, 80, 24);
    let y = row_of(&screen, "総務課");
    for mark in ["差", "!"] {
        let x = (0..24).find(|&x| screen[(x, y)].symbol() == mark).unwrap_or_else(|| panic!("{mark} on the row"));
        let cell = &screen[(x, y)];
        // What the terminal shows: reverse video swaps the two.
        let (fg, bg) = if cell.modifier.contains(Modifier::REVERSED) { (cell.bg, cell.fg) } else { (cell.fg, cell.bg) };
        assert!(
            fg != Color::Reset && bg != Color::Reset,
            "{mark}: a pair, without the terminal's own colours (xterm -rv)"
        );
        assert!(contrast(fg, bg) >= 4.5, "{mark}: {fg:?} on {bg:?} is {:.1}:1", contrast(fg, bg));
    }
}

#[test]
fn dialogs_and_help_show_their_own_keys_in_the_bottom_line() {
    let mut app = sample_app();
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    keys(&mut app, "1q");
    let screen = draw(&mut app, 80, 24);
    let hints = row_text(&screen, 23);
    assert!(hints.starts_with("s:保存して終了"), "{hints}");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "?");
    let screen = draw(&mut app, 80, 24);
    let hints = row_text(&screen, 23);
    assert!(hints.starts_with("↑↓:スクロール"), "{hints}");
    let mut english = app_of(app.files().to_vec(), Lang::En);
    keys(&mut english, "?");
    let buffer = draw(&mut english, 80, 24);
    let screen = screen_text(&buffer);
    let bottom = screen.lines().nth(21).unwrap_or_default().to_owned();
    assert!(bottom.contains('└') && bottom.contains('┘'), "the box ends above the status line: {screen}");
    // The status line is whole: reversed from its first column to its badge, saying where one is.
    let status = screen.lines().nth(22).unwrap_or_default().to_owned();
    assert!(status.contains("help") && status.contains("saved"), "{status:?}");
    assert!(buffer[(0, 22)].modifier.contains(Modifier::REVERSED), "the status line's first column: {status:?}");
    assert!(!status.contains(['│', '┘', '─']), "no part of the box on the status line: {status:?}");
}

#[test]
fn a_folded_division_still_shows_that_something_inside_is_unsaved_or_empty() {
    // 衛生課's progress empty in the file, and its rating changed on screen.
    let mut app = common::app::sample_with(Lang::Ja, |d| d.divisions[2].sections[1].progress.clear());
    let eisei = Node::Section(SectionRef { file: 0, division: 2, section: 1 });
    common::reach::go_to_pane(&mut app, eisei, Focus::Pane(Field::Rating));
    keys(&mut app, "1");
    common::reach::go_to(&mut app, Node::Division(0, 2));
    keys(&mut app, "h");
    let screen = screen_text(&draw(&mut app, 80, 24));
    let row = screen.lines().find(|l| l.contains("▸ 保健部")).unwrap_or_default().to_owned();
    assert!(row.contains("▸ 保健部 * !"), "{row}");
}

#[test]
fn exports_go_to_the_user_s_folder_by_default() {
    use hyoka::interchange::Format;
    let path = hyoka::app::export_path(
        Some("/home/tanaka/hyoka-exports".as_ref()),
        "data/kamigyo/2008.yaml".as_ref(),
        Format::Csv,
    );
    assert_eq!(path, std::path::Path::new("/home/tanaka/hyoka-exports/kamigyo/2008.csv"));
    let beside = hyoka::app::export_path(None, "data/kamigyo/2008.yaml".as_ref(), Format::Md);
    assert_eq!(beside, std::path::Path::new("data/kamigyo/2008.md"));
    // What the dialog proposes, for a clerk and for a reviewer alike (as the README says).
    for reviewer in [false, true] {
        let doc = hyoka::store::parse_document(common::docs::SAMPLE).expect("the sample parses");
        let entry = hyoka::app::FileEntry::loaded(common::app::SAMPLE_PATH, doc, common::docs::SAMPLE);
        let settings = hyoka::app::Settings {
            export_dir: Some("/home/tanaka/hyoka-exports".into()),
            read_only: reviewer,
            ..common::app::settings(Lang::Ja)
        };
        let mut app = App::new(vec![entry], settings);
        keys(&mut app, "e");
        let Mode::Export(dialog) = &app.mode() else { panic!("e opens the export") };
        assert_eq!(dialog.path.lines().join(""), "/home/tanaka/hyoka-exports/kamigyo/2008.html", "reviewer {reviewer}");
    }
}
