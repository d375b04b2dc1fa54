//! Broken files are reported with file, line, column and what to do; the others still open.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::path::Path;

use common::cli::{Cli, hyoka};

use hyoka::app::FileState;
use hyoka::i18n::Lang;
use hyoka::store::{Expected, ProblemKind, load_file};
use hyoka::worker::load_workspace;

fn problems(name: &str) -> Vec<(u64, u64, ProblemKind)> {
    let path = Path::new("tests/fixtures/broken").join(name);
    let error = load_file(&path).err().unwrap_or_else(|| panic!("{name} must not load"));
    error
        .problems
        .into_iter()
        .map(|p| (p.position.map_or(0, |x| x.line), p.position.map_or(0, |x| x.column), p.kind))
        .collect()
}

#[test]
fn an_unknown_key_is_named_with_its_line() {
    let found = problems("unknown_key.yaml");
    assert_eq!(found.len(), 1);
    let (line, column, kind) = &found[0];
    assert_eq!((*line, *column), (7, 9));
    let ProblemKind::UnknownKey { key, allowed } = kind else { panic!("{kind:?}") };
    assert_eq!(key, "progres");
    assert!(allowed.contains(&"progress".to_owned()));
}

#[test]
fn a_rating_off_the_scale_is_named_with_its_line() {
    let found = problems("bad_rating.yaml");
    assert_eq!(
        found,
        [(
            7,
            17,
            ProblemKind::RatingNotOnScale {
                mark: "☆".into(),
                allowed: ["◎", "○", "△", "×"].map(String::from).to_vec()
            }
        )]
    );
}

#[test]
fn a_duplicate_section_points_at_both_places() {
    let found = problems("duplicate_section.yaml");
    assert_eq!(
        found,
        [(8, 15, ProblemKind::DuplicateSection { division: "区民部".into(), name: "総務課".into(), first_line: 6 })]
    );
}

#[test]
fn a_missing_field_and_bad_yaml_are_reported() {
    let found = problems("missing_field.yaml");
    assert!(matches!(&found[..], [(_, _, ProblemKind::MissingField { field })] if field == "fiscal_year"), "{found:?}");
    // `fiscal_year: [2008` with its bracket never closed: the line, and a value is what belongs there.
    let found = problems("not_yaml.yaml");
    assert!(matches!(&found[..], [(2, _, ProblemKind::WrongType { expected: Expected::Value })]), "{found:?}");
}

#[test]
fn messages_say_where_and_what_to_do_in_japanese_and_english() {
    let error = load_file(Path::new("tests/fixtures/broken/unknown_key.yaml")).expect_err("broken");
    assert_eq!(
        error.render(Lang::Ja),
        "tests/fixtures/broken/unknown_key.yaml:7:9: 知らない項目名「progres」があります。使える項目名は name、goals_intro、goals_numbered_from、goals、progress、rating、reflection、status、review、updated、updated_by です。綴りを直すか、その行を消してください。"
    );
    assert!(error.render(Lang::En).contains(":7:9: unknown key 'progres'"));
}

#[test]
fn broken_files_do_not_stop_the_others_from_opening() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("data/kamigyo/2008.yaml", dir.path().join("2008.yaml")).expect("copy");
    std::fs::copy("tests/fixtures/broken/bad_rating.yaml", dir.path().join("2009.yaml")).expect("copy");
    let files = load_workspace(dir.path()).expect("the folder reads");
    assert_eq!(files.len(), 2);
    assert!(matches!(files[0].state, FileState::Loaded { .. }));
    assert!(matches!(files[1].state, FileState::Broken(_)));
}

#[test]
fn the_machine_user_s_settings_never_reach_a_test() {
    // A clerk's own settings file with English in it must not change what these tests see.
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(home.path().join(".config/hyoka")).expect("mkdir");
    std::fs::write(home.path().join(".config/hyoka/config.yaml"), "lang: en\n").expect("write");
    let english = Cli::new().args(&["check", "data"]).clerks_settings_in(home.path()).output();
    assert!(
        String::from_utf8_lossy(&english.stdout).contains("all good"),
        "the user's file is read when not told otherwise"
    );
    let ours = hyoka(&["check", "data"]);
    assert!(String::from_utf8_lossy(&ours.stdout).contains("問題ありません"), "the tests' own settings win");
}

