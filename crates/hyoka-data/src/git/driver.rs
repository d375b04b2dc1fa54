//! The merge of three versions of a data file that `hyoka merge-driver` does for git, by field.

use super::changes::HeadField;
use crate::store::Describe;
use crate::store::{FieldConflict, LayoutLoss, merge, parse_document, rewrite_explained};
use hyoka_core::model::Document;

/// What the field-level merge of three versions gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeResult {
    /// Every change merged. `revived` names sections the other side removed and this side changed,
    /// `kept` those this side removed and the other changed: kept either way, and said.
    Clean { text: String, revived: Vec<String>, kept: Vec<String>, layout_lost: Option<LayoutLoss> },
    /// Fields changed differently on both sides. `text` is valid YAML holding every merged change
    /// and, in the conflicting fields, *mine* (this work tree's side), so that a file committed
    /// as it stands loses nothing of ours and theirs is in the record and in git.
    Conflicted { text: String, conflicts: Vec<FieldConflict>, revived: Vec<String>, kept: Vec<String> },
    /// Not for hyoka to merge: a version is no data file hyoka can read, or a value of the head
    /// (organisation, year, checkpoint, preface, notes, scale) changed on both sides. git's own
    /// line merge applies, with its markers, for a person to settle by hand.
    NotMine { why: String },
}

/// Merges `mine` and `theirs`, both changed from `base`. An empty `base` is a file both sides
/// added: every section is then as if new on both. The result is written into `mine`'s text as a
/// save writes into the file on disk: our comments and layout stay.
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
    if let Some(head) = merged.head.first() {
        return MergeResult::NotMine { why: format!("{} changed on both sides", head.key()) };
    }
    let mut doc = merged.doc;
    for conflict in &merged.conflicts {
        if let Some(section) = doc.find_section_mut(&conflict.division, &conflict.section) {
            conflict.keep(&conflict.mine_section, section);
        }
    }
    // The result goes into our text as a save would put it there: our comments and layout stay
    // (also where the result is all theirs), and only what changed is written anew.
    let (text, layout_lost) = rewrite_explained(Some((mine, &mine_doc)), &doc);
    let (revived, kept) = (merged.revived, merged.kept);
    if merged.conflicts.is_empty() {
        MergeResult::Clean { text, revived, kept, layout_lost }
    } else {
        MergeResult::Conflicted { text, conflicts: merged.conflicts, revived, kept }
    }
}
