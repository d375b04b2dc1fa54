//! A save changes only what changed: in a file with comments, blank lines and hand quoting, any
//! sequence of field edits, each saved and loaded back, gives the edited document, keeps every
//! comment, and leaves every byte outside the edited field as it was.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::tools::cases;
use hyoka::model::{Division, Document, Field, Review, Section, Status};
use hyoka::store::{emit_document, parse_document, rewrite};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zぁ-ん漢字・、。 ]{1,12}",
        "[a-z=<:#'\"\\-]{1,6}",
        "[ぁ-ん]{1,6}\n[ぁ-ん・]{1,6}(\n[a-z]{1,4}){0,2}",
        Just("=".to_owned()),
        Just("<<".to_owned()),
        Just("2001-12-14 21:59:43".to_owned()),
        Just("a\u{FFFE}b".to_owned()),
        Just("yes".to_owned()),
        Just(String::new()),
    ]
}

fn section(i: usize) -> impl Strategy<Value = Section> {
    (text(), prop::collection::vec(text().prop_filter("a goal", |g| !g.is_empty()), 0..4), text(), 0usize..5, text())
        .prop_map(move |(intro, goals, progress, rating, reflection)| Section {
            goals_intro: intro,
            goals,
            progress,
            rating: ["◎", "○", "△", "×"].get(rating).map(|m| (*m).to_owned()),
            reflection,
            ..Section::new(format!("課{i}"))
        })
}

fn document() -> impl Strategy<Value = Document> {
    (prop::collection::vec(section(0), 1..3), prop::collection::vec(section(0), 1..3)).prop_map(|(a, b)| {
        let name = |mut ss: Vec<Section>, d: usize| {
            for (i, s) in ss.iter_mut().enumerate() {
                s.name = format!("課{d}{i}");
            }
            ss
        };
        Document {
            preface: Some("～前書き～".into()),
            notes: Some("※ 11月末現在".into()),
            divisions: vec![
                Division { name: "区民部".into(), sections: name(a, 0) },
                Division { name: "福祉部".into(), sections: name(b, 1) },
            ],
            ..Document::new("上京区役所", 2008)
        }
    })
}

/// The canonical text with comments on their own lines, comments after values, blank lines and
/// single quotes chosen by hand — never inside a block scalar, where they would be text.
fn decorate(canonical: &str, choices: &[u8]) -> String {
    let mut out = String::new();
    let mut block_indent: Option<usize> = None;
    for (n, line) in canonical.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if block_indent.is_some_and(|b| line.is_empty() || indent > b) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        block_indent = None;
        let choice = choices.get(n % choices.len().max(1)).copied().unwrap_or(0);
        if choice % 3 == 0 {
            out.push_str(&format!("{}# 注{n} 担当: 窓口係\n", " ".repeat(indent)));
        }
        if choice % 5 == 1 {
            out.push('\n');
        }
        let mut line = line.to_owned();
        let body = line.trim_start().trim_start_matches("- ");
        if let Some((key, value)) = body.split_once(": ")
            && choice % 4 == 2
            && !value.is_empty()
            && !value.starts_with(['"', '\'', '|', '[', '{'])
            && !value.contains('\'')
            && key != "fiscal_year"
        {
            line = line.replace(&format!("{key}: {value}"), &format!("{key}: '{value}'"));
        }
        if line.ends_with('|') || line.ends_with("|-") {
            block_indent = Some(indent);
        }
        out.push_str(&line);
        if choice % 7 == 3 {
            out.push_str(&format!("   # 後{n}"));
        }
        out.push('\n');
    }
    out
}

#[derive(Clone, Debug)]
struct Edit {
    division: usize,
    section: usize,
    field: Field,
    value: String,
    goals: Vec<String>,
}

fn edit() -> impl Strategy<Value = Edit> {
    (0usize..2, 0usize..3, prop::sample::select(Field::ALL.to_vec()), text(), prop::collection::vec(text(), 0..4))
        .prop_map(|(division, section, field, value, goals)| Edit { division, section, field, value, goals })
}

