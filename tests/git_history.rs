//! The history of a data file and of one section, from real repositories: which commits, who,
//! which fields, the character diff, merges, unreadable versions, and a thousand commits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::Path;

use common::docs::{SAMPLE, read_doc, sample, section_mut, write};
use gitkit::{FILE, Sandbox, Version, canonical};
use hyoka::git::{Change, FileHistory, Repo, Scope, SpanKind};
use hyoka::model::{Document, Field};

fn scope(division: &str, section: &str) -> Scope {
    Scope::Section { division: division.into(), section: section.into() }
}

fn commit_as(sb: &Sandbox, top: &Path, author: &str, message: &str, edit: impl FnOnce(&mut Document)) {
    let (mut doc, _) = read_doc(&top.join(FILE));
    edit(&mut doc);
    write(&top.join(FILE), &canonical(&doc));
    sb.run_git(top, &["commit", "-qam", message, &format!("--author={author} <{author}@example.invalid>")]);
}

fn fields(history: &FileHistory, scope: &Scope) -> Vec<(String, Vec<Change>)> {
    history.entries_for(scope).map(|(_, e)| (e.commit.subject.clone(), e.changes.clone())).collect()
}

fn field(division: &str, section: &str, field: Field) -> Change {
    Change::Field { division: division.into(), section: section.into(), field }
}

fn a_sections_history_lists_the_commits_that_changed_it_newest_first_with_who_and_which_fields() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("履歴");
    commit_as(&sb, &top, "田中", "振り返り", |d| {
        section_mut(d, "区民部", "総務課").reflection = "新しい振り返り".into()
    });
    commit_as(&sb, &top, "鈴木", "衛生課", |d| section_mut(d, "保健部", "衛生課").progress = "進んだ".into());
    commit_as(&sb, &top, "田中", "評価", |d| {
        let s = section_mut(d, "区民部", "総務課");
        s.rating = Some("◎".into());
        s.goals.pop();
    });
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let mut history = FileHistory::open(&repo, &top.join(FILE)).unwrap();
    assert_eq!((history.total(), history.examined()), (4, 0), "the list is known, nothing read yet");
    let somu = scope("区民部", "総務課");
    history.fill(&somu, 10).unwrap();
    assert!(history.is_complete());
    let added = Change::Added { division: "区民部".into(), section: "総務課".into() };
    assert_eq!(
        fields(&history, &somu)[..2],
        [
            ("評価".into(), vec![field("区民部", "総務課", Field::Goals), field("区民部", "総務課", Field::Rating)]),
            ("振り返り".into(), vec![field("区民部", "総務課", Field::Reflection)]),
        ]
    );
    let all: Vec<_> = history.entries_for(&somu).collect();
    assert_eq!(all.len(), 3);
    assert!(all[2].1.changes.contains(&added), "the first commit added the section");
    assert_eq!(all[0].1.commit.author, "田中");
    assert_eq!(all[0].1.commit.time.map(|t| t.timestamp() > 0), Some(true));
    assert_eq!(history.entries_for(&Scope::File).count(), 4);
    assert_eq!(
        fields(&history, &scope("保健部", "衛生課"))[0],
        ("衛生課".into(), vec![field("保健部", "衛生課", Field::Progress)])
    );
}

fn a_selected_commit_shows_each_field_as_a_character_diff_with_the_old_section_to_put_back() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("差分");
    let old = sample().find_section("区民部", "総務課").unwrap().clone();
    let new_text = old.reflection.replacen("市民対応", "窓口対応", 1);
    commit_as(&sb, &top, "田中", "振り返り", |d| {
        section_mut(d, "区民部", "総務課").reflection = new_text.clone()
    });
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let mut history = FileHistory::open(&repo, &top.join(FILE)).unwrap();
    history.fill(&Scope::File, 1).unwrap();
    let diff = history.section_diff(0, "区民部", "総務課").expect("the commit changed the section");
    assert_eq!(diff.before.as_ref(), Some(&old), "the old section, to copy a field back exactly");
    assert_eq!(diff.fields.len(), 1);
    let f = &diff.fields[0];
    assert_eq!(
        (f.field, f.before.as_str(), f.after.as_str()),
        (Field::Reflection, old.reflection.as_str(), new_text.as_str())
    );
    let changed: Vec<(SpanKind, &str)> =
        f.spans.iter().filter(|s| s.kind != SpanKind::Same).map(|s| (s.kind, s.text.as_str())).collect();
    assert_eq!(changed, [(SpanKind::Removed, "市民"), (SpanKind::Added, "窓口")]);
    assert!(history.section_diff(0, "保健部", "衛生課").is_none());
    let whole = history.commit_diff(0).unwrap();
    assert_eq!((whole.head.len(), whole.sections.len()), (0, 1));
}

