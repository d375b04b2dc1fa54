//! [`Document`] → YAML text in hyoka's one canonical layout, whole or one entry at a time.
//!
//! Written by hand rather than through a serde serializer because the layout is part of the
//! contract with git: field order, `|-` blocks, flow-style scale entries and quoting must be
//! byte-stable so that editing one field changes exactly the lines of that field. Every mapping
//! is a list of [`Entry`]s rendered for the column its keys stand at: the whole file is those
//! entries one after another, and a save that keeps the layout (`splice.rs`) compares and
//! replaces them one by one, so a field added here is written and spliced without more code.

use std::fmt::Write as _;

use super::scalar::{block_chomping, block_scalar, flow_scalar};
use hyoka_core::model::{Division, Document, Review, Section, Status};

/// One `key: value` of a mapping whose keys stand at some column: the first line starts at the
/// key (whatever stands before it — indentation or `- ` — is the caller's), the lines after it
/// carry their whole indentation, and the text ends with a line break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub key: &'static str,
    pub text: String,
}

impl Entry {
    /// Whether the text only stands in for the entry (see [`Items::StandIn`]): a real entry's
    /// text starts with its key.
    pub fn is_stand_in(&self) -> bool {
        self.text.starts_with('\0')
    }
}

/// How the list a mapping holds (`divisions:`, `sections:`) is given in its entries: rendered
/// whole, or only as a stand-in (`\0` and the word given), for a splice that goes into the
/// list item by item and needs no more than whether it changed — a city's file is not rendered
/// twice over to learn that one rating changed.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Items {
    Rendered,
    StandIn(&'static str),
}

#[cfg(test)]
thread_local! {
    /// How many divisions and sections this thread has rendered as list items: a save that
    /// changes one field renders none.
    pub(crate) static ITEMS_RENDERED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Renders the whole document. A file hyoka wrote before comes out byte for byte the same.
pub fn emit_document(doc: &Document) -> String {
    mapping_body(&document_entries(doc, 0), 0)
}

/// The entries of the top-level mapping, in the order of the file.
pub(crate) fn document_entries(doc: &Document, column: usize) -> Vec<Entry> {
    document_entries_with(doc, column, Items::Rendered)
}

/// The entries of the top-level mapping, `divisions:` as `items` says.
pub(crate) fn document_entries_with(doc: &Document, column: usize, items: Items) -> Vec<Entry> {
    let mut entries = vec![scalar_entry(column, "organization", &doc.organization)];
    entries.push(Entry { key: "fiscal_year", text: format!("fiscal_year: {}\n", doc.fiscal_year) });
    if let Some(stage) = doc.stage {
        entries.push(Entry { key: "stage", text: format!("stage: {}\n", stage.key()) });
    }
    if let Some(checkpoint) = doc.checkpoint {
        entries.push(Entry { key: "checkpoint", text: format!("checkpoint: {}\n", checkpoint.format("%Y-%m-%d")) });
    }
    if let Some(preface) = &doc.preface {
        entries.push(scalar_entry(column, "preface", preface));
    }
    if let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) {
        entries.push(scalar_entry(column, "notes", notes));
    }
    if let Some(scale) = &doc.scale {
        let mut text = String::from("scale:\n");
        for grade in scale {
            indent(&mut text, column + 2);
            let _ = writeln!(text, "- {{ mark: {}, label: {} }}", flow_scalar(&grade.mark), flow_scalar(&grade.label));
        }
        entries.push(Entry { key: "scale", text });
    }
    let text = if doc.divisions.is_empty() {
        "divisions: []\n".to_owned()
    } else if let Items::StandIn(word) = items {
        format!("\0{word}")
    } else {
        let items: String = doc.divisions.iter().map(|d| division_item(d, column + 2)).collect();
        format!("divisions:\n{items}")
    };
    entries.push(Entry { key: "divisions", text });
    entries
}

/// The entries of one division's mapping, `sections:` as `items` says.
pub(crate) fn division_entries(division: &Division, column: usize, items: Items) -> Vec<Entry> {
    let mut entries = vec![scalar_entry(column, "name", &division.name)];
    if let (Items::StandIn(word), false) = (items, division.sections.is_empty()) {
        entries.push(Entry { key: "sections", text: format!("\0{word}") });
    } else if !division.sections.is_empty() {
        let items: String = division.sections.iter().map(|s| section_item(s, column + 2)).collect();
        entries.push(Entry { key: "sections", text: format!("sections:\n{items}") });
    }
    entries
}

