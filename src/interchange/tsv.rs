//! The published table as tab-separated text (the seed document's layout), read and written.
//!
//! The layout: a preface line (～平成20年度、上京区役所では、…～), the legend of the rating
//! marks, a `<上京区>` marker, two header lines, then one row per section:
//! `部 課 <TAB> goals <TAB> progress <TAB> rating <TAB> reflection`.
//!
//! # What the table can carry
//!
//! [`export_table`] writes what [`import_table`] reads back as the same document, and refuses, naming
//! the section and the field, a document the layout cannot hold, rather than dropping part of it:
//! - A cell is one line. A line break can stand only before a `・` bullet (the published table writes it
//!   as a space, the importer turns " ・" back into a break). So: no tabs, no other control characters,
//!   no space directly before a `・` (it would come back as a break), no spaces at the start or the end
//!   of a text or before a break (cells are trimmed).
//! - The goals cell is split at ①…⑳ on the way back: neither the goals nor the lead-in contain them, no
//!   goal is empty, at most 20 goals, and a lead-in (one line) comes with at least one goal.
//! - `部 課` is split at the first space: division names have none. Names are one line and not empty;
//!   every division has a section (a division alone has no row); no division or section appears twice.
//! - The preface is one line starting with `～`. Organisation and fiscal year come back only from it
//!   ("～平成20年度、上京区役所では…"): without such a preface `hyoka import` asks for
//!   `--organization` and `--fiscal-year`; a preface naming another year or organisation than the
//!   document is refused (see [`preface_names_document`]).
//! - The legend: marks of one or two characters without spaces, `：`, `「`, `」`; labels without `」`,
//!   not ending in `。`. The checkpoint is a date within the fiscal year (April to March), as the header
//!   gives only its month and day.
//! - `updated` and `updated_by` are the YAML files' bookkeeping, not part of the published table: they
//!   are left out on purpose, the one thing not carried.
//!
//! Cells are written as they are: a spreadsheet opening the `.tsv` runs a cell starting with `=` as a
//! formula. The table is for `hyoka import`; use `--format csv` or `xlsx` for spreadsheets.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::{ExportError, goal_entries, visible};
use crate::i18n::Lang;
use crate::model::{Division, Document, Grade, Section, checkpoint_phrase, fiscal_year_label};

/// What the caller may set instead of reading it from the preface.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    pub organization: Option<String>,
    pub fiscal_year: Option<i32>,
}

/// A line of the table that cannot be placed: 1-based line and column of the offending cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub column: usize,
    pub ja: String,
    pub en: String,
}

impl ImportError {
    fn new(line: usize, column: usize, ja: impl Into<String>, en: impl Into<String>) -> Self {
        ImportError { line, column, ja: ja.into(), en: en.into() }
    }

    pub fn describe(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}

const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const LEGEND_HEADING: &str = "※目標達成度 凡例";

/// How a cell holds several lines: the one difference between the text table and a spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cells {
    /// A line of text: lines joined by a space, turned back into a break before each `・`.
    Joined,
    /// A spreadsheet cell: real line breaks, taken as they are.
    Multiline,
}

impl Cells {
    fn decode(self, cell: &str) -> String {
        match self {
            Cells::Joined => restore_bullets(cell),
            Cells::Multiline => cell.trim().to_owned(),
        }
    }

    fn encode(self, text: &str) -> String {
        match self {
            Cells::Joined => text.replace('\n', " "),
            Cells::Multiline => text.to_owned(),
        }
    }

    fn separator(self) -> &'static str {
        match self {
            Cells::Joined => " ",
            Cells::Multiline => "\n",
        }
    }

    /// 1-based column of cell `index` for messages: characters on a text line, cells in a sheet.
    fn column(self, cells: &[String], index: usize) -> usize {
        match self {
            Cells::Joined => cells.iter().take(index).map(|c| c.chars().count() + 1).sum::<usize>() + 1,
            Cells::Multiline => index + 1,
        }
    }
}

/// One line of a text table or one row of a sheet, numbered from 1 for messages.
pub(crate) struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

pub fn import_table(text: &str, options: &ImportOptions) -> Result<Document, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let rows = text.lines().enumerate().map(|(index, line)| Row {
        number: index + 1,
        cells: line.trim_end_matches('\r').split('\t').map(str::to_owned).collect(),
    });
    import_rows(rows, options, Cells::Joined)
}

