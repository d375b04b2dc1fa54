//! What changed since an earlier publication: the data files as a git revision had them, made into
//! a site the same way, and compared with today's file by file (the site is the same bytes for
//! the same data, so a difference is a change of content).

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};

use super::error::PublishError;
use super::select::Source;
use super::site::Site;
use crate::git::{Git, GitError, Repo};
use crate::store::{LoadError, all_problems, decode, is_data_path, parse_document};

/// Whether a file of the site is new, different, or gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Changed,
    Removed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// The file's place in the site (`kamigyo/2008.html`).
    pub path: String,
}

/// The files of `new` that `old` did not have, had otherwise, or had and `new` has not, in the
/// order of their places.
pub fn changes(old: &Site, new: &Site) -> Vec<Change> {
    let mut out: Vec<Change> = new
        .files()
        .filter_map(|(path, bytes)| {
            let kind = match old.get(path) {
                None => ChangeKind::Added,
                Some(before) if before != bytes => ChangeKind::Changed,
                Some(_) => return None,
            };
            Some(Change { kind, path: path.to_owned() })
        })
        .collect();
    out.extend(
        old.files()
            .filter(|(path, _)| new.get(path).is_none())
            .map(|(path, _)| Change { kind: ChangeKind::Removed, path: path.to_owned() }),
    );
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The data files under `data` (a folder or a file in a git work tree) as `revision` had them, with
/// the same places under the data folder as today's. Dot-files are passed over, as when reading the
/// folder itself.
pub fn documents_at(data: &Path, revision: &str) -> Result<Vec<Source>, PublishError> {
    let git = Git::find().ok_or(GitError::NotInstalled)?;
    let repo = Repo::discover(&git, data)?;
    let commit = format!("{revision}^{{commit}}");
    // `--quiet`: git says nothing of a name it does not know; the exit code is the answer.
    repo.run(["rev-parse", "--verify", "--quiet", commit.as_str()])
        .map_err(|_| PublishError::Revision { revision: revision.to_owned() })?;
    let within = repo.relative(data)?;
    let listed = repo.run(
        [OsStr::new("ls-tree"), OsStr::new("-r"), OsStr::new("-z"), OsStr::new("--name-only")].into_iter().chain([
            OsStr::new(revision),
            OsStr::new("--"),
            within.as_os_str(),
        ]),
    )?;
    let single_file = is_data_path(data) && !data.is_dir();
    let mut sources = Vec::new();
    for name in listed.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let in_repo = PathBuf::from(OsStr::from_bytes(name));
        let relative = match single_file {
            true => PathBuf::from(in_repo.file_name().unwrap_or_default()),
            false => in_repo.strip_prefix(&within).map(Path::to_path_buf).unwrap_or_else(|_| in_repo.clone()),
        };
        let hidden = relative.components().any(|c| c.as_os_str().as_bytes().starts_with(b"."));
        if hidden || !is_data_path(&in_repo) {
            continue;
        }
        let shown = format!("{revision}:{}", in_repo.display());
        let bytes = repo.run([OsStr::new("cat-file"), OsStr::new("blob"), OsStr::new(&shown)])?;
        let path = PathBuf::from(&shown);
        let old_file = |problems| PublishError::OldFile(LoadError { path: path.clone(), problems });
        let text = decode(bytes).map_err(|problem| old_file(vec![problem]))?;
        let doc = parse_document(&text).map_err(|_| old_file(all_problems(&text)))?;
        sources.push(Source { path, relative, doc });
    }
    Ok(sources)
}