fn a_merge_lists_only_what_it_decided_and_the_branch_commits_keep_their_authors() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("合流");
    sb.run_git(&top, &["checkout", "-qb", "side"]);
    commit_as(&sb, &top, "市役所", "side", |d| section_mut(d, "区民部", "総務課").reflection = "市役所から".into());
    commit_as(&sb, &top, "市役所", "side2", |d| section_mut(d, "区民部", "市民税課").progress = "市役所の案".into());
    sb.run_git(&top, &["checkout", "-q", "main"]);
    commit_as(&sb, &top, "区役所", "main", |d| {
        section_mut(d, "保健部", "衛生課").rating = Some("◎".into());
        section_mut(d, "区民部", "市民税課").progress = "区役所の案".into();
    });
    let merge = sb.git_output(&top, &["merge", "-q", "side", "-m", "merge"]);
    assert!(!merge.status.success(), "the same field on both sides: a text conflict");
    let resolved = {
        let mut d = sample();
        section_mut(&mut d, "区民部", "総務課").reflection = "市役所から".into();
        section_mut(&mut d, "保健部", "衛生課").rating = Some("◎".into());
        section_mut(&mut d, "区民部", "市民税課").progress = "両方の案".into();
        d
    };
    write(&top.join(FILE), &canonical(&resolved));
    sb.run_git(&top, &["commit", "-qam", "merge"]);

    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let mut history = FileHistory::open(&repo, &top.join(FILE)).unwrap();
    history.fill(&Scope::File, 100).unwrap();
    let by_subject = |s: &str| history.entries().iter().find(|e| e.commit.subject == s).unwrap().clone();
    assert_eq!(by_subject("merge").changes, [field("区民部", "市民税課", Field::Progress)], "only the resolution");
    let somu: Vec<_> = history.entries_for(&scope("区民部", "総務課")).map(|(_, e)| e.commit.subject.clone()).collect();
    assert_eq!(somu, ["side", "sample"], "listed under the commit that made it, not the merge");
    assert_eq!(by_subject("side").commit.author, "市役所");
}

fn an_unreadable_version_is_marked_in_every_view() {
    let sb = Sandbox::new();
    let top = sb.repo_with_sample("壊れた版");
    write(&top.join(FILE), &SAMPLE.replace("organization:", "organisation:"));
    sb.run_git(&top, &["commit", "-qam", "broken"]);
    write(&top.join(FILE), &SAMPLE.replace("rating: ○", "rating: ◎"));
    sb.run_git(&top, &["commit", "-qam", "fixed"]);
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let mut history = FileHistory::open(&repo, &top.join(FILE)).unwrap();
    history.fill(&Scope::File, 10).unwrap();
    let flags: Vec<(String, bool)> =
        history.entries().iter().map(|e| (e.commit.subject.clone(), e.unreadable)).collect();
    assert_eq!(flags, [("fixed".into(), true), ("broken".into(), true), ("sample".into(), false)]);
    let shown: Vec<_> =
        history.entries_for(&scope("保健部", "衛生課")).map(|(_, e)| e.commit.subject.clone()).collect();
    assert_eq!(shown, ["fixed", "broken", "sample"], "shown, since nobody can tell");
}

/// A thousand commits, each changing the reflection of one of the eleven sections in turn.
fn thousand(sb: &Sandbox) -> std::path::PathBuf {
    let base = sample();
    let names: Vec<(String, String)> =
        base.divisions.iter().flat_map(|d| d.sections.iter().map(|s| (d.name.clone(), s.name.clone()))).collect();
    let mut doc = base.clone();
    let versions = (0..1000).map(|i| {
        let (d, s) = &names[i % names.len()];
        section_mut(&mut doc, d, s).reflection = format!("第{i}版の振り返り。");
        Version {
            author: format!("clerk{}", i % 7),
            time: 1_700_000_000 + i as i64 * 60,
            message: format!("v{i}"),
            text: canonical(&doc),
        }
    });
    sb.fast_import("千のコミット", versions.collect::<Vec<_>>())
}

fn the_first_page_of_a_thousand_commits_reads_only_what_it_shows() {
    let sb = Sandbox::new();
    let top = thousand(&sb);
    let repo = Repo::discover(&sb.git(), &top).unwrap();
    let started = std::time::Instant::now();
    let mut history = FileHistory::open(&repo, &top.join(FILE)).unwrap();
    let opened = started.elapsed();
    assert_eq!((history.total(), history.versions_parsed()), (1000, 0), "git log once; nothing parsed yet");
    history.fill(&Scope::File, 20).unwrap();
    let file_page = started.elapsed();
    assert!(history.examined() <= 32 && history.versions_parsed() <= 33, "{}", history.examined());
    let somu = scope("区民部", "総務課");
    history.fill(&somu, 20).unwrap();
    let section_page = started.elapsed();
    assert_eq!(history.entries_for(&somu).count(), 20);
    // One section in eleven: twenty entries need some 220 commits, and no more than a step past.
    assert!(history.examined() <= 20 * 11 + 16, "{}", history.examined());
    assert!(history.versions_parsed() <= history.examined() + 1);
    while history.step(64).unwrap() > 0 {}
    let all = started.elapsed();
    assert_eq!(history.entries_for(&somu).count(), 1000 / 11 + 1);
    eprintln!(
        "1000 commits: open (git log) {opened:?}; first page of the file {file_page:?}; of a section {section_page:?}; all {all:?}; {} versions parsed",
        history.versions_parsed()
    );
    // A new commit: the list is read again, and only the new version is parsed.
    commit_as(&sb, &top, "田中", "v1000", |d| section_mut(d, "区民部", "総務課").rating = Some("◎".into()));
    let parsed = history.versions_parsed();
    history.refresh().unwrap();
    history.fill(&somu, 5).unwrap();
    assert_eq!(history.versions_parsed(), parsed + 1);
    assert_eq!(history.entries()[0].commit.subject, "v1000");
}

outside_tests!(
    a_sections_history_lists_the_commits_that_changed_it_newest_first_with_who_and_which_fields,
    a_selected_commit_shows_each_field_as_a_character_diff_with_the_old_section_to_put_back,
    a_merge_lists_only_what_it_decided_and_the_branch_commits_keep_their_authors,
    an_unreadable_version_is_marked_in_every_view,
    the_first_page_of_a_thousand_commits_reads_only_what_it_shows,
);
