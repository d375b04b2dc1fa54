//! The reviewer's screens drawn into ratatui's TestBackend: search hits marked on wrapped lines,
//! the tree's hit counts and the status line's `3/17`, the filter, the table, the years, the
//! summary and the rating bars — at 80×24 and 200×60, with ambiguous characters one and two
//! columns wide. Every row is measured as the terminal measures it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod reviewkit;

use common::draw::{BOTH_WIDTHS, draw};
use common::keys::{keys, press};
use common::terminal::{row_text, sent_cells};
use hyoka::app::{Action, App, Node, SectionRef, update};
use hyoka::text::AmbiguousWidth;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use reviewkit::*;

/// The goal of 総務課 in 上京区役所 平成18年度: 58 characters, wrapped over three lines at 80×24.
const GOAL: &str =
    "区民の皆様への情報提供サービスを向上させるため、ホームページの改善に取り組み、アクセス件数の1割増加を目指します。";

/// The screen as text, then each row's marked (yellow) text, as the snapshot shows them; each row
/// measured in the ambiguous width the app drew it for.
fn screen(buffer: &Buffer, app: &App) -> String {
    let mut out = String::new();
    let mut marked = String::new();
    for y in 0..buffer.area.height {
        let cells = sent_cells(buffer, y);
        let line: String = cells.iter().map(|cell| cell.symbol()).collect();
        assert_eq!(
            app.ambiguous_width().display_width(&line),
            usize::from(buffer.area.width),
            "row {y} is not exactly the width: {line}"
        );
        out.push_str(&line);
        out.push('\n');
        let hits: String = cells.iter().filter(|cell| cell.bg == Color::Yellow).map(|cell| cell.symbol()).collect();
        if !hits.is_empty() {
            marked.push_str(&format!("{y:>2}: {hits}\n"));
        }
    }
    format!("{out}--- marked ---\n{marked}")
}

/// The marked text of every row right of column `from` (the panes, not the tree's counts).
fn marked_text(buffer: &Buffer, from: u16) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            (from..buffer.area.width)
                .map(|x| &buffer[(x, y)])
                .filter(|cell| cell.bg == Color::Yellow)
                .map(|cell| cell.symbol().trim_end_matches(' '))
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

fn searching(width: u16, height: u16, measure: AmbiguousWidth) -> (App, Buffer) {
    let mut app = city_on(measure);
    update(&mut app, Action::Resize(width, height));
    keys(&mut app, "/");
    keys(&mut app, GOAL);
    press(&mut app, KeyCode::Enter);
    let buffer = draw(&mut app, width, height);
    (app, buffer)
}

fn hits_on_wrapped_lines(width: u16, height: u16, wide: bool) -> String {
    let measure = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
    let (app, buffer) = searching(width, height, measure);
    assert_eq!(app.selected(), Some(SectionRef { file: 0, division: 0, section: 0 }));
    let panes = marked_text(&buffer, app.layout().detail.x);
    let joined = panes.concat();
    if width == 80 {
        // The pane shows the goal's first two lines of three: each marked, the hit unbroken.
        assert!(panes.len() >= 2 && GOAL.starts_with(&joined) && joined.chars().count() > 40, "{panes:?}");
    } else {
        assert_eq!(joined, GOAL, "the goal marked whole: {panes:?}");
    }
    let status = row_text(&buffer, height - 2);
    let with_goal = every_section(&app).iter().filter(|(_, s)| occurrences(s, GOAL) > 0).count();
    assert!(status.contains(&format!("1/{with_goal}")), "the status line says where: {status}");
    screen(&buffer, &app)
}

#[test]
fn hits_marked_on_wrapped_lines_80x24() {
    insta::assert_snapshot!(hits_on_wrapped_lines(80, 24, false));
}

#[test]
fn hits_marked_on_wrapped_lines_80x24_wide_ambiguous() {
    insta::assert_snapshot!(hits_on_wrapped_lines(80, 24, true));
}

#[test]
fn hits_marked_200x60() {
    insta::assert_snapshot!(hits_on_wrapped_lines(200, 60, false));
}

#[test]
fn hits_marked_200x60_wide_ambiguous() {
    insta::assert_snapshot!(hits_on_wrapped_lines(200, 60, true));
}

