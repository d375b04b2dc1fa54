//! The work tree a data file lives in: its top, where git keeps things, and what git is busy with.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};

use super::error::GitError;
use super::run::{Git, first_line};

/// A git work tree, found from a path inside it.
#[derive(Clone, Debug)]
pub struct Repo {
    git: Git,
    top: PathBuf,
}

pub use crate::i18n::git::Operation;

impl Repo {
    /// The work tree holding `path` (a file or a folder, which must exist). Anything git refuses
    /// (no repository, a bare one, `safe.directory`) comes back with git's own words.
    pub fn discover(git: &Git, path: &Path) -> Result<Repo, GitError> {
        let dir = if path.is_dir() { path } else { path.parent().unwrap_or(Path::new(".")) };
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        let output = git.output(dir, ["rev-parse", "--show-toplevel"])?;
        if !output.status.success() {
            let detail = super::run::printed(&output);
            return Err(GitError::NotAWorkTree { path: path.to_path_buf(), detail });
        }
        let top = PathBuf::from(OsStr::from_bytes(first_line(&output.stdout)));
        let top = std::fs::canonicalize(&top).map_err(GitError::io(&top))?;
        Ok(Repo { git: git.clone(), top })
    }

    /// The top of the work tree (symbolic links resolved).
    pub fn top(&self) -> &Path {
        &self.top
    }

    pub fn git(&self) -> &Git {
        &self.git
    }

    /// Runs git at the top of the work tree.
    pub fn run<I, S>(&self, args: I) -> Result<Vec<u8>, GitError>
    where
        I: IntoIterator<Item = S> + Clone,
        S: AsRef<OsStr>,
    {
        self.git.run(&self.top, args)
    }

    /// `path` as git names it: relative to the top, `/`-separated. The file itself may be gone
    /// (its folder is then resolved), since history is also asked for of removed files.
    pub fn relative(&self, path: &Path) -> Result<PathBuf, GitError> {
        let absolute = match std::fs::canonicalize(path) {
            Ok(real) => real,
            Err(_) => {
                let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let name = path.file_name().ok_or_else(|| self.outside(path))?;
                std::fs::canonicalize(parent).map_err(GitError::io(parent))?.join(name)
            }
        };
        let relative = absolute.strip_prefix(&self.top).map_err(|_| self.outside(path))?;
        if relative.as_os_str().is_empty() || relative.as_os_str().as_bytes().contains(&b'\n') {
            // A line break cannot be named to `git cat-file --batch`, which reads one name a line.
            return Err(self.outside(path));
        }
        Ok(relative.to_path_buf())
    }

    fn outside(&self, path: &Path) -> GitError {
        GitError::Outside { path: path.to_path_buf(), top: self.top.clone() }
    }

    /// Where git keeps `name` for this work tree (`.git/MERGE_HEAD`, `.git/hooks/pre-commit`, or
    /// wherever `core.hooksPath` and linked work trees put it), as an absolute path.
    pub fn git_path(&self, name: &str) -> Result<PathBuf, GitError> {
        let out = self.run(["rev-parse", "--git-path", name])?;
        Ok(self.top.join(OsStr::from_bytes(first_line(&out))))
    }

    /// What git is in the middle of, if anything.
    pub fn operation(&self) -> Result<Option<Operation>, GitError> {
        let names = ["MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD"];
        let mut args = vec!["rev-parse"];
        for name in names {
            args.extend(["--git-path", name]);
        }
        let out = self.run(&args)?;
        let found = out
            .split(|b| *b == b'\n')
            .zip(names)
            .find(|(line, _)| !line.is_empty() && self.top.join(OsStr::from_bytes(line)).exists())
            .map(|(_, name)| name);
        Ok(found.map(|name| match name {
            "MERGE_HEAD" => Operation::Merge,
            "CHERRY_PICK_HEAD" => Operation::CherryPick,
            "REVERT_HEAD" => Operation::Revert,
            _ => Operation::Rebase,
        }))
    }

    /// Whether the repository has a commit yet (a new one has none, and no `HEAD` to read from).
    pub fn has_commits(&self) -> Result<bool, GitError> {
        Ok(self.git.output(&self.top, ["rev-parse", "-q", "--verify", "HEAD^{commit}"])?.status.success())
    }

    /// Whether what is in `path` now is what the last commit holds: tracked, and no change of it
    /// in the index or the work tree (so that its history keeps exactly what the file says).
    pub fn committed(&self, path: &Path) -> Result<bool, GitError> {
        if !self.has_commits()? {
            return Ok(false);
        }
        let relative = self.relative(path)?;
        let tracked = self.run([OsStr::new("ls-files"), OsStr::new("-z"), OsStr::new("--"), relative.as_os_str()])?;
        let args = ["status", "--porcelain", "-z", "--"].map(OsStr::new);
        let changes = self.run(args.into_iter().chain([relative.as_os_str()]))?;
        Ok(!tracked.is_empty() && changes.is_empty())
    }

    /// Paths (relative to the top) that are in conflict in the index, each once.
    pub fn unmerged(&self, only: Option<&Path>) -> Result<Vec<PathBuf>, GitError> {
        let mut args: Vec<&OsStr> = ["ls-files", "-u", "-z", "--"].map(OsStr::new).to_vec();
        if let Some(path) = only {
            args.push(path.as_os_str());
        }
        let out = self.run(&args)?;
        let mut paths: Vec<PathBuf> = out
            .split(|b| *b == 0)
            .filter_map(|entry| entry.splitn(2, |b| *b == b'\t').nth(1))
            .map(|p| PathBuf::from(OsStr::from_bytes(p)))
            .collect();
        paths.dedup();
        Ok(paths)
    }
}
