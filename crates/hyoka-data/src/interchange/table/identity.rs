//! Whose table, which fiscal year and which checkpoint: from the preface, the heading or the flags.
//!
//! The preface ("～平成20年度、上京区役所では…"), the progress heading ("令和5年11月末現在") and the flags
//! are checked against each other; a year or a date that cannot be is refused, never wrapped or guessed.

use chrono::{Datelike, NaiveDate};

use super::super::error::ImportError;
use super::super::options::ImportOptions;
use crate::i18n::interchange::Location;
use crate::i18n::interchange::read::ReadMsg;
use hyoka_core::model::{FISCAL_YEARS, era_year_at, fiscal_year_in, fiscal_year_label, small_number};

/// A text and where it stands in the table.
pub(crate) type Placed<'a> = (&'a Location, &'a str);

/// "…年度、上京区役所では、…" → 上京区役所.
pub(crate) fn organization_in(text: &str) -> Option<String> {
    let after = text.split_once("年度、").map_or(text, |(_, rest)| rest);
    let (name, _) = after.split_once("では")?;
    let name = name.trim_matches(|c: char| c == '～' || c == '、' || c.is_whitespace());
    (!name.is_empty()).then(|| name.to_owned())
}

/// The organisation and the fiscal year: the command line first, then the preface, then a year the
/// progress heading names; a year outside [`FISCAL_YEARS`] is refused, never wrapped or guessed.
pub(crate) fn identity(
    preface: Option<Placed>,
    heading: Option<Placed>,
    options: &ImportOptions,
    first: &Location,
) -> Result<(String, i32), ImportError> {
    let at = preface.map_or(first, |(at, _)| at);
    let text = preface.map_or("", |(_, text)| text);
    let fiscal_year = match options.fiscal_year {
        Some(year) => year,
        None => fiscal_year_in(text)
            .or_else(|| heading.and_then(|(_, h)| date_phrase(h)).and_then(|d| d.fiscal_year()))
            .ok_or_else(|| ImportError::at(at, ReadMsg::NoFiscalYear))?,
    };
    if !FISCAL_YEARS.contains(&fiscal_year) {
        return Err(ImportError::at(at, ReadMsg::YearOutOfRange { year: i64::from(fiscal_year) }));
    }
    let organization = match &options.organization {
        Some(o) => o.clone(),
        None => organization_in(text).ok_or_else(|| ImportError::at(at, ReadMsg::NoOrganization))?,
    };
    Ok((organization, fiscal_year))
}

/// The date a progress heading gives ("11月末現在の取組状況(ウ)" → 30 November of the fiscal year;
/// January to March are in the year after), `None` for a heading without one ("取組状況").
pub(crate) fn checkpoint(heading: Option<Placed>, fiscal_year: i32) -> Result<Option<NaiveDate>, ImportError> {
    let Some((at, heading)) = heading else { return Ok(None) };
    let phrase = phrase_in(heading);
    if phrase.is_empty() && !before_marker(heading).contains('月') {
        return Ok(None);
    }
    let unreadable = || ImportError::at(at, ReadMsg::CheckpointUnreadable { phrase: heading.to_owned() });
    let parsed = date_phrase(heading).ok_or_else(unreadable)?;
    let calendar_year = match parsed.year {
        Some(year) => year,
        None if parsed.month <= 3 => fiscal_year.checked_add(1).ok_or_else(unreadable)?,
        None => fiscal_year,
    };
    let date = parsed.date_in(calendar_year).ok_or_else(unreadable)?;
    let first_day = NaiveDate::from_ymd_opt(fiscal_year, 4, 1).ok_or_else(unreadable)?;
    let next_year = NaiveDate::from_ymd_opt(fiscal_year.checked_add(1).ok_or_else(unreadable)?, 4, 1);
    if date < first_day || next_year.is_none_or(|next| date >= next) {
        let phrase = phrase.to_owned();
        return Err(ImportError::at(
            at,
            ReadMsg::CheckpointOutside { phrase, fiscal_year: fiscal_year_label(fiscal_year) },
        ));
    }
    Ok(Some(date))
}

/// The date words of a heading: year (optional), month, and a day or the month's end.
struct DatePhrase {
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
}

impl DatePhrase {
    /// The fiscal year the date falls in, when the heading names the year.
    fn fiscal_year(&self) -> Option<i32> {
        let year = self.year?;
        if self.month <= 3 { year.checked_sub(1) } else { Some(year) }
    }

    fn date_in(&self, year: i32) -> Option<NaiveDate> {
        match self.day {
            Some(day) => NaiveDate::from_ymd_opt(year, self.month, day),
            None => {
                let first = NaiveDate::from_ymd_opt(year, self.month, 1)?;
                let next = if self.month == 12 {
                    NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
                } else {
                    first.with_month(self.month + 1)?
                };
                next.pred_opt()
            }
        }
    }
}

