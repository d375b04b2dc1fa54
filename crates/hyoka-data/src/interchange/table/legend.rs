//! The legend of the rating marks above the table, read as offices write it.
//!
//! An entry is a mark and its meaning, parted by `：` `:` (`◎：「達成できた。」`, `A:100%以上`), leaders
//! (`A‥目標(計画)達成率100%`, `…`), `=` `＝`, a quote (`◎「達成できた」`) or, for a symbol, a space
//! (`◎ 達成できた`). Entries stand side by side, parted by spaces (or `、` `／`). A mark is a symbol
//! (◎, A, 1, ①, B+) anywhere, or a word (達成, 概ね達成) under a heading with 凡例, since a line such as
//! `作成日：令和6年4月1日` must not become a legend. A meaning in quotes may hold anything but the
//! closing quote; one without quotes runs to where the next entry of the same kind starts.

use super::super::error::Warning;
use super::lookalike::canonical_mark;
use crate::i18n::interchange::Location;
use hyoka_core::model::Grade;

/// One mark of the legend and where it stands, so that a mark written twice is shown at its second place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub grade: Grade,
    pub at: Location,
}

/// What a line above the table is, as a legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    Legend(Vec<Entry>),
    /// No legend at all: a preface, a title, a marker.
    NotLegend,
    /// It starts like an entry, but the rest cannot be read.
    Unreadable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Separator {
    Colon,
    Leader,
    Equals,
    Quote,
    Space,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkKind {
    Symbol,
    Word,
}

/// Characters no mark holds: brackets, punctuation and what opens a preface, a note or a marker.
const NOT_IN_MARKS: &str = "()（）[]［］【】「」『』<>＜＞%％、。，,・/／～※|｜：:‥…=＝";
/// Besides spaces, what may stand between two entries of a line.
const BETWEEN: [char; 3] = ['、', '／', '/'];

fn separator_of(c: char) -> Option<Separator> {
    match c {
        '：' | ':' => Some(Separator::Colon),
        '‥' | '…' => Some(Separator::Leader),
        '=' | '＝' => Some(Separator::Equals),
        '「' | '『' => Some(Separator::Quote),
        _ => None,
    }
}

/// Kana and kanji: what words are made of.
fn is_word_char(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

/// Whether `mark` can be a legend's mark, and of which kind: a symbol (one or two characters that
/// are no kana or kanji, a number, a single katakana as in ア：順調) or, where allowed, a word.
pub(crate) fn mark_kind(mark: &str, words_allowed: bool) -> Option<MarkKind> {
    let count = mark.chars().count();
    if count == 0 || mark.chars().any(|c| c.is_whitespace() || c.is_control() || NOT_IN_MARKS.contains(c)) {
        return None;
    }
    let katakana = |c: char| ('\u{30A1}'..='\u{30FA}').contains(&c);
    let symbol = (count <= 2 && !mark.chars().any(is_word_char))
        || (count <= 3 && mark.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)))
        || (count == 1 && mark.chars().all(katakana));
    match (symbol, words_allowed && count <= 8) {
        (true, _) => Some(MarkKind::Symbol),
        (false, true) => Some(MarkKind::Word),
        (false, false) => None,
    }
}

/// What follows a separator: a quote stays, as it opens the meaning; leaders and colons go.
fn after_sep(text: &str, sep: Separator) -> &str {
    match sep {
        Separator::Quote => text,
        sep => text.trim_start_matches(|c| separator_of(c) == Some(sep)).trim_start(),
    }
}

/// The start of an entry at the start of `rest`: the mark, its kind, the separator and what follows it.
fn entry_start(rest: &str, words_allowed: bool) -> Option<(&str, MarkKind, Separator, &str)> {
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = rest.get(..word_end)?;
    if let Some((i, c)) = word.char_indices().find(|(_, c)| separator_of(*c).is_some()) {
        let mark = word.get(..i).filter(|m| !m.is_empty())?;
        let sep = separator_of(c)?;
        return Some((mark, mark_kind(mark, words_allowed)?, sep, after_sep(rest.get(i..)?, sep)));
    }
    let kind = mark_kind(word, words_allowed)?;
    let after = rest.get(word_end..)?.trim_start();
    // "◎ : 「達成できた」", "◎ 「達成できた」": the separator may stand apart from the mark.
    match after.chars().next().map(|c| (c, separator_of(c))) {
        Some((_, Some(sep))) => Some((word, kind, sep, after_sep(after, sep))),
        Some(_) if kind == MarkKind::Symbol => Some((word, kind, Separator::Space, after)),
        _ => None,
    }
}

