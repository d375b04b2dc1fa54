//! Japanese line breaking (禁則処理) on top of the Unicode line breaking algorithm.
//!
//! The base is UAX #14 (`unicode-linebreak`), which already keeps most closing punctuation off the
//! start of a line. On top of it come the character classes of JIS X 4051 as restated by the W3C
//! "Requirements for Japanese Text Layout" (JLREQ, §3.1.7 and Appendix A):
//! - no line starts with a closing bracket (cl-01), hyphen (cl-02), dividing punctuation (cl-03),
//!   middle dot (cl-04), full stop (cl-05), comma (cl-06), iteration mark (cl-07), prolonged sound
//!   mark (cl-08) or small kana (cl-09);
//! - no line ends with an opening bracket (cl-02 of JLREQ's "opening brackets", cl-01 in JIS);
//! - a number is not parted from the counter that follows it ("1割"), and a URL is not split.
//!
//! When a line must be broken where no break is allowed (a run longer than the line), the break
//! moves back by one character (追い出し, push-out) so that no rule is broken; pushing in (ぶら下げ)
//! would make the line wider than the pane, which a terminal cannot show.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use super::width::AmbiguousWidth;

/// JLREQ cl-01, cl-02, cl-03, cl-04, cl-05, cl-06, cl-07, cl-08, cl-09 (and their ASCII cousins).
const NOT_AT_LINE_START: &str = concat!(
    "）」』】〕〉》］｝〙〗〟’”｠»)]}",
    "‐〜゠–",
    "！？‼⁇⁈⁉!?",
    "・：；:;",
    "。．.",
    "、，,",
    "ヽヾゝゞ々〻",
    "ー",
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
);

/// JLREQ cl-01 (opening brackets).
const NOT_AT_LINE_END: &str = "（「『【〔〈《［｛〘〖〝‘“｟«([{";

pub fn may_start_line(c: char) -> bool {
    !NOT_AT_LINE_START.contains(c)
}

pub fn may_end_line(c: char) -> bool {
    !NOT_AT_LINE_END.contains(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Byte ranges of URLs, inside which no break is taken.
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(found) = ["https://", "http://"].iter().filter_map(|p| text[from..].find(p)).min() {
        let start = from + found;
        let end = text[start..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || !c.is_ascii() || "<>\"".contains(c))
            .map_or(text.len(), |(i, _)| start + i);
        spans.push((start, end));
        from = end;
    }
    spans
}

/// Byte positions before which a line may break, Japanese rules applied.
pub fn break_positions(paragraph: &str) -> Vec<usize> {
    let urls = url_spans(paragraph);
    linebreaks(paragraph)
        .filter(|&(at, kind)| kind == BreakOpportunity::Allowed && at > 0 && at < paragraph.len())
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = paragraph[..at].chars().next_back();
            let after = paragraph[at..].chars().next();
            let (Some(before), Some(after)) = (before, after) else { return false };
            may_start_line(after)
                && may_end_line(before)
                && !(is_digit(before) && is_japanese(after))
                && !urls.iter().any(|&(s, e)| s < at && at < e)
        })
        .collect()
}

impl AmbiguousWidth {
    /// Breaks text into lines of at most `width` columns (trailing spaces may hang past it),
    /// keeping explicit line breaks. Joining the lines (with `\n` between paragraphs) gives the
    /// text back.
    pub fn wrap(self, text: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        text.split('\n').flat_map(|paragraph| wrap_paragraph(paragraph, width, self)).collect()
    }
}

