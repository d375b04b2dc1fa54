//! The header rows: which column holds which field, told by the headings' words.
//!
//! One header row or two, and names in one column or two (部 | 課), are read alike.

use super::super::columns::{Column, ColumnMap, Field};
use super::super::error::{ImportError, Warning};
use super::Row;
use super::header_hint::hint;
use super::heading::{Role, normalized, role_of};
use crate::i18n::interchange::columns::ColumnsMsg;
use crate::i18n::interchange::read::ReadMsg;
use crate::i18n::interchange::summary::WarnMsg;
use crate::i18n::interchange::{Location, column_letters};

/// Where the names are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Names {
    Joined(usize),
    Split { division: usize, section: usize },
}

/// The table's columns, as the header rows give them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Columns {
    pub names: Names,
    pub goals: Option<usize>,
    pub progress: Option<usize>,
    pub rating: Option<usize>,
    pub reflection: Option<usize>,
    /// How many cells a section row has: up to the last heading.
    pub width: usize,
    /// The progress column's heading, which may name the checkpoint ("11月末現在の取組状況").
    pub progress_heading: Option<(Location, String)>,
}

impl Columns {
    pub(crate) fn role(&self, index: usize) -> Option<Role> {
        let field = |column: Option<usize>, role| (column == Some(index)).then_some(role);
        let name = match self.names {
            Names::Joined(c) => (c == index).then_some(Role::Field(Field::Name)),
            Names::Split { division, section } => field(Some(division), Role::Field(Field::Division))
                .or_else(|| field(Some(section), Role::Field(Field::Section))),
        };
        name.or_else(|| field(self.goals, Role::Field(Field::Goals)))
            .or_else(|| field(self.progress, Role::Field(Field::Progress)))
            .or_else(|| field(self.rating, Role::Field(Field::Rating)))
            .or_else(|| field(self.reflection, Role::Field(Field::Reflection)))
    }
}

/// What a header cell holds: the field `--columns` gives its column or heading, else the field its
/// heading names, unless `--columns` puts that field in another column.
pub(crate) fn role_in(index: usize, heading: &str, map: Option<&ColumnMap>) -> Option<Role> {
    let Some(map) = map else { return role_of(heading) };
    let wanted = normalized(heading);
    let given = map.entries.iter().find(|(_, column)| match column {
        Column::Letter(letter) => *letter == index,
        Column::Heading(h) => normalized(h) == wanted,
    });
    match given {
        Some((field, _)) => Some(Role::Field(*field)),
        None => role_of(heading).filter(|role| role.field().is_none_or(|f| map.get(f).is_none())),
    }
}

/// The first header row: at least two headings hyoka can place, one of them for the names.
pub(crate) fn starts_header(row: &Row, map: Option<&ColumnMap>) -> bool {
    let roles: Vec<Role> = row.filled().iter().filter_map(|(i, cell)| role_in(*i, &cell.text, map)).collect();
    roles.len() >= 2 && roles.iter().any(|r| r.names())
}

/// A second header row under the first (目標達成度 | 良かった点… under 今年度の取組を振り返って): every
/// filled cell a heading.
pub(crate) fn continues_header(row: &Row, map: Option<&ColumnMap>) -> bool {
    let filled = row.filled();
    !filled.is_empty() && filled.iter().all(|(i, cell)| role_in(*i, &cell.text, map).is_some())
}

/// The columns of the header rows. Without `--columns` a heading hyoka does not know is refused with
/// its cell and the header as found; with it, such a column is left out and said. A field twice is
/// refused with the heading's cell.
pub(crate) fn columns(
    rows: &[&Row],
    map: Option<&ColumnMap>,
    warnings: &mut Vec<Warning>,
) -> Result<Columns, ImportError> {
    let letters = map.iter().flat_map(|m| &m.entries).filter_map(|(_, c)| match c {
        Column::Letter(i) => Some(i + 1),
        Column::Heading(_) => None,
    });
    let filled = rows.iter().filter_map(|r| r.filled().last().map(|(i, _)| i + 1));
    let width = filled.chain(letters).max().unwrap_or(0);
    let mut roles: Vec<Option<(Role, &Location, &str)>> = vec![None; width];
    let mut left_out: Vec<(usize, &Location, &str)> = Vec::new();
    for row in rows {
        for (index, cell) in row.filled() {
            let Some(role) = role_in(index, &cell.text, map) else {
                if map.is_none() {
                    let (heading, hint) = (cell.text.trim().to_owned(), hint(rows));
                    return Err(ImportError::at(&cell.at, ReadMsg::from(ColumnsMsg::UnknownHeading { heading, hint })));
                }
                left_out.push((index, &cell.at, cell.text.trim()));
                continue;
            };
            // The lower row says more: 目標達成度 under 今年度の取組を振り返って(評価).
            if let Some(slot) = roles.get_mut(index) {
                *slot = Some((role, &cell.at, cell.text.trim()));
            }
        }
    }
    for (field, column) in map.iter().flat_map(|m| &m.entries) {
        if let Column::Letter(index) = column
            && let Some(slot @ None) = roles.get_mut(*index)
        {
            let at = rows.first().map(|r| r.at(*index)).unwrap_or(&UNKNOWN);
            *slot = Some((Role::Field(*field), at, ""));
        }
        if let Column::Heading(heading) = column
            && !rows.iter().flat_map(|r| r.filled()).any(|(_, c)| normalized(&c.text) == normalized(heading))
        {
            let headings = hint(rows).headings;
            let at = rows.first().map_or(UNKNOWN.clone(), |r| r.at.clone());
            return Err(ImportError::at(
                &at,
                ReadMsg::from(ColumnsMsg::NotInHeader { column: heading.clone(), headings }),
            ));
        }
    }
    for (index, at, heading) in left_out.into_iter().filter(|(i, ..)| roles.get(*i).is_some_and(Option::is_none)) {
        let letter = column_letters(index + 1);
        warnings.push(Warning {
            at: Some(at.clone()),
            what: WarnMsg::ColumnLeftOut { heading: heading.to_owned(), letter },
        });
    }
    placed(rows, &roles, width, warnings)
}

