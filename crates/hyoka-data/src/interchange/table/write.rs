//! A document → the table's rows, and the rows → tab-separated text.
//!
//! Rows: preface, legend, marker, two header rows, one row per section, notes.

use super::super::error::ExportError;
use super::super::{goal_entries, rating_cell, visible};
use super::{LEGEND_HEADING, Source, legend_order, limits};
use hyoka_core::model::{Division, Document, Section, checkpoint_phrase};

/// What a table row is, so that a sheet can format it; the text table only joins the cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RowKind {
    Blank,
    Line,
    Header,
    Section { first_in_division: bool },
    Note,
}

pub(crate) struct TableRow {
    pub kind: RowKind,
    pub cells: Vec<String>,
}

/// The table's rows in order; refuses (naming the place) what the layout cannot carry.
pub(crate) fn table_rows(doc: &Document, source: Source) -> Result<Vec<TableRow>, ExportError> {
    limits::check_document(doc, source)?;
    let mut rows = Vec::new();
    if let Some(preface) = &doc.preface {
        paragraph(&mut rows, vec![preface.clone()]);
    }
    if let Some(scale) = &doc.scale {
        paragraph(&mut rows, vec![LEGEND_HEADING.to_owned()]);
        paragraph(&mut rows, legend_order::lines(scale));
    }
    if let Some(marker) = ward_marker(&doc.organization) {
        paragraph(&mut rows, vec![marker]);
    }
    rows.extend(header_rows(doc).map(|cells| TableRow { kind: RowKind::Header, cells }));
    for division in &doc.divisions {
        for (i, section) in division.sections.iter().enumerate() {
            let kind = RowKind::Section { first_in_division: i == 0 };
            rows.push(TableRow { kind, cells: section_cells(division, section, source) });
        }
    }
    if let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) {
        rows.push(TableRow { kind: RowKind::Blank, cells: Vec::new() });
        for line in notes.split('\n') {
            let (kind, cells) =
                if line.is_empty() { (RowKind::Blank, vec![]) } else { (RowKind::Note, vec![line.to_owned()]) };
            rows.push(TableRow { kind, cells });
        }
    }
    Ok(rows)
}

/// The rows as tab-separated text, one line each; a cell holding a `"` is quoted as spreadsheets
/// quote it (`"a ""b"""`), so that it reads back as written.
pub(crate) fn tab_separated(rows: &[TableRow]) -> Result<String, csv::Error> {
    let mut out = Vec::new();
    for row in rows {
        if row.cells.is_empty() {
            // An empty record would be written as `""`; a blank line is what sets paragraphs apart.
            out.push(b'\n');
            continue;
        }
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b'\t')
            .quote_style(csv::QuoteStyle::Necessary)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut out);
        writer.write_record(&row.cells)?;
        writer.flush()?;
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Lines before the table stand apart, one blank line after each group, as in the seed.
fn paragraph(rows: &mut Vec<TableRow>, lines: Vec<String>) {
    rows.extend(lines.into_iter().map(|line| TableRow { kind: RowKind::Line, cells: vec![line] }));
    rows.push(TableRow { kind: RowKind::Blank, cells: Vec::new() });
}

/// 上京区役所 → `<上京区>`, the ward marker above a ward office's table; a city hall's has none.
pub(crate) fn ward_marker(organization: &str) -> Option<String> {
    let ward = organization.strip_suffix("役所").filter(|w| w.ends_with('区'))?;
    let plain = ward.chars().count() > 1 && !ward.contains(['\t', '\n', '\r', '"']) && visible(ward) == ward;
    plain.then(|| format!("<{ward}>"))
}

fn header_rows(doc: &Document) -> [Vec<String>; 2] {
    let progress = match doc.checkpoint {
        Some(date) => format!("{}の取組状況(ウ) (目標達成状況, 課題等)", checkpoint_phrase(date)),
        None => "取組状況(ウ) (目標達成状況, 課題等)".to_owned(),
    };
    // Worded as the published table, "(I)" included (its fourth heading, likely an OCR'd (エ)).
    let first = ["所属等名(ア)", "所属等の目標(イ)", &progress, "今年度の取組を振り返って(評価)(I)", ""];
    let second = ["", "", "", "目標達成度", "良かった点や反省すべき点, 今後どのように取り組んでいくか 等"];
    [first, second].map(|cells| cells.into_iter().map(str::to_owned).collect())
}

fn section_cells(division: &Division, section: &Section, source: Source) -> Vec<String> {
    let goals: Vec<String> = goal_entries(section).iter().map(|g| source.encode(g)).collect();
    vec![
        format!("{} {}", division.name, section.name),
        goals.join(source.separator()),
        source.encode(&section.progress),
        rating_cell(section),
        source.encode(&section.reflection),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_ward_office_gets_a_ward_marker() {
        assert_eq!(ward_marker("上京区役所").as_deref(), Some("<上京区>"));
        assert_eq!(ward_marker("京都市役所"), None);
        assert_eq!(ward_marker("京都市"), None);
        assert_eq!(ward_marker("区役所"), None);
    }

    #[test]
    fn cells_with_quotes_are_quoted_and_blank_rows_stay_blank() {
        let rows = [
            TableRow { kind: RowKind::Line, cells: vec!["～前書き～".into()] },
            TableRow { kind: RowKind::Blank, cells: vec![] },
            TableRow { kind: RowKind::Header, cells: vec!["a".into(), "".into()] },
            TableRow {
                kind: RowKind::Section { first_in_division: true },
                cells: vec!["\"引用\"です".into(), "x\"y".into()],
            },
        ];
        let text = tab_separated(&rows).unwrap_or_default();
        assert_eq!(text, "～前書き～\n\na\t\n\"\"\"引用\"\"です\"\t\"x\"\"y\"\n");
    }
}
