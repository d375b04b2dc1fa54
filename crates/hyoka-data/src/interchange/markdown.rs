//! The table as Markdown (GitHub-flavoured tables): a heading, the legend, a table per division.
//!
//! A cell must not break its table, and no text may become markup: line breaks become `<br>`,
//! `|` becomes `\|`, and every ASCII character Markdown gives a meaning inside a line (`\ * _ `
//! `` ` `` `[ ] < > & ~ |`) is backslash-escaped, so `<script>` is shown, not run. At the start of
//! a cell, heading or paragraph, characters that open a block (`# - + = > : !`, `1.`) are escaped
//! too. Control characters and direction overrides are shown as visible stand-ins. Not read back.

use std::fmt::Write as _;

use super::{column_headings, goal_entries, heading, legend_entries, published_label, visible};
use hyoka_core::model::{Division, Document, Section};

pub fn export_markdown(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", line(&heading(doc)));
    if let Some(preface) = &doc.preface {
        let _ = writeln!(out, "{}\n", cell(preface));
    }
    let legend = legend_entries(doc);
    if !legend.is_empty() {
        out.push_str("目標達成度 凡例:\n\n");
    }
    for (mark, label) in legend {
        let _ = writeln!(out, "- {} {}", line(&mark), line(&label));
    }
    let headings = column_headings(doc);
    for division in &doc.divisions {
        division_table(&mut out, doc, &headings, division);
    }
    if let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) {
        let _ = writeln!(out, "\n{}", cell(notes));
    }
    out
}

fn division_table(out: &mut String, doc: &Document, headings: &[String; 5], division: &Division) {
    let _ = writeln!(out, "\n## {}\n", line(&division.name));
    row(out, headings.iter().map(|h| cell(h)));
    out.push_str("| --- | --- | --- | :-: | --- |\n");
    for section in &division.sections {
        row(out, section_cells(doc, section));
    }
}

fn section_cells(doc: &Document, section: &Section) -> [String; 5] {
    let goals = section.goal_ratings_text();
    let rating = match &section.rating {
        Some(mark) => published_label(doc, mark).map_or_else(|| mark.clone(), |label| format!("{mark} {label}")),
        None if !goals.is_empty() => String::new(),
        None => "未評価".to_owned(),
    };
    // The goals' own marks after the section's: "○ ほぼ達成できた<br>①○ ②◎".
    let rating =
        [rating, goals].into_iter().filter(|r| !r.is_empty()).map(|r| cell(&r)).collect::<Vec<_>>().join("<br>");
    [
        cell(&section.name),
        goal_entries(section).iter().map(|g| cell(g)).collect::<Vec<_>>().join("<br>"),
        cell(&section.progress),
        rating,
        cell(&section.reflection),
    ]
}

fn row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    out.push('|');
    for text in cells {
        let _ = write!(out, " {text} |");
    }
    out.push('\n');
}

/// Text for a table cell or a paragraph: line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("<br>")
}

/// Text for a heading or a list item, which must stay on one line.
fn line(text: &str) -> String {
    escape(&text.replace('\n', " "))
}

/// One line of text, made inert: stand-ins for controls, inline markup escaped, a block opener escaped.
fn escape(text: &str) -> String {
    let text = visible(text);
    let text = text.trim_start_matches([' ', '\t']);
    let mut out = String::with_capacity(text.len() + 8);
    if let Some(digits) = text.find(|c: char| !c.is_ascii_digit())
        && digits > 0
        && text[digits..].starts_with(['.', ')'])
    {
        // "1. " would open an ordered list at the start of a paragraph.
        out.push_str(&text[..digits]);
        out.push('\\');
        return out + &escape_inline(&text[digits..]);
    }
    // '>' is not here: escape_inline escapes it everywhere, and twice would show a backslash.
    if text.starts_with(['#', '-', '+', '=', ':', '!']) {
        out.push('\\');
    }
    out + &escape_inline(text)
}

fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table_or_become_markup() {
        assert_eq!(cell("a|b"), "a\\|b");
        assert_eq!(cell("一\n二"), "一<br>二");
        assert_eq!(cell("<script>"), "\\<script\\>");
        assert_eq!(cell("a\\|b"), "a\\\\\\|b");
        assert_eq!(cell("- 項目"), "\\- 項目");
        assert_eq!(cell("1. 一つ目"), "1\\. 一つ目");
        assert_eq!(cell("# 見出し"), "\\# 見出し");
        assert_eq!(cell("> 引用"), "\\> 引用", "one backslash, not two");
        assert_eq!(cell("\u{1b}[2J"), "␛\\[2J");
    }

    #[test]
    fn notes_follow_the_tables_and_unrated_sections_say_so() {
        let mut section = Section::new("総務課");
        section.goals = vec!["目標".into()];
        let doc = Document {
            notes: Some("※ 速報値\n※ *印は新規".into()),
            divisions: vec![Division { name: "総務局".into(), sections: vec![section] }],
            ..Document::new("京都市役所", 2023)
        };
        let text = export_markdown(&doc);
        assert!(text.ends_with("| 総務課 | 目標 |  | 未評価 |  |\n\n※ 速報値<br>※ \\*印は新規\n"), "{text}");
    }

    #[test]
    fn headings_stay_on_one_line() {
        assert_eq!(line("区民\n部"), "区民 部");
    }
}
