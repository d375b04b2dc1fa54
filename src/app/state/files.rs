//! One data file as hyoka holds it: the document on screen, the version last read or written, and
//! which sections differ — kept up to date on every change, never recomputed per frame.

use std::collections::BTreeSet;
use std::path::PathBuf;

use hyoka_core::model::{Document, Field, HeadField, Section};
use hyoka_data::store::{FileHead, LoadError, TextDigest};

/// What tells a file changed on disk without reading it: modification time, length and inode
/// (an atomic save or a `git checkout` makes a new one, even when time and length look the same).
pub type DiskStamp = (std::time::SystemTime, u64, u64);

/// A question for the next save, about work taken in from disk: a field someone else saved
/// differently while we had it changed, or (`field: None`) a section we changed that someone else
/// removed or renamed. Stays until answered, even when a save is cancelled.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pending {
    pub division: String,
    pub section: String,
    pub field: Option<Field>,
    /// The fields that go with it (a status and the text one side submitted or approved).
    pub with: Vec<Field>,
}

impl Pending {
    /// The question a conflict leaves for the next save.
    pub fn of(conflict: &hyoka_data::store::FieldConflict) -> Pending {
        Pending {
            division: conflict.division.clone(),
            section: conflict.section.clone(),
            field: Some(conflict.field),
            with: conflict.with.clone(),
        }
    }

    /// A section of ours gone on their side.
    pub fn gone(division: &str, section: &str) -> Pending {
        Pending { division: division.to_owned(), section: section.to_owned(), field: None, with: Vec::new() }
    }
}

/// A return comment not sent yet, for the section named (division, section) of its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub division: String,
    pub section: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct FileEntry {
    pub path: PathBuf,
    /// The folder (or file) it was found under when hyoka started: saves stay inside it.
    pub root: PathBuf,
    /// The absolute path with links resolved, as found at start: what the journal is kept under,
    /// so that the work is found again however hyoka was started and even if the file went away.
    pub canonical: PathBuf,
    pub state: FileState,
    /// The file has no write permission: shown, never edited or written.
    pub read_only: bool,
    /// The stamp when last read or written, to notice changes on disk cheaply.
    pub disk_stamp: Option<DiskStamp>,
    /// The file was deleted or became unreadable while open; the edits are still here.
    pub gone: bool,
    pub pending: Vec<Pending>,
    /// Return comments written and not sent (see `state/drafts.rs`).
    pub drafts: Vec<Draft>,
    /// Fields a `git merge` could not merge (both branches changed them), recorded by hyoka's merge
    /// driver: asked like `pending`, and once answered and saved, git is told the file is resolved.
    pub merge: Vec<hyoka_data::store::FieldConflict>,
    /// Set when the merge's questions are answered: the next save tells git.
    pub resolve_merge: bool,
    /// What changed on disk while this file was being edited: taken in when the edit ends, so
    /// that the text being typed is merged too.
    pub incoming: Option<(Document, String)>,
    /// A save of this file is under way (in the worker).
    pub saving: bool,
}

#[derive(Clone, Debug)]
pub enum FileState {
    Loaded(Box<Loaded>),
    /// Shown with its errors; never written.
    Broken(LoadError),
    /// Found, and named by what its first lines say; being read in the background.
    Unread(FileHead),
}

/// A readable file: what is on screen and what is on disk, with the differences tracked.
#[derive(Clone, Debug)]
pub struct Loaded {
    doc: Document,
    /// The content last read or written: unsaved edits are what differs from it. `None` while it
    /// is `doc` itself: a file nobody has changed holds one document, not two (a city's worth of
    /// files is read far more than it is edited).
    saved: Option<Box<Document>>,
    /// The text of `saved`, as a fingerprint: to notice when someone else saved meanwhile.
    disk: TextDigest,
    /// (division, section) positions of `doc` whose content differs from `saved`.
    dirty: BTreeSet<(usize, usize)>,
    /// Changes with every change of `doc`, unique across files: what the search index and the
    /// reviewer's views compare to know a file must be looked at again.
    version: u64,
    flaws: super::flaws::Flaws,
}