/// The importer proper, shared by the text table and the spreadsheet (see `xlsx`).
pub(crate) fn import_rows(
    rows: impl IntoIterator<Item = Row>,
    options: &ImportOptions,
    style: Cells,
) -> Result<Document, ImportError> {
    let mut preface: Option<(usize, String)> = None;
    let mut legend_rows: Vec<Vec<Grade>> = Vec::new();
    let mut checkpoint_header: Option<(usize, String)> = None;
    let mut header_lines_seen = 0;
    let mut divisions: Vec<Division> = Vec::new();
    let mut last_line = 0;

    for Row { number: line_no, cells } in rows {
        last_line = line_no;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if header_lines_seen < 2 {
            if cells.len() > 1 {
                if header_lines_seen == 0 {
                    checkpoint_header = Some((line_no, cells.get(2).cloned().unwrap_or_default()));
                }
                header_lines_seen += 1;
                continue;
            }
            let trimmed = cells.first().map_or("", |c| c.trim());
            if preface.is_none() && trimmed.starts_with('～') {
                preface = Some((line_no, trimmed.to_owned()));
            } else if let Some(row) = legend_row(trimmed) {
                legend_rows.push(row);
            } else if is_known_decoration(trimmed) {
                // 凡例 heading and the <上京区> marker carry nothing the document keeps.
            } else {
                return Err(ImportError::new(
                    line_no,
                    1,
                    format!(
                        "表の前の行「{trimmed}」の意味が分かりません。前書き（～…～）、凡例（◎：「…」）、<区名> のどれかにしてください。"
                    ),
                    format!(
                        "cannot place the line '{trimmed}' before the table; expected the preface (～…～), the legend (◎：「…」) or the <ward> marker."
                    ),
                ));
            }
            continue;
        }
        let (division, section) = section_row(line_no, &cells, &legend_rows, style)?;
        match divisions.iter_mut().find(|d| d.name == division) {
            Some(d) => {
                if d.sections.iter().any(|s| s.name == section.name) {
                    return Err(ImportError::new(
                        line_no,
                        1,
                        format!("{division} {} が二度出てきます。", section.name),
                        format!("{division} {} appears twice.", section.name),
                    ));
                }
                d.sections.push(section)
            }
            None => divisions.push(Division { name: division, sections: vec![section] }),
        }
    }

    if header_lines_seen < 2 {
        return Err(ImportError::new(
            last_line.max(1),
            1,
            "表の見出し行（所属等名、所属等の目標…）が見つかりません。",
            "the header lines of the table (所属等名, 所属等の目標, …) were not found.",
        ));
    }
    let (fiscal_year, organization) = identity(preface.as_ref(), options)?;
    let checkpoint = match checkpoint_header {
        Some((line, phrase)) => checkpoint_from_header(&phrase, fiscal_year).ok_or_else(|| {
            ImportError::new(
                line,
                1,
                format!("見出し「{phrase}」から取組状況の時点（例: 11月末現在）が読めません。"),
                format!("cannot read the checkpoint (e.g. 11月末現在) from the header '{phrase}'."),
            )
        })?,
        None => None,
    };
    let scale = legend_order(&legend_rows);
    Ok(Document {
        organization,
        fiscal_year,
        checkpoint,
        preface: preface.map(|(_, p)| p),
        scale: (!scale.is_empty()).then_some(scale),
        divisions,
    })
}

fn is_known_decoration(line: &str) -> bool {
    line.contains("凡例")
        || (line.starts_with('<') && line.ends_with('>'))
        || (line.starts_with('＜') && line.ends_with('＞'))
}

/// `◎：「達成できた。」 △：「ある程度達成できた。」` → [◎ 達成できた, △ ある程度達成できた].
fn legend_row(line: &str) -> Option<Vec<Grade>> {
    let mut grades = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find("：「") {
        let mark = rest[..open].trim();
        let after = &rest[open + "：「".len()..];
        let close = after.find('」')?;
        let label = after[..close].trim_end_matches('。');
        if mark.is_empty() || mark.chars().count() > 2 {
            return None;
        }
        grades.push(Grade { mark: mark.to_owned(), label: label.to_owned() });
        rest = &after[close + '」'.len_utf8()..];
    }
    (!grades.is_empty() && rest.trim().is_empty()).then_some(grades)
}

/// The legend is printed in columns (◎ above ○, △ above ×): read it column by column.
fn legend_order(rows: &[Vec<Grade>]) -> Vec<Grade> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width).flat_map(|col| rows.iter().filter_map(move |row| row.get(col).cloned())).collect()
}

fn section_row(
    line_no: usize,
    cells: &[String],
    legend: &[Vec<Grade>],
    style: Cells,
) -> Result<(String, Section), ImportError> {
    let filled = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
    if filled > 5 {
        return Err(ImportError::new(
            line_no,
            style.column(cells, 5),
            "列が多すぎます。所属等名、目標、取組状況、達成度、振り返りの5列にしてください。",
            "too many columns; a row has five: section, goals, progress, rating, reflection.",
        ));
    }
    let cell = |i: usize| cells.get(i).map_or("", |c| c.trim());
    let name = cell(0);
    let Some((division, section_name)) = name.split_once([' ', '　']) else {
        return Err(ImportError::new(
            line_no,
            1,
            format!("所属等名「{name}」を部と課に分けられません。「区民部 総務課」のように空白で区切ってください。"),
            format!(
                "cannot split '{name}' into division and section; write them separated by a space, like '区民部 総務課'."
            ),
        ));
    };
    let rating = match cell(3) {
        "" => None,
        mark => {
            let marks: Vec<&str> = legend.iter().flatten().map(|g| g.mark.as_str()).collect();
            let known =
                if marks.is_empty() { ["◎", "○", "△", "×"].contains(&mark) } else { marks.contains(&mark) };
            if !known {
                return Err(ImportError::new(
                    line_no,
                    style.column(cells, 3),
                    format!("目標達成度「{mark}」は凡例にありません。"),
                    format!("the rating '{mark}' is not in the legend."),
                ));
            }
            Some(mark.to_owned())
        }
    };
    let (goals_intro, goals) = split_goals(cell(1), style);
    Ok((
        division.trim().to_owned(),
        Section {
            name: section_name.trim().to_owned(),
            goals_intro,
            goals,
            progress: style.decode(cell(2)),
            rating,
            reflection: style.decode(cell(4)),
            updated: None,
            updated_by: None,
        },
    ))
}

