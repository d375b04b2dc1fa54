//! The command line around import and export: outputs, summary, `--dry-run`, `-o -`, languages.
//!
//! Issue 13.9 (`--dry-run`), issue 10.5 (`-o -`) and 10.15 (a CSV imports).

use std::io::Read as _;
use std::path::Path;

use hyoka::interchange::import::ImportOptions;
use hyoka::interchange::tsv::import_table;
use hyoka::interchange::{Format, export, html, xlsx};
use portable_pty::{PtySize, native_pty_system};

use super::common::cli::Cli;
use super::common::pty::pty_command;
use super::common::workspace::Home;
use super::{DATA, fixture, fixture_arg, hyoka, sample, text};

#[test]
fn export_writes_one_file_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("kamigyo.html");
    let out_arg = out.to_string_lossy().into_owned();
    let run = hyoka(&["export", "data/kamigyo/2008.yaml", "-o", &out_arg]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), format!("書き出しました: {out_arg}\n"));
    assert_eq!(std::fs::read_to_string(&out).ok(), Some(html::export_html(&sample())), "format taken from .html");
    let again = hyoka(&["export", "--format", "html", "data/kamigyo/2008.yaml", "-o", &out_arg]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("はもうあります。上書きするなら --force を付けてください。"));
    let forced = hyoka(&["export", "--format", "md", "--force", "data/kamigyo/2008.yaml", "-o", &out_arg]);
    assert!(forced.status.success());
    assert!(std::fs::read_to_string(&out).is_ok_and(|t| t.starts_with("# 上京区役所")));
}

#[test]
fn export_of_a_folder_mirrors_it_and_reports_broken_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    for ward in ["kamigyo", "nakagyo"] {
        std::fs::create_dir_all(data.join(ward)).expect("folder");
        std::fs::write(data.join(ward).join("2008.yaml"), DATA).expect("copy");
    }
    let broken = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken/bad_rating.yaml");
    std::fs::copy(broken, data.join("broken.yaml")).expect("copy");
    let (data_arg, out) = (data.to_string_lossy().into_owned(), dir.path().join("out"));
    let run = hyoka(&["export", "-f", "tsv", &data_arg, "-o", &out.to_string_lossy()]);
    assert_eq!(run.status.code(), Some(1), "a broken file fails the run");
    let stderr = text(&run.stderr);
    assert!(stderr.contains("broken.yaml:7:17: 目標達成度「☆」は評価の区分にありません。"), "{stderr}");
    assert!(stderr.contains("3ファイル中1ファイルは書き出せませんでした。"), "{stderr}");
    for ward in ["kamigyo", "nakagyo"] {
        let written = std::fs::read_to_string(out.join(ward).join("2008.tsv")).unwrap_or_default();
        assert_eq!(import_table(&written, &ImportOptions::default()), Ok(sample()));
    }
    assert!(!out.join("broken.tsv").exists());
}

#[test]
fn export_speaks_english_and_explains_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("table.out").to_string_lossy().into_owned();
    let run = hyoka(&["export", "--lang", "en", "data", "-o", &out]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("cannot tell the format; add --format html|csv|md|tsv|xlsx"));
    let yaml = dir.path().join("tab.yaml");
    std::fs::write(&yaml, DATA.replace("概ね達成できた。\n", "概ね\t達成できた。\n")).expect("write");
    let tsv = dir.path().join("tab.tsv").to_string_lossy().into_owned();
    let refused = hyoka(&["export", "--lang", "en", &yaml.to_string_lossy(), "-o", &tsv]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = text(&refused.stderr);
    assert!(stderr.contains("tab.yaml: the progress of 区民部 総務課: contains a tab"), "{stderr}");
    assert!(!Path::new(&tsv).exists());
}

