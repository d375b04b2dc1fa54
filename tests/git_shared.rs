//! The README's "shared repository, step by step", done with real git: a bare repository on the
//! office server, a ward office's clone and the city hall's, edits through hyoka's own save with
//! commit on save, push and pull, a merge by field, a conflict recorded by the driver and decided
//! through the library, and the final file checked byte for byte everywhere.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod gitkit;

use std::path::Path;

use chrono::DateTime;
use gitkit::{DATA, FILE, SAMPLE, Sandbox, canonical, sample, save_with, section_mut, write};
use hyoka::git::{AutoCommit, CommitOutcome, CommitReport, Repo, mark_resolved, pending_merge};
use hyoka::i18n::Lang;
use hyoka::model::{Document, Field, Section};
use hyoka::store::{Outcome, RealDisk, SaveRequest, TextDigest, save};

/// What the screen does when it saves: the change, and the section's stamp.
fn stamped(section: &mut Section, who: &str, at: &str) {
    section.updated_by = Some(who.into());
    section.updated = Some(DateTime::parse_from_rfc3339(at).unwrap());
}

/// A save through the store, then the commit the worker makes after it.
fn save_and_commit(sb: &Sandbox, top: &Path, who: &str, edit: impl FnOnce(&mut Document)) {
    let file = top.join(FILE);
    save_with(&file, edit);
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(&[file], who, Lang::Ja);
    assert!(
        matches!(&reports[..], [CommitReport::Done { outcome: CommitOutcome::Committed { .. }, .. }]),
        "{reports:?}"
    );
}

