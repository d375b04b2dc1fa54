//! Commit on save: one commit holding exactly the saved files, with git's hooks and identity.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::path::PathBuf;
use std::time::Duration;

use super::catfile::CatFile;
use super::changes::commit_message;
use super::error::GitError;
use super::repo::{Operation, Repo};
use super::run::{failed, first_line, printed};
use crate::i18n::Lang;
use crate::store::{load_file, parse_document};
use hyoka_core::model::Document;

/// How long a commit waits for another git (a colleague's hyoka, a `git pull`) to release the
/// index before it gives up and says so.
const INDEX_PATIENCE: Duration = Duration::from_secs(3);

/// What became of the commit after a save. The save itself has happened in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitOutcome {
    Committed {
        id: String,
        subject: String,
        /// HEAD is on no branch: a later `git checkout` of a branch leaves this commit behind.
        detached: bool,
    },
    /// The saved files are exactly what git already has (or are ignored by git).
    NothingToCommit,
    /// A hook (`pre-commit`, `commit-msg`) refused; `output` is what it printed.
    HookRefused { output: String },
    /// git is in the middle of something during which a commit of single files is refused.
    Busy(Operation),
}

/// Commits exactly `paths` (files inside `repo`, as they are on disk) with `message`. Whatever
/// else the user had staged stays staged and out of the commit (`git commit --only`). The author
/// is git's own; when git has no identity, the login name is used.
pub fn commit_files(repo: &Repo, paths: &[PathBuf], message: &str, login: &str) -> Result<CommitOutcome, GitError> {
    if let Some(operation) = repo.operation()? {
        // `git commit --only` is refused during a merge, and a commit in the middle of a rebase
        // would be carried along by it: the commit is left to whoever finishes the operation.
        return Ok(CommitOutcome::Busy(operation));
    }
    let relative = paths.iter().map(|p| repo.relative(p)).collect::<Result<Vec<_>, _>>()?;
    let (changed, untracked) = status(repo, &relative)?;
    if changed.is_empty() {
        return Ok(CommitOutcome::NothingToCommit);
    }
    if !untracked.is_empty() {
        // `--only` takes paths git knows; an intent-to-add entry makes a new file known without
        // staging its content, and is taken back if the commit does not happen.
        repo.run(args(["add", "--intent-to-add", "--"], &untracked))?;
    }
    let outcome = commit_changed(repo, &changed, message, login);
    if !matches!(outcome, Ok(CommitOutcome::Committed { .. })) && !untracked.is_empty() {
        let _ = repo.run(args(["rm", "--cached", "--quiet", "--"], &untracked));
    }
    outcome
}

