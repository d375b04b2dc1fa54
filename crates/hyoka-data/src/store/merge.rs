//! Someone saved the file while we were editing: combine their work with ours, field by field.
//!
//! A three-way merge: `base` is what we last read, `mine` what we have now, `theirs` what is on
//! disk (or the other branch). A field only one side changed takes that side's value; a field both
//! changed to different values is a [`FieldConflict`] for a person to decide. Divisions and
//! sections are matched by name, and through renames (`renames.rs`), so that an edit follows a
//! section or a division renamed on the other side; sections added or removed on either side
//! merge too, in the order of the side that changed the order. A status and the fields it locks
//! are one unit: a submission or an approval on one side and a change of its text on the other
//! is a question, never text the reviewer did not see under their approval.

use chrono::{DateTime, FixedOffset};

use super::merge_order::merge_order;
use super::renames::{Matching, matching, same_text};
use hyoka_core::model::{Division, Document, Field, HeadField, Review, Section, Status};

/// A field both sides changed, differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldConflict {
    pub division: String,
    pub section: String,
    pub field: Field,
    /// The fields that go with `field` whichever side is kept: for a status, the fields whose
    /// text one side submitted or approved while the other side changed it.
    pub with: Vec<Field>,
    /// The two versions as text, for the dialog (one goal per line).
    pub mine: String,
    pub theirs: String,
    /// The two sections as they were, so that keeping one copies the value exactly (goals with
    /// line breaks stay whole).
    pub mine_section: Section,
    pub theirs_section: Section,
    /// Who saved theirs, and when, from the section's `updated_by` / `updated`.
    pub their_by: Option<String>,
    pub their_at: Option<DateTime<FixedOffset>>,
}

impl FieldConflict {
    pub fn new(division: &str, field: Field, with: Vec<Field>, mine: &Section, theirs: &Section) -> FieldConflict {
        let text = |section: &Section| {
            let mut text = field.text(section);
            for other in &with {
                text.push_str(&format!("\n【{}】\n{}", other.label(hyoka_core::i18n::Lang::Ja), other.text(section)));
            }
            text
        };
        FieldConflict {
            division: division.to_owned(),
            section: mine.name.clone(),
            field,
            mine: text(mine),
            theirs: text(theirs),
            with,
            mine_section: mine.clone(),
            theirs_section: theirs.clone(),
            their_by: theirs.updated_by.clone(),
            their_at: theirs.updated,
        }
    }

    /// The field and the fields that go with it.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        std::iter::once(self.field).chain(self.with.iter().copied())
    }

    /// Sets every field of the question in `to` as it is in `from`.
    pub fn keep(&self, from: &Section, to: &mut Section) {
        for field in self.fields() {
            field.copy(from, to);
        }
    }

    /// Whether `a` and `b` agree on every field of the question.
    pub fn agree(&self, a: &Section, b: &Section) -> bool {
        self.fields().all(|f| f.equal(a, b))
    }

    /// Keeping mine would undo a reviewer's decision (their approval, their return with its
    /// comment) or change a section their side has locked: not a clerk's choice to make.
    pub fn binds_clerks(&self) -> bool {
        let theirs = &self.theirs_section;
        let their_word = theirs.status == Status::Returned
            && !Review::same_word(self.mine_section.review.as_ref(), theirs.review.as_ref());
        theirs.status.locks_clerks() || (self.field == Field::Status && their_word)
    }
}

/// The merged document (conflicting fields hold *their* value, so that nothing of theirs is lost
/// while the user decides) and what a person must hear of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub doc: Document,
    pub conflicts: Vec<FieldConflict>,
    /// Sections they removed while we changed them: kept, with our changes ("区民部 総務課").
    pub revived: Vec<String>,
    /// Sections we removed while they changed them: kept, with their changes.
    pub kept: Vec<String>,
    /// Values of the head both sides changed, differently: `doc` holds theirs.
    pub head: Vec<HeadField>,
}

/// A division or a section through the three versions: one of the base's, or new on a side (by name).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Key {
    Base(usize),
    New(String),
}

struct Sides<'a> {
    base: &'a Document,
    mine: &'a Document,
    theirs: &'a Document,
    m: Matching,
    t: Matching,
}

