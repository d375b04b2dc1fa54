//! The history of a data file and of one section in it: `git log` read once, old versions read
//! through one `git cat-file --batch` and parsed only as far as the view has asked, then kept.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::catfile::CatFile;
use super::changes::{Change, changes};
use super::error::GitError;
use super::repo::Repo;
use crate::store::parse_document;
use hyoka_core::model::Document;

/// A commit that changed the file, as `git log` tells it (names after `.mailmap`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitInfo {
    pub id: String,
    pub parents: Vec<String>,
    pub author: String,
    pub email: String,
    pub time: Option<DateTime<FixedOffset>>,
    pub subject: String,
}

/// One commit of the history with what it changed in the file. For a merge, only what the merge
/// itself decided — values that differ from every parent (combined by hand), and fields both
/// sides had changed, whichever side it kept — so that a change is listed once, under the commit
/// and the person that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub commit: CommitInfo,
    pub changes: Vec<Change>,
    /// For a merge, everything it brought into the first parent's line (what the other side had
    /// changed); empty for any other commit.
    pub merged: Vec<Change>,
    /// This version or the one before does not parse: what changed cannot be told.
    pub unreadable: bool,
    /// The file did not exist before this commit.
    pub created: bool,
}

/// What a history view shows: a whole file, or one section named by division and section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    File,
    Section { division: String, section: String },
}

/// The file as it was in one commit.
#[derive(Clone, Debug)]
pub(super) enum Version {
    Absent,
    Unreadable,
    Doc(Arc<Document>),
}

impl Version {
    pub(super) fn doc(&self) -> Option<&Document> {
        match self {
            Version::Doc(doc) => Some(doc),
            Version::Absent | Version::Unreadable => None,
        }
    }
}

/// The history of one data file, filled in step by step.
pub struct FileHistory {
    repo: Repo,
    path: PathBuf,
    relative: PathBuf,
    commits: Vec<CommitInfo>,
    entries: Vec<Entry>,
    cat: Option<CatFile>,
    at_commit: HashMap<String, Version>,
    by_blob: HashMap<String, Version>,
}

impl FileHistory {
    /// Reads the list of commits that changed `path` (one `git log`); no version is read yet.
    pub fn open(repo: &Repo, path: &Path) -> Result<FileHistory, GitError> {
        let relative = repo.relative(path)?;
        let mut history = FileHistory {
            repo: repo.clone(),
            path: path.to_path_buf(),
            relative,
            commits: Vec::new(),
            entries: Vec::new(),
            cat: None,
            at_commit: HashMap::new(),
            by_blob: HashMap::new(),
        };
        history.refresh()?;
        Ok(history)
    }