/// `来庁者満足度の向上のため ①A ②B` → ("来庁者満足度の向上のため", [A, B]).
fn split_goals(cell: &str, style: Cells) -> (String, Vec<String>) {
    if cell.is_empty() {
        return (String::new(), Vec::new());
    }
    let mut parts = cell.split(|c| CIRCLED.contains(c));
    let intro = parts.next().unwrap_or_default().trim().to_owned();
    let goals: Vec<String> = parts.map(|g| style.decode(g.trim())).filter(|g| !g.is_empty()).collect();
    if goals.is_empty() { (String::new(), vec![style.decode(&intro)]) } else { (intro, goals) }
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

fn identity(preface: Option<&(usize, String)>, options: &ImportOptions) -> Result<(i32, String), ImportError> {
    let line = preface.map_or(1, |(l, _)| *l);
    let text = preface.map_or("", |(_, t)| t.as_str());
    let fiscal_year = match options.fiscal_year {
        Some(y) => y,
        None => fiscal_year_in(text).ok_or_else(|| {
            ImportError::new(
                line,
                1,
                "前書きから年度（例: 平成20年度）が読めません。--fiscal-year 2008 のように指定してください。",
                "cannot read the fiscal year (e.g. 平成20年度) from the preface; give it with --fiscal-year 2008.",
            )
        })?,
    };
    let organization = match &options.organization {
        Some(o) => o.clone(),
        None => organization_in(text).ok_or_else(|| {
            ImportError::new(
                line,
                1,
                "前書きから組織名（例: 上京区役所では）が読めません。--organization 上京区役所 のように指定してください。",
                "cannot read the organisation (e.g. 上京区役所では) from the preface; give it with --organization.",
            )
        })?,
    };
    Ok((fiscal_year, organization))
}

/// "平成20年度" (or 令和元年度, full-width digits) anywhere in the text → 2008.
pub fn fiscal_year_in(text: &str) -> Option<i32> {
    // The first era name that is directly followed by a number (or 元) and 年度, wherever it stands:
    // "令和への改元を前に、平成30年度…" is 平成30年度.
    text.char_indices().find_map(|(i, _)| {
        let rest = &text[i..];
        let (era, base) =
            [("令和", 2018), ("平成", 1988), ("昭和", 1925)].into_iter().find(|(e, _)| rest.starts_with(e))?;
        let after = &rest[era.len()..];
        let end = after.find("年度")?;
        let number = &after[..end];
        let n: i32 = if number == "元" {
            1
        } else if !number.is_empty() {
            number
                .chars()
                .map(|c| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)))
                .try_fold(0i32, |acc, d| Some(acc * 10 + d? as i32))?
        } else {
            return None;
        };
        Some(base + n)
    })
}

/// "…年度、上京区役所では、…" → 上京区役所.
fn organization_in(text: &str) -> Option<String> {
    let after = text.split_once("年度、").map_or(text, |(_, rest)| rest);
    let (name, _) = after.split_once("では")?;
    let name = name.trim_matches(|c: char| c == '～' || c == '、' || c.is_whitespace());
    (!name.is_empty()).then(|| name.to_owned())
}

/// "11月末現在の取組状況(ウ) …" → 30 November of the fiscal year (January–March: the year after).
fn checkpoint_from_header(header: &str, fiscal_year: i32) -> Option<Option<NaiveDate>> {
    let Some(end) = header.find("現在") else {
        return Some(None);
    };
    let phrase = &header[..end];
    let (month_text, rest) = phrase.split_once('月')?;
    let month: u32 = month_text.trim().parse().ok()?;
    let year = if month <= 3 { fiscal_year + 1 } else { fiscal_year };
    let date = if rest == "末" {
        let first_of_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }?;
        first_of_next.pred_opt()?
    } else {
        let day: u32 = rest.trim_end_matches('日').parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)?
    };
    debug_assert_eq!(date.month(), month);
    Some(Some(date))
}

// ---------------------------------------------------------------------------------------------
// Export: the same layout, written so that the importer above reads the same document back.
// ---------------------------------------------------------------------------------------------

/// Writes the document in the seed's layout; see the module documentation for what it refuses.
pub fn export_table(doc: &Document) -> Result<String, ExportError> {
    let rows = table_rows(doc, Cells::Joined)?;
    let mut text = String::new();
    for row in &rows {
        text.push_str(&row.cells.join("\t"));
        text.push('\n');
    }
    // The checks above name the usual problems; reading the text back catches any the rules miss,
    // so that the export is the importer's inverse by construction, not only by argument.
    verify(doc, import_table(&text, &carried_identity(doc)))?;
    Ok(text)
}

/// Whether `hyoka import` reads the document's organisation and fiscal year back from the preface
/// without `--organization` and `--fiscal-year`.
pub fn preface_names_document(doc: &Document) -> bool {
    doc.preface.as_deref().is_some_and(|p| {
        fiscal_year_in(p) == Some(doc.fiscal_year) && organization_in(p).as_deref() == Some(&doc.organization)
    })
}

/// What a table row is, so that a sheet can format it; the text table only joins the cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RowKind {
    Blank,
    Line,
    Header,
    Section { first_in_division: bool },
}

pub(crate) struct TableRow {
    pub kind: RowKind,
    pub cells: Vec<String>,
}

/// The table's rows in order: preface, legend, marker, two header lines, one row per section.
pub(crate) fn table_rows(doc: &Document, style: Cells) -> Result<Vec<TableRow>, ExportError> {
    check_document(doc, style)?;
    let mut rows = Vec::new();
    if let Some(preface) = &doc.preface {
        paragraph(&mut rows, vec![preface.clone()]);
    }
    if let Some(scale) = &doc.scale {
        paragraph(&mut rows, vec![LEGEND_HEADING.to_owned()]);
        paragraph(&mut rows, legend_lines(scale));
    }
    if let Some(marker) = ward_marker(&doc.organization) {
        paragraph(&mut rows, vec![marker]);
    }
    rows.extend(header_rows(doc).map(|cells| TableRow { kind: RowKind::Header, cells }));
    for division in &doc.divisions {
        for (i, section) in division.sections.iter().enumerate() {
            let kind = RowKind::Section { first_in_division: i == 0 };
            rows.push(TableRow { kind, cells: section_cells(division, section, style) });
        }
    }
    Ok(rows)
}

/// Lines before the table stand apart, one blank line after each group, as in the seed.
fn paragraph(rows: &mut Vec<TableRow>, lines: Vec<String>) {
    rows.extend(lines.into_iter().map(|line| TableRow { kind: RowKind::Line, cells: vec![line] }));
    rows.push(TableRow { kind: RowKind::Blank, cells: Vec::new() });
}

