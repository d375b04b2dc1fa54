//! What changed between two versions of a document, field by field: for commit messages and history.

use crate::i18n::Lang;
use crate::i18n::git::GitMsg;
pub use hyoka_core::model::HeadField;
use hyoka_core::model::{Document, Field};

/// One thing that differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    Head(HeadField),
    Added { division: String, section: String },
    Removed { division: String, section: String },
    Field { division: String, section: String, field: Field },
}

impl Change {
    /// The section it concerns, if any.
    pub fn section(&self) -> Option<(&str, &str)> {
        match self {
            Change::Head(_) => None,
            Change::Added { division, section }
            | Change::Removed { division, section }
            | Change::Field { division, section, .. } => Some((division, section)),
        }
    }
}

/// Everything that differs, in the order of the file: the head, then each section of `after`
/// (added, or field by field), then the sections `after` no longer has. `updated`/`updated_by`
/// are stamps, not content, and are not counted.
pub fn changes(before: Option<&Document>, after: Option<&Document>) -> Vec<Change> {
    let mut out = Vec::new();
    if let (Some(b), Some(a)) = (before, after) {
        out.extend(HeadField::ALL.into_iter().filter(|h| !h.equal(b, a)).map(Change::Head));
    }
    for division in after.map(|a| a.divisions.as_slice()).unwrap_or_default() {
        for section in &division.sections {
            let (d, s) = (division.name.clone(), section.name.clone());
            match before.and_then(|b| b.find_section(&division.name, &section.name)) {
                None => out.push(Change::Added { division: d, section: s }),
                Some(old) => {
                    out.extend(Field::ALL.into_iter().filter(|f| !f.equal(old, section)).map(|field| Change::Field {
                        division: d.clone(),
                        section: s.clone(),
                        field,
                    }))
                }
            }
        }
    }
    for division in before.map(|b| b.divisions.as_slice()).unwrap_or_default() {
        for section in &division.sections {
            if after.and_then(|a| a.find_section(&division.name, &section.name)).is_none() {
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
