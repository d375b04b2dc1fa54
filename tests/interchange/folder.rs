//! `hyoka import DIR -o data/`: a folder of tables, one per ward, in three formats (issue 22 point 8).

use std::path::{Path, PathBuf};

use hyoka::store::parse_document;

use super::{fixture, hyoka, text};

/// The three wards' tables (kita.xlsx, minami.csv, nishi.txt) copied into a folder of their own.
fn wards(dir: &Path) -> PathBuf {
    let wards = dir.join("wards");
    std::fs::create_dir_all(&wards).expect("folder");
    for name in ["kita.xlsx", "minami.csv", "nishi.txt"] {
        std::fs::copy(fixture(&format!("wards/{name}")), wards.join(name)).expect("copy");
    }
    // Lying beside the tables and not tables: passed over.
    std::fs::write(wards.join("README.md"), "区の表").expect("write");
    std::fs::write(wards.join("~$kita.xlsx"), "Excel's lock file").expect("write");
    wards
}

fn arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn outputs(data: &Path) -> [PathBuf; 3] {
    ["北区役所", "南区役所", "西区役所"].map(|ward| data.join(ward).join("2024.yaml"))
}

#[test]
fn a_folder_of_three_wards_in_three_formats_becomes_organisation_and_year() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (wards, data) = (wards(dir.path()), dir.path().join("data"));
    let run = hyoka(&["import", &arg(&wards), "-o", &arg(&data)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    for (output, ward) in outputs(&data).iter().zip(["北区役所", "南区役所", "西区役所"]) {
        let yaml = std::fs::read_to_string(output).unwrap_or_else(|e| panic!("{}: {e}", output.display()));
        let doc = parse_document(&yaml).expect("a data file hyoka reads");
        assert_eq!((doc.organization.as_str(), doc.fiscal_year), (ward, 2024));
    }
    let stdout = text(&run.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let [kita, minami, nishi] = outputs(&data).map(|p| p.display().to_string());
    assert_eq!(
        lines,
        [
            format!("{} → {kita}（部 1・課 2・目標 3・評価済み 2）", arg(&wards.join("kita.xlsx"))),
            format!("{} → {minami}（部 2・課 2・目標 2・評価済み 2）", arg(&wards.join("minami.csv"))),
            format!("{} → {nishi}（部 1・課 1・目標 1・評価済み 1）", arg(&wards.join("nishi.txt"))),
            "合計: 3ファイル中 3ファイルを取り込みました（部 4・課 5・目標 6・評価済み 5）。".to_owned(),
        ]
    );
    assert!(run.stderr.is_empty(), "{}", text(&run.stderr));
}

#[test]
fn a_file_that_fails_is_listed_with_its_reason_and_the_others_are_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (wards, data) = (wards(dir.path()), dir.path().join("data"));
    // Excel's CSV on a Japanese Windows, which needs --encoding cp932; and a second table of 北区.
    std::fs::copy(fixture("city_2023_cp932.csv"), wards.join("higashi.csv")).expect("copy");
    std::fs::copy(fixture("wards/kita.xlsx"), wards.join("kita2.xlsx")).expect("copy");
    let run = hyoka(&["import", &arg(&wards), "-o", &arg(&data)]);
    assert_eq!(run.status.code(), Some(1), "a file that failed fails the run");
    let stderr = text(&run.stderr);
    let higashi = format!("{}: UTF-8 として読めません（1行目 1文字目）", arg(&wards.join("higashi.csv")));
    assert!(stderr.contains(&higashi) && stderr.contains("--encoding cp932 を付けてください"), "{stderr}");
    let [kita, ..] = outputs(&data);
    let twice = format!(
        "{}: {} には {} の表を書き出します",
        arg(&wards.join("kita2.xlsx")),
        kita.display(),
        arg(&wards.join("kita.xlsx"))
    );
    assert!(stderr.contains(&twice), "{stderr}");
    assert!(outputs(&data).iter().all(|p| p.exists()), "the others are written");
    let stdout = text(&run.stdout);
    assert!(stdout.ends_with("合計: 5ファイル中 3ファイルを取り込みました（部 4・課 5・目標 6・評価済み 5）。2ファイルは取り込めませんでした（理由は上にあります）。\n"), "{stdout}");
}

#[test]
fn nothing_is_overwritten_without_force_and_a_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (wards, data) = (wards(dir.path()), dir.path().join("data"));
    let [kita, minami, _] = outputs(&data);
    std::fs::create_dir_all(kita.parent().expect("folder")).expect("folder");
    std::fs::write(&kita, "organization: 北区役所\n").expect("write");
    let dry = hyoka(&["import", &arg(&wards), "-o", &arg(&data), "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let stdout = text(&dry.stdout);
    assert!(
        stdout.contains(&format!("  {} はもうあります。書き込むには --force が要ります。\n", kita.display())),
        "{stdout}"
    );
    assert!(stdout.ends_with("--dry-run: 何も書き込んでいません。\n"), "{stdout}");
    assert!(!minami.exists(), "a dry run writes nothing");
    let run = hyoka(&["import", &arg(&wards), "-o", &arg(&data)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("はもうあります。上書きするなら --force を付けてください。"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(std::fs::read_to_string(&kita).ok().as_deref(), Some("organization: 北区役所\n"), "not overwritten");
    assert!(minami.exists(), "the others are written");
    let forced = hyoka(&["import", &arg(&wards), "-o", &arg(&data), "--force", "--lang", "en"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(std::fs::read_to_string(&kita).is_ok_and(|t| t.contains("preface: ～令和6年度、北区役所では")));
    assert!(text(&forced.stdout).contains("total: imported 3 of 3 files"), "{}", text(&forced.stdout));
}

#[test]
fn a_folder_needs_a_folder_to_write_into() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wards = wards(dir.path());
    let to_stdout = hyoka(&["import", &arg(&wards), "-o", "-"]);
    assert_eq!(to_stdout.status.code(), Some(2));
    assert!(
        text(&to_stdout.stderr).contains("-o に書き出し先のフォルダを指定してください"),
        "{}",
        text(&to_stdout.stderr)
    );
    let file = dir.path().join("a.yaml");
    std::fs::write(&file, "x").expect("write");
    let onto_file = hyoka(&["import", &arg(&wards), "-o", &arg(&file)]);
    assert_eq!(onto_file.status.code(), Some(2));
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).expect("folder");
    let none = hyoka(&["import", &arg(&empty), "-o", &arg(&dir.path().join("data"))]);
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("表のファイル（.xlsx .csv .tsv .txt）がありません"), "{}", text(&none.stderr));
}
