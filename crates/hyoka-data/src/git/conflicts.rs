//! Conflicts the merge driver left for hyoka: recorded under the git directory (never in the work
//! tree, where they would show up as untracked data), read when hyoka opens the file, and cleared,
//! with the file staged for git, once they are decided.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};

use super::driver::{MergeResult, merge_texts};
use super::error::GitError;
use super::repo::{Operation, Repo};
use crate::store::{FieldConflict, load_file, parse_document};
use hyoka_core::model::Document;

/// The three versions of a file the driver merged, and what it left in the work tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeRecord {
    /// The file, relative to the top of the work tree.
    pub relative: PathBuf,
    pub base: String,
    /// This work tree's side (the branch checked out, or during a rebase the commit replayed).
    pub mine: String,
    pub theirs: String,
    pub written: String,
}

/// A file whose merge waits for hyoka's conflict dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingMerge {
    pub path: PathBuf,
    /// Still to decide; `mine` is this work tree's side, `theirs` the side merged in, each with
    /// the section as it was there (to copy exactly) and who saved it when. Fields edited by hand
    /// since the merge count as decided and are left out.
    pub conflicts: Vec<FieldConflict>,
    /// The file as it is now, which the dialog's decisions are saved over.
    pub doc: Document,
    pub text: String,
}

/// What [`mark_resolved`] did, and what git still waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The file was in conflict and is now staged (`git add`).
    pub staged: bool,
    /// Files still in conflict in the work tree, relative to its top.
    pub remaining: Vec<PathBuf>,
    /// What to finish once none remain (`git commit`, `git rebase --continue`, …).
    pub operation: Option<Operation>,
}

/// Keeps the record of a conflicted merge of `record.relative`, replacing an older one.
pub fn record_conflicts(repo: &Repo, record: &MergeRecord) -> Result<(), GitError> {
    let dir = record_dir(repo, &record.relative)?;
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(GitError::io(&dir))?;
    for (name, text) in [
        ("base.yaml", record.base.as_bytes()),
        ("mine.yaml", record.mine.as_bytes()),
        ("theirs.yaml", record.theirs.as_bytes()),
        ("written.yaml", record.written.as_bytes()),
        // Written last: a record without it is incomplete and ignored.
        ("path", record.relative.as_os_str().as_bytes()),
    ] {
        std::fs::write(dir.join(name), text).map_err(GitError::io(dir.join(name)))?;
    }
    Ok(())
}

/// Drops the record of `relative` (a clean merge of it, or its conflicts decided).
pub fn forget_conflicts(repo: &Repo, relative: &Path) -> Result<(), GitError> {
    let dir = record_dir(repo, relative)?;
    match std::fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(GitError::Io { path: dir, source: e }),
        _ => Ok(()),
    }
}

/// The conflicts waiting in `file`, if git is still merging it. A record git no longer needs (the
/// merge was aborted, or the file was staged by hand) is dropped here.
pub fn pending_merge(repo: &Repo, file: &Path) -> Result<Option<PendingMerge>, GitError> {
    let relative = repo.relative(file)?;
    let Some(record) = read_record(repo, &relative)? else { return Ok(None) };
    let recorded = match merge_texts(&record.base, &record.mine, &record.theirs) {
        MergeResult::Conflicted { conflicts, .. } if !repo.unmerged(Some(&relative))?.is_empty() => conflicts,
        _ => {
            forget_conflicts(repo, &relative)?;
            return Ok(None);
        }
    };
    let unreadable = |detail: String| GitError::Unreadable { path: file.to_path_buf(), detail };
    let (doc, text) = load_file(file).map_err(|e| unreadable(e.render(crate::i18n::Lang::En)))?;
    let written = parse_document(&record.written).map_err(|_| unreadable("the merge record".into()))?;
    let conflicts = recorded
        .into_iter()
        .filter(|c| {
            let now = doc.find_section(&c.division, &c.section);
            let then = written.find_section(&c.division, &c.section);
            now.zip(then).is_some_and(|(now, then)| c.agree(now, then))
        })
        .collect();
    Ok(Some(PendingMerge { path: file.to_path_buf(), conflicts, doc, text }))
}

