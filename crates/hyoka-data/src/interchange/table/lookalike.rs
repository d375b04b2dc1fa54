//! Characters a clerk cannot tell apart on the screen: read as the one the table means, and said.
//!
//! 〇 (the kanji zero, U+3007) and ◯ (U+25EF) look like ○ (U+25CB); ⊚ like ◎; ✕ and ⨯ like ×.
//! Spaces of any width (full-width, no-break) separate 部 and 課. Zero-width characters are removed
//! from names and marks. Each such reading is a warning with its place, never silent; what cannot
//! be read is refused with the character's code point.

use super::super::error::Warning;
use crate::i18n::interchange::Location;
use crate::i18n::interchange::summary::WarnMsg;
use hyoka_core::model::Grade;

/// Marks that look the same; the first of each is the one of the usual scale.
const CLASSES: [&[char]; 3] = [&['○', '〇', '◯'], &['◎', '⊚'], &['×', '✕', '⨯']];

/// The mark of the usual scale that `c` looks like, when it is another character (〇 → ○).
pub(crate) fn usual_look(c: char) -> Option<char> {
    CLASSES.iter().find(|class| class.contains(&c)).and_then(|class| class.first()).copied().filter(|u| *u != c)
}

/// Characters that take no room on screen.
const INVISIBLE: [char; 6] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'];

/// The text without invisible characters, each one removed said.
pub(crate) fn without_invisible(text: &str, at: &Location, warnings: &mut Vec<Warning>) -> String {
    for found in text.chars().filter(|c| INVISIBLE.contains(c)) {
        warnings.push(Warning { at: Some(at.clone()), what: WarnMsg::Invisible { found } });
    }
    text.chars().filter(|c| !INVISIBLE.contains(c)).collect()
}

/// A legend's mark as the usual scale writes it: 〇 becomes ○ (said), anything else stays.
pub(crate) fn canonical_mark(mark: &str, at: &Location, warnings: &mut Vec<Warning>) -> String {
    let mark = without_invisible(mark, at, warnings);
    mark.chars()
        .map(|c| match CLASSES.iter().find(|class| class.contains(&c)).and_then(|class| class.first()) {
            Some(&usual) if usual != c => {
                warnings.push(Warning { at: Some(at.clone()), what: WarnMsg::LookAlike { found: c, read_as: usual } });
                usual
            }
            _ => c,
        })
        .collect()
}

/// The mark of `scale` a rating cell means: itself, a look-alike of it, or the mark followed by its
/// label ("○ ほぼ達成できた"); `None` when it means none of them.
pub(crate) fn rating(cell: &str, scale: &[Grade], at: &Location, warnings: &mut Vec<Warning>) -> Option<String> {
    let mut found = Vec::new();
    let text = without_invisible(cell.trim(), at, &mut found);
    let (mark, label) = match text.split_once(char::is_whitespace) {
        Some((mark, label)) => (mark, Some(label.trim().trim_end_matches('。'))),
        None => (text.as_str(), None),
    };
    let on_scale = |m: &str| scale.iter().find(|g| g.mark == m);
    let (grade, look_alikes) = match on_scale(mark) {
        Some(grade) => (grade, Vec::new()),
        None => {
            let (meant, changes) = resemble(mark, scale);
            (on_scale(&meant)?, changes)
        }
    };
    if label.is_some_and(|l| l != grade.label) {
        return None;
    }
    warnings.append(&mut found);
    for (found, read_as) in look_alikes {
        warnings.push(Warning { at: Some(at.clone()), what: WarnMsg::LookAlike { found, read_as } });
    }
    if label.is_some() {
        warnings.push(Warning { at: Some(at.clone()), what: WarnMsg::MarkWithLabel { mark: grade.mark.clone() } });
    }
    Some(grade.mark.clone())
}

/// `mark` with each look-alike replaced by the member of its class the scale uses.
fn resemble(mark: &str, scale: &[Grade]) -> (String, Vec<(char, char)>) {
    let used = |c: char| scale.iter().any(|g| g.mark.contains(c));
    let mut changes = Vec::new();
    let meant = mark
        .chars()
        .map(|c| {
            let class = CLASSES.iter().find(|class| class.contains(&c)).filter(|_| !used(c));
            match class.and_then(|class| class.iter().copied().find(|&m| used(m))) {
                Some(m) => {
                    changes.push((c, m));
                    m
                }
                None => c,
            }
        })
        .collect();
    (meant, changes)
}

/// "区民部　総務課" → ("区民部", "総務課"): split at the first space of any width.
pub(crate) fn split_names(name: &str) -> Option<(&str, &str)> {
    let (division, section) = name.trim().split_once(char::is_whitespace)?;
    let section = section.trim();
    (!division.is_empty() && !section.is_empty()).then_some((division, section))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_core::model::default_scale;

    fn read(cell: &str) -> (Option<String>, Vec<WarnMsg>) {
        let mut warnings = Vec::new();
        let at = Location::Text { line: 12, column: 40 };
        let mark = rating(cell, &default_scale(), &at, &mut warnings);
        (mark, warnings.into_iter().map(|w| w.what).collect())
    }

    #[test]
    fn look_alike_marks_are_read_as_the_scales_and_said() {
        assert_eq!(read("○"), (Some("○".into()), vec![]));
        assert_eq!(read("〇"), (Some("○".into()), vec![WarnMsg::LookAlike { found: '〇', read_as: '○' }]));
        assert_eq!(read("✕"), (Some("×".into()), vec![WarnMsg::LookAlike { found: '✕', read_as: '×' }]));
        let (mark, warnings) = read("\u{200B}◎");
        assert_eq!((mark.as_deref(), warnings), (Some("◎"), vec![WarnMsg::Invisible { found: '\u{200B}' }]));
        assert_eq!(read("○ ほぼ達成できた。").0.as_deref(), Some("○"));
        assert_eq!(read("○ 達成できた"), (None, vec![]), "a label of another mark is not a reading");
        assert_eq!(read("☆"), (None, vec![]));
    }

    #[test]
    fn a_legend_in_look_alikes_reads_a_rating_in_the_usual_mark() {
        let mut warnings = Vec::new();
        let at = Location::Text { line: 3, column: 1 };
        assert_eq!(canonical_mark("〇", &at, &mut warnings), "○");
        let scale = vec![Grade { mark: "Ｏ".into(), label: "良".into() }];
        assert_eq!(rating("〇", &scale, &at, &mut warnings), None, "Ｏ is a letter, not a circle");
    }

    #[test]
    fn names_split_at_any_space() {
        assert_eq!(split_names("区民部 総務課"), Some(("区民部", "総務課")));
        assert_eq!(split_names("区民部　総務課"), Some(("区民部", "総務課")));
        assert_eq!(split_names("区民部\u{a0}総務課"), Some(("区民部", "総務課")));
        assert_eq!(split_names("区民部  総務課 "), Some(("区民部", "総務課")));
        assert_eq!(split_names("総務課"), None);
    }
}
