//! The keys of the year's cycle as read from a file (`stage`, a goal's `{ text, rating }`,
//! `status`, `review`), each checked against its place and tied to a line and column.

use std::fmt;

use chrono::DateTime;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::marker::PhantomData;

use super::placed::{Placed, Places};
use super::problem::{Problem, ProblemKind};
use hyoka_core::model::{Review, Stage, Status};

/// A goal as written: plain text, or text with its own mark.
pub(crate) enum RawGoal<W: Places> {
    Plain(String),
    Rated { text: String, rating: Option<W::Of<String>> },
}

impl<'de, W: Places> Deserialize<'de> for RawGoal<W> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(GoalVisitor::<W>(PhantomData))
    }
}

struct GoalVisitor<W>(PhantomData<W>);

impl<'de, W: Places> Visitor<'de> for GoalVisitor<W> {
    type Value = RawGoal<W>;

    // "string" makes the loader say "text expected" for a number, a yes or a list in its place.
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a goal as a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<RawGoal<W>, E> {
        Ok(RawGoal::Plain(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<RawGoal<W>, E> {
        Ok(RawGoal::Plain(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawGoal<W>, A::Error> {
        let (mut text, mut rating) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "text" if text.is_none() => text = Some(map.next_value::<String>()?),
                "rating" if rating.is_none() => rating = Some(map.next_value::<W::Of<String>>()?),
                "text" | "rating" => {
                    return Err(de::Error::duplicate_field(if text.is_some() { "text" } else { "rating" }));
                }
                other => return Err(de::Error::unknown_field(other, &["text", "rating"])),
            }
        }
        let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
        Ok(RawGoal::Rated { text, rating })
    }
}

/// `review: { by, at, comment }` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(crate) struct RawReview<W: Places> {
    by: String,
    at: W::Of<String>,
    #[serde(default)]
    comment: Option<String>,
}

/// `stage:`; a value that is none of the four is a problem at its place.
pub(crate) fn stage<W: Places>(raw: Option<W::Of<String>>, problems: &mut Vec<Problem>) -> Option<Stage> {
    let raw = raw?;
    let stage = Stage::from_key(raw.value().trim());
    if stage.is_none() {
        let at = raw.at();
        problems.push(Problem::at(at, ProblemKind::BadStage { value: raw.into_value() }));
    }
    stage
}

/// The goals and their marks; a mark not on the scale is a problem at its place.
pub(crate) fn goals<W: Places>(
    raw: Vec<RawGoal<W>>,
    marks: &[String],
    problems: &mut Vec<Problem>,
) -> (Vec<String>, Vec<Option<String>>) {
    let mut goals = Vec::with_capacity(raw.len());
    let mut ratings = Vec::with_capacity(raw.len());
    for goal in raw {
        match goal {
            RawGoal::Plain(text) => {
                goals.push(text);
                ratings.push(None);
            }
            RawGoal::Rated { text, rating } => {
                goals.push(text);
                ratings.push(rating.and_then(|r| {
                    if marks.contains(r.value()) {
                        return Some(r.into_value());
                    }
                    let kind = ProblemKind::RatingNotOnScale { mark: r.value().clone(), allowed: marks.to_vec() };
                    problems.push(Problem::at(r.at(), kind));
                    None
                }));
            }
        }
    }
    while ratings.last().is_some_and(Option::is_none) {
        ratings.pop();
    }
    (goals, ratings)
}

/// `status:` and `review:` of one section, each checked against the other: a review belongs to a
/// section that was submitted, an approval or a return names its reviewer, a return says why.
pub(crate) fn status_and_review<W: Places>(
    name: &W::Of<String>,
    status: Option<W::Of<String>>,
    review: Option<W::Of<RawReview<W>>>,
    problems: &mut Vec<Problem>,
) -> (Status, Option<Review>) {
    let at_status = status.as_ref().and_then(Placed::at);
    let value = match status {
        None => Status::Draft,
        Some(raw) => Status::from_key(raw.value().trim()).unwrap_or_else(|| {
            let at = raw.at();
            problems.push(Problem::at(at, ProblemKind::BadStatus { value: raw.into_value() }));
            Status::Draft
        }),
    };
    let Some(raw) = review else {
        if matches!(value, Status::Approved | Status::Returned) {
            problems.push(Problem::at(at_status, ProblemKind::NoReview { status: value }));
        }
        return (value, None);
    };
    let at_review = raw.at();
    let RawReview { by, at, comment } = raw.into_value();
    let when = DateTime::parse_from_rfc3339(at.value().trim()).ok();
    if when.is_none() {
        let place = at.at();
        problems.push(Problem::at(place, ProblemKind::BadDate { field: "review.at", value: at.into_value() }));
    }
    if value == Status::Draft {
        // A review with no submission before it: the status was removed by hand, or the review
        // was copied in. Said at the review, with the section's name.
        problems.push(Problem::at(at_review, ProblemKind::ReviewOfDraft { section: name.value().clone() }));
    }
    if by.trim().is_empty() {
        problems.push(Problem::at(at_review, ProblemKind::MissingField { field: "review.by".into() }));
    }
    let comment = comment.unwrap_or_default();
    if value == Status::Returned && comment.trim().is_empty() {
        problems.push(Problem::at(at_review, ProblemKind::ReturnedWithoutComment));
    }
    let review = when.map(|at| Review { by, at, comment });
    (value, review)
}
