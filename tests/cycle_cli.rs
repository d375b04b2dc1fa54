//! The cycle's keys in the YAML and on the command line: `hyoka check` names a stage, a status or a
//! review out of place by line and column; goals written as `{ text, rating }` load and keep their
//! layout; `hyoka new-year` writes next year's file, across a change of era, and never over one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::path::Path;

use common::cli::{hyoka, text};
use common::docs::SAMPLE;

use hyoka::model::{Stage, Status};
use hyoka::store::{parse_document, rewrite};

const BROKEN: &str = "\
organization: 上京区役所
fiscal_year: 2026
stage: midyaer
divisions:
  - name: 区民部
    sections:
      - name: 総務課
        status: submited
      - name: 納税課
        status: approved
      - name: 衛生課
        review:
          by: suzuki
          at: 2026-11-26T10:00:00+09:00
      - name: 市民課
        status: returned
        review: { by: suzuki, at: 2026-11-26T10:00:00+09:00 }
      - name: 福祉課
        goals:
          - { text: 一つ目, rating: ☆ }
";

#[test]
fn check_names_every_key_of_the_cycle_out_of_place_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026.yaml");
    std::fs::write(&path, BROKEN).unwrap();
    let out = hyoka(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let at = |line: u32, column: u32| format!("{}:{line}:{column}: ", path.display());
    for (line, column, words) in [
        (3, 8, "stage「midyaer」は年度の段階ではありません"),
        (8, 17, "status「submited」は提出状況ではありません"),
        (10, 17, "status: approved（承認済み）には、誰がいつ審査したかを書いた review"),
        (13, 11, "「衛生課」は提出されていない"),
        (17, 17, "差戻し（status: returned）の review には、直してほしいことを書いた comment が要ります"),
        (20, 34, "目標達成度「☆」は評価の区分にありません"),
    ] {
        let expected = format!("{}{words}", at(line, column));
        assert!(err.lines().any(|l| l.starts_with(&expected)), "{expected}\n---\n{err}");
    }
    // In English too, and the same places.
    let out = hyoka(&["--lang", "en", "check", path.to_str().unwrap()]);
    assert!(
        text(&out.stderr)
            .contains(":8:17: status 'submited' is not a status; use draft, submitted, approved or returned.")
    );
}

#[test]
fn status_and_review_belong_to_a_section_and_stage_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2008.yaml");
    std::fs::write(&path, SAMPLE.replacen("checkpoint:", "status: submitted\ncheckpoint:", 1)).unwrap();
    let err = text(&hyoka(&["check", path.to_str().unwrap()]).stderr);
    assert!(err.contains(":3:1: 知らない項目名「status」があります") && err.contains("stage"), "{err}");
    std::fs::write(&path, SAMPLE.replacen("        rating: ○\n", "        rating: ○\n        stage: goals\n", 1))
        .unwrap();
    let err = text(&hyoka(&["check", path.to_str().unwrap()]).stderr);
    assert!(err.contains(":22:9: 知らない項目名「stage」があります"), "{err}");
}

#[test]
fn goals_with_their_marks_load_and_a_change_elsewhere_keeps_the_way_they_were_written() {
    let written = SAMPLE.replacen(
        "          - 笑顔で、質の高い対応をこころがけ、クレームをゼロにします。\n",
        "          - { text: 笑顔で、質の高い対応をこころがけ、クレームをゼロにします。, rating: ◎ }   # 課長確認済み\n",
        1,
    );
    let doc = parse_document(&written).unwrap();
    let somu = doc.section(0, 0).unwrap();
    assert_eq!((somu.goal_rating(0), somu.goal_rating(1)), (Some("◎"), None));
    let mut changed = doc.clone();
    changed.section_mut(0, 0).unwrap().status = Status::Submitted;
    changed.stage = Some(Stage::Yearend);
    let (text, kept) = rewrite(Some((&written, &doc)), &changed);
    assert!(kept);
    assert!(text.contains("rating: ◎ }   # 課長確認済み\n"), "the goal's line as written:\n{text}");
    assert!(text.starts_with("organization: 上京区役所\nfiscal_year: 2008\nstage: yearend\ncheckpoint:"), "{text}");
    assert_eq!(parse_document(&text).unwrap(), changed);
    // Plain goals stay plain, byte for byte: the sample is written back as it is.
    let sample = parse_document(SAMPLE).unwrap();
    assert_eq!(hyoka::store::emit_document(&sample), SAMPLE);
}

#[test]
fn new_year_writes_next_years_file_beside_this_ones_and_never_over_another() {
    let dir = tempfile::tempdir().unwrap();
    let this = dir.path().join("2008.yaml");
    std::fs::write(&this, SAMPLE).unwrap();
    let out = hyoka(&["new-year", this.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("上京区役所 平成21年度 を作りました"), "{}", text(&out.stdout));
    let next = dir.path().join("2009.yaml");
    let written = std::fs::read_to_string(&next).unwrap();
    let doc = parse_document(&written).unwrap();
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.checkpoint.map(|d| d.to_string())),
        (2009, Some(Stage::Goals), Some("2009-11-30".into()))
    );
    assert!(doc.preface.unwrap().starts_with("～平成21年度、上京区役所では"));
    assert!(doc.divisions.iter().flat_map(|d| &d.sections).all(|s| s.goals.is_empty() && s.progress.is_empty()));
    assert_eq!(doc.divisions.iter().map(|d| d.sections.len()).sum::<usize>(), 11, "every section of the sample");
    assert_eq!(std::fs::read_to_string(&this).unwrap(), SAMPLE, "this year's file is untouched");

    let again = hyoka(&["new-year", "--keep-goals", this.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("2009.yaml はもうあります。上書きはしません。"), "{}", text(&again.stderr));
    assert_eq!(std::fs::read_to_string(&next).unwrap(), written, "not written over");

    // Another name for the same year is refused too.
    let other = dir.path().join("上京-2009-2.yaml");
    let named = hyoka(&["new-year", this.to_str().unwrap(), "-o", other.to_str().unwrap()]);
    assert_eq!(named.status.code(), Some(1));
    assert!(text(&named.stderr).contains("その年度は"), "{}", text(&named.stderr));
    assert!(!other.exists());
}