/// The legend in two rows read column by column (◎ above ○, △ above ×), as the importer reads it.
fn legend_lines(scale: &[Grade]) -> Vec<String> {
    (0..scale.len().min(2))
        .map(|row| {
            let grades = scale.iter().skip(row).step_by(2);
            grades.map(|g| format!("{}：「{}。」", g.mark, g.label)).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// 上京区役所 → `<上京区>`, the ward marker above the seed's table; the importer skips it.
fn ward_marker(organization: &str) -> Option<String> {
    let ward = organization.strip_suffix("役所").unwrap_or(organization);
    let plain = !ward.trim().is_empty() && !ward.contains(['\t', '\n', '\r']) && visible(ward) == ward;
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

fn section_cells(division: &Division, section: &Section, style: Cells) -> Vec<String> {
    let goals: Vec<String> = goal_entries(section).iter().map(|g| style.encode(g)).collect();
    vec![
        format!("{} {}", division.name, section.name),
        goals.join(style.separator()),
        style.encode(&section.progress),
        section.rating.clone().unwrap_or_default(),
        style.encode(&section.reflection),
    ]
}

/// The organisation and year as the caller of the importer gives them: they are checked separately
/// against the preface, so the read-back compares only what the rows carry.
pub(crate) fn carried_identity(doc: &Document) -> ImportOptions {
    ImportOptions { organization: Some(doc.organization.clone()), fiscal_year: Some(doc.fiscal_year) }
}

/// The document as the table carries it: without the files' bookkeeping stamps.
pub(crate) fn without_stamps(doc: &Document) -> Document {
    let mut doc = doc.clone();
    for section in doc.divisions.iter_mut().flat_map(|d| &mut d.sections) {
        section.updated = None;
        section.updated_by = None;
    }
    doc
}

/// Compares what the importer read back with the document and names the first place that differs.
pub(crate) fn verify(doc: &Document, read_back: Result<Document, ImportError>) -> Result<(), ExportError> {
    let read_back = read_back.map_err(|e| ExportError {
        ja: format!(
            "書き出した表を読み戻すと{}行目で誤りになります（{}）。この文書は表の形式では書き出せません。--format csv / html / md を使ってください。",
            e.line, e.ja
        ),
        en: format!(
            "the written table does not read back (line {}: {}); this document cannot be written as the table. Use --format csv, html or md.",
            e.line, e.en
        ),
    })?;
    match first_difference(&without_stamps(doc), &read_back) {
        None => Ok(()),
        Some(place) => Err(refuse(place, Flaw::NotReadBack)),
    }
}

fn first_difference(expected: &Document, got: &Document) -> Option<Place> {
    if expected.preface != got.preface {
        return Some(Place::preface());
    }
    if expected.scale != got.scale {
        return Some(Place::legend());
    }
    if expected.checkpoint != got.checkpoint {
        return Some(Place::checkpoint());
    }
    for (a, b) in expected.divisions.iter().zip(&got.divisions) {
        if a.name != b.name || a.sections.len() != b.sections.len() {
            return Some(Place::division(&a.name));
        }
        if let Some((section, _)) = a.sections.iter().zip(&b.sections).find(|(x, y)| x != y) {
            return Some(Place::section(&a.name, &section.name, "欄", "fields"));
        }
    }
    (expected != got).then(|| Place::document("部と課の並び", "the list of divisions and sections"))
}

// ---------------------------------------------------------------------------------------------
// What the layout cannot carry, named where it is.
// ---------------------------------------------------------------------------------------------

/// Where something is in a document, for messages; names are shown with control characters visible.
struct Place {
    ja: String,
    en: String,
}

impl Place {
    fn document(ja: &str, en: &str) -> Place {
        Place { ja: ja.to_owned(), en: en.to_owned() }
    }

    fn preface() -> Place {
        Place::document("前書き", "the preface")
    }

    fn legend() -> Place {
        Place::document("凡例（scale）", "the legend (scale)")
    }

    fn checkpoint() -> Place {
        Place::document("取組状況の時点（checkpoint）", "the checkpoint")
    }

    fn division(name: &str) -> Place {
        let name = visible(name);
        Place { ja: format!("部「{name}」"), en: format!("the division '{name}'") }
    }

    fn section_itself(division: &str, section: &str) -> Place {
        let (division, section) = (visible(division), visible(section));
        Place { ja: format!("課「{division} {section}」"), en: format!("the section '{division} {section}'") }
    }

    fn section(division: &str, section: &str, ja_field: &str, en_field: &str) -> Place {
        let (division, section) = (visible(division), visible(section));
        Place {
            ja: format!("{division} {section}の{ja_field}"), en: format!("the {en_field} of {division} {section}")
        }
    }
}

/// Why a text cannot go into the table, with what to do about it.
enum Flaw {
    EdgeSpace,
    Tab,
    Control(char),
    LineBreak,
    BreakNotBeforeBullet,
    SpaceBeforeBullet,
    Circled(char),
    EmptyName,
    DivisionSpace,
    DuplicateDivision,
    DuplicateSection,
    EmptyDivision,
    EmptyGoal,
    IntroWithoutGoals,
    TooManyGoals,
    PrefaceStart,
    PrefaceNames { says: String, is: String },
    EmptyScale,
    LegendMark(String),
    LegendLabel(String),
    CheckpointOutside { date: NaiveDate, fiscal_year: i32 },
    RatingNotOnScale(String),
    NotReadBack,
}

impl Flaw {
    fn continues_the_place(&self) -> bool {
        !matches!(
            self,
            Flaw::EdgeSpace
                | Flaw::Tab
                | Flaw::Control(_)
                | Flaw::LineBreak
                | Flaw::BreakNotBeforeBullet
                | Flaw::SpaceBeforeBullet
                | Flaw::Circled(_)
                | Flaw::DivisionSpace
                | Flaw::CheckpointOutside { .. }
                | Flaw::RatingNotOnScale(_)
        )
    }

    fn describe(&self) -> (String, String) {
        let (ja, en): (String, String) = match self {
            Flaw::EdgeSpace => (
                "先頭か末尾（または改行の前）に空白があります。表では消えてしまうので、取り除いてください".into(),
                "begins or ends (or has a line ending) with a space, which the table drops; remove it".into(),
            ),
            Flaw::Tab => (
                "タブ文字があります。表ではタブが列の区切りになるので、空白に置き換えてください".into(),
                "contains a tab, which separates the table's columns; replace it with a space".into(),
            ),
            Flaw::Control(c) => (
                format!("制御文字 U+{:04X} があります。端末や表計算ソフトを乱すので、消してください", *c as u32),
                format!("contains the control character U+{:04X}; remove it", *c as u32),
            ),
            Flaw::LineBreak => (
                "改行があります。表ではここは1行なので、改行を消してください".into(),
                "contains a line break, but the table holds it on one line; remove the break".into(),
            ),
            Flaw::BreakNotBeforeBullet => (
                "「・」で始まらない行があります。表では改行を「・」の前にしか書けないので、行頭に「・」を付けるか前の行とつなげてください".into(),
                "has a line not starting with ・; the table breaks lines only before a ・ bullet, so start the line with ・ or join it to the previous one".into(),
            ),
            Flaw::SpaceBeforeBullet => (
                "「・」の直前に空白があります。表から読み戻すと改行になるので、空白を消してください".into(),
                "has a space right before ・, which would come back as a line break; remove the space".into(),
            ),
            Flaw::Circled(c) => (
                format!("丸数字「{c}」があります。表では丸数字で目標を区切るので、(1) のように書き換えてください"),
                format!("contains {c}; the table splits goals at circled numbers, so write (1) instead"),
            ),
            Flaw::EmptyName => ("が空です。名前を書いてください".into(), "is empty; write the name".into()),
            Flaw::DivisionSpace => (
                "名前に空白があります。表では「部 課」を最初の空白で分けるので、空白を消してください".into(),
                "contains a space; the table splits '部 課' at the first space, so remove it".into(),
            ),
            Flaw::DuplicateDivision => (
                "が二度出てきます。表では一つにまとまってしまうので、一つにまとめてください".into(),
                "appears twice; the table would merge the two, so merge them into one".into(),
            ),
            Flaw::DuplicateSection => (
                "が同じ部に二度出てきます。一つにまとめてください".into(),
                "appears twice in its division; merge them into one".into(),
            ),
            Flaw::EmptyDivision => (
                "に課が一つもありません。表には部だけの行がないので、課を加えるか部を消してください".into(),
                "has no sections, and the table has no row for a division alone; add a section or remove the division".into(),
            ),
            Flaw::EmptyGoal => {
                ("が空です。書き込むか、目標を消してください".into(), "is empty; write it or remove the goal".into())
            }
            Flaw::IntroWithoutGoals => (
                "だけがあり、目標がありません。表では前置きが目標として読み戻されるので、目標を書き足してください".into(),
                "has no goals after it; the table would read it back as a goal, so add a goal".into(),
            ),
            Flaw::TooManyGoals => (
                "が20を超えています。表の丸数字は⑳までなので、20以下にまとめてください".into(),
                "are more than 20, and circled numbers end at ⑳; merge some".into(),
            ),
            Flaw::PrefaceStart => (
                "が「～」で始まっていません。表では「～…～」の行を前書きとして読むので、前後を「～」で囲んでください".into(),
                "does not start with ～; the table recognises the preface as a line ～…～, so enclose it in ～".into(),
            ),
            Flaw::PrefaceNames { says, is } => (
                format!("は「{says}」と書いていますが、文書は「{is}」です。表からは前書きの方が読み戻されるので、どちらかを直してください"),
                format!("says '{says}' but the document is '{is}'; the table would read back the preface's, so correct one of them"),
            ),
            Flaw::EmptyScale => (
                "に区分がありません。区分を書くか、scale の行を消してください".into(),
                "has no grades; list them or remove the scale key".into(),
            ),
            Flaw::LegendMark(mark) => (
                format!("の記号「{}」は表に書けません。空白・「：」「「」「」」を含まない1～2文字にしてください", visible(mark)),
                format!("mark '{}' cannot be written; use one or two characters without spaces, ：, 「 or 」", visible(mark)),
            ),
            Flaw::LegendLabel(label) => (
                format!("の説明「{}」は表に書けません。「」」を含まず「。」で終わらない1行にしてください", visible(label)),
                format!("label '{}' cannot be written; use one line without 」 that does not end in 。", visible(label)),
            ),
            Flaw::CheckpointOutside { date, fiscal_year } => (
                format!(
                    "{date} が{}（{fiscal_year}年4月～{}年3月）の外です。表の見出しは月日しか書けないので、年度内の日付にしてください",
                    fiscal_year_label(*fiscal_year),
                    fiscal_year + 1
                ),
                format!(
                    "{date} lies outside fiscal {fiscal_year} (April {fiscal_year} to March {}), and the table's header gives only month and day; use a date within the fiscal year",
                    fiscal_year + 1
                ),
            ),
            Flaw::RatingNotOnScale(mark) => (
                format!("「{}」は凡例にありません。凡例の記号にしてください", visible(mark)),
                format!("'{}' is not on the scale; use one of its marks", visible(mark)),
            ),
            Flaw::NotReadBack => (
                "が表から同じ形で読み戻せません。簡単な形に直すか、--format csv / html / md で書き出してください".into(),
                "would not come back the same from the table; simplify it, or use --format csv, html or md".into(),
            ),
        };
        (ja, en)
    }
}

fn refuse(place: Place, flaw: Flaw) -> ExportError {
    let (ja, en) = flaw.describe();
    // Some messages go on from the place ("…の目標2が空です"), the others follow it after a colon.
    let (ja, en) = if flaw.continues_the_place() {
        (format!("{}{ja}。", place.ja), format!("{} {en}.", place.en))
    } else {
        (format!("{}: {ja}。", place.ja), format!("{}: {en}.", place.en))
    };
    ExportError { ja, en }
}

/// How a text comes back from its cell: as one line verbatim, or with breaks restored before `・`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line,
    Bullets,
}

fn text_flaw(text: &str, style: Cells, kind: Kind) -> Option<Flaw> {
    if text.trim() != text {
        return Some(Flaw::EdgeSpace);
    }
    if style == Cells::Multiline {
        return None; // a sheet's cell holds any text: the xlsx export shows controls as stand-ins first
    }
    if text.contains('\t') {
        return Some(Flaw::Tab);
    }
    if let Some(c) = text.chars().find(|&c| c != '\n' && matches!(visible(c.encode_utf8(&mut [0; 4])), Cow::Owned(_))) {
        return Some(Flaw::Control(c));
    }
    match kind {
        Kind::Line if text.contains('\n') => Some(Flaw::LineBreak),
        Kind::Line => None,
        Kind::Bullets if text.split('\n').skip(1).any(|line| !line.starts_with('・')) => {
            Some(Flaw::BreakNotBeforeBullet)
        }
        Kind::Bullets if text.split('\n').any(|line| line.ends_with([' ', '　'])) => Some(Flaw::EdgeSpace),
        Kind::Bullets if text.contains(" ・") || text.contains("　・") => Some(Flaw::SpaceBeforeBullet),
        Kind::Bullets => None,
    }
}

fn circled_in(text: &str) -> Option<Flaw> {
    text.chars().find(|&c| CIRCLED.contains(c)).map(Flaw::Circled)
}

fn check_document(doc: &Document, style: Cells) -> Result<(), ExportError> {
    check_preface(doc, style)?;
    check_scale(doc, style)?;
    check_checkpoint(doc)?;
    for (index, division) in doc.divisions.iter().enumerate() {
        let place = || Place::division(&division.name);
        if doc.divisions.iter().take(index).any(|d| d.name == division.name) {
            return Err(refuse(place(), Flaw::DuplicateDivision));
        }
        if let Some(flaw) = name_flaw(&division.name, style) {
            let place =
                if division.name.is_empty() { Place::document("部の名前", "a division name") } else { place() };
            return Err(refuse(place, flaw));
        }
        if division.name.contains([' ', '　']) {
            return Err(refuse(place(), Flaw::DivisionSpace));
        }
        if division.sections.is_empty() {
            return Err(refuse(place(), Flaw::EmptyDivision));
        }
        for (i, section) in division.sections.iter().enumerate() {
            if division.sections.iter().take(i).any(|s| s.name == section.name) {
                return Err(refuse(Place::section_itself(&division.name, &section.name), Flaw::DuplicateSection));
            }
            check_section(doc, division, section, style)?;
        }
    }
    Ok(())
}

fn name_flaw(name: &str, style: Cells) -> Option<Flaw> {
    if name.is_empty() {
        return Some(Flaw::EmptyName);
    }
    text_flaw(name, style, Kind::Line)
}

fn check_preface(doc: &Document, style: Cells) -> Result<(), ExportError> {
    let Some(preface) = &doc.preface else { return Ok(()) };
    let fail = |flaw| Err(refuse(Place::preface(), flaw));
    if let Some(flaw) = text_flaw(preface, style, Kind::Line) {
        return fail(flaw);
    }
    if !preface.starts_with('～') {
        return fail(Flaw::PrefaceStart);
    }
    if let Some(year) = fiscal_year_in(preface).filter(|y| *y != doc.fiscal_year) {
        let (says, is) = (fiscal_year_label(year), fiscal_year_label(doc.fiscal_year));
        return fail(Flaw::PrefaceNames { says, is });
    }
    if let Some(org) = organization_in(preface).filter(|o| *o != doc.organization) {
        return fail(Flaw::PrefaceNames {
            says: visible(&org).into_owned(),
            is: visible(&doc.organization).into_owned(),
        });
    }
    Ok(())
}

fn check_scale(doc: &Document, style: Cells) -> Result<(), ExportError> {
    let Some(scale) = &doc.scale else { return Ok(()) };
    let fail = |flaw| Err(refuse(Place::legend(), flaw));
    if scale.is_empty() {
        return fail(Flaw::EmptyScale);
    }
    for grade in scale {
        let mark = &grade.mark;
        let marks_ok = (1..=2).contains(&mark.chars().count())
            && !mark.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '：' | '「' | '」'));
        if !marks_ok {
            return fail(Flaw::LegendMark(mark.clone()));
        }
        let label = &grade.label;
        let line_flaw = text_flaw(label.trim(), style, Kind::Line).is_some() || label.contains('\n');
        if label.contains('」') || label.ends_with('。') || line_flaw {
            return fail(Flaw::LegendLabel(label.clone()));
        }
    }
    Ok(())
}

fn check_checkpoint(doc: &Document) -> Result<(), ExportError> {
    let Some(date) = doc.checkpoint else { return Ok(()) };
    let year_of_month = if date.month() <= 3 { doc.fiscal_year + 1 } else { doc.fiscal_year };
    if date.year() != year_of_month {
        return Err(refuse(Place::checkpoint(), Flaw::CheckpointOutside { date, fiscal_year: doc.fiscal_year }));
    }
    Ok(())
}

fn check_section(doc: &Document, division: &Division, section: &Section, style: Cells) -> Result<(), ExportError> {
    let at = |ja: &str, en: &str, flaw| Err(refuse(Place::section(&division.name, &section.name, ja, en), flaw));
    if let Some(flaw) = name_flaw(&section.name, style) {
        return at("名前", "name", flaw);
    }
    if !section.goals_intro.is_empty() {
        if section.goals.is_empty() {
            return at("目標の前置き", "goals lead-in", Flaw::IntroWithoutGoals);
        }
        let flaw = text_flaw(&section.goals_intro, style, Kind::Line).or_else(|| circled_in(&section.goals_intro));
        if let Some(flaw) = flaw {
            return at("目標の前置き", "goals lead-in", flaw);
        }
    }
    if section.goals.len() > CIRCLED.chars().count() {
        return at("目標の数", "goals", Flaw::TooManyGoals);
    }
    for (i, goal) in section.goals.iter().enumerate() {
        let flaw = if goal.is_empty() {
            Some(Flaw::EmptyGoal)
        } else {
            text_flaw(goal, style, Kind::Bullets).or_else(|| circled_in(goal))
        };
        if let Some(flaw) = flaw {
            return at(&format!("目標{}", i + 1), &format!("goal {}", i + 1), flaw);
        }
    }
    if let Some(flaw) = text_flaw(&section.progress, style, Kind::Bullets) {
        return at("取組状況", "progress", flaw);
    }
    if let Some(mark) = section.rating.as_ref().filter(|m| doc.grade(m).is_none()) {
        return at("目標達成度", "rating", Flaw::RatingNotOnScale(mark.clone()));
    }
    if let Some(flaw) = text_flaw(&section.reflection, style, Kind::Bullets) {
        return at("振り返り", "reflection", flaw);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_rows_are_read_in_columns() {
        let rows = vec![
            legend_row("◎：「達成できた。」 △：「ある程度達成できた。」").unwrap_or_default(),
            legend_row("○：「ほぼ達成できた。」 ×：「あまり達成できなかった。」").unwrap_or_default(),
        ];
        let marks: Vec<_> = legend_order(&rows).into_iter().map(|g| format!("{} {}", g.mark, g.label)).collect();
        assert_eq!(marks, ["◎ 達成できた", "○ ほぼ達成できた", "△ ある程度達成できた", "× あまり達成できなかった"]);
    }

    #[test]
    fn goals_split_at_circled_numbers_keeping_a_lead_in() {
        let (intro, goals) = split_goals(
            "来庁者満足度の向上のため ①用件処理に要する時間を短縮します。 ②丁寧な説明を励行します。",
            Cells::Joined,
        );
        assert_eq!(intro, "来庁者満足度の向上のため");
        assert_eq!(goals, ["用件処理に要する時間を短縮します。", "丁寧な説明を励行します。"]);
        let (intro, goals) = split_goals("親切・丁寧で、分かりやすい対応をします。", Cells::Joined);
        assert_eq!((intro.as_str(), goals), ("", vec!["親切・丁寧で、分かりやすい対応をします。".to_owned()]));
    }

    #[test]
    fn sheet_cells_keep_their_line_breaks() {
        let (intro, goals) = split_goals("前置き\n①一つ目\n二行目\n②・二つ目 ・同じ行", Cells::Multiline);
        assert_eq!(intro, "前置き");
        assert_eq!(goals, ["一つ目\n二行目", "・二つ目 ・同じ行"]);
    }

    #[test]
    fn bullets_go_back_on_their_own_lines_but_inner_dots_stay() {
        assert_eq!(restore_bullets("・一つ目。 ・二つ目、親切・丁寧。"), "・一つ目。\n・二つ目、親切・丁寧。");
    }

    #[test]
    fn era_years_and_checkpoints() {
        assert_eq!(fiscal_year_in("～平成20年度、上京区役所では"), Some(2008));
        assert_eq!(fiscal_year_in("令和元年度"), Some(2019));
        assert_eq!(fiscal_year_in("平成２１年度"), Some(2009));
        assert_eq!(fiscal_year_in("令和への改元を前に、平成30年度の目標"), Some(2018));
        assert_eq!(fiscal_year_in("令和の時代"), None);
        assert_eq!(organization_in("～平成20年度、上京区役所では、市民の"), Some("上京区役所".into()));
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(checkpoint_from_header("11月末現在の取組状況(ウ)", 2008), Some(d(2008, 11, 30)));
        assert_eq!(checkpoint_from_header("2月末現在", 2008), Some(d(2009, 2, 28)));
        assert_eq!(checkpoint_from_header("9月15日現在", 2008), Some(d(2008, 9, 15)));
        assert_eq!(checkpoint_from_header("取組状況", 2008), Some(None));
        assert_eq!(checkpoint_from_header("13月末現在", 2008), None);
    }

    #[test]
    fn a_row_without_division_is_an_error_with_its_line() {
        let text = "～平成20年度、上京区役所では～\n名\t目標\t11月末現在\t評価\t\n\t\t\t達成度\t振り返り\n総務課\t目標\t状況\t○\t振り返り\n";
        let err = import_table(text, &ImportOptions::default()).err();
        assert_eq!(err.as_ref().map(|e| (e.line, e.column)), Some((4, 1)));
        assert!(err.is_some_and(|e| e.ja.contains("部と課に分けられません")));
    }

    #[test]
    fn an_unknown_rating_names_its_column() {
        let text = "～平成20年度、上京区役所では～\n◎：「達成できた。」\n名\t目標\t11月末現在\t評価\t\n\t\t\t達成度\t振り返り\n区民部 総務課\t目標\t状況\t☆\t振り返り\n";
        let err = import_table(text, &ImportOptions::default()).err();
        assert_eq!(err.map(|e| (e.line, e.column)), Some((5, 15)));
    }

    fn one_section(section: Section) -> Document {
        Document {
            organization: "上京区役所".into(),
            fiscal_year: 2008,
            checkpoint: NaiveDate::from_ymd_opt(2008, 11, 30),
            preface: Some("～平成20年度、上京区役所では、こんな目標を掲げています～".into()),
            scale: None,
            divisions: vec![Division { name: "区民部".into(), sections: vec![section] }],
        }
    }

    fn refusal(section: Section) -> String {
        export_table(&one_section(section)).err().map(|e| format!("{} / {}", e.ja, e.en)).unwrap_or_default()
    }

    #[test]
    fn a_section_round_trips_with_bullets_lead_in_and_numbers() {
        let mut section = Section::new("市民窓口課");
        section.goals_intro = "来庁者満足度の向上のため".into();
        section.goals = vec!["短縮します。".into(), "・丁寧に\n・説明します。".into()];
        section.progress = "・一つ目\n・二つ目、親切・丁寧".into();
        section.rating = Some("○".into());
        let doc = one_section(section);
        let text = export_table(&doc).unwrap_or_default();
        assert!(text.contains("区民部 市民窓口課\t来庁者満足度の向上のため ①短縮します。 ②・丁寧に ・説明します。\t・一つ目 ・二つ目、親切・丁寧\t○\t\n"), "{text}");
        assert_eq!(import_table(&text, &ImportOptions::default()), Ok(doc));
    }

    #[test]
    fn what_the_table_cannot_carry_is_refused_with_its_place() {
        let with = |f: fn(&mut Section)| {
            let mut s = Section::new("総務課");
            s.goals = vec!["目標".into()];
            f(&mut s);
            refusal(s)
        };
        let tab = with(|s| s.progress = "a\tb".into());
        assert!(
            tab.contains("区民部 総務課の取組状況: タブ文字") && tab.contains("the progress of 区民部 総務課"),
            "{tab}"
        );
        let br = with(|s| s.reflection = "一行目\n二行目".into());
        assert!(br.contains("区民部 総務課の振り返り: 「・」で始まらない行があります"), "{br}");
        let circled = with(|s| s.goals = vec!["①を含む".into(), "二".into()]);
        assert!(circled.contains("区民部 総務課の目標1: 丸数字「①」"), "{circled}");
        let intro = with(|s| {
            s.goals_intro = "前置き".into();
            s.goals.clear();
        });
        assert!(intro.contains("目標の前置きだけがあり"), "{intro}");
        let empty = with(|s| s.goals.push(String::new()));
        assert!(empty.contains("区民部 総務課の目標2が空です"), "{empty}");
        let esc = with(|s| s.reflection = "\u{1b}[2J".into());
        assert!(esc.contains("制御文字 U+001B") && !esc.contains('\u{1b}'), "{esc}");
        let space = with(|s| s.progress = "・a ・b".into());
        assert!(space.contains("「・」の直前に空白"), "{space}");
        let edge = with(|s| s.progress = " 前に空白".into());
        assert!(edge.contains("先頭か末尾"), "{edge}");
        let rating = with(|s| s.rating = Some("☆".into()));
        assert!(rating.contains("目標達成度: 「☆」は凡例にありません"), "{rating}");
    }

    #[test]
    fn document_level_limits_are_refused() {
        let base = one_section({
            let mut s = Section::new("総務課");
            s.goals = vec!["目標".into()];
            s
        });
        let refused = |f: fn(&mut Document)| {
            let mut doc = base.clone();
            f(&mut doc);
            export_table(&doc).err().map(|e| e.ja).unwrap_or_default()
        };
        assert!(refused(|d| d.divisions[0].name = "区民 部".into()).contains("部「区民 部」: 名前に空白"));
        assert!(
            refused(|d| d.divisions.push(Division { name: "福祉部".into(), sections: vec![] }))
                .contains("課が一つもありません")
        );
        assert!(refused(|d| d.divisions.push(d.divisions[0].clone())).contains("二度出てきます"));
        assert!(refused(|d| d.preface = Some("前書き".into())).contains("前書きが「～」で始まっていません"));
        assert!(
            refused(|d| d.fiscal_year = 2009)
                .contains("前書きは「平成20年度」と書いていますが、文書は「平成21年度」です")
        );
        assert!(
            refused(|d| d.checkpoint = NaiveDate::from_ymd_opt(2008, 2, 28))
                .contains("平成20年度（2008年4月～2009年3月）の外")
        );
        assert!(refused(|d| d.scale = Some(vec![])).contains("区分がありません"));
        let label = refused(|d| d.scale = Some(vec![Grade { mark: "◎".into(), label: "できた。".into() }]));
        assert!(label.contains("説明「できた。」は表に書けません"), "{label}");
    }

    #[test]
    fn without_a_preface_the_importer_asks_for_the_identity() {
        let mut doc = one_section(Section::new("総務課"));
        doc.preface = None;
        doc.divisions[0].sections[0].goals = vec!["目標".into()];
        assert!(!preface_names_document(&doc));
        let text = export_table(&doc).unwrap_or_default();
        assert!(text.starts_with("<上京区>\n"), "{text}");
        let asked = import_table(&text, &ImportOptions::default()).err().map(|e| e.ja).unwrap_or_default();
        assert!(asked.contains("--fiscal-year"), "{asked}");
        assert_eq!(import_table(&text, &carried_identity(&doc)), Ok(doc));
    }

    #[test]
    fn stamps_are_the_one_thing_left_out() {
        let mut section = Section::new("総務課");
        section.goals = vec!["目標".into()];
        section.updated_by = Some("tanaka".into());
        let doc = one_section(section);
        let text = export_table(&doc).unwrap_or_default();
        assert_eq!(import_table(&text, &ImportOptions::default()), Ok(without_stamps(&doc)));
    }
}
