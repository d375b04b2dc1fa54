//! Measuring and cutting by display columns, never inside a grapheme cluster.
//!
//! East Asian *ambiguous* characters (◎ ○ △ × ① ・ ～ ※ → and the box-drawing set) take one
//! column in most terminals and two in many Japanese set-ups. The setting is per thread, so that
//! tests of both kinds run side by side; hyoka sets it once, on the thread that draws.

use std::cell::Cell;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

thread_local! {
    static AMBIGUOUS_WIDE: Cell<bool> = const { Cell::new(false) };
}

/// How many columns the terminal gives an ambiguous character: 1 or 2.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AmbiguousWidth {
    #[default]
    Narrow,
    Wide,
}

pub fn set_ambiguous_width(width: AmbiguousWidth) {
    AMBIGUOUS_WIDE.with(|w| w.set(width == AmbiguousWidth::Wide));
}

pub fn ambiguous_width() -> AmbiguousWidth {
    if AMBIGUOUS_WIDE.with(Cell::get) { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow }
}

/// A grapheme whose width depends on the terminal's ambiguous-width setting.
pub fn is_ambiguous(grapheme: &str) -> bool {
    grapheme.width_cjk() > grapheme.width()
}

/// Columns one grapheme cluster takes in the terminal, as set up.
pub fn grapheme_width(grapheme: &str) -> usize {
    match ambiguous_width() {
        AmbiguousWidth::Narrow => grapheme.width(),
        AmbiguousWidth::Wide => grapheme.width_cjk(),
    }
}

/// Columns the text takes in the terminal (full-width kana and kanji count two).
pub fn display_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// Cuts the text to `width` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_owned();
    }
    let ellipsis = display_width("…");
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme_width(grapheme);
        if used + w + ellipsis > width {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if width >= ellipsis {
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
        // A half-width kana and its sound mark: one cluster, two columns, as terminals draw them.
        assert_eq!(display_width("ﾎｰﾑﾍﾟｰｼﾞ"), 8);
        assert_eq!(truncate("ﾃﾞｰﾀ", 3), "ﾃﾞ…");
    }

    #[test]
    fn ambiguous_characters_follow_the_setting() {
        assert_eq!(display_width("◎○△×①※→"), 7);
        set_ambiguous_width(AmbiguousWidth::Wide);
        assert_eq!(display_width("◎○△×①※→"), 14);
        assert_eq!(display_width("総務課abc"), 9, "only ambiguous characters change");
        assert_eq!(truncate("◎達成できた", 6), "◎達…");
        set_ambiguous_width(AmbiguousWidth::Narrow);
    }

    #[test]
    fn truncation_ends_with_an_ellipsis_inside_the_width() {
        assert_eq!(truncate("まちづくり推進課", 9), "まちづく…");
        assert_eq!(truncate("総務課", 6), "総務課");
        assert_eq!(truncate("総務課", 4), "総…");
    }
}
