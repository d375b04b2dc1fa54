//! The screen as drawn into ratatui's TestBackend: snapshots (with Japanese text) and cell checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::app::{app_of, sample_app_in, sample_app_on, text_with_on};
use common::docs::SAMPLE;
use common::draw::draw_terminal;
use common::terminal::{assert_rows_fill, screen_text};
use hyoka::app::{Action, App, FileState, Focus, Node, SectionRef, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::model::Field;
use hyoka::text::AmbiguousWidth;
use hyoka::worker::load_workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::{Color, Modifier};

/// Every row, measured as the terminal measures it (with the ambiguous width the app drew the
/// frame for), fills the terminal exactly.
fn row_widths_fit(buffer: &Buffer, app: &App) {
    assert_rows_fill(buffer, app.ambiguous_width() == AmbiguousWidth::Wide, "the screen");
}

#[test]
fn main_screen_80x24() {
    let mut app = sample_app_in(Lang::Ja);
    let terminal = draw_terminal(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn main_screen_120x40() {
    let mut app = sample_app_in(Lang::Ja);
    let terminal = draw_terminal(&mut app, 120, 40);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn main_screen_in_english() {
    let mut app = sample_app_in(Lang::En);
    let terminal = draw_terminal(&mut app, 80, 24);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn goals_with_a_lead_in_focused_120x40() {
    let mut app = sample_app_in(Lang::Ja);
    common::reach::go_to(&mut app, Node::Section(SectionRef { file: 0, division: 0, section: 2 }));
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    common::reach::goal_row(&mut app, 1);
    let terminal = draw_terminal(&mut app, 120, 40);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn editing_the_reflection_80x24() {
    let mut app = sample_app_in(Lang::Ja);
    common::reach::go_to(&mut app, Node::Section(SectionRef { file: 0, division: 0, section: 3 }));
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    update(&mut app, Command::Edit.into());
    update(&mut app, Action::Paste("窓口で".into()));
    let mut terminal = draw_terminal(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
    // The terminal's own cursor sits right after the typed text, for the IME.
    let cursor = terminal.get_cursor_position().expect("cursor");
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(cursor.x - 2, cursor.y)].symbol(), "で", "cursor at {cursor:?}");
    assert_eq!(buffer[(cursor.x - 6, cursor.y)].symbol(), "窓", "cursor at {cursor:?}");
}

#[test]
fn help_overlay_80x24() {
    let mut app = sample_app_in(Lang::Ja);
    update(&mut app, Command::Help.into());
    let terminal = draw_terminal(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn quit_dialog_over_unsaved_work() {
    let mut app = sample_app_in(Lang::Ja);
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    update(&mut app, Command::Rate(1).into());
    update(&mut app, Command::Quit.into());
    let terminal = draw_terminal(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn division_overview_lists_ratings_and_gaps() {
    let mut app = common::app::sample_with(Lang::Ja, |d| {
        let s = &mut d.divisions[2].sections[1];
        s.progress.clear();
        s.rating = None;
    });
    common::reach::go_to(&mut app, Node::Division(0, 2));
    let terminal = draw_terminal(&mut app, 80, 24);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn a_broken_file_shows_its_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("tests/fixtures/broken/bad_rating.yaml", dir.path().join("2009.yaml")).expect("copy");
    let mut files = load_workspace(dir.path()).expect("loads");
    files[0].path = "data/2009.yaml".into();
    if let FileState::Broken(e) = &mut files[0].state {
        e.path = "data/2009.yaml".into();
    }
    let mut app = app_of(files, Lang::Ja);
    let terminal = draw_terminal(&mut app, 80, 24);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn unsaved_and_empty_markers_are_coloured_in_the_tree() {
    // 総務課's reflection and まちづくり推進課's progress empty in the file, and 総務課's rating changed on screen.
    let mut app = common::app::sample_with(Lang::Ja, |d| {
        d.divisions[0].sections[0].reflection.clear();
        d.divisions[0].sections[1].progress.clear();
    });
    common::reach::focus(&mut app, Focus::Pane(Field::Rating));
    update(&mut app, Command::Rate(1).into());
    common::reach::focus(&mut app, Focus::Tree);
    let terminal = draw_terminal(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    // Row 3 is 総務課: "    *!総務課".
    assert_eq!(buffer[(5, 3)].symbol(), "*");
    assert!(buffer[(5, 3)].modifier.contains(Modifier::BOLD));
    assert_eq!(buffer[(6, 3)].symbol(), "!");
    // On the cursor's row (reverse video) a pair of its own; elsewhere red text.
    assert_eq!((buffer[(6, 3)].fg, buffer[(6, 3)].bg), (Color::White, Color::Red));
    assert_eq!(buffer[(6, 4)].symbol(), "!");
    assert_eq!((buffer[(6, 4)].fg, buffer[(6, 4)].bg), (Color::Red, Color::Reset));
    assert_eq!(buffer[(7, 3)].symbol(), "総");
    assert!(buffer[(7, 3)].modifier.contains(Modifier::REVERSED), "the tree cursor is on it");
    assert_eq!(buffer[(7, 3)].bg, Color::Reset, "reverse video, no colour a light terminal would hide");
    assert!(screen_text(buffer).contains(" 未保存 1課 "));
}

/// A terminal set to draw ambiguous characters two columns wide (PuTTY, RLogin, TeraTerm, vim's
/// ambiwidth=double): borders in ASCII, ◎ ○ △ × ① given two columns each.
fn render_wide(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    assert_eq!(app.ambiguous_width(), AmbiguousWidth::Wide, "an app made for a wide terminal");
    let terminal = draw_terminal(app, width, height);
    row_widths_fit(terminal.backend().buffer(), app);
    terminal
}

#[test]
fn main_screen_with_wide_ambiguous_characters_80x24() {
    let mut app = sample_app_on(Lang::Ja, AmbiguousWidth::Wide);
    let terminal = render_wide(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.starts_with("+ 所属一覧 -"), "ASCII borders in wide mode:\n{text}");
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
        "no box-drawing character anywhere: they are ambiguous and would push the borders out of place"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn main_screen_with_wide_ambiguous_characters_120x40() {
    let mut app = sample_app_on(Lang::Ja, AmbiguousWidth::Wide);
    common::reach::focus(&mut app, Focus::Pane(Field::Goals));
    let terminal = render_wide(&mut app, 120, 40);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn every_screen_fits_in_wide_mode() {
    let mut app = sample_app_on(Lang::Ja, AmbiguousWidth::Wide);
    update(&mut app, Command::Help.into());
    render_wide(&mut app, 80, 24);
    let mut app = sample_app_on(Lang::Ja, AmbiguousWidth::Wide);
    common::reach::go_to(&mut app, Node::Division(0, 0));
    render_wide(&mut app, 80, 24);
    let mut app = sample_app_on(Lang::Ja, AmbiguousWidth::Wide);
    common::reach::focus(&mut app, Focus::Pane(Field::Progress));
    update(&mut app, Command::Edit.into());
    update(&mut app, Action::Paste("◎○△×①※→".into()));
    let mut terminal = render_wide(&mut app, 80, 24);
    let cursor = terminal.get_cursor_position().expect("cursor");
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(cursor.x - 2, cursor.y)].symbol(), "→", "the caret comes after → …");
    assert_eq!(buffer[(cursor.x - 1, cursor.y)].symbol(), " ", "… and after the column it covers, never sent");
}

#[test]
fn a_popup_over_wide_text_leaves_no_half_character() {
    // The help overlay's left border falls on the second column of a full-width character in the
    // status line at 80×24; that character must be blanked, not left to hide the border.
    let mut app = sample_app_in(Lang::Ja);
    update(&mut app, Command::Help.into());
    let terminal = draw_terminal(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width - 1 {
            let symbol = buffer[(x, y)].symbol();
            if app.ambiguous_width().display_width(symbol) == 2 {
                assert_eq!(
                    buffer[(x + 1, y)].symbol(),
                    " ",
                    "({x},{y}) {symbol} covers {}",
                    buffer[(x + 1, y)].symbol()
                );
            }
        }
    }
    row_widths_fit(buffer, &app);
}

#[test]
fn long_tree_labels_are_cut_with_an_ellipsis() {
    let mut app = common::app::sample_with(Lang::Ja, |d| {
        d.divisions[0].sections[1].name = "まちづくり推進課地域力推進担当".into()
    });
    let terminal = draw_terminal(&mut app, 80, 24);
    let row = screen_text(terminal.backend().buffer()).lines().nth(4).unwrap_or_default().to_owned();
    assert!(row.starts_with("│      まちづくり推進… │"), "{row}");
}

#[test]
fn control_characters_in_data_are_shown_not_sent() {
    let mut app = common::app::sample_with(Lang::Ja, |d| {
        let s = &mut d.divisions[0].sections[0];
        s.name = "総務\u{1b}[2J課".into();
        s.reflection = "危険\u{1b}]52;c;AAAA\u{7}な\u{9b}文字\u{202e}逆順\tタブ".into();
    });
    let terminal = draw_terminal(&mut app, 120, 40);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("総務␛[2J課"), "{text}");
    assert!(text.contains("危険␛]52;c;AAAA␇な<U+009B>文字<U+202E>逆順    タブ"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    // The same text in the editor: shown with stand-ins too.
    common::reach::focus(&mut app, Focus::Pane(Field::Reflection));
    update(&mut app, Command::Edit.into());
    let terminal = draw_terminal(&mut app, 120, 40);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("危険␛]52;c;AAAA␇な<U+009B>文字<U+202E>逆順    タブ"), "{text}");
}

#[test]
fn the_conflict_dialog_shows_both_texts_with_who_and_when() {
    use hyoka::store::FieldConflict;
    let mut app = sample_app_in(Lang::Ja);
    common::reach::merge_left(
        &mut app,
        vec![FieldConflict {
            division: "区民部".into(),
            section: "市民税課".into(),
            field: Field::Reflection,
            with: Vec::new(),
            mine: "窓口対応で、来庁者の理解を得るのに時間がかかったケースはいくつかあった。（私の追記）".into(),
            theirs: "窓口対応で、来庁者の理解を得るのに時間がかかったケースはいくつかあった。（田中さんの追記）".into(),
            mine_section: hyoka::model::Section::new("市民税課"),
            theirs_section: hyoka::model::Section::new("市民税課"),
            their_by: Some("tanaka".into()),
            their_at: chrono::DateTime::parse_from_rfc3339("2026-11-24T13:58:00+09:00").ok(),
        }],
    );
    let terminal = draw_terminal(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn the_recovery_dialog_lists_the_unsaved_fields() {
    let mut app = sample_app_in(Lang::Ja);
    let doc = app.doc(0).cloned().expect("doc");
    let mut mine = doc.clone();
    mine.divisions[0].sections[0].reflection.push_str("（追記）");
    let here = app.files()[0].canonical.display().to_string();
    common::reach::journal_left(&mut app, doc, mine, &here);
    let terminal = draw_terminal(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

#[test]
fn the_export_dialog_80x24() {
    let mut app = sample_app_in(Lang::Ja);
    update(&mut app, Command::Export.into());
    let terminal = draw_terminal(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(screen_text(terminal.backend().buffer()));
}

/// The ambiguous width is each App's own, not the thread's: a narrow App and a wide one laid out
/// and drawn on the same thread, in turn, each draw exactly what they draw alone — ◎ ○ △ × ① given
/// two cells and the borders in ASCII only in the wide one.
#[test]
fn a_narrow_and_a_wide_app_on_one_thread_each_draw_in_their_own_width() {
    let (width, height) = (120, 40);
    let frame = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        terminal.draw(|frame| hyoka::ui::draw(frame, app)).expect("draws");
        terminal.backend().buffer().clone()
    };
    let made = |measure| {
        let marks = |doc: &mut hyoka::model::Document| doc.divisions[0].sections[0].progress = "◎○△×①※→".repeat(20);
        let mut app = text_with_on(SAMPLE, (Lang::Ja, measure), marks);
        common::reach::focus(&mut app, Focus::Pane(Field::Goals));
        app
    };
    let alone = |measure| {
        let mut app = made(measure);
        update(&mut app, Action::Resize(width, height));
        frame(&app)
    };
    let (narrow_alone, wide_alone) = (alone(AmbiguousWidth::Narrow), alone(AmbiguousWidth::Wide));
    let (mut narrow, mut wide) = (made(AmbiguousWidth::Narrow), made(AmbiguousWidth::Wide));
    // Laid out one after the other, then drawn in turn, the wide one first and last.
    update(&mut narrow, Action::Resize(width, height));
    update(&mut wide, Action::Resize(width, height));
    let frames = [frame(&wide), frame(&narrow), frame(&wide), frame(&narrow), frame(&wide)];
    for (n, shown) in frames.iter().enumerate() {
        let (is_wide, expected) = if n % 2 == 0 { (true, &wide_alone) } else { (false, &narrow_alone) };
        assert_eq!(screen_text(shown), screen_text(expected), "frame {n} (wide: {is_wide})");
        assert_eq!(shown, expected, "frame {n}: the same cells as drawn alone");
        assert_rows_fill(shown, is_wide, &format!("frame {n}"));
    }
    let (narrow_text, wide_text) = (screen_text(&frames[1]), screen_text(&frames[0]));
    assert!(narrow_text.starts_with("┌ 所属一覧 ─"), "box drawing where ambiguous is narrow:\n{narrow_text}");
    assert!(wide_text.starts_with("+ 所属一覧 -"), "ASCII borders where it is wide:\n{wide_text}");
    for mark in ["◎", "①"] {
        let cell = |buffer: &Buffer| buffer.content.iter().find(|c| c.symbol() == mark).expect(mark).diff_option;
        let two_columns = CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap());
        assert_eq!(cell(&frames[0]), two_columns, "{mark} two columns in the wide App");
        assert_eq!(cell(&frames[1]), CellDiffOption::None, "{mark} one column in the narrow App");
    }
    let rows = |app: &App| app.layout().progress_lines.len();
    assert!(rows(&wide) > rows(&narrow), "the progress wraps by each App's own width: twice the columns when wide");
}

/// `ui::finish` declares a character two columns wide (a kanji, a kana) as such, so that ratatui's
/// diff does not measure it again on every frame; a sequence (an emoji with its variation
/// selector), ASCII and a one-column mark stay undeclared, for the diff to measure as before.
#[test]
fn finish_declares_a_wide_character_two_columns_wide_and_leaves_sequences_to_the_diff() {
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    let two_columns = CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap());
    for measure in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 20, 1));
        buffer.set_string(0, 0, "所属 \u{2764}\u{FE0F} aｱ", Style::new());
        hyoka::ui::finish(&mut buffer, false, measure);
        let option = |symbol: &str| buffer.content.iter().find(|c| c.symbol() == symbol).expect(symbol).diff_option;
        assert_eq!(option("所"), two_columns, "{measure:?}");
        assert_eq!(option("属"), two_columns, "{measure:?}");
        assert_eq!(option("\u{2764}\u{FE0F}"), CellDiffOption::None, "a sequence, {measure:?}");
        assert_eq!(option("a"), CellDiffOption::None, "{measure:?}");
        assert_eq!(option("ｱ"), CellDiffOption::None, "half-width kana, {measure:?}");
    }
}
