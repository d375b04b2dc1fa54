//! The reviewer's views, keys → state: the table of every section, the years side by side and
//! `[` / `]`, the summary and the overviews' counts, the reviewer's key map and export.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod reviewkit;

use common::keys::{export_to_path, keys, press};
use common::workspace::{Workspace, listing};
use hyoka::app::review::Column;
use hyoka::app::{Action, Focus, Mode, Node, SectionRef, update};
use hyoka::i18n::Lang;
use hyoka::model::{Field, Section};
use ratatui::crossterm::event::KeyCode;
use reviewkit::*;

#[test]
fn the_table_lists_every_section_sorts_by_any_column_follows_the_filter_and_opens_a_section() {
    let mut app = city();
    keys(&mut app, "t");
    let Mode::Table(table) = &app.mode() else { panic!("t opens the table") };
    assert_eq!(table.rows.len(), 65);
    // → to the rating column, s: best first, unrated last; s again: the other way round.
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    keys(&mut app, "s");
    let Mode::Table(table) = &app.mode() else { panic!() };
    assert_eq!(table.sort, Column::Rating);
    let ranks: Vec<usize> = table.rows.iter().map(|r| r.rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(table.rows[0].rating.as_deref(), Some("◎"));
    assert_eq!(table.rows[64].rating, None);
    keys(&mut app, "s");
    let Mode::Table(table) = &app.mode() else { panic!() };
    assert!(table.descending && table.rows[0].rating.is_none());
    // Updated by: every column sorts.
    for _ in 0..4 {
        press(&mut app, KeyCode::Right);
    }
    keys(&mut app, "s");
    let Mode::Table(table) = &app.mode() else { panic!() };
    assert_eq!(table.sort, Column::UpdatedBy);
    let by: Vec<&str> = table.rows.iter().map(|r| r.updated_by.as_str()).collect();
    assert!(by.windows(2).all(|w| w[0] <= w[1]), "{by:?}");
    keys(&mut app, "G");
    let Mode::Table(table) = &app.mode() else { panic!() };
    let target = table.rows[64].at;
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(app.selected(), Some(target), "Enter opens the section of the row");
    assert_eq!(app.focus(), Focus::Pane(Field::Goals));
    // Under a filter the table holds what the tree shows.
    keys(&mut app, "f");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "t");
    let Mode::Table(table) = &app.mode() else { panic!() };
    assert_eq!(table.rows.iter().map(|r| r.at).collect::<Vec<_>>(), shown_sections(&app));
    assert!(table.rows.iter().all(|r| r.rating.is_none()));
    keys(&mut app, "q");
    assert!(matches!(app.mode(), Mode::Browse));
}

#[test]
fn brackets_step_through_the_years_and_a_year_without_the_section_is_named() {
    let mut app = city();
    // 上京区役所 2008 (file 2), 保健部 衛生課: absent in 2007.
    let at = SectionRef { file: 2, division: 2, section: 1 };
    assert_eq!(name(&app, at), "2008 保健部 衛生課");
    common::reach::go_to(&mut app, Node::Section(at));
    keys(&mut app, "[");
    assert_eq!(name(&app, app.selected().unwrap()), "2006 保健部 衛生課", "2007 has none: passed over");
    assert!(
        app.message().as_ref().unwrap().text.contains("平成19年度には 保健部 衛生課 がありません"),
        "{:?}",
        app.message()
    );
    keys(&mut app, "[");
    assert!(app.message().as_ref().unwrap().text.contains("前の年度のファイルはありません"));
    keys(&mut app, "]");
    assert_eq!(name(&app, app.selected().unwrap()), "2008 保健部 衛生課");
    // 区民部 市民税課 exists every year: one step each.
    common::reach::go_to(&mut app, Node::Section(SectionRef { file: 0, division: 0, section: 3 }));
    keys(&mut app, "]");
    assert_eq!(name(&app, app.selected().unwrap()), "2007 区民部 市民税課");
    assert_eq!(app.selected().unwrap().file, 1, "the same organisation, not 北山市役所");
}

#[test]
fn the_years_view_puts_the_years_side_by_side_with_a_rating_history() {
    let mut app = city();
    common::reach::go_to(&mut app, Node::Section(SectionRef { file: 2, division: 0, section: 3 }));
    keys(&mut app, "y");
    let Mode::Years(view) = &app.mode() else { panic!("y opens the years") };
    assert_eq!((view.division.as_str(), view.section.as_str()), ("区民部", "市民税課"));
    assert_eq!(view.years.iter().map(|y| y.fiscal_year).collect::<Vec<_>>(), [2006, 2007, 2008]);
    let history = hyoka::app::review::years::history(&view.years, "なし", "未評価");
    assert_eq!(history, "平成18 × → 平成19 ◎ → 平成20 △");
    assert!(view.lines.iter().all(|l| !l.is_empty()), "every column laid out");
    keys(&mut app, "q");
    common::reach::go_to(&mut app, Node::Section(SectionRef { file: 2, division: 2, section: 1 }));
    keys(&mut app, "y");
    let Mode::Years(view) = &app.mode() else { panic!() };
    assert_eq!(
        hyoka::app::review::years::history(&view.years, "なし", "未評価"),
        "平成18 ◎ → 平成19 なし → 平成20 未評価"
    );
    let absent: String = view.lines[1].iter().map(|l| l.text.as_str()).collect();
    assert!(absent.starts_with("平成19年度この年度には、この部・課名の課がありません"), "{absent}");
}