fn commit_changed(repo: &Repo, changed: &[PathBuf], message: &str, login: &str) -> Result<CommitOutcome, GitError> {
    let mut command_args = vec![OsStr::new("commit"), OsStr::new("--only"), OsStr::new("--quiet")];
    // Lines of the message that start with '#' (a section named so) must stay.
    command_args.extend([OsStr::new("--cleanup=whitespace"), OsStr::new("-m"), OsStr::new(message), OsStr::new("--")]);
    command_args.extend(changed.iter().map(|p| p.as_os_str()));
    let identity = fallback_identity(repo, login)?;
    let lock = repo.git_path("index.lock")?;
    let started = std::time::Instant::now();
    let output = loop {
        let mut command = repo.git().command(repo.top());
        command.args(&command_args).envs(identity.iter().map(|(k, v)| (k, v)));
        let output = command.output().map_err(|source| GitError::Spawn { source })?;
        // Two clerks saving in one shared work tree commit at nearly the same moment: the
        // second waits for the first to release the index rather than failing.
        if output.status.success() || !lock.exists() || started.elapsed() > INDEX_PATIENCE {
            break output;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    if output.status.success() {
        let id = String::from_utf8_lossy(first_line(&repo.run(["rev-parse", "HEAD"])?)).into_owned();
        let subject = message.lines().next().unwrap_or_default().to_owned();
        let on_branch = repo.git().command(repo.top()).args(["symbolic-ref", "-q", "HEAD"]).output();
        let detached = on_branch.map_err(|source| GitError::Spawn { source })?.status.code() == Some(1);
        return Ok(CommitOutcome::Committed { id, subject, detached });
    }
    // A refusing hook makes git exit with 1 and print only what the hook printed; git's own
    // failures exit with 128 and explain themselves ("fatal: …").
    if output.status.code() == Some(1) && has_commit_hooks(repo)? {
        return Ok(CommitOutcome::HookRefused { output: printed(&output) });
    }
    Err(failed(&command_args, &output))
}

/// The saved paths that differ from `HEAD`, and those of them git does not track yet.
fn status(repo: &Repo, relative: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), GitError> {
    let out = repo.run(args(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--"], relative))?;
    let mut changed = Vec::new();
    let mut untracked = Vec::new();
    for entry in out.split(|b| *b == 0).filter(|e| e.len() > 3) {
        let path = PathBuf::from(OsStr::from_bytes(entry.get(3..).unwrap_or_default()));
        if entry.starts_with(b"??") {
            untracked.push(path.clone());
        }
        changed.push(path);
    }
    Ok((changed, untracked))
}

fn args<'a>(head: impl IntoIterator<Item = &'a str>, paths: &'a [PathBuf]) -> Vec<&'a OsStr> {
    head.into_iter().map(OsStr::new).chain(paths.iter().map(|p| p.as_os_str())).collect()
}

/// The author and committer variables to set when git has no identity of its own.
fn fallback_identity(repo: &Repo, login: &str) -> Result<Vec<(String, String)>, GitError> {
    let mut env = Vec::new();
    for (who, name, email) in [
        ("GIT_AUTHOR_IDENT", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL"),
        ("GIT_COMMITTER_IDENT", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"),
    ] {
        if !repo.git().output(repo.top(), ["var", who])?.status.success() {
            env.push((name.to_owned(), login.to_owned()));
            env.push((email.to_owned(), format!("{login}@{}", host_name())));
        }
    }
    Ok(env)
}

pub(super) fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}

fn has_commit_hooks(repo: &Repo) -> Result<bool, GitError> {
    use std::os::unix::fs::PermissionsExt as _;
    for hook in ["pre-commit", "prepare-commit-msg", "commit-msg"] {
        let path = repo.git_path(&format!("hooks/{hook}"))?;
        if std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The message for committing `paths`: what changed between the version in `HEAD` and the file
/// on disk, so that it names everything the commit holds (also changes of an earlier save whose
/// commit a hook refused).
pub fn message_for(repo: &Repo, paths: &[PathBuf], lang: Lang) -> Result<Option<String>, GitError> {
    let has_head = repo.has_commits()?;
    let mut cat = has_head.then(|| CatFile::start(repo)).transpose()?;
    let mut pairs: Vec<(Option<Document>, Document)> = Vec::new();
    for path in paths {
        let (new, _) =
            load_file(path).map_err(|e| GitError::Unreadable { path: path.clone(), detail: e.render(Lang::En) })?;
        let mut name = b"HEAD:".to_vec();
        name.extend_from_slice(repo.relative(path)?.as_os_str().as_bytes());
        let old = match cat.as_mut() {
            Some(cat) => cat.read(&name)?.and_then(|(_, bytes)| parse_old(&bytes)),
            None => None,
        };
        pairs.push((old, new));
    }
    let borrowed: Vec<(Option<&Document>, &Document)> = pairs.iter().map(|(o, n)| (o.as_ref(), n)).collect();
    Ok(commit_message(&borrowed, lang))
}

fn parse_old(bytes: &[u8]) -> Option<Document> {
    parse_document(std::str::from_utf8(bytes).ok()?).ok()
}
