//! `--columns`: which column of a city's own table holds which field, by heading or by column letter.
//!
//! `goals=組織目標,progress=取組内容,rating=評価,reflection=成果` or `goals=C,rating=F`; the fields may
//! also be named in Japanese (`目標=組織目標`). What is not named is read from the headings as usual.

use crate::i18n::interchange::columns::ColumnsMsg;

/// A field of the table a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// 部 and 課 in one cell (所属等名).
    Name,
    Division,
    Section,
    Goals,
    Progress,
    Rating,
    Reflection,
}

impl Field {
    pub const ALL: [Field; 7] =
        [Field::Name, Field::Division, Field::Section, Field::Goals, Field::Progress, Field::Rating, Field::Reflection];

    /// The name `--columns` uses.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Division => "division",
            Field::Section => "section",
            Field::Goals => "goals",
            Field::Progress => "progress",
            Field::Rating => "rating",
            Field::Reflection => "reflection",
        }
    }

    /// The Japanese names a clerk may write instead.
    fn japanese(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["所属等名", "所属"],
            Field::Division => &["部"],
            Field::Section => &["課"],
            Field::Goals => &["所属等の目標", "目標"],
            Field::Progress => &["取組状況"],
            Field::Rating => &["目標達成度", "評価"],
            Field::Reflection => &["振り返り"],
        }
    }

    fn from_key(key: &str) -> Option<Field> {
        let key = key.trim();
        Field::ALL.into_iter().find(|f| f.key().eq_ignore_ascii_case(key) || f.japanese().contains(&key))
    }
}

/// A column as `--columns` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// 0-based, from a letter as Excel names columns (A, B, …, AA).
    Letter(usize),
    Heading(String),
}

/// The fields `--columns` gives, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap {
    pub entries: Vec<(Field, Column)>,
}

/// "C" → 2, "AA" → 26: one to three Latin letters, either width, either case.
fn letter_index(text: &str) -> Option<usize> {
    let letters: Vec<char> = text
        .trim()
        .chars()
        .map(|c| {
            if ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c) {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    if letters.is_empty() || letters.len() > 3 || !letters.iter().all(char::is_ascii_alphabetic) {
        return None;
    }
    let number = letters.iter().try_fold(0usize, |n, c| {
        let digit = usize::from(u8::try_from(u32::from(c.to_ascii_uppercase())).ok()?.checked_sub(b'A')?) + 1;
        n.checked_mul(26)?.checked_add(digit)
    })?;
    number.checked_sub(1)
}

impl ColumnMap {
    /// Reads `goals=組織目標,rating=F`; pairs are parted by `,` or `、`, key and column by `=`.
    pub fn parse(text: &str) -> Result<ColumnMap, ColumnsMsg> {
        let mut entries: Vec<(Field, Column)> = Vec::new();
        for pair in text.split([',', '、', '，']).map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, value)) = pair.split_once(['=', '＝']) else {
                return Err(ColumnsMsg::PairUnreadable { pair: pair.to_owned() });
            };
            let field =
                Field::from_key(key).ok_or_else(|| ColumnsMsg::UnknownField { field: key.trim().to_owned() })?;
            let value = value.trim();
            if value.is_empty() {
                return Err(ColumnsMsg::PairUnreadable { pair: pair.to_owned() });
            }
            if entries.iter().any(|(f, _)| *f == field) {
                return Err(ColumnsMsg::FieldTwice { field: field.key() });
            }
            let column = letter_index(value).map_or_else(|| Column::Heading(value.to_owned()), Column::Letter);
            entries.push((field, column));
        }
        if entries.is_empty() {
            return Err(ColumnsMsg::PairUnreadable { pair: text.to_owned() });
        }
        Ok(ColumnMap { entries })
    }

    /// As `--columns` takes it again: `goals=組織目標,rating=F`.
    pub fn render(&self) -> String {
        let column = |c: &Column| match c {
            Column::Letter(index) => crate::i18n::interchange::column_letters(index + 1),
            Column::Heading(heading) => heading.clone(),
        };
        self.entries.iter().map(|(f, c)| format!("{}={}", f.key(), column(c))).collect::<Vec<_>>().join(",")
    }

    pub fn get(&self, field: Field) -> Option<&Column> {
        self.entries.iter().find(|(f, _)| *f == field).map(|(_, c)| c)
    }

    /// Whether the map names a field among `fields`.
    pub fn names_any(&self, fields: &[Field]) -> bool {
        self.entries.iter().any(|(f, _)| fields.contains(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_by_heading_or_letter_in_either_language() {
        let map = ColumnMap::parse("goals=組織目標, progress=取組内容、評価=F,reflection=ａｂ");
        let want = vec![
            (Field::Goals, Column::Heading("組織目標".into())),
            (Field::Progress, Column::Heading("取組内容".into())),
            (Field::Rating, Column::Letter(5)),
            (Field::Reflection, Column::Letter(27)),
        ];
        assert_eq!(map.as_ref().map(|m| m.entries.clone()), Ok(want));
        assert_eq!(map.map(|m| m.render()).as_deref(), Ok("goals=組織目標,progress=取組内容,rating=F,reflection=AB"));
    }

    #[test]
    fn a_map_that_cannot_be_read_says_which_part() {
        assert_eq!(ColumnMap::parse("goals"), Err(ColumnsMsg::PairUnreadable { pair: "goals".into() }));
        assert_eq!(ColumnMap::parse("goal=C"), Err(ColumnsMsg::UnknownField { field: "goal".into() }));
        assert_eq!(ColumnMap::parse("goals=C,目標=D"), Err(ColumnsMsg::FieldTwice { field: "goals" }));
        assert_eq!(ColumnMap::parse("rating="), Err(ColumnsMsg::PairUnreadable { pair: "rating=".into() }));
    }
}
