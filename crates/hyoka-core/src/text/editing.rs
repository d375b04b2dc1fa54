//! Layout of text being edited: soft-wrapped at grapheme boundaries, with the caret mapped
//! between (line, character) positions and screen rows and columns.
//!
//! Editing wraps at any grapheme (not by the line-breaking rules) so that the caret moves
//! predictably; what is shown outside the editor follows the rules.

use unicode_segmentation::UnicodeSegmentation;

use super::AmbiguousWidth;
use super::sanitize::sanitize;

/// One screen row of the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditRow {
    /// Index of the text line this row belongs to.
    pub line: usize,
    /// Display text, control characters replaced by their stand-ins.
    pub shown: String,
    /// For each grapheme on the row: its character offset in the line and its column on the row.
    pub stops: Vec<(usize, usize)>,
    /// Character offset just after the row, and the column it would be drawn at.
    pub end: (usize, usize),
    /// The text line goes on in the next row (soft wrap).
    pub continues: bool,
}

/// Character offsets in `line` where a grapheme cluster starts, and the line's length.
pub fn grapheme_stops(line: &str) -> Vec<usize> {
    let mut stops = Vec::new();
    let mut chars = 0;
    for grapheme in line.graphemes(true) {
        stops.push(chars);
        chars += grapheme.chars().count();
    }
    stops.push(chars);
    stops
}

/// Lays `lines` out in rows of at most `width` columns.
pub fn edit_rows(lines: &[String], width: usize, measure: AmbiguousWidth) -> Vec<EditRow> {
    let width = width.max(2);
    let mut rows = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let mut row = EditRow { line: index, shown: String::new(), stops: Vec::new(), end: (0, 0), continues: false };
        let mut col = 0;
        let mut chars = 0;
        for grapheme in line.graphemes(true) {
            let shown = sanitize(grapheme);
            let w = measure.display_width(&shown);
            if col + w > width && col > 0 {
                row.end = (chars, col);
                row.continues = true;
                let next =
                    EditRow { line: index, shown: String::new(), stops: Vec::new(), end: (0, 0), continues: false };
                rows.push(std::mem::replace(&mut row, next));
                col = 0;
            }
            row.stops.push((chars, col));
            row.shown.push_str(&shown);
            col += w;
            chars += grapheme.chars().count();
        }
        row.end = (chars, col);
        rows.push(row);
    }
    rows
}

/// Screen row and column of the caret at character `col` of text line `line`.
pub fn caret_cell(rows: &[EditRow], line: usize, col: usize) -> (usize, usize) {
    let mut found = (0, 0);
    for (r, row) in rows.iter().enumerate().filter(|(_, row)| row.line == line) {
        if let Some(&(_, c)) = row.stops.iter().find(|(offset, _)| *offset == col) {
            return (r, c);
        }
        found = (r, row.end.1);
        // At the end of a wrapped row the caret belongs to the start of the next row.
        if row.end.0 == col && !row.continues {
            return found;
        }
    }
    found
}

/// The character position in a row nearest to `column` (not past it), for moving up and down.
pub fn position_in_row(row: &EditRow, column: usize) -> (usize, usize) {
    if column >= row.end.1 && !row.continues {
        return (row.line, row.end.0);
    }
    let offset = row.stops.iter().take_while(|(_, c)| *c <= column).last().map_or(row.end.0, |(o, _)| *o);
    (row.line, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit_rows_narrow(lines: &[String], width: usize) -> Vec<EditRow> {
        edit_rows(lines, width, AmbiguousWidth::Narrow)
    }

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_owned).collect()
    }

    #[test]
    fn rows_wrap_at_graphemes_and_never_split_a_wide_character() {
        let rows = edit_rows_narrow(&lines("あいうえおか"), 5);
        let shown: Vec<&str> = rows.iter().map(|r| r.shown.as_str()).collect();
        assert_eq!(shown, ["あい", "うえ", "おか"]);
        assert_eq!(caret_cell(&rows, 0, 2), (1, 0), "after い: the start of the next row");
        assert_eq!(caret_cell(&rows, 0, 3), (1, 2));
        assert_eq!(caret_cell(&rows, 0, 6), (2, 4));
    }

    #[test]
    fn combining_marks_variation_selectors_and_emoji_are_one_stop() {
        let text = "か\u{3099}葛\u{E0100}👨\u{200D}👩\u{200D}👧１２";
        assert_eq!(grapheme_stops(text), [0, 2, 4, 9, 10, 11]);
        let rows = edit_rows_narrow(&lines(text), 40);
        let cols: Vec<usize> = rows[0].stops.iter().map(|s| s.1).collect();
        assert_eq!(cols, [0, 2, 4, 6, 8]);
    }

    #[test]
    fn control_characters_are_shown_as_stand_ins() {
        let rows = edit_rows_narrow(&lines("a\u{1b}[2J"), 40);
        assert_eq!(rows[0].shown, "a␛[2J");
    }

    #[test]
    fn moving_down_keeps_the_column_as_near_as_possible() {
        let rows = edit_rows_narrow(&lines("abcdef\nあいう"), 10);
        assert_eq!(position_in_row(&rows[1], 3), (1, 1), "column 3 is inside あ…い: stays at い");
        assert_eq!(position_in_row(&rows[1], 9), (1, 3), "past the end: the end");
        assert_eq!(position_in_row(&rows[0], 2), (0, 2));
        let wrapped = edit_rows_narrow(&lines("あいうえ"), 4);
        assert_eq!(position_in_row(&wrapped[0], 9), (0, 1), "a wrapped row ends at its last character");
    }
}
