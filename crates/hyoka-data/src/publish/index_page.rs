//! The site's first page: every organisation × fiscal year as a link (newest year first), then the
//! summary of each year.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::href::href;
use super::page::{Frame, INDEX, heading, page};
use crate::i18n::Lang;
use crate::i18n::publish::SiteWord;
use crate::interchange::html::escape;
use hyoka_core::model::fiscal_year_label;

/// A year of the site: its summary's page, and how many organisations and sections it holds.
pub(super) struct Year {
    pub year: i32,
    pub summary: String,
    pub organizations: usize,
    pub sections: usize,
}

pub(super) struct IndexPage<'a> {
    pub lang: Lang,
    /// Organisations in the site's order, each with its tables' pages by fiscal year.
    pub organizations: Vec<(String, BTreeMap<i32, String>)>,
    /// Newest first.
    pub years: Vec<Year>,
    pub date: Option<&'a str>,
}

pub(super) fn render(p: &IndexPage) -> String {
    let lang = p.lang;
    let title = SiteWord::IndexTitle.text(lang);
    let mut main = String::with_capacity(8 * 1024);
    heading(&mut main, 1, None, &title);
    let _ = writeln!(main, "<p>{}</p>", escape(&SiteWord::IndexIntro.text(lang)));
    heading(&mut main, 2, None, &SiteWord::IndexTablesHeading.text(lang));
    let _ = write!(
        main,
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"caption\" tabindex=\"0\">\n<table class=\"index stack\">\n\
         <caption id=\"caption\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        escape(&SiteWord::IndexTablesCaption.text(lang)),
        escape(&SiteWord::Organization.text(lang)),
    );
    for year in &p.years {
        let _ = write!(main, "<th scope=\"col\">{}</th>", escape(&fiscal_year_label(year.year)));
    }
    main.push_str("</tr></thead>\n<tbody>\n");
    for (organization, pages) in &p.organizations {
        let _ = write!(main, "<tr><th scope=\"row\">{}</th>", escape(organization));
        for year in &p.years {
            let _ = match pages.get(&year.year) {
                Some(page) => write!(
                    main,
                    "<td><a href=\"{}\"><span class=\"vh\">{} </span>{}</a></td>",
                    href(INDEX, page),
                    escape(organization),
                    escape(&fiscal_year_label(year.year))
                ),
                // On a phone the row stands as a card, where the year is no longer above the cell.
                None => write!(
                    main,
                    "<td class=\"none\"><span class=\"label\" aria-hidden=\"true\">{}</span>{}</td>",
                    escape(&fiscal_year_label(year.year)),
                    escape(&SiteWord::NoTable.text(lang))
                ),
            };
        }
        main.push_str("</tr>\n");
    }
    main.push_str("</tbody>\n</table>\n</div>\n");
    heading(&mut main, 2, None, &SiteWord::YearSummariesHeading.text(lang));
    main.push_str("<ul class=\"links\">\n");
    for year in &p.years {
        let label = fiscal_year_label(year.year);
        let link =
            SiteWord::YearSummaryLink { year: &label, organizations: year.organizations, sections: year.sections };
        let _ = writeln!(main, "<li><a href=\"{}\">{}</a></li>", href(INDEX, &year.summary), escape(&link.text(lang)));
    }
    main.push_str("</ul>\n");
    let frame = Frame { lang, path: INDEX, title: &title, trail: Vec::new(), date: p.date };
    page(&frame, &main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_by_years_newest_first_and_a_summary_per_year() {
        let kamigyo = BTreeMap::from([(2007, "kamigyo/2007.html".to_owned()), (2008, "kamigyo/2008.html".to_owned())]);
        let kitayama = BTreeMap::from([(2008, "kitayama/2008.html".to_owned())]);
        let year = |year, organizations, sections| Year {
            year,
            summary: format!("summary/{year}.html"),
            organizations,
            sections,
        };
        let html = render(&IndexPage {
            lang: Lang::Ja,
            organizations: vec![("上京区役所".into(), kamigyo), ("北山市役所".into(), kitayama)],
            years: vec![year(2008, 2, 22), year(2007, 1, 10)],
            date: None,
        });
        assert!(html.contains("<thead><tr><th scope=\"col\">組織</th><th scope=\"col\">平成20年度</th><th scope=\"col\">平成19年度</th></tr></thead>"));
        assert!(html.contains(
            "<tr><th scope=\"row\">上京区役所</th><td><a href=\"kamigyo/2008.html\"><span class=\"vh\">上京区役所 </span>平成20年度</a></td>"
        ));
        assert!(
            html.contains(
                "<td class=\"none\"><span class=\"label\" aria-hidden=\"true\">平成19年度</span>なし</td></tr>"
            ),
            "北山市役所 has no 平成19年度"
        );
        assert!(html.contains("<li><a href=\"summary/2008.html\">平成20年度の集計（2組織・22課）</a></li>\n<li><a href=\"summary/2007.html\">"));
        assert!(!html.contains("<nav class=\"crumbs"), "the index is the top");
    }
}
