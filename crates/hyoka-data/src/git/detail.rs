//! What one commit of a history did, field by field, with character-level differences.

use super::changes::{Change, HeadField};
use super::diff::{DiffSpan, char_diff};
use super::history::FileHistory;
use hyoka_core::model::{Document, Field, Section};

/// One field before and after a commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: Field,
    pub before: String,
    pub after: String,
    pub spans: Vec<DiffSpan>,
}

/// A section before and after a commit: the sections themselves (to put an old value back
/// exactly, goals as a list, with [`Field::copy`]) and the fields the commit changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionDiff {
    pub division: String,
    pub section: String,
    /// `None` where the section did not exist (added, or removed, by this commit).
    pub before: Option<Section>,
    pub after: Option<Section>,
    pub fields: Vec<FieldDiff>,
    /// What the section is called now (followed through the renames of newer commits); `None`
    /// when a newer commit removed it. A value is put back only into this section.
    pub current: Option<(String, String)>,
    /// Where it was before this commit, when the commit renamed it.
    pub renamed_from: Option<(String, String)>,
}

/// A value of the file's head before and after a commit, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadDiff {
    pub field: HeadField,
    pub before: String,
    pub after: String,
    pub spans: Vec<DiffSpan>,
}

/// Everything a commit changed in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommitDiff {
    pub head: Vec<HeadDiff>,
    pub sections: Vec<SectionDiff>,
}

impl FileHistory {
    /// What the commit of entry `entry` changed in the section called (division, section) now,
    /// followed back through its renames; `None` when the entry is not examined yet or did not
    /// touch the section. The diff names the section as it is called now.
    pub fn section_diff(&self, entry: usize, division: &str, section: &str) -> Option<SectionDiff> {
        let (d, s) = self.trail(division, section).get(entry).cloned().flatten()?;
        let mut diff = self.diff_at(entry, &d, &s, false)?;
        (diff.division, diff.section) = (division.to_owned(), section.to_owned());
        diff.current = Some((division.to_owned(), section.to_owned()));
        Some(diff)
    }

    /// What the commit changed in the section called (division, section) in its version; for a
    /// merge, what it decided, and with `brought` also what it brought in from the other side.
    fn diff_at(&self, entry: usize, division: &str, section: &str, brought: bool) -> Option<SectionDiff> {
        let found = self.entries().get(entry)?;
        let merged = if brought { found.merged.as_slice() } else { &[] };
        let (before, after) = self.versions(entry)?;
        let mut fields = Vec::new();
        let mut renamed_from = None;
        for change in found.changes.iter().chain(merged).filter(|c| c.section() == Some((division, section))) {
            match change {
                Change::Field { field, .. } => fields.push(*field),
                Change::Added { .. } | Change::Removed { .. } => fields.extend(Field::ALL),
                Change::Renamed { from, .. } => renamed_from = Some(from.clone()),
                Change::Head(_) => {}
            }
        }
        // A merge's decision may be among what it brought in too: each field once, in table order.
        fields.sort();
        fields.dedup();
        if fields.is_empty() && renamed_from.is_none() {
            return None;
        }
        let (old_division, old_section) = renamed_from.as_ref().map_or((division, section), |(d, s)| (d, s));
        let mut before = before.and_then(|d| d.find_section(old_division, old_section)).cloned();
        let after = after.and_then(|d| d.find_section(division, section)).cloned();
        // A merge that kept the first parent's value of a field both sides changed changed it
        // from the other side's: that is the value before it.
        if let ([_, second], Some(before), Some(after)) = (found.commit.parents.as_slice(), &mut before, &after)
            && let Some(other) = self.version_at(second).and_then(|d| d.find_section(old_division, old_section))
        {
            for field in &fields {
                if field.equal(before, after) {
                    field.copy(other, before);
                }
            }
        }
        let text = |s: &Option<Section>, f: Field| s.as_ref().map(|s| f.text(s)).unwrap_or_default();
        let fields = fields
            .into_iter()
            .map(|field| {
                let (b, a) = (text(&before, field), text(&after, field));
                FieldDiff { field, spans: char_diff(&b, &a), before: b, after: a }
            })
            .filter(|d| d.before != d.after)
            .collect();
        let current = self.name_now(entry, division, section);
        let (division, section) = (division.to_owned(), section.to_owned());
        Some(SectionDiff { division, section, before, after, fields, current, renamed_from })
    }

    /// Everything the commit of entry `entry` changed: the head, then each section touched.
    pub fn commit_diff(&self, entry: usize) -> Option<CommitDiff> {
        let found = self.entries().get(entry)?;
        let changes: Vec<&Change> = found.changes.iter().chain(&found.merged).collect();
        let (before, after) = self.versions(entry)?;
        let mut diff = CommitDiff::default();
        for change in changes {
            match (change, change.section()) {
                (Change::Head(field), _) if !diff.head.iter().any(|h| h.field == *field) => {
                    let b = before.map(|d| head_text(*field, d)).unwrap_or_default();
                    let a = after.map(|d| head_text(*field, d)).unwrap_or_default();
                    diff.head.push(HeadDiff { field: *field, spans: char_diff(&b, &a), before: b, after: a });
                }
                (_, Some((division, section))) => {
                    if !diff.sections.iter().any(|s| s.division == division && s.section == section)
                        && let Some(s) = self.diff_at(entry, division, section, true)
                    {
                        diff.sections.push(s);
                    }
                }
                (_, None) => {}
            }
        }
        Some(diff)
    }
}

/// A head value as one line of text.
fn head_text(field: HeadField, doc: &Document) -> String {
    match field {
        HeadField::Organization => doc.organization.clone(),
        HeadField::FiscalYear => {
            format!("{}（{}）", doc.fiscal_year, hyoka_core::model::fiscal_year_label(doc.fiscal_year))
        }
        HeadField::Stage => doc.stage.map(|s| s.key().to_owned()).unwrap_or_default(),
        HeadField::Checkpoint => doc.checkpoint.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        HeadField::Preface => doc.preface.clone().unwrap_or_default(),
        HeadField::Notes => doc.notes.clone().unwrap_or_default(),
        HeadField::Scale => doc
            .scale
            .as_ref()
            .map(|s| s.iter().map(|g| format!("{} {}", g.mark, g.label)).collect::<Vec<_>>().join(" / "))
            .unwrap_or_default(),
    }
}
