//! What a save checks before it writes: the exact bytes load back as the document meant (else
//! the fields are named and nothing is written), the path is still inside the data folder and a
//! plain file, nothing it opens can block, and a lock left by a dead process is taken over.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use common::docs::{SAMPLE, sample};
use common::tools::child_test;
use common::workspace::sample_folder;
use hyoka::i18n::Lang;
use hyoka::model::Field;
use hyoka::store::{Outcome, ProblemKind, RealDisk, SaveError, SaveRequest, TextDigest, emit_document, lock, save};

const CHILD: &str = "HYOKA_LOCK_HOLDER_CHILD";

/// Runs `f` on another thread; a call that blocks for good fails the test instead of hanging it.
fn returns<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(f());
    });
    receiver.recv_timeout(Duration::from_secs(30)).expect("the call blocked: no answer in 30 s")
}

#[test]
fn a_rating_whose_mark_was_removed_from_the_scale_meanwhile_is_refused_and_named() {
    let (dir, path) = sample_folder();
    let base = sample();
    // Someone removes × from the scale and saves …
    let mut theirs = base.clone();
    theirs.scale.as_mut().expect("the sample has a scale").retain(|g| g.mark != "×");
    let theirs_text = emit_document(&theirs);
    std::fs::write(&path, &theirs_text).expect("their save");
    // … while we rate 市民税課 ×.
    let mut mine = base.clone();
    mine.find_section_mut("区民部", "市民税課").expect("section").rating = Some("×".into());
    let request = SaveRequest {
        path: &path,
        root: dir.path(),
        base_digest: TextDigest::of(SAMPLE),
        base: &base,
        mine: &mine,
        reviewer: false,
    };
    let Ok(Outcome::Refused(refused)) = save(&request, &RealDisk) else { panic!("refused") };
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs_text, "nothing written");
    let [field] = &refused.fields[..] else { panic!("one field: {:?}", refused.fields) };
    assert_eq!((field.division.as_deref(), field.section.as_deref()), (Some("区民部"), Some("市民税課")));
    assert_eq!((field.key.as_str(), field.field), ("rating", Some(Field::Rating)));
    assert!(matches!(&field.problem, ProblemKind::RatingNotOnScale { mark, .. } if mark == "×"));
    assert_eq!(field.mine.as_ref().and_then(|s| s.rating.as_deref()), Some("×"));
    assert_eq!(field.theirs.as_ref().map(|s| s.name.as_str()), Some("市民税課"));
    assert!(
        field.describe(Lang::Ja).starts_with("区民部 市民税課 目標達成度: 目標達成度「×」は評価の区分にありません")
    );
    assert_eq!(refused.theirs.as_ref(), Some(&theirs));
    assert!(field.describe(Lang::En).contains("市民税課 rating: the rating '×' is not on the scale"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs_text);
}

#[test]
fn a_data_file_replaced_by_a_named_pipe_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("2008.yaml");
    let base = sample();
    let mut mine = base.clone();
    mine.find_section_mut("区民部", "総務課").expect("section").rating = Some("◎".into());
    assert!(Command::new("mkfifo").arg(&path).status().expect("mkfifo").success());
    let (p, root) = (path.clone(), dir.path().to_path_buf());
    let result = returns(move || {
        let request = SaveRequest {
            path: &p,
            root: &root,
            base_digest: TextDigest::of(SAMPLE),
            base: &base,
            mine: &mine,
            reviewer: false,
        };
        save(&request, &RealDisk).map(|_| ())
    });
    assert!(matches!(result, Err(SaveError::NotAFile("fifo"))), "{result:?}");
    let entries: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").flatten().map(|e| e.file_name()).collect();
    assert_eq!(entries, ["2008.yaml"], "no lock file left behind");
    // Reading it while open, and asking whether it is writable, return at once too.
    let p = path.clone();
    assert!(returns(move || hyoka::store::read_data_file(&p)).is_err());
    let p = path.clone();
    assert!(!returns(move || hyoka::store::is_writable(&p)));
}

#[test]
fn a_lock_file_replaced_by_a_named_pipe_or_a_link_is_refused_without_blocking() {
    let (dir, path) = sample_folder();
    let lock_file = dir.path().join(".2008.yaml.lock");
    assert!(Command::new("mkfifo").arg(&lock_file).status().expect("mkfifo").success());
    let p = path.clone();
    assert!(returns(move || lock(&p, Duration::ZERO)).is_err());
    std::fs::remove_file(&lock_file).expect("rm");
    let elsewhere = dir.path().join("elsewhere");
    std::os::unix::fs::symlink(&elsewhere, &lock_file).expect("link");
    assert!(lock(&path, Duration::ZERO).is_err());
    assert!(!elsewhere.exists(), "no file created through the link");
}