fn apply(doc: &mut Document, edit: &Edit) -> Option<(String, Field)> {
    let division = doc.divisions.get_mut(edit.division)?;
    let count = division.sections.len();
    let section = division.sections.get_mut(edit.section % count)?;
    let mark = |n: usize| ["◎", "○", "△", "×"].get(n % 6).map(|m| (*m).to_owned());
    match edit.field {
        Field::Goals => {
            section.goals = edit.goals.iter().filter(|g| !g.is_empty()).cloned().collect();
            section.goal_ratings = (0..section.goals.len()).map(|i| mark(edit.value.len() + i)).collect();
            section.tidy_goal_ratings();
        }
        Field::Status => {
            let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").expect("a time");
            section.status = Status::ALL[edit.value.len() % 4];
            let comment =
                if edit.value.trim().is_empty() { "直してください".to_owned() } else { edit.value.clone() };
            section.review = match section.status {
                Status::Draft => None,
                Status::Submitted => section.review.take(),
                Status::Approved => Some(Review { by: "suzuki".into(), at, comment: String::new() }),
                Status::Returned => Some(Review { by: "suzuki".into(), at, comment }),
            };
        }
        Field::Rating => section.rating = ["◎", "○", "△", "×"].get(edit.value.len() % 5).map(|m| (*m).to_owned()),
        field => field.set_text(section, &edit.value),
    }
    Some((section.name.clone(), edit.field))
}

/// The lines of `text` that a field of a section covers: from its key's line to the next line
/// (blank lines aside) that is not deeper than the key.
fn field_lines(text: &str, section: &str, key: &str) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let named = |l: &&str| {
        l.trim_start()
            .trim_start_matches("- ")
            .strip_prefix("name: ")
            .is_some_and(|n| n.split(" #").next().unwrap_or_default().trim_end().trim_matches('\'') == section)
    };
    let start = lines.iter().position(|l| named(l) && l.contains("- "))?;
    let key_col = lines[start].find("name:")?;
    let mut first = None;
    for (n, line) in lines.iter().enumerate().skip(start) {
        let indent = line.len() - line.trim_start().len();
        if n > start && !line.trim().is_empty() && indent < key_col {
            break;
        }
        let body = line.get(key_col..).unwrap_or_default();
        if first.is_none() && indent <= key_col && body.starts_with(&format!("{key}:")) {
            first = Some(n);
        } else if let Some(f) = first
            && n > f
            && !line.trim().is_empty()
            && indent <= key_col
        {
            return Some((f, n));
        }
    }
    first.map(|f| (f, lines.len()))
}

