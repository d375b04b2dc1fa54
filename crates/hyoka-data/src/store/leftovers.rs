//! What hyokas that are gone left behind: the temporary file of a save killed half-way
//! (`.2008.yaml.hyoka-PID.tmp`, beside the data file or a journal). Removed when the process that
//! wrote it no longer runs and the file is this account's own; never what a live hyoka holds.

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

/// The process that wrote a temporary file, from its name (`.NAME.hyoka-PID.tmp`).
pub fn writer_of(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, pid) = rest.rsplit_once(".hyoka-")?;
    pid.parse().ok()
}

/// Whether the process runs (on Linux, where its `/proc` entry is). A number reused by another
/// process counts as running: the file is then left, as it is safe to.
pub fn process_runs(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
}

/// The account this process runs as.
fn own_uid() -> Option<u32> {
    std::fs::metadata("/proc/self").ok().map(|m| m.uid())
}

/// Removes from `folder` the temporary files of saves whose process is gone and that belong to
/// this account; returns what it removed.
pub fn remove_leftovers(folder: &Path) -> Vec<PathBuf> {
    let Some(uid) = own_uid() else { return Vec::new() };
    let Ok(listing) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut removed = Vec::new();
    for entry in listing.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = writer_of(&name) else { continue };
        let Ok(metadata) = entry.path().symlink_metadata() else { continue };
        if !metadata.is_file() || metadata.uid() != uid || process_runs(pid) {
            continue;
        }
        if std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_leftovers_of_gone_processes_go() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let gone = 4_194_304 + 1; // above any pid_max: no such process
        let names = [
            format!(".2008.yaml.hyoka-{gone}.tmp"),
            format!(".2008.yaml.hyoka-{}.tmp", std::process::id()),
            ".2008.yaml.hyoka-1.tmp".to_owned(), // init runs
            "2008.yaml".to_owned(),
            format!(".x.journal.hyoka-{gone}.tmp"),
        ];
        for name in &names {
            std::fs::write(dir.path().join(name), "x").unwrap_or_else(|e| panic!("{e}"));
        }
        // Another account's leftover is theirs to clear (where this test may give it away: as root).
        let theirs = dir.path().join(format!(".2009.yaml.hyoka-{gone}.tmp"));
        std::fs::write(&theirs, "x").unwrap_or_else(|e| panic!("{e}"));
        let given_away = std::os::unix::fs::chown(&theirs, Some(65534), None).is_ok();
        let mut removed: Vec<String> = remove_leftovers(dir.path())
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        removed.sort();
        let mut expected = vec![format!(".2008.yaml.hyoka-{gone}.tmp"), format!(".x.journal.hyoka-{gone}.tmp")];
        if !given_away {
            expected.insert(1, format!(".2009.yaml.hyoka-{gone}.tmp"));
        }
        assert_eq!(removed, expected);
        assert_eq!(theirs.exists(), given_away);
        assert_eq!(writer_of(".2008.yaml.hyoka-77.tmp"), Some(77));
        assert_eq!(writer_of("2008.yaml"), None);
    }
}
