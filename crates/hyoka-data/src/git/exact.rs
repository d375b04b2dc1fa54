//! Commit on save in a work tree several accounts share: the commit holds exactly the bytes this
//! save wrote — built in an index of its own from `HEAD` plus that one blob — so that a colleague's
//! save lying on disk uncommitted is never carried under this clerk's name, and its author is the
//! account that saved (the real user id), not whatever git configuration the session has.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::changes::commit_message;
use super::commit::{CommitOutcome, host_name};
use super::error::GitError;
use super::repo::Repo;
use super::run::{failed, first_line, printed};
use crate::i18n::Lang;
use crate::i18n::git::GitMsg;
use crate::store::parse_document;

/// Who a shared work tree's commits are by: the account that saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub login: String,
    /// The account's full name, or its login where the database has none.
    pub name: String,
}

impl Author {
    fn env(&self) -> [(&'static str, String); 4] {
        let email = format!("{}@{}", self.login, host_name());
        [
            ("GIT_AUTHOR_NAME", self.name.clone()),
            ("GIT_AUTHOR_EMAIL", email.clone()),
            ("GIT_COMMITTER_NAME", self.name.clone()),
            ("GIT_COMMITTER_EMAIL", email),
        ]
    }
}

/// How long the commit tries again when another account's commit moved `HEAD` in between.
const PATIENCE: Duration = Duration::from_secs(5);

/// Commits `bytes` (what the save wrote) as `path`, over `HEAD`, by `author`.
pub fn commit_exact(
    repo: &Repo,
    path: &Path,
    bytes: &[u8],
    author: &Author,
    lang: Lang,
) -> Result<CommitOutcome, GitError> {
    if let Some(operation) = repo.operation()? {
        return Ok(CommitOutcome::Busy(operation));
    }
    let relative = repo.relative(path)?;
    let rel = relative.to_string_lossy().into_owned();
    let scratch = repo.git_path(&format!("hyoka-commit-{}", std::process::id()))?;
    let result = (|| {
        std::fs::write(&scratch, bytes).map_err(GitError::io(&scratch))?;
        let blob = text(&repo.run(["hash-object", "-w", "--path", &rel, "--", &scratch.to_string_lossy()])?);
        let started = Instant::now();
        loop {
            match attempt(repo, &rel, &blob, bytes, author, &scratch, lang)? {
                Some(outcome) => return Ok(outcome),
                None if started.elapsed() < PATIENCE => std::thread::sleep(Duration::from_millis(100)),
                None => return Err(GitError::Protocol { detail: "HEAD kept moving while committing".into() }),
            }
        }
    })();
    let _ = std::fs::remove_file(&scratch);
    let _ = std::fs::remove_file(scratch.with_extension("index"));
    let _ = std::fs::remove_file(scratch.with_extension("msg"));
    result
}

/// One try; `None` when `HEAD` moved under it (another account committed): then again.
fn attempt(
    repo: &Repo,
    rel: &str,
    blob: &str,
    bytes: &[u8],
    author: &Author,
    scratch: &Path,
    lang: Lang,
) -> Result<Option<CommitOutcome>, GitError> {
    let head = repo.has_commits()?.then(|| repo.run(["rev-parse", "HEAD"])).transpose()?.map(|o| text(&o));
    let index = scratch.with_extension("index");
    let _ = std::fs::remove_file(&index);
    let with_index = |args: &[&str]| {
        let mut command = repo.git().command(repo.top());
        command.env("GIT_INDEX_FILE", &index).args(args);
        let output = command.output().map_err(|source| GitError::Spawn { source })?;
        if output.status.success() { Ok(output) } else { Err(failed(args, &output)) }
    };
    with_index(&["read-tree", head.as_deref().unwrap_or("--empty")])?;
    let mode = head
        .as_ref()
        .and_then(|h| repo.run(["ls-tree", h, "--", rel]).ok())
        .and_then(|out| String::from_utf8_lossy(&out).split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "100644".to_owned());
    with_index(&["update-index", "--add", "--cacheinfo", &format!("{mode},{blob},{rel}")])?;
    let tree = text(&with_index(&["write-tree"])?.stdout);
    let old = head.as_ref().and_then(|h| repo.run(["cat-file", "blob", &format!("{h}:{rel}")]).ok());
    if head.as_ref().is_some_and(|h| repo.run(["rev-parse", &format!("{h}^{{tree}}")]).is_ok_and(|t| text(&t) == tree))
    {
        return Ok(Some(CommitOutcome::NothingToCommit));
    }
    let message = message(old.as_deref(), bytes, rel, lang);
    let message_file = scratch.with_extension("msg");
    std::fs::write(&message_file, &message).map_err(GitError::io(&message_file))?;
    // git's own hooks run as for any commit, on this commit's index.
    for hook in [
        vec!["hook", "run", "--ignore-missing", "pre-commit"],
        vec!["hook", "run", "--ignore-missing", "commit-msg", "--", &message_file.to_string_lossy()],
    ] {
        let mut command = repo.git().command(repo.top());
        command.env("GIT_INDEX_FILE", &index).args(&hook).stdin(Stdio::null());
        let output = command.output().map_err(|source| GitError::Spawn { source })?;
        if !output.status.success() {
            return Ok(Some(CommitOutcome::HookRefused { output: printed(&output) }));
        }
    }
    let message_path = message_file.to_string_lossy().into_owned();
    let mut commit_args = vec!["commit-tree", tree.as_str(), "-F", message_path.as_str()];
    if let Some(h) = &head {
        commit_args.extend(["-p", h.as_str()]);
    }
    let mut command = repo.git().command(repo.top());
    command.args(&commit_args).envs(author.env());
    let output = command.output().map_err(|source| GitError::Spawn { source })?;
    if !output.status.success() {
        return Err(failed(&commit_args, &output));
    }
    let commit = text(&output.stdout);
    let expected = head.clone().unwrap_or_else(|| "0".repeat(40));
    let moved =
        repo.git().output(repo.top(), ["update-ref", "-m", "hyoka: commit on save", "HEAD", &commit, &expected])?;
    if !moved.status.success() {
        return Ok(None);
    }
    follow_in_index(repo, rel, &mode, blob, old.is_some().then_some(head.as_deref()).flatten());
    let subject = std::fs::read_to_string(&message_file).unwrap_or(message);
    let subject = subject.lines().next().unwrap_or_default().to_owned();
    // On a detached HEAD the commit is on no branch: said, with how to keep it.
    let on_branch = repo.git().output(repo.top(), ["symbolic-ref", "-q", "HEAD"])?;
    let detached = on_branch.status.code() == Some(1);
    Ok(Some(CommitOutcome::Committed { id: commit, subject, detached }))
}

/// The shared index follows the commit for this file, unless someone staged something of their
/// own there: `git status` then shows only what is really not committed.
fn follow_in_index(repo: &Repo, rel: &str, mode: &str, blob: &str, old_head: Option<&str>) {
    let staged = repo.run(["ls-files", "-s", "--", rel]).map(|o| String::from_utf8_lossy(&o).into_owned());
    let old_blob = old_head.and_then(|h| repo.run(["rev-parse", &format!("{h}:{rel}")]).ok()).map(|o| text(&o));
    let untouched = staged
        .as_ref()
        .is_ok_and(|s| s.split_whitespace().nth(1).map(str::to_owned) == old_blob || s.trim().is_empty());
    if !untouched {
        return;
    }
    let started = Instant::now();
    while repo.run(["update-index", "--add", "--cacheinfo", &format!("{mode},{blob},{rel}")]).is_err()
        && started.elapsed() < Duration::from_secs(3)
    {
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What changed between the committed version and the saved bytes, as for any commit on save.
fn message(old: Option<&[u8]>, new: &[u8], rel: &str, lang: Lang) -> String {
    let parse = |b: &[u8]| std::str::from_utf8(b).ok().and_then(|t| parse_document(t).ok());
    let (old, new) = (old.and_then(parse), parse(new));
    let name = Path::new(rel).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    new.and_then(|new| commit_message(&[(old.as_ref(), &new)], lang))
        .unwrap_or_else(|| GitMsg::LayoutOnly { files: &name }.text(lang))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(first_line(bytes)).into_owned()
}
