//! Next year's document from this year's: the same organisation, divisions, sections and scale;
//! the year moved on where the preface names it; nothing written yet but (if asked) the goals.

use std::io;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::{Document, Section, Stage, era_year_at, fiscal_year_label};

/// The document of the fiscal year after `doc`'s, at its first stage. `keep_goals`: the goals
/// (with their lead-in and numbering, without their marks) go over; else every section starts empty.
pub fn next_year(doc: &Document, keep_goals: bool) -> Document {
    let year = doc.fiscal_year;
    Document {
        organization: doc.organization.clone(),
        fiscal_year: year + 1,
        stage: Some(Stage::Goals),
        checkpoint: doc.checkpoint.map(a_year_later),
        preface: doc.preface.as_deref().map(|p| next_year_text(p, year)),
        // The remarks under a published table belong to that table.
        notes: None,
        scale: doc.scale.clone(),
        divisions: doc
            .divisions
            .iter()
            .map(|d| super::Division {
                name: d.name.clone(),
                sections: d.sections.iter().map(|s| fresh_section(s, keep_goals)).collect(),
            })
            .collect(),
    }
}

fn fresh_section(section: &Section, keep_goals: bool) -> Section {
    let mut fresh = Section::new(section.name.clone());
    if keep_goals {
        fresh.goals_intro.clone_from(&section.goals_intro);
        fresh.goals_numbered_from = section.goals_numbered_from;
        fresh.goals.clone_from(&section.goals);
    }
    fresh
}

/// The same day a year later; a month's last day stays its last day (28 February after a 29th).
fn a_year_later(date: NaiveDate) -> NaiveDate {
    let month_end = date.succ_opt().is_none_or(|next| next.month() != date.month());
    let last_day = |y: i32, m: u32| {
        let first_next =
            if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
        first_next.and_then(|d| d.pred_opt())
    };
    let later = if month_end {
        last_day(date.year() + 1, date.month())
    } else {
        NaiveDate::from_ymd_opt(date.year() + 1, date.month(), date.day())
    };
    later.or_else(|| last_day(date.year() + 1, date.month())).unwrap_or(date)
}

/// `text` with every "平成20年度" (or "2008年度") that names fiscal year `year` naming the next:
/// "平成21年度"; across a change of era as offices write it, "平成30年度" → "令和元年度". Digits
/// keep their width; other years and everything else stay as they are.
pub fn next_year_text(text: &str, year: i32) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut previous: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let after_digit = previous.is_some_and(|p| p.is_ascii_digit() || ('０'..='９').contains(&p));
        if !after_digit
            && let Some((found, after)) = era_year_at(rest)
            && found == year
            && let Some(after) = after.strip_prefix('度')
        {
            let written = rest.get(..rest.len() - after.len()).unwrap_or_default();
            out.push_str(&next_label(written, year + 1));
            previous = written.chars().last();
            rest = after;
            continue;
        }
        out.push(c);
        previous = Some(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// How `written` ("平成２０年度", "2008年度") names `year`: in its era's words or as a Western year,
/// in full-width digits where it used them.
fn next_label(written: &str, year: i32) -> String {
    let western = written.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let label = if western { format!("{year}年度") } else { fiscal_year_label(year) };
    if written.chars().any(|c| ('０'..='９').contains(&c)) {
        label.chars().map(|c| c.to_digit(10).and_then(|d| char::from_u32('０' as u32 + d)).unwrap_or(c)).collect()
    } else {
        label
    }
}

/// Why next year's file was not written.
#[derive(Debug, thiserror::Error)]
pub enum NewYearError {
    /// A file of that name is there already.
    #[error("{} exists", .0.display())]
    Exists(PathBuf),
    /// Another file of the folder holds the same organisation's next year.
    #[error("{} holds that year", .0.display())]
    YearHeld(PathBuf),
    #[error(transparent)]
    Io(#[from] io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preface_names_the_next_year_and_the_era_changes_as_offices_write_it() {
        let preface = "～平成20年度、上京区役所では、平成19年度に続き…～";
        assert_eq!(next_year_text(preface, 2008), "～平成21年度、上京区役所では、平成19年度に続き…～");
        assert_eq!(next_year_text("平成30年度の目標", 2018), "令和元年度の目標");
        assert_eq!(next_year_text("平成31年度の目標", 2019), "令和2年度の目標");
        assert_eq!(next_year_text("令和元年度", 2019), "令和2年度");
        assert_eq!(next_year_text("平成２０年度", 2008), "平成２１年度", "full-width stays full-width");
        assert_eq!(next_year_text("2008年度・12008年度", 2008), "2009年度・12008年度");
        assert_eq!(next_year_text("平成20年4月", 2008), "平成20年4月", "a month is no fiscal year");
    }

    #[test]
    fn the_checkpoint_moves_a_year_and_stays_at_a_months_end() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(a_year_later(d(2008, 11, 30)), d(2009, 11, 30));
        assert_eq!(a_year_later(d(2007, 2, 28)), d(2008, 2, 29), "the end of February");
        assert_eq!(a_year_later(d(2008, 2, 29)), d(2009, 2, 28));
        assert_eq!(a_year_later(d(2008, 10, 15)), d(2009, 10, 15));
    }

    #[test]
    fn only_the_goals_go_over_and_only_when_asked() {
        let mut doc = Document {
            stage: Some(Stage::Published),
            checkpoint: NaiveDate::from_ymd_opt(2018, 11, 30),
            preface: Some("～平成30年度、上京区役所では～".into()),
            notes: Some("※ 平成31年3月末現在".into()),
            divisions: vec![super::super::Division {
                name: "区民部".into(), sections: vec![Section::new("総務課")]
            }],
            ..Document::new("上京区役所", 2018)
        };
        let section = &mut doc.divisions[0].sections[0];
        section.goals = vec!["一".into(), "二".into()];
        section.set_goal_rating(0, Some("◎".into()));
        section.progress = "済".into();
        section.rating = Some("○".into());
        section.status = super::super::Status::Approved;
        let next = next_year(&doc, false);
        assert_eq!((next.fiscal_year, next.stage, next.notes.as_deref()), (2019, Some(Stage::Goals), None));
        assert_eq!(next.preface.as_deref(), Some("～令和元年度、上京区役所では～"));
        assert_eq!(next.title(), "上京区役所 令和元年度");
        assert_eq!(next.divisions[0].sections[0], Section::new("総務課"));
        let kept = next_year(&doc, true);
        let kept = &kept.divisions[0].sections[0];
        assert_eq!((kept.goals.len(), kept.goal_ratings.len(), kept.rating.as_deref()), (2, 0, None));
    }
}
