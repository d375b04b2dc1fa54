//! The published table as tab-separated text: the seed document's layout, line for line.
//!
//! [`export_table`] writes what [`import_table`] reads back as the same document, and refuses,
//! naming the section and the field, a document the layout cannot hold (see [`super::table::limits`]).
//! Cells are written as they are, quoted only where they hold a `"`: a spreadsheet opening the
//! `.tsv` runs a cell starting with `=` as a formula. The table is for `hyoka import`; use
//! `--format csv` or `xlsx` for spreadsheets.

use super::error::{ExportError, ImportError};
use super::import::{InputFormat, import_text};
pub use super::options::ImportOptions;
use super::table::Source;
use super::table::identity::organization_in;
use super::table::limits::{flaws, refuse, section_flaw};
use super::table::verify::{carried_identity, verify};
use super::table::write::{tab_separated, table_rows};
use crate::i18n::interchange::limits::Flaw;
use crate::i18n::interchange::place::PlaceMsg;
use hyoka_core::model::{Division, Document, Section, fiscal_year_in};

/// Reads a tab-separated table (the warnings of the reading are left out; see [`super::import`]).
pub fn import_table(text: &str, options: &ImportOptions) -> Result<Document, ImportError> {
    import_text(text, InputFormat::Tsv, options).map(|(doc, _)| doc)
}

/// Writes the document in the seed's layout.
pub fn export_table(doc: &Document) -> Result<String, ExportError> {
    let rows = table_rows(doc, Source::Text)?;
    let text = tab_separated(&rows).map_err(|_| refuse(PlaceMsg::SectionOrder, Flaw::NotReadBack))?;
    // The checks name the usual problems; reading the text back catches any the rules miss, so
    // that the export is the importer's inverse by construction, not only by argument.
    verify(doc, import_table(&text, &carried_identity(doc)))?;
    Ok(text)
}

/// Everything of `doc` the published table cannot carry, each named where it is; empty when
/// `export_table` writes it (what `hyoka check --publishable` reports).
pub fn publishable_problems(doc: &Document) -> Vec<ExportError> {
    let flaws = flaws(doc, Source::Text);
    if !flaws.is_empty() {
        return flaws;
    }
    export_table(doc).err().into_iter().collect()
}

/// What the published table cannot carry of one section of `doc` (`section` as it stands now,
/// perhaps edited), named as `hyoka check --publishable` names it; `None` when it can.
pub fn section_problem(doc: &Document, division: &Division, section: &Section) -> Option<ExportError> {
    section_flaw(doc, division, section)
}

/// Whether `hyoka import` reads the document's organisation and fiscal year back from the preface
/// without `--organization` and `--fiscal-year`.
pub fn preface_names_document(doc: &Document) -> bool {
    doc.preface.as_deref().is_some_and(|p| {
        fiscal_year_in(p) == Some(doc.fiscal_year) && organization_in(p).as_deref() == Some(&doc.organization)
    })
}
