//! Splices checked byte for byte on small hand-formatted files.

use super::*;
use crate::store::parse::parse_document;

const HAND: &str = "\
organization: 上京区役所
fiscal_year: 2008
# 令和元年度に見直し予定
divisions:
  - name: 区民部
    sections:
      # 担当: 窓口係
      - name: 総務課
        goals:
          - 笑顔で  # first
          # between goals
          - 'second'
        progress: |-
          ・一
          ・二
        rating: ○   # hand
        reflection: 'quoted by hand'

      - name: 市民課
        rating: ◎
";

fn edited(change: impl FnOnce(&mut Document)) -> (Document, String) {
    let old = parse_document(HAND).unwrap_or_else(|p| panic!("{p:?}"));
    let mut new = old.clone();
    change(&mut new);
    let text = splice(HAND, &old, &new).unwrap_or_else(|| panic!("splices"));
    assert_eq!(parse_document(&text).ok().as_ref(), Some(&new), "{text}");
    (new, text)
}

fn section(doc: &mut Document, i: usize) -> &mut Section {
    doc.section_mut(0, i).unwrap_or_else(|| panic!("section {i}"))
}

#[test]
fn one_rating_changes_one_line_and_keeps_its_comment() {
    let (_, text) = edited(|d| section(d, 0).rating = Some("◎".into()));
    assert_eq!(text, HAND.replace("rating: ○   # hand", "rating: ◎   # hand"));
}

#[test]
fn a_new_field_goes_after_the_one_before_it_in_hyoka_order() {
    let (_, text) = edited(|d| section(d, 1).progress = "新しい\n二行".into());
    let expected = HAND.replace(
        "      - name: 市民課\n",
        "      - name: 市民課\n        progress: |-\n          新しい\n          二行\n",
    );
    assert_eq!(text, expected);
}

#[test]
fn a_removed_goal_goes_and_the_comments_around_it_stay() {
    let (_, text) = edited(|d| {
        section(d, 0).goals.remove(0);
    });
    let expected = HAND.replace("          - 笑顔で  # first\n", "          # first\n");
    assert_eq!(text, expected);
}

#[test]
fn a_new_goal_and_a_new_section_are_written_in_canonical_form_at_their_place() {
    let (_, text) = edited(|d| {
        section(d, 0).goals.insert(1, "=".into());
        d.divisions[0].sections.insert(1, Section { rating: Some("△".into()), ..Section::new("新設課") });
    });
    let expected = HAND
        .replace("          # between goals\n", "          - \"=\"\n          # between goals\n")
        .replace("\n      - name: 市民課", "      - name: 新設課\n        rating: △\n\n      - name: 市民課");
    assert_eq!(text, expected);
}

#[test]
fn a_removed_field_takes_its_lines_and_leaves_its_comment() {
    let (_, text) = edited(|d| section(d, 0).rating = None);
    assert_eq!(text, HAND.replace("        rating: ○   # hand\n", "        # hand\n"));
}

#[test]
fn a_changed_goal_list_keeps_the_comment_between_goals() {
    let (_, text) = edited(|d| section(d, 0).goals = vec!["笑顔で".into(), "変えた".into()]);
    assert_eq!(text, HAND.replace("          - 'second'\n", "          - 変えた\n"));
}

#[test]
fn a_whole_removed_section_leaves_the_comments_that_were_inside_it() {
    let (_, text) = edited(|d| {
        d.divisions[0].sections.remove(0);
    });
    assert!(text.contains("# 担当: 窓口係") && text.contains("# first") && text.contains("# between goals"));
    assert!(text.contains("# hand") && !text.contains("総務課"), "{text}");
}

#[test]
fn alignment_keeps_the_longest_common_run() {
    let keys = |s: &[&str]| s.iter().map(|k| (*k).to_owned()).collect::<Vec<_>>();
    let steps = align(&keys(&["a", "b", "c"]), &keys(&["a", "x", "c"]));
    assert_eq!(steps, [Step::Keep(0, 0), Step::Remove(1), Step::Insert(1), Step::Keep(2, 2)]);
}

#[test]
fn a_comment_inside_a_replaced_entry_stays_after_it_as_its_own_line() {
    let text = "\
organization: 上京区役所
fiscal_year: 2008
scale:   # 区の凡例
  - { mark: ◎, label: 達成できた }
  # ○ は来年度から見直し
  - { mark: ○, label: ほぼ達成できた }
  - { mark: ×, label: あまり達成できなかった }
divisions: []  # まだ
";
    let old = parse_document(text).unwrap_or_else(|p| panic!("{p:?}"));
    let mut new = old.clone();
    if let Some(scale) = new.scale.as_mut() {
        scale.retain(|g| g.mark != "×");
    }
    let written = splice(text, &old, &new).unwrap_or_else(|| panic!("splices"));
    assert_eq!(parse_document(&written).ok(), Some(new));
    let expected = "\
organization: 上京区役所
fiscal_year: 2008
scale:   # 区の凡例
  - { mark: ◎, label: 達成できた }
  - { mark: ○, label: ほぼ達成できた }
# ○ は来年度から見直し
divisions: []  # まだ
";
    assert_eq!(written, expected);
}
