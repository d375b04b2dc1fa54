//! YAML text → [`Document`], with every problem tied to a line and column.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::parse_cycle::{self as cycle, RawGoal, RawReview};
use super::problem::{Expected, Position, Problem, ProblemKind, position};
use hyoka_core::model::{Division, Document, Grade, Section};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDocument {
    organization: Spanned<String>,
    fiscal_year: Spanned<i64>,
    #[serde(default)]
    stage: Option<Spanned<String>>,
    #[serde(default)]
    checkpoint: Option<Spanned<String>>,
    #[serde(default)]
    preface: Option<String>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    scale: Option<Vec<RawGrade>>,
    divisions: Vec<RawDivision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrade {
    mark: Spanned<String>,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDivision {
    name: Spanned<String>,
    #[serde(default)]
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    name: Spanned<String>,
    #[serde(default)]
    goals_intro: Option<String>,
    #[serde(default)]
    goals_numbered_from: Option<Spanned<i64>>,
    #[serde(default)]
    goals: Vec<RawGoal>,
    #[serde(default)]
    progress: Option<String>,
    #[serde(default)]
    rating: Option<Spanned<String>>,
    #[serde(default)]
    reflection: Option<String>,
    #[serde(default)]
    status: Option<Spanned<String>>,
    #[serde(default)]
    review: Option<Spanned<RawReview>>,
    #[serde(default)]
    updated: Option<Spanned<String>>,
    #[serde(default)]
    updated_by: Option<String>,
}

/// Parses and validates one file's text. The first problem of the file's shape (an unknown key,
/// a list where a text belongs) ends the parse; the problems of its values are reported all at
/// once. [`super::diagnose::all_problems`] goes on past the shape's problems too.
pub fn parse_document(text: &str) -> Result<Document, Vec<Problem>> {
    #[cfg(test)]
    PARSES.with(|count| count.set(count.get() + 1));
    validate(deserialize(text).map_err(|p| vec![p])?)
}

#[cfg(test)]
thread_local! {
    /// How many texts this thread has loaded: a save must load the file on disk and what it
    /// writes once each.
    pub(crate) static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The file's shape: keys and kinds of value, with positions.
pub(super) fn deserialize(text: &str) -> Result<RawDocument, Problem> {
    serde_saphyr::from_str(text).map_err(|e| syntax_problem(&e, text))
}

/// The values: years, dates, marks on the scale, names present and not repeated.
pub(super) fn validate(raw: RawDocument) -> Result<Document, Vec<Problem>> {
    let mut problems = Vec::new();

    let fiscal_year = raw.fiscal_year.value;
    if !(1900..=2999).contains(&fiscal_year) {
        problems.push(Problem::at(
            position(&raw.fiscal_year.referenced),
            ProblemKind::BadFiscalYear { value: fiscal_year },
        ));
    }
    let stage = cycle::stage(raw.stage, &mut problems);
    let checkpoint = raw.checkpoint.as_ref().and_then(|c| {
        let parsed = NaiveDate::parse_from_str(c.value.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push(Problem::at(
                position(&c.referenced),
                ProblemKind::BadDate { field: "checkpoint", value: c.value.clone() },
            ));
        }
        parsed
    });

    let scale = raw.scale.map(|grades| {
        let mut seen = HashMap::new();
        grades
            .into_iter()
            .map(|g| {
                if seen.insert(g.mark.value.clone(), ()).is_some() {
                    problems.push(Problem::at(
                        position(&g.mark.referenced),
                        ProblemKind::DuplicateMark { mark: g.mark.value.clone() },
                    ));
                }
                Grade { mark: g.mark.value, label: g.label }
            })
            .collect::<Vec<_>>()
    });
    let marks: Vec<String> = match &scale {
        Some(s) => s.iter().map(|g| g.mark.clone()).collect(),
        None => hyoka_core::model::default_scale().into_iter().map(|g| g.mark).collect(),
    };

    if raw.organization.value.trim().is_empty() {
        problems.push(Problem::at(
            position(&raw.organization.referenced),
            ProblemKind::MissingField { field: "organization".into() },
        ));
    }

    let mut division_lines: HashMap<String, u64> = HashMap::new();
    let mut divisions = Vec::with_capacity(raw.divisions.len());
    for raw_division in raw.divisions {
        let name = raw_division.name.value.clone();
        let at = position(&raw_division.name.referenced);
        check_name(&name, "division", at, &mut division_lines, &mut problems, |first_line| {
            ProblemKind::DuplicateDivision { name: name.clone(), first_line }
        });
        let mut section_lines: HashMap<String, u64> = HashMap::new();
        let mut sections = Vec::with_capacity(raw_division.sections.len());
        for raw_section in raw_division.sections {
            let section_name = raw_section.name.value.clone();
            let at = position(&raw_section.name.referenced);
            check_name(&section_name, "section", at, &mut section_lines, &mut problems, |first_line| {
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
        organization: raw.organization.value,
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

fn section(raw: RawSection, marks: &[String], problems: &mut Vec<Problem>) -> Section {
    let rating = raw.rating.and_then(|r| {
        if marks.contains(&r.value) {
            Some(r.value)
        } else {
            problems.push(Problem::at(
                position(&r.referenced),
                ProblemKind::RatingNotOnScale { mark: r.value.clone(), allowed: marks.to_vec() },
            ));
            None
        }
    });
    let goals_numbered_from = raw.goals_numbered_from.and_then(|n| {
        let number = u32::try_from(n.value).ok().filter(|n| (1..=20).contains(n));
        if number.is_none() {
            problems.push(Problem::at(position(&n.referenced), ProblemKind::BadGoalNumber { value: n.value }));
        }
        number
    });
    let updated = raw.updated.and_then(|u| {
        let parsed = DateTime::parse_from_rfc3339(u.value.trim()).ok();
        if parsed.is_none() {
            problems.push(Problem::at(
                position(&u.referenced),
                ProblemKind::BadDate { field: "updated", value: u.value.clone() },
            ));
        }
        parsed
    });
    let (goals, goal_ratings) = cycle::goals(raw.goals, marks, problems);
    let (status, review) = cycle::status_and_review(&raw.name, raw.status, raw.review, problems);
    Section {
        name: raw.name.value,
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