/// The meaning at the start of `after` and the rest of the line after it; `None` when unreadable.
fn meaning(after: &str, kind: MarkKind, sep: Separator, words_allowed: bool) -> Option<(String, &str)> {
    let close = match after.chars().next() {
        Some('「') => Some('」'),
        Some('『') => Some('』'),
        _ => None,
    };
    if let Some(close) = close {
        let quoted = after.get(close.len_utf8()..)?;
        let end = quoted.find(close)?;
        let rest = quoted.get(end + close.len_utf8()..)?;
        let rest = rest.trim_start_matches('。');
        if !rest.is_empty() && !rest.starts_with(|c: char| c.is_whitespace() || BETWEEN.contains(&c)) {
            return None;
        }
        let label = quoted.get(..end)?.trim_end_matches('。').to_owned();
        return Some((label, rest.trim_start_matches(|c: char| c.is_whitespace() || BETWEEN.contains(&c))));
    }
    if sep == Separator::Quote {
        return None;
    }
    // Without quotes, the meaning runs to the next entry of the same kind and separator.
    let mut boundaries =
        after.char_indices().filter(|(_, c)| c.is_whitespace() || BETWEEN.contains(c)).map(|(i, c)| i + c.len_utf8());
    let next = boundaries.find(|&b| {
        after.get(b..).and_then(|r| entry_start(r, words_allowed)).is_some_and(|(_, k, s, _)| k == kind && s == sep)
    });
    let (label, rest) = match next {
        Some(b) => (after.get(..b)?, after.get(b..)?),
        None => (after, ""),
    };
    let label = label.trim_end_matches(|c: char| c.is_whitespace() || BETWEEN.contains(&c)).trim_end_matches('。');
    // A closing quote without its opening one is a quote lost on the way: not a meaning to guess at.
    (!label.is_empty() && !label.contains(['」', '』'])).then(|| (label.to_owned(), rest))
}

/// Reads one line (or one cell) of the legend; `at` is where the text starts. Look-alike marks are
/// read as the usual one (〇 as ○) and said in `warnings`.
pub(crate) fn read_line(text: &str, at: &Location, words_allowed: bool, warnings: &mut Vec<Warning>) -> Reading {
    let mut entries = Vec::new();
    let mut found = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let Some((mark, kind, sep, after)) = entry_start(rest, words_allowed) else {
            return if entries.is_empty() { Reading::NotLegend } else { Reading::Unreadable };
        };
        let place = shifted(at, text, rest);
        let Some((label, next)) = meaning(after, kind, sep, words_allowed) else { return Reading::Unreadable };
        let mark = canonical_mark(mark, &place, &mut found);
        entries.push(Entry { grade: Grade { mark, label }, at: place });
        rest = next.trim_start();
    }
    // A number or a letter and words parted by a space ("1 組織目標一覧") is a title as often as a
    // legend: alone on its line, it is one only under a legend heading. "◎ 達成できた" is one anywhere.
    let start = entry_start(text.trim_start(), words_allowed);
    let lone_spaced = entries.len() == 1
        && start.is_some_and(|(mark, _, sep, _)| sep == Separator::Space && mark.chars().any(char::is_alphanumeric));
    if entries.is_empty() || (lone_spaced && !words_allowed) {
        return Reading::NotLegend;
    }
    warnings.append(&mut found);
    Reading::Legend(entries)
}

/// Where `rest`, a tail of `text`, starts: in a text file the column moves on; a sheet's cell stays.
pub(crate) fn shifted(at: &Location, text: &str, rest: &str) -> Location {
    match at {
        Location::Text { line, column } => {
            let before = text.get(..text.len() - rest.len()).unwrap_or_default().chars().count();
            Location::Text { line: *line, column: column + before }
        }
        cell => cell.clone(),
    }
}

