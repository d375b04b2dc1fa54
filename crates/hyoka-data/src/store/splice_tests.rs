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
    let text = splice(HAND, &old, &new, None).unwrap_or_else(|| panic!("splices"));
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
    let written = splice(text, &old, &new, None).unwrap_or_else(|| panic!("splices"));
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

/// `text` (which loads as some document) after `change`, through the whole save's rewrite: the
/// result, and whether the layout was kept.
fn rewritten(text: &str, change: impl FnOnce(&mut Document)) -> (String, bool) {
    let old = parse_document(text).unwrap_or_else(|p| panic!("{p:?}"));
    let mut new = old.clone();
    change(&mut new);
    let (written, kept) = crate::store::rewrite(Some((text, &old)), &new);
    assert_eq!(parse_document(&written).ok().as_ref(), Some(&new), "{written}");
    (written, kept)
}

const FLOW: &str = "\
organization: 上京区役所
fiscal_year: 2008
# 手書きの注
divisions:
  - name: 区民部
    sections:
      - name: 総務課
        goals: [笑顔で, 二つ目]   # 二つだけ
        rating: ○
";

#[test]
fn a_flow_list_that_changes_is_replaced_whole_in_its_place() {
    let (text, kept) = rewritten(FLOW, |d| section(d, 0).goals.push("三つ目".into()));
    let expected = FLOW.replace(
        "        goals: [笑顔で, 二つ目]   # 二つだけ\n",
        "        goals:   # 二つだけ\n          - 笑顔で\n          - 二つ目\n          - 三つ目\n",
    );
    assert_eq!((text.as_str(), kept), (expected.as_str(), true));
}

#[test]
fn a_kept_block_keeps_its_blank_line_when_a_stamp_comes_after_it() {
    let text = "organization: 上京区役所\nfiscal_year: 2008\ndivisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n        reflection: |+\n          振り返り\n\n      - name: 市民課\n";
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap_or_else(|e| panic!("{e}"));
    let (written, kept) = rewritten(text, |d| section(d, 0).updated = Some(at));
    let expected =
        text.replace("          振り返り\n\n", "          振り返り\n\n        updated: 2026-11-26T10:00:00+09:00\n");
    assert_eq!((written.as_str(), kept), (expected.as_str(), true));
}

#[test]
fn an_explicit_key_is_replaced_with_its_question_mark() {
    let text = "organization: 上京区役所\nfiscal_year: 2008\ndivisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n        ? progress\n        : 一行目\n        rating: ○\n";
    let (written, kept) = rewritten(text, |d| section(d, 0).progress = "書き直し".into());
    let expected = text.replace("        ? progress\n        : 一行目\n", "        progress: 書き直し\n");
    assert_eq!((written.as_str(), kept), (expected.as_str(), true));
    let (written, kept) = rewritten(text, |d| section(d, 0).progress.clear());
    assert_eq!((written.as_str(), kept), (text.replace("        ? progress\n        : 一行目\n", "").as_str(), true));
}

#[test]
fn a_file_without_a_last_line_break_keeps_its_layout() {
    let text = "organization: 上京区役所\nfiscal_year: 2008\n# 注\ndivisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n        progress: |-\n          一\n          二";
    let (written, kept) = rewritten(text, |d| section(d, 0).rating = Some("◎".into()));
    assert_eq!((written.as_str(), kept), (format!("{text}\n        rating: ◎\n").as_str(), true));
    let (written, kept) = rewritten(text, |d| section(d, 0).progress = "一\n三".into());
    assert_eq!((written.as_str(), kept), (text.replace("二", "三").as_str(), true));
}

#[test]
fn windows_line_ends_stay_on_every_line_a_save_writes() {
    let crlf = HAND.replace('\n', "\r\n");
    let (written, kept) = rewritten(&crlf, |d| {
        section(d, 0).rating = Some("◎".into());
        section(d, 0).progress = "・一\n・三".into();
        section(d, 1).reflection = "新しい\n二行".into();
        section(d, 0).goals.push("三つ目".into());
    });
    assert!(kept);
    assert!(!written.replace("\r\n", "").contains('\n'), "a line break without CR:\n{written:?}");
    assert!(written.contains("rating: ◎   # hand\r\n") && written.contains("          二行\r\n"), "{written:?}");
}