/// What comes before 現在 (or 時点, or の取組状況) in a heading.
fn before_marker(heading: &str) -> &str {
    ["現在", "時点", "の取組状況", "取組状況"]
        .iter()
        .find_map(|marker| heading.split_once(marker).map(|(before, _)| before))
        .unwrap_or("")
}

/// The date words just before the marker: "…令和５年１１月末" of "令和５年１１月末現在の取組状況".
fn phrase_in(heading: &str) -> &str {
    let before = before_marker(heading).trim_end();
    let date_like = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || "年月日末元令和平成昭".contains(c);
    let start = before.char_indices().rev().take_while(|(_, c)| date_like(*c)).last().map_or(before.len(), |(i, _)| i);
    before.get(start..).unwrap_or("")
}

/// "令和5年11月末" / "11月30日" / "２０２３年１１月末" → the phrase's parts; `None` for anything else.
fn date_phrase(heading: &str) -> Option<DatePhrase> {
    let phrase = phrase_in(heading);
    let (year, rest) = match era_year_at(phrase) {
        Some((year, rest)) => (Some(year), rest),
        None => (None, phrase),
    };
    let (month, rest) = rest.split_once('月')?;
    let month = u32::try_from(small_number(month)?).ok().filter(|m| (1..=12).contains(m))?;
    let day = match rest {
        "末" => None,
        day => Some(u32::try_from(small_number(day.strip_suffix('日')?)?).ok()?),
    };
    Some(DatePhrase { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(heading: &str, fiscal_year: i32) -> Result<Option<NaiveDate>, ReadMsg> {
        let at = Location::Text { line: 9, column: 1 };
        checkpoint(Some((&at, heading)), fiscal_year).map_err(|e| e.problem)
    }

    fn day(y: i32, m: u32, d: u32) -> Result<Option<NaiveDate>, ReadMsg> {
        Ok(NaiveDate::from_ymd_opt(y, m, d))
    }

    #[test]
    fn checkpoints_come_from_the_heading() {
        assert_eq!(read("11月末現在の取組状況(ウ) (目標達成状況, 課題等)", 2008), day(2008, 11, 30));
        assert_eq!(read("2月末現在", 2008), day(2009, 2, 28));
        assert_eq!(read("9月15日現在", 2008), day(2008, 9, 15));
        assert_eq!(read("１１月末現在の取組状況", 2008), day(2008, 11, 30), "full-width digits");
        assert_eq!(read("令和5年11月末現在の取組状況", 2023), day(2023, 11, 30));
        assert_eq!(read("令和６年２月末時点の取組状況", 2023), day(2024, 2, 29));
        assert_eq!(read("取組状況", 2008), Ok(None));
    }

    #[test]
    fn bad_months_days_and_years_are_errors_never_dates() {
        let unreadable = |h: &str| Err(ReadMsg::CheckpointUnreadable { phrase: h.to_owned() });
        assert_eq!(read("0月末現在", 2008), unreadable("0月末現在"), "issue 10.1: no panic, no 31 December");
        assert_eq!(read("13月末現在", 2008), unreadable("13月末現在"));
        assert_eq!(read("2月30日現在", 2008), unreadable("2月30日現在"));
        assert_eq!(read("99999999999月末現在", 2008), unreadable("99999999999月末現在"));
        assert_eq!(read("1月末現在", i32::MAX), unreadable("1月末現在"), "no overflow past the last year");
        assert_eq!(read("12月末現在", i32::MAX), unreadable("12月末現在"));
        let outside = read("令和4年11月末現在", 2023);
        assert_eq!(
            outside,
            Err(ReadMsg::CheckpointOutside {
                phrase: "令和4年11月末".into(), fiscal_year: "令和5年度".into()
            })
        );
    }

    #[test]
    fn the_year_comes_from_options_preface_or_heading_and_must_be_a_year() {
        let at = Location::Text { line: 1, column: 1 };
        let preface = (&at, "～令和５年度、京都市役所では～");
        let id = |options: &ImportOptions, heading: Option<Placed>| {
            identity(Some(preface), heading, options, &at).map_err(|e| e.problem)
        };
        assert_eq!(id(&ImportOptions::default(), None), Ok(("京都市役所".into(), 2023)));
        let huge = ImportOptions { fiscal_year: Some(i32::MAX), ..ImportOptions::default() };
        assert_eq!(id(&huge, None), Err(ReadMsg::YearOutOfRange { year: i64::from(i32::MAX) }));
        let bare = (&at, "～京都市役所では～");
        let from_heading = identity(Some(bare), Some((&at, "令和6年2月末現在")), &ImportOptions::default(), &at);
        assert_eq!(from_heading.map_err(|e| e.problem), Ok(("京都市役所".into(), 2023)));
        assert_eq!(organization_in("～平成20年度、上京区役所では、市民の"), Some("上京区役所".into()));
    }
}