/// After the decisions are saved: the file is staged for git (only if git has it in conflict;
/// outside a merge nothing is staged) and its record dropped. The file must be readable.
pub fn mark_resolved(repo: &Repo, file: &Path) -> Result<Resolved, GitError> {
    let relative = repo.relative(file)?;
    load_file(file)
        .map_err(|e| GitError::Unreadable { path: file.to_path_buf(), detail: e.render(crate::i18n::Lang::En) })?;
    let staged = !repo.unmerged(Some(&relative))?.is_empty();
    if staged {
        repo.run([OsStr::new("add"), OsStr::new("--"), relative.as_os_str()])?;
    }
    forget_conflicts(repo, &relative)?;
    Ok(Resolved { staged, remaining: repo.unmerged(None)?, operation: repo.operation()? })
}

/// Every file with a recorded merge, as absolute paths: what hyoka looks at first when it opens.
pub fn recorded_merges(repo: &Repo) -> Result<Vec<PathBuf>, GitError> {
    let root = repo.git_path("hyoka/merges")?;
    let Ok(entries) = std::fs::read_dir(&root) else { return Ok(Vec::new()) };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| std::fs::read(e.ok()?.path().join("path")).ok())
        .map(|bytes| repo.top().join(OsStr::from_bytes(&bytes)))
        .collect();
    paths.sort();
    Ok(paths)
}

fn read_record(repo: &Repo, relative: &Path) -> Result<Option<MergeRecord>, GitError> {
    let dir = record_dir(repo, relative)?;
    let Ok(path) = std::fs::read(dir.join("path")) else { return Ok(None) };
    if path != relative.as_os_str().as_bytes() {
        return Ok(None); // another path with the same hash: not ours
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(GitError::io(dir.join(name)));
    Ok(Some(MergeRecord {
        relative: relative.to_path_buf(),
        base: read("base.yaml")?,
        mine: read("mine.yaml")?,
        theirs: read("theirs.yaml")?,
        written: read("written.yaml")?,
    }))
}

/// `.git/hyoka/merges/<hash of the path>`: per work tree (linked work trees merge on their own),
/// named by a hash that stays the same across hyoka versions (FNV-1a), so any hyoka finds it.
fn record_dir(repo: &Repo, relative: &Path) -> Result<PathBuf, GitError> {
    Ok(repo.git_path("hyoka/merges")?.join(record_name(relative)))
}

fn record_name(relative: &Path) -> String {
    let hash = relative
        .as_os_str()
        .as_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3));
    format!("{hash:016x}")
}

/// The git folder of the work tree holding `file`, found on the file system alone (no git run):
/// a `.git` folder above it, or the folder a `.git` file names (a linked work tree). With the
/// work tree's top. For what is looked at twice a second.
pub fn git_dir_of(file: &Path) -> Option<(PathBuf, PathBuf)> {
    let file = std::fs::canonicalize(file).ok()?;
    for top in file.ancestors().skip(1) {
        let dot_git = top.join(".git");
        let Ok(metadata) = std::fs::metadata(&dot_git) else { continue };
        if metadata.is_dir() {
            return Some((dot_git, top.to_path_buf()));
        }
        let text = std::fs::read_to_string(&dot_git).ok()?;
        let named = PathBuf::from(text.strip_prefix("gitdir:")?.trim());
        return Some((top.join(named), top.to_path_buf()));
    }
    None
}

/// Whether the merge driver left a record for `file`, looked up on the file system alone.
pub fn merge_recorded(file: &Path) -> bool {
    let Some((git_dir, top)) = git_dir_of(file) else { return false };
    let Some(relative) =
        std::fs::canonicalize(file).ok().and_then(|f| f.strip_prefix(&top).ok().map(Path::to_path_buf))
    else {
        return false;
    };
    git_dir.join("hyoka/merges").join(record_name(&relative)).join("path").exists()
}

/// The questions a `git merge` or `git pull` left in `file` for hyoka, looked up from the file
/// alone: what an open hyoka asks when the file changes under it. Empty outside a git work tree,
/// without git, or when nothing waits.
pub fn merge_waiting(file: &Path) -> Vec<FieldConflict> {
    let Some(git) = super::run::Git::find() else { return Vec::new() };
    let Ok(repo) = Repo::discover(&git, file) else { return Vec::new() };
    let Ok(canonical) = std::fs::canonicalize(file) else { return Vec::new() };
    match recorded_merges(&repo) {
        Ok(recorded) if recorded.contains(&canonical) => {}
        _ => return Vec::new(),
    }
    pending_merge(&repo, &canonical).ok().flatten().map(|p| p.conflicts).unwrap_or_default()
}
