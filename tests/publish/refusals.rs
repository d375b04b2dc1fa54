//! A publication that is refused leaves the old site exactly as it was, with the reasons listed; a
//! folder hyoka did not write is never replaced; what is not hyoka's in its own site stays.

use super::{Office, files, fixture_site, stderr, stdout};

/// No half-written site and no old one is left beside the site.
fn nothing_beside_the_site(office: &Office) {
    let names: Vec<String> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".hyoka-")), "{names:?}");
}

pub fn a_table_the_published_layout_cannot_carry_stops_it_and_the_old_site_stays() {
    let office = fixture_site();
    let before = files(&office.site());
    // A ② inside a goal would be read back as a second goal: what `check --publishable` refuses.
    office.edit("kamigyo/2008.yaml", "          - 親切・丁寧で、", "          - ②親切・丁寧で、");
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = stderr(&out);
    assert!(said.contains("data/kamigyo/2008.yaml:"), "{said}");
    assert!(said.contains("②"), "{said}");
    assert!(said.contains("1件のファイルに、公表用の表に載せられないところが1か所あります"), "{said}");
    assert!(said.ends_with("公表しませんでした。前の公表はそのままです。\n"), "{said}");
    assert!(before == files(&office.site()), "the old site changed");
    nothing_beside_the_site(&office);
}

pub fn a_data_file_that_does_not_read_stops_it() {
    let office = fixture_site();
    let before = files(&office.site());
    office.edit("kitayama/2007.yaml", "fiscal_year: 2007", "fiscal_year: [2007");
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("data/kitayama/2007.yaml:2:"), "{said}");
    assert!(said.contains("6件中1件のデータファイルが読めません"), "{said}");
    assert!(before == files(&office.site()));
}

pub fn a_folder_hyoka_did_not_write_is_never_replaced() {
    let office = Office::with_fixture();
    std::fs::create_dir_all(office.site()).unwrap();
    std::fs::write(office.site().join("大事な書類.txt"), "消さないで").unwrap();
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("hyoka が書いたのではないファイルがあります"), "{}", stderr(&out));
    assert_eq!(files(&office.site()).len(), 1);
    nothing_beside_the_site(&office);
    for inside in ["data", "data/kamigyo/site", "."] {
        let out = office.publish(&["data", "-o", inside, "--all"]);
        assert_eq!(out.status.code(), Some(1), "{inside}");
        assert!(stderr(&out).contains("データのフォルダと重なっています"), "{inside}: {}", stderr(&out));
    }
    assert!(!office.file("kamigyo/site").exists());
}

pub fn a_new_publication_replaces_hyokas_pages_and_keeps_the_sites_own_dot_files() {
    let office = fixture_site();
    std::fs::create_dir_all(office.site().join(".git")).unwrap();
    std::fs::write(office.site().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(office.site().join(".htaccess"), "AddDefaultCharset UTF-8\n").unwrap();
    std::fs::remove_file(office.file("kitayama/2006.yaml")).unwrap();
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let now = files(&office.site());
    assert!(!now.contains_key("kitayama/2006.html") && !now.contains_key("kitayama/2006.csv"), "the old page goes");
    assert_eq!(now[".git/HEAD"], b"ref: refs/heads/main\n");
    assert_eq!(now[".htaccess"], b"AddDefaultCharset UTF-8\n");
    assert!(now.contains_key("kitayama/2007.html"));
    nothing_beside_the_site(&office);
}

pub fn an_empty_folder_or_one_with_only_dot_files_is_taken() {
    let office = Office::with_fixture();
    std::fs::create_dir_all(office.site().join(".git")).unwrap();
    std::fs::write(office.site().join(".git/config"), "[core]\n").unwrap();
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let now = files(&office.site());
    assert!(now.contains_key("index.html") && now.contains_key(".git/config"));
}
