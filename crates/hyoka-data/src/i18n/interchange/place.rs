//! Where something is in a document, as a refusal to export names it ("区民部 総務課の取組状況").

use crate::i18n::Lang;
use hyoka_core::tr;

/// A field of a section, as a refusal names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectionPart {
    Name,
    Intro,
    GoalCount,
    /// 1-based, as the goals are counted in the list (not the number the table shows).
    Goal(usize),
    Progress,
    Rating,
    Reflection,
    Fields,
}

/// A place in a document; names arrive with control characters already made visible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceMsg {
    DivisionName,
    SectionOrder,
    Preface,
    Notes,
    Legend,
    Checkpoint,
    Division { name: String },
    SectionItself { division: String, section: String },
    Section { division: String, section: String, part: SectionPart },
}

impl SectionPart {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SectionPart::Name => tr!(lang, "名前", "name"),
            SectionPart::Intro => tr!(lang, "目標の前置き", "goals lead-in"),
            SectionPart::GoalCount => tr!(lang, "目標の数", "goals"),
            SectionPart::Goal(n) => tr!(lang, "目標{n}", "goal {n}"),
            SectionPart::Progress => tr!(lang, "取組状況", "progress"),
            SectionPart::Rating => tr!(lang, "目標達成度", "rating"),
            SectionPart::Reflection => tr!(lang, "振り返り", "reflection"),
            SectionPart::Fields => tr!(lang, "欄", "fields"),
        }
    }
}

impl PlaceMsg {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            PlaceMsg::DivisionName => tr!(lang, "部の名前", "a division name"),
            PlaceMsg::SectionOrder => tr!(lang, "部と課の並び", "the list of divisions and sections"),
            PlaceMsg::Preface => tr!(lang, "前書き", "the preface"),
            PlaceMsg::Notes => tr!(lang, "注記（notes）", "the notes"),
            PlaceMsg::Legend => tr!(lang, "凡例（scale）", "the legend (scale)"),
            PlaceMsg::Checkpoint => tr!(lang, "取組状況の時点（checkpoint）", "the checkpoint"),
            PlaceMsg::Division { name } => tr!(lang, "部「{name}」", "the division '{name}'"),
            PlaceMsg::SectionItself { division, section } => {
                tr!(lang, "課「{division} {section}」", "the section '{division} {section}'")
            }
            PlaceMsg::Section { division, section, part } => {
                let part = part.text(lang);
                tr!(lang, "{division} {section}の{part}", "the {part} of {division} {section}")
            }
        }
    }
}
