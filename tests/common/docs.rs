//! The sample document and what tests read of documents: a file read back and parsed, a section
//! found by name, the document's other parts compared with what they were.

use std::path::Path;

use hyoka::model::{Document, Section};
use hyoka::store::parse_document;

/// The sample, 上京区役所 平成20年度, as in `data/kamigyo/2008.yaml`.
pub const SAMPLE: &str = include_str!("../../data/kamigyo/2008.yaml");
/// A copy of the sample full of half-width katakana with sound marks (ﾎｰﾑﾍﾟｰｼﾞ, ﾃﾞｰﾀ), as text pasted
/// from old systems has them.
pub const HALF_WIDTH: &str = include_str!("../fixtures/halfwidth/2008.yaml");

pub fn sample() -> Document {
    parse_document(SAMPLE).expect("the sample parses")
}

/// A data file read back: the document and its text; a file that does not parse fails the test.
pub fn read_doc(path: &Path) -> (Document, String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    (parse_document(&text).unwrap_or_else(|p| panic!("{} must parse: {p:?}\n{text}", path.display())), text)
}

/// Writes `text` at `path`, making its folders.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
    std::fs::write(path, text).expect("write");
}

pub fn section<'a>(doc: &'a Document, name: &str) -> &'a Section {
    doc.divisions
        .iter()
        .flat_map(|d| &d.sections)
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("section {name} is in the document"))
}

pub fn section_mut<'a>(doc: &'a mut Document, division: &str, section: &str) -> &'a mut Section {
    doc.find_section_mut(division, section).unwrap_or_else(|| panic!("{division} {section}"))
}

/// Everything except `changed` is exactly as it was, and the document's head is untouched.
pub fn assert_only_changed(before: &Document, after: &Document, changed: &str) {
    assert_eq!(after.organization, before.organization);
    assert_eq!(after.fiscal_year, before.fiscal_year);
    assert_eq!(after.checkpoint, before.checkpoint);
    assert_eq!(after.preface, before.preface);
    assert_eq!(after.scale, before.scale);
    assert_eq!(after.divisions.len(), before.divisions.len(), "divisions");
    for (b, a) in before.divisions.iter().zip(&after.divisions) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.sections.len(), b.sections.len(), "sections of {}", b.name);
        for (bs, as_) in b.sections.iter().zip(&a.sections) {
            if bs.name != changed {
                assert_eq!(as_, bs, "section {} must be untouched", bs.name);
            }
        }
    }
}
