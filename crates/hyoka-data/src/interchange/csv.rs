//! One row per section as CSV, for spreadsheets and other systems.
//!
//! UTF-8 with a byte-order mark (without it, Excel in Japan reads the file as Shift_JIS), CRLF
//! record ends and RFC 4180 quoting by the `csv` crate, which also reads tables in. Line breaks
//! inside a text stay inside its quoted field. Control characters and direction overrides
//! are shown as visible stand-ins. A field starting with `=`, `+`, `-`, `@` (or their full-width
//! forms) gets a leading apostrophe, as OWASP recommends against CSV injection: a spreadsheet shows
//! `'=SUM(A1)` as text instead of running it. The notes follow the sections, a line per record in
//! the first column, as notes stand under a table. `hyoka import` reads the file back (its names
//! in two columns), but the stand-ins and apostrophes stay: it is a view of the data.

use std::borrow::Cow;

use super::{goal_entries, looks_like_formula, visible};
use hyoka_core::model::{Document, Section};

/// The header row of hyoka's csv; an import knows its own export by it.
pub(crate) const HEADER: [&str; 8] =
    ["部", "課", "所属等の目標", "取組状況", "目標達成度", "振り返り", "updated", "updated_by"];

pub fn export_csv(doc: &Document) -> String {
    let mut records: Vec<[Cow<'_, str>; 8]> = vec![HEADER.map(Cow::Borrowed)];
    for division in &doc.divisions {
        for section in &division.sections {
            records.push(section_fields(&division.name, section));
        }
    }
    for line in doc.notes.as_deref().filter(|n| !n.is_empty()).into_iter().flat_map(|n| n.split('\n')) {
        let mut record: [Cow<'_, str>; 8] = Default::default();
        record[0] = Cow::Borrowed(line);
        records.push(record);
    }
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for record in records {
        // Writing into memory cannot fail; a record it could not write would be left out, never garbled.
        let _ = writer.write_record(record.iter().map(|field| field_text(field)).collect::<Vec<_>>());
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

fn section_fields<'a>(division: &'a str, section: &'a Section) -> [Cow<'a, str>; 8] {
    [
        Cow::Borrowed(division),
        Cow::Borrowed(&section.name),
        Cow::Owned(goal_entries(section).join("\n")),
        Cow::Borrowed(&section.progress),
        Cow::Owned(super::rating_cell(section)),
        Cow::Borrowed(&section.reflection),
        Cow::Owned(section.updated.map(|t| t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()).unwrap_or_default()),
        Cow::Borrowed(section.updated_by.as_deref().unwrap_or_default()),
    ]
}

/// A field as written: controls as stand-ins, and an apostrophe before what a spreadsheet would run.
fn field_text(text: &str) -> String {
    let text = visible(text);
    if looks_like_formula(&text) { format!("'{text}") } else { text.into_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> String {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        let _ = writer.write_record([field_text(text), String::new()]);
        let line = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
        line.strip_suffix(",\r\n").unwrap_or_default().to_owned()
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(one("総務課"), "総務課");
        assert_eq!(one("a,b"), "\"a,b\"");
        assert_eq!(one("\"quoted\""), "\"\"\"quoted\"\"\"");
        assert_eq!(one("一\n二"), "\"一\n二\"");
    }

    #[test]
    fn formulas_are_defused_and_controls_made_visible() {
        assert_eq!(one("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(one("-1,2"), "\"'-1,2\"");
        assert_eq!(one("\u{1b}]52;c;AAAA\u{7}"), "␛]52;c;AAAA␇");
    }
}