#[test]
fn the_tree_counts_hits_and_the_prompt_shows_the_query() {
    let mut app = city();
    update(&mut app, Action::Resize(80, 24));
    // Half-width katakana without sound marks: ratatui 0.30 counts ﾍﾟ three columns wide.
    keys(&mut app, "/ｱｸｾｽ");
    let buffer = draw(&mut app, 80, 24);
    let tree_row = (0..24).map(|y| row_text(&buffer, y)).find(|row| row.contains("総務課")).unwrap();
    let count = occurrences(app.section(SectionRef { file: 0, division: 0, section: 0 }).unwrap(), "アクセス");
    assert!(tree_row.contains(&format!("総務課 {count}")) || tree_row.contains(&format!(" {count}│")), "{tree_row}");
    insta::assert_snapshot!(screen(&buffer, &app));
}

#[test]
fn the_filter_dialog_and_the_filtered_tree_80x24() {
    let mut app = city();
    update(&mut app, Action::Resize(80, 24));
    keys(&mut app, "f");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    keys(&mut app, " ");
    let dialog = draw(&mut app, 80, 24);
    press(&mut app, KeyCode::Enter);
    let filtered = draw(&mut app, 80, 24);
    let status = row_text(&filtered, 22);
    assert!(status.contains("［絞込 ×］"), "the filter stays in the status line: {status}");
    insta::assert_snapshot!(format!("{}\n{}", screen(&dialog, &app), screen(&filtered, &app)));
}

#[test]
fn the_table_80x24_and_200x60_sorted_by_rating() {
    for measure in BOTH_WIDTHS {
        let wide = measure == AmbiguousWidth::Wide;
        let mut app = city_on(measure);
        keys(&mut app, "t");
        for _ in 0..3 {
            press(&mut app, KeyCode::Right);
        }
        keys(&mut app, "s");
        let small = screen(&draw(&mut app, 80, 24), &app);
        let large = screen(&draw(&mut app, 200, 60), &app);
        let name = if wide { "table_wide" } else { "table" };
        insta::assert_snapshot!(name, format!("{small}\n{large}"));
    }
}

#[test]
fn the_years_side_by_side_200x60_and_80x24() {
    for measure in BOTH_WIDTHS {
        let wide = measure == AmbiguousWidth::Wide;
        let mut app = city_on(measure);
        common::reach::go_to(&mut app, Node::Section(SectionRef { file: 2, division: 2, section: 1 }));
        update(&mut app, Action::Resize(200, 60));
        keys(&mut app, "y");
        let large = screen(&draw(&mut app, 200, 60), &app);
        let small = screen(&draw(&mut app, 80, 24), &app);
        assert!(large.contains("平成18 ◎ → 平成19 なし → 平成20 未評価") || wide, "{large}");
        let name = if wide { "years_wide" } else { "years" };
        insta::assert_snapshot!(name, format!("{large}\n{small}"));
    }
}

#[test]
fn the_summary_and_the_bars_of_a_file_in_both_widths() {
    for measure in BOTH_WIDTHS {
        let wide = measure == AmbiguousWidth::Wide;
        let mut app = city_on(measure);
        keys(&mut app, "S");
        let summary = screen(&draw(&mut app, 80, 24), &app);
        keys(&mut app, "q");
        common::reach::go_to(&mut app, Node::File(0));
        let overview = screen(&draw(&mut app, 80, 24), &app);
        let large = screen(&draw(&mut app, 200, 60), &app);
        let name = if wide { "summary_wide" } else { "summary" };
        insta::assert_snapshot!(name, format!("{summary}\n{overview}\n{large}"));
    }
}

#[test]
fn the_summary_s_counts_end_under_their_headings() {
    for measure in BOTH_WIDTHS {
        let wide = measure == AmbiguousWidth::Wide;
        let mut app = city_on(measure);
        keys(&mut app, "S");
        let buffer = draw(&mut app, 100, 24);
        // The column (in terminal columns) where each word of a row ends.
        let ends = |y: u16| -> Vec<(String, usize)> {
            let mut out: Vec<(String, usize)> = Vec::new();
            let (mut column, mut word) = (0, String::new());
            for cell in sent_cells(&buffer, y) {
                let symbol = cell.symbol();
                column += measure.display_width(symbol);
                if symbol == " " || symbol == "│" || symbol == "|" {
                    if !word.is_empty() {
                        out.push((std::mem::take(&mut word), column - 1));
                    }
                } else {
                    word.push_str(symbol);
                }
            }
            out
        };
        let head = ends(1);
        let row = ends(2);
        for heading in ["課数", "◎", "○", "△", "×", "未評価", "未記入"] {
            let (_, end) = head.iter().find(|(w, _)| w == heading).unwrap_or_else(|| panic!("{heading} in {head:?}"));
            assert!(
                row.iter().any(|(w, e)| e == end && w.chars().all(|c| c.is_ascii_digit())),
                "wide {wide}: a count ends where {heading} ends (column {end}): {head:?} / {row:?}"
            );
        }
    }
}
