//! What import and export say: reading a table, the summary after it, and what a format cannot carry.

pub mod columns;
pub mod folder;
pub mod limits;
pub mod place;
pub mod read;
pub mod rows;
pub mod summary;

use super::Lang;

/// "U+3007", the code point of a character, so that a clerk can tell look-alikes apart.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A text's characters with their code points: "〇 (U+3007)"; for marks and other short texts.
pub fn spelled(text: &str) -> String {
    let points: Vec<String> = text.chars().map(code_point).collect();
    format!("{text} ({})", points.join(" "))
}

/// Where a table cell is: a line and column of a text file, or a cell of a sheet as Excel names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// 1-based line and column (in characters) where the cell starts.
    Text { line: usize, column: usize },
    /// A sheet's cell, 1-based row and column.
    Cell { sheet: String, row: usize, column: usize },
}

impl Location {
    /// "12行目 40文字目" or "シート 目標, セル B7": the place alone, inside a sentence.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Location::Text { line, column } => {
                hyoka_core::tr!(lang, "{line}行目 {column}文字目", "line {line}, character {column}")
            }
            Location::Cell { sheet, row, column } => {
                let cell = cell_name(*row, *column);
                hyoka_core::tr!(lang, "シート {sheet}, セル {cell}", "sheet {sheet}, cell {cell}")
            }
        }
    }

    /// "path:12:40" for a text file, as editors and CI logs jump to; "path: シート 目標, セル B7" for a sheet.
    pub fn after_path(&self, path: &str, lang: Lang) -> String {
        match self {
            Location::Text { line, column } => format!("{path}:{line}:{column}"),
            Location::Cell { .. } => format!("{path}: {}", self.text(lang)),
        }
    }
}

/// "D12" for row 12, column 4, as Excel names a cell.
pub fn cell_name(row: usize, column: usize) -> String {
    column_letters(column) + &row.to_string()
}

/// "D" for the 1-based column 4, "AA" for 27, as Excel names a column.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column.max(1);
    while n > 0 {
        let digit = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + digit));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_does() {
        assert_eq!(cell_name(12, 4), "D12");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(3, 27), "AA3");
        assert_eq!(cell_name(3, 703), "AAA3");
    }

    #[test]
    fn places_read_as_editors_and_excel_say_them() {
        let text = Location::Text { line: 12, column: 40 };
        assert_eq!(text.after_path("a.csv", Lang::Ja), "a.csv:12:40");
        let cell = Location::Cell { sheet: "目標".into(), row: 7, column: 2 };
        assert_eq!(cell.after_path("a.xlsx", Lang::Ja), "a.xlsx: シート 目標, セル B7");
        assert_eq!(cell.after_path("a.xlsx", Lang::En), "a.xlsx: sheet 目標, cell B7");
        assert_eq!(spelled("〇"), "〇 (U+3007)");
        assert_eq!(text.text(Lang::Ja), "12行目 40文字目");
    }
}
