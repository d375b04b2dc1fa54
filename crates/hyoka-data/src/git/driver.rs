//! The merge of three versions of a data file that `hyoka merge-driver` does for git, by field.

use super::changes::HeadField;
use crate::store::Describe;
use crate::store::{FieldConflict, emit_document, merge, parse_document};
use hyoka_core::model::Document;

/// What the field-level merge of three versions gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeResult {
    /// Every change merged. `revived` names sections one side removed and the other changed: kept.
    Clean { text: String, revived: Vec<String> },
    /// Fields changed differently on both sides. `text` is valid YAML holding every merged change
    /// and, in the conflicting fields, *mine* (this work tree's side), so that a file committed
    /// as it stands loses nothing of ours and theirs is in the record and in git.
    Conflicted { text: String, conflicts: Vec<FieldConflict>, revived: Vec<String> },
    /// Not for hyoka to merge: a version is no data file hyoka can read, or a value of the head
    /// (organisation, year, checkpoint, preface, scale) changed on both sides. git's own line
    /// merge applies, with its markers, for a person to settle by hand.
    NotMine { why: String },
}

/// Merges `mine` and `theirs`, both changed from `base`. An empty `base` is a file both sides
/// added: every section is then as if new on both.
pub fn merge_texts(base: &str, mine: &str, theirs: &str) -> MergeResult {
    let parse = |text: &str, side: &str| {
        parse_document(text).map_err(|problems| {
            let first = problems.first().map(|p| p.kind.describe(crate::i18n::Lang::En)).unwrap_or_default();
            MergeResult::NotMine { why: format!("{side}: {first}") }
        })
    };
    let (mine_doc, theirs_doc) = match (parse(mine, "ours"), parse(theirs, "theirs")) {
        (Ok(m), Ok(t)) => (m, t),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let base_doc = if base.trim().is_empty() {
        if !HeadField::ALL.iter().all(|h| h.equal(&mine_doc, &theirs_doc)) {
            return MergeResult::NotMine { why: "both sides added the file with different heads".into() };
        }
        Document { divisions: Vec::new(), ..theirs_doc.clone() }
    } else {
        match parse(base, "base") {
            Ok(doc) => doc,
            Err(e) => return e,
        }
    };
    let merged = merge(&base_doc, &mine_doc, &theirs_doc);
    let mut doc = merged.doc;
    for head in HeadField::ALL {
        let (mine_changed, theirs_changed) = (!head.equal(&base_doc, &mine_doc), !head.equal(&base_doc, &theirs_doc));
        if mine_changed && theirs_changed && !head.equal(&mine_doc, &theirs_doc) {
            return MergeResult::NotMine { why: format!("{head:?} changed on both sides") };
        }
        // The store's merge keeps theirs for a value of the head only we changed (the screen
        // never edits them); a branch that did is not to be undone by merging it.
        if mine_changed && !theirs_changed {
            head.copy(&mine_doc, &mut doc);
        }
    }
    for conflict in &merged.conflicts {
        if let Some(section) = doc.find_section_mut(&conflict.division, &conflict.section) {
            conflict.field.copy(&conflict.mine_section, section);
        }
    }
    // A side that already holds the result keeps its bytes (comments, hand layout).
    let text = if doc == mine_doc {
        mine.to_owned()
    } else if doc == theirs_doc {
        theirs.to_owned()
    } else {
        emit_document(&doc)
    };
    if merged.conflicts.is_empty() {
        MergeResult::Clean { text, revived: merged.revived }
    } else {
        MergeResult::Conflicted { text, conflicts: merged.conflicts, revived: merged.revived }
    }
}
