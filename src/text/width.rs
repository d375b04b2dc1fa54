//! Measuring and cutting by display columns, never inside a grapheme cluster.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns the text takes in a terminal (full-width kana and kanji count two).
pub fn display_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// The same measure ratatui draws with, so that our layout and its buffer agree.
fn grapheme_width(grapheme: &str) -> usize {
    grapheme.width()
}

/// Breaks the text into lines of at most `width` columns; explicit line breaks are kept.
/// A wide character that would not fit at the end of a line starts the next one.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for grapheme in paragraph.graphemes(true) {
            let w = grapheme_width(grapheme);
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(grapheme);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// Cuts the text to `width` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme_width(grapheme);
        if used + w + 1 > width {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_counts_two_columns() {
        assert_eq!(display_width("総務課"), 6);
        assert_eq!(display_width("4%増加"), 6);
        assert_eq!(display_width("か\u{3099}"), 2);
    }

    #[test]
    fn wrapping_never_exceeds_the_width_nor_splits_a_character() {
        let text = "市民対応については、概ね目標を達成でき、クレーム等もなかった。";
        for width in 2..20 {
            let lines = wrap(text, width);
            assert!(lines.iter().all(|l| display_width(l) <= width), "width {width}: {lines:?}");
            assert_eq!(lines.concat(), text);
        }
        assert_eq!(wrap("あいう", 5), ["あい", "う"]);
        assert_eq!(wrap("一\n二", 10), ["一", "二"]);
    }

    #[test]
    fn truncation_ends_with_an_ellipsis_inside_the_width() {
        assert_eq!(truncate("まちづくり推進課", 9), "まちづく…");
        assert_eq!(truncate("総務課", 6), "総務課");
        assert_eq!(truncate("総務課", 4), "総…");
    }
}