#[test]
fn only_anchors_and_aliases_make_the_whole_file_written_anew() {
    let text = "organization: 上京区役所\nfiscal_year: 2008\ndivisions:\n  - name: &d 区民部\n    sections:\n      - name: 総務課\n        progress: *d\n";
    let old = parse_document(text).unwrap_or_else(|p| panic!("{p:?}"));
    let mut new = old.clone();
    section(&mut new, 0).rating = Some("◎".into());
    let (_, lost) = crate::store::rewrite_explained(Some((text, &old)), &new);
    assert_eq!(lost, Some(crate::store::LayoutLoss::Anchors));
    let old = parse_document(FLOW).unwrap_or_else(|p| panic!("{p:?}"));
    let mut new = old.clone();
    section(&mut new, 0).goals.clear();
    assert_eq!(crate::store::rewrite_explained(Some((FLOW, &old)), &new).1, None);
}

#[test]
fn a_rating_changed_in_a_large_file_renders_no_division_and_no_section() {
    let sections = |d: usize| (0..20).map(|n| Section { name: format!("課{d}-{n}"), ..Section::default() }).collect();
    let divisions = (0..3).map(|d| Division { name: format!("部{d}"), sections: sections(d) }).collect();
    let old = Document { divisions, ..Document::new("上京区役所", 2008) };
    let text = crate::store::emit_document(&old);
    let mut new = old.clone();
    new.divisions[1].sections[7].rating = Some("◎".into());
    let before = crate::store::emit::ITEMS_RENDERED.with(std::cell::Cell::get);
    let written = splice(&text, &old, &new, None).unwrap_or_else(|| panic!("splices"));
    assert_eq!(crate::store::emit::ITEMS_RENDERED.with(std::cell::Cell::get) - before, 0);
    let expected = text.replace("      - name: 課1-7\n", "      - name: 課1-7\n        rating: ◎\n");
    assert_eq!(written, expected);
}

#[test]
fn divisions_written_as_a_flow_list_are_replaced_whole_when_they_change() {
    let text = "organization: 上京区役所\nfiscal_year: 2008\ndivisions: [{ name: 区民部, sections: [{ name: 総務課 }] }]  # 手書き\n";
    let (written, kept) = rewritten(text, |d| section(d, 0).rating = Some("○".into()));
    let expected = "organization: 上京区役所\nfiscal_year: 2008\ndivisions:  # 手書き\n  - name: 区民部\n    sections:\n      - name: 総務課\n        rating: ○\n";
    assert_eq!((written.as_str(), kept), (expected, true));
}

#[test]
fn sections_written_as_a_flow_list_are_replaced_whole_when_they_change() {
    let text = "organization: 上京区役所\nfiscal_year: 2008\n# 注\ndivisions:\n  - name: 区民部\n    sections: [{ name: 総務課 }]\n";
    let (written, kept) = rewritten(text, |d| section(d, 0).rating = Some("○".into()));
    let expected = "organization: 上京区役所\nfiscal_year: 2008\n# 注\ndivisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n        rating: ○\n";
    assert_eq!((written.as_str(), kept), (expected, true));
}

#[test]
fn the_first_division_of_an_empty_file_is_written_in_place_of_the_empty_list() {
    let text = "organization: 上京区役所  # 区\nfiscal_year: 2008\ndivisions: []\n";
    let (written, kept) = rewritten(text, |d| {
        d.divisions.push(Division {
            name: "区民部".into(),
            sections: vec![Section { name: "総務課".into(), ..Section::default() }],
        });
    });
    let expected = "organization: 上京区役所  # 区\nfiscal_year: 2008\ndivisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n";
    assert_eq!((written.as_str(), kept), (expected, true));
}
