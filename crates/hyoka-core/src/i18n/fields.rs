//! The names of a section's fields, as the screen and the messages say them.

use super::Lang;
use crate::model::{Field, HeadField};

impl Field {
    /// The field's name in the seed table's words (Japanese) or plain English.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::GoalsIntro => lang.pick("目標の前書き", "goals lead-in"),
            Field::Goals => lang.pick("所属等の目標", "goals"),
            Field::Progress => lang.pick("取組状況", "progress"),
            Field::Rating => lang.pick("目標達成度", "rating"),
            Field::Reflection => lang.pick("振り返り", "reflection"),
            Field::Status => lang.pick("提出状況", "review status"),
        }
    }
}

impl HeadField {
    /// The name of a value of the file's head, as the commit message and the history say it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            HeadField::Organization => lang.pick("組織名", "organisation"),
            HeadField::FiscalYear => lang.pick("年度", "fiscal year"),
            HeadField::Stage => lang.pick("年度の段階", "stage"),
            HeadField::Checkpoint => lang.pick("取組状況の時点", "checkpoint"),
            HeadField::Preface => lang.pick("前書き", "preface"),
            HeadField::Notes => lang.pick("表の下の注記", "notes under the table"),
            HeadField::Scale => lang.pick("目標達成度の段階", "rating scale"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_named_as_the_published_table_names_them() {
        assert_eq!(Field::Reflection.label(Lang::Ja), "振り返り");
        assert_eq!(Field::Goals.label(Lang::Ja), "所属等の目標");
        assert_eq!(Field::Rating.label(Lang::En), "rating");
    }
}
