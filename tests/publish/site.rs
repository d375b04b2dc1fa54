//! The site of the fixture as files: which pages, their links, their structure and words, their
//! data, and the same bytes from the same data.

use std::path::Path;

use hyoka::interchange::{csv, goal_entries, xlsx};
use hyoka::store::load_file;

use super::{FIXTURE, Office, files, fixture_site, stdout};

fn page(office: &Office, path: &str) -> String {
    std::fs::read_to_string(office.site().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The values of `attribute="…"` in a page, in order.
fn attributes<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let key = format!(" {attribute}=\"");
    html.split(&key).skip(1).map(|rest| rest.split('"').next().unwrap()).collect()
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

pub fn the_fixture_becomes_an_index_a_page_per_table_with_its_data_and_a_summary_per_year() {
    let office = Office::with_fixture();
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "公表しました: site（表 6件・3年度分の集計、ファイル 22件）\n");
    let mut expected = vec!["index.html".to_owned()];
    for organization in ["kamigyo", "kitayama"] {
        for year in [2006, 2007, 2008] {
            expected.extend(["csv", "html", "xlsx"].map(|ext| format!("{organization}/{year}.{ext}")));
        }
    }
    expected.extend([2006, 2007, 2008].map(|year| format!("summary/{year}.html")));
    expected.sort();
    assert_eq!(files(&office.site()).into_keys().collect::<Vec<_>>(), expected);
}

pub fn every_link_resolves_within_the_site_and_nothing_comes_from_outside() {
    let office = fixture_site();
    let site = files(&office.site());
    let mut links = 0;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains("<script"), "{path}: a page needs no script");
        let outside = text.matches("http://").count() + text.matches("https://").count();
        let svg_namespaces = text.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
        assert_eq!(outside, svg_namespaces, "{path}: only the SVG namespace names an address");
        assert!(attributes(&text, "src").is_empty(), "{path}: nothing is fetched");
        for href in attributes(&text, "href") {
            links += 1;
            assert!(!href.starts_with('/') && !href.contains(':'), "{path}: {href} is not relative");
            let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
            let target = match file {
                "" => path.clone(),
                file => {
                    let base = Path::new(path).parent().unwrap();
                    let joined = base.join(percent_decoded(file));
                    let mut parts: Vec<String> = Vec::new();
                    for part in joined.components() {
                        match part.as_os_str().to_str().unwrap() {
                            ".." => assert!(parts.pop().is_some(), "{path}: {href} leaves the site"),
                            other => parts.push(other.to_owned()),
                        }
                    }
                    parts.join("/")
                }
            };
            let found = site.get(&target).unwrap_or_else(|| panic!("{path}: {href} leads nowhere ({target})"));
            if !fragment.is_empty() {
                let page = String::from_utf8_lossy(found);
                assert!(page.contains(&format!(" id=\"{fragment}\"")), "{path}: {href} has no #{fragment}");
            }
        }
    }
    assert_eq!(links, 86, "every link of every page looked at");
}

pub fn every_page_is_japanese_with_one_h1_headings_in_order_and_a_title_that_names_it() {
    let office = fixture_site();
    for (path, bytes) in files(&office.site()).iter().filter(|(p, _)| p.ends_with(".html")) {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"), "{path}");
        assert_eq!(text.matches("<h1").count(), 1, "{path}: one h1");
        let mut level = 0;
        for part in text.split("<h").skip(1) {
            let Some(next) = part.chars().next().and_then(|c| c.to_digit(10)) else { continue };
            assert!(next <= level + 1, "{path}: h{next} after h{level}");
            level = next;
        }
        assert!(text.contains("<a class=\"skip\" href=\"#main\">本文へ移動</a>") && text.contains("<main id=\"main\""));
        let title = text.split("<title>").nth(1).unwrap().split("</title>").next().unwrap();
        assert!(title.ends_with("｜所属等の目標 公表資料"), "{path}: {title}");
        let wanted = match path.as_str() {
            "index.html" => "所属等の目標 公表資料の一覧".to_owned(),
            "summary/2007.html" => "平成19年度 目標達成度の集計".to_owned(),
            p if p.starts_with("kitayama/2006") => "北山市役所 平成18年度 所属等の目標".to_owned(),
            p if p.starts_with("summary/") || p.starts_with("kamigyo/") || p.starts_with("kitayama/") => {
                assert!(title.contains("年度"), "{path}: {title}");
                continue;
            }
            other => panic!("an unexpected page {other}"),
        };
        assert_eq!(title, format!("{wanted}｜所属等の目標 公表資料"));
        assert!(text.contains(&format!("<h1>{wanted}</h1>")), "{path}");
    }
}

