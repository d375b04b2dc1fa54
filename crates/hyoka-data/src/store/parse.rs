//! YAML text → [`Document`], with every problem tied to a line and column.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;

use super::parse_cycle::{self as cycle, RawGoal, RawReview};
use super::placed::{Placed, Places, WithPlaces, WithoutPlaces};
use super::problem::{Expected, Position, Problem, ProblemKind, position};
use hyoka_core::model::{Division, Document, Grade, Section};

/// A file as read, its values with their places or without (`W`, see `placed.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(super) struct RawDocument<W: Places> {
    organization: W::Of<String>,
    fiscal_year: W::Of<i64>,
    #[serde(default)]
    stage: Option<W::Of<String>>,
    #[serde(default)]
    checkpoint: Option<W::Of<String>>,
    #[serde(default)]
    preface: Option<String>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    scale: Option<Vec<RawGrade<W>>>,
    divisions: Vec<RawDivision<W>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
struct RawGrade<W: Places> {
    mark: W::Of<String>,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
struct RawDivision<W: Places> {
    name: W::Of<String>,
    #[serde(default)]
    sections: Vec<RawSection<W>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
struct RawSection<W: Places> {
    name: W::Of<String>,
    #[serde(default)]
    goals_intro: Option<String>,
    #[serde(default)]
    goals_numbered_from: Option<W::Of<i64>>,
    #[serde(default)]
    goals: Vec<RawGoal<W>>,
    #[serde(default)]
    progress: Option<String>,
    #[serde(default)]
    rating: Option<W::Of<String>>,
    #[serde(default)]
    reflection: Option<String>,
    #[serde(default)]
    status: Option<W::Of<String>>,
    #[serde(default)]
    review: Option<W::Of<RawReview<W>>>,
    #[serde(default)]
    updated: Option<W::Of<String>>,
    #[serde(default)]
    updated_by: Option<String>,
}

/// Parses and validates one file's text. The first problem of the file's shape (an unknown key,
/// a list where a text belongs) ends the parse; the problems of its values are reported all at
/// once. [`super::diagnose::all_problems`] goes on past the shape's problems too.
pub fn parse_document(text: &str) -> Result<Document, Vec<Problem>> {
    #[cfg(test)]
    super::counted::read(super::counted::Read::Document, text);
    // Read once without the places of the values; a file with a problem is read again with
    // them, so that each problem is said where it is (and exactly as before).
    if let Ok(raw) = serde_saphyr::from_str::<RawDocument<WithoutPlaces>>(text)
        && let Ok(doc) = validate(raw)
    {
        return Ok(doc);
    }
    validate(deserialize(text).map_err(|p| vec![p])?)
}

/// The file's shape: keys and kinds of value, with positions.
pub(super) fn deserialize(text: &str) -> Result<RawDocument<WithPlaces>, Problem> {
    serde_saphyr::from_str(text).map_err(|e| syntax_problem(&e, text))
}

/// The values: years, dates, marks on the scale, names present and not repeated.
pub(super) fn validate<W: Places>(raw: RawDocument<W>) -> Result<Document, Vec<Problem>> {
    let mut problems = Vec::new();

    let fiscal_year = *raw.fiscal_year.value();
    if !(1900..=2999).contains(&fiscal_year) {
        problems.push(Problem::at(raw.fiscal_year.at(), ProblemKind::BadFiscalYear { value: fiscal_year }));
    }
    let stage = cycle::stage::<W>(raw.stage, &mut problems);
    let checkpoint = raw.checkpoint.as_ref().and_then(|c| {
        let parsed = NaiveDate::parse_from_str(c.value().trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push(Problem::at(c.at(), ProblemKind::BadDate { field: "checkpoint", value: c.value().clone() }));
        }
        parsed
    });

    let scale = raw.scale.map(|grades| {
        let mut seen: Vec<String> = Vec::new();
        grades
            .into_iter()
            .map(|g| {
                if seen.contains(g.mark.value()) {
                    problems
                        .push(Problem::at(g.mark.at(), ProblemKind::DuplicateMark { mark: g.mark.value().clone() }));
                } else {
                    seen.push(g.mark.value().clone());
                }
                Grade { mark: g.mark.into_value(), label: g.label }
            })
            .collect::<Vec<_>>()
    });
    let marks: Vec<String> = match &scale {
        Some(s) => s.iter().map(|g| g.mark.clone()).collect(),
        None => hyoka_core::model::default_scale().into_iter().map(|g| g.mark).collect(),
    };

    if raw.organization.value().trim().is_empty() {
        problems.push(Problem::at(raw.organization.at(), ProblemKind::MissingField { field: "organization".into() }));
    }

    let mut division_lines: HashMap<String, u64> = HashMap::new();
    let mut divisions = Vec::with_capacity(raw.divisions.len());
    for raw_division in raw.divisions {
        let at = raw_division.name.at();
        let name = raw_division.name.into_value();
        check_name(&name, "division", at, &mut division_lines, &mut problems, |first_line| {
            ProblemKind::DuplicateDivision { name: name.clone(), first_line }
        });
        let mut section_lines: HashMap<String, u64> = HashMap::new();
        let mut sections = Vec::with_capacity(raw_division.sections.len());
        for raw_section in raw_division.sections {
            let (section_name, at) = (raw_section.name.value(), raw_section.name.at());
            check_name(section_name, "section", at, &mut section_lines, &mut problems, |first_line| {
                ProblemKind::DuplicateSection { division: name.clone(), name: section_name.clone(), first_line }
            });
            sections.push(section(raw_section, &marks, &mut problems));
        }
        divisions.push(Division { name, sections });
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Document {
        organization: raw.organization.into_value(),
        fiscal_year: fiscal_year as i32,
        stage,
        checkpoint,
        preface: raw.preface,
        notes: raw.notes.filter(|n| !n.is_empty()),
        scale,
        divisions,
    })
}

fn check_name(
    name: &str,
    what: &'static str,
    at: Option<Position>,
    seen: &mut HashMap<String, u64>,
    problems: &mut Vec<Problem>,
    duplicate: impl FnOnce(u64) -> ProblemKind,
) {
    if name.trim().is_empty() {
        problems.push(Problem::at(at, ProblemKind::EmptyName { what }));
    } else if let Some(&first_line) = seen.get(name) {
        problems.push(Problem::at(at, duplicate(first_line)));
    } else {
        seen.insert(name.to_owned(), at.map_or(0, |p| p.line));
    }
}

fn section<W: Places>(raw: RawSection<W>, marks: &[String], problems: &mut Vec<Problem>) -> Section {
    let rating = raw.rating.and_then(|r| {
        if marks.contains(r.value()) {
            Some(r.into_value())
        } else {
            let kind = ProblemKind::RatingNotOnScale { mark: r.value().clone(), allowed: marks.to_vec() };
            problems.push(Problem::at(r.at(), kind));
            None
        }
    });
    let goals_numbered_from = raw.goals_numbered_from.and_then(|n| {
        let number = u32::try_from(*n.value()).ok().filter(|n| (1..=20).contains(n));
        if number.is_none() {
            problems.push(Problem::at(n.at(), ProblemKind::BadGoalNumber { value: *n.value() }));
        }
        number
    });
    let updated = raw.updated.and_then(|u| {
        let parsed = DateTime::parse_from_rfc3339(u.value().trim()).ok();
        if parsed.is_none() {
            problems.push(Problem::at(u.at(), ProblemKind::BadDate { field: "updated", value: u.value().clone() }));
        }
        parsed
    });
    let (goals, goal_ratings) = cycle::goals::<W>(raw.goals, marks, problems);
    let (status, review) = cycle::status_and_review::<W>(&raw.name, raw.status, raw.review, problems);
    Section {
        name: raw.name.into_value(),
        goals_intro: raw.goals_intro.unwrap_or_default(),
        goals_numbered_from,
        goals,
        goal_ratings,
        progress: raw.progress.unwrap_or_default(),
        rating,
        reflection: raw.reflection.unwrap_or_default(),
        status,
        review,
        updated,
        updated_by: raw.updated_by,
    }
}

/// Turns the parser's error into words a clerk can act on. The parser's own text is meant for
/// programmers (it suggests API options); only a genuine syntax error keeps it, as a detail.
pub fn explain_parse_error(error: &serde_saphyr::Error, text: &str) -> Problem {
    syntax_problem(error, text)
}

fn syntax_problem(error: &serde_saphyr::Error, text: &str) -> Problem {
    use serde_saphyr::Error as E;
    let at = error.location().as_ref().and_then(position);
    let kind = match innermost(error) {
        E::SerdeUnknownField { field, expected, .. } => {
            ProblemKind::UnknownKey { key: field.clone(), allowed: expected.iter().map(|k| (*k).to_owned()).collect() }
        }
        E::SerdeMissingField { field, .. } => ProblemKind::MissingField { field: (*field).to_owned() },
        E::DuplicateMappingKey { key, .. } => ProblemKind::DuplicateKey { key: key.clone() },
        E::MultipleDocuments { .. } => ProblemKind::SeveralDocuments,
        E::InvalidScalar { ty, .. } => ProblemKind::WrongType { expected: expected(ty) },
        E::SerdeInvalidType { expected: what, .. } | E::SerdeInvalidValue { expected: what, .. } => {
            ProblemKind::WrongType { expected: expected(what) }
        }
        E::Unexpected { expected: what, .. } => ProblemKind::WrongType { expected: expected(what) },
        E::NullIntoString { .. } => ProblemKind::WrongType { expected: Expected::Text },
        E::UnknownAnchor { .. } => ProblemKind::UnknownAnchor,
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => ProblemKind::TooComplex,
        other => {
            let detail = other.to_string();
            let first_line = strip_location_suffix(detail.lines().next().unwrap_or_default());
            // The character is at the position, or named in the message as `\u{7f}`.
            let named = first_line
                .split_once("`\\u{")
                .and_then(|(_, rest)| u32::from_str_radix(rest.split('}').next()?, 16).ok())
                .and_then(char::from_u32);
            let named = named.or_else(|| first_line.contains("BOM").then_some('\u{FEFF}'));
            match named.or_else(|| at.and_then(|p| char_at(text, p))) {
                Some(c) if !allowed_raw(c) || c == '\u{FEFF}' => ProblemKind::ForbiddenCharacter { code: c as u32 },
                _ if first_line.contains("found a tab") || first_line.contains("tabs") => ProblemKind::Tab,
                _ if first_line.contains("unclosed quote") || first_line.contains("quoted scalar") => {
                    ProblemKind::UnclosedQuote
                }
                _ if first_line.contains("recursion limit") || first_line.contains("nesting") => {
                    ProblemKind::TooComplex
                }
                _ => ProblemKind::Syntax { detail: first_line },
            }
        }
    };
    Problem::at(at, kind)
}

/// The error itself, out of the wrappers that add a snippet or an alias's second location.
fn innermost(error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    match error {
        serde_saphyr::Error::WithSnippet { error, .. } | serde_saphyr::Error::AliasError { error, .. } => {
            innermost(error)
        }
        other => other,
    }
}

fn expected(what: &str) -> Expected {
    let what = what.to_ascii_lowercase();
    if what.contains("scalar") {
        Expected::Value
    } else if what.contains("sequence") || what.contains("seq") {
        Expected::List
    } else if what.contains("map") || what.contains("struct") {
        Expected::Mapping
    } else if what.contains("str") || what.contains("char") {
        Expected::Text
    } else if ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "int", "number"].iter().any(|n| what.contains(n)) {
        Expected::Number
    } else {
        Expected::Other
    }
}

/// The character at a 1-based line and column.
fn char_at(text: &str, at: Position) -> Option<char> {
    let line = text.split('\n').nth(usize::try_from(at.line).ok()?.checked_sub(1)?)?;
    line.chars().nth(usize::try_from(at.column).ok()?.checked_sub(1)?)
}

/// What YAML lets a file hold as it is (YAML 1.2, "c-printable").
fn allowed_raw(c: char) -> bool {
    matches!(c as u32, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0x85 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x1_0000..)
}

/// The parser appends "at line X column Y"; we print the position ourselves.
fn strip_location_suffix(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is read without places is what is read with them: the same document or none, for
    /// values YAML may write in more than one way.
    #[test]
    fn a_file_reads_the_same_with_and_without_the_places_of_its_values() {
        let sample = include_str!("../../../../data/kamigyo/2008.yaml");
        let head = "organization: 上京区役所\nfiscal_year: 2008\n";
        let section =
            |fields: &str| format!("{head}divisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n{fields}");
        let texts = [
            sample.to_owned(),
            sample.replace("fiscal_year: 2008", "fiscal_year: \"2008\""),
            sample.replace("fiscal_year: 2008", "fiscal_year: 2008.0"),
            sample.replace("fiscal_year: 2008", "fiscal_year: 0x7d8"),
            sample.replace("organization: 上京区役所", "organization: 123"),
            sample.replace("organization: 上京区役所", "organization: ~"),
            sample.replace("organization: 上京区役所", "organization: &org 上京区役所\npreface: *org"),
            section("        rating: ○\n        status: submitted\n"),
            section("        rating: 1\n"),
            section("        rating: yes\n"),
            section("        goals_numbered_from: '2'\n        goals: [a, b]\n"),
            section("        goals:\n          - { text: 一, rating: ◎ }\n          - text: 二\n"),
            section("        status: approved\n        review: { by: suzuki, at: 2008-12-01T10:00:00+09:00 }\n"),
            section("        updated: 2008-12-01T10:00:00+09:00\n        updated_by: 12\n"),
            section("        progress: ~\n        reflection: !!str 3\n"),
        ];
        for text in texts {
            let without =
                serde_saphyr::from_str::<RawDocument<WithoutPlaces>>(&text).ok().and_then(|r| validate(r).ok());
            let with = deserialize(&text).ok().and_then(|r| validate(r).ok());
            assert_eq!(without, with, "{text}");
        }
    }
}
