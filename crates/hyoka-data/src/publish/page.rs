//! What every page of the site has around its content: the language, a title naming the page and
//! the site, the stylesheet, a skip link to the content, the site's name, where the page stands
//! (from the index), one `main` landmark, and the day of publication when one was given.

use std::fmt::Write as _;

use super::href::href;
use super::style::STYLE;
use crate::i18n::Lang;
use crate::i18n::publish::SiteWord;
use crate::interchange::html::escape;

/// The index page's place in the site: every page links back to it.
pub(super) const INDEX: &str = "index.html";

/// Marks a page as hyoka's, so that a folder is only ever replaced when hyoka wrote it.
pub(super) const GENERATOR: &str = "<meta name=\"generator\" content=\"hyoka\">";

/// A page's surroundings.
pub(super) struct Frame<'a> {
    pub lang: Lang,
    /// The page's place in the site (`kamigyo/2008.html`): links are made relative to it.
    pub path: &'a str,
    /// The page's own title, before the site's name (the `h1` says the same).
    pub title: &'a str,
    /// The pages between the index and this one, with their places.
    pub trail: Vec<(String, String)>,
    /// "令和3年5月31日": said in the footer when publishing was given a day.
    pub date: Option<&'a str>,
}

/// The whole page around `main` (HTML for the content, its headings starting at `h1`).
pub(super) fn page(frame: &Frame, main: &str) -> String {
    let lang = frame.lang;
    let code = match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    let site = SiteWord::SiteName.text(lang);
    let mut out = String::with_capacity(main.len() + STYLE.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{GENERATOR}\n\
         <title>{}｜{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">{}</a>\n\
         <header class=\"site\"><div class=\"bar\"><p class=\"site-name\"><a href=\"{}\">{}</a></p></div></header>\n",
        escape(frame.title),
        escape(&site),
        SiteWord::SkipToContent.text(lang),
        href(frame.path, INDEX),
        escape(&site),
    );
    if frame.path != INDEX {
        let _ = write!(
            out,
            "<nav class=\"crumbs bar\" aria-label=\"{}\"><ol>\n<li><a href=\"{}\">{}</a></li>\n",
            SiteWord::Breadcrumbs.text(lang),
            href(frame.path, INDEX),
            escape(&SiteWord::IndexTitle.text(lang)),
        );
        for (label, target) in &frame.trail {
            let _ = writeln!(out, "<li><a href=\"{}\">{}</a></li>", href(frame.path, target), escape(label));
        }
        let _ = write!(out, "<li aria-current=\"page\">{}</li>\n</ol></nav>\n", escape(frame.title));
    }
    let _ = write!(out, "<main id=\"main\" tabindex=\"-1\">\n{main}</main>\n");
    if let Some(date) = frame.date {
        let _ = writeln!(
            out,
            "<footer class=\"site\"><p>{}</p></footer>",
            escape(&SiteWord::PublishedOn { date }.text(lang))
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// `<h1>` … the page's one first-level heading.
pub(super) fn heading(out: &mut String, level: u8, id: Option<&str>, text: &str) {
    let _ = match id {
        Some(id) => writeln!(out, "<h{level} id=\"{id}\">{}</h{level}>", escape(text)),
        None => writeln!(out, "<h{level}>{}</h{level}>", escape(text)),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_has_its_language_title_skip_link_trail_and_one_main() {
        let frame = Frame {
            lang: Lang::Ja,
            path: "kamigyo/2008.html",
            title: "上京区役所 平成20年度 <所属等の目標>",
            trail: vec![("集計".into(), "summary/2008.html".into())],
            date: Some("令和3年5月31日"),
        };
        let html = page(&frame, "<h1>x</h1>\n");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
        assert!(html.contains("<title>上京区役所 平成20年度 &lt;所属等の目標&gt;｜所属等の目標 公表資料</title>"));
        assert!(html.contains("<a class=\"skip\" href=\"#main\">本文へ移動</a>"));
        assert!(html.contains("<li><a href=\"../summary/2008.html\">集計</a></li>"));
        assert!(html.contains("<a href=\"../index.html\">所属等の目標 公表資料</a>"));
        assert!(html.contains("<li aria-current=\"page\">上京区役所 平成20年度 &lt;所属等の目標&gt;</li>"));
        assert_eq!(html.matches("<main").count(), 1);
        assert!(html.contains("<footer class=\"site\"><p>掲載日 令和3年5月31日</p></footer>"));
        assert!(html.contains(GENERATOR));
        let index = page(&Frame { path: INDEX, trail: vec![], date: None, ..frame }, "");
        assert!(
            !index.contains("<nav class=\"crumbs") && !index.contains("<footer"),
            "the index is the top; no day given"
        );
    }
}
