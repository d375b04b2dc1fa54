//! Saving one document: check the place, lock, notice what others saved meanwhile, merge, write
//! only what changed, load the exact bytes once more, and only then put them in place.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::digest::TextDigest;
use super::files::{Misplaced, check_place, data_home, is_writable};
use super::layout::KnownLayout;
use super::load::{decode, read_data_file};
use super::lock::{LockRefused, lock};
use super::merge::{FieldConflict, merge};
use super::parse::parse_document;
use super::problem::Problem;
use super::verify::{LayoutLoss, RefusedField, both_changed, canonical, spliced, verify};
use super::write::{FaultPlan, Staged, stage};
use crate::i18n::Lang;
use crate::i18n::store::SaveMsg;
use crate::store::Describe;
use hyoka_core::model::{Document, Field, Review, Section, Status};
use hyoka_core::supervision::helper;

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
    /// The digest of the text `base` was read from, exactly: a save that finds that text on disk
    /// takes `base` for it without reading it (a base that is not that text's document would
    /// have a colleague's change taken for one we made).
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
    save_knowing(request, None, faults)
}

/// [`save`], given the layout of the text the file last had (`known`, see [`KnownLayout`]): a
/// save that finds that text on disk does not read its layout again.
pub fn save_knowing(
    request: &SaveRequest<'_>,
    known: Option<&KnownLayout>,
    faults: &dyn FaultPlan,
) -> Result<Outcome, SaveError> {
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
            let digest = TextDigest::of(&text);
            // The text last read or written, which the request's base was read from: not read
            // again (a city's file takes a millisecond to parse).
            let theirs = if digest == base_digest {
                Cow::Borrowed(base)
            } else {
                Cow::Owned(parse_document(&text).map_err(SaveError::DiskUnreadable)?)
            };
            Some((text, theirs, digest))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(SaveError::Io(e)),
    };
    let (mut revived, mut kept) = (Vec::new(), Vec::new());
    let (doc, merged) = match &on_disk {
        // Merged even when the text is what we last read: it costs little, and it is the same
        // path as when someone else saved meanwhile.
        Some((text, theirs, _)) => {
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
    let on_disk_text = on_disk.as_ref().map(|(text, theirs, _)| (text.as_str(), theirs.as_ref()));
    let theirs = on_disk_text.map(|(_, theirs)| theirs);
    // The file's own layout where the splice keeps it, else hyoka's. Either way the exact bytes
    // are loaded once more while they are written beside the file, and put in its place only when
    // they give the document meant.
    let known = on_disk.as_ref().zip(known).and_then(|((_, _, digest), known)| known.of_text(*digest));
    let spliced = spliced(on_disk_text, &doc, known).and_then(|text| {
        match checked_while_staged(path, &text, &doc, theirs, faults) {
            (Ok(()), staged) => Some((text, None, staged)),
            (Err(_), _) => None,
        }
    });
    let (text, layout_lost, staged) = match spliced {
        Some(spliced) => spliced,
        None => {
            let (text, lost) = canonical(on_disk_text, &doc);
            match checked_while_staged(path, &text, &doc, theirs, faults) {
                (Ok(()), staged) => (text, lost, staged),
                (Err(fields), _) => {
                    let (theirs_text, theirs) = on_disk.map(|(text, theirs, _)| (text, theirs.into_owned())).unzip();
                    return Ok(Outcome::Refused(Refused { merged: doc, fields, theirs, theirs_text }));
                }
            }
        }
    };
    staged?.put_in_place()?;
    Ok(Outcome::Saved(Saved { doc, text, merged, revived, kept, layout_lost }))
}

/// `text` loaded as a data file while it is written and synced beside `path` (on a helper thread:
/// each takes about a millisecond in a city's file): whether it gives `doc`, and the new version, not yet in place.
fn checked_while_staged<'f>(
    path: &Path,
    text: &str,
    doc: &Document,
    theirs: Option<&Document>,
    faults: &'f dyn FaultPlan,
) -> (Result<(), Vec<RefusedField>>, std::io::Result<Staged<'f>>) {
    std::thread::scope(|scope| {
        // The disk's wait on the helper; the load here, where the memory it takes is warm.
        let staged = helper(scope, || stage(path, text.as_bytes(), faults));
        let checked = verify(text, doc, theirs);
        (checked, staged.join())
    })
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
#[path = "save_tests.rs"]
mod tests;
