//! The exports print whole: the workbook through LibreOffice, the page through Chromium, to PDF.
//!
//! Each PDF is read back with `pdftotext` (issue 13 points 10 and 11, issue 10.19). Where a program
//! is missing these tests are reported as ignored (`tests/common/outside.rs`); under CI they fail,
//! and `.ci/run` installs LibreOffice, poppler and Chromium.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod common;

use common::outside;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hyoka::interchange::{goal_entries, html, xlsx};
use hyoka::model::{Document, Section};

use hyoka::store::parse_document;
use outside::need;

fn sample() -> Document {
    parse_document(include_str!("../data/kamigyo/2008.yaml")).expect("data/kamigyo/2008.yaml parses")
}

/// Runs a program to its end within `limit`; its status must be success.
fn run(mut command: Command, limit: Duration) {
    let mut child = command.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("starts");
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("runs") {
            assert!(status.success(), "{command:?} failed: {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{command:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn pdftotext(pdftotext: &Path, pdf: &Path, mode: &str) -> String {
    let out = Command::new(pdftotext).arg(mode).arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {mode} failed");
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every text a printed table must show in full: preface, notes, legend, names, goals, fields.
fn table_texts(doc: &Document) -> Vec<String> {
    // Each line of the notes is a row of its own, printed wherever the program draws it.
    let notes = doc.notes.iter().flat_map(|n| n.split('\n')).map(str::to_owned);
    let mut texts: Vec<String> = doc.preface.iter().cloned().chain(notes).collect();
    for division in &doc.divisions {
        texts.push(division.name.clone());
        for section in &division.sections {
            texts.push(section.name.clone());
            texts.extend(goal_entries(section));
            texts.extend([section.progress.clone(), section.reflection.clone()]);
            texts.extend(section.rating.clone());
        }
    }
    texts.retain(|t| !t.is_empty());
    texts
}

/// A document whose texts wrap over many lines, with notes, an unrated section and long names.
fn long_document() -> Document {
    let mut doc = sample();
    doc.notes = Some("※ 目標達成度は平成21年3月末現在で記入しています。\n※ この表は公表用です。".into());
    let mut extra = Section::new("地域コミュニティ推進課");
    extra.goals = vec!["アー".repeat(60), "キャッシュレス決済とチャットボットによるサービス、".repeat(5)];
    extra.progress =
        format!("・{}\n・{}", "スーパーマーケットのチェーンストア".repeat(6), "ちょっとしたゃゅょ".repeat(12));
    extra.reflection = "コーヒー、ティー。".repeat(30);
    doc.divisions[0].sections.push(extra);
    doc
}

fn the_workbook_prints_every_text_whole() {
    let (soffice, pdftotext_bin) = (need("soffice"), need("pdftotext"));
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = long_document();
    let book = dir.path().join("2008.xlsx");
    std::fs::write(&book, xlsx::export_workbook(&doc).expect("exports")).expect("written");
    let mut convert = Command::new(soffice);
    // A profile of its own: LibreOffice refuses to start twice on one profile.
    convert.arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()));
    convert.args(["--headless", "--convert-to", "pdf", "--outdir"]).arg(dir.path()).arg(&book);
    run(convert, Duration::from_secs(180));
    let pdf: PathBuf = dir.path().join("2008.pdf");
    let printed = squeezed(&pdftotext(&pdftotext_bin, &pdf, "-raw"));
    for text in table_texts(&doc) {
        assert!(printed.contains(&squeezed(&text)), "cut off or missing on the printed page: {text}");
    }
    for heading in [
        "所属等名(ア)",
        "今年度の取組を振り返って(評価)(I)",
        "目標達成度",
        "良かった点や反省すべき点,今後どのように取り組んでいくか等",
    ] {
        assert!(printed.contains(&squeezed(heading)), "the heading {heading} is not whole");
    }
}

/// A word of `pdftotext -bbox-layout`: its left, top and right edges and its text.
struct Word {
    x: f64,
    y: f64,
    right: f64,
    text: String,
}

fn attribute(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).map(|i| i + name.len() + 2).expect("attribute");
    tag[start..].split('"').next().and_then(|v| v.parse().ok()).expect("a number")
}

