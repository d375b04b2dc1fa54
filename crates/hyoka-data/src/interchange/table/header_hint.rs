//! A header row hyoka cannot place on its own: told where it is, what it holds, and a `--columns` offer.
//!
//! A city's own columns (組織目標 | 取組内容 | 成果 | 評価) are named as found, with the headings hyoka
//! knows filled in and the others offered for the fields still missing that their words suggest.

use super::super::columns::{Column, ColumnMap, Field};
use super::Row;
use super::heading::{Role, role_of};
use crate::i18n::interchange::column_letters;
use crate::i18n::interchange::columns::{HeaderHint, Heading};

/// The longest text a heading has: a row with a longer cell is a table row or a sentence.
const HEADING_CHARS: usize = 30;

/// A row that looks like a table's header: three cells or more, all short single lines, one of them a
/// heading hyoka knows (組織目標, 評価).
pub(crate) fn looks_like_header(row: &Row) -> bool {
    let filled = row.filled();
    let short = |text: &str| !text.contains('\n') && text.trim().chars().count() <= HEADING_CHARS;
    filled.len() >= 3
        && filled.iter().all(|(_, c)| short(&c.text) && !c.text.trim_start().starts_with('～'))
        && filled.iter().any(|(_, c)| role_of(&c.text).is_some())
}

/// The header rows as found, and a mapping to offer.
pub(crate) fn hint(rows: &[&Row]) -> HeaderHint {
    let mut cells: Vec<(usize, &str)> = Vec::new();
    for row in rows {
        for (index, cell) in row.filled() {
            cells.push((index, cell.text.trim()));
        }
    }
    cells.sort_by_key(|(index, _)| *index);
    let headings =
        cells.iter().map(|(i, h)| Heading { text: h.replace('\n', " "), letter: column_letters(i + 1) }).collect();
    HeaderHint { headings, offer: offer(&cells) }
}

/// Words that say which field a city's own heading is likely to be (取組内容, 成果, 部署).
fn likely(field: Field, heading: &str) -> bool {
    let words: &[&str] = match field {
        Field::Name | Field::Division | Field::Section => &["所属", "所管", "部", "課", "局", "室", "担当"],
        Field::Goals => &["目標", "目的", "方針"],
        Field::Progress => &["取組", "取り組", "進捗", "状況", "内容", "実績", "経過"],
        Field::Rating => &["評価", "達成", "判定"],
        Field::Reflection => &["成果", "反省", "課題", "振返", "総括", "所見", "今後"],
    };
    words.iter().any(|w| heading.contains(w))
}

/// Known headings as they are; an unknown one, in column order, for the first field still missing that
/// its words suggest (取組内容 for the progress, 成果 for the reflection); the rest left for the clerk.
fn offer(cells: &[(usize, &str)]) -> Option<String> {
    let known: Vec<(usize, Field)> =
        cells.iter().filter_map(|(i, h)| role_of(h).and_then(Role::field).map(|f| (*i, f))).collect();
    let has = |fields: &[Field]| known.iter().any(|(_, f)| fields.contains(f));
    let names = [Field::Name, Field::Division, Field::Section];
    let mut missing: Vec<Field> = match (has(&[Field::Name]), has(&[Field::Division]), has(&[Field::Section])) {
        (false, false, false) => vec![Field::Name],
        (false, true, false) => vec![Field::Section],
        (false, false, true) => vec![Field::Division],
        _ => Vec::new(),
    };
    missing
        .extend([Field::Goals, Field::Progress, Field::Rating, Field::Reflection].into_iter().filter(|f| !has(&[*f])));
    let mut given: Vec<(usize, Field)> = Vec::new();
    for (index, heading) in cells.iter().filter(|(_, h)| role_of(h).is_none()) {
        if let Some(at) = missing.iter().position(|f| likely(*f, heading)) {
            given.push((*index, missing.remove(at)));
        }
    }
    given.extend(known);
    given.sort_by_key(|(i, _)| *i);
    if !given.iter().any(|(_, f)| names.contains(f)) {
        return None;
    }
    let heading = |index: usize| cells.iter().find(|(i, _)| *i == index).map_or("", |(_, h)| h);
    let entries = given.into_iter().map(|(index, field)| (field, column_of(index, heading(index)))).collect();
    Some(ColumnMap { entries }.render())
}