/// The comments of a text: from a `#` that starts a line or follows a blank (the generated values
/// hold no blank followed by `#`), to the end of the line.
fn comments(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let at = line
                .find(" #")
                .map(|i| i + 1)
                .or_else(|| line.trim_start().starts_with('#').then(|| line.find('#'))?)?;
            line.get(at..).map(str::to_owned)
        })
        .collect();
    found.sort();
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(200, 10)))]
    #[test]
    fn field_edits_change_only_their_field_and_keep_every_comment(
        doc in document(),
        choices in prop::collection::vec(any::<u8>(), 1..40),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let mut text = decorate(&emit_document(&doc), &choices);
        let mut now = parse_document(&text).expect("the decorated text loads");
        prop_assert_eq!(&now, &doc, "decorating changed nothing but the layout:\n{}", text);
        for edit in &edits {
            let before = now.clone();
            let Some((section, field)) = apply(&mut now, edit) else { continue };
            let (written, kept) = rewrite(Some((&text, &before)), &now);
            prop_assert!(kept, "the layout was kept:\n{}", text);
            let back = parse_document(&written);
            prop_assert_eq!(back.as_ref(), Ok(&now), "loads as the edited document:\n{}", written);
            prop_assert_eq!(comments(&written), comments(&text), "every comment kept:\n{}\n---\n{}", text, written);
            if written == text {
                prop_assert_eq!(&before, &now, "a change was written");
                continue;
            }
            // What changed lies inside the field's lines (or is a new field inserted at one place).
            let prefix = text.bytes().zip(written.bytes()).take_while(|(a, b)| a == b).count();
            let rest = text.len().min(written.len()) - prefix;
            let suffix = text.bytes().rev().zip(written.bytes().rev()).take(rest).take_while(|(a, b)| a == b).count();
            let old_middle = (prefix, text.len() - suffix);
            let line_of = |at: usize| text.as_bytes()[..at].iter().filter(|b| **b == b'\n').count();
            // The status and the review under it change together.
            let lines = match field {
                Field::Status => match (field_lines(&text, &section, "status"), field_lines(&text, &section, "review")) {
                    (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
                    (one, other) => one.or(other),
                },
                _ => field_lines(&text, &section, field.key()),
            };
            match lines {
                Some((first, end)) => {
                    prop_assert!(
                        first <= line_of(old_middle.0) && line_of(old_middle.1.max(old_middle.0)) <= end,
                        "{} of {} is lines {}..{}, yet bytes {:?} changed:\n{}\n---\n{}",
                        field.key(), section, first, end, old_middle, text, written
                    );
                }
                None => prop_assert!(old_middle.0 == old_middle.1, "a new field only inserts:\n{}\n---\n{}", text, written),
            }
            text = written;
        }
    }
}

fn save_rating(text: &str, rating: &str) -> (String, hyoka::store::Saved) {
    use hyoka::store::{Outcome, RealDisk, SaveRequest, TextDigest, save};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("2008.yaml");
    std::fs::write(&path, text).expect("write");
    let base = parse_document(text).expect("loads");
    let mut mine = base.clone();
    mine.find_section_mut("区民部", "市民税課").expect("section").rating = Some(rating.into());
    let request = SaveRequest {
        path: &path,
        root: dir.path(),
        base_digest: TextDigest::of(text),
        base: &base,
        mine: &mine,
        reviewer: false,
    };
    let Ok(Outcome::Saved(saved)) = save(&request, &RealDisk) else { panic!("saved") };
    (std::fs::read_to_string(&path).expect("read"), saved)
}

#[test]
fn a_save_keeps_the_comments_a_clerk_wrote_and_changes_one_line() {
    let sample = include_str!("../data/kamigyo/2008.yaml");
    let text = sample
        .replace("divisions:\n", "# 令和元年度に見直し予定\ndivisions:\n")
        .replace("      - name: 市民税課\n", "\n      # 担当: 窓口係\n      - name: 市民税課\n");
    let (written, saved) = save_rating(&text, "△");
    assert!(saved.layout_lost.is_none());
    let expected = text.replacen(
        "        rating: ◎\n        reflection: 窓口対応で、",
        "        rating: △\n        reflection: 窓口対応で、",
        1,
    );
    assert_ne!(expected, text);
    assert_eq!(written, expected);
}

#[test]
fn a_file_whose_layout_cannot_be_kept_is_written_in_hyokas_layout_and_the_save_says_so() {
    // An anchor and its alias: replacing the anchored value would change the alias's meaning too.
    let sample = include_str!("../data/kamigyo/2008.yaml");
    let text = sample.replacen("organization: 上京区役所", "# 別名あり\norganization: &org 上京区役所", 1);
    let text = text.replacen("  - name: 区民部\n", "  - name: 区民部\n    # 同じ名前\n", 1);
    assert!(parse_document(&text).is_ok());
    let (written, saved) = save_rating(&text, "△");
    assert_eq!(saved.layout_lost, Some(hyoka::store::LayoutLoss::Anchors), "the save says why the layout was not kept");
    assert!(!written.contains("# 別名あり"));
    assert_eq!(parse_document(&written).ok(), Some(saved.doc));
}
