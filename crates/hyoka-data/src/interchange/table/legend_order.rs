//! The order of a legend's marks: their own where they have one, else the order they are read in.
//!
//! Numbers (1 2 3, １ ２), circled numbers, Roman numerals, letters (A B C, and S before A in an S A B C
//! ranking), single katakana (ア イ ウ) and the usual ◎ ○ △ × have an order of their own, whatever
//! columns the legend was printed in: `1：… 2：…` / `3：… 4：…` / `5：…` is 1 2 3 4 5, and the seed's
//! `◎ △` over `○ ×` is ◎ ○ △ ×. A legend written the other way round (5 4 3 2 1) keeps its direction.
//! Marks of no one such family keep the reading order: line by line, left to right. hyoka writes a
//! scale two entries a line in its order, so that reading order is scale order.

use super::legend::Entry;
use hyoka_core::model::Grade;

/// The usual marks, best first.
const USUAL: [char; 4] = ['◎', '○', '△', '×'];

/// Marks with an order of their own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Numbers,
    Circled,
    Roman,
    Katakana,
    Usual,
    Letters,
}

/// The one character of a mark of one character.
fn single(mark: &str) -> Option<char> {
    let mut chars = mark.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// A full-width letter or digit as its half-width self.
fn narrow(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

impl Family {
    const ALL: [Family; 6] =
        [Family::Numbers, Family::Circled, Family::Roman, Family::Katakana, Family::Usual, Family::Letters];

    /// A mark's place in the family, or `None` when it is none of it.
    fn key(self, mark: &str) -> Option<u32> {
        let within = |low: char, high: char| single(mark).filter(|c| (low..=high).contains(c)).map(u32::from);
        match self {
            Family::Numbers => {
                let digits: String = mark.chars().map(narrow).collect();
                digits.chars().all(|c| c.is_ascii_digit()).then(|| digits.parse().ok()).flatten()
            }
            Family::Circled => within('①', '⑳'),
            Family::Roman => within('Ⅰ', 'Ⅻ'),
            Family::Katakana => within('ァ', 'ヺ'),
            Family::Usual => {
                single(mark).and_then(|c| USUAL.iter().position(|u| *u == c)).and_then(|i| u32::try_from(i).ok())
            }
            Family::Letters => {
                let c = narrow(single(mark)?).to_ascii_uppercase();
                c.is_ascii_uppercase().then(|| u32::from(c) - u32::from('A') + 1)
            }
        }
    }
}

/// Each mark's place in the one family all of them belong to; `None` when there is no such family.
fn keys(marks: &[&str]) -> Option<Vec<u32>> {
    let (family, mut keys) = Family::ALL
        .into_iter()
        .find_map(|family| marks.iter().map(|m| family.key(m)).collect::<Option<Vec<u32>>>().map(|k| (family, k)))?;
    // S A B C: S ranks above A where the legend has no R.
    let letter = |c: char| u32::from(c) - u32::from('A') + 1;
    let has = |c: char| keys.contains(&letter(c));
    if family == Family::Letters && has('S') && has('A') && !has('R') {
        keys.iter_mut().filter(|k| **k == letter('S')).for_each(|k| *k = 0);
    }
    Some(keys)
}

/// The legend's entries, read line by line, in the order of the scale.
pub(crate) fn in_scale_order(entries: Vec<Entry>) -> Vec<Entry> {
    let marks: Vec<&str> = entries.iter().map(|e| e.grade.mark.as_str()).collect();
    let Some(keys) = keys(&marks) else { return entries };
    let descending = keys.windows(2).all(|pair| matches!(pair, [a, b] if a > b)) && keys.len() > 1;
    if descending {
        return entries;
    }
    let mut keyed: Vec<(u32, Entry)> = keys.into_iter().zip(entries).collect();
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, entry)| entry).collect()
}

/// The legend as hyoka writes it: two entries a line, in the scale's order.
pub(crate) fn lines(scale: &[Grade]) -> Vec<String> {
    scale
        .chunks(2)
        .map(|pair| pair.iter().map(|g| format!("{}：「{}。」", g.mark, g.label)).collect::<Vec<_>>().join(" "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::interchange::Location;

    fn ordered(marks: &[&str]) -> Vec<String> {
        let entries = marks
            .iter()
            .map(|m| Entry {
                grade: Grade { mark: (*m).to_owned(), label: String::new() },
                at: Location::Text { line: 1, column: 1 },
            })
            .collect();
        in_scale_order(entries).into_iter().map(|e| e.grade.mark).collect()
    }

    #[test]
    fn marks_with_an_order_of_their_own_take_it_whatever_the_columns() {
        assert_eq!(ordered(&["1", "2", "3", "4", "5"]), ["1", "2", "3", "4", "5"]);
        assert_eq!(ordered(&["1", "3", "5", "2", "4"]), ["1", "2", "3", "4", "5"], "read column by column");
        assert_eq!(ordered(&["◎", "△", "○", "×"]), ["◎", "○", "△", "×"], "the seed's columns");
        assert_eq!(ordered(&["Ｂ", "A", "c"]), ["A", "Ｂ", "c"]);
        assert_eq!(ordered(&["A", "B", "S", "C"]), ["S", "A", "B", "C"]);
        assert_eq!(ordered(&["②", "①", "③"]), ["①", "②", "③"]);
        assert_eq!(ordered(&["イ", "ア", "ウ"]), ["ア", "イ", "ウ"]);
        assert_eq!(ordered(&["10", "9", "8", "1"]), ["10", "9", "8", "1"], "written the other way round");
        assert_eq!(ordered(&["×", "○", "◎"]), ["×", "○", "◎"]);
    }

    #[test]
    fn other_marks_keep_the_reading_order() {
        assert_eq!(ordered(&["達成", "概ね達成", "未達成"]), ["達成", "概ね達成", "未達成"]);
        assert_eq!(ordered(&["◎", "△", "○", "×", "－"]), ["◎", "△", "○", "×", "－"]);
        assert_eq!(ordered(&["B+", "A"]), ["B+", "A"]);
    }

    #[test]
    fn hyoka_writes_two_entries_a_line_in_the_scales_order() {
        let scale: Vec<Grade> = (1..=5).map(|n| Grade { mark: n.to_string(), label: format!("段階{n}") }).collect();
        assert_eq!(lines(&scale), ["1：「段階1。」 2：「段階2。」", "3：「段階3。」 4：「段階4。」", "5：「段階5。」"]);
    }
}
