//! Saving one document: check the place, lock, notice what others saved meanwhile, merge, write
//! only what changed, load the exact bytes once more, and only then put them in place.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::digest::TextDigest;
use super::files::write_atomically_with;
use super::files::{FaultPlan, Misplaced, check_place, data_home, is_writable};
use super::load::{decode, read_data_file};
use super::lock::{LockRefused, lock};
use super::merge::{FieldConflict, merge};
use super::parse::parse_document;
use super::problem::Problem;
use super::verify::{LayoutLoss, RefusedField, both_changed, rewrite_checked, verify};
use crate::i18n::Lang;
use crate::i18n::store::SaveMsg;
use crate::store::Describe;
use hyoka_core::model::{Document, Field, Review, Section, Status};

/// How long a save waits for another hyoka that is saving the same file.
const LOCK_PATIENCE: Duration = Duration::from_secs(5);

/// What the file holds after a successful save.
#[derive(Debug)]
pub struct Saved {
    pub doc: Document,
    pub text: String,
    /// Someone else had saved in between and their work was taken in.
    pub merged: bool,
    /// Sections they removed that we had changed: kept (see `merge`).
    pub revived: Vec<String>,
    /// Sections we removed that they had changed meanwhile: kept, with their changes.
    pub kept: Vec<String>,
    /// Why the file's own layout (comments, blank lines, quoting chosen by hand) could not be kept
    /// and the file was written in hyoka's layout; `None` when it was kept. The screen says it.
    pub layout_lost: Option<LayoutLoss>,
}

/// Someone else saved the same fields differently: nothing was written.
#[derive(Debug)]
pub struct Conflicted {
    /// Our work merged into theirs; the conflicting fields still hold their values.
    pub merged: Document,
    pub conflicts: Vec<FieldConflict>,
    pub theirs: Document,
    pub theirs_text: String,
}

/// The document to be written (ours, merged with what was saved meanwhile) would not load back
/// as itself — a rating whose mark someone removed from `scale:`, say. Nothing was written; each
/// field is named, to be decided like a conflict.
#[derive(Debug)]
pub struct Refused {
    pub merged: Document,
    pub fields: Vec<RefusedField>,
    /// The file on disk, when there is one.
    pub theirs: Option<Document>,
    pub theirs_text: Option<String>,
}

/// Sections that were submitted or approved on disk when the save looked (under the lock), which
/// the save would have changed for a clerk: nothing was written. What a reviewer has is what stays.
#[derive(Debug)]
pub struct Locked {
    /// Division, section and the status on disk.
    pub sections: Vec<(String, String, Status)>,
    pub theirs: Document,
    pub theirs_text: String,
}

/// How a save went, when it could be carried out at all.
#[derive(Debug)]
pub enum Outcome {
    Saved(Saved),
    Conflicted(Conflicted),
    Refused(Refused),
    Locked(Locked),
}

/// One save: the file, the data root it was found under (the folder or file hyoka was given,
/// whose rules are checked again), and the document as last read (`base_digest` of its text, `base`)
/// and now.
#[derive(Clone, Copy, Debug)]
pub struct SaveRequest<'a> {
    pub path: &'a Path,
    pub root: &'a Path,
    pub base_digest: TextDigest,
    pub base: &'a Document,
    pub mine: &'a Document,
    /// The one saving reviews: they may change sections that are submitted or approved.
    pub reviewer: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The lock was not had: another save held it for longer than we waited, or its file is
    /// unusable (named, with its owner and what to do).
    #[error("the lock {} was not had", .0.lock_file().display())]
    Busy(Box<LockRefused>),
    /// The file was made read-only after it was opened: a rename would replace it anyway, so we
    /// refuse, as an editor that respects the office's permissions must.
    #[error("the file has been made read-only")]
    ReadOnly,
    /// The file on disk no longer loads: we do not write over someone's half-done edit.
    #[error("the file on disk does not load")]
    DiskUnreadable(Vec<Problem>),
    /// The data file was replaced by something that is not a plain file ("fifo", "folder", …).
    #[error("the data file is no plain file any more ({0})")]
    NotAFile(&'static str),
    /// The data file (or its folder) now leads out of the data folder, to this place.
    #[error("the data file now leads out of the data folder, to {}", .0.display())]
    LinkOutside(PathBuf),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The save stopped half-way on an error of hyoka's own (a worker that failed): the file is
    /// as it was, the work is on screen and in the journal.
    #[error("the save was interrupted: {0}")]
    Interrupted(String),
}

