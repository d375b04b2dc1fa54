//! The reviewer's side, keys → state: search (NFKC, case, kana), n / N across sections and files,
//! Esc; filters and their combination with the search; the table; the years; the summary; the
//! reviewer's key map and export. On `tests/fixtures/review` (two organisations × three years,
//! made by `examples/city.rs` from the sample's own sentences).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use hyoka::app::state::{Column, Rated};
use hyoka::app::{Action, App, Focus, Mode, Node, SectionRef, action_for, load_workspace, update};
use hyoka::i18n::Lang;
use hyoka::model::{Document, Field, Section};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review");

fn city() -> App {
    let files = load_workspace(std::path::Path::new(FIXTURE)).expect("the fixture loads");
    assert_eq!(files.len(), 6);
    let mut app = App::new(files, Lang::Ja);
    update(&mut app, Action::Resize(100, 30));
    app
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = action_for(app, KeyEvent::new(code, modifiers)) {
        update(app, action);
    }
}

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

/// Types as at a keyboard, one key per character (the IME hands over Japanese the same way).
fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn doc(app: &App, file: usize) -> &Document {
    app.doc(file).expect("a readable file")
}

fn every_section(app: &App) -> Vec<(SectionRef, &Section)> {
    let mut out = Vec::new();
    for file in 0..app.files.len() {
        for (division, d) in doc(app, file).divisions.iter().enumerate() {
            for (section, s) in d.sections.iter().enumerate() {
                out.push((SectionRef { file, division, section }, s));
            }
        }
    }
    out
}

/// Counted without hyoka's search: every text of a section, plain `str::matches`.
fn occurrences(section: &Section, needle: &str) -> usize {
    let texts = [&section.name, &section.goals_intro, &section.progress, &section.reflection];
    texts.iter().map(|t| t.matches(needle).count()).sum::<usize>()
        + section.goals.iter().map(|g| g.matches(needle).count()).sum::<usize>()
}

fn shown_sections(app: &App) -> Vec<SectionRef> {
    app.visible_nodes()
        .into_iter()
        .filter_map(|n| match n {
            Node::Section(at) => Some(at),
            _ => None,
        })
        .collect()
}

fn name(app: &App, at: SectionRef) -> String {
    format!(
        "{} {} {}",
        doc(app, at.file).fiscal_year,
        doc(app, at.file).divisions[at.division].name,
        app.section(at).unwrap().name
    )
}

#[test]
fn half_width_katakana_finds_the_full_width_text_and_n_crosses_sections_and_files() {
    let mut app = city();
    keys(&mut app, "/");
    assert!(matches!(app.mode, Mode::Search(_)));
    keys(&mut app, "ﾎｰﾑﾍﾟｰｼﾞ");
    let expected: Vec<SectionRef> =
        every_section(&app).into_iter().filter(|(_, s)| occurrences(s, "ホームページ") > 0).map(|(at, _)| at).collect();
    let total: usize = every_section(&app).iter().map(|(_, s)| occurrences(s, "ホームページ")).sum();
    assert!(expected.len() >= 6 && expected.iter().any(|a| a.file >= 3), "hits in both organisations: {expected:?}");
    assert_eq!(app.review.hits.total, total, "every occurrence counted");
    assert_eq!(
        app.review.hits.order.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        expected.iter().map(|a| Node::Section(*a)).collect::<Vec<_>>()
    );
    // Incremental: the cursor is already on the first hit while typing.
    assert_eq!(app.cursor, Node::Section(expected[0]));
    let per_section = app.review.hits.counts[&Node::Section(expected[0])];
    assert_eq!(per_section, occurrences(app.section(expected[0]).unwrap(), "ホームページ"), "the tree's count");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Browse));
    assert!(app.message.as_ref().unwrap().text.contains(&format!("1/{}", expected.len())), "{:?}", app.message);
    let mut visited = vec![app.selected().unwrap()];
    for _ in 1..expected.len() {
        keys(&mut app, "n");
        visited.push(app.selected().unwrap());
    }
    assert_eq!(visited, expected, "n visits every hit in tree order, from file to file");
    keys(&mut app, "n");
    assert_eq!(app.selected(), Some(expected[0]), "n wraps round");
    keys(&mut app, "N");
    assert_eq!(app.selected(), expected.last().copied(), "N goes back, round the start");
    // Esc ends the search; the cursor stays on the hit.
    press(&mut app, KeyCode::Esc);
    assert!(app.review.search.is_none() && app.review.hits.order.is_empty());
    assert_eq!(app.selected(), expected.last().copied());
}