#[test]
fn import_reads_xlsx_by_its_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("2008.xlsx");
    let book_arg = book.to_string_lossy().into_owned();
    let run = hyoka(&["export", "data/kamigyo/2008.yaml", "-o", &book_arg]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let yaml = dir.path().join("back.yaml");
    let back = hyoka(&["import", &book_arg, "-o", &yaml.to_string_lossy()]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    assert_eq!(std::fs::read_to_string(&yaml).ok().as_deref(), Some(DATA), "byte for byte the sample");
    std::fs::write(&book, b"not a workbook").expect("write");
    let bad = hyoka(&["import", &book_arg, "-o", &dir.path().join("bad.yaml").to_string_lossy()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("Excel（.xlsx）ファイルとして読めません"));
}

#[test]
fn dry_run_prints_what_would_be_written_and_the_summary_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("city.yaml");
    let out_arg = out.to_string_lossy().into_owned();
    let run = hyoka(&["import", &fixture_arg("text/lookalikes.tsv"), "-o", &out_arg, "--dry-run"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(!out.exists(), "a dry run writes nothing");
    assert!(text(&run.stdout).starts_with("organization: 北山市役所\nfiscal_year: 2023\ncheckpoint: 2023-11-30\n"));
    let stderr = text(&run.stderr);
    let path = fixture_arg("text/lookalikes.tsv");
    let summary = [
        format!("読み込み: {path}（TSV、UTF-8）"),
        "取り込み: 部 2・課 3・目標 3・評価済み 3".into(),
        "警告 4件:".into(),
        format!("  {path}:5:1: 「〇」（U+3007）を「○」（U+25CB）として読みました。"),
        format!("  {path}:8:39: 「〇」（U+3007）を「○」（U+25CB）として読みました。"),
        format!("  {path}:9:31: 「✕」（U+2715）を「×」（U+00D7）として読みました。"),
        format!("  {path}:10:37: 目標達成度を記号「○」として読みました（説明の言葉は凡例から付きます）。"),
        "--dry-run: 何も書き込んでいません（書き込む内容は標準出力にあります）。".into(),
    ];
    assert_eq!(stderr.lines().collect::<Vec<_>>(), summary);
    std::fs::write(&out, "existing").expect("write");
    let again = hyoka(&["import", &fixture_arg("text/lookalikes.tsv"), "-o", &out_arg, "--dry-run", "--lang", "en"]);
    assert!(again.status.success());
    assert!(text(&again.stderr).contains("exists already; writing it needs --force."), "{}", text(&again.stderr));
    assert_eq!(std::fs::read_to_string(&out).ok().as_deref(), Some("existing"), "nothing overwritten");
}

#[test]
fn import_ends_with_a_summary_and_reads_a_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("kitayama/2023.yaml");
    let run = hyoka(&["import", &fixture_arg("city_2023_utf8.csv"), "-o", &out.to_string_lossy()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let expected = std::fs::read_to_string(fixture("city_2023.yaml")).expect("fixture");
    assert_eq!(std::fs::read_to_string(&out).ok(), Some(expected), "issue 10.15: a CSV is read");
    let stdout = text(&run.stdout);
    assert!(stdout.contains("取り込み: 部 2・課 3・目標 4・評価済み 2・注記 2行\n警告 2件:\n"), "{stdout}");
    assert!(stdout.ends_with(&format!("書き出しました: {}\n", out.display())), "{stdout}");
}

#[test]
fn import_errors_name_the_place_in_either_language() {
    let ja = hyoka(&["import", &fixture_arg("text/pasted_line_break.tsv"), "--dry-run"]);
    assert_eq!(ja.status.code(), Some(1));
    assert!(text(&ja.stdout).is_empty(), "nothing to show when nothing was read");
    let stderr = text(&ja.stderr);
    assert!(
        stderr.starts_with(&format!(
            "{}:4:24: この行はセルが3個ですが、表は5列です",
            fixture_arg("text/pasted_line_break.tsv")
        )),
        "{stderr}"
    );
    let en = hyoka(&["import", "--lang", "en", &fixture_arg("merged_across.xlsx"), "--dry-run"]);
    assert_eq!(en.status.code(), Some(1));
    let stderr = text(&en.stderr);
    assert!(
        stderr.contains("merged_across.xlsx: sheet 目標, cell B5: the cells B5:C5 are merged across two fields"),
        "{stderr}"
    );
    let huge = hyoka(&["import", &fixture_arg("text/one_header_row.tsv"), "--dry-run", "--fiscal-year", "2147483647"]);
    assert_eq!(huge.status.code(), Some(1), "issue 10.1: an error, not an overflow");
    assert!(text(&huge.stderr).contains("年度 2147483647 は扱えません"), "{}", text(&huge.stderr));
}

#[test]
fn import_to_standard_output() {
    let run = hyoka(&["import", &fixture_arg("../seed_kamigyo_2008.tsv"), "-o", "-"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), DATA);
    assert!(text(&run.stderr).contains("取り込み: 部 3・課 11・目標 13・評価済み 11"));
}

/// hyoka run in a folder of its own, so that a file named "-" would show.
fn in_folder(dir: &Path, args: &[&str]) -> std::process::Output {
    Cli::new().current_dir(dir).args(args).output()
}

#[test]
fn export_to_standard_output_writes_the_bytes_and_no_file_named_dash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let yaml = dir.path().join("2008.yaml");
    std::fs::write(&yaml, DATA).expect("copy");
    let yaml_arg = yaml.to_string_lossy().into_owned();
    for format in [Format::Html, Format::Csv, Format::Md, Format::Tsv] {
        let name = format.extension();
        let run = in_folder(dir.path(), &["export", "--format", name, &yaml_arg, "-o", "-"]);
        assert!(run.status.success(), "{name}: {}", text(&run.stderr));
        assert_eq!(run.stdout, export(&sample(), format).expect("exports"), "{name}");
        assert!(run.stderr.is_empty(), "{name}: {}", text(&run.stderr));
    }
    let piped = in_folder(dir.path(), &["export", "--format", "xlsx", &yaml_arg, "-o", "-"]);
    assert!(piped.status.success(), "xlsx into a pipe is fine");
    assert_eq!(xlsx::import_workbook(&piped.stdout, &ImportOptions::default()).map(|(d, _)| d), Ok(sample()));
    assert!(!dir.path().join("-").exists(), "issue 10.5: no file named -");
    let no_format = in_folder(dir.path(), &["export", &yaml_arg, "-o", "-"]);
    assert_eq!(no_format.status.code(), Some(2));
    assert!(text(&no_format.stderr).contains("-o - （標準出力）のときは形式を --format"));
    let folder =
        in_folder(dir.path(), &["export", "--lang", "en", "-f", "md", &dir.path().to_string_lossy(), "-o", "-"]);
    assert_eq!(folder.status.code(), Some(2));
    assert!(text(&folder.stderr).contains("-o - (standard output) takes one YAML file"));
}

#[test]
fn an_xlsx_to_a_terminal_is_refused() {
    let pty =
        native_pty_system().openpty(PtySize { rows: 24, cols: 200, pixel_width: 0, pixel_height: 0 }).expect("a pty");
    let mut command = pty_command(&Home::new());
    command.args(["export", "--format", "xlsx", "data/kamigyo/2008.yaml", "-o", "-"]);
    command.cwd(env!("CARGO_MANIFEST_DIR"));
    let mut child = pty.slave.spawn_command(command).expect("hyoka starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let status = child.wait().expect("hyoka ends");
    drop(pty.master);
    let mut seen = Vec::new();
    let _ = reader.read_to_end(&mut seen);
    let seen = text(&seen);
    assert_eq!(status.exit_code(), 2);
    assert!(seen.contains("Excel ファイル（xlsx）は端末には書き出せません"), "{seen}");
    assert!(!seen.contains("PK"), "no zip bytes reached the terminal");
}