/// The words of every page; a page's tops are counted past the pages before it.
fn words(bbox: &str) -> Vec<Word> {
    let pages = bbox.split("<page ").skip(1).enumerate();
    pages
        .flat_map(|(page, body)| {
            body.split("<word ").skip(1).map(move |part| {
                let (tag, rest) = part.split_once('>').expect("a tag");
                let text = rest.split("</word>").next().unwrap_or_default();
                let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
                let y = page as f64 * 10_000.0 + attribute(tag, "yMin");
                Word { x: attribute(tag, "xMin"), y, right: attribute(tag, "xMax"), text }
            })
        })
        .collect()
}

/// The lines as printed inside one cell: words on one baseline that touch each other.
fn printed_lines(words: &[Word]) -> Vec<(f64, f64, String)> {
    let mut lines: Vec<(f64, f64, f64, String)> = Vec::new();
    for word in words {
        match lines.iter_mut().find(|(_, y, right, _)| (y - word.y).abs() < 2.0 && (word.x - right).abs() < 3.0) {
            Some(line) => {
                line.2 = word.right;
                line.3.push_str(&word.text);
            }
            None => lines.push((word.x, word.y, word.right, word.text.clone())),
        }
    }
    lines.into_iter().map(|(x, y, _, text)| (x, y, text)).collect()
}

fn the_page_prints_by_the_japanese_line_breaking_rules() {
    let (chromium, pdftotext_bin) = (need("chromium"), need("pdftotext"));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = long_document();
    doc.divisions[1].sections[0].rating = None;
    let page = dir.path().join("2008.html");
    std::fs::write(&page, html::export_html(&doc)).expect("page written");
    let pdf = dir.path().join("2008.pdf");
    let mut print = Command::new(chromium);
    print.args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer"]);
    print.args(["--disable-background-networking", "--disable-component-update", "--disable-sync"]);
    print.arg(format!("--user-data-dir={}", dir.path().join("profile").display()));
    print.arg(format!("--print-to-pdf={}", pdf.display())).arg(format!("file://{}", page.display()));
    run(print, Duration::from_secs(120));

    let printed = squeezed(&pdftotext(&pdftotext_bin, &pdf, "-raw"));
    for text in table_texts(&doc).iter().chain(&["未評価".to_owned()]) {
        assert!(printed.contains(&squeezed(text)), "missing on the printed page: {text}");
    }
    let lines = printed_lines(&words(&pdftotext(&pdftotext_bin, &pdf, "-bbox-layout")));
    // JIS X 4051 / JLREQ: no line starts with closing punctuation, ー or a small kana, none ends
    // with an opening bracket. (・ starts the bullet lines, by design.)
    for (_, _, line) in &lines {
        let first = line.chars().next().unwrap_or(' ');
        assert!(
            !"、。，．）」』】〕〉》］ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ！？：；".contains(first),
            "a line starts with {first}: {line}"
        );
        let last = line.chars().last().unwrap_or(' ');
        assert!(!"「『（【〔〈《［".contains(last), "a line ends with {last}: {line}");
    }
    let wrapped = lines.iter().filter(|(_, _, l)| l.starts_with('ア') || l.starts_with('ァ')).count();
    assert!(wrapped >= 2, "the katakana goal wraps over several lines ({wrapped})");
    for whole in ["まちづくり推進課", "健康づくり推進課", "目標達成度", "地域コミュニティ推進課"]
    {
        assert!(lines.iter().any(|(_, _, l)| l.contains(whole)), "{whole} is broken across lines");
    }
    // A bullet's second line hangs under the text, past the bullet.
    let bullet = lines.iter().find(|(_, _, l)| l.starts_with("・スーパーマーケット")).expect("the bullet line");
    let next = lines
        .iter()
        .filter(|(x, y, _)| *y > bullet.1 && (x - bullet.0).abs() < 20.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let next = next.expect("the bullet wraps");
    assert!(next.0 > bullet.0 + 4.0, "no hanging indent: {} then {}", bullet.2, next.2);
}

outside_tests!(the_workbook_prints_every_text_whole, the_page_prints_by_the_japanese_line_breaking_rules,);
