//! Old versions of files read through one long-lived `git cat-file --batch`, not a process each.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::{Child, ChildStdin, ChildStdout, Stdio};

use super::error::GitError;
use super::repo::Repo;
use crate::store::MAX_FILE_BYTES;

/// A running `git cat-file --batch`: one name written, one object read back, in turn.
pub struct CatFile {
    child: Child,
    input: Option<ChildStdin>,
    output: BufReader<ChildStdout>,
}

impl CatFile {
    pub fn start(repo: &Repo) -> Result<CatFile, GitError> {
        let mut child = repo
            .git()
            .command(repo.top())
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| GitError::Spawn { source })?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(GitError::Protocol { detail: "no pipes to git cat-file".into() });
        };
        Ok(CatFile { child, input: Some(input), output: BufReader::new(output) })
    }

    /// The blob named `name` (e.g. `1a2b…:data/2008.yaml`): its id and bytes; `None` when there is
    /// no such file in that commit. Larger than any data file: its bytes are skipped, not kept.
    pub fn read(&mut self, name: &[u8]) -> Result<Option<(String, Vec<u8>)>, GitError> {
        let protocol = |detail: String| GitError::Protocol { detail };
        let input = self.input.as_mut().ok_or_else(|| protocol("cat-file was closed".into()))?;
        input.write_all(name).and_then(|()| input.write_all(b"\n")).and_then(|()| input.flush()).map_err(broken)?;
        let mut header = Vec::new();
        self.output.read_until(b'\n', &mut header).map_err(broken)?;
        let header = String::from_utf8_lossy(&header).trim_end().to_owned();
        // "<name> missing" (or "ambiguous"): the file is not in that commit. The name is compared
        // whole, since a path may hold spaces.
        let name = String::from_utf8_lossy(name);
        if header == format!("{name} missing") || header == format!("{name} ambiguous") {
            return Ok(None);
        }
        let mut words = header.split(' ');
        let (Some(id), Some(kind), Some(size)) = (words.next(), words.next(), words.next()) else {
            return Err(protocol(header));
        };
        let size: u64 = size.parse().map_err(|_| protocol(header.clone()))?;
        let id = id.to_owned();
        if kind != "blob" || size > MAX_FILE_BYTES {
            std::io::copy(&mut (&mut self.output).take(size + 1), &mut std::io::sink()).map_err(broken)?;
            return Ok(None);
        }
        let mut bytes = Vec::new();
        (&mut self.output).take(size).read_to_end(&mut bytes).map_err(broken)?;
        let mut newline = [0u8; 1];
        self.output.read_exact(&mut newline).map_err(broken)?;
        if bytes.len() as u64 != size {
            return Err(protocol(format!("{id}: {} of {size} bytes", bytes.len())));
        }
        Ok(Some((id, bytes)))
    }
}

fn broken(e: std::io::Error) -> GitError {
    GitError::Protocol { detail: e.to_string() }
}

impl Drop for CatFile {
    fn drop(&mut self) {
        // Closing its input ends cat-file; should it be stuck writing (a read that failed half
        // way), it is killed. Waiting reaps it, so no zombie is left behind.
        drop(self.input.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
