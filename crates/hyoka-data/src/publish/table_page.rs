//! One organisation's table for one fiscal year, in the office's layout: the preface, the legend the
//! document rates by, the table's data to take away, then the table itself with its two header rows
//! as the published table has them (今年度の取組を振り返って over 目標達成度 and the reflection).
//!
//! The two-level header is told to screen readers with `headers`/`id` on every cell (WCAG H43), so a
//! reflection is read as "区民部 総務課 今年度の取組を振り返って 良かった点…"; a mark is followed by its
//! words, hidden on screen ("◎" alone is read as "二重丸", or not at all).

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::href::href;
use super::page::{Frame, heading, page};
use crate::i18n::Lang;
use crate::i18n::publish::SiteWord;
use crate::interchange::html::{escape, goals_cell, lines};
use crate::interchange::{legend_entries, progress_heading, published_label};
use hyoka_core::model::{Division, Document, Section, fiscal_year_label};

/// What the page needs besides the document: where it and its neighbours are in the site.
pub(super) struct TablePage<'a> {
    pub lang: Lang,
    pub doc: &'a Document,
    /// Sections not shown (not approved), for the sentence under the table.
    pub left_out: usize,
    pub path: &'a str,
    /// The CSV and xlsx beside the page: their places and sizes in bytes.
    pub csv: (&'a str, usize),
    pub xlsx: (&'a str, usize),
    /// Every published year of the organisation, newest first, with its page.
    pub years: Vec<(i32, String)>,
    /// The summary of this fiscal year.
    pub summary: &'a str,
    pub date: Option<&'a str>,
}

pub(super) fn render(p: &TablePage) -> String {
    let (lang, doc) = (p.lang, p.doc);
    let title = SiteWord::TablePageTitle { title: &doc.title() }.text(lang);
    let mut main = String::with_capacity(32 * 1024);
    heading(&mut main, 1, None, &title);
    if let Some(preface) = &doc.preface {
        let _ = writeln!(main, "<p class=\"preface\">{}</p>", escape(preface));
    }
    // Only the legend the office published: the default scale is for editing, not for the public.
    let legend = legend_entries(doc);
    if !legend.is_empty() {
        heading(&mut main, 2, Some("legend"), &SiteWord::LegendHeading.text(lang));
        main.push_str("<dl class=\"legend\">\n");
        for (mark, label) in legend {
            let _ = writeln!(main, "<div><dt>{}</dt><dd>{}</dd></div>", escape(&mark), escape(&label));
        }
        main.push_str("</dl>\n");
    }
    main.push_str("<section class=\"data\" aria-labelledby=\"data\">\n");
    heading(&mut main, 2, Some("data"), &SiteWord::DataHeading.text(lang));
    let size = |bytes: usize| SiteWord::Kilobytes { size: &bytes.div_ceil(1024).to_string() }.text(lang);
    let _ = write!(
        main,
        "<ul class=\"links\">\n<li><a href=\"{}\">{}</a></li>\n<li><a href=\"{}\">{}</a></li>\n</ul>\n</section>\n",
        href(p.path, p.csv.0),
        escape(&SiteWord::CsvLink { size: &size(p.csv.1) }.text(lang)),
        href(p.path, p.xlsx.0),
        escape(&SiteWord::XlsxLink { size: &size(p.xlsx.1) }.text(lang)),
    );
    table(&mut main, doc, lang);
    if let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) {
        main.push_str("<div class=\"notes\">\n");
        for line in notes.split('\n') {
            let _ = writeln!(main, "<p>{}</p>", if line.is_empty() { "&nbsp;".to_owned() } else { escape(line) });
        }
        main.push_str("</div>\n");
    }
    if p.left_out > 0 {
        let _ = writeln!(
            main,
            "<p class=\"left-out\">{}</p>",
            escape(&SiteWord::SectionsLeftOut { count: p.left_out }.text(lang))
        );
    }
    years(&mut main, p);
    let frame = Frame { lang, path: p.path, title: &title, trail: Vec::new(), date: p.date };
    page(&frame, &main)
}

/// The organisation's other years and this year's summary, as the way on from the table.
fn years(out: &mut String, p: &TablePage) {
    let lang = p.lang;
    out.push_str("<nav class=\"years\" aria-labelledby=\"years\">\n");
    heading(out, 2, Some("years"), &SiteWord::OtherYears { organization: &p.doc.organization }.text(lang));
    out.push_str("<ul class=\"links\">\n");
    for (year, path) in &p.years {
        let label = escape(&fiscal_year_label(*year));
        let _ = match *year == p.doc.fiscal_year {
            true => writeln!(out, "<li><a href=\"{}\" aria-current=\"page\">{label}</a></li>", href(p.path, path)),
            false => writeln!(out, "<li><a href=\"{}\">{label}</a></li>", href(p.path, path)),
        };
    }
    let summary = SiteWord::YearSummary { year: &fiscal_year_label(p.doc.fiscal_year) }.text(lang);
    let _ = write!(out, "<li><a href=\"{}\">{}</a></li>\n</ul>\n</nav>\n", href(p.path, p.summary), escape(&summary));
}

