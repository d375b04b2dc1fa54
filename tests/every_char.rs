//! Every Unicode code point, alone, inside a text, at the start of a line of a multi-line text
//! and in a scale label, goes through the writer and the reader unchanged: no character can make
//! hyoka write a file that hyoka itself then refuses (U+FFFE and U+FFFF once did).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

use hyoka::model::{Division, Document, Grade, Section};
use hyoka::store::{emit_document, parse_document};

fn document(chars: &[char]) -> Document {
    let mut section = Section::new("総務課");
    for c in chars {
        section.goals.push(c.to_string());
        section.goals.push(format!("a{c}b"));
        section.goals.push(format!("{c}・"));
    }
    // Multi-line text: each character starts a line and ends one.
    section.progress = chars.iter().map(|c| format!("{c}x{c}")).collect::<Vec<_>>().join("\n");
    section.reflection = format!("x\n{}", chars.iter().collect::<String>());
    let scale = chars
        .chunks(64)
        .enumerate()
        .map(|(i, run)| Grade { mark: format!("m{i}"), label: run.iter().collect() })
        .collect();
    Document {
        organization: chars.iter().take(16).collect::<String>() + "区役所",
        fiscal_year: 2008,
        stage: None,
        checkpoint: None,
        preface: Some(chars.iter().collect()),
        notes: Some(chars.iter().rev().collect()),
        scale: Some(scale),
        divisions: vec![Division { name: "区民部".into(), sections: vec![section] }],
    }
}

fn survives(chars: &[char]) -> bool {
    let doc = document(chars);
    parse_document(&emit_document(&doc)).ok() == Some(doc)
}

#[test]
fn every_code_point_goes_through_the_writer_and_the_reader() {
    let all: Vec<char> = (0..=0x10FFFF).filter_map(char::from_u32).collect();
    assert_eq!(all.len(), 0x110000 - 0x800, "every scalar value but the surrogates");
    let mut failures = Vec::new();
    for chunk in all.chunks(4096) {
        if !survives(chunk) {
            // Name the characters, one by one, so that the failure says which.
            failures.extend(chunk.iter().filter(|c| !survives(&[**c])).map(|c| format!("U+{:04X}", *c as u32)));
        }
    }
    assert!(failures.is_empty(), "written but not read back the same: {failures:?}");
}