#[test]
fn full_width_digits_find_half_width_and_kana_match_only_when_asked() {
    let mut app = city();
    keys(&mut app, "/１割");
    let with_one_wari = every_section(&app).iter().filter(|(_, s)| occurrences(s, "1割") > 0).count();
    assert!(with_one_wari > 0);
    assert_eq!(app.review.hits.order.len(), with_one_wari, "１割 finds 1割");
    press(&mut app, KeyCode::Esc);
    assert!(app.review.search.is_none(), "Esc in the prompt ends the search");
    keys(&mut app, "/ほーむぺーじ");
    assert!(app.review.hits.order.is_empty(), "hiragana do not match katakana by default");
    press(&mut app, KeyCode::Tab);
    assert!(app.review.kana);
    assert!(!app.review.hits.order.is_empty(), "Tab: ほーむぺーじ finds ホームページ");
    press(&mut app, KeyCode::Enter);
    let before = app.cursor;
    keys(&mut app, "/見つかるはずのない語句");
    press(&mut app, KeyCode::Enter);
    assert!(app.review.search.is_none(), "a search without hits ends at Enter");
    assert!(app.message.as_ref().unwrap().text.contains("見つかりません"));
    assert_eq!(app.cursor, before);
}

#[test]
fn the_filter_shows_only_matching_sections_with_their_divisions_and_files_and_f_clears_it() {
    let mut app = city();
    let all = shown_sections(&app).len();
    assert_eq!(all, 65);
    keys(&mut app, "f");
    let Mode::Filter(dialog) = &app.mode else { panic!("f opens the filter") };
    assert_eq!(dialog.marks, ["◎", "○", "△", "×"]);
    // △ is the third row, × the fourth.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Down);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Browse));
    assert_eq!(app.review.filter.ratings, [Rated::Mark("△".into()), Rated::Mark("×".into())].into_iter().collect());
    let shown = shown_sections(&app);
    let expected: Vec<SectionRef> = every_section(&app)
        .into_iter()
        .filter(|(_, s)| matches!(s.rating.as_deref(), Some("△" | "×")))
        .map(|(at, _)| at)
        .collect();
    assert_eq!(shown, expected);
    for node in app.visible_nodes() {
        if let Node::Division(file, division) = node {
            assert!(shown.iter().any(|a| a.file == file && a.division == division), "no empty division is shown");
        }
    }
    assert!(app.selected().is_some_and(|at| expected.contains(&at)), "the cursor moved onto a section shown");
    keys(&mut app, "F");
    assert!(app.review.filter.is_empty());
    assert_eq!(shown_sections(&app).len(), all);
}

#[test]
fn filters_by_date_person_incomplete_and_text_combine_with_the_search() {
    let mut app = city();
    keys(&mut app, "f");
    // Rows: ◎ ○ △ × 未評価 未記入 since by text.
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, "2008/01/01");
    press(&mut app, KeyCode::Down);
    keys(&mut app, "tanaka");
    press(&mut app, KeyCode::Enter);
    let since = chrono::NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
    let expected: Vec<SectionRef> = every_section(&app)
        .into_iter()
        .filter(|(_, s)| {
            s.updated_by.as_deref() == Some("tanaka") && s.updated.is_some_and(|u| u.date_naive() >= since)
        })
        .map(|(at, _)| at)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(shown_sections(&app), expected);
    // The search then counts only what the filter shows.
    keys(&mut app, "/窓口");
    press(&mut app, KeyCode::Enter);
    assert!(app.review.hits.order.iter().all(|(n, _)| match n {
        Node::Section(at) => expected.contains(at),
        _ => true,
    }));
    // Incomplete and a text, replacing the rest.
    keys(&mut app, "F");
    keys(&mut app, "f");
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, " ");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let Mode::Filter(dialog) = &app.mode else { panic!() };
    assert_eq!(dialog.word, "窓口", "the search in force is offered as the filter's text");
    press(&mut app, KeyCode::Enter);
    let expected: Vec<SectionRef> = every_section(&app)
        .into_iter()
        .filter(|(at, s)| {
            !s.empty_fields().is_empty()
                && (occurrences(s, "窓口") > 0 || doc(&app, at.file).divisions[at.division].name.contains("窓口"))
        })
        .map(|(at, _)| at)
        .collect();
    assert_eq!(shown_sections(&app), expected);
    assert!(
        app.visible_nodes()
            .iter()
            .all(|n| !matches!(n, Node::Section(at) if app.section(*at).unwrap().empty_fields().is_empty()))
    );
}

#[test]
fn a_filter_that_lets_nothing_through_or_a_bad_date_is_refused_in_the_dialog() {
    let mut app = city();
    keys(&mut app, "f");
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, "2008-13-45");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Filter(_)), "stays open");
    assert!(app.message.as_ref().unwrap().text.contains("日付として読めません"));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "2099-01-01");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Filter(_)));
    assert!(app.message.as_ref().unwrap().text.contains("当てはまる課はありません"));
    assert!(app.review.filter.is_empty());
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Browse));
}

