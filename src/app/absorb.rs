//! Taking what is on disk into a file that has unsaved work, without losing either.

use super::state::{FileEntry, Pending};
use hyoka_core::model::Document;
use hyoka_core::model::Field;
use hyoka_data::store::{matching, merge};

/// What taking in changed: fields of theirs now shown, fields both sides changed (kept as ours on
/// screen; the save will ask which to keep), and sections we changed that they removed or renamed
/// (kept on screen, by name; the save asks too).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Absorbed {
    pub taken: usize,
    pub conflicts: usize,
    /// "区民部 総務課" for each section of ours that is gone on their side.
    pub gone: Vec<String>,
    /// Sections we had removed that they changed meanwhile: back on screen, with their changes.
    pub kept: Vec<String>,
}

/// `theirs` (read as `theirs_text`) becomes the new base. Fields only they changed show their
/// value; fields only we changed stay ours and unsaved; fields both changed stay ours on screen
/// and are remembered in `pending`, so that the next save asks which to keep.
pub fn absorb(entry: &mut FileEntry, theirs: Document, theirs_text: String) -> Absorbed {
    absorb_over(entry, None, theirs, theirs_text)
}

/// [`absorb`] of what our own save wrote: the document it sent (`sent`) is the base, so that what
/// was typed while it ran stays on screen, unsaved, over what was written.
pub fn absorb_saved(entry: &mut FileEntry, sent: &Document, written: Document, text: String) -> Absorbed {
    absorb_over(entry, Some(sent), written, text)
}

fn absorb_over(entry: &mut FileEntry, base: Option<&Document>, theirs: Document, theirs_text: String) -> Absorbed {
    let Some(loaded) = entry.loaded_mut() else { return Absorbed::default() };
    let merged = keeping_ours(base.unwrap_or(loaded.saved()), loaded.doc(), &theirs, &theirs);
    let taken = count_changed_fields(loaded.doc(), &merged.doc);
    loaded.replace(merged.doc, theirs, &theirs_text);
    ask_later(entry, merged.questions);
    Absorbed { taken, conflicts: merged.conflicts, gone: merged.gone, kept: merged.kept }
}

/// Puts work from a journal (made over `base`) into what is on screen now, without replacing it:
/// what the journal changed comes in; a field the screen has changed since `base` (another
/// journal restored before, or work taken in from disk) keeps the journal's value and is asked
/// about at the next save, against what is on disk.
pub fn restore_into(entry: &mut FileEntry, base: &Document, mine: &Document) -> Absorbed {
    let Some(loaded) = entry.loaded_mut() else { return Absorbed::default() };
    let now = loaded.doc().clone();
    let merged = keeping_ours(base, mine, &now, loaded.saved());
    let taken = count_changed_fields(&now, &merged.doc);
    loaded.edit(|doc| *doc = merged.doc);
    ask_later(entry, merged.questions);
    Absorbed { taken, conflicts: merged.conflicts, gone: merged.gone, kept: merged.kept }
}

/// A merge in which ours wins for now: what a person must still decide is a question for the
/// next save.
struct KeptOurs {
    doc: Document,
    questions: Vec<Pending>,
    conflicts: usize,
    /// "区民部 総務課" for each section of ours that is gone on their side.
    gone: Vec<String>,
    /// Sections we had removed that they changed meanwhile.
    kept: Vec<String>,
}

/// `ours` and `theirs` merged over `base`, with ours on screen where both changed a field; sections
/// we changed that `on_disk` no longer has are asked about too.
fn keeping_ours(base: &Document, ours: &Document, theirs: &Document, on_disk: &Document) -> KeptOurs {
    let merged = merge(base, ours, theirs);
    let mut doc = merged.doc;
    let mut questions = Vec::new();
    for conflict in &merged.conflicts {
        if let Some(target) = doc.find_section_mut(&conflict.division, &conflict.section) {
            conflict.keep(&conflict.mine_section, target);
        }
        questions.push(Pending::of(conflict));
    }
    let gone = gone_on_their_side(base, ours, on_disk);
    questions.extend(gone.iter().map(|(division, section)| Pending::gone(division, section)));
    let gone = gone.into_iter().map(|(d, s)| format!("{d} {s}")).collect();
    KeptOurs { doc, questions, conflicts: merged.conflicts.len(), gone, kept: merged.kept }
}

/// The questions for the next save, each asked once.
fn ask_later(entry: &mut FileEntry, questions: Vec<Pending>) {
    for question in questions {
        if !entry.pending.contains(&question) {
            entry.pending.push(question);
        }
    }
}

/// Sections we changed that they removed, or that the merge cannot follow to a new name (see
/// `store::matching`): the merge keeps ours, and a person says whether to keep it as a section of
/// its own.
fn gone_on_their_side(base: &Document, mine: &Document, theirs: &Document) -> Vec<(String, String)> {
    let found = matching(base, theirs);
    let mut out = Vec::new();
    for (i, division) in base.divisions.iter().enumerate() {
        for (k, was) in division.sections.iter().enumerate() {
            let ours = mine.find_section(&division.name, &was.name);
            if found.section(i, k).is_none() && ours.is_some_and(|now| !was.same_content(now)) {
                out.push((division.name.clone(), was.name.clone()));
            }
        }
    }
    out
}