#[test]
fn across_the_change_of_era_heisei_31_becomes_reiwa_gannen_and_goals_come_over_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let this = dir.path().join("kamigyo-2018.yaml");
    let text_2018 = SAMPLE
        .replace("fiscal_year: 2008", "fiscal_year: 2018")
        .replace("平成20年度", "平成30年度")
        .replace("checkpoint: 2008-11-30", "checkpoint: 2019-02-28");
    std::fs::write(&this, text_2018).unwrap();
    let out = hyoka(&["new-year", "--keep-goals", this.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("上京区役所 令和元年度 を作りました"), "{}", text(&out.stdout));
    let doc = parse_document(&std::fs::read_to_string(dir.path().join("kamigyo-2019.yaml")).unwrap()).unwrap();
    assert!(doc.preface.as_deref().unwrap().starts_with("～令和元年度、"), "{:?}", doc.preface);
    assert_eq!(doc.checkpoint.map(|d| d.to_string()), Some("2020-02-29".into()), "a month's end stays its end");
    let somu = doc.section(0, 0).unwrap();
    assert_eq!(somu.goals.len(), 2);
    assert!(somu.rating.is_none() && somu.reflection.is_empty());
}

#[test]
fn a_file_without_a_year_in_its_name_needs_a_name_and_a_broken_one_is_not_carried_on() {
    let dir = tempfile::tempdir().unwrap();
    let this = dir.path().join("kamigyo.yaml");
    std::fs::write(&this, SAMPLE).unwrap();
    let out = hyoka(&["new-year", this.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("-o 新しいファイル"), "{}", text(&out.stderr));
    let broken = dir.path().join("2008.yaml");
    std::fs::write(&broken, "organization: 上京区役所\nfiscal_year: [2008]\ndivisions: []\n").unwrap();
    let out = hyoka(&["new-year", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("2008.yaml:2:"), "{}", text(&out.stderr));
    assert!(!Path::new(&dir.path().join("2009.yaml")).exists());
}

#[test]
fn every_export_writes_the_goals_own_marks_as_the_tables_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = parse_document(SAMPLE).unwrap();
    let somu = doc.section_mut(0, 0).unwrap();
    somu.set_goal_rating(0, Some("○".into()));
    somu.set_goal_rating(1, Some("◎".into()));
    let path = dir.path().join("2008.yaml");
    std::fs::write(&path, hyoka::store::emit_document(&doc)).unwrap();
    for (format, expected) in [
        ("tsv", "\t○ ①○ ②◎\t"),
        ("csv", ",○ ①○ ②◎,"),
        ("md", "| ○ ほぼ達成できた<br>①○ ②◎ |"),
        ("html", ">○<div class=\"goal-marks\">①○ ②◎</div></td>"),
    ] {
        let out = dir.path().join(format!("out.{format}"));
        let run = hyoka(&["export", "--format", format, path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(written.contains(expected), "{format}: {expected}\n{written}");
    }
}

#[test]
fn importing_a_mark_for_a_goal_the_row_does_not_have_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = parse_document(SAMPLE).unwrap();
    doc.section_mut(0, 0).unwrap().set_goal_rating(1, Some("◎".into()));
    let yaml = dir.path().join("2008.yaml");
    std::fs::write(&yaml, hyoka::store::emit_document(&doc)).unwrap();
    let table = dir.path().join("2008.tsv");
    let run = hyoka(&["export", "--format", "tsv", yaml.to_str().unwrap(), "-o", table.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let exported = std::fs::read_to_string(&table).unwrap();
    assert!(exported.contains("\t○ ②◎\t"), "{exported}");
    // Read back as it was written, look-alike marks included (〇 for ○, as some input methods give).
    let look_alike = exported.replace("\t○ ②◎\t", "\t〇 ②◎\t");
    std::fs::write(&table, &look_alike).unwrap();
    let back = hyoka(&["import", "--dry-run", table.to_str().unwrap()]);
    assert_eq!(back.status.code(), Some(0), "{}", text(&back.stderr));
    assert!(text(&back.stdout).contains("          - text: 区民の皆様への"), "{}", text(&back.stdout));
    std::fs::write(&table, exported.replace("\t○ ②◎\t", "\t○ ④◎\t")).unwrap();
    let refused = hyoka(&["import", "--dry-run", table.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let err = text(&refused.stderr);
    assert!(err.contains("「④」の目標の評価がありますが、この課の目標は2つです"), "{err}");
    assert!(err.contains("2008.tsv:"), "the place is named: {err}");
}
