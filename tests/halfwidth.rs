//! Half-width katakana with their sound marks (ﾎｰﾑﾍﾟｰｼﾞ, ﾃﾞｰﾀ — text pasted from older systems)
//! are shown as the terminal draws them, two columns a cluster, and nothing of a wrapped line is
//! lost: in the panes, the years side by side and the history's 変更前 / 変更後. (Every screen's
//! rows are measured with them in `tests/render_all.rs`, every frame's bytes in `tests/backend.rs`.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use hyoka::app::{Action, App, ChangesView, FileEntry, Mode, Node, SectionRef, update};
use hyoka::command::Command;
use hyoka::git::{Change, CommitDiff, CommitInfo, Entry, FieldDiff, Scope, SectionDiff, char_diff};
use hyoka::i18n::Lang;
use hyoka::model::Field;
use hyoka::store::parse_document;
use hyoka::text::{AmbiguousWidth, set_ambiguous_width};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::style::Modifier;

const FIXTURE: &str = include_str!("fixtures/halfwidth/2008.yaml");
const LONG_LINE: &str = "ﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀ";

fn app() -> App {
    let doc = parse_document(FIXTURE).expect("the fixture parses");
    App::new(vec![FileEntry::loaded("data/kamigyo/2008.yaml", doc, FIXTURE)], Lang::Ja)
}

fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| hyoka::ui::draw(frame, app)).expect("draws");
    terminal.backend().buffer().clone()
}

/// Columns `from..to` of a row as the terminal shows them, with the style of each shown cell.
fn cells(buffer: &Buffer, y: u16, from: u16, to: u16) -> Vec<(String, Modifier)> {
    let mut out = Vec::new();
    let mut x = from;
    while x < to {
        let cell = &buffer[(x, y)];
        if cell.diff_option != CellDiffOption::Skip {
            out.push((cell.symbol().to_owned(), cell.modifier));
        }
        x += cell.cell_width().max(1);
    }
    out
}

fn text(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    cells(buffer, y, from, to).into_iter().map(|(s, _)| s).collect()
}

/// The rows between the borders of the right side, trimmed and joined: the text as wrapped.
fn joined(buffer: &Buffer, app: &App, rows: std::ops::Range<u16>) -> String {
    let area = app.layout.detail;
    rows.map(|y| text(buffer, y, area.x + 1, area.right() - 1).trim_end().to_owned()).collect()
}

#[test]
fn a_line_of_sixty_clusters_is_shown_whole_in_its_pane() {
    for wide in [false, true] {
        set_ambiguous_width(if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow });
        for (width, height) in [(80, 24), (200, 60)] {
            let mut app = app();
            app.cursor = Node::Section(SectionRef { file: 0, division: 2, section: 1 });
            let screen = draw(&mut app, width, height);
            let pane = app.layout.progress;
            let shown = joined(&screen, &app, pane.y + 1..pane.bottom() - 1);
            assert!(shown.starts_with(LONG_LINE), "{width}×{height}, wide {wide}: {shown}");
            let row = text(&screen, pane.y + 1, pane.x, pane.right());
            assert!(!row.contains("ﾟ ") && !row.contains("ﾞ "), "no blank after a mark: {row}");
        }
    }
    set_ambiguous_width(AmbiguousWidth::Narrow);
}

#[test]
fn the_years_view_loses_nothing_at_the_ends_of_its_lines() {
    let mut app = app();
    update(&mut app, Action::Resize(80, 24));
    update(&mut app, Command::Years.into());
    let screen = draw(&mut app, 80, 24);
    let shown: String = (4..22).map(|y| text(&screen, y, 1, 79).trim_end().to_owned()).collect();
    let reflection = "市民対応については、概ね目標を達成でき、ｸﾚｰﾑ等もなかった。ﾎｰﾑﾍﾟｰｼﾞの改善にも取り組み、アクセス件数は目標の1割には達しなかったが4%増加した。庁舎管理面での取組(玄関前ｴﾚﾍﾞｰﾀ表示)を今後は充実していく。";
    assert!(shown.contains(reflection), "{shown}");
}

#[test]
fn the_history_shows_the_changed_mark_on_both_sides() {
    let (before, after) =
        ("ﾎｰﾑﾍﾟｰｼﾞで区民の皆様へ情報を提供する".repeat(3), "ﾎｰﾑﾍﾞｰｼﾞで区民の皆様へ情報を提供する".repeat(3));
    let mut app = app();
    let mut view = ChangesView::new(1, 0, Scope::Section { division: "区民部".into(), section: "総務課".into() });
    let commit = CommitInfo {
        id: "0".repeat(40),
        parents: Vec::new(),
        author: "田中 一郎".into(),
        email: String::new(),
        time: None,
        subject: "区民部 総務課: 振り返り".into(),
    };
    let change = Change::Field { division: "区民部".into(), section: "総務課".into(), field: Field::Reflection };
    view.entries = vec![(0, Entry { commit, changes: vec![change], unreadable: false, created: false })];
    let field = FieldDiff { field: Field::Reflection, spans: char_diff(&before, &after), before, after };
    let section = SectionDiff {
        division: "区民部".into(),
        section: "総務課".into(),
        before: None,
        after: None,
        fields: vec![field],
    };
    view.diff = Some((0, CommitDiff { head: Vec::new(), sections: vec![section] }));
    (view.total, view.examined, view.complete, view.reading) = (1, 1, true, false);
    app.mode = Mode::Changes(Box::new(view));
    let screen = draw(&mut app, 80, 24);
    let area = app.layout.detail;
    let underlined: Vec<String> = (0..24)
        .map(|y| {
            cells(&screen, y, area.x + 1, area.right() - 1)
                .into_iter()
                .filter(|(_, m)| m.contains(Modifier::UNDERLINED))
                .map(|(s, _)| s)
                .collect::<String>()
        })
        .filter(|marked| !marked.is_empty())
        .collect();
    // The old side marks ﾟ, the new side ﾞ, three times each (the text is repeated three times).
    let marks: String = underlined.concat();
    assert_eq!(marks.matches('ﾟ').count(), 3, "{underlined:?}");
    assert_eq!(marks.matches('ﾞ').count(), 3, "{underlined:?}");
    let rows: String = (0..24).map(|y| text(&screen, y, area.x + 1, area.right() - 1) + "\n").collect();
    assert!(rows.contains("ﾎｰﾑﾍﾟｰｼﾞで") && rows.contains("ﾎｰﾑﾍﾞｰｼﾞで"), "{rows}");
}
