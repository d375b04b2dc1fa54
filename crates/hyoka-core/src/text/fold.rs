//! Text folded for search, so that Japanese is found the way it is meant: Unicode NFKC (ＡＢＣ is
//! ABC, ｶﾅ is カナ, １割 is 1割), lower case, and on request katakana as hiragana.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The text as search compares it. Each grapheme cluster is folded on its own, so that a match
/// found in the folded text can be traced back to whole clusters of the original (see [`find`]).
pub fn fold(text: &str, kana: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // A stable character followed by another (or by nothing) is a cluster of its own: the
        // common case skips the cluster rules, which cost most of a search index's building.
        let next = rest.get(c.len_utf8()..).and_then(|r| r.chars().next());
        let cluster = if stable(c) && next.is_none_or(stable) {
            rest.get(..c.len_utf8()).unwrap_or_default()
        } else {
            rest.graphemes(true).next().unwrap_or(rest)
        };
        push_folded(&mut out, cluster, kana);
        rest = rest.get(cluster.len()..).unwrap_or_default();
    }
    out
}

/// Where `query` (already folded with [`fold`]) occurs in `text`, as byte ranges of `text` that
/// begin and end on grapheme clusters; overlapping occurrences are not counted twice.
pub fn find(text: &str, query: &str, kana: bool) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    // (start in the folded text, byte range of the cluster in `text`)
    let mut map: Vec<(usize, Range<usize>)> = Vec::new();
    let mut folded = String::with_capacity(text.len());
    for (start, cluster) in text.grapheme_indices(true) {
        map.push((folded.len(), start..start + cluster.len()));
        push_folded(&mut folded, cluster, kana);
    }
    let cluster_at = |folded_byte: usize| map.partition_point(|(f, _)| *f <= folded_byte).saturating_sub(1);
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, found) in folded.match_indices(query) {
        let first = map.get(cluster_at(at)).map(|(_, r)| r.start);
        let last = map.get(cluster_at(at + found.len().saturating_sub(1))).map(|(_, r)| r.end);
        if let (Some(start), Some(end)) = (first, last) {
            match out.last_mut() {
                // A query that folds to part of a cluster may match twice inside one cluster.
                Some(prev) if prev.end > start => prev.end = prev.end.max(end),
                _ => out.push(start..end),
            }
        }
    }
    out
}

/// How often the folded `query` occurs in the folded `haystack`.
pub fn count(haystack: &str, query: &str) -> usize {
    if query.is_empty() { 0 } else { haystack.matches(query).count() }
}

fn push_folded(out: &mut String, cluster: &str, kana: bool) {
    let mut chars = cluster.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && stable(c)
    {
        // The common case, kept cheap: kanji, kana and ASCII need no normalising.
        out.push(if kana { hiragana(c.to_ascii_lowercase()) } else { c.to_ascii_lowercase() });
        return;
    }
    for c in cluster.nfkc() {
        for lower in c.to_lowercase() {
            out.push(if kana { hiragana(lower) } else { lower });
        }
    }
}

/// Characters NFKC leaves as they are and that have no other case than ASCII's.
fn stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{4E00}'..='\u{9FFF}' | '\u{3001}' | '\u{3002}')
}

/// Katakana as the hiragana of the same sound (ヴ as ゔ); other characters unchanged.
fn hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' => char::from_u32(u32::from(c) - 0x60).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_and_case_variants_fold_to_one_form() {
        assert_eq!(fold("ＡＢＣ", false), "abc");
        assert_eq!(fold("ABC", false), "abc");
        assert_eq!(fold("ｶﾅ", false), "カナ");
        assert_eq!(fold("ｶﾞｲﾄﾞ", false), "ガイド");
        assert_eq!(fold("１割", false), "1割");
        assert_eq!(fold("ホームページ", true), "ほーむぺーじ");
        assert_eq!(fold("ホームページ", false), "ホームページ");
    }

    #[test]
    fn matches_are_found_in_the_original_text_on_whole_clusters() {
        let text = "アクセス件数の1割増加を目指します。ｶﾞｲﾄﾞ";
        let q = fold("１割", false);
        let found = find(text, &q, false);
        assert_eq!(found.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["1割"]);
        let q = fold("ガイド", false);
        assert_eq!(find(text, &q, false).iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["ｶﾞｲﾄﾞ"]);
        let q = fold("あくせす", true);
        assert_eq!(find(text, &q, true).iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["アクセス"]);
        assert!(find(text, &fold("あくせす", false), false).is_empty(), "kana stay apart unless asked");
        assert_eq!(count(&fold(text, false), &fold("す", false)), 1);
    }

    proptest::proptest! {
        /// The shortcut for stable characters folds exactly as cluster by cluster would, whatever
        /// follows them: combining sound marks, half-width kana, CR LF, emoji sequences.
        #[test]
        fn the_shortcut_folds_as_the_clusters_do(
            text in proptest::collection::vec(
                proptest::sample::select(vec![
                    "か", "カ", "漢", "a", "Z", "1", "、", "。", "\u{3099}", "\u{309A}", "\u{0301}", "ｶ", "ﾞ",
                    "\r", "\n", "Ａ", "１", "👍", "\u{200D}", "\u{1F3FB}", "ヴ", " ", "①", "〇",
                ]),
                0..24,
            )
        ) {
            let text: String = text.concat();
            for kana in [false, true] {
                let mut by_clusters = String::new();
                for cluster in text.graphemes(true) {
                    push_folded(&mut by_clusters, cluster, kana);
                }
                proptest::prop_assert_eq!(fold(&text, kana), by_clusters);
            }
        }
    }
}