impl SaveError {
    pub fn describe(&self, path: &Path, lang: Lang) -> String {
        let message = match self {
            SaveError::Busy(refused) => return crate::i18n::office::lock_refused(refused, path, lang),
            SaveError::ReadOnly => SaveMsg::ReadOnly,
            SaveError::DiskUnreadable(problems) => {
                SaveMsg::DiskUnreadable { why: problems.first().map(|p| p.kind.describe(lang)).unwrap_or_default() }
            }
            SaveError::NotAFile(what) => SaveMsg::NotAFile { what },
            SaveError::LinkOutside(target) => return SaveMsg::LinkOutside { target }.text(path, lang),
            SaveError::Io(e) => SaveMsg::Io { why: e.to_string() },
            SaveError::Interrupted(why) => SaveMsg::Interrupted { why: why.clone() },
        };
        message.text(path, lang)
    }
}

impl From<Misplaced> for SaveError {
    fn from(misplaced: Misplaced) -> Self {
        match misplaced {
            Misplaced::Outside(target) => SaveError::LinkOutside(target),
            Misplaced::NotAFile(what) => SaveError::NotAFile(what),
            Misplaced::Io(e) => SaveError::Io(e),
        }
    }
}

/// Writes the request's document: checks the place (inside the data root, a plain file),
/// locks, merges with what was saved meanwhile, writes only what changed, loads the exact
/// bytes once more, and only then renames them into place.
pub fn save(request: &SaveRequest<'_>, faults: &dyn FaultPlan) -> Result<Outcome, SaveError> {
    let SaveRequest { path, root, base_digest, base, mine, reviewer } = *request;
    let home = data_home(root)?;
    // Before the lock too, so that a path that now leads somewhere it must not is never waited on.
    check_place(path, &home)?;
    faults.before_lock(path);
    let _lock = lock(path, LOCK_PATIENCE).map_err(|refused| SaveError::Busy(Box::new(refused)))?;
    check_place(path, &home)?;
    if path.exists() && !is_writable(path) {
        return Err(SaveError::ReadOnly);
    }
    let on_disk = match read_data_file(path) {
        Ok(bytes) => {
            let text = decode(bytes).map_err(|p| SaveError::DiskUnreadable(vec![p]))?;
            // The text last read or written, which the request's base was read from: not read
            // again (a city's file takes a millisecond to parse).
            let theirs = if TextDigest::of(&text) == base_digest {
                Cow::Borrowed(base)
            } else {
                Cow::Owned(parse_document(&text).map_err(SaveError::DiskUnreadable)?)
            };
            Some((text, theirs))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(SaveError::Io(e)),
    };
    let (mut revived, mut kept) = (Vec::new(), Vec::new());
    let (doc, merged) = match &on_disk {
        // Merged even when the text is what we last read: it costs little, and it is the same
        // path as when someone else saved meanwhile.
        Some((text, theirs)) => {
            let result = merge(base, mine, theirs);
            // A section of ours they removed (or renamed) is a question for a person too: never
            // written back without one.
            if !result.conflicts.is_empty() || !result.revived.is_empty() {
                return Ok(Outcome::Conflicted(Conflicted {
                    merged: result.doc,
                    conflicts: result.conflicts,
                    theirs: theirs.clone().into_owned(),
                    theirs_text: text.clone(),
                }));
            }
            if !result.head.is_empty() {
                let fields = result.head.into_iter().map(both_changed).collect();
                let (theirs, theirs_text) = (Some(theirs.clone().into_owned()), Some(text.clone()));
                return Ok(Outcome::Refused(Refused { merged: result.doc, fields, theirs, theirs_text }));
            }
            let locked = if reviewer { Vec::new() } else { locked_changes(theirs, &result.doc) };
            if !locked.is_empty() {
                let (theirs, theirs_text) = (theirs.clone().into_owned(), text.clone());
                return Ok(Outcome::Locked(Locked { sections: locked, theirs, theirs_text }));
            }
            (revived, kept) = (result.revived, result.kept);
            (result.doc, matches!(theirs, Cow::Owned(_)))
        }
        None => (mine.clone(), false),
    };
    let on_disk_text = on_disk.as_ref().map(|(text, theirs)| (text.as_str(), theirs.as_ref()));
    let (text, layout_lost, loaded_back) = rewrite_checked(on_disk_text, &doc);
    // Loaded once: a splice is loaded back before it is taken, and then not again here.
    let checked = if loaded_back { Ok(()) } else { verify(&text, &doc, on_disk.as_ref().map(|(_, theirs)| theirs.as_ref())) };
    if let Err(fields) = checked {
        let (theirs_text, theirs) = on_disk.map(|(text, theirs)| (text, theirs.into_owned())).unzip();
        return Ok(Outcome::Refused(Refused { merged: doc, fields, theirs, theirs_text }));
    }
    write_atomically_with(path, text.as_bytes(), faults)?;
    Ok(Outcome::Saved(Saved { doc, text, merged, revived, kept, layout_lost }))
}

/// Sections submitted or approved on disk that `doc` would change for a clerk.
fn locked_changes(on_disk: &Document, doc: &Document) -> Vec<(String, String, Status)> {
    let mut out = Vec::new();
    for division in &on_disk.divisions {
        for was in &division.sections {
            let Some(now) = doc.find_section(&division.name, &was.name) else { continue };
            if !clerk_may_write(was, now) {
                out.push((division.name.clone(), was.name.clone(), was.status));
            }
        }
    }
    out
}

/// Whether a clerk may turn `was` (as on disk) into `now`. A section submitted or approved is
/// not theirs to change: neither its text nor an approval. Taking back one's own submission
/// (submitted to draft) is theirs, and so is taking in an approval given elsewhere (the text a
/// reviewer approved, chosen in a merge's question).
pub fn clerk_may_write(was: &Section, now: &Section) -> bool {
    if !was.status.locks_clerks() {
        return true;
    }
    let approval_coming_in = now.status == Status::Approved
        && now.review.is_some()
        && !Review::same_word(was.review.as_ref(), now.review.as_ref());
    let text_changed = Field::ALL.iter().any(|f| *f != Field::Status && !f.equal(was, now))
        || was.goals_numbered_from != now.goals_numbered_from;
    let approval_undone = was.status == Status::Approved && !Field::Status.equal(was, now);
    approval_coming_in || !(text_changed || approval_undone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::files::RealDisk;
    use crate::store::parse::PARSES;

    /// The sample on disk in a folder of its own, its document, and that document with one
    /// section's reflection changed.
    fn sample() -> (tempfile::TempDir, PathBuf, &'static str, Document, Document) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("2008.yaml");
        let text = include_str!("../../../../data/kamigyo/2008.yaml");
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let base = parse_document(text).unwrap_or_else(|p| panic!("{p:?}"));
        let mut mine = base.clone();
        mine.divisions[0].sections[0].reflection.push_str("（追記）");
        (dir, path, text, base, mine)
    }

    fn parses_in(work: impl FnOnce() -> Outcome) -> (Outcome, usize) {
        let before = PARSES.with(std::cell::Cell::get);
        let outcome = work();
        (outcome, PARSES.with(std::cell::Cell::get) - before)
    }

    #[test]
    fn a_save_that_finds_the_text_it_read_loads_only_what_it_writes() {
        let (dir, path, text, base, mine) = sample();
        let request = SaveRequest {
            path: &path,
            root: dir.path(),
            base_digest: TextDigest::of(text),
            base: &base,
            mine: &mine,
            reviewer: false,
        };
        let (outcome, parses) = parses_in(|| save(&request, &RealDisk).unwrap_or_else(|e| panic!("{e}")));
        assert!(matches!(outcome, Outcome::Saved(Saved { merged: false, .. })), "{outcome:?}");
        assert_eq!(parses, 1, "the spliced text only: the file on disk is the text the base was read from");
        let written = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parse_document(&written).as_ref(), Ok(&mine));
    }

    #[test]
    fn a_save_that_finds_another_text_loads_it_and_takes_in_what_it_changed() {
        let (dir, path, text, base, mine) = sample();
        let mut theirs = base.clone();
        theirs.divisions[1].sections[0].progress.push_str("（他の人）");
        std::fs::write(&path, crate::store::emit_document(&theirs)).unwrap_or_else(|e| panic!("{e}"));
        let request = SaveRequest {
            path: &path,
            root: dir.path(),
            base_digest: TextDigest::of(text),
            base: &base,
            mine: &mine,
            reviewer: false,
        };
        let (outcome, parses) = parses_in(|| save(&request, &RealDisk).unwrap_or_else(|e| panic!("{e}")));
        assert!(matches!(outcome, Outcome::Saved(Saved { merged: true, .. })), "{outcome:?}");
        assert_eq!(parses, 2, "the file on disk, then the spliced text");
        let written = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut both = theirs;
        both.divisions[0].sections[0].reflection.push_str("（追記）");
        assert_eq!(parse_document(&written).as_ref(), Ok(&both));
    }
}