#[test]
fn the_summary_and_the_overviews_count_the_ratings() {
    let mut app = city();
    keys(&mut app, "S");
    let Mode::Summary(view) = &app.mode() else { panic!("S opens the summary") };
    let rows: Vec<(String, i32)> = view.rows.iter().map(|r| (r.organization.clone(), r.fiscal_year)).collect();
    assert_eq!(rows[0], ("上京区役所".to_owned(), 2006));
    assert_eq!(rows.len(), 6);
    for row in &view.rows {
        let d = doc(&app, row.file);
        let sections: Vec<&Section> = d.divisions.iter().flat_map(|d| &d.sections).collect();
        for (mark, _, n) in &row.counts.grades {
            assert_eq!(*n, sections.iter().filter(|s| s.rating.as_deref() == Some(mark)).count());
        }
        assert_eq!(row.counts.unrated, sections.iter().filter(|s| s.rating.is_none()).count());
        assert_eq!(row.counts.incomplete, sections.iter().filter(|s| !s.empty_fields().is_empty()).count());
    }
    keys(&mut app, "q");
    common::reach::go_to(&mut app, Node::Division(0, 0));
    update(&mut app, Action::Unbound);
    let (node, counts) = app.review().here.clone().expect("a division's distribution");
    assert_eq!(node, Node::Division(0, 0));
    assert_eq!(counts.sections, 6);
    assert_eq!(counts.last.as_ref().map(|(_, by)| by.as_str()), Some("kumin01"));
}

#[test]
fn reviewers_are_shown_no_editing_key() {
    let app = city();
    let reviewer = app.keymap().clone().for_reviewers();
    let help = reviewer.help(Lang::En);
    let editing = [
        "save",
        "start editing",
        "set the rating (◎○△× in order)",
        "undo a change",
        "add a goal after",
        "end editing and save",
        "save and quit",
    ];
    for does in editing {
        assert!(!help.iter().any(|r| r.does == does), "{does} is listed");
        assert!(app.keymap().help(Lang::En).iter().any(|r| r.does == does), "{does} is there for editors");
    }
    assert!(help.iter().any(|r| r.does.contains("export")) && help.iter().any(|r| r.does.starts_with("search")));
    use hyoka::command::Context;
    let tree = reviewer.hints(&[Context::Tree, Context::Global], Lang::Ja);
    assert!(!tree.contains("Ctrl-S") && tree.contains("/:検索"), "{tree}");
    let rating = reviewer.hints(&[Context::Rating, Context::Pane, Context::Global], Lang::Ja);
    assert!(!rating.contains("1-4") && !rating.contains("Space"), "{rating}");
}

/// Types a path over the one the export dialog proposes and presses Enter, as the worker would
/// carry it out.
fn export_to(app: &mut hyoka::app::App, path: &std::path::Path) {
    export_to_path(app, path, &hyoka::worker::Env::new(Lang::Ja, None));
}

#[test]
fn a_reviewer_exports_outside_the_data_folder_and_never_inside_it() {
    let data = Workspace::review_city();
    let settings = hyoka::app::Settings {
        read_only: true,
        data_root: Some(data.path().to_path_buf()),
        ..common::app::settings(Lang::Ja)
    };
    let mut app = common::app::open_with(data.path(), settings);
    let before = listing(data.path());
    keys(&mut app, "e");
    let Mode::Export(dialog) = &app.mode() else { panic!("e opens the export in reviewer mode: {:?}", app.message()) };
    assert_eq!(dialog.typed_path(), "kamigyo-2006.html", "proposed outside the data folder");
    export_to(&mut app, &data.path().join("kamigyo").join("2006.html"));
    assert!(
        app.message().as_ref().unwrap().text.contains("データのフォルダの中には書き出せません"),
        "{:?}",
        app.message()
    );
    export_to(&mut app, &data.path().join("新しいフォルダ").join("..").join("出力.html"));
    assert!(
        app.message().as_ref().unwrap().text.contains("データのフォルダの中には書き出せません"),
        "{:?}",
        app.message()
    );
    assert_eq!(listing(data.path()), before, "nothing written inside the data folder");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("上京区 2006.html");
    export_to(&mut app, &target);
    assert!(matches!(app.mode(), Mode::Browse), "{:?}", app.message());
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("上京区役所 平成18年度"));
    assert_eq!(listing(data.path()), before);
}

#[test]
fn the_table_opens_on_the_row_of_the_section_under_the_cursor_in_view() {
    let mut app = city();
    update(&mut app, Action::Resize(80, 24));
    let at = SectionRef { file: 5, division: 2, section: 1 };
    common::reach::go_to(&mut app, Node::Section(at));
    keys(&mut app, "t");
    let Mode::Table(table) = &app.mode() else { panic!() };
    assert_eq!(table.rows[table.cursor].at, at);
    assert!(table.offset <= table.cursor && table.cursor < table.offset + 19, "{} {}", table.offset, table.cursor);
}
