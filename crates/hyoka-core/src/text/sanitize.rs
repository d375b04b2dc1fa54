//! Data files come from git and other people: nothing in them may drive the terminal.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{AmbiguousWidth, is_ambiguous};

/// Stands in the cell after an ambiguous character when the terminal draws those two columns
/// wide; the screen's final pass hides it from the terminal (see `ui::finish`). A private-use
/// character, so that no text can contain it: `sanitize` shows one in data as `<U+E000>`.
pub const PAD: char = '\u{E000}';

/// The half-width (semi-)voiced sound marks ﾞ ﾟ, and what stands in for each in ratatui's cells.
/// They join the kana before them into one grapheme cluster (ﾍﾟ), which terminals draw as two
/// characters of one column each; ratatui 0.30 counts each mark once more on top of
/// unicode-width's count (ratatui-core's `CellWidth`, written for an older unicode-width), so a
/// cluster would take three cells. A stand-in is a cluster of its own that ratatui measures as one
/// column; `ui::finish` puts the mark back and declares its cell one column wide.
pub const SOUND_MARKS: [(char, char); 2] = [('\u{FF9E}', '\u{E001}'), ('\u{FF9F}', '\u{E002}')];

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
        || sound_mark(c).is_some()
        || SOUND_MARKS.iter().any(|&(_, stand_in)| c == stand_in)
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

impl AmbiguousWidth {
    /// Text as it goes into ratatui's cells, so that ratatui lays it out in the columns the
    /// terminal will use: in a terminal that draws ambiguous characters two columns wide each is
    /// followed by [`PAD`], and every half-width sound mark gets its stand-in ([`SOUND_MARKS`]).
    /// Apply to text already cut to fit.
    pub fn widen(self, text: &str) -> Cow<'_, str> {
        let wide = self == AmbiguousWidth::Wide;
        let marks = text.chars().any(is_sound_mark);
        if !marks && (!wide || !text.graphemes(true).any(is_ambiguous)) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 8);
        for grapheme in text.graphemes(true) {
            // A mark starts a cell of its own, as it starts a column of its own in the terminal.
            for piece in split_before_marks(grapheme) {
                for c in piece.chars() {
                    out.push(stand_in(c));
                }
                if wide && is_ambiguous(piece) {
                    out.push(PAD);
                }
            }
        }
        Cow::Owned(out)
    }

    /// [`widen`](Self::widen) for a widget that keeps its own copy of the text (a `Span`, a
    /// `Line`, a block's title): the text padded for ratatui's cells, owned.
    pub fn padded_for_cells(self, text: impl AsRef<str>) -> String {
        self.widen(text.as_ref()).into_owned()
    }
}

/// ﾞ or ﾟ.
pub fn is_sound_mark(c: char) -> bool {
    SOUND_MARKS.iter().any(|&(mark, _)| c == mark)
}

fn stand_in(c: char) -> char {
    SOUND_MARKS.iter().find(|&&(mark, _)| mark == c).map_or(c, |&(_, stand_in)| stand_in)
}

/// The mark a stand-in stands for.
pub fn sound_mark(stand_in: char) -> Option<char> {
    SOUND_MARKS.iter().find(|&&(_, s)| s == stand_in).map(|&(mark, _)| mark)
}

/// A grapheme cut before each sound mark in it (`ﾍﾟ` → `ﾍ`, `ﾟ`).
fn split_before_marks(grapheme: &str) -> impl Iterator<Item = &str> {
    let mut rest = grapheme;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let first = rest.chars().next().map_or(0, char::len_utf8);
        let end = rest.get(first..).and_then(|after| after.find(is_sound_mark)).map_or(rest.len(), |at| at + first);
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NARROW: AmbiguousWidth = AmbiguousWidth::Narrow;
    const WIDE: AmbiguousWidth = AmbiguousWidth::Wide;

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
        assert_eq!(NARROW.widen("◎ 達成"), "◎ 達成");
        assert_eq!(WIDE.widen("◎ 達成"), "◎\u{E000} 達成");
        assert_eq!(WIDE.widen("①・×"), "①\u{E000}・×\u{E000}", "katakana ・ is wide everywhere");
        assert_eq!(WIDE.widen("◎\u{FF9F}"), "◎\u{E000}\u{E002}", "a mark after an ambiguous character: its own cell");
        assert_eq!(WIDE.padded_for_cells(String::from("×")), "×\u{E000}");
    }

    #[test]
    fn half_width_sound_marks_get_cells_of_their_own() {
        for measure in [NARROW, WIDE] {
            assert_eq!(measure.widen("ﾎｰﾑﾍﾟｰｼﾞ"), "ﾎｰﾑﾍ\u{E002}ｰｼ\u{E001}");
            assert_eq!(measure.widen("\u{FF9E}\u{FF9E}"), "\u{E001}\u{E001}");
        }
        assert_eq!(sanitize("\u{E001}"), "<U+E001>", "a stand-in in data is shown, never taken for a mark");
        assert!(matches!(WIDE.widen("ホームページ"), Cow::Borrowed(_)));
        assert_eq!(sound_mark('\u{E002}'), Some('\u{FF9F}'));
    }
}
