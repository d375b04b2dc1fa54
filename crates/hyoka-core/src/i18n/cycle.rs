//! The words of the year's cycle that belong to the documents themselves: stages, statuses, dates in
//! the office's calendar, and the problems of the cycle's keys in a file.

use chrono::{DateTime, FixedOffset};

use super::Lang;
pub use super::zone::{in_office_zone, office_now, set_office_zone};
use crate::model::ProblemKind;
use crate::model::{Stage, Status, era_date};
use crate::tr;

/// A problem with a key of the cycle in a data file: what is wrong and what to do (`None` for the
/// others, which `i18n::store` words).
pub fn problem(kind: &ProblemKind, lang: Lang) -> Option<String> {
    Some(match kind {
        ProblemKind::BadStage { value } => tr!(
            lang,
            "stage「{value}」は年度の段階ではありません。goals（年度当初）・midyear（中間）・yearend（期末）・published（公表）のどれかにするか、その行を消してください。",
            "stage '{value}' is not a stage of the year; use goals, midyear, yearend or published, or remove the line."
        ),
        ProblemKind::BadStatus { value } => tr!(
            lang,
            "status「{value}」は提出状況ではありません。draft（下書き）・submitted（提出済み）・approved（承認済み）・returned（差戻し）のどれかにしてください。",
            "status '{value}' is not a status; use draft, submitted, approved or returned."
        ),
        ProblemKind::NoReview { status } => {
            let (key, word) = (status.key(), status.word(Lang::Ja));
            tr!(
                lang,
                "status: {key}（{word}）には、誰がいつ審査したかを書いた review: {{ by, at }} が要ります。review を書き足すか、status を submitted に戻してください。",
                "status: {key} needs the review: {{ by, at }} that says who reviewed it and when; add it, or set the status back to submitted."
            )
        }
        ProblemKind::ReviewOfDraft { section } => tr!(
            lang,
            "「{section}」は提出されていない（status がない、または draft）のに review があります。review を消すか、status を書いてください。",
            "'{section}' has a review but was never submitted (no status, or draft); remove the review or write the status."
        ),
        ProblemKind::ReturnedWithoutComment => tr!(
            lang,
            "差戻し（status: returned）の review には、直してほしいことを書いた comment が要ります。",
            "a returned section's review needs a comment saying what to fix."
        ),
        _ => return None,
    })
}

/// How a stage is named on the screen.
pub fn stage_name(stage: Stage, lang: Lang) -> &'static str {
    match stage {
        Stage::Goals => lang.pick("年度当初（目標）", "goals"),
        Stage::Midyear => lang.pick("中間（取組状況）", "mid-year"),
        Stage::Yearend => lang.pick("期末（達成度・振り返り）", "year end"),
        Stage::Published => lang.pick("公表", "published"),
    }
}

/// Why next year's file was not written.
pub fn new_year_error(error: &crate::model::NewYearError, lang: Lang) -> String {
    use crate::model::NewYearError as E;
    match error {
        E::Exists(path) => {
            let path = path.display();
            tr!(lang, "{path} はもうあります。上書きはしません。", "{path} exists already; it is never overwritten.")
        }
        E::YearHeld(path) => {
            let path = path.display();
            tr!(lang, "その年度は {path} にもうあります。", "that year is in {path} already.")
        }
        E::Io(e) => tr!(lang, "書き込めません（{e}）。", "cannot write ({e})."),
    }
}

/// The short name of a stage, for the status line.
pub fn stage_short(stage: Stage, lang: Lang) -> &'static str {
    match stage {
        Stage::Goals => lang.pick("年度当初", "goals"),
        Stage::Midyear => lang.pick("中間", "mid-year"),
        Stage::Yearend => lang.pick("期末", "year end"),
        Stage::Published => lang.pick("公表", "published"),
    }
}

/// The one-character mark of a status in the tree (two columns wide, as two spaces).
pub fn status_mark(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Draft => "  ",
        Status::Submitted => lang.pick("提", "S "),
        Status::Approved => lang.pick("承", "A "),
        Status::Returned => lang.pick("差", "R "),
    }
}

/// How a status is named on the screen.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    status.word(lang)
}

/// Which calendar dates are shown in: the era (令和8年11月26日, the default) or the Western one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Calendar {
    #[default]
    Era,
    Western,
}

/// A day: 令和8年11月26日, or 2026年11月26日 / 2026-11-26 in the Western calendar.
pub fn day(at: chrono::NaiveDate, calendar: Calendar, lang: Lang) -> String {
    match (calendar, lang) {
        (Calendar::Era, _) => era_date(at),
        (Calendar::Western, Lang::Ja) => at.format("%Y年%-m月%-d日").to_string(),
        (Calendar::Western, Lang::En) => at.format("%Y-%m-%d").to_string(),
    }
}

/// A moment: the day, then the time of day (令和8年11月26日 13:58).
pub fn moment(at: DateTime<FixedOffset>, calendar: Calendar, lang: Lang) -> String {
    let at = super::zone::in_office_zone(at);
    format!("{} {}", day(at.date_naive(), calendar, lang), at.format("%H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_in_the_era_unless_asked_otherwise() {
        let at = DateTime::parse_from_rfc3339("2026-11-26T13:58:00+09:00").unwrap_or_default();
        assert_eq!(moment(at, Calendar::Era, Lang::Ja), "令和8年11月26日 13:58");
        assert_eq!(moment(at, Calendar::Era, Lang::En), "令和8年11月26日 13:58");
        assert_eq!(moment(at, Calendar::Western, Lang::Ja), "2026年11月26日 13:58");
        assert_eq!(day(at.date_naive(), Calendar::Western, Lang::En), "2026-11-26");
    }
}
