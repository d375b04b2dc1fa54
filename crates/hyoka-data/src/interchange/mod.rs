//! Tables as offices keep them, both ways: every format goes through the model.
//!
//! `&Document` in, text or bytes out; import gives a `Document`; never from YAML text to YAML text.
//!
//! - [`import`]: which format and encoding a file is in; [`decode`] and [`delimited`] turn its bytes
//!   into rows of cells, and [`table`] reads the published table's layout from them (or a city's own
//!   columns, as [`columns`] maps them);
//! - [`tsv`]: the published tab-separated table (import and its exact inverse);
//! - [`xlsx`]: the same table as a spreadsheet (import and export);
//! - [`html`], [`csv`], [`markdown`]: for reading, printing and other systems (the csv reads back as a table
//!   with its names in two columns, without preface or legend).
//!
//! The formats for people ([`html`], [`csv`], [`markdown`], [`xlsx`]) show control characters as
//! visible stand-ins (`␛`, `<U+202E>`) through [`hyoka_core::text::sanitize`]: an exported file must not
//! drive a terminal, reorder a line, or run in a spreadsheet.

pub mod columns;
pub mod csv;
pub mod decode;
mod delimited;
pub mod error;
pub mod html;
pub mod import;
pub mod markdown;
pub mod options;
pub(crate) mod table;
pub mod tsv;
pub mod xlsx;

use std::borrow::Cow;

pub use error::{ExportError, ImportError, Location, Warning};

use hyoka_core::model::{Document, Section, checkpoint_phrase};

/// The formats `hyoka export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    Html,
    Csv,
    Md,
    Tsv,
    Xlsx,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Html, Format::Csv, Format::Md, Format::Tsv, Format::Xlsx];

    /// The format after this one in [`Format::ALL`], round to the first; before it with `back`.
    pub fn beside(self, back: bool) -> Format {
        use Format::{Csv, Html, Md, Tsv, Xlsx};
        match (self, back) {
            (Html, false) | (Md, true) => Csv,
            (Csv, false) | (Tsv, true) => Md,
            (Md, false) | (Xlsx, true) => Tsv,
            (Tsv, false) | (Html, true) => Xlsx,
            (Xlsx, false) | (Csv, true) => Html,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Tsv => "tsv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format an output name asks for (`out.md`, `表.XLSX`), so `--format` may be left out.
    pub fn from_extension(extension: &str) -> Option<Format> {
        let extension = extension.to_ascii_lowercase();
        let extension = match extension.as_str() {
            "htm" => "html",
            "markdown" => "md",
            other => other,
        };
        Format::ALL.into_iter().find(|f| f.extension() == extension)
    }
}

/// Writes `doc` in `format`. Only the table formats can refuse a document (see [`tsv`]).
pub fn export(doc: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Html => html::export_html(doc).into_bytes(),
        Format::Csv => csv::export_csv(doc).into_bytes(),
        Format::Md => markdown::export_markdown(doc).into_bytes(),
        Format::Tsv => tsv::export_table(doc)?.into_bytes(),
        Format::Xlsx => xlsx::export_workbook(doc)?,
    })
}

/// "上京区役所 平成20年度 所属等の目標": the heading of every export.
pub(crate) fn heading(doc: &Document) -> String {
    format!("{} 所属等の目標", doc.title())
}

/// "11月末現在の取組状況", or "取組状況" without a checkpoint, as the published table heads the column.
pub(crate) fn progress_heading(doc: &Document) -> String {
    match doc.checkpoint {
        Some(date) => format!("{}の取組状況", checkpoint_phrase(date)),
        None => "取組状況".to_owned(),
    }
}

/// The column headings of the human-readable formats, in the order of the published table.
pub(crate) fn column_headings(doc: &Document) -> [String; 5] {
    ["所属等名".into(), "所属等の目標".into(), progress_heading(doc), "目標達成度".into(), "振り返り".into()]
}

/// The goals cell as lines: the lead-in, then each goal with its number where numbered.
pub fn goal_entries(section: &Section) -> Vec<String> {
    let intro = (!section.goals_intro.is_empty()).then(|| section.goals_intro.clone());
    let goals = section.goals.iter().enumerate().map(|(i, goal)| match section.goal_label(i) {
        Some(number) => format!("{number}{goal}"),
        None => goal.clone(),
    });
    intro.into_iter().chain(goals).collect()
}

/// The rating cell: the section's mark, then the goals' own marks as the tables write them
/// ("○ ①○ ②◎"); empty when nothing is rated.
pub fn rating_cell(section: &Section) -> String {
    let goals = section.goal_ratings_text();
    match (section.rating.as_deref(), goals.is_empty()) {
        (Some(mark), false) => format!("{mark} {goals}"),
        (Some(mark), true) => mark.to_owned(),
        (None, _) => goals,
    }
}

/// "◎ 達成できた", one per grade of the legend the document has, best first; none for a document
/// without `scale:`. The usual scale is for editing: a published table shows only the words its
/// office wrote, so every export (and what is built on them) prints no legend the office never wrote.
pub fn legend_entries(doc: &Document) -> Vec<(String, String)> {
    doc.scale.iter().flatten().map(|g| (g.mark.clone(), g.label.clone())).collect()
}

/// The meaning of a mark in the document's own legend, for a rating shown with its words; `None`
/// without `scale:` (see [`legend_entries`]).
pub fn published_label<'a>(doc: &'a Document, mark: &str) -> Option<&'a str> {
    doc.scale.iter().flatten().find(|g| g.mark == mark).map(|g| g.label.as_str())
}

/// Spreadsheets run a cell that starts with one of these as a formula (CSV injection, OWASP);
/// the full-width forms are included because Japanese input methods produce them and some
/// spreadsheets convert them.
pub(crate) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])
}

/// Text for people: control characters and direction overrides as visible stand-ins.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    hyoka_core::text::sanitize(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_found_by_extension() {
        assert_eq!(Format::from_extension("HTML"), Some(Format::Html));
        assert_eq!(Format::from_extension("htm"), Some(Format::Html));
        assert_eq!(Format::from_extension("markdown"), Some(Format::Md));
        assert_eq!(Format::from_extension("xlsx"), Some(Format::Xlsx));
        assert_eq!(Format::from_extension("yaml"), None);
    }

    #[test]
    fn goals_are_numbered_only_with_several_or_after_a_lead_in() {
        let mut section = Section::new("市民窓口課");
        section.goals = vec!["一つ目".into()];
        assert_eq!(goal_entries(&section), ["一つ目"]);
        section.goals.push("二つ目".into());
        assert_eq!(goal_entries(&section), ["①一つ目", "②二つ目"]);
        section.goals.pop();
        section.goals_intro = "満足度の向上のため".into();
        assert_eq!(goal_entries(&section), ["満足度の向上のため", "①一つ目"]);
        section.goals_intro.clear();
        section.goals_numbered_from = Some(4);
        assert_eq!(goal_entries(&section), ["④一つ目"], "the number the table gave");
    }

    #[test]
    fn formula_starts_are_recognised() {
        for text in ["=SUM(A1)", "+1", "-1", "@A", "＝1"] {
            assert!(looks_like_formula(text), "{text}");
        }
        assert!(!looks_like_formula("①目標"));
        assert!(!looks_like_formula("a=b"));
    }
}
