//! Character-level differences of Japanese text, for the history view.
//!
//! Japanese has no spaces between words, so a word diff would call a whole sentence changed;
//! the diff is taken over grapheme clusters (a character as the screen shows it), and matches of a
//! single character between two changes ("の", "を") are folded into the change, so that a
//! rewritten phrase reads as one replacement rather than confetti.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use unicode_segmentation::UnicodeSegmentation as _;

/// Whether a piece of text is in both versions, only the old one, or only the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    Same,
    Removed,
    Added,
}

/// A run of text of one kind; the spans in order spell out the old text (Same + Removed) and the
/// new text (Same + Added) interleaved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffSpan {
    pub kind: SpanKind,
    pub text: String,
}

/// Beyond this a diff gives up finding the smallest change (the result stays correct).
const DEADLINE: Duration = Duration::from_millis(200);

/// Equal runs up to this many characters between two changes are folded into the change.
const FOLD: usize = 1;

/// The difference from `old` to `new`, character by character.
pub fn char_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let a: Vec<&str> = old.graphemes(true).collect();
    let b: Vec<&str> = new.graphemes(true).collect();
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(Instant::now() + DEADLINE));
    // Each op as (removed, added, same) text, then short sames between changes are folded.
    let mut pieces: Vec<(String, String, String)> = Vec::new();
    let text = |slice: &[&str], from: usize, len: usize| slice.iter().skip(from).take(len).copied().collect::<String>();
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                pieces.push((String::new(), String::new(), text(&a, old_index, len)))
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                pieces.push((text(&a, old_index, old_len), String::new(), String::new()))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                pieces.push((String::new(), text(&b, new_index, new_len), String::new()))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                pieces.push((text(&a, old_index, old_len), text(&b, new_index, new_len), String::new()));
            }
        }
    }
    let mut spans: Vec<DiffSpan> = Vec::new();
    let mut removed = String::new();
    let mut added = String::new();
    let count = pieces.len();
    for (i, (r, ad, same)) in pieces.into_iter().enumerate() {
        removed.push_str(&r);
        added.push_str(&ad);
        if same.is_empty() {
            continue;
        }
        let between_changes = (!removed.is_empty() || !added.is_empty()) && i + 1 < count;
        if between_changes && same.graphemes(true).count() <= FOLD {
            removed.push_str(&same);
            added.push_str(&same);
            continue;
        }
        flush(&mut spans, &mut removed, &mut added);
        push(&mut spans, SpanKind::Same, same);
    }
    flush(&mut spans, &mut removed, &mut added);
    spans
}

fn flush(spans: &mut Vec<DiffSpan>, removed: &mut String, added: &mut String) {
    push(spans, SpanKind::Removed, std::mem::take(removed));
    push(spans, SpanKind::Added, std::mem::take(added));
}

fn push(spans: &mut Vec<DiffSpan>, kind: SpanKind, text: String) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(&text),
        _ => spans.push(DiffSpan { kind, text }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(spans: &[DiffSpan]) -> String {
        spans
            .iter()
            .map(|s| match s.kind {
                SpanKind::Same => s.text.clone(),
                SpanKind::Removed => format!("[-{}]", s.text),
                SpanKind::Added => format!("{{+{}}}", s.text),
            })
            .collect()
    }

    #[test]
    fn a_changed_phrase_is_one_replacement_and_the_rest_stays() {
        let spans = char_diff("市民対応については、概ね目標を達成でき", "窓口対応については、目標をほぼ達成でき");
        assert_eq!(show(&spans), "[-市民]{+窓口}対応については、[-概ね]目標を{+ほぼ}達成でき");
    }

    #[test]
    fn a_single_common_character_between_changes_is_folded() {
        // Without folding this reads 「[-東]{+西}の[-玄関]{+窓口}」: the の is no real match.
        assert_eq!(show(&char_diff("東の玄関へ", "西の窓口へ")), "[-東の玄関]{+西の窓口}へ");
    }

    #[test]
    fn graphemes_are_never_split_and_the_spans_spell_both_versions() {
        let (old, new) = ("か\u{3099}き ①丁寧", "か\u{309a}き ②丁寧\nに");
        let spans = char_diff(old, new);
        let side =
            |keep: SpanKind| spans.iter().filter(|s| s.kind != keep).map(|s| s.text.as_str()).collect::<String>();
        assert_eq!(side(SpanKind::Added), old);
        assert_eq!(side(SpanKind::Removed), new);
        assert!(spans.iter().all(|s| !s.text.starts_with('\u{3099}') && !s.text.starts_with('\u{309a}')));
        assert_eq!(char_diff("同じ", "同じ"), [DiffSpan { kind: SpanKind::Same, text: "同じ".into() }]);
        assert!(char_diff("", "").is_empty());
    }
}
