//! The reviewer's search and filters, keys → state: NFKC, width, case and kana; n / N across
//! sections and files; Esc; filters alone and combined with the search. On `tests/fixtures/review`
//! (two organisations × three years, made by `examples/city.rs` from the sample's own sentences).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod reviewkit;

use common::keys::{keys, press};
use hyoka::app::state::Rated;
use hyoka::app::{Mode, Node, SectionRef};
use ratatui::crossterm::event::KeyCode;
use reviewkit::*;

#[test]
fn half_width_katakana_finds_the_full_width_text_and_n_crosses_sections_and_files() {
    let mut app = city();
    keys(&mut app, "/");
    assert!(matches!(app.mode(), Mode::Search(_)));
    keys(&mut app, "ﾎｰﾑﾍﾟｰｼﾞ");
    let expected: Vec<SectionRef> =
        every_section(&app).into_iter().filter(|(_, s)| occurrences(s, "ホームページ") > 0).map(|(at, _)| at).collect();
    let total: usize = every_section(&app).iter().map(|(_, s)| occurrences(s, "ホームページ")).sum();
    assert!(expected.len() >= 6 && expected.iter().any(|a| a.file >= 3), "hits in both organisations: {expected:?}");
    assert_eq!(app.review().hits.total, total, "every occurrence counted");
    assert_eq!(
        app.review().hits.order.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        expected.iter().map(|a| Node::Section(*a)).collect::<Vec<_>>()
    );
    // Incremental: the cursor is already on the first hit while typing.
    assert_eq!(app.cursor(), Node::Section(expected[0]));
    let per_section = app.review().hits.counts[&Node::Section(expected[0])];
    assert_eq!(per_section, occurrences(app.section(expected[0]).unwrap(), "ホームページ"), "the tree's count");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(app.message().as_ref().unwrap().text.contains(&format!("1/{}", expected.len())), "{:?}", app.message());
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
    assert!(app.review().search.is_none() && app.review().hits.order.is_empty());
    assert_eq!(app.selected(), expected.last().copied());
}

#[test]
fn full_width_digits_find_half_width_and_kana_match_only_when_asked() {
    let mut app = city();
    keys(&mut app, "/１割");
    let with_one_wari = every_section(&app).iter().filter(|(_, s)| occurrences(s, "1割") > 0).count();
    assert!(with_one_wari > 0);
    assert_eq!(app.review().hits.order.len(), with_one_wari, "１割 finds 1割");
    press(&mut app, KeyCode::Esc);
    assert!(app.review().search.is_none(), "Esc in the prompt ends the search");
    keys(&mut app, "/ほーむぺーじ");
    assert!(app.review().hits.order.is_empty(), "hiragana do not match katakana by default");
    press(&mut app, KeyCode::Tab);
    assert!(app.review().kana);
    assert!(!app.review().hits.order.is_empty(), "Tab: ほーむぺーじ finds ホームページ");
    press(&mut app, KeyCode::Enter);
    let before = app.cursor();
    keys(&mut app, "/見つかるはずのない語句");
    press(&mut app, KeyCode::Enter);
    assert!(app.review().search.is_none(), "a search without hits ends at Enter");
    assert!(app.message().as_ref().unwrap().text.contains("見つかりません"));
    assert_eq!(app.cursor(), before);
}

#[test]
fn the_filter_shows_only_matching_sections_with_their_divisions_and_files_and_f_clears_it() {
    let mut app = city();
    let all = shown_sections(&app).len();
    assert_eq!(all, 65);
    keys(&mut app, "f");
    let Mode::Filter(dialog) = &app.mode() else { panic!("f opens the filter") };
    assert_eq!(dialog.marks, ["◎", "○", "△", "×"]);
    // △ is the third row, × the fourth.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Down);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(app.review().filter.ratings, [Rated::Mark("△".into()), Rated::Mark("×".into())].into_iter().collect());
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
    assert!(app.review().filter.is_empty());
    assert_eq!(shown_sections(&app).len(), all);
    // A filter only one file answers: the other files leave the tree.
    keys(&mut app, "f");
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, "2009-03-19");
    press(&mut app, KeyCode::Down);
    keys(&mut app, "kumin01");
    press(&mut app, KeyCode::Enter);
    let files: Vec<Node> = app.visible_nodes().into_iter().filter(|n| matches!(n, Node::File(_))).collect();
    assert_eq!(files, [Node::File(2)]);
    assert_eq!(name(&app, shown_sections(&app)[0]), "2008 保健部 衛生課");
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
    assert!(app.review().hits.order.iter().all(|(n, _)| match n {
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
    let Mode::Filter(dialog) = &app.mode() else { panic!() };
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
    assert!(matches!(app.mode(), Mode::Filter(_)), "stays open");
    assert!(app.message().as_ref().unwrap().text.contains("日付として読めません"));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "2099-01-01");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Filter(_)));
    assert!(app.message().as_ref().unwrap().text.contains("当てはまる課はありません"));
    assert!(app.review().filter.is_empty());
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse));
}
