//! Measuring and cutting by display columns, never inside a grapheme cluster.
//!
//! East Asian *ambiguous* characters (◎ ○ △ × ① ・ ～ ※ → and the box-drawing set) take one
//! column in most terminals and two in many Japanese set-ups. How wide they are is a value,
//! [`AmbiguousWidth`], that every measurement is asked through: the screen measures with what
//! its terminal answered, text no terminal shows with [`AmbiguousWidth::NO_TERMINAL`].

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How many columns the terminal gives an ambiguous character: 1 or 2. Every width in columns is
/// measured through it (`display_width`, `truncate`, `wrap`, `edit_rows`, `widen`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AmbiguousWidth {
    /// One column, as most terminals and Unicode's own default draw them.
    #[default]
    Narrow,
    /// Two columns (PuTTY, RLogin, TeraTerm set so, xterm -cjk_width, vim's ambiwidth=double).
    Wide,
}

/// A grapheme whose width depends on the terminal's ambiguous-width setting.
pub fn is_ambiguous(grapheme: &str) -> bool {
    grapheme.width_cjk() > grapheme.width()
}

impl AmbiguousWidth {
    /// What text that no terminal draws is measured with (reports printed by the command line,
    /// tables, files): ambiguous characters one column wide, as Unicode counts them by default.
    pub const NO_TERMINAL: AmbiguousWidth = AmbiguousWidth::Narrow;

    /// Columns one grapheme cluster takes.
    pub fn grapheme_width(self, grapheme: &str) -> usize {
        match self {
            AmbiguousWidth::Narrow => grapheme.width(),
            AmbiguousWidth::Wide => grapheme.width_cjk(),
        }
    }

    /// Columns the text takes (full-width kana and kanji count two).
    pub fn display_width(self, text: &str) -> usize {
        text.graphemes(true).map(|grapheme| self.grapheme_width(grapheme)).sum()
    }

    /// Cuts the text to `width` columns, ending in `…` when something was cut.
    pub fn truncate(self, text: &str, width: usize) -> String {
        if self.display_width(text) <= width {
            return text.to_owned();
        }
        let ellipsis = self.display_width("…");
        let mut out = String::new();
        let mut used = 0;
        for grapheme in text.graphemes(true) {
            let w = self.grapheme_width(grapheme);
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
}

#[cfg(test)]
mod tests {
    use super::*;

    const NARROW: AmbiguousWidth = AmbiguousWidth::Narrow;
    const WIDE: AmbiguousWidth = AmbiguousWidth::Wide;

    #[test]
    fn japanese_counts_two_columns() {
        for measure in [NARROW, WIDE] {
            assert_eq!(measure.display_width("総務課"), 6);
            assert_eq!(measure.display_width("4%増加"), 6);
            assert_eq!(measure.display_width("か\u{3099}"), 2);
            // A half-width kana and its sound mark: one cluster, two columns, as terminals draw them.
            assert_eq!(measure.display_width("ﾎｰﾑﾍﾟｰｼﾞ"), 8);
        }
        assert_eq!(NARROW.truncate("ﾃﾞｰﾀ", 3), "ﾃﾞ…");
        assert_eq!(WIDE.truncate("ﾃﾞｰﾀﾍﾞｰｽ", 5), "ﾃﾞｰ…", "the ellipsis is ambiguous too: two columns when wide");
    }

    #[test]
    fn ambiguous_characters_follow_the_setting() {
        assert_eq!(NARROW.display_width("◎○△×①※→"), 7);
        assert_eq!(WIDE.display_width("◎○△×①※→"), 14);
        assert_eq!(WIDE.display_width("総務課abc"), 9, "only ambiguous characters change");
        assert_eq!(WIDE.truncate("◎達成できた", 6), "◎達…");
        assert_eq!(NARROW.truncate("◎達成できた", 6), "◎達成…");
        assert_eq!(AmbiguousWidth::NO_TERMINAL, NARROW, "reports and files count one column");
    }

    #[test]
    fn truncation_ends_with_an_ellipsis_inside_the_width() {
        assert_eq!(NARROW.truncate("まちづくり推進課", 9), "まちづく…");
        assert_eq!(NARROW.truncate("総務課", 6), "総務課");
        assert_eq!(NARROW.truncate("総務課", 4), "総…");
    }
}
