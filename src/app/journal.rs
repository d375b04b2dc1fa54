//! The recovery journal, like vim's swap files: unsaved work is written to
//! `$XDG_STATE_HOME/hyoka/` (or `~/.local/state/hyoka/`) within a second of being typed, so that
//! a dropped SSH link or a killed process loses at most that second.

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::state::{App, FieldDiff, FileState, RecoveryEntry};
use crate::model::Document;
use crate::model::Field;
use crate::store::{emit_document, parse_document, write_atomically};

/// Where journals are kept.
pub fn journal_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local").join("state")))?;
    Some(base.join("hyoka"))
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        std::fs::create_dir_all(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// How often at most the journal is rewritten while typing.
const EVERY: Duration = Duration::from_millis(500);

pub struct Journal {
    dir: PathBuf,
    /// What each journal file holds now, to write only when that changes.
    written: HashMap<PathBuf, String>,
    last: Option<Instant>,
}

/// FNV-1a: a stable name for each data file's journal, without another dependency.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

const BASE_MARK: &str = "# base\n";
const MINE_MARK: &str = "# mine\n";

impl Journal {
    pub fn new(dir: PathBuf) -> Self {
        Journal { dir, written: HashMap::new(), last: None }
    }

    pub fn path_for(&self, data_file: &Path) -> PathBuf {
        let absolute = std::fs::canonicalize(data_file).unwrap_or_else(|_| data_file.to_path_buf());
        let stem = data_file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        self.dir.join(format!("{stem}-{:016x}.journal", hash(&absolute.to_string_lossy())))
    }

    /// Brings the journals up to date with the unsaved work, at most every half second unless
    /// `now` is set (on SIGHUP/SIGTERM, before the terminal goes).
    pub fn sync(&mut self, app: &App, now: bool) -> std::io::Result<()> {
        if app.read_only || (!now && self.last.is_some_and(|t| t.elapsed() < EVERY)) {
            return Ok(());
        }
        if matches!(app.mode, super::state::Mode::Recover(_)) {
            // The journals on offer are not ours to replace until the user has decided.
            return Ok(());
        }
        self.last = Some(Instant::now());
        for (file, entry) in app.files.iter().enumerate() {
            let FileState::Loaded { saved, .. } = &entry.state else { continue };
            let Some(mine) = app.effective_doc(file) else { continue };
            let path = self.path_for(&entry.path);
            if mine == *saved {
                self.remove(&path);
                continue;
            }
            let text = format!(
                "# hyoka journal\n# file: {}\n{BASE_MARK}{}{MINE_MARK}{}",
                entry.path.display(),
                emit_document(saved),
                emit_document(&mine)
            );
            if self.written.get(&path) != Some(&text) {
                create_private_dir(&self.dir)?;
                write_atomically(&path, text.as_bytes())?;
                // Unsaved drafts are the user's own business until saved.
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
                self.written.insert(path, text);
            }
        }
        Ok(())
    }

    /// Removes a journal this process wrote. Another hyoka of the same user on the same file keeps
    /// its own: a journal we did not write is never taken away here.
    fn remove(&mut self, path: &Path) {
        if self.written.remove(path).is_some() {
            let _ = std::fs::remove_file(path);
        }
    }

    /// The user threw the journal's work away in the recovery dialog.
    pub fn delete(&mut self, path: &Path) {
        self.written.remove(path);
        let _ = std::fs::remove_file(path);
    }

    /// Journals left by an earlier session for the files now open.
    pub fn find(&self, app: &App) -> Vec<RecoveryEntry> {
        let mut found = Vec::new();
        for (file, entry) in app.files.iter().enumerate() {
            let FileState::Loaded { saved: on_disk, .. } = &entry.state else { continue };
            let path = self.path_for(&entry.path);
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let Some((base, mine)) = parse_journal(&text) else { continue };
            if mine == *on_disk || mine == base {
                let _ = std::fs::remove_file(&path); // nothing unsaved in it
                continue;
            }
            let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            let differences = differences(&base, &mine);
            found.push(RecoveryEntry { file, journal_path: path, base, mine, written, differences });
        }
        found
    }
}

fn parse_journal(text: &str) -> Option<(Document, Document)> {
    let (_, rest) = text.split_once(BASE_MARK)?;
    let (base, mine) = rest.split_once(&format!("\n{MINE_MARK}")).map(|(b, m)| (format!("{b}\n"), m))?;
    Some((parse_document(&base).ok()?, parse_document(mine).ok()?))
}

/// The fields the journal changed.
fn differences(base: &Document, mine: &Document) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    for division in &mine.divisions {
        for section in &division.sections {
            let before = base.find_section(&division.name, &section.name);
            for field in Field::ALL {
                let old = before.map(|b| field.text(b)).unwrap_or_default();
                let new = field.text(section);
                if old != new {
                    out.push(FieldDiff {
                        division: division.name.clone(),
                        section: section.name.clone(),
                        field,
                        before: old,
                        after: new,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::FileEntry;
    use crate::i18n::Lang;

    #[test]
    fn unsaved_work_is_journaled_found_again_and_removed_once_saved() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let text = include_str!("../../data/kamigyo/2008.yaml");
        let doc = parse_document(text).unwrap_or_else(|p| panic!("{p:?}"));
        let data = dir.path().join("2008.yaml");
        let mut app = App::new(vec![FileEntry::loaded(&data, doc.clone(), text)], Lang::Ja);
        let mut journal = Journal::new(dir.path().join("state"));
        journal.sync(&app, true).unwrap_or_else(|e| panic!("{e}"));
        assert!(!journal.path_for(&data).exists(), "nothing unsaved, no journal");

        if let Some(s) = app.section_mut(crate::app::SectionRef { file: 0, division: 0, section: 3 }) {
            s.reflection.push_str("（追記）");
        }
        journal.sync(&app, true).unwrap_or_else(|e| panic!("{e}"));
        assert!(journal.path_for(&data).exists());

        let fresh = App::new(vec![FileEntry::loaded(&data, doc, text)], Lang::Ja);
        let found = Journal::new(dir.path().join("state")).find(&fresh);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].differences.len(), 1);
        assert_eq!(found[0].differences[0].place(Lang::Ja), "区民部 › 市民税課 › 振り返り");
        assert!(found[0].differences[0].after.ends_with("（追記）"));

        if let FileState::Loaded { doc, saved, .. } = &mut app.files[0].state {
            *saved = doc.clone();
        }
        journal.sync(&app, true).unwrap_or_else(|e| panic!("{e}"));
        assert!(!journal.path_for(&data).exists(), "saved: the journal goes");
    }
}