pub fn merge(base: &Document, mine: &Document, theirs: &Document) -> Merged {
    let sides = Sides { base, mine, theirs, m: matching(base, mine), t: matching(base, theirs) };
    let mut out = Merged {
        doc: Document { divisions: Vec::new(), ..theirs.clone() },
        conflicts: Vec::new(),
        revived: Vec::new(),
        kept: Vec::new(),
        head: Vec::new(),
    };
    for head in HeadField::ALL {
        let (mine_changed, theirs_changed) = (!head.equal(base, mine), !head.equal(base, theirs));
        if mine_changed && !theirs_changed {
            head.copy(mine, &mut out.doc);
        } else if mine_changed && !head.equal(mine, theirs) {
            out.head.push(head);
        }
    }
    let keys = |doc: &Document, side: &Matching| -> Vec<Key> {
        (0..doc.divisions.len())
            .map(|j| side.division_before(j).map_or_else(|| Key::New(name_of(doc, j)), Key::Base))
            .collect()
    };
    let base_keys: Vec<Key> = (0..base.divisions.len()).map(Key::Base).collect();
    for key in merge_order(&base_keys, &keys(mine, &sides.m), &keys(theirs, &sides.t)) {
        let (in_mine, in_theirs) = (sides.mine_division(&key), sides.theirs_division(&key));
        let name = sides.division_name(&key, in_mine, in_theirs);
        let sections = sides.sections(&key, in_mine, in_theirs, &name, &mut out);
        if !sections.is_empty() || (in_mine.is_some() && in_theirs.is_some()) || matches!(key, Key::New(_)) {
            out.doc.divisions.push(Division { name, sections });
        }
    }
    out
}

fn name_of(doc: &Document, division: usize) -> String {
    doc.divisions.get(division).map(|d| d.name.clone()).unwrap_or_default()
}

impl Sides<'_> {
    fn mine_division(&self, key: &Key) -> Option<usize> {
        division_on(self.mine, &self.m, key)
    }

    fn theirs_division(&self, key: &Key) -> Option<usize> {
        division_on(self.theirs, &self.t, key)
    }

    /// The name a side gave it: theirs where both renamed it, theirs where only they did, ours
    /// where only we did.
    fn division_name(&self, key: &Key, in_mine: Option<usize>, in_theirs: Option<usize>) -> String {
        let (m, t) = (in_mine.map(|j| name_of(self.mine, j)), in_theirs.map(|j| name_of(self.theirs, j)));
        let base = match key {
            Key::Base(i) => name_of(self.base, *i),
            Key::New(name) => name.clone(),
        };
        renamed(&base, m, t)
    }

    /// The division's sections as merged, in the order of the side that changed it.
    fn sections(
        &self,
        key: &Key,
        in_mine: Option<usize>,
        in_theirs: Option<usize>,
        division: &str,
        out: &mut Merged,
    ) -> Vec<Section> {
        let side_keys = |doc: &Document, side: &Matching, at: Option<usize>| -> Vec<Key> {
            let Some(j) = at else { return Vec::new() };
            let sections = doc.divisions.get(j).map(|d| d.sections.as_slice()).unwrap_or_default();
            (0..sections.len())
                .map(|l| match side.section_before(j, l) {
                    Some((_, k)) => Key::Base(k),
                    None => Key::New(sections.get(l).map(|s| s.name.clone()).unwrap_or_default()),
                })
                .collect()
        };
        let base_index = match key {
            Key::Base(i) => Some(*i),
            Key::New(_) => None,
        };
        let base_sections = base_index.and_then(|i| self.base.divisions.get(i)).map(|d| d.sections.len()).unwrap_or(0);
        let base_keys: Vec<Key> = (0..base_sections).map(Key::Base).collect();
        let order = merge_order(
            &base_keys,
            &side_keys(self.mine, &self.m, in_mine),
            &side_keys(self.theirs, &self.t, in_theirs),
        );
        let mut merged = Vec::new();
        for section in order {
            let (was, mine, theirs) = match &section {
                Key::Base(k) => {
                    let i = base_index.unwrap_or_default();
                    (
                        self.base.section(i, *k).cloned(),
                        self.m.section(i, *k).and_then(|(j, l)| self.mine.section(j, l)),
                        self.t.section(i, *k).and_then(|(j, l)| self.theirs.section(j, l)),
                    )
                }
                Key::New(name) => (
                    None,
                    new_section(self.mine, &self.m, in_mine, name),
                    new_section(self.theirs, &self.t, in_theirs, name),
                ),
            };
            let place = |s: &Section| format!("{division} {}", s.name);
            match (was, mine, theirs) {
                (was, Some(mine), Some(theirs)) => {
                    let was = was.unwrap_or_else(|| Section::new(mine.name.clone()));
                    merged.push(merge_section(division, &was, mine, theirs, &mut out.conflicts));
                }
                (Some(was), Some(mine), None) if !(was.name == mine.name && same_text(&was, mine)) => {
                    out.revived.push(place(mine));
                    merged.push(mine.clone());
                }
                (Some(was), None, Some(theirs)) if !(was.name == theirs.name && same_text(&was, theirs)) => {
                    out.kept.push(place(theirs));
                    merged.push(theirs.clone());
                }
                (None, Some(only), None) | (None, None, Some(only)) => merged.push(only.clone()),
                _ => {}
            }
        }
        merged
    }
}

