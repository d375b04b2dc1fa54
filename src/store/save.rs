//! Saving one document: notice what others saved meanwhile, merge, write atomically.

use std::fs;
use std::path::Path;

use super::emit::emit_document;
use super::files::write_atomically;
use super::merge::{Conflict, merge_sections};
use super::parse::parse_document;
use crate::i18n::Lang;
use crate::model::Document;

/// What the file holds after a successful save.
#[derive(Debug)]
pub struct Saved {
    pub doc: Document,
    pub text: String,
    /// Someone else had saved in between and their sections were taken in.
    pub merged: bool,
}

#[derive(Debug)]
pub enum SaveError {
    Conflict(Vec<Conflict>),
    /// The file on disk no longer parses: we do not write over someone's half-done edit.
    DiskUnreadable(String),
    Io(std::io::Error),
}

impl SaveError {
    pub fn describe(&self, path: &Path, lang: Lang) -> String {
        let path = path.display();
        match (self, lang) {
            (SaveError::Conflict(c), Lang::Ja) => format!(
                "{path} を保存できません: 他の人が同じ課（{}）を先に保存しました。あなたの変更は画面に残っています。内容を書き留めてから hyoka を開き直してください。",
                c.iter().map(|c| format!("{} {}", c.division, c.section)).collect::<Vec<_>>().join("、")
            ),
            (SaveError::Conflict(c), Lang::En) => format!(
                "cannot save {path}: someone else saved the same section ({}) first. Your edits are still on screen; note them and reopen hyoka.",
                c.iter().map(|c| format!("{} {}", c.division, c.section)).collect::<Vec<_>>().join(", ")
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
pub fn save_document(path: &Path, base_text: &str, base: &Document, mine: &Document) -> Result<Saved, SaveError> {
    let on_disk = match fs::read(path) {
        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| SaveError::DiskUnreadable("not UTF-8".into()))?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(SaveError::Io(e)),
    };
    let (doc, merged) = match on_disk {
        Some(text) if text != base_text => {
            let theirs = parse_document(&text).map_err(|problems| {
                let first = problems.first().map(|p| p.kind.describe(Lang::En)).unwrap_or_default();
                SaveError::DiskUnreadable(first)
            })?;
            (merge_sections(base, mine, &theirs).map_err(SaveError::Conflict)?, true)
        }
        _ => (mine.clone(), false),
    };
    let text = emit_document(&doc);
    write_atomically(path, text.as_bytes()).map_err(SaveError::Io)?;
    Ok(Saved { doc, text, merged })
}
