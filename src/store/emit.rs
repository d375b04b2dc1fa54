//! [`Document`] → YAML text in hyoka's one canonical layout.
//!
//! Written by hand rather than through a serde serializer because the layout is part of the
//! contract with git: field order, `|-` blocks, flow-style scale entries and quoting must be
//! byte-stable so that editing one field changes exactly the lines of that field. The
//! round-trip (emit, then parse) is property-tested in `tests/store_roundtrip.rs`.

use std::fmt::Write as _;

use crate::model::{Document, Section};

/// Renders the whole document. A file hyoka wrote before comes out byte for byte the same.
pub fn emit_document(doc: &Document) -> String {
    let mut out = String::new();
    key_value(&mut out, 0, "organization", &doc.organization);
    let _ = writeln!(out, "fiscal_year: {}", doc.fiscal_year);
    if let Some(checkpoint) = doc.checkpoint {
        let _ = writeln!(out, "checkpoint: {}", checkpoint.format("%Y-%m-%d"));
    }
    if let Some(preface) = &doc.preface {
        key_value(&mut out, 0, "preface", preface);
    }
    if let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) {
        key_value(&mut out, 0, "notes", notes);
    }
    if let Some(scale) = &doc.scale {
        out.push_str("scale:\n");
        for grade in scale {
            let _ = writeln!(out, "  - {{ mark: {}, label: {} }}", flow_scalar(&grade.mark), flow_scalar(&grade.label));
        }
    }
    if doc.divisions.is_empty() {
        out.push_str("divisions: []\n");
        return out;
    }
    out.push_str("divisions:\n");
    for division in &doc.divisions {
        out.push_str("  - ");
        key_value(&mut out, 4, "name", &division.name);
        if division.sections.is_empty() {
            continue;
        }
        out.push_str("    sections:\n");
        for section in &division.sections {
            emit_section(&mut out, section);
        }
    }
    out
}

fn emit_section(out: &mut String, section: &Section) {
    const INDENT: usize = 8;
    out.push_str("      - ");
    key_value(out, INDENT, "name", &section.name);
    if !section.goals_intro.is_empty() {
        indent(out, INDENT);
        key_value(out, INDENT, "goals_intro", &section.goals_intro);
    }
    if let Some(first) = section.goals_numbered_from {
        indent(out, INDENT);
        let _ = writeln!(out, "goals_numbered_from: {first}");
    }
    if !section.goals.is_empty() {
        indent(out, INDENT);
        out.push_str("goals:\n");
        for goal in &section.goals {
            indent(out, INDENT + 2);
            out.push_str("- ");
            value(out, INDENT + 4, goal);
        }
    }
    if !section.progress.is_empty() {
        indent(out, INDENT);
        key_value(out, INDENT, "progress", &section.progress);
    }
    if let Some(rating) = &section.rating {
        indent(out, INDENT);
        key_value(out, INDENT, "rating", rating);
    }
    if !section.reflection.is_empty() {
        indent(out, INDENT);
        key_value(out, INDENT, "reflection", &section.reflection);
    }
    if let Some(updated) = section.updated {
        indent(out, INDENT);
        let _ = writeln!(out, "updated: {}", updated.format("%Y-%m-%dT%H:%M:%S%:z"));
    }
    if let Some(by) = &section.updated_by {
        indent(out, INDENT);
        key_value(out, INDENT, "updated_by", by);
    }
}

fn indent(out: &mut String, width: usize) {
    out.extend(std::iter::repeat_n(' ', width));
}

/// `key: value\n`, where the cursor already stands at the key's column `column`.
fn key_value(out: &mut String, column: usize, key: &str, text: &str) {
    out.push_str(key);
    out.push(':');
    value(out, column + 2, text);
}

/// The value after `key:` or `- `, ending the line; block lines are indented to `block_indent`.
fn value(out: &mut String, block_indent: usize, text: &str) {
    if let Some(chomp) = block_chomping(text) {
        if !out.ends_with(' ') {
            out.push(' ');
        }
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
        if !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(&block_scalar(text));
        out.push('\n');
    }
}

/// `Some("-")` or `Some("")` when the text is best written as a literal block (`|-` or `|`).
fn block_chomping(text: &str) -> Option<&'static str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if !body.contains('\n') || body.ends_with('\n') {
        return None;
    }
    let first_line = body.split('\n').next().unwrap_or_default();
    let safe = !first_line.starts_with([' ', '\t'])
        && !first_line.is_empty()
        && !body.chars().any(|c| c != '\n' && needs_escape(c))
        && body.split('\n').all(|line| line.is_empty() || !line.trim_start_matches([' ', '\t']).is_empty());
    if !safe {
        return None;
    }
    Some(if text.ends_with('\n') { "" } else { "-" })
}

/// A scalar in block context: plain where YAML reads it back as the same string, else quoted.
fn block_scalar(text: &str) -> String {
    if is_plain_safe(text, false) { text.to_owned() } else { double_quoted(text) }
}

/// A scalar inside `{ … }`, where `,[]{}` also end a plain scalar.
fn flow_scalar(text: &str) -> String {
    if is_plain_safe(text, true) { text.to_owned() } else { double_quoted(text) }
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

fn is_plain_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.starts_with([' ', '\t']) || text.ends_with([' ', '\t']) || text.ends_with(':') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if text.contains(": ") || text.contains(" #") || text.chars().any(needs_escape) {
        return false;
    }
    if in_flow && text.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    !resolves_to_non_string(text)
}

/// Words and numbers that YAML 1.1 or 1.2 readers would take for something other than a string.
fn resolves_to_non_string(text: &str) -> bool {
    const WORDS: [&str; 14] =
        ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan"];
    if WORDS.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        return true;
    }
    // 1.5, 0x1F, 1_000, 12:30 (a sexagesimal number in YAML 1.1), 2008-11-30 …
    text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "_+-.:".contains(c))
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
