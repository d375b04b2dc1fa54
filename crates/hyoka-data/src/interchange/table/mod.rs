//! The published table (the seed document's layout), shared by the text formats and the sheet.
//!
//! The layout: a preface line (～平成20年度、上京区役所では、…～), the legend of the rating marks, a
//! `<上京区>` marker for a ward office, one or two header rows, one row per section
//! (`部 課 | goals | progress | rating | reflection`, or the names in two columns `部 | 課`), and
//! notes under the table (lines starting with ※). [`read`] turns rows of cells into a document
//! (a section may also stand over several rows under one merged name: [`group`]),
//! [`write`] a document into rows, [`limits`] names what the layout cannot carry, and [`verify`]
//! reads each export back before it is written.

pub(crate) mod body;
pub(crate) mod context;
pub(crate) mod goals;
pub(crate) mod group;
pub(crate) mod header;
pub(crate) mod header_hint;
pub(crate) mod heading;
pub(crate) mod identity;
pub(crate) mod legend;
pub(crate) mod legend_order;
pub(crate) mod limits;
pub(crate) mod lookalike;
pub(crate) mod rating;
pub(crate) mod read;
pub(crate) mod section;
pub(crate) mod verify;
pub(crate) mod write;

use crate::i18n::interchange::Location;

/// ①…⑳, the goal numbers a table may use.
pub(crate) const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/// ㉑…㊿: circled numbers past the last goal number hyoka writes.
pub(crate) fn circled_past_20(c: char) -> bool {
    matches!(c, '\u{3251}'..='\u{325F}' | '\u{32B1}'..='\u{32BF}')
}
pub(crate) const LEGEND_HEADING: &str = "※目標達成度 凡例";

/// Where the cells come from, which decides how a text's lines are written into a cell.
///
/// Read back, both are alike: a cell with real line breaks is taken as it is; a one-line cell is
/// the published table's way of joining lines, a space before each `・`, turned back into breaks
/// (the seed table opened in a spreadsheet and saved as .xlsx reads as the seed itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// A text table: lines joined by a space, a break only before `・`.
    Text,
    /// A spreadsheet cell: real line breaks.
    Sheet,
}

impl Source {
    pub(crate) fn decode(self, cell: &str) -> String {
        let cell = cell.replace("\r\n", "\n");
        if cell.contains('\n') { cell.trim().to_owned() } else { restore_bullets(&cell) }
    }

    pub(crate) fn encode(self, text: &str) -> String {
        match self {
            Source::Text => text.replace('\n', " "),
            Source::Sheet => text.to_owned(),
        }
    }

    pub(crate) fn separator(self) -> &'static str {
        match self {
            Source::Text => " ",
            Source::Sheet => "\n",
        }
    }
}

/// One cell as read: its text, where it is, and the top-left cell of the merged area it belongs to
/// (sheets only), as (row, column) counted from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cell {
    pub text: String,
    pub at: Location,
    pub origin: Option<(usize, usize)>,
}

/// One line of a text table or one row of a sheet; `cells` holds every cell the line or the row
/// has, trailing empty ones included, so that a short line can be told from a padded one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub at: Location,
    pub cells: Vec<Cell>,
}

impl Row {
    pub(crate) fn text(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |c| c.text.trim())
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }

    /// The non-empty cells, each merged area once: what a reader of the row sees.
    pub(crate) fn filled(&self) -> Vec<(usize, &Cell)> {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let mut out = Vec::new();
        for (index, cell) in self.cells.iter().enumerate() {
            if cell.text.trim().is_empty() {
                continue;
            }
            if let Some(origin) = cell.origin {
                if seen.contains(&origin) {
                    continue;
                }
                seen.push(origin);
            }
            out.push((index, cell));
        }
        out
    }

    /// Where cell `index` is; past the row's end, where its last cell is.
    pub(crate) fn at(&self, index: usize) -> &Location {
        self.cells.get(index).or(self.cells.last()).map_or(&self.at, |c| &c.at)
    }
}

/// A line of a text table with these cells, for the tests of the readers.
#[cfg(test)]
pub(crate) fn text_row(line: usize, cells: &[&str]) -> Row {
    let at = |column| Location::Text { line, column };
    let cells =
        cells.iter().enumerate().map(|(i, t)| Cell { text: (*t).into(), at: at(i + 1), origin: None }).collect();
    Row { at: at(1), cells }
}

/// Notes under a table start with one of these (※, 注, 備考…), or are "以上", the closing word.
pub(crate) fn starts_a_note(line: &str) -> bool {
    let line = line.trim_start().trim_start_matches(['(', '（', '[', '［', '【', '〔', '<', '＜']);
    line.starts_with(['※', '＊', '*', '注'])
        || ["備考", "出典", "資料", "参考", "以上"].iter().any(|word| line.starts_with(word))
}

/// Cells that held several lines arrive with the lines joined by a space before each `・`.
fn restore_bullets(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if (c == ' ' || c == '　') && chars.peek() == Some(&'・') {
            out.truncate(out.trim_end_matches([' ', '　']).len());
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_go_back_on_their_own_lines_but_inner_dots_stay() {
        assert_eq!(Source::Text.decode("・一つ目。 ・二つ目、親切・丁寧。"), "・一つ目。\n・二つ目、親切・丁寧。");
        assert_eq!(Source::Text.decode("一行目\r\n ・二行目 "), "一行目\r\n ・二行目".replace("\r\n", "\n"));
        assert_eq!(Source::Sheet.decode("・A ・B"), "・A\n・B", "the published table's joined lines, in a sheet");
        assert_eq!(Source::Sheet.decode("前置き\n・A ・B"), "前置き\n・A ・B", "a cell with breaks is as it is");
    }

    #[test]
    fn notes_are_recognised_by_their_opening() {
        for note in ["※ 達成度は3月末に記入", "（注）数値は速報値", "備考: なし", "以上", "＊印は新規"]
        {
            assert!(starts_a_note(note), "{note}");
        }
        assert!(!starts_a_note("区民部 総務課"));
    }
}
