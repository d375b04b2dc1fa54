//! What is published: files at the cycle's `published` stage (or every file with `--all`), and only
//! the approved sections where the data folder's settings say `publish: approved_only`.

use super::{Office, files, stderr, stdout};

pub fn only_files_at_the_published_stage_unless_all() {
    let office = Office::with_fixture();
    let out = office.publish(&["data", "-o", "site"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("公表するファイルがありません: 6件のどれも公表の段階"), "{}", stderr(&out));
    assert!(!office.site().exists(), "nothing written");

    office.publish_stage("kamigyo/2008.yaml");
    office.publish_stage("kitayama/2007.yaml");
    let out = office.publish(&["data", "-o", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("公表の段階（stage: published）にないため載せなかったファイル 4件（すべて載せるには --all）:\n  data/kamigyo/2006.yaml（段階の指定なし）\n"), "{said}");
    assert!(said.ends_with("公表しました: site（表 2件・2年度分の集計、ファイル 9件）\n"), "{said}");
    let pages: Vec<String> = files(&office.site()).into_keys().filter(|p| p.ends_with(".html")).collect();
    assert_eq!(
        pages,
        ["index.html", "kamigyo/2008.html", "kitayama/2007.html", "summary/2007.html", "summary/2008.html"]
    );
    let index = std::fs::read_to_string(office.site().join("index.html")).unwrap();
    assert!(index.contains("<tr><th scope=\"row\">上京区役所</th><td><a href=\"kamigyo/2008.html\">"));
    assert!(index.contains("平成19年度</span>なし</td>"), "上京区役所 has no 平成19年度 on the site");
}

const APPROVED: &str =
    "        status: approved\n        review:\n          by: suzuki\n          at: 2009-04-01T10:00:00+09:00\n";

pub fn approved_only_publishes_the_approved_sections_and_names_the_others() {
    let office = Office::with_fixture();
    std::fs::write(office.data().join(".hyoka.yaml"), "reviewers:\n  users: [suzuki]\npublish: approved_only\n")
        .unwrap();
    office.publish_stage("kamigyo/2008.yaml");
    // 総務課 and 保健部's 衛生課 approved; every other section of the file is not.
    let text = std::fs::read_to_string(office.file("kamigyo/2008.yaml")).unwrap();
    let text =
        text.replacen("      - name: まちづくり推進課\n", &format!("{APPROVED}      - name: まちづくり推進課\n"), 1);
    std::fs::write(
        office.file("kamigyo/2008.yaml"),
        format!("{}{APPROVED}", text.trim_end_matches('\n').to_owned() + "\n"),
    )
    .unwrap();
    let out = office.publish(&["data", "-o", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.starts_with("承認されていないため載せなかった課 9件（データフォルダの設定 publish: approved_only）:\n  上京区役所 平成20年度 区民部 まちづくり推進課（下書き）\n"), "{said}");
    let page = std::fs::read_to_string(office.site().join("kamigyo/2008.html")).unwrap();
    assert!(page.contains(">総務課</th>") && !page.contains(">まちづくり推進課</th>"));
    assert!(!page.contains("scope=\"rowgroup\">福祉部</th>"), "a division left without sections goes");
    assert!(page.contains("（2部・2課）</caption>"), "{page}");
    assert!(page.contains("<p class=\"left-out\">このほか、承認前の9課は掲載していません。</p>"));
    let csv = std::fs::read_to_string(office.site().join("kamigyo/2008.csv")).unwrap();
    assert!(csv.contains("総務課") && !csv.contains("まちづくり推進課"), "the data beside it hold the same sections");
    let summary = std::fs::read_to_string(office.site().join("summary/2008.html")).unwrap();
    assert!(summary.contains("<p>1組織・2課の目標達成度を、課の数で示します。</p>"));
}

pub fn a_mistake_in_the_office_settings_stops_it_with_its_place() {
    let office = Office::with_fixture();
    std::fs::write(office.data().join(".hyoka.yaml"), "publish: approved\n").unwrap();
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(".hyoka.yaml: 1:10:"), "{}", stderr(&out));
    assert!(!office.site().exists());
}
