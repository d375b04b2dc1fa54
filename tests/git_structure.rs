//! Merges that keep the table's shape, through real `git merge` and `git pull` with hyoka's
//! driver: a division or a section renamed on one side takes the other side's edit and keeps its
//! place, a removal against a change is said in either direction, and our comments and layout stay.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;
mod gitkit;

use common::outside;
use std::path::{Path, PathBuf};

use common::docs::{SAMPLE, read_doc, section_mut, write};
use gitkit::{DATA, FILE, Sandbox, canonical};
use hyoka::model::Document;

/// `git-setup` done, then `side` and `main` each commit one edit of the file as a text edit.
fn diverged(sb: &Sandbox, name: &str, ours: impl Fn(&str) -> String, theirs: impl Fn(&str) -> String) -> PathBuf {
    let top = sb.repo_with_sample(name);
    assert!(sb.hyoka(&top, &["git-setup", DATA]).status.success());
    sb.run_git(&top, &["add", "-A"]);
    sb.run_git(&top, &["commit", "-qm", "hyoka git-setup"]);
    sb.run_git(&top, &["checkout", "-qb", "side"]);
    let file = top.join(FILE);
    write(&file, &theirs(&std::fs::read_to_string(&file).unwrap()));
    sb.run_git(&top, &["commit", "-qam", "theirs"]);
    sb.run_git(&top, &["checkout", "-q", "main"]);
    write(&file, &ours(&std::fs::read_to_string(&file).unwrap()));
    sb.run_git(&top, &["commit", "-qam", "ours"]);
    top
}

fn doc_edit(edit: impl Fn(&mut Document)) -> impl Fn(&str) -> String {
    move |text| {
        let mut doc = hyoka::store::parse_document(text).unwrap();
        edit(&mut doc);
        canonical(&doc)
    }
}

fn merge(sb: &Sandbox, top: &Path) -> (bool, String) {
    let out = sb.git_output(top, &["merge", "side", "-m", "merge"]);
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout))
}

fn names(doc: &Document) -> Vec<String> {
    doc.divisions.iter().flat_map(|d| d.sections.iter().map(move |s| format!("{} {}", d.name, s.name))).collect()
}

fn rename_division(text: &str) -> String {
    text.replacen("  - name: 区民部\n", "  - name: 市民部\n", 1)
}

fn edit_somu(d: &mut Document) {
    section_mut(d, "区民部", "総務課").progress = "別の支所で書き直した取組状況".into();
}

fn a_division_renamed_on_one_side_takes_the_edit_of_the_other_in_either_direction() {
    let sb = Sandbox::new();
    let expected: Vec<String> =
        names(&common::docs::sample()).into_iter().map(|n| n.replacen("区民部 ", "市民部 ", 1)).collect();
    for (name, ours_renames) in [("部の名前 こちら", true), ("部の名前 相手", false)] {
        type Edit = Box<dyn Fn(&str) -> String>;
        let (ours, theirs): (Edit, Edit) = if ours_renames {
            (Box::new(rename_division), Box::new(doc_edit(edit_somu)))
        } else {
            (Box::new(doc_edit(edit_somu)), Box::new(rename_division))
        };
        let top = diverged(&sb, name, ours, theirs);
        let (clean, said) = merge(&sb, &top);
        assert!(clean, "{said}");
        let (doc, _) = read_doc(&top.join(FILE));
        assert_eq!(names(&doc), expected, "one division, renamed, in its place");
        assert_eq!(doc.find_section("市民部", "総務課").unwrap().progress, "別の支所で書き直した取組状況");
    }
}

