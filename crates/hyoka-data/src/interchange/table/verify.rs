//! Every table export is read back before it is written, and refused if it would not come back.
//!
//! The refusal names the first place that differs: the export is the importer's inverse by test.

use super::super::error::{ExportError, ImportError};
use super::super::options::ImportOptions;
use super::goals::shown_numbering;
use super::limits::{division_place, refuse, section_place};
use crate::i18n::interchange::limits::{ExportMsg, Flaw};
use crate::i18n::interchange::place::{PlaceMsg, SectionPart};
use hyoka_core::model::{Document, Status};

/// The organisation and year as the caller of the importer gives them: they are checked separately
/// against the preface, so the read-back compares only what the rows carry.
pub(crate) fn carried_identity(doc: &Document) -> ImportOptions {
    ImportOptions {
        organization: Some(doc.organization.clone()),
        fiscal_year: Some(doc.fiscal_year),
        ..ImportOptions::default()
    }
}

/// The document as the table carries it: without the files' bookkeeping stamps and the year's
/// cycle (stage, statuses, reviews: a file at `stage: published` is the one to publish), and with
/// the goals' numbering as the table shows it.
pub(crate) fn as_carried(doc: &Document) -> Document {
    let mut doc = doc.clone();
    doc.stage = None;
    for section in doc.divisions.iter_mut().flat_map(|d| &mut d.sections) {
        section.updated = None;
        section.updated_by = None;
        section.status = Status::Draft;
        section.review = None;
        section.goals_numbered_from = shown_numbering(section);
    }
    doc.notes = doc.notes.filter(|n| !n.is_empty());
    doc
}

/// Compares what the importer read back with the document and names the first place that differs.
pub(crate) fn verify(doc: &Document, read_back: Result<Document, ImportError>) -> Result<(), ExportError> {
    let read_back = read_back.map_err(|e| ExportError(ExportMsg::NotReadBack { at: e.at, problem: e.problem }))?;
    match first_difference(&as_carried(doc), &read_back) {
        None => Ok(()),
        Some(place) => Err(refuse(place, Flaw::NotReadBack)),
    }
}

fn first_difference(expected: &Document, got: &Document) -> Option<PlaceMsg> {
    if expected.preface != got.preface {
        return Some(PlaceMsg::Preface);
    }
    if expected.notes != got.notes {
        return Some(PlaceMsg::Notes);
    }
    if expected.scale != got.scale {
        return Some(PlaceMsg::Legend);
    }
    if expected.checkpoint != got.checkpoint {
        return Some(PlaceMsg::Checkpoint);
    }
    for (a, b) in expected.divisions.iter().zip(&got.divisions) {
        if a.name != b.name || a.sections.len() != b.sections.len() {
            return Some(division_place(&a.name));
        }
        if let Some((section, _)) = a.sections.iter().zip(&b.sections).find(|(x, y)| x != y) {
            return Some(section_place(&a.name, &section.name, SectionPart::Fields));
        }
    }
    (expected != got).then_some(PlaceMsg::SectionOrder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::i18n::interchange::Location;
    use crate::i18n::interchange::read::ReadMsg;
    use hyoka_core::model::{Division, Section};

    fn doc() -> Document {
        let mut section = Section::new("総務課");
        section.goals = vec!["一".into(), "二".into()];
        Document {
            divisions: vec![Division { name: "区民部".into(), sections: vec![section] }],
            ..Document::new("上京区役所", 2008)
        }
    }

    #[test]
    fn a_first_number_of_one_on_numbered_goals_is_what_the_table_shows() {
        let mut numbered = doc();
        numbered.divisions[0].sections[0].goals_numbered_from = Some(1);
        assert_eq!(verify(&numbered, Ok(doc())), Ok(()));
        numbered.divisions[0].sections[0].goals_numbered_from = Some(2);
        let refused = verify(&numbered, Ok(doc())).map_err(|e| e.describe(Lang::Ja));
        assert_eq!(refused, Err("区民部 総務課の欄が表から同じ形で読み戻せません。簡単な形に直すか、--format csv / html / md で書き出してください。".into()));
    }

    #[test]
    fn the_years_cycle_is_not_the_tables_to_carry() {
        let mut published = doc();
        published.stage = Some(hyoka_core::model::Stage::Published);
        let section = &mut published.divisions[0].sections[0];
        section.status = Status::Approved;
        let at = chrono::DateTime::parse_from_rfc3339("2009-04-01T10:00:00+09:00").unwrap_or_default();
        section.review = Some(hyoka_core::model::Review { by: "suzuki".into(), at, comment: String::new() });
        assert_eq!(verify(&published, Ok(doc())), Ok(()));
    }

    #[test]
    fn a_table_that_does_not_read_back_says_where_and_why() {
        let error = ImportError::at(&Location::Text { line: 4, column: 9 }, ReadMsg::EmptyName);
        let said = verify(&doc(), Err(error)).map_err(|e| e.describe(Lang::En));
        let said = said.err().unwrap_or_default();
        assert!(
            said.starts_with("the written table does not read back (line 4, character 9: the section's name is empty"),
            "{said}"
        );
    }
}