/// What follows a legend heading in its own cell ("凡例：A…100%以上"), or `None` without a heading.
pub(crate) fn after_heading(text: &str) -> Option<&str> {
    let (_, after) = text.split_once("凡例")?;
    Some(after.trim_start_matches(|c: char| c.is_whitespace() || "】］]）)>＞：:".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str, words: bool) -> Result<Vec<(String, String, usize)>, Reading> {
        match read_line(line, &Location::Text { line: 3, column: 1 }, words, &mut Vec::new()) {
            Reading::Legend(entries) => Ok(entries
                .into_iter()
                .map(|e| match e.at {
                    Location::Text { column, .. } => (e.grade.mark, e.grade.label, column),
                    Location::Cell { .. } => (e.grade.mark, e.grade.label, 0),
                })
                .collect()),
            other => Err(other),
        }
    }

    fn entries(list: &[(&str, &str, usize)]) -> Result<Vec<(String, String, usize)>, Reading> {
        Ok(list.iter().map(|(m, l, c)| ((*m).to_owned(), (*l).to_owned(), *c)).collect())
    }

    #[test]
    fn the_seeds_form_with_either_colon_spaces_and_look_alikes() {
        let seed = "◎：「達成できた。」 △：「ある程度達成できた。」";
        assert_eq!(read(seed, false), entries(&[("◎", "達成できた", 1), ("△", "ある程度達成できた", 12)]));
        let loose = "◎ : 「達成できた」　〇:『ほぼ達成できた。』";
        assert_eq!(read(loose, false), entries(&[("◎", "達成できた", 1), ("○", "ほぼ達成できた", 13)]));
        assert_eq!(read("◎：「達成 できた」", false), entries(&[("◎", "達成 できた", 1)]), "quotes hold spaces");
    }

    #[test]
    fn web_pages_leaders_equals_quotes_and_spaces() {
        let web = "A:100%以上 B:80%以上 C:80%未満";
        assert_eq!(read(web, false), entries(&[("A", "100%以上", 1), ("B", "80%以上", 10), ("C", "80%未満", 18)]));
        let leaders = "A‥目標(計画)達成率100% B‥‥目標(計画)達成率80%以上";
        assert_eq!(
            read(leaders, false),
            entries(&[("A", "目標(計画)達成率100%", 1), ("B", "目標(計画)達成率80%以上", 17)])
        );
        assert_eq!(read("1…順調 2…遅れ", false), entries(&[("1", "順調", 1), ("2", "遅れ", 6)]));
        assert_eq!(
            read("S＝特に優れている、A＝優れている", false),
            entries(&[("S", "特に優れている", 1), ("A", "優れている", 11)])
        );
        assert_eq!(
            read("◎「達成できた」 ○「ほぼ達成できた」", false),
            entries(&[("◎", "達成できた", 1), ("○", "ほぼ達成できた", 10)])
        );
        assert_eq!(
            read("◎ 達成できた ○ ほぼ 達成できた", false),
            entries(&[("◎", "達成できた", 1), ("○", "ほぼ 達成できた", 9)])
        );
        assert_eq!(read("①：目標達成 ②：目標未達成", false), entries(&[("①", "目標達成", 1), ("②", "目標未達成", 8)]));
    }

    #[test]
    fn a_meaning_without_quotes_ends_only_where_an_entry_of_its_kind_starts() {
        let inner = "A：目標を達成 (達成率：100%) B：未達成";
        assert_eq!(read(inner, false), entries(&[("A", "目標を達成 (達成率：100%)", 1), ("B", "未達成", 20)]));
    }

    #[test]
    fn words_are_marks_only_under_a_legend_heading() {
        let words = "達成：目標を達成した　概ね達成：目標をおおむね達成した";
        assert_eq!(read(words, false), Err(Reading::NotLegend));
        assert_eq!(
            read(words, true),
            entries(&[("達成", "目標を達成した", 1), ("概ね達成", "目標をおおむね達成した", 12)])
        );
        assert_eq!(read("作成日：令和6年4月1日", false), Err(Reading::NotLegend));
        assert_eq!(read("1 組織目標一覧", false), Err(Reading::NotLegend), "one spaced number: a title");
        assert_eq!(read("◎ 達成できた", false), entries(&[("◎", "達成できた", 1)]), "one spaced mark: a legend");
    }

    #[test]
    fn what_starts_like_a_legend_and_breaks_off_is_unreadable_and_other_lines_are_none() {
        assert_eq!(read("◎：「達成できた。」 あと", false), Err(Reading::Unreadable));
        assert_eq!(read("◎：「達成できた。", false), Err(Reading::Unreadable), "a quote never closed");
        assert_eq!(read("A：", false), Err(Reading::Unreadable));
        assert_eq!(read("○：「ほぼ。」 ×：あまり達成できなかった。」", false), Err(Reading::Unreadable), "a lost 「");
        assert_eq!(read("～平成20年度、上京区役所では～", false), Err(Reading::NotLegend));
        assert_eq!(read("<上京区>", false), Err(Reading::NotLegend));
        assert_eq!(read("※目標達成度 凡例", false), Err(Reading::NotLegend));
    }

    #[test]
    fn a_heading_may_carry_the_legend() {
        assert_eq!(after_heading("【凡例】A：100%以上"), Some("A：100%以上"));
        assert_eq!(after_heading("※目標達成度 凡例"), Some(""));
        assert_eq!(after_heading("A：100%以上"), None);
    }
}