fn table(out: &mut String, doc: &Document, lang: Lang) {
    let sections: usize = doc.divisions.iter().map(|d| d.sections.len()).sum();
    let caption = SiteWord::TableCaption { title: &doc.title(), divisions: doc.divisions.len(), sections }.text(lang);
    let word = |w: SiteWord| escape(&w.text(lang));
    let _ = write!(
        out,
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"caption\" tabindex=\"0\">\n<table class=\"goals stack\">\n\
         <caption id=\"caption\">{}</caption>\n<colgroup><col style=\"width: calc({:.1}em + 1.25rem)\"><col><col>\
         <col style=\"width: 6.5em\"><col></colgroup>\n<thead>\n<tr>\
         <th id=\"c-name\" rowspan=\"2\" scope=\"col\">{}</th>\
         <th id=\"c-goals\" rowspan=\"2\" scope=\"col\">{}</th>\
         <th id=\"c-progress\" rowspan=\"2\" scope=\"col\">{}<span class=\"note\">{}</span></th>\
         <th id=\"c-review\" colspan=\"2\" scope=\"colgroup\">{}</th></tr>\n<tr>\
         <th id=\"c-rating\" headers=\"c-review\" scope=\"col\">{}</th>\
         <th id=\"c-reflection\" headers=\"c-review\" scope=\"col\">{}</th></tr>\n</thead>\n",
        escape(&caption),
        name_ems(doc),
        word(SiteWord::SectionName),
        word(SiteWord::Goals),
        escape(&progress_heading(doc)),
        word(SiteWord::ProgressNote),
        word(SiteWord::LookingBack),
        word(SiteWord::Rating),
        word(SiteWord::Reflection),
    );
    for (d, division) in doc.divisions.iter().enumerate() {
        division_rows(out, doc, d + 1, division, lang);
    }
    out.push_str("</table>\n</div>\n");
}

/// The name column holds the longest section name on one line (in ems: a full-width character is
/// one), so that まちづくり推進課 is never broken before its last character; the padding comes on top.
fn name_ems(doc: &Document) -> f64 {
    let longest = doc.divisions.iter().flat_map(|d| &d.sections).map(|s| UnicodeWidthStr::width(s.name.as_str())).max();
    (longest.unwrap_or(8) as f64 / 2.0 + 0.5).clamp(4.0, 14.0)
}

/// A division is its own `<tbody>` headed by a row, so that it stays one group, also when printed.
fn division_rows(out: &mut String, doc: &Document, d: usize, division: &Division, lang: Lang) {
    let _ = writeln!(
        out,
        "<tbody>\n<tr class=\"division\"><th id=\"d{d}\" colspan=\"5\" scope=\"rowgroup\">{}</th></tr>",
        escape(&division.name)
    );
    // On a phone each row stands as a card; the cells then show their column's name, which screen
    // readers already hear from the header cells.
    let label = |word: String| format!("<span class=\"label\" aria-hidden=\"true\">{}</span>", escape(&word));
    let labels = [
        label(SiteWord::Goals.text(lang)),
        label(progress_heading(doc)),
        label(SiteWord::Rating.text(lang)),
        label(SiteWord::ReflectionShort.text(lang)),
    ];
    let [goals, progress, rating, reflection] = &labels;
    for (s, section) in division.sections.iter().enumerate() {
        let row = format!("d{d} s{d}-{}", s + 1);
        let _ = writeln!(
            out,
            "<tr><th id=\"s{d}-{}\" scope=\"row\" headers=\"d{d} c-name\">{}</th>\
             <td headers=\"{row} c-goals\">{goals}{}</td><td headers=\"{row} c-progress\">{progress}{}</td>\
             <td class=\"rating\" headers=\"{row} c-review c-rating\">{rating}{}</td>\
             <td headers=\"{row} c-review c-reflection\">{reflection}{}</td></tr>",
            s + 1,
            escape(&section.name),
            goals_cell(section),
            lines(&section.progress),
            rating_cell(doc, section, lang),
            lines(&section.reflection),
        );
    }
    out.push_str("</tbody>\n");
}

