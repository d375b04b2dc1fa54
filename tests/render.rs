//! The screen as drawn into ratatui's TestBackend: snapshots (with Japanese text) and cell checks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use hyoka::app::{Action, App, FileEntry, FileState, Focus, Node, SectionRef, load_workspace, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::model::Field;
use hyoka::store::parse_document;
use hyoka::text::{AmbiguousWidth, display_width, set_ambiguous_width};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::style::{Color, Modifier};

fn app(lang: Lang) -> App {
    let text = include_str!("../data/kamigyo/2008.yaml");
    let doc = parse_document(text).expect("sample parses");
    let entry = FileEntry::loaded("data/kamigyo/2008.yaml", doc, text);
    App::new(vec![entry], lang)
}

fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| hyoka::ui::draw(frame, app)).expect("draws");
    terminal
}

/// What a terminal receives for one row, as ratatui sends it: each cell not marked to be skipped,
/// and after a cell `n` columns wide the next `n - 1` cells are not sent.
fn sent_cells(buffer: &Buffer, y: u16) -> Vec<&str> {
    let mut sent = Vec::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        let cell = &buffer[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if cell.diff_option == CellDiffOption::Skip {
            continue;
        }
        skip = cell.cell_width().saturating_sub(1);
        sent.push(cell.symbol());
    }
    sent
}

/// The screen as text, one line per row, as the terminal shows it.
fn screen(buffer: &Buffer) -> String {
    (0..buffer.area.height).map(|y| sent_cells(buffer, y).concat() + "\n").collect()
}

/// Every row, measured as the terminal measures it (with the current ambiguous width), fills the
/// terminal exactly: nothing pushed out of place, no border wrapped onto the next line.
fn row_widths_fit(buffer: &Buffer) {
    use unicode_width::UnicodeWidthStr;
    // Measured with the Unicode table itself, as the terminal does, not with hyoka's own measure.
    let wide = hyoka::text::ambiguous_width() == AmbiguousWidth::Wide;
    for y in 0..buffer.area.height {
        let cells = sent_cells(buffer, y);
        let width: usize = cells.iter().map(|s| if wide { s.width_cjk() } else { s.width() }).sum();
        let line = cells.concat();
        assert_eq!(width, usize::from(buffer.area.width), "row {y} is not exactly the width: {line}");
    }
}