fn a_section_renamed_in_place_stays_in_place_through_a_pull() {
    let sb = Sandbox::new();
    let server = sb.path("サーバー.git");
    std::fs::create_dir_all(&server).unwrap();
    sb.run_git(&server, &["init", "-q", "--bare"]);
    let a = sb.repo_with_sample("区役所");
    assert!(sb.hyoka(&a, &["git-setup", DATA]).status.success());
    sb.run_git(&a, &["add", "-A"]);
    sb.run_git(&a, &["commit", "-qm", "setup"]);
    sb.run_git(&a, &["remote", "add", "origin", server.to_str().unwrap()]);
    sb.run_git(&a, &["push", "-q", "-u", "origin", "main"]);
    let b = sb.path("市役所");
    sb.run_git(&sb.path(""), &["clone", "-q", server.to_str().unwrap(), "市役所"]);
    assert!(sb.hyoka(&b, &["git-setup", DATA]).status.success());
    for top in [&a, &b] {
        sb.run_git(top, &["config", "pull.rebase", "false"]);
    }
    let file_a = a.join(FILE);
    write(&file_a, &std::fs::read_to_string(&file_a).unwrap().replacen("- name: 納税課\n", "- name: 税務課\n", 1));
    sb.run_git(&a, &["commit", "-qam", "納税課 → 税務課"]);
    sb.run_git(&a, &["push", "-q"]);
    let file_b = b.join(FILE);
    let mut doc = read_doc(&file_b).0;
    section_mut(&mut doc, "区民部", "納税課").rating = Some("◎".into());
    write(&file_b, &canonical(&doc));
    sb.run_git(&b, &["commit", "-qam", "納税課 ◎"]);
    let pull = sb.git_output(&b, &["pull", "-q", "--no-edit"]);
    assert!(pull.status.success(), "{}", String::from_utf8_lossy(&pull.stderr));
    let expected: Vec<String> =
        names(&common::docs::sample()).into_iter().map(|n| n.replace("納税課", "税務課")).collect();
    let (merged, _) = read_doc(&file_b);
    assert_eq!(names(&merged), expected, "税務課 where 納税課 stood");
    assert_eq!(merged.find_section("区民部", "税務課").unwrap().rating.as_deref(), Some("◎"));
}

fn a_removal_against_a_change_is_said_in_either_direction() {
    let sb = Sandbox::new();
    let remove = doc_edit(|d| d.divisions[0].sections.retain(|s| s.name != "納税課"));
    let change = doc_edit(|d| section_mut(d, "区民部", "納税課").reflection = "滞納整理を進めた。".into());
    for (name, we_remove) in [("削除 こちら", true), ("削除 相手", false)] {
        let top = if we_remove { diverged(&sb, name, &remove, &change) } else { diverged(&sb, name, &change, &remove) };
        let (clean, said) = merge(&sb, &top);
        assert!(clean, "nothing lost, nothing asked of git: {said}");
        let (doc, _) = read_doc(&top.join(FILE));
        assert_eq!(doc.find_section("区民部", "納税課").unwrap().reflection, "滞納整理を進めた。");
        let expected = if we_remove {
            "こちらで削除し、相手の側で変更された課"
        } else {
            "相手の側で削除され、こちらで変更された課"
        };
        assert!(said.contains(expected) && said.contains("区民部 納税課"), "{name}: {said}");
    }
}

fn our_comments_and_layout_stay_when_their_change_comes_in() {
    let sb = Sandbox::new();
    let ours = |text: &str| {
        text.replacen("divisions:\n", "# 令和元年度に見直し予定\ndivisions:\n", 1).replacen(
            "  - name: 福祉部\n",
            "\n  # 福祉部は4月に再編\n  - name: 福祉部\n",
            1,
        )
    };
    let theirs = doc_edit(|d| section_mut(d, "保健部", "衛生課").rating = Some("△".into()));
    let top = diverged(&sb, "コメント", ours, &theirs);
    let (clean, said) = merge(&sb, &top);
    assert!(clean, "{said}");
    let text = std::fs::read_to_string(top.join(FILE)).unwrap();
    let before_rating = theirs(SAMPLE);
    let expected = ours(&before_rating);
    assert_eq!(text, expected, "our comments and blank line, their rating, nothing else");
}

outside_tests!(
    a_division_renamed_on_one_side_takes_the_edit_of_the_other_in_either_direction,
    a_section_renamed_in_place_stays_in_place_through_a_pull,
    a_removal_against_a_change_is_said_in_either_direction,
    our_comments_and_layout_stay_when_their_change_comes_in,
);