/// The section's mark, then the goals' own marks (①○ ②◎), each followed by its words for screen
/// readers, as the document's own legend words them (without a legend, the mark alone).
fn rating_cell(doc: &Document, section: &Section, lang: Lang) -> String {
    let spoken = |mark: &str| match published_label(doc, mark) {
        Some(label) => format!("{}<span class=\"vh\">{}</span>", escape(mark), escape(&format!("（{label}）"))),
        None => escape(mark),
    };
    let goals: Vec<String> = (0..section.goals.len())
        .filter_map(|i| Some(format!("{}{}", section.goal_mark_label(i), spoken(section.goal_rating(i)?))))
        .collect();
    let goals = match goals.is_empty() {
        true => String::new(),
        false => format!("<div class=\"goal-marks\">{}</div>", goals.join(" ")),
    };
    match &section.rating {
        Some(mark) => format!("<span class=\"mark\">{}</span>{goals}", spoken(mark)),
        None if goals.is_empty() => escape(&SiteWord::Unrated.text(lang)),
        None => goals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let mut rated = Section::new("総務課");
        rated.goals = vec!["一".into(), "二".into()];
        rated.set_goal_rating(1, Some("◎".into()));
        rated.rating = Some("○".into());
        Document {
            checkpoint: chrono::NaiveDate::from_ymd_opt(2008, 11, 30),
            preface: Some("～前書き～".into()),
            notes: Some("※ 注".into()),
            // The legend the office published (as the seed's table has it).
            scale: Some(hyoka_core::model::default_scale()),
            divisions: vec![Division { name: "区民部".into(), sections: vec![rated, Section::new("納税課")] }],
            ..Document::new("上京区役所", 2008)
        }
    }

    fn rendered() -> String {
        rendered_of(&doc())
    }

    fn rendered_of(doc: &Document) -> String {
        render(&TablePage {
            lang: Lang::Ja,
            doc,
            left_out: 2,
            path: "kamigyo/2008.html",
            csv: ("kamigyo/2008.csv", 1025),
            xlsx: ("kamigyo/2008.xlsx", 9000),
            years: vec![(2008, "kamigyo/2008.html".into()), (2007, "kamigyo/2007.html".into())],
            summary: "summary/2008.html",
            date: None,
        })
    }

    #[test]
    fn the_two_header_rows_are_tied_to_every_cell() {
        let html = rendered();
        assert!(
            html.contains("<th id=\"c-review\" colspan=\"2\" scope=\"colgroup\">今年度の取組を振り返って（評価）</th>")
        );
        assert!(html.contains("<th id=\"c-rating\" headers=\"c-review\" scope=\"col\">目標達成度</th>"));
        assert!(html.contains("11月末現在の取組状況<span class=\"note\">（目標達成状況、課題等）</span>"));
        assert!(html.contains("<th id=\"d1\" colspan=\"5\" scope=\"rowgroup\">区民部</th>"));
        assert!(html.contains("<th id=\"s1-1\" scope=\"row\" headers=\"d1 c-name\">総務課</th>"));
        assert!(html.contains(
            "<td headers=\"d1 s1-1 c-review c-reflection\"><span class=\"label\" aria-hidden=\"true\">振り返り</span>"
        ));
        assert!(html.contains("<caption id=\"caption\">上京区役所 平成20年度 所属等の目標（1部・2課）</caption>"));
    }

    #[test]
    fn marks_are_followed_by_their_words_and_the_unrated_say_so() {
        let html = rendered();
        assert!(html.contains(
            "<td class=\"rating\" headers=\"d1 s1-1 c-review c-rating\">\
             <span class=\"label\" aria-hidden=\"true\">目標達成度</span><span class=\"mark\">○<span class=\"vh\">（ほぼ達成できた）</span></span>\
             <div class=\"goal-marks\">②◎<span class=\"vh\">（達成できた）</span></div></td>"
        ), "{html}");
        assert!(html.contains("目標達成度</span>未評価</td>"));
        assert!(html.contains("<div><dt>◎</dt><dd>達成できた</dd></div>"), "the legend");
    }

    /// A table published without a legend (no `scale:`): no legend and no words the office never
    /// wrote, not even for screen readers.
    #[test]
    fn a_table_without_its_own_legend_gets_none() {
        let html = rendered_of(&Document { scale: None, ..doc() });
        assert!(!html.contains("class=\"legend\"") && !html.contains("達成できた"), "{html}");
        assert!(html.contains("目標達成度</span><span class=\"mark\">○</span>"), "{html}");
    }

    #[test]
    fn the_data_the_years_and_what_was_left_out_are_said() {
        let html = rendered();
        assert!(html.contains("<li><a href=\"2008.csv\">CSV形式（UTF-8、2KB）</a></li>"));
        assert!(html.contains("<li><a href=\"2008.xlsx\">Excel形式（xlsx、9KB）</a></li>"));
        assert!(html.contains("<li><a href=\"2008.html\" aria-current=\"page\">平成20年度</a></li>"));
        assert!(html.contains("<li><a href=\"../summary/2008.html\">平成20年度の集計</a></li>"));
        assert!(html.contains("<p class=\"left-out\">このほか、承認前の2課は掲載していません。</p>"));
        assert!(html.contains("<p class=\"preface\">～前書き～</p>") && html.contains("<p>※ 注</p>"));
        assert_eq!(html.matches("<h1>").count(), 1);
    }
}
