//! One standalone HTML page of the table, for reading in a browser and printing on A4 landscape.
//!
//! No external assets (styles inline, no scripts, no fonts to fetch), so the file can be mailed or
//! put on a file share as it is. Every text is escaped, and control characters and direction
//! overrides are shown as visible stand-ins, so a data file cannot inject markup or reorder a line.
//! Lines break by the Japanese rules (`line-break: strict`: no line starts with ー, 、, small kana);
//! names and the rating heading are kept whole in columns wide enough for them; bullet lines hang.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{column_headings, heading, legend_entries, published_label, visible};
use hyoka_core::model::{Division, Document, Section};

const STYLE: &str = r#"
  @page { size: A4 landscape; margin: 10mm; }
  html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif; }
  body { margin: 16px; font-size: 10.5pt; line-height: 1.5; color: #000; background: #fff;
         line-break: strict; word-break: normal; overflow-wrap: anywhere; }
  h1 { font-size: 15pt; margin: 0 0 .25em; }
  .preface { margin: 0 0 .5em; }
  .legend { margin: 0 0 .75em; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .25em 1.5em; }
  .legend .mark { font-weight: bold; margin-right: .3em; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
  thead th { background: #e8e8e8; text-align: center; vertical-align: middle; word-break: keep-all; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.division th { background: #f4f4f4; break-after: avoid; page-break-after: avoid; }
  tbody th { word-break: keep-all; }
  td.rating { text-align: center; vertical-align: middle; font-size: 14pt; }
  td.rating.unrated { font-size: 9pt; color: #555; }
  td.rating .goal-marks { font-size: 10pt; }
  .goal, .bullet { padding-left: 1em; text-indent: -1em; }
  .notes { margin: .75em 0 0; }
  .notes p { margin: 0; }
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
    if let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) {
        out.push_str("<div class=\"notes\">\n");
        for line in notes.split('\n') {
            let _ = writeln!(out, "<p>{}</p>", if line.is_empty() { "&nbsp;".to_owned() } else { escape(line) });
        }
        out.push_str("</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn legend(out: &mut String, doc: &Document) {
    if doc.scale.is_none() {
        return;
    }
    out.push_str("<ul class=\"legend\" aria-label=\"目標達成度 凡例\">\n<li>目標達成度 凡例:</li>\n");
    for (mark, label) in legend_entries(doc) {
        let _ = writeln!(out, "<li><span class=\"mark\">{}</span>{}</li>", escape(&mark), escape(&label));
    }
    out.push_str("</ul>\n");
}

/// The name column is as wide as the longest name (in ems: a full-width character is one), so that
/// まちづくり推進課 is never cut one character before its end; the rating column fits 目標達成度.
fn name_column_ems(doc: &Document) -> f64 {
    let longest = doc.divisions.iter().flat_map(|d| &d.sections).map(|s| UnicodeWidthStr::width(s.name.as_str())).max();
    (longest.unwrap_or(8) as f64 / 2.0 + 1.2).clamp(5.0, 14.0)
}

fn table(out: &mut String, doc: &Document) {
    let _ = write!(
        out,
        "<table>\n<colgroup><col class=\"name\" style=\"width: {:.1}em\"><col class=\"goals\"><col class=\"progress\">\
         <col class=\"rating\" style=\"width: 6.2em\"><col class=\"reflection\"></colgroup>\n<thead><tr>",
        name_column_ems(doc)
    );
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
    // The goals' own marks under the section's ("①○ ②◎"), as the tables that rate each goal have them.
    let goals = section.goal_ratings_text();
    let goals = if goals.is_empty() { goals } else { format!("<div class=\"goal-marks\">{}</div>", escape(&goals)) };
    let rating = match &section.rating {
        Some(mark) => match published_label(doc, mark) {
            Some(label) => format!("<td class=\"rating\" title=\"{}\">{}{goals}</td>", escape(label), escape(mark)),
            None => format!("<td class=\"rating\">{}{goals}</td>", escape(mark)),
        },
        None if !goals.is_empty() => format!("<td class=\"rating\">{goals}</td>"),
        None => "<td class=\"rating unrated\">未評価</td>".to_owned(),
    };
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>{rating}<td>{}</td></tr>",
        escape(&section.name),
        goals_cell(section),
        lines(&section.progress),
        lines(&section.reflection),
    );
}

/// The lead-in, then one block per goal; numbered goals hang their wrapped lines past the number.
pub(crate) fn goals_cell(section: &Section) -> String {
    let mut out = String::new();
    if !section.goals_intro.is_empty() {
        let _ = write!(out, "<div>{}</div>", escape(&section.goals_intro));
    }
    for (i, goal) in section.goals.iter().enumerate() {
        let _ = match section.goal_label(i) {
            Some(number) => write!(out, "<div class=\"goal\">{number}{}</div>", escape(goal)),
            None => write!(out, "<div>{}</div>", escape(goal)),
        };
    }
    out
}

/// A text's lines as blocks; a line starting with ・ hangs its wrapped lines past the bullet.
pub(crate) fn lines(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    text.split('\n')
        .map(|line| match line.starts_with('・') {
            true => format!("<div class=\"bullet\">{}</div>", escape(line)),
            false if line.is_empty() => "<div>&nbsp;</div>".to_owned(),
            false => format!("<div>{}</div>", escape(line)),
        })
        .collect()
}

/// Text → HTML: stand-ins for controls, the five special characters escaped, line breaks as `<br>`.
pub(crate) fn escape(text: &str) -> String {
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

    fn doc(sections: Vec<Section>) -> Document {
        Document {
            notes: Some("※ 一つ目の注\n\n※ 二つ目".into()),
            divisions: vec![Division { name: "区民部".into(), sections }],
            ..Document::new("上京区役所", 2008)
        }
    }

    #[test]
    fn a_section_is_a_row_with_numbered_goals_hanging_bullets_and_notes_below() {
        let mut section = Section::new("総務課");
        section.goals = vec!["一".into(), "二".into()];
        section.goals_numbered_from = Some(3);
        section.progress = "前置き\n・一つ目\n・二つ目".into();
        section.rating = Some("○".into());
        let html = export_html(&doc(vec![section]));
        assert!(html.contains("<title>上京区役所 平成20年度 所属等の目標</title>"));
        assert!(html.contains("<th scope=\"col\">取組状況</th>"));
        assert!(html.contains("<th colspan=\"5\" scope=\"rowgroup\">区民部</th>"));
        assert!(html.contains(
            "<tr><th scope=\"row\">総務課</th><td><div class=\"goal\">③一</div><div class=\"goal\">④二</div></td><td><div>前置き</div><div class=\"bullet\">・一つ目</div><div class=\"bullet\">・二つ目</div></td><td class=\"rating\">○</td><td></td></tr>"
        ), "{html}");
        assert!(!html.contains("凡例") && !html.contains("ほぼ達成できた"), "no legend the document does not have");
        assert!(
            html.contains(
                "</table>\n<div class=\"notes\">\n<p>※ 一つ目の注</p>\n<p>&nbsp;</p>\n<p>※ 二つ目</p>\n</div>"
            )
        );
        assert!(html.contains("line-break: strict"));
    }

    #[test]
    fn an_unrated_section_says_so_and_names_get_room() {
        let html = export_html(&doc(vec![Section::new("健康づくり推進課")]));
        assert!(html.contains("<td class=\"rating unrated\">未評価</td>"));
        assert!(html.contains("<col class=\"name\" style=\"width: 9.2em\">"), "8 full-width characters and padding");
    }
}
