//! Saving one document: lock, notice what others saved meanwhile, merge, write atomically.

use std::path::Path;
use std::time::Duration;

use super::emit::emit_document;
use super::files::{FaultPlan, decode, is_writable, read_data_file, write_atomically_with};
use super::lock::lock;
use super::merge::{FieldConflict, merge};
use super::parse::parse_document;
use crate::i18n::Lang;
use crate::model::Document;

/// How long a save waits for another hyoka that is saving the same file.
const LOCK_PATIENCE: Duration = Duration::from_secs(5);

/// What the file holds after a successful save.
#[derive(Debug)]
pub struct Saved {
    pub doc: Document,
    pub text: String,
    /// Someone else had saved in between and their work was taken in.
    pub merged: bool,
    /// Sections they removed that we had changed: kept (see `merge`).
    pub revived: Vec<String>,
}

/// Someone else saved the same fields differently: nothing was written.
#[derive(Debug)]
pub struct Conflicted {
    /// Our work merged into theirs; the conflicting fields still hold their values.
    pub merged: Document,
    pub conflicts: Vec<FieldConflict>,
    pub theirs: Document,
    pub theirs_text: String,
}

#[derive(Debug)]
pub enum SaveOutcome {
    Saved(Saved),
    Conflicted(Conflicted),
}

#[derive(Debug)]
pub enum SaveError {
    /// Another hyoka held the lock for longer than we waited.
    Busy,
    /// The file was made read-only after it was opened: a rename would replace it anyway, so we
    /// refuse, as an editor that respects the office's permissions must.
    ReadOnly,
    /// The file on disk no longer parses: we do not write over someone's half-done edit.
    DiskUnreadable(String),
    Io(std::io::Error),
}

impl SaveError {
    pub fn describe(&self, path: &Path, lang: Lang) -> String {
        let path = path.display();
        match (self, lang) {
            (SaveError::Busy, Lang::Ja) => {
                format!("{path} は他の人が保存中です。少し待ってから、もう一度 Ctrl-S を押してください。")
            }
            (SaveError::Busy, Lang::En) => {
                format!("someone else is saving {path}; wait a moment and press Ctrl-S again.")
            }
            (SaveError::ReadOnly, Lang::Ja) => format!(
                "{path} は書き込み禁止になっています。変更は画面に残っています。担当者に書き込み権限を頼んでから、もう一度 Ctrl-S を押してください。"
            ),
            (SaveError::ReadOnly, Lang::En) => format!(
                "{path} has been made read-only. Your changes are kept on screen; ask for write permission, then press Ctrl-S again."
            ),
            (SaveError::DiskUnreadable(why), Lang::Ja) => format!(
                "{path} を保存できません: ディスク上のファイルが壊れています（{why}）。上書きはしていません。ファイルを直してからもう一度 Ctrl-S を押してください。"
            ),
            (SaveError::DiskUnreadable(why), Lang::En) => format!(
                "cannot save {path}: the file on disk is broken ({why}). Nothing was overwritten; fix the file and press Ctrl-S again."
            ),
            (SaveError::Io(e), Lang::Ja) => format!(
                "{path} を保存できません（{e}）。元のファイルはそのままで、変更も残っています。空き容量と書き込み権限を確かめて、もう一度 Ctrl-S を押してください。"
            ),
            (SaveError::Io(e), Lang::En) => format!(
                "cannot save {path} ({e}). The file is unchanged and your edits are kept; check free space and write permission, then press Ctrl-S again."
            ),
        }
    }
}

/// Writes `mine` to `path`. `base_text`/`base` are what we last read or wrote there.
pub fn save_document(
    path: &Path,
    base_text: &str,
    base: &Document,
    mine: &Document,
    faults: &dyn FaultPlan,
) -> Result<SaveOutcome, SaveError> {
    let _lock = lock(path, LOCK_PATIENCE).map_err(|e| match e.kind() {
        std::io::ErrorKind::WouldBlock => SaveError::Busy,
        _ => SaveError::Io(e),
    })?;
    if path.exists() && !is_writable(path) {
        return Err(SaveError::ReadOnly);
    }
    let on_disk = match read_data_file(path) {
        Ok(bytes) => Some(decode(&bytes).map_err(|p| SaveError::DiskUnreadable(p.kind.describe(Lang::En)))?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(SaveError::Io(e)),
    };
    let mut revived = Vec::new();
    let (doc, merged) = match on_disk {
        // Merged even when the text is what we last read: after taking in a save from elsewhere,
        // the base keeps the old value of fields both sides changed, so that they are asked about.
        Some(text) => {
            let theirs = parse_document(&text).map_err(|problems| {
                SaveError::DiskUnreadable(problems.first().map(|p| p.kind.describe(Lang::En)).unwrap_or_default())
            })?;
            let result = merge(base, mine, &theirs);
            // A section of ours they removed (or renamed) is a question for a person too: never
            // written back without one.
            if !result.conflicts.is_empty() || !result.revived.is_empty() {
                return Ok(SaveOutcome::Conflicted(Conflicted {
                    merged: result.doc,
                    conflicts: result.conflicts,
                    theirs,
                    theirs_text: text,
                }));
            }
            revived = result.revived;
            (result.doc, text != base_text)
        }
        None => (mine.clone(), false),
    };
    let text = emit_document(&doc);
    write_atomically_with(path, text.as_bytes(), faults).map_err(SaveError::Io)?;
    Ok(SaveOutcome::Saved(Saved { doc, text, merged, revived }))
}
