//! The canonical writer and the reader agree: whatever a document holds, it comes back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use chrono::{DateTime, NaiveDate};
use common::tools::cases;
use hyoka::model::{Division, Document, Grade, Review, Section, Stage, Status};
use hyoka::store::{emit_document, parse_document};
use proptest::prelude::*;

/// Characters that readers and writers disagree about: noncharacters, controls, line and
/// paragraph separators, the byte-order mark, YAML indicators.
fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{1FFFE}',
            '\u{10FFFF}',
            '\u{0}',
            '\u{7F}',
            '\u{85}',
            '\u{9F}',
            '\u{A0}',
            '\u{2028}',
            '\u{2029}',
            '\u{FEFF}',
            '\u{1B}',
            '\t',
            '\r',
            '\n',
            ' ',
            '#',
            ':',
            '-',
            '=',
            '<',
            '"',
            '\'',
            '\\',
            '|',
            '>',
            '[',
            '{',
            ',',
            '&',
            '*',
            '!',
            '%',
            '@',
            '`',
            '?',
            '○',
            '・',
        ]),
        any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(awkward_char(), 0..12).prop_map(|cs| cs.into_iter().collect()),
        1 => prop::sample::select(vec!["=", "<<", "2001-12-14 21:59:43", "2001-12-14t21:59:43.10-05:00", "~", "Yes", "0o17"])
            .prop_map(str::to_owned),
        1 => "[ -~]{0,20}",
        1 => "[ぁ-んァ-ン一-龥、。「」・～…◎○△× \n#:'\"-]{0,30}",
        1 => any::<String>(),
        1 => Just(String::new()),
        1 => Just("yes".to_owned()),
        1 => Just("- item".to_owned()),
        1 => Just("1.5".to_owned()),
        1 => Just("a\n\nb\n".to_owned()),
        1 => Just("  indented\nsecond".to_owned()),
        1 => Just("line\n".to_owned()),
        1 => Just("trailing\n\n".to_owned()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    text().prop_filter("names are not empty", |s| !s.trim().is_empty())
}

fn moment() -> impl Strategy<Value = Option<DateTime<chrono::FixedOffset>>> {
    prop::option::of((0i64..2_000_000_000, -12i32..14)).prop_map(|at| {
        at.and_then(|(secs, hours)| {
            let offset = chrono::FixedOffset::east_opt(hours * 3600)?;
            Some(DateTime::from_timestamp(secs, 0)?.with_timezone(&offset))
        })
    })
}

/// A status with the review the rules want: none for a draft, one for a section approved or
/// returned (a return always with a comment), either for a section submitted.
fn status_and_review() -> impl Strategy<Value = (Status, Option<Review>)> {
    (0usize..4, name(), moment(), text(), any::<bool>()).prop_map(|(status, by, at, comment, reviewed)| {
        let status = Status::ALL[status];
        let review =
            at.map(|at| Review { by, at, comment: if comment.trim().is_empty() { "直す".into() } else { comment } });
        match status {
            Status::Draft => (status, None),
            Status::Submitted => (status, review.filter(|_| reviewed)),
            _ => (
                status,
                review.or_else(|| {
                    Some(Review { by: "suzuki".into(), at: DateTime::default(), comment: "理由".into() })
                }),
            ),
        }
    })
}

fn section() -> impl Strategy<Value = Section> {
    (
        (name(), text()),
        prop::collection::vec((text(), prop::option::of(0usize..6)), 0..3),
        text(),
        prop::option::of(0usize..6),
        text(),
        moment(),
        prop::option::of(name()),
        prop::option::of(1u32..=20),
        status_and_review(),
    )
        .prop_map(
            |((name, goals_intro), goals, progress, rating, reflection, updated, updated_by, numbered_from, review)| {
                Section {
                    name,
                    goals_intro,
                    goals_numbered_from: numbered_from,
                    // Marks as indices into the document's scale (fixed up when the document is built).
                    goal_ratings: goals.iter().map(|(_, r)| r.map(|i| i.to_string())).collect(),
                    goals: goals.into_iter().map(|(g, _)| g).collect(),
                    progress,
                    rating: rating.map(|i| i.to_string()),
                    reflection,
                    status: review.0,
                    review: review.1,
                    updated,
                    updated_by,
                }
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    (
        (name(), prop::option::of(0usize..4)),
        1900i32..2999,
        prop::option::of(0u32..3000),
        (prop::option::of(text()), prop::option::of(name())),
        prop::option::of(prop::collection::vec((name(), text()), 1..5)),
        prop::collection::vec((name(), prop::collection::vec(section(), 0..3)), 0..3),
    )
        .prop_map(|((organization, stage), fiscal_year, checkpoint, (preface, notes), scale, divisions)| {
            let scale: Option<Vec<Grade>> = scale.map(|grades| {
                let mut grades: Vec<Grade> = grades.into_iter().map(|(mark, label)| Grade { mark, label }).collect();
                grades.sort_by(|a, b| a.mark.cmp(&b.mark));
                grades.dedup_by(|a, b| a.mark == b.mark);
                grades
            });
            let marks: Vec<String> = match &scale {
                Some(grades) => grades.iter().map(|g| g.mark.clone()).collect(),
                None => ["◎", "○", "△", "×"].map(str::to_owned).to_vec(),
            };
            let mut divisions: Vec<Division> = divisions
                .into_iter()
                .enumerate()
                .map(|(i, (name, sections))| Division {
                    name: format!("{name}{i}"),
                    sections: sections
                        .into_iter()
                        .enumerate()
                        .map(|(j, mut s)| {
                            s.name = format!("{}{j}", s.name);
                            let mark = |i: Option<String>| marks.get(i?.parse::<usize>().ok()?).cloned();
                            s.goal_ratings = s.goal_ratings.drain(..).map(mark).collect();
                            s.rating = s.rating.take().and_then(|i| marks.get(i.parse::<usize>().ok()?).cloned());
                            s.tidy_goal_ratings();
                            s
                        })
                        .collect(),
                })
                .collect();
            divisions.dedup_by(|a, b| a.name == b.name);
            Document {
                organization,
                fiscal_year,
                stage: stage.map(|i| Stage::ALL[i]),
                checkpoint: checkpoint.and_then(|d| NaiveDate::from_num_days_from_ce_opt(730_000 + d as i32)),
                preface,
                notes,
                scale,
                divisions,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300, 20)))]
    #[test]
    fn any_document_survives_save_then_load(doc in document()) {
        let yaml = emit_document(&doc);
        let back = parse_document(&yaml);
        prop_assert_eq!(back.as_ref().ok(), Some(&doc), "YAML was:\n{}\nerror: {:?}", yaml, back.as_ref().err());
        // Written, read and written again: the same bytes (a reader that normalised anything —
        // a line break, a quote, a timestamp — would show here as a diff on the next save).
        let again = back.map(|d| emit_document(&d)).unwrap_or_default();
        prop_assert_eq!(again, yaml, "a second save of what was read changes nothing");
    }
}