pub fn a_table_page_carries_every_text_of_its_file_and_its_data_are_the_exports() {
    let office = fixture_site();
    for organization in ["kamigyo", "kitayama"] {
        for year in [2006, 2007, 2008] {
            let source = Path::new(FIXTURE).join(organization).join(format!("{year}.yaml"));
            let (doc, _) = load_file(&source).unwrap();
            let stem = format!("{organization}/{year}");
            let text = page(&office, &format!("{stem}.html"));
            for (d, division) in doc.divisions.iter().enumerate() {
                let d = d + 1;
                assert!(text.contains(&format!(
                    "<th id=\"d{d}\" colspan=\"5\" scope=\"rowgroup\">{}</th>",
                    html(&division.name)
                )));
                for section in &division.sections {
                    let row_header = format!("scope=\"row\" headers=\"d{d} c-name\">{}</th>", html(&section.name));
                    assert!(text.contains(&row_header), "{stem}: {}", section.name);
                    let texts =
                        goal_entries(section).into_iter().chain(section.progress.split('\n').map(str::to_owned));
                    for line in texts.chain(section.reflection.split('\n').map(str::to_owned)).filter(|l| !l.is_empty())
                    {
                        assert!(text.contains(&html(&line)), "{stem}: {} is missing {line}", section.name);
                    }
                    match &section.rating {
                        // Followed by its words where the file has a legend of its own.
                        Some(mark) => {
                            let spoken = match hyoka::interchange::published_label(&doc, mark) {
                                Some(label) => format!("{mark}<span class=\"vh\">（{label}）</span>"),
                                None => mark.clone(),
                            };
                            assert!(
                                text.contains(&format!("<span class=\"mark\">{spoken}</span>")),
                                "{stem}: {}",
                                section.name
                            );
                        }
                        None => assert!(text.contains("目標達成度</span>未評価</td>"), "{stem}"),
                    }
                }
            }
            let site = office.site();
            assert_eq!(std::fs::read(site.join(format!("{stem}.csv"))).unwrap(), csv::export_csv(&doc).into_bytes());
            assert_eq!(std::fs::read(site.join(format!("{stem}.xlsx"))).unwrap(), xlsx::export_workbook(&doc).unwrap());
        }
    }
}

pub fn the_index_has_the_newest_year_first_and_the_summary_counts_as_hyoka_summary() {
    let office = fixture_site();
    let index = page(&office, "index.html");
    let head = index.split("<thead>").nth(1).unwrap().split("</thead>").next().unwrap();
    assert_eq!(
        head,
        "<tr><th scope=\"col\">組織</th><th scope=\"col\">平成20年度</th><th scope=\"col\">平成19年度</th><th scope=\"col\">平成18年度</th></tr>"
    );
    assert!(index.contains(
        "<tr><th scope=\"row\">上京区役所</th><td><a href=\"kamigyo/2008.html\"><span class=\"vh\">上京区役所 </span>平成20年度</a></td>"
    ));
    assert!(index.contains("<li><a href=\"summary/2008.html\">平成20年度の集計（2組織・22課）</a></li>"));
    // `hyoka summary tests/fixtures/review` gives 上京区役所 平成20年度: ◎2 ○2 △2 ×2, 未評価3, 11課.
    let summary = page(&office, "summary/2008.html");
    let row = summary.lines().find(|l| l.contains(">上京区役所</a></th>")).unwrap();
    let numbers: Vec<&str> = row.split("</span>").skip(1).map(|c| c.split("</td>").next().unwrap()).collect();
    assert_eq!(numbers, ["2", "2", "2", "2", "3", "11"]);
    assert!(summary.contains("<desc id=\"chart-1-desc\">◎ 達成できた 2課、○ ほぼ達成できた 2課、△ ある程度達成できた 2課、× あまり達成できなかった 2課、未評価 3課</desc>"));
}

pub fn the_same_data_give_the_same_bytes_and_a_day_only_when_asked() {
    let office = fixture_site();
    let first = files(&office.site());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = office.publish(&["data", "-o", "again", "--all"]);
    assert!(again.status.success());
    assert!(first == files(&office.dir.path().join("again")), "a second publication differs");
    assert!(!String::from_utf8_lossy(&first["index.html"]).contains("掲載日"));
    let dated = office.publish(&["data", "-o", "dated", "--all", "--date", "2009-04-30"]);
    assert!(dated.status.success());
    let page = std::fs::read_to_string(office.dir.path().join("dated/kamigyo/2008.html")).unwrap();
    assert!(page.contains("<footer class=\"site\"><p>掲載日 平成21年4月30日</p></footer>"));
}
