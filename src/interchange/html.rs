//! One standalone HTML page of the table, for reading in a browser and printing on A4 landscape.
//!
//! No external assets (styles inline, no scripts, no fonts to fetch), so the file can be mailed or
//! put on a file share as it is. Every text is escaped, and control characters and direction
//! overrides are shown as visible stand-ins, so a data file cannot inject markup or reorder a line.

use std::fmt::Write as _;

use super::{column_headings, goals_numbered, heading, legend_entries, visible};
use crate::model::{Division, Document, Section, goal_number};

const STYLE: &str = r#"
  @page { size: A4 landscape; margin: 10mm; }
  html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif; }
  body { margin: 16px; font-size: 10.5pt; line-height: 1.5; color: #000; background: #fff; }
  h1 { font-size: 15pt; margin: 0 0 .25em; }
  .preface { margin: 0 0 .5em; }
  .legend { margin: 0 0 .75em; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .25em 1.5em; }
  .legend .mark { font-weight: bold; margin-right: .3em; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  thead th { background: #e8e8e8; text-align: center; vertical-align: middle; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.division th { background: #f4f4f4; break-after: avoid; page-break-after: avoid; }
  td.rating { text-align: center; vertical-align: middle; font-size: 14pt; }
  .goal { padding-left: 1em; text-indent: -1em; }
  col.name { width: 10%; } col.goals { width: 26%; } col.progress { width: 27%; }
  col.rating { width: 6%; } col.reflection { width: 31%; }
  @media print { body { margin: 0; font-size: 9pt; } thead th, tr.division th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"#;

/// The whole page.
pub fn export_html(doc: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let title = escape(&heading(doc));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    if let Some(preface) = &doc.preface {
        let _ = writeln!(out, "<p class=\"preface\">{}</p>", escape(preface));
    }
    legend(&mut out, doc);
    table(&mut out, doc);
    out.push_str("</body>\n</html>\n");
    out
}

fn legend(out: &mut String, doc: &Document) {
    out.push_str("<ul class=\"legend\" aria-label=\"目標達成度 凡例\">\n<li>目標達成度 凡例:</li>\n");
    for (mark, label) in legend_entries(doc) {
        let _ = writeln!(out, "<li><span class=\"mark\">{}</span>{}</li>", escape(&mark), escape(&label));
    }
    out.push_str("</ul>\n");
}

fn table(out: &mut String, doc: &Document) {
    out.push_str("<table>\n<colgroup><col class=\"name\"><col class=\"goals\"><col class=\"progress\">");
    out.push_str("<col class=\"rating\"><col class=\"reflection\"></colgroup>\n<thead><tr>");
    for title in column_headings(doc) {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&title));
    }
    out.push_str("</tr></thead>\n");
    for division in &doc.divisions {
        division_rows(out, doc, division);
    }
    out.push_str("</table>\n");
}

/// A division is its own `<tbody>` headed by a row, so that it stays one group when printed.
fn division_rows(out: &mut String, doc: &Document, division: &Division) {
    let _ = writeln!(
        out,
        "<tbody>\n<tr class=\"division\"><th colspan=\"5\" scope=\"rowgroup\">{}</th></tr>",
        escape(&division.name)
    );
    for section in &division.sections {
        section_row(out, doc, section);
    }
    out.push_str("</tbody>\n");
}

fn section_row(out: &mut String, doc: &Document, section: &Section) {
    let goals = goals_cell(section);
    let (mark, label) = match &section.rating {
        Some(mark) => (escape(mark), doc.grade(mark).map(|g| escape(&g.label)).unwrap_or_default()),
        None => (String::new(), String::new()),
    };
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{goals}</td><td>{}</td><td class=\"rating\" title=\"{label}\">{mark}</td><td>{}</td></tr>",
        escape(&section.name),
        escape(&section.progress),
        escape(&section.reflection),
    );
}

/// The lead-in, then one block per goal; numbered goals hang their wrapped lines past the number.
fn goals_cell(section: &Section) -> String {
    let mut out = String::new();
    if !section.goals_intro.is_empty() {
        let _ = write!(out, "<div>{}</div>", escape(&section.goals_intro));
    }
    let numbered = goals_numbered(section);
    for (i, goal) in section.goals.iter().enumerate() {
        let _ = match numbered {
            true => write!(out, "<div class=\"goal\">{}{}</div>", goal_number(i), escape(goal)),
            false => write!(out, "<div>{}</div>", escape(goal)),
        };
    }
    out
}

/// Text → HTML: stand-ins for controls, the five special characters escaped, line breaks as `<br>`.
fn escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_controls_are_visible() {
        assert_eq!(escape("<a href='x'>\"&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
        assert_eq!(escape("一\n二"), "一<br>二");
        assert_eq!(escape("\u{1b}[2J\u{9b}\u{202e}"), "␛[2J&lt;U+009B&gt;&lt;U+202E&gt;");
    }

    #[test]
    fn a_section_is_a_row_with_numbered_goals() {
        let mut section = Section::new("総務課");
        section.goals = vec!["一".into(), "二".into()];
        section.rating = Some("○".into());
        let doc = Document {
            organization: "上京区役所".into(),
            fiscal_year: 2008,
            checkpoint: None,
            preface: None,
            scale: None,
            divisions: vec![Division { name: "区民部".into(), sections: vec![section] }],
        };
        let html = export_html(&doc);
        assert!(html.contains("<title>上京区役所 平成20年度 所属等の目標</title>"));
        assert!(html.contains("<th scope=\"col\">取組状況</th>"));
        assert!(html.contains("<th colspan=\"5\" scope=\"rowgroup\">区民部</th>"));
        assert!(html.contains(
            "<tr><th scope=\"row\">総務課</th><td><div class=\"goal\">①一</div><div class=\"goal\">②二</div></td><td></td><td class=\"rating\" title=\"ほぼ達成できた\">○</td><td></td></tr>"
        ));
    }
}