/// A heading, where `--columns` reads it back as the same heading; else the column's letter.
fn column_of(index: usize, heading: &str) -> Column {
    let like_a_letter = heading.chars().count() <= 3 && heading.chars().all(|c| c.is_ascii_alphabetic());
    let plain = !heading.is_empty() && !heading.contains([',', '、', '，', '=', '＝', '\'', '\n']) && !like_a_letter;
    if plain { Column::Heading(heading.to_owned()) } else { Column::Letter(index) }
}

#[cfg(test)]
mod tests {
    use super::super::header::{Names, columns, starts_header};
    use super::*;
    use crate::i18n::interchange::summary::WarnMsg;
    use crate::interchange::table::text_row as row;

    const CITY: [&str; 5] = ["所属", "組織目標", "取組内容", "成果", "評価"];

    #[test]
    fn a_citys_own_columns_are_named_and_a_mapping_offered() {
        let header = row(5, &CITY);
        let hint = hint(&[&header]);
        let shown: Vec<String> = hint.headings.iter().map(|h| h.shown(crate::i18n::Lang::En)).collect();
        assert_eq!(shown, ["所属 (A)", "組織目標 (B)", "取組内容 (C)", "成果 (D)", "評価 (E)"]);
        assert_eq!(
            hint.offer.as_deref(),
            Some("name=所属,goals=組織目標,progress=取組内容,reflection=成果,rating=評価")
        );
        let unnamed = hint_of(&["名称", "目標", "内容, 成果", "A"]);
        assert_eq!(unnamed.as_deref(), None, "no column for the names: nothing to offer");
        let letters = hint_of(&["担当部", "目標", "内容, 成果", "A"]);
        assert_eq!(
            letters.as_deref(),
            Some("name=担当部,goals=目標,progress=C"),
            "a letter where a heading would not read back"
        );
        let split = hint_of(&["部", "担当課", "目標", "進捗"]);
        assert_eq!(split.as_deref(), Some("division=部,section=担当課,goals=目標,progress=進捗"));
        assert!(looks_like_header(&header));
        assert!(!looks_like_header(&row(1, &["～令和5年度、北山市役所では～", "", "評価", "x"])));
    }

    fn hint_of(cells: &[&str]) -> Option<String> {
        hint(&[&row(1, cells)]).offer
    }

    #[test]
    fn columns_given_by_heading_or_letter_place_the_table() {
        let header = row(5, &CITY);
        let map = ColumnMap::parse("progress=取組内容,reflection=D").ok();
        assert!(starts_header(&header, map.as_ref()));
        let mut warnings = Vec::new();
        let placed = columns(&[&header], map.as_ref(), &mut warnings).ok();
        let fields = placed.as_ref().map(|c| (c.names, c.goals, c.progress, c.rating, c.reflection));
        assert_eq!(fields, Some((Names::Joined(0), Some(1), Some(2), Some(4), Some(3))));
        assert!(warnings.is_empty());
        let partial = ColumnMap::parse("progress=取組内容").ok();
        let mut warnings = Vec::new();
        let placed = columns(&[&header], partial.as_ref(), &mut warnings).ok();
        assert_eq!(placed.and_then(|c| c.reflection), None);
        let said: Vec<_> = warnings.into_iter().map(|w| w.what).collect();
        assert_eq!(said, [WarnMsg::ColumnLeftOut { heading: "成果".into(), letter: "D".into() }]);
    }

    #[test]
    fn a_heading_the_mapping_names_must_be_in_the_header() {
        let map = ColumnMap::parse("progress=取組状況の内容").ok();
        let refused = columns(&[&row(5, &CITY)], map.as_ref(), &mut Vec::new()).expect_err("refused");
        let Some(crate::i18n::interchange::columns::ColumnsMsg::NotInHeader { column, headings }) =
            refused.problem.columns()
        else {
            panic!("{refused:?}")
        };
        assert_eq!((column.as_str(), headings.len()), ("取組状況の内容", 5));
    }
}
