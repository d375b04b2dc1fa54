//! Finding data files, reading them, and writing them so that a crash never leaves a torn file.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::parse::parse_document;
use super::problem::{LoadError, Problem, ProblemKind};
use crate::model::Document;

/// The `*.yaml` files under `root` (or `root` itself when it is a file), sorted by path so the
/// tree shows them in a stable order.
pub fn discover(root: &Path) -> io::Result<Vec<PathBuf>> {
    let metadata = fs::metadata(root)?;
    if metadata.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue; // .git, editor swap files, our own temporary files
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Reads and validates one file. Every way of failing names the file.
pub fn load_file(path: &Path) -> Result<(Document, String), LoadError> {
    let fail = |kind| LoadError { path: path.to_path_buf(), problems: vec![Problem::at(None, kind)] };
    let bytes = fs::read(path).map_err(|e| fail(ProblemKind::Read { detail: e.to_string() }))?;
    let text = String::from_utf8(bytes).map_err(|_| fail(ProblemKind::NotUtf8))?;
    let doc = parse_document(&text).map_err(|problems| LoadError { path: path.to_path_buf(), problems })?;
    Ok((doc, text))
}

/// Replaces `path` with `contents` atomically: a temporary file in the same directory is
/// written and synced, then renamed over the original, then the directory is synced so the
/// rename itself survives a power cut. Readers see the old file or the new one, never a mix.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name =
        path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let temp = dir.join(format!(".{}.hyoka-{}.tmp", file_name.to_string_lossy(), std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        if let Ok(existing) = fs::metadata(path) {
            // Keep the permissions the office gave the file (e.g. group-writable).
            file.set_permissions(existing.permissions())?;
        }
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        fs::File::open(&dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