/// A new number for [`Loaded::version`], never handed out twice in this process.
fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Loaded {
    /// The last version handed out to any document: it moves whenever one changes.
    pub fn latest_version() -> u64 {
        NEXT_VERSION.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn new(doc: Document, saved: Document, disk_text: &str) -> Self {
        let mut loaded = Loaded::clean(doc, disk_text);
        loaded.saved = (loaded.doc != saved).then(|| Box::new(saved));
        loaded.refresh();
        loaded
    }

    /// A file as read: nothing unsaved.
    pub fn clean(doc: Document, disk_text: &str) -> Self {
        let (disk, dirty, version, flaws) =
            (TextDigest::of(disk_text), BTreeSet::new(), next_version(), Default::default());
        Loaded { doc, saved: None, disk, dirty, version, flaws }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn saved(&self) -> &Document {
        self.saved.as_deref().unwrap_or(&self.doc)
    }

    /// The document was changed since it was last read or written (perhaps back to what it
    /// was): only then can it hold unsaved work.
    pub fn changed_since_read(&self) -> bool {
        self.saved.is_some()
    }

    /// The fingerprint of the text last read or written, of which [`Loaded::saved`] is the
    /// document, always: a save takes one for the other (see `store::SaveRequest::base_digest`).
    pub fn disk_digest(&self) -> TextDigest {
        self.disk
    }

    /// Before the first change of `doc`, the saved copy becomes a copy of its own.
    fn keep_saved(&mut self) {
        if self.saved.is_none() {
            self.saved = Some(Box::new(self.doc.clone()));
        }
    }

    /// See the field: different after any change of the document on screen.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// A version of its own from now: for a document made on another thread (a reader) and
    /// taken in later, whose version may be older than what the state last compared with.
    pub(in crate::app) fn renew_version(&mut self) {
        self.version = next_version();
    }

    /// Changes the document in any way (sections may come and go); the differences are recounted.
    pub fn edit<T>(&mut self, change: impl FnOnce(&mut Document) -> T) -> T {
        self.keep_saved();
        let out = change(&mut self.doc);
        self.version = next_version();
        self.flaws.forget();
        self.refresh();
        out
    }

    /// Changes one section in place; only its own state is looked at again.
    pub fn edit_section<T>(
        &mut self,
        division: usize,
        section: usize,
        change: impl FnOnce(&mut Section) -> T,
    ) -> Option<T> {
        self.doc.section(division, section)?;
        self.keep_saved();
        let out = change(self.doc.section_mut(division, section)?);
        self.version = next_version();
        self.flaws.forget_one(division, section);
        self.refresh_one(division, section);
        Some(out)
    }

    /// New content on screen and on disk at once (after a save, a merge, a restore).
    pub fn replace(&mut self, doc: Document, saved: Document, disk_text: &str) {
        let known = std::mem::take(&mut self.flaws).carried_over(&self.doc, &doc);
        *self = Loaded::new(doc, saved, disk_text);
        self.flaws = known;
    }

    /// Throws the unsaved edits away: the screen shows what is on disk.
    pub fn revert(&mut self) {
        if let Some(saved) = self.saved.take() {
            self.doc = *saved;
        }
        self.version = next_version();
        self.flaws.forget();
        self.dirty.clear();
    }

    /// The section as it is on disk, when `section` (to stand at `division`) says the same:
    /// with the stamps the last save wrote.
    pub fn saved_twin(&self, division: usize, section: &Section) -> Option<&Section> {
        let name = &self.doc.divisions.get(division)?.name;
        self.saved().find_section(name, &section.name).filter(|saved| saved.same_content(section))
    }

    pub fn is_dirty(&self, division: usize, section: usize) -> bool {
        self.dirty.contains(&(division, section))
    }

    /// Whether the published table can carry the section as the document holds it.
    pub fn publishable(&self, division: usize, section: usize) -> bool {
        self.flaws.publishable(&self.doc, division, section)
    }

    /// Finds (once) whether the table can carry the section, for the frames that draw it.
    pub(in crate::app) fn learn_publishable(&mut self, division: usize, section: usize) {
        self.flaws.learn(&self.doc, division, section);
    }

    pub fn dirty_count(&self) -> usize {
        self.dirty.len()
    }

    /// The file's own values (its stage, say) differ from what is on disk.
    pub fn head_dirty(&self) -> bool {
        self.saved.as_deref().is_some_and(|saved| !HeadField::ALL.iter().all(|h| h.equal(&self.doc, saved)))
    }

    pub fn dirty(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.dirty.iter().copied()
    }

    fn refresh(&mut self) {
        self.dirty.clear();
        let Some(saved) = self.saved.as_deref() else { return };
        for (d, division) in self.doc.divisions.iter().enumerate() {
            for s in 0..division.sections.len() {
                if differs(&self.doc, saved, d, s) {
                    self.dirty.insert((d, s));
                }
            }
        }
    }

    fn refresh_one(&mut self, division: usize, section: usize) {
        if differs(&self.doc, self.saved(), division, section) {
            self.dirty.insert((division, section));
        } else {
            self.dirty.remove(&(division, section));
        }
    }
}

/// Whether the section at a position has content the saved version lacks. The saved section is
/// the one at the same place when its names match (the usual case), else found by name.
fn differs(doc: &Document, saved: &Document, division: usize, section: usize) -> bool {
    let Some(division_now) = doc.divisions.get(division) else { return false };
    let Some(now) = division_now.sections.get(section) else { return false };
    let same_place = saved
        .divisions
        .get(division)
        .filter(|d| d.name == division_now.name)
        .and_then(|d| d.sections.get(section))
        .filter(|s| s.name == now.name);
    match same_place.or_else(|| saved.find_section(&division_now.name, &now.name)) {
        Some(before) => !now.same_content(before),
        None => true,
    }
}

impl FileEntry {
    /// A file read as `text` that gave `doc`. Its canonical path is the path as given until the
    /// one who read it says otherwise ([`FileEntry::at_canonical`]): the state does no I/O.
    pub fn loaded(path: impl Into<PathBuf>, doc: Document, text: impl AsRef<str>) -> Self {
        FileEntry::at(path.into(), FileState::Loaded(Box::new(Loaded::clean(doc, text.as_ref()))))
    }

    /// A file that does not read: shown with its problems, never written.
    pub fn broken(error: LoadError) -> Self {
        FileEntry { read_only: true, ..FileEntry::at(error.path.clone(), FileState::Broken(error)) }
    }

    /// A file found but not read yet: the tree names it by its head (see [`FileEntry::title`]).
    pub fn unread(path: impl Into<PathBuf>, head: FileHead) -> Self {
        FileEntry::at(path.into(), FileState::Unread(head))
    }

    pub fn is_unread(&self) -> bool {
        matches!(self.state, FileState::Unread(_))
    }

    /// What the tree calls the file: its organisation and fiscal year ("上京区役所 平成20年度"),
    /// from the document or, before it is read, from its head; else its path inside the folder.
    pub fn title(&self) -> String {
        match &self.state {
            FileState::Loaded(loaded) => loaded.doc().title(),
            FileState::Unread(FileHead { organization: Some(organization), fiscal_year: Some(year) }) => {
                format!("{organization} {}", hyoka_core::model::fiscal_year_label(*year))
            }
            FileState::Unread(_) | FileState::Broken(_) => {
                let inside = self.path.strip_prefix(&self.root).ok().filter(|p| !p.as_os_str().is_empty());
                inside.unwrap_or(&self.path).display().to_string()
            }
        }
    }

    fn at(path: PathBuf, state: FileState) -> Self {
        FileEntry {
            canonical: path.clone(),
            root: path.clone(),
            path,
            state,
            read_only: false,
            disk_stamp: None,
            gone: false,
            pending: Vec::new(),
            drafts: Vec::new(),
            merge: Vec::new(),
            resolve_merge: false,
            incoming: None,
            saving: false,
        }
    }

    /// The file as found where links lead (found by whoever read it, off the screen's thread).
    #[must_use]
    pub fn at_canonical(self, canonical: PathBuf) -> Self {
        FileEntry { canonical, ..self }
    }

    pub fn loaded_state(&self) -> Option<&Loaded> {
        match &self.state {
            FileState::Loaded(loaded) => Some(loaded),
            FileState::Broken(_) | FileState::Unread(_) => None,
        }
    }

    pub fn loaded_mut(&mut self) -> Option<&mut Loaded> {
        match &mut self.state {
            FileState::Loaded(loaded) => Some(loaded),
            FileState::Broken(_) | FileState::Unread(_) => None,
        }
    }

    pub fn doc(&self) -> Option<&Document> {
        self.loaded_state().map(Loaded::doc)
    }

    pub fn dirty_count(&self) -> usize {
        self.loaded_state().map_or(0, Loaded::dirty_count)
    }
}

#[cfg(test)]
#[path = "files_tests.rs"]
mod tests;
