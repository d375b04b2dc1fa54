//! A save loads each text once, and writes nothing that does not load as the document meant.

use super::*;
use crate::store::counted::{self, Read};
use crate::store::write::RealDisk;

/// The sample on disk in a folder of its own (marked with `mark` in a comment, for the
/// loads to be counted), its document, and that document with one section's reflection
/// changed.
fn sample(mark: &'static str) -> (tempfile::TempDir, PathBuf, String, Document, Document) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("2008.yaml");
    let text = format!("# {mark}\n{}", include_str!("../../../../data/kamigyo/2008.yaml"));
    counted::watch(mark);
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    let base = parse_document(&text).unwrap_or_else(|p| panic!("{p:?}"));
    let mut mine = base.clone();
    mine.divisions[0].sections[0].reflection.push_str("（追記）");
    (dir, path, text, base, mine)
}

/// A clerk's save of `mine` over `base`, which the screen read from `text`, in the folder `root`.
fn clerks_save<'a>(
    root: &'a Path,
    path: &'a Path,
    text: &str,
    (base, mine): (&'a Document, &'a Document),
) -> SaveRequest<'a> {
    SaveRequest { path, root, base_digest: TextDigest::of(text), base, mine, reviewer: false }
}

/// What `work` gave, and how many texts holding `mark` it loaded as documents and read for their
/// layout.
fn reads_in(mark: &str, work: impl FnOnce() -> Outcome) -> (Outcome, usize, usize) {
    let before = (counted::times(Read::Document, mark), counted::times(Read::Layout, mark));
    let outcome = work();
    (outcome, counted::times(Read::Document, mark) - before.0, counted::times(Read::Layout, mark) - before.1)
}

#[test]
fn a_save_that_finds_the_text_it_read_loads_only_what_it_writes() {
    let (dir, path, text, base, mine) = sample("保存1");
    let request = clerks_save(dir.path(), &path, &text, (&base, &mine));
    let (outcome, parses, _) = reads_in("保存1", || save(&request, &RealDisk).unwrap_or_else(|e| panic!("{e}")));
    assert!(matches!(outcome, Outcome::Saved(Saved { merged: false, .. })), "{outcome:?}");
    assert_eq!(parses, 1, "the spliced text only: the file on disk is the text the base was read from");
    let written = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parse_document(&written).as_ref(), Ok(&mine));
}

#[test]
fn a_save_that_finds_another_text_loads_it_and_takes_in_what_it_changed() {
    let (dir, path, text, base, mine) = sample("保存2");
    let mut theirs = base.clone();
    theirs.divisions[1].sections[0].progress.push_str("（他の人）");
    std::fs::write(&path, format!("# 保存2\n{}", crate::store::emit_document(&theirs)))
        .unwrap_or_else(|e| panic!("{e}"));
    let request = clerks_save(dir.path(), &path, &text, (&base, &mine));
    let (outcome, parses, _) = reads_in("保存2", || save(&request, &RealDisk).unwrap_or_else(|e| panic!("{e}")));
    assert!(matches!(outcome, Outcome::Saved(Saved { merged: true, .. })), "{outcome:?}");
    assert_eq!(parses, 2, "the file on disk, then the spliced text");
    let written = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut both = theirs;
    both.divisions[0].sections[0].reflection.push_str("（追記）");
    assert_eq!(parse_document(&written).as_ref(), Ok(&both));
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{e}"));
    let mut names: Vec<String> = entries
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    names.sort();
    names
}

#[test]
fn a_text_that_does_not_give_the_document_is_written_beside_the_file_and_taken_away_again() {
    let (dir, path, text, base, mine) = sample("保存3");
    let (checked, staged) = checked_while_staged(&path, &text, &mine, Some(&base), &RealDisk);
    let refused = checked.err().unwrap_or_else(|| panic!("the old text does not give the new document"));
    assert_eq!(refused.first().map(|f| f.section.as_deref()), Some(Some("総務課")), "{refused:?}");
    assert!(staged.is_ok());
    assert_eq!(names_in(dir.path()).len(), 2, "the new version waits beside the file: {:?}", names_in(dir.path()));
    drop(staged);
    assert_eq!(names_in(dir.path()), ["2008.yaml"]);
    assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some(text.as_str()), "the file as it was");
}

#[test]
fn a_save_refused_when_it_would_not_load_leaves_the_file_and_nothing_beside_it() {
    let (dir, path, text, base, mut mine) = sample("保存4");
    mine.divisions[0].sections[0].rating = Some("×".into());
    // Someone took × off the scale meanwhile, and every rating × with it.
    let mut theirs = base.clone();
    if let Some(scale) = theirs.scale.as_mut() {
        scale.retain(|grade| grade.mark != "×");
    }
    for section in theirs.divisions.iter_mut().flat_map(|d| d.sections.iter_mut()) {
        if section.rating.as_deref() == Some("×") {
            section.rating = None;
        }
        section.goal_ratings.iter_mut().filter(|r| r.as_deref() == Some("×")).for_each(|r| *r = None);
    }
    let theirs_text = crate::store::emit_document(&theirs);
    std::fs::write(&path, &theirs_text).unwrap_or_else(|e| panic!("{e}"));
    let request = clerks_save(dir.path(), &path, &text, (&base, &mine));
    let outcome = save(&request, &RealDisk).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&outcome, Outcome::Refused(r) if r.fields.iter().any(|f| f.field == Some(Field::Rating))),
        "{outcome:?}"
    );
    assert_eq!(names_in(dir.path()), ["2008.yaml"], "no new version left beside it, no lock");
    assert_eq!(std::fs::read_to_string(&path).ok(), Some(theirs_text));
}

#[test]
fn a_save_given_the_layout_of_the_text_on_disk_reads_no_layout_and_one_of_another_text_is_not_taken() {
    let (dir, path, text, base, mine) = sample("保存5");
    let request = clerks_save(dir.path(), &path, &text, (&base, &mine));
    let known = KnownLayout::of(&text);
    let saved =
        |known: Option<&KnownLayout>| save_knowing(&request, known, &RealDisk).unwrap_or_else(|e| panic!("{e}"));
    let (outcome, parses, layouts) = reads_in("保存5", || saved(known.as_ref()));
    assert!(matches!(outcome, Outcome::Saved(Saved { layout_lost: None, .. })), "{outcome:?}");
    assert_eq!((parses, layouts), (1, 0), "the spliced text loaded once, no layout read");
    let written = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        written,
        text.replace(&base.divisions[0].sections[0].reflection, &mine.divisions[0].sections[0].reflection)
    );

    // The file now holds another text: the layout of the old one is not taken for it.
    let request = SaveRequest { base_digest: TextDigest::of(&written), base: &mine, mine: &base, ..request };
    let saved =
        |known: Option<&KnownLayout>| save_knowing(&request, known, &RealDisk).unwrap_or_else(|e| panic!("{e}"));
    let (outcome, _, layouts) = reads_in("保存5", || saved(known.as_ref()));
    assert!(matches!(outcome, Outcome::Saved(_)), "{outcome:?}");
    assert_eq!(layouts, 1, "the layout of the text on disk is read");
    assert_eq!(std::fs::read_to_string(&path).ok(), Some(text), "the splice is right: back to the first text");
}