/// The entries of one section's mapping.
pub(crate) fn section_entries(section: &Section, column: usize) -> Vec<Entry> {
    let mut entries = vec![scalar_entry(column, "name", &section.name)];
    if !section.goals_intro.is_empty() {
        entries.push(scalar_entry(column, "goals_intro", &section.goals_intro));
    }
    if let Some(first) = section.goals_numbered_from {
        entries.push(Entry { key: "goals_numbered_from", text: format!("goals_numbered_from: {first}\n") });
    }
    if !section.goals.is_empty() {
        let items: String =
            section.goals.iter().enumerate().map(|(i, g)| goal_item(g, section.goal_rating(i), column + 2)).collect();
        entries.push(Entry { key: "goals", text: format!("goals:\n{items}") });
    }
    if !section.progress.is_empty() {
        entries.push(scalar_entry(column, "progress", &section.progress));
    }
    if let Some(rating) = &section.rating {
        entries.push(scalar_entry(column, "rating", rating));
    }
    if !section.reflection.is_empty() {
        entries.push(scalar_entry(column, "reflection", &section.reflection));
    }
    if section.status != Status::Draft {
        entries.push(Entry { key: "status", text: format!("status: {}\n", section.status.key()) });
    }
    if let Some(review) = &section.review {
        entries.push(review_entry(review, column));
    }
    if let Some(updated) = section.updated {
        let text = format!("updated: {}\n", updated.format("%Y-%m-%dT%H:%M:%S%:z"));
        entries.push(Entry { key: "updated", text });
    }
    if let Some(by) = &section.updated_by {
        entries.push(scalar_entry(column, "updated_by", by));
    }
    entries
}

/// A division as an item of `divisions:`, with its `- ` at `dash_column`, indentation included.
pub(crate) fn division_item(division: &Division, dash_column: usize) -> String {
    #[cfg(test)]
    ITEMS_RENDERED.with(|count| count.set(count.get() + 1));
    item(&division_entries(division, dash_column + 2, Items::Rendered), dash_column)
}

/// A section as an item of `sections:`, with its `- ` at `dash_column`, indentation included.
pub(crate) fn section_item(section: &Section, dash_column: usize) -> String {
    #[cfg(test)]
    ITEMS_RENDERED.with(|count| count.set(count.get() + 1));
    item(&section_entries(section, dash_column + 2), dash_column)
}

/// A goal as an item of `goals:`, with its `- ` at `dash_column`, indentation included: plain
/// text, or `text:` and `rating:` when it has a mark of its own.
pub(crate) fn goal_item(goal: &str, rating: Option<&str>, dash_column: usize) -> String {
    let mut out = String::new();
    indent(&mut out, dash_column);
    out.push_str("- ");
    match rating {
        None => value(&mut out, dash_column + 2, goal),
        Some(rating) => {
            let column = dash_column + 2;
            out.push_str(&mapping_body(
                &[scalar_entry(column, "text", goal), scalar_entry(column, "rating", rating)],
                column,
            ));
        }
    }
    out
}

/// `review:` with `by`, `at` and the comment, one per line under it.
fn review_entry(review: &Review, column: usize) -> Entry {
    let inner = column + 2;
    let mut entries = vec![
        scalar_entry(inner, "by", &review.by),
        Entry { key: "at", text: format!("at: {}\n", review.at.format("%Y-%m-%dT%H:%M:%S%:z")) },
    ];
    if !review.comment.is_empty() {
        entries.push(scalar_entry(inner, "comment", &review.comment));
    }
    let mut text = String::from("review:\n");
    indent(&mut text, inner);
    text.push_str(&mapping_body(&entries, inner));
    Entry { key: "review", text }
}

fn item(entries: &[Entry], dash_column: usize) -> String {
    let mut out = String::new();
    indent(&mut out, dash_column);
    out.push_str("- ");
    out.push_str(&mapping_body(entries, dash_column + 2));
    out
}

/// The entries one after another, each but the first indented to `column`.
pub(crate) fn mapping_body(entries: &[Entry], column: usize) -> String {
    let mut out = String::new();
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            indent(&mut out, column);
        }
        out.push_str(&entry.text);
    }
    out
}

pub(crate) fn indent(out: &mut String, width: usize) {
    out.extend(std::iter::repeat_n(' ', width));
}

/// `key: value\n` for a key at `column`.
fn scalar_entry(column: usize, key: &'static str, text: &str) -> Entry {
    let mut out = String::from(key);
    out.push(':');
    value(&mut out, column + 2, text);
    Entry { key, text: out }
}

/// The value after `key:` or `- `, ending the line; block lines are indented to `block_indent`.
fn value(out: &mut String, block_indent: usize, text: &str) {
    if !out.ends_with(' ') {
        out.push(' ');
    }
    if let Some(chomp) = block_chomping(text) {
        out.push('|');
        out.push_str(chomp);
        out.push('\n');
        for line in text.strip_suffix('\n').unwrap_or(text).split('\n') {
            if !line.is_empty() {
                indent(out, block_indent);
                out.push_str(line);
            }
            out.push('\n');
        }
    } else {
        out.push_str(&block_scalar(text));
        out.push('\n');
    }
}