#[test]
fn the_table_lists_every_section_sorts_by_any_column_follows_the_filter_and_opens_a_section() {
    let mut app = city();
    keys(&mut app, "t");
    let Mode::Table(table) = &app.mode else { panic!("t opens the table") };
    assert_eq!(table.rows.len(), 65);
    // → to the rating column, s: best first, unrated last; s again: the other way round.
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    keys(&mut app, "s");
    let Mode::Table(table) = &app.mode else { panic!() };
    assert_eq!(table.sort, Column::Rating);
    let ranks: Vec<usize> = table.rows.iter().map(|r| r.rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(table.rows[0].rating.as_deref(), Some("◎"));
    assert_eq!(table.rows[64].rating, None);
    keys(&mut app, "s");
    let Mode::Table(table) = &app.mode else { panic!() };
    assert!(table.descending && table.rows[0].rating.is_none());
    // Updated by: every column sorts.
    for _ in 0..4 {
        press(&mut app, KeyCode::Right);
    }
    keys(&mut app, "s");
    let Mode::Table(table) = &app.mode else { panic!() };
    assert_eq!(table.sort, Column::UpdatedBy);
    let by: Vec<&str> = table.rows.iter().map(|r| r.updated_by.as_str()).collect();
    assert!(by.windows(2).all(|w| w[0] <= w[1]), "{by:?}");
    keys(&mut app, "G");
    let Mode::Table(table) = &app.mode else { panic!() };
    let target = table.rows[64].at;
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Browse));
    assert_eq!(app.selected(), Some(target), "Enter opens the section of the row");
    assert_eq!(app.focus, Focus::Pane(Field::Goals));
    // Under a filter the table holds what the tree shows.
    keys(&mut app, "f");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "t");
    let Mode::Table(table) = &app.mode else { panic!() };
    assert_eq!(table.rows.iter().map(|r| r.at).collect::<Vec<_>>(), shown_sections(&app));
    assert!(table.rows.iter().all(|r| r.rating.is_none()));
    keys(&mut app, "q");
    assert!(matches!(app.mode, Mode::Browse));
}

#[test]
fn brackets_step_through_the_years_and_a_year_without_the_section_is_named() {
    let mut app = city();
    // 上京区役所 2008 (file 2), 保健部 衛生課: absent in 2007.
    let at = SectionRef { file: 2, division: 2, section: 1 };
    assert_eq!(name(&app, at), "2008 保健部 衛生課");
    app.cursor = Node::Section(at);
    keys(&mut app, "[");
    assert_eq!(name(&app, app.selected().unwrap()), "2006 保健部 衛生課", "2007 has none: passed over");
    assert!(
        app.message.as_ref().unwrap().text.contains("平成19年度には 保健部 衛生課 がありません"),
        "{:?}",
        app.message
    );
    keys(&mut app, "[");
    assert!(app.message.as_ref().unwrap().text.contains("前の年度のファイルはありません"));
    keys(&mut app, "]");
    assert_eq!(name(&app, app.selected().unwrap()), "2008 保健部 衛生課");
    // 区民部 市民税課 exists every year: one step each.
    app.cursor = Node::Section(SectionRef { file: 0, division: 0, section: 3 });
    keys(&mut app, "]");
    assert_eq!(name(&app, app.selected().unwrap()), "2007 区民部 市民税課");
    assert_eq!(app.selected().unwrap().file, 1, "the same organisation, not 北山市役所");
}

#[test]
fn the_years_view_puts_the_years_side_by_side_with_a_rating_history() {
    let mut app = city();
    app.cursor = Node::Section(SectionRef { file: 2, division: 0, section: 3 });
    keys(&mut app, "y");
    let Mode::Years(view) = &app.mode else { panic!("y opens the years") };
    assert_eq!((view.division.as_str(), view.section.as_str()), ("区民部", "市民税課"));
    assert_eq!(view.years.iter().map(|y| y.fiscal_year).collect::<Vec<_>>(), [2006, 2007, 2008]);
    let history = hyoka::app::review::years::history(&view.years, "なし", "未評価");
    assert_eq!(history, "平成18 × → 平成19 ◎ → 平成20 △");
    assert!(view.lines.iter().all(|l| !l.is_empty()), "every column laid out");
    keys(&mut app, "q");
    app.cursor = Node::Section(SectionRef { file: 2, division: 2, section: 1 });
    keys(&mut app, "y");
    let Mode::Years(view) = &app.mode else { panic!() };
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
    let Mode::Summary(view) = &app.mode else { panic!("S opens the summary") };
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
    app.cursor = Node::Division(0, 0);
    update(&mut app, Action::Tick);
    let (node, counts) = app.review.here.clone().expect("a division's distribution");
    assert_eq!(node, Node::Division(0, 0));
    assert_eq!(counts.sections, 6);
    assert_eq!(counts.last.as_ref().map(|(_, by)| by.as_str()), Some("kumin01"));
}

#[test]
fn reviewers_are_shown_no_editing_key() {
    let app = city();
    let reviewer = app.keymap.clone().for_reviewers();
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
        assert!(app.keymap.help(Lang::En).iter().any(|r| r.does == does), "{does} is there for editors");
    }
    assert!(help.iter().any(|r| r.does.contains("export")) && help.iter().any(|r| r.does.starts_with("search")));
    use hyoka::command::Context;
    let tree = reviewer.hints(&[Context::Tree, Context::Global], Lang::Ja);
    assert!(!tree.contains("Ctrl-S") && tree.contains("/:検索"), "{tree}");
    let rating = reviewer.hints(&[Context::Rating, Context::Pane, Context::Global], Lang::Ja);
    assert!(!rating.contains("1-4") && !rating.contains("Space"), "{rating}");
}
