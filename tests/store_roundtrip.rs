//! The canonical writer and the reader agree: whatever a document holds, it comes back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use chrono::{DateTime, NaiveDate};
use hyoka::model::{Division, Document, Grade, Section};
use hyoka::store::{emit_document, parse_document};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,20}",
        "[ぁ-んァ-ン一-龥、。「」・～…◎○△× \n#:'\"-]{0,30}",
        any::<String>(),
        Just(String::new()),
        Just("yes".to_owned()),
        Just("- item".to_owned()),
        Just("1.5".to_owned()),
        Just("a\n\nb\n".to_owned()),
        Just("  indented\nsecond".to_owned()),
        Just("line\n".to_owned()),
        Just("trailing\n\n".to_owned()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    text().prop_filter("names are not empty", |s| !s.trim().is_empty())
}

fn section() -> impl Strategy<Value = Section> {
    (
        (name(), text()),
        prop::collection::vec(text(), 0..3),
        text(),
        prop::option::of(0usize..4),
        text(),
        prop::option::of((0i64..2_000_000_000, -12i32..14)),
        prop::option::of(name()),
        prop::option::of(1u32..=20),
    )
        .prop_map(
            |((name, goals_intro), goals, progress, rating, reflection, updated, updated_by, numbered_from)| Section {
                name,
                goals_intro,
                goals_numbered_from: numbered_from,
                goals,
                progress,
                rating: rating.map(|i| ["◎", "○", "△", "×"][i].to_owned()),
                reflection,
                updated: updated.and_then(|(secs, hours)| {
                    let offset = chrono::FixedOffset::east_opt(hours * 3600)?;
                    Some(DateTime::from_timestamp(secs, 0)?.with_timezone(&offset))
                }),
                updated_by,
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    (
        name(),
        1900i32..2999,
        prop::option::of(0u32..3000),
        (prop::option::of(text()), prop::option::of(name())),
        prop::bool::ANY,
        prop::collection::vec((name(), prop::collection::vec(section(), 0..3)), 0..3),
    )
        .prop_map(|(organization, fiscal_year, checkpoint, (preface, notes), with_scale, divisions)| {
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
                            s
                        })
                        .collect(),
                })
                .collect();
            divisions.dedup_by(|a, b| a.name == b.name);
            Document {
                organization,
                fiscal_year,
                checkpoint: checkpoint.and_then(|d| NaiveDate::from_num_days_from_ce_opt(730_000 + d as i32)),
                preface,
                notes,
                scale: with_scale.then(|| {
                    ["◎", "○", "△", "×"]
                        .iter()
                        .map(|m| Grade { mark: (*m).to_owned(), label: format!("{m}の意味") })
                        .collect()
                }),
                divisions,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_document_survives_save_then_load(doc in document()) {
        let yaml = emit_document(&doc);
        let back = parse_document(&yaml);
        prop_assert_eq!(back.as_ref().ok(), Some(&doc), "YAML was:\n{}\nerror: {:?}", yaml, back.as_ref().err());
        prop_assert_eq!(emit_document(&doc), yaml, "emitting is deterministic");
    }
}