#[test]
fn two_offices_share_one_repository_through_the_office_server() {
    let Some(sb) = Sandbox::new() else { return };
    // On the office server: a bare repository.
    let server = sb.path("サーバー/評価 データ.git");
    std::fs::create_dir_all(&server).unwrap();
    sb.run_git(&server, &["init", "-q", "--bare", "--shared=group", "--initial-branch=main"]);

    // The ward office clones it, adds the data, sets hyoka up, and pushes.
    let kamigyo = sb.path("上京区役所");
    sb.run_git(sb.dir.path(), &["clone", "-q", server.to_str().unwrap(), "上京区役所"]);
    write(&kamigyo.join(FILE), SAMPLE);
    assert!(sb.hyoka(&kamigyo, &["git-setup", DATA]).status.success());
    sb.run_git(&kamigyo, &["add", "-A"]);
    sb.run_git(&kamigyo, &["commit", "-qm", "上京区役所 平成20年度"]);
    sb.run_git(&kamigyo, &["push", "-q", "-u", "origin", "main"]);

    // The city hall clones it and sets its clone up too (config and hooks do not travel).
    let city = sb.path("市役所 企画課");
    sb.run_git(sb.dir.path(), &["clone", "-q", server.to_str().unwrap(), "市役所 企画課"]);
    let setup = sb.hyoka(&city, &["git-setup", DATA, "--lang", "en"]);
    assert!(String::from_utf8_lossy(&setup.stdout).contains("already there: the merge driver attribute"));
    for top in [&kamigyo, &city] {
        sb.run_git(top, &["config", "pull.rebase", "false"]);
    }

    // Both change the same section, different fields: merged by field on pull.
    save_and_commit(&sb, &kamigyo, "kumin01", |d| {
        let s = section_mut(d, "区民部", "総務課");
        s.reflection = "ホームページのアクセス件数は4%増えた。".into();
        stamped(s, "kumin01", "2009-03-10T09:00:00+09:00");
    });
    sb.run_git(&kamigyo, &["push", "-q"]);
    save_and_commit(&sb, &city, "kikaku02", |d| {
        let s = section_mut(d, "区民部", "総務課");
        s.rating = Some("◎".into());
        stamped(s, "kikaku02", "2009-03-11T10:00:00+09:00");
    });
    let pull = sb.git_output(&city, &["pull", "-q", "--no-edit"]);
    assert!(pull.status.success(), "merged by field: {}", String::from_utf8_lossy(&pull.stderr));
    sb.run_git(&city, &["push", "-q"]);

    // Then both change the same field: the pull stops, the driver records it.
    save_and_commit(&sb, &kamigyo, "kumin01", |d| {
        let s = section_mut(d, "保健部", "衛生課");
        s.progress = "案内表示を改善した。".into();
        stamped(s, "kumin01", "2009-03-12T09:00:00+09:00");
    });
    save_and_commit(&sb, &city, "kikaku02", |d| {
        let s = section_mut(d, "保健部", "衛生課");
        s.progress = "アンケート結果を公表した。".into();
        stamped(s, "kikaku02", "2009-03-12T11:00:00+09:00");
    });
    sb.run_git(&city, &["push", "-q"]);
    let pull = sb.git_output(&kamigyo, &["pull", "-q", "--no-edit"]);
    assert!(!pull.status.success(), "the same field on both sides stops the merge");

    // hyoka opens the file, shows the conflict, the clerk edits both together and saves.
    let file = kamigyo.join(FILE);
    let repo = Repo::discover(&sb.git(), &kamigyo).unwrap();
    let pending = pending_merge(&repo, &file).unwrap().expect("the conflict is found");
    let [conflict] = pending.conflicts.as_slice() else { panic!("{:?}", pending.conflicts) };
    assert_eq!((conflict.field, conflict.their_by.as_deref()), (Field::Progress, Some("kikaku02")));
    let mut decided = pending.doc.clone();
    let s = section_mut(&mut decided, "保健部", "衛生課");
    Field::Progress.set_text(s, &format!("{}\n{}", conflict.mine, conflict.theirs));
    stamped(s, "kumin01", "2009-03-12T13:00:00+09:00");
    let saved = save(
        &SaveRequest {
            path: &file,
            root: &file,
            base_digest: TextDigest::of(&pending.text),
            base: &pending.doc,
            mine: &decided,
        },
        &RealDisk,
    )
    .unwrap();
    assert!(matches!(saved, Outcome::Saved(_)));
    let reports = AutoCommit::with_git(Some(sb.git())).after_save(std::slice::from_ref(&file), "kumin01", Lang::Ja);
    assert!(matches!(&reports[..], [CommitReport::Done { outcome: CommitOutcome::Busy(_), .. }]), "{reports:?}");
    assert!(mark_resolved(&repo, &file).unwrap().remaining.is_empty());
    sb.run_git(&kamigyo, &["commit", "-q", "--no-edit"]);
    sb.run_git(&kamigyo, &["push", "-q"]);
    sb.run_git(&city, &["pull", "-q", "--no-edit"]);

    let expected = {
        let mut d = sample();
        let s = section_mut(&mut d, "区民部", "総務課");
        s.reflection = "ホームページのアクセス件数は4%増えた。".into();
        s.rating = Some("◎".into());
        stamped(s, "kikaku02", "2009-03-11T10:00:00+09:00");
        let s = section_mut(&mut d, "保健部", "衛生課");
        s.progress = "案内表示を改善した。\nアンケート結果を公表した。".into();
        stamped(s, "kumin01", "2009-03-12T13:00:00+09:00");
        canonical(&d)
    };
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    assert_eq!(std::fs::read_to_string(city.join(FILE)).unwrap(), expected);
    assert_eq!(sb.run_git(&server, &["show", &format!("main:{FILE}")]), expected);
    for top in [&kamigyo, &city] {
        assert_eq!(sb.run_git(top, &["status", "--porcelain", "--ignored"]), "", "clean, nothing stray");
    }
    let log = sb.run_git(&server, &["log", "--format=%an|%s", "--no-merges"]);
    assert!(log.contains("試験 太郎|上京区役所 平成20年度 保健部 衛生課: 取組状況\n"), "{log}");
    assert!(log.contains("|上京区役所 平成20年度 区民部 総務課: 目標達成度\n"), "{log}");
}
