//! YAML text → [`Document`], with every problem tied to a line and column.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

use super::problem::{Position, Problem, ProblemKind};
use crate::model::{Division, Document, Grade, Section};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    organization: Spanned<String>,
    fiscal_year: Spanned<i64>,
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
    goals: Vec<String>,
    #[serde(default)]
    progress: Option<String>,
    #[serde(default)]
    rating: Option<Spanned<String>>,
    #[serde(default)]
    reflection: Option<String>,
    #[serde(default)]
    updated: Option<Spanned<String>>,
    #[serde(default)]
    updated_by: Option<String>,
}

fn position(location: &Location) -> Option<Position> {
    (location.line() > 0).then(|| Position { line: location.line(), column: location.column() })
}

/// Parses and validates one file's text. All validation problems are reported at once,
/// so that `hyoka check` lists everything a clerk has to fix in one go.
pub fn parse_document(text: &str) -> Result<Document, Vec<Problem>> {
    let raw: RawDocument = serde_saphyr::from_str(text).map_err(|e| vec![syntax_problem(&e)])?;
    let mut problems = Vec::new();

    let fiscal_year = raw.fiscal_year.value;
    if !(1900..=2999).contains(&fiscal_year) {
        problems.push(Problem::at(
            position(&raw.fiscal_year.referenced),
            ProblemKind::BadFiscalYear { value: fiscal_year },
        ));
    }
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
        None => crate::model::default_scale().into_iter().map(|g| g.mark).collect(),
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
    Section {
        name: raw.name.value,
        goals_intro: raw.goals_intro.unwrap_or_default(),
        goals_numbered_from,
        goals: raw.goals,
        progress: raw.progress.unwrap_or_default(),
        rating,
        reflection: raw.reflection.unwrap_or_default(),
        updated,
        updated_by: raw.updated_by,
    }
}

/// Turns the parser's error into our own, recognising serde's standard wording for unknown
/// and missing keys so that those can be explained in Japanese.
fn syntax_problem(error: &serde_saphyr::Error) -> Problem {
    let at = error.location().as_ref().and_then(position);
    let detail = error.without_snippet().to_string();
    let first_line = detail.lines().next().unwrap_or_default().to_owned();
    let kind = if let Some(key) = between_backticks(&first_line, "unknown field `") {
        let allowed = first_line
            .split_once("expected ")
            .map(|(_, rest)| {
                strip_location_suffix(rest)
                    .trim_start_matches("one of ")
                    .split([',', ' '])
                    .map(|k| k.trim_matches('`'))
                    .filter(|k| !k.is_empty() && *k != "or")
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        ProblemKind::UnknownKey { key, allowed }
    } else if let Some(field) = between_backticks(&first_line, "missing field `") {
        ProblemKind::MissingField { field }
    } else {
        ProblemKind::Syntax { detail: strip_location_suffix(&first_line) }
    };
    Problem::at(at, kind)
}

fn between_backticks(text: &str, opening: &str) -> Option<String> {
    let start = text.find(opening)? + opening.len();
    let len = text[start..].find('`')?;
    Some(text[start..start + len].to_owned())
}

/// The parser appends "at line X column Y"; we print the position ourselves.
fn strip_location_suffix(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