fn division_on(doc: &Document, side: &Matching, key: &Key) -> Option<usize> {
    match key {
        Key::Base(i) => side.divisions.get(*i).copied().flatten(),
        Key::New(name) => (0..doc.divisions.len())
            .find(|&j| side.division_before(j).is_none() && doc.divisions.get(j).is_some_and(|d| d.name == *name)),
    }
}

/// A section new on one side (in no version of the base) by its name.
fn new_section<'d>(doc: &'d Document, side: &Matching, division: Option<usize>, name: &str) -> Option<&'d Section> {
    let j = division?;
    let sections = &doc.divisions.get(j)?.sections;
    let l = sections.iter().position(|s| s.name == name)?;
    side.section_before(j, l).is_none().then(|| sections.get(l)).flatten()
}

fn renamed(base: &str, mine: Option<String>, theirs: Option<String>) -> String {
    match (mine, theirs) {
        (_, Some(t)) if t != base => t,
        (Some(m), _) => m,
        (None, Some(t)) => t,
        (None, None) => base.to_owned(),
    }
}

fn merge_section(
    division: &str,
    base: &Section,
    mine: &Section,
    theirs: &Section,
    conflicts: &mut Vec<FieldConflict>,
) -> Section {
    let mut target = theirs.clone();
    target.name = renamed(&base.name, Some(mine.name.clone()), Some(theirs.name.clone()));
    let unit = status_unit(base, mine, theirs);
    let mut ours_taken = false;
    if let Some(with) = &unit {
        let mine = Section { name: target.name.clone(), ..mine.clone() };
        conflicts.push(FieldConflict::new(division, Field::Status, with.clone(), &mine, theirs));
    }
    for field in Field::ALL {
        if unit.as_ref().is_some_and(|with| field == Field::Status || with.contains(&field)) {
            continue; // the unit's question decides them; theirs stands meanwhile
        }
        if field.equal(base, mine) || field.equal(mine, theirs) {
            continue; // theirs (already in target) is right
        }
        if field.equal(base, theirs) {
            field.copy(mine, &mut target);
            ours_taken = true;
        } else {
            let mine = Section { name: target.name.clone(), ..mine.clone() };
            conflicts.push(FieldConflict::new(division, field, Vec::new(), &mine, theirs));
        }
    }
    if mine.goals_numbered_from != base.goals_numbered_from && theirs.goals_numbered_from == base.goals_numbered_from {
        target.goals_numbered_from = mine.goals_numbered_from;
        ours_taken = true;
    }
    if ours_taken {
        target.updated = mine.updated.or(target.updated);
        target.updated_by = mine.updated_by.clone().or(target.updated_by.clone());
    }
    target
}

/// The fields a status change on one side covers that the other side changed: a side that
/// submitted or approved the section covers its own text, so another text of a field cannot go
/// in under it without a person deciding. `None` when there is no such field.
fn status_unit(base: &Section, mine: &Section, theirs: &Section) -> Option<Vec<Field>> {
    let sets_lock = |side: &Section| !Field::Status.equal(base, side) && side.status.locks_clerks();
    let against = |locker: &Section, other: &Section| {
        Field::ALL
            .into_iter()
            .filter(|f| *f != Field::Status && !f.equal(base, other) && !f.equal(locker, other))
            .collect::<Vec<_>>()
    };
    let mut with = Vec::new();
    if sets_lock(mine) {
        with.extend(against(mine, theirs));
    }
    if sets_lock(theirs) {
        with.extend(against(theirs, mine));
    }
    with.sort();
    with.dedup();
    (!with.is_empty()).then_some(with)
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
