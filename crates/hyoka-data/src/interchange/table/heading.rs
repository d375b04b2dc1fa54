//! One heading's words: which field a column holds, as its heading says (所属等名, 目標, 達成度, …).
//! The header rows (`header.rs`) and the hint for a header hyoka cannot place (`header_hint.rs`)
//! both read headings this way.

use super::super::columns::Field;

/// What a column holds, as its heading says: a field, or what hyoka knows and does not import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Field(Field),
    /// `updated` of hyoka's own csv export.
    Ignored,
}

/// A heading as compared: half-width letters and brackets, no spaces, no trailing "(ア)".
pub(crate) fn normalized(heading: &str) -> String {
    let mut text: String = heading
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    // "所属等名(ア)", "今年度の取組を振り返って(評価)(I)": the table's column letters say nothing.
    while let Some(open) = text.rfind('(').filter(|_| text.ends_with(')')) {
        if text.get(open..).is_some_and(|tail| tail.chars().count() > 4) || open == 0 {
            break;
        }
        text.truncate(open);
    }
    text
}

/// The field a heading names, if it is a heading hyoka knows.
pub(crate) fn role_of(heading: &str) -> Option<Role> {
    let h = normalized(heading);
    let length = h.chars().count();
    if length == 0 || length > 60 {
        return None;
    }
    let role = match h.as_str() {
        "updated" | "updated_by" => Role::Ignored,
        "部" | "部名" | "部局" | "部局名" | "局" | "局名" => Role::Field(Field::Division),
        "課" | "課名" | "課等名" | "課・係名" => Role::Field(Field::Section),
        _ if h.starts_with("所属") && length <= 5 => Role::Field(Field::Name),
        "部署" | "部署名" => Role::Field(Field::Name),
        _ if h.contains("取組状況") || h.contains("進捗状況") => Role::Field(Field::Progress),
        _ if h.contains("達成度") || h == "評価" => Role::Field(Field::Rating),
        _ if h.contains("振り返") || h.starts_with("良かった点") => Role::Field(Field::Reflection),
        _ if h.ends_with("目標") && !h.contains("達成") && length <= 12 => Role::Field(Field::Goals),
        _ => return None,
    };
    Some(role)
}

impl Role {
    pub(crate) fn field(self) -> Option<Field> {
        match self {
            Role::Field(field) => Some(field),
            Role::Ignored => None,
        }
    }

    pub(crate) fn names(self) -> bool {
        matches!(self, Role::Field(Field::Name | Field::Division | Field::Section))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_known_by_their_words() {
        assert_eq!(role_of("所属等名(ア)"), Some(Role::Field(Field::Name)));
        assert_eq!(role_of("所属等の目標（イ）"), Some(Role::Field(Field::Goals)));
        assert_eq!(role_of("11月末現在の取組状況(ウ) (目標達成状況, 課題等)"), Some(Role::Field(Field::Progress)));
        assert_eq!(role_of("今年度の取組を振り返って(評価)(I)"), Some(Role::Field(Field::Reflection)));
        assert_eq!(role_of("目標達成度"), Some(Role::Field(Field::Rating)));
        assert_eq!(
            role_of("良かった点や反省すべき点, 今後どのように取り組んでいくか 等"),
            Some(Role::Field(Field::Reflection))
        );
        assert_eq!(role_of("部"), Some(Role::Field(Field::Division)));
        assert_eq!(role_of("部署"), Some(Role::Field(Field::Name)));
        assert_eq!(role_of("区民部 総務課"), None);
        assert_eq!(role_of("目標を達成するため、窓口の待ち時間を短縮する目標"), None, "too long to be a heading");
    }
}