    /// Reads the list of commits again (after a save, a commit or a pull), keeping every version
    /// already parsed: the view fills again at once up to where it was.
    pub fn refresh(&mut self) -> Result<(), GitError> {
        self.entries.clear();
        self.commits = if self.repo.has_commits()? { log(&self.repo, &self.relative)? } else { Vec::new() };
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many commits changed the file (known at once).
    pub fn total(&self) -> usize {
        self.commits.len()
    }

    /// How many of them have been looked into, newest first.
    pub fn examined(&self) -> usize {
        self.entries.len()
    }

    /// How many distinct versions of the file have been parsed: what the view has cost so far.
    pub fn versions_parsed(&self) -> usize {
        self.by_blob.len()
    }

    pub fn is_complete(&self) -> bool {
        self.entries.len() >= self.commits.len()
    }

    /// The commits looked into so far, newest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries so far that belong in `scope`, with their index in [`FileHistory::entries`]. A
    /// section is followed back through its renames, and its entries name it as it is called now;
    /// the commits of another section that had its name before it are not its own. (A version
    /// that does not parse belongs in every view.)
    pub fn entries_for(&self, scope: &Scope) -> impl Iterator<Item = (usize, Cow<'_, Entry>)> + '_ {
        let (now, trail) = match scope {
            Scope::File => (None, Vec::new()),
            Scope::Section { division, section } => {
                (Some((division.clone(), section.clone())), self.trail(division, section))
            }
        };
        self.entries.iter().enumerate().filter_map(move |(i, entry)| {
            let Some((division, section)) = &now else { return Some((i, Cow::Borrowed(entry))) };
            let here = trail.get(i).cloned().flatten();
            let then = here.as_ref().map(|(d, s)| (d.as_str(), s.as_str()));
            let touched = then.is_some() && entry.changes.iter().any(|c| c.section() == then);
            if !(touched || entry.unreadable) {
                return None;
            }
            match then {
                Some(then) if then != (division.as_str(), section.as_str()) => {
                    let changes = entry.changes.iter().map(|c| c.named(then, (division, section))).collect();
                    Some((i, Cow::Owned(Entry { changes, ..entry.clone() })))
                }
                _ => Some((i, Cow::Borrowed(entry))),
            }
        })
    }

    /// Where the section named (division, section) now stood after each examined commit, newest
    /// first: followed back through its renames, and `None` before the commit that added it.
    pub(super) fn trail(&self, division: &str, section: &str) -> Vec<Option<(String, String)>> {
        let mut name = Some((division.to_owned(), section.to_owned()));
        let mut trail = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            trail.push(name.clone());
            let Some((d, s)) = name.clone() else { continue };
            let here = Some((d.as_str(), s.as_str()));
            let mine = || entry.changes.iter().filter(|c| c.section() == here);
            if let Some((from_d, from_s)) = mine().find_map(Change::renamed_from) {
                name = Some((from_d.to_owned(), from_s.to_owned()));
            } else if mine().any(|c| matches!(c, Change::Added { .. })) {
                name = None;
            }
        }
        trail
    }

    /// What the section named (division, section) after the commit of `entry` is called now:
    /// followed forward through the renames of the newer commits; `None` when one removed it.
    pub(super) fn name_now(&self, entry: usize, division: &str, section: &str) -> Option<(String, String)> {
        let mut name = (division.to_owned(), section.to_owned());
        for newer in self.entries.get(..entry)?.iter().rev() {
            let here = Some((name.0.as_str(), name.1.as_str()));
            let renamed = newer.changes.iter().find(|c| c.renamed_from() == here).and_then(Change::section);
            if let Some((d, s)) = renamed {
                name = (d.to_owned(), s.to_owned());
            } else if newer.changes.iter().any(|c| matches!(c, Change::Removed { .. }) && c.section() == here) {
                return None;
            }
        }
        Some(name)
    }

    /// Looks into up to `budget` more commits; returns how many it did (0 when complete). The
    /// worker calls this between other work and sends what it found to the screen.
    pub fn step(&mut self, budget: usize) -> Result<usize, GitError> {
        let start = self.entries.len();
        let end = (start + budget).min(self.commits.len());
        for index in start..end {
            let Some(commit) = self.commits.get(index).cloned() else { break };
            let after = self.version(&commit.id)?;
            let mut befores = Vec::new();
            for parent in &commit.parents {
                befores.push(self.version(parent)?);
            }
            if befores.is_empty() {
                befores.push(Version::Absent);
            }
            let created = befores.iter().all(|b| matches!(b, Version::Absent));
            let unreadable =
                matches!(after, Version::Unreadable) || befores.iter().any(|b| matches!(b, Version::Unreadable));
            let base = match commit.parents.as_slice() {
                [first, second] if !unreadable => self.merge_base(first, second)?,
                _ => None,
            };
            let (changes, merged) =
                if unreadable { (Vec::new(), Vec::new()) } else { merged_changes(&befores, &after, base.as_ref()) };
            self.entries.push(Entry { commit, changes, merged, unreadable, created });
        }
        Ok(end - start)
    }

    /// Steps until `scope` has `wanted` entries or the history is complete: the first screen.
    pub fn fill(&mut self, scope: &Scope, wanted: usize) -> Result<(), GitError> {
        while !self.is_complete() && self.entries_for(scope).count() < wanted {
            self.step(16)?;
        }
        Ok(())
    }

    /// The file as it was after the commit of `entry`, and before it (its first parent).
    pub(super) fn versions(&self, entry: usize) -> Option<(Option<&Document>, Option<&Document>)> {
        let commit = &self.entries.get(entry)?.commit;
        let before = commit.parents.first().and_then(|p| self.at_commit.get(p)).and_then(Version::doc);
        Some((before, self.at_commit.get(&commit.id).and_then(Version::doc)))
    }

    /// The version both parents of a merge started from, when they have one.
    fn merge_base(&mut self, first: &str, second: &str) -> Result<Option<Version>, GitError> {
        let output = self.repo.git().output(self.repo.top(), ["merge-base", first, second])?;
        let id = String::from_utf8_lossy(super::run::first_line(&output.stdout)).trim().to_owned();
        if !output.status.success() || id.is_empty() {
            return Ok(None);
        }
        self.version(&id).map(Some)
    }

    /// The file as it was in a commit already read.
    pub(super) fn version_at(&self, commit: &str) -> Option<&Document> {
        self.at_commit.get(commit).and_then(Version::doc)
    }

    fn version(&mut self, commit: &str) -> Result<Version, GitError> {
        if let Some(version) = self.at_commit.get(commit) {
            return Ok(version.clone());
        }
        if self.cat.is_none() {
            self.cat = Some(CatFile::start(&self.repo)?);
        }
        let mut name = format!("{commit}:").into_bytes();
        name.extend_from_slice(self.relative.as_os_str().as_bytes());
        let read = match self.cat.as_mut() {
            Some(cat) => cat.read(&name)?,
            None => None,
        };
        let version = match read {
            None => Version::Absent,
            Some((blob, bytes)) => match self.by_blob.get(&blob) {
                Some(known) => known.clone(),
                None => {
                    let parsed = std::str::from_utf8(&bytes).ok().and_then(|text| parse_document(text).ok());
                    let version = parsed.map_or(Version::Unreadable, |doc| Version::Doc(Arc::new(doc)));
                    self.by_blob.insert(blob, version.clone());
                    version
                }
            },
        };
        self.at_commit.insert(commit.to_owned(), version.clone());
        Ok(version)
    }
}

/// What a commit changed: against its parent; for a merge, what it decided (what differs from
/// every parent, and every field both sides had changed since `base`, whichever it kept), and
/// what it brought into the first parent's line.
fn merged_changes(befores: &[Version], after: &Version, base: Option<&Version>) -> (Vec<Change>, Vec<Change>) {
    let per_parent: Vec<Vec<Change>> = befores.iter().map(|before| changes(before.doc(), after.doc())).collect();
    let Some((first, others)) = per_parent.split_first() else { return (Vec::new(), Vec::new()) };
    let mut decided: Vec<Change> = first.iter().filter(|c| others.iter().all(|o| o.contains(c))).cloned().collect();
    if let (Some(base), [ours, theirs]) = (base, befores) {
        let (by_us, by_them) = (changes(base.doc(), ours.doc()), changes(base.doc(), theirs.doc()));
        for change in per_parent.iter().flatten() {
            let both = matches!(change, Change::Field { .. }) && by_us.contains(change) && by_them.contains(change);
            if both && !decided.contains(change) {
                decided.push(change.clone());
            }
        }
    }
    let merged = if others.is_empty() { Vec::new() } else { first.clone() };
    (decided, merged)
}

/// The commits that changed the file, newest first, from one `git log`.
fn log(repo: &Repo, relative: &Path) -> Result<Vec<CommitInfo>, GitError> {
    let format = "--format=%H%x1f%P%x1f%aN%x1f%aE%x1f%aI%x1f%s";
    // Children before parents whatever the clocks said (commits of one minute, two offices); every
    // side of every merge, even where the merge kept one side's file as it was (git's default
    // leaves out the other side and the merge itself: a conflict decided with "theirs" vanished).
    let args = ["log", "--date-order", "--full-history", "--no-show-signature", "-z", format].map(OsStr::new);
    let out = repo.run(args.into_iter().chain([OsStr::new("HEAD"), OsStr::new("--"), relative.as_os_str()]))?;
    Ok(out.split(|b| *b == 0).filter(|r| !r.is_empty()).filter_map(parse_commit).collect())
}

fn parse_commit(record: &[u8]) -> Option<CommitInfo> {
    let text = String::from_utf8_lossy(record);
    let mut fields = text.trim_start_matches('\n').splitn(6, '\x1f');
    let id = fields.next()?.to_owned();
    let parents = fields.next()?.split_whitespace().map(str::to_owned).collect();
    let author = fields.next()?.to_owned();
    let email = fields.next()?.to_owned();
    let time = DateTime::parse_from_rfc3339(fields.next()?).ok();
    let subject = fields.next().unwrap_or_default().to_owned();
    Some(CommitInfo { id, parents, author, email, time, subject })
}
