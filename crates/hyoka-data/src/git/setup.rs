//! `hyoka git-setup`: the merge driver in `.gitattributes` and git config, and the pre-commit hook.

use std::path::{Path, PathBuf};

use super::error::GitError;
use super::repo::Repo;

/// The line that marks a hook as hyoka's own, so that running the set-up again updates it and
/// never touches a hook someone else wrote.
const HOOK_MARK: &str = "# hyoka git-setup:";

pub use crate::i18n::git::Step;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetupReport {
    pub attributes: PathBuf,
    pub attributes_step: Step,
    /// The driver's command line as configured (`merge.hyoka.driver`).
    pub driver: String,
    pub driver_step: Step,
    pub hook: PathBuf,
    pub hook_step: Step,
    /// The command the hook runs, to add by hand to a hook of one's own.
    pub hook_command: String,
}

/// Sets up the work tree of `repo` for the data under `data` (a folder or a file): `hyoka` is
/// the program as a shell word (a plain `hyoka` when the PATH finds it, a quoted path otherwise).
/// Running it again changes nothing and says so.
pub fn setup(repo: &Repo, data: &Path, hyoka: &str) -> Result<SetupReport, GitError> {
    let folder = if data.is_dir() { data.to_path_buf() } else { data.parent().unwrap_or(Path::new(".")).to_path_buf() };
    let folder = std::fs::canonicalize(&folder).map_err(GitError::io(&folder))?;
    let in_tree = folder
        .strip_prefix(repo.top())
        .map_err(|_| GitError::Outside { path: folder.clone(), top: repo.top().into() })?;
    let (attributes, attributes_step) = attributes(&folder)?;
    let driver = format!("{hyoka} merge-driver %O %A %B %P");
    let driver_step = driver_config(repo, &driver)?;
    let checked = if in_tree.as_os_str().is_empty() { ".".to_owned() } else { in_tree.display().to_string() };
    let hook_command = format!("{hyoka} check {}", shell_word(&checked));
    let hook = repo.git_path("hooks/pre-commit")?;
    let hook_step = pre_commit_hook(&hook, &hook_command)?;
    Ok(SetupReport { attributes, attributes_step, driver, driver_step, hook, hook_step, hook_command })
}

/// `.gitattributes` in the data folder: the driver applies to the data files there and below,
/// not to other YAML in the repository.
fn attributes(folder: &Path) -> Result<(PathBuf, Step), GitError> {
    let path = folder.join(".gitattributes");
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(GitError::Io { path, source: e }),
    };
    let text = existing.clone().unwrap_or_default();
    let missing: Vec<&str> = ["*.yaml merge=hyoka", "*.yml merge=hyoka"]
        .into_iter()
        .filter(|line| !text.lines().any(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == *line))
        .collect();
    if missing.is_empty() {
        return Ok((path, Step::Already));
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    if existing.is_none() {
        new.push_str("# hyoka: data files are merged field by field (hyoka git-setup)\n");
    }
    for line in missing {
        new.push_str(line);
        new.push('\n');
    }
    std::fs::write(&path, new).map_err(GitError::io(&path))?;
    Ok((path, if existing.is_some() { Step::Updated } else { Step::Added }))
}

/// `merge.hyoka.driver` and `merge.hyoka.name` in the repository's own config: git config is
/// not shared by push and pull, so every clone is set up once.
fn driver_config(repo: &Repo, driver: &str) -> Result<Step, GitError> {
    let current = repo.git().output(repo.top(), ["config", "--local", "--get", "merge.hyoka.driver"])?;
    let current = String::from_utf8_lossy(&current.stdout).trim_end_matches('\n').to_owned();
    let step = match current.as_str() {
        "" => Step::Added,
        same if same == driver => return Ok(Step::Already),
        _ => Step::Updated,
    };
    repo.run(["config", "--local", "merge.hyoka.name", "hyoka: data files merged field by field"])?;
    repo.run(["config", "--local", "merge.hyoka.driver", driver])?;
    Ok(step)
}

fn pre_commit_hook(path: &Path, command: &str) -> Result<Step, GitError> {
    let script = format!(
        "#!/bin/sh\n{HOOK_MARK} a commit is refused while a data file does not pass `hyoka check`.\nexec {command}\n"
    );
    let step = match std::fs::read_to_string(path) {
        Ok(text) if text == script => return Ok(Step::Already),
        Ok(text) if text.contains(HOOK_MARK) => Step::Updated,
        Ok(_) => return Ok(Step::Foreign),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Step::Added,
        // Not readable as text (a binary hook of someone's): theirs, not ours.
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => return Ok(Step::Foreign),
        Err(e) => return Err(GitError::Io { path: path.to_path_buf(), source: e }),
    };
    write_hook(path, &script)?;
    Ok(step)
}

/// The server's gate in a bare repository (`git_dir`): the `pre-receive` hook runs `hyoka
/// pre-receive`, which refuses pushes that break the office's rules. A hook of someone else's
/// is left alone (`Step::Foreign`). Returns the hook's path and what was done.
pub fn setup_server(git_dir: &Path, hyoka: &str) -> Result<(PathBuf, Step), GitError> {
    let hook = git_dir.join("hooks").join("pre-receive");
    let script = format!(
        "#!/bin/sh\n{HOOK_MARK} pushes that approve, return or move a stage without a reviewer, or record\n\
         # someone other than the pusher, are refused (hyoka git-setup --server).\nexec {hyoka} pre-receive\n"
    );
    let step = match std::fs::read_to_string(&hook) {
        Ok(text) if text == script => return Ok((hook, Step::Already)),
        Ok(text) if text.contains(HOOK_MARK) => Step::Updated,
        Ok(_) => return Ok((hook, Step::Foreign)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Step::Added,
        Err(e) => return Err(GitError::Io { path: hook, source: e }),
    };
    write_hook(&hook, &script)?;
    Ok((hook, step))
}

fn write_hook(path: &Path, script: &str) -> Result<(), GitError> {
    use std::os::unix::fs::PermissionsExt as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(GitError::io(dir))?;
    }
    std::fs::write(path, script).map_err(GitError::io(path))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).map_err(GitError::io(path))
}

/// `text` as one word for `sh`: as it is when it has nothing the shell would read, quoted otherwise.
pub fn shell_word(text: &str) -> String {
    let plain = !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./=:@+,".contains(&b));
    if plain { text.to_owned() } else { format!("'{}'", text.replace('\'', r"'\''")) }
}
