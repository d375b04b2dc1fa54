//! Running the `git` command line: found on the PATH, output always captured, never on the terminal.
//!
//! hyoka runs git itself (as lazygit does) rather than a library such as `gix`, so that what the
//! user configured applies unchanged: identity, hooks, `core.hooksPath`, `safe.directory`,
//! credential helpers, mailmaps, signing. Output is always captured: anything git or a hook printed
//! on the terminal would tear the screen hyoka draws.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::error::GitError;

/// How to run git: the program, and variables set or removed for every run (tests use these to
/// keep git away from the user's own configuration).
#[derive(Clone, Debug)]
pub struct Git {
    program: PathBuf,
    env: Vec<(OsString, Option<OsString>)>,
}

impl Git {
    /// `git` as found on the PATH, or `None` when there is none (commits are then off).
    pub fn find() -> Option<Git> {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path).map(|dir| dir.join("git")).find(|p| is_executable(p)).map(Git::at)
    }

    /// A given git program (e.g. `/usr/bin/git`).
    pub fn at(program: impl Into<PathBuf>) -> Git {
        Git { program: program.into(), env: Vec::new() }
    }

    /// Sets a variable for every git run from this handle.
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Git {
        self.env.push((key.into(), Some(value.into())));
        self
    }

    /// Removes an inherited variable for every git run from this handle.
    pub fn env_remove(mut self, key: impl Into<OsString>) -> Git {
        self.env.push((key.into(), None));
        self
    }

    pub fn program(&self) -> &Path {
        &self.program
    }

    /// A git command in `dir`, with no standard input (a hook must not wait for a key the screen
    /// would swallow) and pathspecs taken literally (a file named `[1].yaml` is no pattern).
    pub fn command(&self, dir: &Path) -> Command {
        let mut command = Command::new(&self.program);
        command.current_dir(dir).stdin(Stdio::null()).arg("--literal-pathspecs");
        for (key, value) in &self.env {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        command
    }

    /// Runs git in `dir` and returns its output whatever its exit status.
    pub fn output<I, S>(&self, dir: &Path, args: I) -> Result<Output, GitError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command(dir).args(args).output().map_err(|source| GitError::Spawn { source })
    }

    /// Runs git in `dir`; a failure carries the command and what git said.
    pub fn run<I, S>(&self, dir: &Path, args: I) -> Result<Vec<u8>, GitError>
    where
        I: IntoIterator<Item = S> + Clone,
        S: AsRef<OsStr>,
    {
        let output = self.output(dir, args.clone())?;
        if output.status.success() {
            return Ok(output.stdout);
        }
        Err(failed(args, &output))
    }
}

/// The error for a git run that did not succeed: the command line and everything it printed.
pub fn failed<I, S>(args: I, output: &Output) -> GitError
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let command = args.into_iter().map(|a| a.as_ref().to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ");
    GitError::Failed { command: format!("git {command}"), code: output.status.code(), output: printed(output) }
}

/// What a run printed, standard error first (where git and hooks explain themselves), trimmed.
pub fn printed(output: &Output) -> String {
    let mut text = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    let out = String::from_utf8_lossy(&output.stdout);
    if !out.trim().is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(out.trim());
    }
    text
}

/// One line of output without its line break, as a path or a name.
pub fn first_line(bytes: &[u8]) -> &[u8] {
    let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
