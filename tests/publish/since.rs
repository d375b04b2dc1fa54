//! `hyoka publish --since REV`: the files of the site whose content changed since the data of a git
//! revision (a tag set at the last publication), in a sealed git sandbox.

use std::path::Path;

use super::FIXTURE;
use super::gitkit::Sandbox;

fn repository(sandbox: &Sandbox) -> std::path::PathBuf {
    let top = sandbox.path("公表 リポジトリ");
    for organization in ["kamigyo", "kitayama"] {
        let to = top.join("data").join(organization);
        std::fs::create_dir_all(&to).unwrap();
        for year in [2006, 2007, 2008] {
            let name = format!("{year}.yaml");
            std::fs::copy(Path::new(FIXTURE).join(organization).join(&name), to.join(&name)).unwrap();
        }
    }
    sandbox.run_git(&top, &["init", "-q"]);
    sandbox.run_git(&top, &["add", "."]);
    sandbox.run_git(&top, &["commit", "-q", "-m", "平成20年度の公表"]);
    sandbox.run_git(&top, &["tag", "v2025"]);
    top
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

pub fn the_files_whose_content_changed_since_a_tag_are_listed() {
    let sandbox = Sandbox::new();
    let top = repository(&sandbox);
    let unchanged = sandbox.hyoka(&top, &["publish", "data", "--all", "--since", "v2025"]);
    assert!(unchanged.status.success(), "{}", String::from_utf8_lossy(&unchanged.stderr));
    assert_eq!(String::from_utf8_lossy(&unchanged.stdout), "v2025 から内容が変わったファイルはありません。\n");

    // A reflection rewritten: that table's page and data; a rating changed: also the year's summary.
    let kamigyo = top.join("data/kamigyo/2008.yaml");
    edit(&kamigyo, "reflection: 笑顔、親切丁寧な対応", "reflection: 笑顔と親切丁寧な対応");
    edit(&top.join("data/kitayama/2007.yaml"), "rating: ◎", "rating: ○");
    std::fs::copy(&kamigyo, top.join("data/kamigyo/2009.yaml")).unwrap();
    edit(
        &top.join("data/kamigyo/2009.yaml"),
        "fiscal_year: 2008\ncheckpoint: 2008",
        "fiscal_year: 2009\ncheckpoint: 2009",
    );
    std::fs::remove_file(top.join("data/kitayama/2006.yaml")).unwrap();
    let out = sandbox.hyoka(&top, &["publish", "data", "-o", "site", "--all", "--since", "v2025"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Each page of 上京区役所 links to its new year, each of 北山市役所 no longer to the one removed.
    let expected = "公表しました: site（表 6件・4年度分の集計、ファイル 23件）\n\
        v2025 から内容が変わったファイル 19件:\n\
        \x20 変更 index.html\n\
        \x20 変更 kamigyo/2006.html\n  変更 kamigyo/2007.html\n\
        \x20 変更 kamigyo/2008.csv\n  変更 kamigyo/2008.html\n  変更 kamigyo/2008.xlsx\n\
        \x20 追加 kamigyo/2009.csv\n  追加 kamigyo/2009.html\n  追加 kamigyo/2009.xlsx\n\
        \x20 削除 kitayama/2006.csv\n  削除 kitayama/2006.html\n  削除 kitayama/2006.xlsx\n\
        \x20 変更 kitayama/2007.csv\n  変更 kitayama/2007.html\n  変更 kitayama/2007.xlsx\n\
        \x20 変更 kitayama/2008.html\n\
        \x20 変更 summary/2006.html\n  変更 summary/2007.html\n  追加 summary/2009.html\n";
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(said, expected, "summary/2008.html is the same: its ratings are");
    assert!(top.join("site/kamigyo/2009.html").is_file());
}

pub fn a_revision_git_does_not_know_is_said_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let top = repository(&sandbox);
    let out = sandbox.hyoka(&top, &["publish", "data", "-o", "site", "--all", "--since", "v2099"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("「v2099」という版が git にありません"), "{said}");
    assert!(!top.join("site").exists());
}
