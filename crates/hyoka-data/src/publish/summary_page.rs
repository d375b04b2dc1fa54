//! A fiscal year summed up: the ratings of every organisation in one table, then each organisation
//! with a bar chart of its ratings and the same numbers per division as a table.

use std::fmt::Write as _;

use super::chart::bar_chart;
use super::counts::{Grade, Tally, grades_of, tally};
use super::href::href;
use super::page::{Frame, heading, page};
use crate::i18n::Lang;
use crate::i18n::publish::SiteWord;
use crate::interchange::html::escape;
use hyoka_core::model::{Document, fiscal_year_label};

pub(super) struct SummaryPage<'a> {
    pub lang: Lang,
    pub year: i32,
    pub path: &'a str,
    /// The year's documents in the site's order, each with its table's page.
    pub tables: Vec<(&'a Document, &'a str)>,
    pub date: Option<&'a str>,
}

pub(super) fn render(p: &SummaryPage) -> String {
    let lang = p.lang;
    let year = fiscal_year_label(p.year);
    let title = SiteWord::SummaryTitle { year: &year }.text(lang);
    let grades = grades_of(p.tables.iter().map(|(doc, _)| *doc));
    let per_doc: Vec<Tally> =
        p.tables.iter().map(|(doc, _)| tally(&grades, doc, doc.divisions.iter().flat_map(|d| &d.sections))).collect();
    let mut total = Tally::default();
    per_doc.iter().for_each(|t| total.add(t));
    let mut main = String::with_capacity(16 * 1024);
    heading(&mut main, 1, None, &title);
    let intro = SiteWord::SummaryIntro { organizations: p.tables.len(), sections: total.sections };
    let _ = writeln!(main, "<p>{}</p>", escape(&intro.text(lang)));
    heading(&mut main, 2, None, &SiteWord::OrganizationsHeading.text(lang));
    let rows: Vec<(String, &Tally)> = p
        .tables
        .iter()
        .zip(&per_doc)
        .map(|((doc, page), t)| (format!("<a href=\"{}\">{}</a>", href(p.path, page), escape(&doc.organization)), t))
        .collect();
    let caption = SiteWord::OrganizationsCaption { year: &year }.text(lang);
    let head = Head { id: "organizations", caption: &caption, first: SiteWord::Organization };
    counts_table(&mut main, lang, &head, &grades, &rows, &total);
    for (i, ((doc, page), doc_total)) in p.tables.iter().zip(&per_doc).enumerate() {
        organization(&mut main, p, i + 1, doc, page, &grades, doc_total);
    }
    let frame = Frame { lang, path: p.path, title: &title, trail: Vec::new(), date: p.date };
    page(&frame, &main)
}

/// One organisation: its chart, its divisions' numbers, and the way to its table.
fn organization(
    out: &mut String,
    p: &SummaryPage,
    n: usize,
    doc: &Document,
    page: &str,
    grades: &[Grade],
    sum: &Tally,
) {
    let lang = p.lang;
    let title = doc.title();
    heading(out, 2, None, &doc.organization);
    let mut bars: Vec<(String, usize)> =
        grades.iter().zip(&sum.by_grade).map(|((mark, label), n)| (format!("{mark} {label}"), *n)).collect();
    bars.push((SiteWord::Unrated.text(lang), sum.unrated));
    let spoken: Vec<String> =
        bars.iter().map(|(label, count)| SiteWord::ChartBar { label, count: *count }.text(lang)).collect();
    let chart_title = SiteWord::ChartCaption { title: &title }.text(lang);
    let _ = write!(out, "<figure>\n<figcaption>{}</figcaption>\n", escape(&chart_title));
    out.push_str(&bar_chart(&format!("chart-{n}"), &chart_title, &spoken.join("、"), &bars));
    out.push_str("</figure>\n");
    let rows: Vec<(String, Tally)> =
        doc.divisions.iter().map(|d| (escape(&d.name), tally(grades, doc, &d.sections))).collect();
    let rows: Vec<(String, &Tally)> = rows.iter().map(|(name, t)| (name.clone(), t)).collect();
    let caption = SiteWord::DivisionsCaption { title: &title }.text(lang);
    let id = format!("divisions-{n}");
    counts_table(out, lang, &Head { id: &id, caption: &caption, first: SiteWord::Division }, grades, &rows, sum);
    let link = SiteWord::SeeTable { title: &title }.text(lang);
    let _ = writeln!(out, "<p><a href=\"{}\">{}</a></p>", href(p.path, page), escape(&link));
}

