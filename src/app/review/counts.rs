//! How sections are rated, counted: for a division, a file, and every organisation × fiscal year.
//! Pure functions over the documents; the overview, the summary view and `hyoka summary` share them.

use super::SummaryRow;
use crate::app::state::{Counts, FileEntry};
use hyoka_core::model::{Document, Section};

/// The distribution of `sections`, rated on `doc`'s scale. A mark not on the scale (a file
/// `hyoka check` would refuse) counts as unrated.
pub fn count<'a>(doc: &Document, sections: impl IntoIterator<Item = &'a Section>) -> Counts {
    let mut counts = Counts {
        grades: doc.scale().iter().map(|g| (g.mark.clone(), g.label.clone(), 0)).collect(),
        ..Counts::default()
    };
    for section in sections {
        counts.sections += 1;
        match section.rating.as_deref().and_then(|m| counts.grades.iter_mut().find(|(mark, _, _)| mark == m)) {
            Some((_, _, n)) => *n += 1,
            None => counts.unrated += 1,
        }
        if !section.empty_fields().is_empty() {
            counts.incomplete += 1;
        }
        if let Some(at) = section.updated
            && counts.last.as_ref().is_none_or(|(last, _)| at > *last)
        {
            counts.last = Some((at, section.updated_by.clone().unwrap_or_default()));
        }
    }
    counts
}

/// Every section of a document.
pub fn of_document(doc: &Document) -> Counts {
    count(doc, doc.divisions.iter().flat_map(|d| &d.sections))
}

/// One division.
pub fn of_division(doc: &Document, division: usize) -> Counts {
    count(doc, doc.divisions.get(division).map(|d| d.sections.as_slice()).unwrap_or_default())
}

/// Every readable file, sorted by organisation and then fiscal year, so that the years of one
/// organisation stand together.
pub fn summary(files: &[FileEntry]) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = files
        .iter()
        .enumerate()
        .filter_map(|(file, entry)| {
            let doc = entry.doc()?;
            Some(SummaryRow {
                organization: doc.organization.clone(),
                fiscal_year: doc.fiscal_year,
                file,
                counts: of_document(doc),
            })
        })
        .collect();
    rows.sort_by(|a, b| (&a.organization, a.fiscal_year, a.file).cmp(&(&b.organization, b.fiscal_year, b.file)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_data::store::parse_document;

    #[test]
    fn the_sample_is_counted_by_its_marks() {
        let doc = parse_document(include_str!("../../../data/kamigyo/2008.yaml")).unwrap_or_else(|p| panic!("{p:?}"));
        let counts = of_document(&doc);
        let marks: Vec<(&str, usize)> = counts.grades.iter().map(|(m, _, n)| (m.as_str(), *n)).collect();
        assert_eq!(marks, [("◎", 1), ("○", 6), ("△", 4), ("×", 0)]);
        assert_eq!((counts.sections, counts.unrated, counts.incomplete), (11, 0, 0));
        assert_eq!(of_division(&doc, 1).sections, 3);
    }
}