const UNKNOWN: Location = Location::Text { line: 1, column: 1 };

/// The columns from each column's field: every field once, and a column for the names.
fn placed(
    rows: &[&Row],
    roles: &[Option<(Role, &Location, &str)>],
    width: usize,
    warnings: &mut Vec<Warning>,
) -> Result<Columns, ImportError> {
    let mut found: Vec<(Role, usize)> = Vec::new();
    for (index, slot) in roles.iter().enumerate() {
        let Some((role, at, heading)) = slot else { continue };
        if *role == Role::Ignored {
            warnings.push(Warning {
                at: Some((*at).clone()),
                what: WarnMsg::IgnoredColumn { heading: (*heading).to_owned() },
            });
            continue;
        }
        if found.iter().any(|(r, _)| r == role) {
            return Err(ImportError::at(at, ReadMsg::DuplicateColumn { heading: (*heading).to_owned() }));
        }
        found.push((*role, index));
    }
    let column = |role| found.iter().find(|(r, _)| *r == role).map(|(_, i)| *i);
    let first_row = || rows.first().map_or(UNKNOWN.clone(), |r| r.at.clone());
    let names = match (
        column(Role::Field(Field::Name)),
        column(Role::Field(Field::Division)),
        column(Role::Field(Field::Section)),
    ) {
        (None, Some(division), Some(section)) => Names::Split { division, section },
        (Some(name), None, None) => Names::Joined(name),
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(ImportError::at(&first_row(), ReadMsg::DuplicateColumn { heading: "所属等名".into() }));
        }
        _ => return Err(ImportError::at(&first_row(), ReadMsg::NoNameColumn)),
    };
    let progress_heading = column(Role::Field(Field::Progress)).and_then(|index| {
        // The heading that names the checkpoint: the one with 取組状況, usually the upper row.
        let mut cells = rows.iter().filter_map(|row| row.cells.get(index));
        let cell = cells.clone().find(|cell| role_of(&cell.text) == Some(Role::Field(Field::Progress)));
        cell.or_else(|| cells.next_back()).map(|cell| (cell.at.clone(), cell.text.trim().to_owned()))
    });
    Ok(Columns {
        names,
        goals: column(Role::Field(Field::Goals)),
        progress: column(Role::Field(Field::Progress)),
        rating: column(Role::Field(Field::Rating)),
        reflection: column(Role::Field(Field::Reflection)),
        width,
        progress_heading,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::table::text_row as row;

    #[test]
    fn two_header_rows_are_read_as_one_and_a_section_row_is_no_header() {
        let seed_first = row(
            11,
            &["所属等名(ア)", "所属等の目標(イ)", "11月末現在の取組状況(ウ)", "今年度の取組を振り返って(評価)(I)", ""],
        );
        let seed_second =
            row(12, &["", "", "", "目標達成度", "良かった点や反省すべき点, 今後どのように取り組んでいくか 等"]);
        assert!(starts_header(&seed_first, None) && continues_header(&seed_second, None));
        let section = row(13, &["区民部 総務課", "①目標", "・状況", "○", "振り返り"]);
        assert!(!starts_header(&section, None) && !continues_header(&section, None));
        let columns = columns(&[&seed_first, &seed_second], None, &mut Vec::new()).ok();
        let roles: Vec<_> = (0..5).map(|i| columns.as_ref().and_then(|c| c.role(i))).collect();
        assert_eq!(
            roles,
            [
                Role::Field(Field::Name),
                Role::Field(Field::Goals),
                Role::Field(Field::Progress),
                Role::Field(Field::Rating),
                Role::Field(Field::Reflection)
            ]
            .map(Some)
        );
    }

    #[test]
    fn two_name_columns_unknown_and_doubled_headings() {
        let split = columns(&[&row(1, &["部", "課", "目標", "達成度"])], None, &mut Vec::new()).map(|c| c.names);
        assert_eq!(split, Ok(Names::Split { division: 0, section: 1 }));
        let unknown = columns(&[&row(1, &["所属等名", "目標", "備考"])], None, &mut Vec::new());
        let at = Location::Text { line: 1, column: 3 };
        let error = unknown.expect_err("refused");
        let Some(ColumnsMsg::UnknownHeading { heading, hint }) = error.problem.columns() else { panic!("{error:?}") };
        assert_eq!((error.at, heading.as_str()), (Some(at), "備考"));
        let shown: Vec<String> = hint.headings.iter().map(|h| h.shown(crate::i18n::Lang::Ja)).collect();
        assert_eq!(shown, ["所属等名（A）", "目標（B）", "備考（C）"]);
        assert_eq!(hint.offer.as_deref(), Some("name=所属等名,goals=目標"), "備考 then is left out, and said");
        let twice = columns(&[&row(1, &["所属等名", "目標", "振り返り", "反省・振り返り"])], None, &mut Vec::new());
        assert!(matches!(twice.map_err(|e| e.problem), Err(ReadMsg::DuplicateColumn { .. })));
    }
}
