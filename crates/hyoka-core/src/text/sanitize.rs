//! Data files come from git and other people: nothing in them may drive the terminal.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{AmbiguousWidth, ambiguous_width, is_ambiguous};

/// Stands in the cell after an ambiguous character when the terminal draws those two columns
/// wide; the screen's final pass hides it from the terminal (see `ui::finish`). A private-use
/// character, so that no text can contain it: `sanitize` shows one in data as `<U+E000>`.
pub const PAD: char = '\u{E000}';

/// Replaces every character that a terminal would act upon (escape sequences, C0/C1 controls,
/// bidirectional overrides) with a visible stand-in; tabs become spaces. Line breaks stay.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c != '\n' && (c as u32) < 0x20 => {
                // U+2400.. "control pictures": ␛ for ESC, ␇ for BEL, …
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
            }
            '\u{7f}' => out.push('␡'),
            c if needs_replacing(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Characters a terminal acts upon or that reorder what follows them.
pub fn needs_replacing(c: char) -> bool {
    (c != '\n' && c.is_control())
        || c == PAD
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// In a terminal that draws ambiguous characters two columns wide, follows each with [`PAD`] so
/// that ratatui lays out the two columns the terminal will use. Apply to text already cut to fit.
pub fn widen(text: &str) -> Cow<'_, str> {
    if ambiguous_width() == AmbiguousWidth::Narrow || !text.graphemes(true).any(is_ambiguous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for grapheme in text.graphemes(true) {
        out.push_str(grapheme);
        if is_ambiguous(grapheme) {
            out.push(PAD);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{AmbiguousWidth, set_ambiguous_width};

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(sanitize("x\u{9b}y"), "x<U+009B>y");
        assert_eq!(sanitize("\u{202e}abc"), "<U+202E>abc");
        assert_eq!(sanitize("一\n二\tend"), "一\n二    end");
        assert_eq!(sanitize("\u{E000}"), "<U+E000>");
        assert!(matches!(sanitize("普通の文"), Cow::Borrowed(_)));
    }

    #[test]
    fn widening_pads_only_ambiguous_characters_and_only_in_wide_mode() {
        assert_eq!(widen("◎ 達成"), "◎ 達成");
        set_ambiguous_width(AmbiguousWidth::Wide);
        assert_eq!(widen("◎ 達成"), "◎\u{E000} 達成");
        assert_eq!(widen("①・×"), "①\u{E000}・×\u{E000}", "katakana ・ is wide everywhere");
        set_ambiguous_width(AmbiguousWidth::Narrow);
    }
}
