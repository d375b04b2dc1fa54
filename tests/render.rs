//! The screen as drawn into ratatui's TestBackend: snapshots (with Japanese text) and cell checks.

use hyoka::app::{Action, App, FileEntry, FileState, Focus, Node, SectionRef, load_workspace, update};
use hyoka::i18n::Lang;
use hyoka::model::Field;
use hyoka::store::parse_document;
use hyoka::text::display_width;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn app(lang: Lang) -> App {
    let text = include_str!("../data/kamigyo/2008.yaml");
    let doc = parse_document(text).expect("sample parses");
    let entry = FileEntry {
        path: "data/kamigyo/2008.yaml".into(),
        state: FileState::Loaded { saved: doc.clone(), doc, disk_text: text.to_owned() },
    };
    App::new(vec![entry], lang)
}

fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| hyoka::ui::draw(frame, app)).expect("draws");
    terminal
}

/// The screen as text, one line per row, wide characters once (their trailing cell skipped).
fn screen(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = display_width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

fn row_widths_fit(buffer: &Buffer) {
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width)
            .scan(0usize, |skip, x| {
                if *skip > 0 {
                    *skip -= 1;
                    return Some(String::new());
                }
                let s = buffer[(x, y)].symbol().to_owned();
                *skip = display_width(&s).saturating_sub(1);
                Some(s)
            })
            .collect();
        assert_eq!(display_width(&line), usize::from(buffer.area.width), "row {y} is not exactly the width: {line}");
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
    update(&mut app, Action::StartEdit);
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
    update(&mut app, Action::Help);
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn quit_dialog_over_unsaved_work() {
    let mut app = app(Lang::Ja);
    app.focus = Focus::Pane(Field::Rating);
    update(&mut app, Action::SetRating(0));
    update(&mut app, Action::Quit);
    let terminal = render(&mut app, 80, 24);
    row_widths_fit(terminal.backend().buffer());
    insta::assert_snapshot!(screen(terminal.backend().buffer()));
}

#[test]
fn division_overview_lists_ratings_and_gaps() {
    let mut app = app(Lang::Ja);
    if let Some(s) = app.section_mut(SectionRef { file: 0, division: 2, section: 1 }) {
        s.progress.clear();
        s.rating = None;
    }
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
    if let Some(s) = app.section_mut(somu) {
        s.reflection.clear();
    }
    let terminal = render(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    // Row 3 is 総務課: "    *!総務課".
    assert_eq!(buffer[(5, 3)].symbol(), "*");
    assert_eq!(buffer[(5, 3)].fg, Color::Yellow);
    assert_eq!(buffer[(6, 3)].symbol(), "!");
    assert_eq!(buffer[(6, 3)].fg, Color::Red);
    assert_eq!(buffer[(7, 3)].symbol(), "総");
    assert_eq!(buffer[(7, 3)].bg, Color::Blue, "the tree cursor is on it");
    assert!(screen(buffer).contains(" 未保存 1課 "));
}