fn wrap_paragraph(paragraph: &str, width: usize, measure: AmbiguousWidth) -> Vec<String> {
    let graphemes: Vec<(usize, &str)> = paragraph.grapheme_indices(true).collect();
    if graphemes.is_empty() {
        return vec![String::new()];
    }
    let breaks = break_positions(paragraph);
    let can_break_before = |i: usize| graphemes.get(i).is_some_and(|g| breaks.binary_search(&g.0).is_ok());
    let span = |from: usize, to: usize| graphemes.get(from..to).unwrap_or_default().iter().map(|(_, g)| *g);
    let join = |from: usize, to: usize| span(from, to).collect::<String>();
    let width_of = |from: usize, to: usize| span(from, to).map(|g| measure.grapheme_width(g)).sum::<usize>();

    let mut lines = Vec::new();
    let (mut start, mut used, mut last_break) = (0, 0, None);
    let mut i = 0;
    while let Some(&(_, g)) = graphemes.get(i) {
        if i > start && can_break_before(i) {
            last_break = Some(i);
        }
        let w = measure.grapheme_width(g);
        // A space may hang past the edge: it is invisible there and the break comes right after it.
        if used + w > width && i > start && g != " " {
            let cut = match last_break {
                Some(b) if b > start => b,
                _ => forced_cut(&graphemes, start, i),
            };
            lines.push(join(start, cut));
            start = cut;
            used = width_of(start, i);
            last_break = None;
            continue;
        }
        used += w;
        i += 1;
    }
    lines.push(join(start, graphemes.len()));
    lines
}

/// Where to break a run that has no allowed break: before grapheme `i`, or one earlier when that
/// keeps a forbidden character off the start (or end) of a line.
fn forced_cut(graphemes: &[(usize, &str)], start: usize, i: usize) -> usize {
    let first = |g: &str| g.chars().next().unwrap_or(' ');
    let last = |g: &str| g.chars().next_back().unwrap_or(' ');
    let at = |i: usize| graphemes.get(i).map_or("", |g| g.1);
    let starts_badly = !may_start_line(first(at(i)));
    let ends_badly = !may_end_line(last(at(i.wrapping_sub(1))));
    if (starts_badly || ends_badly) && i - 1 > start { i - 1 } else { i }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> Vec<String> {
        AmbiguousWidth::Narrow.wrap(text, width)
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Without the rule, "。" would start the second line at width 10.
        let lines = wrap("あいうえおかきくけこ。さしすせそ", 20);
        assert_eq!(lines, ["あいうえおかきくけ", "こ。さしすせそ"]);
    }

    #[test]
    fn opening_brackets_never_end_a_line() {
        let lines = wrap("あいうえおかきく「けこ」", 18);
        assert_eq!(lines, ["あいうえおかきく", "「けこ」"]);
    }

    #[test]
    fn small_kana_and_long_vowel_stay_with_their_word() {
        for (text, width) in [("あいうえおかきくけっと", 20), ("あいうえおかきくけーと", 20)] {
            let lines = wrap(text, width);
            assert!(lines.iter().all(|l| l.chars().next().is_some_and(may_start_line)), "{lines:?}");
        }
    }

    #[test]
    fn numbers_keep_their_counter_and_percent() {
        assert_eq!(wrap("アクセス件数の1割増加", 16), ["アクセス件数の", "1割増加"]);
        for width in 2..12 {
            let lines = wrap("今年は4%増加した", width);
            assert!(lines.iter().any(|l| l.contains("4%")), "width {width}: {lines:?}");
        }
    }

    #[test]
    fn urls_are_not_split_when_they_fit() {
        let url = "https://www.city.kyoto.lg.jp/kamigyo/";
        let lines = wrap(&format!("詳しくは{url}をご覧ください。"), 40);
        assert!(lines.iter().any(|l| l.contains(url)), "{lines:?}");
    }

    #[test]
    fn a_run_longer_than_the_line_is_cut_without_breaking_rules() {
        let lines = wrap("ああああああああああああ", 10);
        assert!(lines.iter().all(|l| AmbiguousWidth::Narrow.display_width(l) <= 10));
        assert_eq!(lines.concat(), "ああああああああああああ");
        let long = wrap("abcdefghijklmnopqrstuvwxyz", 10);
        assert_eq!(long, ["abcdefghij", "klmnopqrst", "uvwxyz"]);
    }

    #[test]
    fn explicit_line_breaks_and_empty_lines_stay() {
        assert_eq!(wrap("・一\n\n・二", 10), ["・一", "", "・二"]);
    }
}
