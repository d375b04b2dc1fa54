//! The legend of the rating marks above the table (`◎：「達成できた。」 △：「…」`), both ways.

use super::super::error::Warning;
use super::lookalike::canonical_mark;
use crate::i18n::interchange::Location;
use hyoka_core::model::Grade;

/// `◎：「達成できた。」 △：「ある程度達成できた。」` → [◎ 達成できた, △ ある程度達成できた]; the colon may be
/// half-width, spaces may stand around it, and the quotes may be 『』. `None` when it is no legend.
pub(crate) fn parse_line(line: &str, at: &Location, warnings: &mut Vec<Warning>) -> Option<Vec<Grade>> {
    let mut grades = Vec::new();
    let mut found = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        let colon = rest.find(['：', ':'])?;
        let mark = rest.get(..colon)?.trim();
        let after = rest.get(colon..)?.trim_start_matches(['：', ':']).trim_start();
        let (open, close) = if after.starts_with('『') { ('『', '』') } else { ('「', '」') };
        let quoted = after.strip_prefix(open)?;
        let end = quoted.find(close)?;
        let label = quoted.get(..end)?.trim_end_matches('。');
        if mark.is_empty() || mark.chars().count() > 2 {
            return None;
        }
        grades.push(Grade { mark: canonical_mark(mark, at, &mut found), label: label.to_owned() });
        rest = quoted.get(end + close.len_utf8()..)?.trim_start();
    }
    warnings.append(&mut found);
    (!grades.is_empty()).then_some(grades)
}

/// The legend is printed in columns (◎ above ○, △ above ×): read it column by column.
pub(crate) fn in_order(rows: &[Vec<Grade>]) -> Vec<Grade> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width).flat_map(|col| rows.iter().filter_map(move |row| row.get(col).cloned())).collect()
}

/// The legend in two rows read column by column (◎ above ○, △ above ×), as [`in_order`] reads it.
pub(crate) fn lines(scale: &[Grade]) -> Vec<String> {
    (0..scale.len().min(2))
        .map(|row| {
            let grades = scale.iter().skip(row).step_by(2);
            grades.map(|g| format!("{}：「{}。」", g.mark, g.label)).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Option<Vec<Grade>> {
        parse_line(line, &Location::Text { line: 1, column: 1 }, &mut Vec::new())
    }

    #[test]
    fn legend_rows_are_read_in_columns() {
        let rows = vec![
            parse("◎：「達成できた。」 △：「ある程度達成できた。」").unwrap_or_default(),
            parse("○：「ほぼ達成できた。」 ×：「あまり達成できなかった。」").unwrap_or_default(),
        ];
        let marks: Vec<_> = in_order(&rows).into_iter().map(|g| format!("{} {}", g.mark, g.label)).collect();
        assert_eq!(marks, ["◎ 達成できた", "○ ほぼ達成できた", "△ ある程度達成できた", "× あまり達成できなかった"]);
        assert_eq!(
            lines(&in_order(&rows)),
            [
                "◎：「達成できた。」 △：「ある程度達成できた。」",
                "○：「ほぼ達成できた。」 ×：「あまり達成できなかった。」"
            ]
        );
    }

    #[test]
    fn half_width_colons_spaces_and_look_alikes_are_a_legend_too() {
        let grades = parse("◎ : 「達成できた」　〇:『ほぼ達成できた。』").unwrap_or_default();
        let read: Vec<_> = grades.iter().map(|g| (g.mark.as_str(), g.label.as_str())).collect();
        assert_eq!(read, [("◎", "達成できた"), ("○", "ほぼ達成できた")]);
        assert_eq!(parse("～平成20年度、上京区役所では～"), None);
        assert_eq!(parse("◎：「達成できた。」 あと"), None, "text after the entries: not a legend");
    }
}