fn count_changed_fields(before: &Document, after: &Document) -> usize {
    let mut count = 0;
    for division in &after.divisions {
        for s in &division.sections {
            match before.find_section(&division.name, &s.name) {
                Some(old) => count += Field::ALL.iter().filter(|f| f.text(old) != f.text(s)).count(),
                None => count += 1,
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_data::store::parse_document;

    fn sample() -> Document {
        parse_document(include_str!("../../data/kamigyo/2008.yaml")).unwrap_or_else(|p| panic!("{p:?}"))
    }

    #[test]
    fn their_fields_come_in_ours_stay_and_a_double_change_waits_for_the_save() {
        let base = sample();
        let mut entry = FileEntry::loaded("x.yaml", base.clone(), "old text");
        if let Some(loaded) = entry.loaded_mut() {
            loaded.edit(|doc| {
                doc.divisions[0].sections[0].progress = "mine".into();
                doc.divisions[0].sections[1].reflection = "mine too".into();
            });
        }
        let mut theirs = base.clone();
        theirs.divisions[0].sections[0].reflection = "theirs".into();
        theirs.divisions[0].sections[1].reflection = "theirs too".into();
        let absorbed = absorb(&mut entry, theirs.clone(), "new text".into());
        assert_eq!(absorbed, Absorbed { taken: 1, conflicts: 1, gone: Vec::new(), kept: Vec::new() });
        let Some(loaded) = entry.loaded_state() else { panic!("the file stays loaded") };
        let (doc, saved, disk) = (loaded.doc(), loaded.saved(), loaded.disk_digest());
        assert_eq!(doc.divisions[0].sections[0].progress, "mine");
        assert_eq!(doc.divisions[0].sections[0].reflection, "theirs");
        assert_eq!(doc.divisions[0].sections[1].reflection, "mine too", "ours stays on screen");
        assert_eq!(saved, &theirs, "their file is the new base");
        assert_eq!(disk, hyoka_data::store::TextDigest::of("new text"));
        let question = Pending {
            division: "区民部".into(),
            section: "まちづくり推進課".into(),
            field: Some(Field::Reflection),
            with: Vec::new(),
        };
        assert_eq!(entry.pending, [question]);
    }

    #[test]
    fn a_section_they_removed_while_we_changed_it_is_kept_and_asked_about_by_name() {
        let base = sample();
        let mut entry = FileEntry::loaded("x.yaml", base.clone(), "old text");
        if let Some(loaded) = entry.loaded_mut() {
            loaded.edit(|doc| doc.divisions[0].sections[0].progress.push_str("（追記）"));
        }
        let mut theirs = base.clone();
        theirs.divisions[0].sections.remove(0);
        let absorbed = absorb(&mut entry, theirs, "removed".into());
        assert_eq!(absorbed.gone, ["区民部 総務課"]);
        let names: Vec<String> =
            entry.doc().map(|d| d.divisions[0].sections.iter().map(|s| s.name.clone()).collect()).unwrap_or_default();
        assert_eq!(names.first().map(String::as_str), Some("総務課"), "kept in its place: {names:?}");
        assert_eq!(entry.pending, [Pending::gone("区民部", "総務課")]);
    }

    #[test]
    fn a_section_they_renamed_while_we_changed_it_takes_our_change_under_its_new_name() {
        let base = sample();
        let mut entry = FileEntry::loaded("x.yaml", base.clone(), "old text");
        if let Some(loaded) = entry.loaded_mut() {
            loaded.edit(|doc| doc.divisions[0].sections[0].progress.push_str("（追記）"));
        }
        let mut theirs = base.clone();
        theirs.divisions[0].sections[0].name = "総務・広報課".into();
        theirs.divisions[0].name = "市民部".into();
        let absorbed = absorb(&mut entry, theirs, "renamed".into());
        assert!(absorbed.gone.is_empty() && entry.pending.is_empty(), "{absorbed:?}");
        let doc = entry.doc().cloned().unwrap_or_else(|| panic!("loaded"));
        let somu = &doc.divisions[0].sections[0];
        assert_eq!((doc.divisions[0].name.as_str(), somu.name.as_str()), ("市民部", "総務・広報課"));
        assert!(somu.progress.ends_with("（追記）"));
    }

    #[test]
    fn a_section_we_removed_that_they_changed_comes_back_and_is_named() {
        let base = sample();
        let mut entry = FileEntry::loaded("x.yaml", base.clone(), "old text");
        if let Some(loaded) = entry.loaded_mut() {
            loaded.edit(|doc| drop(doc.divisions[0].sections.remove(1)));
        }
        let mut theirs = base.clone();
        theirs.divisions[0].sections[1].reflection.push_str("（相手の追記）");
        let absorbed = absorb(&mut entry, theirs, "changed".into());
        assert_eq!(absorbed.kept, ["区民部 まちづくり推進課"]);
        let back = entry.doc().and_then(|d| d.section(0, 1).cloned()).unwrap_or_default();
        assert!(back.reflection.ends_with("（相手の追記）"), "back in its place with their change");
    }
}
