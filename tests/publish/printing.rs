//! The pages print: Chromium prints a table page and a summary to PDF, and `pdftotext -bbox` reads
//! them back — A4 landscape, the header rows on every page, no row cut across pages, every text whole,
//! no line starting with a character that may not start one (JIS X 4051).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hyoka::interchange::goal_entries;
use hyoka::store::load_file;

use super::{Office, chromium, outside, stderr};

/// A word as `pdftotext -bbox` places it: its page, left, top and right edges, and its text.
struct Word {
    page: usize,
    left: f64,
    top: f64,
    right: f64,
    text: String,
}

fn number(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    tag[at..].split('"').next().unwrap().parse().unwrap()
}

/// The pages' sizes (width, height in points) and their words.
fn read_bbox(text: &str) -> (Vec<(f64, f64)>, Vec<Word>) {
    let mut sizes = Vec::new();
    let mut words = Vec::new();
    for (page, body) in text.split("<page ").skip(1).enumerate() {
        let (tag, body) = body.split_once('>').unwrap();
        sizes.push((number(tag, "width"), number(tag, "height")));
        for part in body.split("<word ").skip(1) {
            let (tag, rest) = part.split_once('>').unwrap();
            let text =
                rest.split("</word>").next().unwrap().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            let (left, top, right) = (number(tag, "xMin"), number(tag, "yMin"), number(tag, "xMax"));
            words.push(Word { page, left, top, right, text });
        }
    }
    (sizes, words)
}

/// Printed lines: words on one page and baseline that follow each other without a gap.
fn lines(words: &[Word]) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, f64, f64, String)> = Vec::new();
    for word in words {
        let follows = |(page, top, right, _): &&mut (usize, f64, f64, String)| {
            *page == word.page && (*top - word.top).abs() < 2.0 && (word.left - *right).abs() < 3.0
        };
        match lines.iter_mut().find(|line| follows(line)) {
            Some(line) => {
                line.2 = word.right;
                line.3.push_str(&word.text);
            }
            None => lines.push((word.page, word.top, word.right, word.text.clone())),
        }
    }
    lines.into_iter().map(|(page, _, _, text)| (page, text)).collect()
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A page printed to PDF, read back.
struct Printed {
    /// Each page's width and height, in points.
    sizes: Vec<(f64, f64)>,
    words: Vec<Word>,
    /// Each page's text in order, without white space.
    pages: Vec<String>,
}

fn print(office: &Office, page: &str) -> Printed {
    let pdftotext = outside::need("pdftotext");
    let mut command = chromium(&office.dir.path().join(format!("profile-{}", page.replace('/', "-"))));
    let pdf = office.dir.path().join(format!("{}.pdf", page.replace('/', "-")));
    command.arg("--no-pdf-header-footer").arg(format!("--print-to-pdf={}", pdf.display()));
    command.arg(format!("file://{}", office.site().join(page).display()));
    let mut child = command.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "chromium did not print {page} in time");
        std::thread::sleep(Duration::from_millis(100));
    }
    let read = |args: &[&str]| {
        let out = Command::new(&pdftotext).args(args).arg(&pdf).arg("-").output().expect("pdftotext runs");
        assert!(out.status.success(), "pdftotext {args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let (sizes, words) = read_bbox(&read(&["-bbox"]));
    let pages =
        (1..=sizes.len()).map(|n| squeezed(&read(&["-raw", "-f", &n.to_string(), "-l", &n.to_string()]))).collect();
    Printed { sizes, words, pages }
}

pub fn a_table_page_prints_a4_landscape_with_its_header_on_every_page_and_every_row_whole() {
    let office = Office::with_fixture();
    // Text that tempts a careless line breaker: long vowels, small kana, commas and full stops.
    let long = "スーパーマーケットのチェーンストア、ちょっとしたゃゅょ。コーヒー、ティー。".repeat(4);
    office.edit(
        "kamigyo/2008.yaml",
        "reflection: 笑顔、親切丁寧な対応など",
        &format!("reflection: {long}笑顔、親切丁寧な対応など"),
    );
    let built = office.publish(&["data", "-o", "site", "--all"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let Printed { sizes, words, pages } = print(&office, "kamigyo/2008.html");
    assert!(sizes.len() >= 3, "the table runs over several pages: {}", sizes.len());
    for (width, height) in &sizes {
        assert!((width - 841.9).abs() < 2.0 && (height - 595.3).abs() < 2.0, "A4 landscape: {width} × {height}");
    }
    for (n, page) in pages.iter().enumerate() {
        for heading in
            ["所属等名", "所属等の目標", "11月末現在の取組状況", "今年度の取組を振り返って（評価）", "目標達成度"]
        {
            assert!(page.contains(heading), "page {} lacks the header {heading}", n + 1);
        }
    }
    let (doc, _) = load_file(&office.file("kamigyo/2008.yaml")).unwrap();
    let printed = lines(&words);
    for section in doc.divisions.iter().flat_map(|d| &d.sections) {
        let (at, _) = printed
            .iter()
            .find(|(_, line)| line == &section.name)
            .unwrap_or_else(|| panic!("{} is not whole on a line", section.name));
        let texts = goal_entries(section).into_iter().chain([section.progress.clone(), section.reflection.clone()]);
        for text in texts.filter(|t| !t.is_empty()) {
            assert!(pages[*at].contains(&squeezed(&text)), "{}: cut off or not on its page: {text}", section.name);
        }
    }
    for (page, line) in &printed {
        let first = line.chars().next().unwrap_or(' ');
        assert!(
            !"、。，．）」』】〕〉》］ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ！？：；".contains(first),
            "page {page}: a line starts with {first}: {line}"
        );
        let last = line.chars().last().unwrap_or(' ');
        assert!(!"「『（【〔〈《［".contains(last), "page {page}: a line ends with {last}: {line}");
    }
    let wrapped = printed.iter().filter(|(_, l)| l.starts_with("ー") || l.contains("スーパー")).count();
    assert!(wrapped >= 2, "the long reflection wraps over several lines");
}

pub fn a_summary_prints_each_organisations_chart_and_numbers_whole() {
    let office = Office::with_fixture();
    let built = office.publish(&["data", "-o", "site", "--all"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let Printed { sizes, pages, .. } = print(&office, "summary/2008.html");
    let all: String = pages.concat();
    for text in [
        "平成20年度目標達成度の集計",
        "上京区役所平成20年度部ごとの目標達成度（課の数）",
        "北山市役所平成20年度目標達成度の分布（課の数）",
    ] {
        assert!(all.contains(text), "{text} is not printed whole");
    }
    for organization in ["上京区役所", "北山市役所"] {
        let chart = format!("{organization}平成20年度目標達成度の分布");
        let table = format!("{organization}平成20年度部ごとの目標達成度");
        let page = pages.iter().position(|p| p.contains(&chart)).unwrap();
        assert!(pages[page].contains("あまり達成できなかった"), "{organization}: the chart is cut");
        let numbers = pages.iter().position(|p| p.contains(&table)).unwrap();
        assert!(
            pages[numbers].contains("保健部") && pages[numbers][pages[numbers].find(&table).unwrap()..].contains("計"),
            "{organization}: the table is cut"
        );
    }
    assert!(sizes.iter().all(|(w, h)| w > h), "landscape");
    assert!(Path::new(&office.site()).join("summary/2008.html").is_file());
}