/// A table of counts: its caption (with the id its scrolling box is named by) and first column.
struct Head<'a> {
    id: &'a str,
    caption: &'a str,
    first: SiteWord<'a>,
}

/// Rows of counts under the grades' headings, then their sum; `rows` hold their heading as HTML.
/// The box around scrolls sideways on a narrow screen, and can be reached by the keyboard to do so.
fn counts_table(out: &mut String, lang: Lang, head: &Head, grades: &[Grade], rows: &[(String, &Tally)], total: &Tally) {
    let id = head.id;
    let _ = write!(
        out,
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{id}\" tabindex=\"0\">\n<table class=\"counts stack\">\n\
         <caption id=\"{id}\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        escape(head.caption),
        escape(&head.first.text(lang))
    );
    // The columns' names, also shown in each cell where a phone stacks the rows as cards.
    let mut columns: Vec<String> = grades.iter().map(|(mark, label)| format!("{mark} {label}")).collect();
    columns.extend([SiteWord::Unrated.text(lang), SiteWord::Sections.text(lang)]);
    for column in &columns {
        let _ = write!(out, "<th scope=\"col\" class=\"num\">{}</th>", escape(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let labels: Vec<String> =
        columns.iter().map(|c| format!("<span class=\"label\" aria-hidden=\"true\">{}</span>", escape(c))).collect();
    for (name, tally) in rows {
        counts_row(out, "", name, tally, &labels);
    }
    counts_row(out, " class=\"total\"", &escape(&SiteWord::Total.text(lang)), total, &labels);
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn counts_row(out: &mut String, class: &str, name: &str, tally: &Tally, labels: &[String]) {
    let _ = write!(out, "<tr{class}><th scope=\"row\">{name}</th>");
    for (n, label) in tally.by_grade.iter().chain([&tally.unrated, &tally.sections]).zip(labels) {
        let _ = write!(out, "<td class=\"num\">{label}{n}</td>");
    }
    out.push_str("</tr>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_core::model::{Division, Section};

    fn doc(organization: &str, ratings: &[&[Option<&str>]]) -> Document {
        let divisions = ratings
            .iter()
            .enumerate()
            .map(|(i, marks)| Division {
                name: format!("第{}部", i + 1),
                sections: marks
                    .iter()
                    .map(|m| Section { rating: m.map(str::to_owned), ..Section::new("課") })
                    .collect(),
            })
            .collect();
        Document { divisions, ..Document::new(organization, 2008) }
    }

    #[test]
    fn the_year_is_summed_per_organisation_and_division_with_a_chart_of_the_same_numbers() {
        let a = doc("上京区役所", &[&[Some("◎"), Some("○")], &[None]]);
        let b = doc("北山市役所", &[&[Some("◎")]]);
        let html = render(&SummaryPage {
            lang: Lang::Ja,
            year: 2008,
            path: "summary/2008.html",
            tables: vec![(&a, "kamigyo/2008.html"), (&b, "kitayama/2008.html")],
            date: None,
        });
        assert!(html.contains("<h1>平成20年度 目標達成度の集計</h1>"));
        assert!(html.contains("<p>2組織・4課の目標達成度を、課の数で示します。</p>"));
        assert!(html.contains("<th scope=\"col\" class=\"num\">◎ 達成できた</th>"));
        let numbers = |row: &str| -> Vec<String> {
            let (_, cells) = row.split_once("</th>").unwrap();
            cells
                .trim_end_matches("</tr>")
                .split("</td>")
                .filter_map(|c| c.rsplit("</span>").next())
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let row =
            |start: &str| html.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("{start}: {html}"));
        assert_eq!(
            numbers(row("<tr><th scope=\"row\"><a href=\"../kamigyo/2008.html\">上京区役所</a>")),
            ["1", "1", "0", "0", "1", "3"]
        );
        assert_eq!(numbers(row("<tr class=\"total\"><th scope=\"row\">計")), ["2", "1", "0", "0", "1", "4"]);
        assert_eq!(numbers(row("<tr><th scope=\"row\">第2部")), ["0", "0", "0", "0", "1", "1"]);
        assert!(
            html.contains("<td class=\"num\"><span class=\"label\" aria-hidden=\"true\">◎ 達成できた</span>1</td>")
        );
        assert!(html.contains("<desc id=\"chart-1-desc\">◎ 達成できた 1課、○ ほぼ達成できた 1課、△ ある程度達成できた 0課、× あまり達成できなかった 0課、未評価 1課</desc>"));
        assert!(html.contains("<p><a href=\"../kitayama/2008.html\">北山市役所 平成20年度の表</a></p>"));
        assert_eq!(html.matches("<h2>").count(), 3);
    }
}