#[test]
fn main_screen_80x24() {
    let mut app = app(Lang::Ja);
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn main_screen_120x40() {
    let mut app = app(Lang::Ja);
    let terminal = render(&mut app, 120, 40);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn main_screen_in_english() {
    let mut app = app(Lang::En);
    let terminal = render(&mut app, 80, 24);
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn goals_with_a_lead_in_focused_120x40() {
    let mut app = app(Lang::Ja);
    app.cursor = Node::Section(SectionRef { file: 0, division: 0, section: 2 });
    app.focus = Focus::Pane(Field::Goals);
    app.goal_cursor = 1;
    let terminal = render(&mut app, 120, 40);
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn editing_the_reflection_80x24() {
    let mut app = app(Lang::Ja);
    app.cursor = Node::Section(SectionRef { file: 0, division: 0, section: 3 });
    app.focus = Focus::Pane(Field::Reflection);
    update(&mut app, Command::Edit.into());
    update(&mut app, Action::Paste("窓口で".into()));
    let mut terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
    // The terminal's own cursor sits right after the typed text, for the IME.
    let cursor = terminal.get_cursor_position().expect("cursor");
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(cursor.x - 2, cursor.y)].symbol(), "で", "cursor at {cursor:?}");
    assert_eq!(buffer[(cursor.x - 6, cursor.y)].symbol(), "窓", "cursor at {cursor:?}");
}

#[test]
fn help_overlay_80x24() {
    let mut app = app(Lang::Ja);
    update(&mut app, Command::Help.into());
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn quit_dialog_over_unsaved_work() {
    let mut app = app(Lang::Ja);
    app.focus = Focus::Pane(Field::Rating);
    update(&mut app, Command::Rate(1).into());
    update(&mut app, Command::Quit.into());
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn division_overview_lists_ratings_and_gaps() {
    let mut app = app(Lang::Ja);
    app.edit_section(SectionRef { file: 0, division: 2, section: 1 }, |s| {
        s.progress.clear();
        s.rating = None;
    });
    app.cursor = Node::Division(0, 2);
    let terminal = render(&mut app, 80, 24);
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
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
    let mut app = App::new(files, Lang::Ja);
    let terminal = render(&mut app, 80, 24);
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn unsaved_and_empty_markers_are_coloured_in_the_tree() {
    let mut app = app(Lang::Ja);
    let somu = SectionRef { file: 0, division: 0, section: 0 };
    app.edit_section(somu, |s| {
        s.reflection.clear();
    });
    app.edit_section(SectionRef { file: 0, division: 0, section: 1 }, |s| s.progress.clear());
    let terminal = render(&mut app, 80, 24);
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
    assert!(screen(buffer).contains(" 未保存 2課 "));
}

/// A terminal set to draw ambiguous characters two columns wide (PuTTY, RLogin, TeraTerm, vim's
/// ambiwidth=double): borders in ASCII, ◎ ○ △ × ① given two columns each.
fn render_wide(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    set_ambiguous_width(AmbiguousWidth::Wide);
    let terminal = render(app, width, height);
    row_widths_fit(terminal.backend().buffer());
    set_ambiguous_width(AmbiguousWidth::Narrow);
    terminal
}

#[test]
fn main_screen_with_wide_ambiguous_characters_80x24() {
    let mut app = app(Lang::Ja);
    let terminal = render_wide(&mut app, 80, 24);
    let text = screen(terminal.backend().buffer());
    assert!(text.starts_with("+ 所属一覧 -"), "ASCII borders in wide mode:\n{text}");
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
        "no box-drawing character anywhere: they are ambiguous and would push the borders out of place"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn main_screen_with_wide_ambiguous_characters_120x40() {
    let mut app = app(Lang::Ja);
    app.focus = Focus::Pane(Field::Goals);
    let terminal = render_wide(&mut app, 120, 40);
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn every_screen_fits_in_wide_mode() {
    let mut app = app(Lang::Ja);
    update(&mut app, Command::Help.into());
    render_wide(&mut app, 80, 24);
    let mut app = self::app(Lang::Ja);
    app.cursor = Node::Division(0, 0);
    render_wide(&mut app, 80, 24);
    let mut app = self::app(Lang::Ja);
    app.focus = Focus::Pane(Field::Progress);
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
    let mut app = app(Lang::Ja);
    update(&mut app, Command::Help.into());
    let terminal = render(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width - 1 {
            let symbol = buffer[(x, y)].symbol();
            if display_width(symbol) == 2 {
                assert_eq!(
                    buffer[(x + 1, y)].symbol(),
                    " ",
                    "({x},{y}) {symbol} covers {}",
                    buffer[(x + 1, y)].symbol()
                );
            }
        }
    }
    row_widths_fit(buffer);
}

#[test]
fn long_tree_labels_are_cut_with_an_ellipsis() {
    let mut app = app(Lang::Ja);
    app.edit_section(SectionRef { file: 0, division: 0, section: 1 }, |s| {
        s.name = "まちづくり推進課地域力推進担当".into();
    });
    let terminal = render(&mut app, 80, 24);
    let row = screen(terminal.backend().buffer()).lines().nth(4).unwrap_or_default().to_owned();
    assert!(row.starts_with("│    * まちづくり推進… │"), "{row}");
}

#[test]
fn control_characters_in_data_are_shown_not_sent() {
    let mut app = app(Lang::Ja);
    app.edit_section(SectionRef { file: 0, division: 0, section: 0 }, |s| {
        s.name = "総務\u{1b}[2J課".into();
        s.reflection = "危険\u{1b}]52;c;AAAA\u{7}な\u{9b}文字\u{202e}逆順\tタブ".into();
    });
    let terminal = render(&mut app, 120, 40);
    let text = screen(terminal.backend().buffer());
    assert!(text.contains("総務␛[2J課"), "{text}");
    assert!(text.contains("危険␛]52;c;AAAA␇な<U+009B>文字<U+202E>逆順    タブ"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    // The same text in the editor: shown with stand-ins too.
    app.focus = Focus::Pane(Field::Reflection);
    update(&mut app, Command::Edit.into());
    let terminal = render(&mut app, 120, 40);
    let text = screen(terminal.backend().buffer());
    assert!(text.contains("危険␛]52;c;AAAA␇な<U+009B>文字<U+202E>逆順    タブ"), "{text}");
}

#[test]
fn the_conflict_dialog_shows_both_texts_with_who_and_when() {
    use hyoka::app::{Conflict, Mode, Question};
    use hyoka::store::FieldConflict;
    let mut app = app(Lang::Ja);
    app.mode = Mode::Resolve(Box::new(Conflict {
        file: 0,
        conflicts: vec![Question::Field(Box::new(FieldConflict {
            division: "区民部".into(),
            section: "市民税課".into(),
            field: Field::Reflection,
            mine: "窓口対応で、来庁者の理解を得るのに時間がかかったケースはいくつかあった。（私の追記）".into(),
            theirs: "窓口対応で、来庁者の理解を得るのに時間がかかったケースはいくつかあった。（田中さんの追記）".into(),
            mine_section: hyoka::model::Section::new("市民税課"),
            theirs_section: hyoka::model::Section::new("市民税課"),
            their_by: Some("tanaka".into()),
            their_at: chrono::DateTime::parse_from_rfc3339("2026-11-24T13:58:00+09:00").ok(),
        }))],
        index: 0,
        chosen: vec![None],
        combined: None,
    }));
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn the_recovery_dialog_lists_the_unsaved_fields() {
    use hyoka::app::View;
    use hyoka::app::{JournalWork, Mode, Recovery, RecoveryEntry};
    let mut app = app(Lang::Ja);
    let doc = app.doc(0).cloned().expect("doc");
    app.mode = Mode::Recover(Box::new(Recovery {
        entries: vec![RecoveryEntry {
            file: 0,
            journal_path: "/tmp/2008.journal".into(),
            original: app.files[0].canonical.clone(),
            work: JournalWork { base: doc.clone(), mine: doc, pending: Vec::new() },
            written: None,
            differences: vec![hyoka::app::FieldDiff {
                division: "区民部".into(),
                section: "総務課".into(),
                field: hyoka::model::Field::Reflection,
                before: "市民対応については、概ね目標を達成でき、".into(),
                after: "市民対応については、概ね目標を達成でき、（追記）".into(),
            }],
        }],
        index: 0,
        view: View::Question,
    }));
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn the_export_dialog_80x24() {
    let mut app = app(Lang::Ja);
    update(&mut app, Command::Export.into());
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}