#[test]
fn check_passes_on_the_sample_data() {
    let out = hyoka(&["check", "data"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "問題ありません（1ファイル）。\n");
}

#[test]
fn check_fails_and_lists_every_broken_file() {
    let out = hyoka(&["check", "tests/fixtures/broken"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("tests/fixtures/broken/bad_rating.yaml:7:17: 目標達成度「☆」は評価の区分にありません。"),
        "{stderr}"
    );
    assert!(stderr.contains("tests/fixtures/broken/duplicate_section.yaml:8:15:"), "{stderr}");
    assert!(stderr.contains("5ファイル中5ファイルに誤りがあります。"), "{stderr}");
}

#[test]
fn check_speaks_english_on_request() {
    let out = hyoka(&["check", "--lang", "en", "tests/fixtures/broken/bad_rating.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the rating '☆' is not on the scale; use one of ◎ ○ △ ×."), "{stderr}");
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let out = hyoka(&["check", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("「no/such/folder」を開けません"), "{stderr}");
}

#[test]
fn import_writes_the_sample_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("kamigyo/2008.yaml");
    let out_arg = out_path.to_string_lossy().into_owned();
    let out = hyoka(&["import", "tests/fixtures/seed_kamigyo_2008.tsv", "-o", &out_arg]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&out_path).ok().as_deref(), Some(include_str!("../data/kamigyo/2008.yaml")));
    let again = hyoka(&["import", "tests/fixtures/seed_kamigyo_2008.tsv", "-o", &out_arg]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
}

#[test]
fn check_reports_every_problem_of_a_file_not_only_the_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string("data/kamigyo/2008.yaml").expect("sample");
    // An unknown key used to hide the bad ratings and the date after it.
    let text = text.replacen("      - name: 総務課\n", "      - name: 総務課\n        colour: red\n", 1);
    let text = text.replacen("rating: ○", "rating: ☆", 2);
    let text =
        text.replacen("        goals:\n          - 親切", "        goals:\n          - [親切]\n          - 親切", 1);
    std::fs::write(dir.path().join("2008.yaml"), text).expect("write");
    let out = hyoka(&["check", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let file = dir.path().join("2008.yaml").display().to_string();
    assert!(lines[0].starts_with(&format!("{file}:14:9: 知らない項目名「colour」")), "{stderr}");
    assert!(lines[1].starts_with(&format!("{file}:26:13: ")) && lines[1].contains("文字を書いて"), "{stderr}");
    assert!(lines[2].starts_with(&format!("{file}:22:17: 目標達成度「☆」")), "{stderr}");
    assert!(lines[3].starts_with(&format!("{file}:29:17: 目標達成度「☆」")) && lines.len() == 5, "{stderr}");
}

#[test]
fn a_line_indented_with_full_width_spaces_is_named_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string("data/kamigyo/2008.yaml").expect("sample");
    // A memo typed with the IME still on (line 22), and 〇 (the kanji zero) for ○ further down (line 56).
    let text = text.replacen("        rating: ○\n", "        rating: ○\n　　　　memo: 係長に確認\n", 1);
    let at = text.find("      - name: 納税課").expect("納税課");
    let text = format!("{}{}", &text[..at], text[at..].replacen("rating: △", "rating: 〇", 1));
    std::fs::write(dir.path().join("2008.yaml"), text).expect("write");
    let out = hyoka(&["check", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let file = dir.path().join("2008.yaml").display().to_string();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{file}:22:1: 全角スペースで字下げされています。字下げは半角スペースで書いてください（全角スペース1つは半角2つ分）。"
        )
    );
    assert!(lines[1].starts_with(&format!("{file}:22:5: 知らない項目名「memo」")), "{stderr}");
    assert_eq!(
        lines[2],
        format!(
            "{file}:56:17: 目標達成度「〇 (U+3007)」は「○」（U+25CB）に似ていますが、別の文字です。「○」に書き直してください。"
        )
    );
    assert_eq!(lines.len(), 4, "{stderr}");
    // Text that starts with a full-width space inside a block is text, not indentation.
    let text = std::fs::read_to_string("data/kamigyo/2008.yaml").expect("sample");
    let text = text.replacen("          ・「質の高い対応", "          　・「質の高い対応", 1);
    assert!(text.contains("\n          　・「質の高い対応"));
    std::fs::write(dir.path().join("2008.yaml"), text).expect("write");
    assert!(hyoka(&["check", dir.path().to_str().expect("utf-8 path")]).status.success());
}

#[test]
fn check_publishable_reports_what_the_published_table_would_refuse_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string("data/kamigyo/2008.yaml").expect("sample");
    let text = text.replacen("          - 親切・丁寧で、", "          - 親切・丁寧で、②", 1);
    std::fs::write(dir.path().join("2008.yaml"), text).expect("write");
    let path = dir.path().to_str().expect("utf-8 path");
    let plain = hyoka(&["check", path]);
    assert!(plain.status.success(), "valid YAML: the plain check passes");
    let out = hyoka(&["check", "--publishable", path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let file = dir.path().join("2008.yaml").display().to_string();
    assert!(
        stderr.starts_with(&format!("{file}:25:13: 区民部 まちづくり推進課の目標1: 丸数字「②」があります")),
        "{stderr}"
    );
    assert!(stderr.contains("公表用の表に書き出せないところが1か所"), "{stderr}");
    let sample = hyoka(&["check", "--publishable", "data"]);
    assert!(sample.status.success(), "the sample is publishable: {}", String::from_utf8_lossy(&sample.stderr));
}
