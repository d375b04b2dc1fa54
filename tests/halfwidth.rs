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

mod common;

use common::app::{app_from_text, app_from_text_on};
use common::docs::HALF_WIDTH;
use common::draw::{BOTH_WIDTHS, draw};
use common::reach::{go_to, history_read};
use common::terminal::{span_cells, span_text};
use hyoka::app::{Action, App, Node, SectionRef, update};
use hyoka::command::Command;
use hyoka::git::{Change, CommitDiff, CommitInfo, Entry, FieldDiff, SectionDiff, char_diff};
use hyoka::model::Field;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const LONG_LINE: &str = "ﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀﾍﾟｰｼﾞﾃﾞｰﾀ";

fn app() -> App {
    app_from_text(HALF_WIDTH)
}

/// The rows between the borders of the right side, trimmed and joined: the text as wrapped.
fn joined(buffer: &Buffer, app: &App, rows: std::ops::Range<u16>) -> String {
    let area = app.layout().detail;
    rows.map(|y| span_text(buffer, y, area.x + 1, area.right() - 1).trim_end().to_owned()).collect()
}

#[test]
fn a_line_of_sixty_clusters_is_shown_whole_in_its_pane() {
    for measure in BOTH_WIDTHS {
        for (width, height) in [(80, 24), (200, 60)] {
            let mut app = app_from_text_on(HALF_WIDTH, measure);
            go_to(&mut app, Node::Section(SectionRef { file: 0, division: 2, section: 1 }));
            let screen = draw(&mut app, width, height);
            let pane = app.layout().progress;
            let shown = joined(&screen, &app, pane.y + 1..pane.bottom() - 1);
            assert!(shown.starts_with(LONG_LINE), "{width}×{height}, {measure:?}: {shown}");
            let row = span_text(&screen, pane.y + 1, pane.x, pane.right());
            assert!(!row.contains("ﾟ ") && !row.contains("ﾞ "), "no blank after a mark: {row}");
        }
    }
}

#[test]
fn the_years_view_loses_nothing_at_the_ends_of_its_lines() {
    let mut app = app();
    update(&mut app, Action::Resize(80, 24));
    update(&mut app, Command::Years.into());
    let screen = draw(&mut app, 80, 24);
    let shown: String = (4..22).map(|y| span_text(&screen, y, 1, 79).trim_end().to_owned()).collect();
    let reflection = "市民対応については、概ね目標を達成でき、ｸﾚｰﾑ等もなかった。ﾎｰﾑﾍﾟｰｼﾞの改善にも取り組み、アクセス件数は目標の1割には達しなかったが4%増加した。庁舎管理面での取組(玄関前ｴﾚﾍﾞｰﾀ表示)を今後は充実していく。";
    assert!(shown.contains(reflection), "{shown}");
}

#[test]
fn the_history_shows_the_changed_mark_on_both_sides() {
    let (before, after) =
        ("ﾎｰﾑﾍﾟｰｼﾞで区民の皆様へ情報を提供する".repeat(3), "ﾎｰﾑﾍﾞｰｼﾞで区民の皆様へ情報を提供する".repeat(3));
    let mut app = app();
    let commit = CommitInfo {
        id: "0".repeat(40),
        parents: Vec::new(),
        author: "田中 一郎".into(),
        email: String::new(),
        time: None,
        subject: "区民部 総務課: 振り返り".into(),
    };
    let change = Change::Field { division: "区民部".into(), section: "総務課".into(), field: Field::Reflection };
    let entries =
        vec![(0, Entry { commit, changes: vec![change], merged: Vec::new(), unreadable: false, created: false })];
    let field = FieldDiff { field: Field::Reflection, spans: char_diff(&before, &after), before, after };
    let section = SectionDiff {
        division: "区民部".into(),
        section: "総務課".into(),
        before: None,
        after: None,
        current: Some(("区民部".into(), "総務課".into())),
        renamed_from: None,
        fields: vec![field],
    };
    // The history of 総務課, as the worker reads it.
    history_read(&mut app, entries, Some(CommitDiff { head: Vec::new(), sections: vec![section] }));
    let screen = draw(&mut app, 80, 24);
    let area = app.layout().detail;
    let underlined: Vec<String> = (0..24)
        .map(|y| {
            span_cells(&screen, y, area.x + 1, area.right() - 1)
                .into_iter()
                .filter(|cell| cell.modifier.contains(Modifier::UNDERLINED))
                .map(|cell| cell.symbol())
                .collect::<String>()
        })
        .filter(|marked| !marked.is_empty())
        .collect();
    // The old side marks ﾟ, the new side ﾞ, three times each (the text is repeated three times).
    let marks: String = underlined.concat();
    assert_eq!(marks.matches('ﾟ').count(), 3, "{underlined:?}");
    assert_eq!(marks.matches('ﾞ').count(), 3, "{underlined:?}");
    let rows: String = (0..24).map(|y| span_text(&screen, y, area.x + 1, area.right() - 1) + "\n").collect();
    assert!(rows.contains("ﾎｰﾑﾍﾟｰｼﾞで") && rows.contains("ﾎｰﾑﾍﾞｰｼﾞで"), "{rows}");
}