/// Not a test of its own: the child process, holding the lock until it is killed.
#[test]
fn child_holding_the_lock() {
    let Some(path) = std::env::var_os(CHILD) else { return };
    let _held = lock(Path::new(&path), Duration::ZERO).expect("the child locks");
    println!("locked");
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

#[test]
fn a_lock_held_by_a_process_that_no_longer_runs_is_taken_over() {
    let (dir, path) = sample_folder();
    let mut child = child_test("child_holding_the_lock", CHILD, &path);
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let took = lines.any(|l| l.is_ok_and(|l| l.contains("locked")));
    let held = lock(&path, Duration::ZERO).is_err();
    child.kill().expect("kill -9");
    child.wait().expect("reap");
    assert!(took && held, "the child took the lock ({took}) and held it while it ran ({held})");
    assert!(dir.path().join(".2008.yaml.lock").exists(), "the dead process left its lock file");
    let taken = lock(&path, Duration::from_secs(5));
    assert!(taken.is_ok(), "{taken:?}");
}

#[test]
fn a_data_file_replaced_by_a_link_out_of_the_data_folder_is_not_written_through() {
    let outside = tempfile::tempdir().expect("outside");
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, SAMPLE).expect("write");
    let root = tempfile::tempdir().expect("data");
    let folder = root.path().join("kamigyo");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("2008.yaml");
    std::fs::write(&path, SAMPLE).expect("write");
    let base = sample();
    let mut mine = base.clone();
    mine.find_section_mut("区民部", "総務課").expect("section").reflection = "（追記）".into();
    let request = SaveRequest {
        path: &path,
        root: root.path(),
        base_digest: TextDigest::of(SAMPLE),
        base: &base,
        mine: &mine,
        reviewer: false,
    };

    // The file itself becomes a link out …
    std::fs::remove_file(&path).expect("rm");
    std::os::unix::fs::symlink(&secret, &path).expect("link");
    let result = save(&request, &RealDisk);
    assert!(matches!(&result, Err(SaveError::LinkOutside(t)) if t.ends_with("secret.yaml")), "{result:?}");
    assert!(result.expect_err("refused").describe(&path, Lang::Ja).contains("データのフォルダの外"));
    // … or its folder does.
    std::fs::remove_file(&path).expect("rm");
    std::fs::remove_dir(&folder).expect("rmdir");
    std::os::unix::fs::symlink(outside.path(), &folder).expect("link the folder");
    let result = save(&request, &RealDisk);
    assert!(matches!(&result, Err(SaveError::LinkOutside(_))), "{result:?}");
    assert_eq!(std::fs::read_to_string(&secret).expect("read"), SAMPLE, "the outside file is untouched");

    // A link that stays inside the data folder is written through, as before.
    std::fs::remove_file(&folder).expect("rm link");
    std::fs::create_dir(&folder).expect("mkdir");
    let real = root.path().join("real.yaml");
    std::fs::write(&real, SAMPLE).expect("write");
    std::os::unix::fs::symlink(&real, &path).expect("link inside");
    assert!(matches!(save(&request, &RealDisk), Ok(Outcome::Saved(_))));
    assert!(std::fs::read_to_string(&real).expect("read").contains("（追記）"));
}

/// Both directions of "removed here, changed there" are named by the save: a section we removed
/// that someone changed meanwhile is kept with their change, and said; a value of the head both
/// changed differently is refused once, with its name.
#[test]
fn a_section_we_removed_that_they_changed_is_kept_and_named_and_a_head_both_changed_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("2008.yaml");
    let base = sample();
    let mut theirs = base.clone();
    theirs.find_section_mut("区民部", "納税課").expect("section").reflection = "相手の追記".into();
    theirs.stage = Some(hyoka::model::Stage::Midyear);
    std::fs::write(&path, emit_document(&theirs)).expect("their save");
    let mut mine = base.clone();
    mine.divisions[0].sections.retain(|s| s.name != "納税課");
    let request = SaveRequest {
        path: &path,
        root: dir.path(),
        base_digest: TextDigest::of(SAMPLE),
        base: &base,
        mine: &mine,
        reviewer: false,
    };
    let Ok(Outcome::Saved(saved)) = save(&request, &RealDisk) else { panic!("saved") };
    assert_eq!(saved.kept, ["区民部 納税課"]);
    assert_eq!(saved.doc.find_section("区民部", "納税課").map(|s| s.reflection.as_str()), Some("相手の追記"));
    let mut moved_on = mine.clone();
    moved_on.stage = Some(hyoka::model::Stage::Yearend);
    let on_disk = std::fs::read_to_string(&path).expect("read");
    let request = SaveRequest { mine: &moved_on, ..request };
    let Ok(Outcome::Refused(refused)) = save(&request, &RealDisk) else { panic!("refused") };
    assert_eq!(std::fs::read_to_string(&path).expect("read"), on_disk, "nothing written");
    let said = refused.fields[0].describe(Lang::Ja);
    assert!(said.contains("年度の段階") && said.contains("他の人が同時に別の値に変えました"), "{said}");
}
