//! What changed between two versions of a document, field by field: for commit messages and history.

use crate::i18n::Lang;
use crate::i18n::git::GitMsg;
use crate::store::matching;
pub use hyoka_core::model::HeadField;
use hyoka_core::model::{Document, Field};

/// One thing that differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    Head(HeadField),
    Added {
        division: String,
        section: String,
    },
    Removed {
        division: String,
        section: String,
    },
    /// The same section under a new name, or in a division renamed (as the merge tells them, see
    /// `store::matching`): from where it was to where it is.
    Renamed {
        from: (String, String),
        division: String,
        section: String,
    },
    Field {
        division: String,
        section: String,
        field: Field,
    },
}

impl Change {
    /// The section it concerns, if any (for a rename, its new place).
    pub fn section(&self) -> Option<(&str, &str)> {
        match self {
            Change::Head(_) => None,
            Change::Added { division, section }
            | Change::Removed { division, section }
            | Change::Renamed { division, section, .. }
            | Change::Field { division, section, .. } => Some((division, section)),
        }
    }

    /// Where a renamed section was before.
    pub fn renamed_from(&self) -> Option<(&str, &str)> {
        match self {
            Change::Renamed { from, .. } => Some((&from.0, &from.1)),
            _ => None,
        }
    }

    /// The same change with the section named `to` wherever it names `from`.
    pub fn named(&self, from: (&str, &str), to: (&str, &str)) -> Change {
        let mut change = self.clone();
        if change.section() == Some(from) {
            match &mut change {
                Change::Added { division, section }
                | Change::Removed { division, section }
                | Change::Renamed { division, section, .. }
                | Change::Field { division, section, .. } => {
                    (*division, *section) = (to.0.to_owned(), to.1.to_owned());
                }
                Change::Head(_) => {}
            }
        }
        change
    }
}

/// Everything that differs, in the order of the file: the head, then each section of `after`
/// (added, renamed, field by field), then the sections `after` no longer has. A section renamed
/// is one section, followed as the merge follows it. `updated`/`updated_by` are stamps, not
/// content, and are not counted.
pub fn changes(before: Option<&Document>, after: Option<&Document>) -> Vec<Change> {
    let mut out = Vec::new();
    if let (Some(b), Some(a)) = (before, after) {
        out.extend(HeadField::ALL.into_iter().filter(|h| !h.equal(b, a)).map(Change::Head));
    }
    let found = before.zip(after).map(|(b, a)| matching(b, a)).unwrap_or_default();
    for (j, division) in after.map(|a| a.divisions.as_slice()).unwrap_or_default().iter().enumerate() {
        for (l, section) in division.sections.iter().enumerate() {
            let (d, s) = (division.name.clone(), section.name.clone());
            let old = found.section_before(j, l).and_then(|(i, k)| {
                let was = before?.divisions.get(i)?;
                Some((was.name.as_str(), was.sections.get(k)?))
            });
            match old {
                None => out.push(Change::Added { division: d, section: s }),
                Some((old_division, old)) => {
                    if old_division != d || old.name != s {
                        let from = (old_division.to_owned(), old.name.clone());
                        out.push(Change::Renamed { from, division: d.clone(), section: s.clone() });
                    }
                    out.extend(Field::ALL.into_iter().filter(|f| !f.equal(old, section)).map(|field| Change::Field {
                        division: d.clone(),
                        section: s.clone(),
                        field,
                    }))
                }
            }
        }
    }
    for (i, division) in before.map(|b| b.divisions.as_slice()).unwrap_or_default().iter().enumerate() {
        for (k, section) in division.sections.iter().enumerate() {
            if found.section(i, k).is_none() {
                out.push(Change::Removed { division: division.name.clone(), section: section.name.clone() });
            }
        }
    }
    out
}

type Place = Option<(String, String)>;

/// One line per changed place: `上京区役所 平成20年度 区民部 総務課: 目標達成度, 振り返り`.
/// `base` is `None` for a file git does not have yet.
pub fn change_lines(base: Option<&Document>, new: &Document, lang: Lang) -> Vec<String> {
    let title = new.title();
    if base.is_none() {
        return vec![GitMsg::NewFile { title: &title }.text(lang)];
    }
    let list = changes(base, Some(new));
    // (division and section, or none for the head) and what changed there, in file order.
    let mut lines: Vec<(Place, Vec<String>)> = Vec::new();
    for change in &list {
        let place = change.section().map(|(d, s)| (d.to_owned(), s.to_owned()));
        let what = match change {
            Change::Head(head) => head.label(lang).to_owned(),
            Change::Added { .. } => GitMsg::SectionAdded.text(lang),
            Change::Removed { .. } => GitMsg::SectionRemoved.text(lang),
            Change::Renamed { from, .. } => {
                GitMsg::SectionRenamed { from: &format!("{} {}", from.0, from.1) }.text(lang)
            }
            Change::Field { field, .. } => field.label(lang).to_owned(),
        };
        match lines.iter_mut().find(|(p, _)| *p == place) {
            Some((_, whats)) => whats.push(what),
            None => lines.push((place, vec![what])),
        }
    }
    lines
        .into_iter()
        .map(|(place, whats)| {
            let place = place.map(|(d, s)| format!(" {d} {s}")).unwrap_or_default();
            format!("{title}{place}: {}", whats.join(", "))
        })
        .collect()
}

/// The message of a commit of saved files, each given as (the version git has, the new one):
/// one line when one place changed, else a subject naming the first and a line for each.
/// `None` when nothing changed.
pub fn commit_message(files: &[(Option<&Document>, &Document)], lang: Lang) -> Option<String> {
    let lines: Vec<String> = files.iter().flat_map(|(base, new)| change_lines(*base, new, lang)).collect();
    let (first, rest) = lines.split_first()?;
    if rest.is_empty() {
        return Some(first.clone());
    }
    let subject = GitMsg::AndMore { first, more: rest.len() }.text(lang);
    Some(format!("{subject}\n\n{}", lines.join("\n")))
}
