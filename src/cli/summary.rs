//! `hyoka summary PATH`: the distribution of ratings per organisation, fiscal year and division,
//! as text, JSON or CSV. Exit 0; 1 when a data file could not be read (the others are summed up);
//! 2 for a path without data files.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::report::{ReportFormat, delimited, finish, read, text_table};
use crate::app::review::counts::{of_division, summary};
use crate::app::state::Counts;
use crate::i18n::Lang;
use crate::i18n::review::ReviewWords;
use hyoka_core::model::fiscal_year_label;
use hyoka_core::text::sanitize;

#[derive(Serialize)]
struct FileSummary {
    organization: String,
    fiscal_year: i32,
    fiscal_year_label: String,
    path: String,
    #[serde(flatten)]
    counts: CountsOut,
    divisions: Vec<DivisionSummary>,
}

#[derive(Serialize)]
struct DivisionSummary {
    name: String,
    #[serde(flatten)]
    counts: CountsOut,
}

#[derive(Serialize)]
struct CountsOut {
    sections: usize,
    ratings: Vec<Grade>,
    unrated: usize,
    incomplete: usize,
    last_updated: Option<String>,
    last_updated_by: Option<String>,
}

#[derive(Serialize)]
struct Grade {
    mark: String,
    label: String,
    count: usize,
}

fn counts_out(c: &Counts) -> CountsOut {
    CountsOut {
        sections: c.sections,
        ratings: c
            .grades
            .iter()
            .map(|(mark, label, count)| Grade { mark: mark.clone(), label: label.clone(), count: *count })
            .collect(),
        unrated: c.unrated,
        incomplete: c.incomplete,
        last_updated: c.last.as_ref().map(|(at, _)| at.to_rfc3339()),
        last_updated_by: c.last.as_ref().map(|(_, by)| by.clone()),
    }
}

pub fn run(path: &Path, format: ReportFormat, lang: Lang) -> ExitCode {
    let (files, broken) = match read(path, lang) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let summaries: Vec<FileSummary> = summary(&files)
        .into_iter()
        .filter_map(|row| {
            let entry = files.get(row.file)?;
            let doc = entry.doc()?;
            Some(FileSummary {
                organization: row.organization.clone(),
                fiscal_year: row.fiscal_year,
                fiscal_year_label: fiscal_year_label(row.fiscal_year),
                path: entry.path.display().to_string(),
                counts: counts_out(&row.counts),
                divisions: (0..doc.divisions.len())
                    .filter_map(|d| {
                        Some(DivisionSummary {
                            name: doc.divisions.get(d)?.name.clone(),
                            counts: counts_out(&of_division(doc, d)),
                        })
                    })
                    .collect(),
            })
        })
        .collect();
    let printed = match format {
        ReportFormat::Json => serde_json::to_string_pretty(&summaries).map(|s| s + "\n").map_err(|e| e.to_string()),
        ReportFormat::Text => Ok(text_table(&table(&summaries, lang, true), &numbers(&summaries))),
        ReportFormat::Csv => delimited(&table(&summaries, lang, false), b','),
        ReportFormat::Tsv => delimited(&table(&summaries, lang, false), b'\t'),
    };
    finish(printed, broken)
}

/// The marks of every file's scale, in the order first met.
fn marks(summaries: &[FileSummary]) -> Vec<String> {
    let mut marks: Vec<String> = Vec::new();
    for grade in summaries.iter().flat_map(|s| &s.counts.ratings) {
        if !marks.contains(&grade.mark) {
            marks.push(grade.mark.clone());
        }
    }
    marks
}

/// Which columns hold numbers (right-aligned in text).
fn numbers(summaries: &[FileSummary]) -> Vec<bool> {
    let mut right = vec![false, false, false, true];
    right.extend(marks(summaries).iter().map(|_| true));
    right.extend([true, true, false, false]);
    right
}

/// One row per file and one per division under it. For people (`text`): the year as 平成18年度,
/// each file's name once; for programs: plain values on every row.
fn table(summaries: &[FileSummary], lang: Lang, people: bool) -> Vec<Vec<String>> {
    let marks = marks(summaries);
    let mut head: Vec<String> = if people {
        vec![
            ReviewWords::Organization.text(lang),
            ReviewWords::FiscalYear.text(lang),
            ReviewWords::Header(crate::i18n::review::Column::Division).text(lang),
            ReviewWords::SectionsHeader.text(lang),
        ]
    } else {
        ["organization", "fiscal_year", "division", "sections"].map(str::to_owned).to_vec()
    };
    head.extend(marks.iter().cloned());
    if people {
        head.push(ReviewWords::Unrated.text(lang));
        head.push(ReviewWords::IncompleteHeader.text(lang));
        head.push(ReviewWords::LastChangeHeader.text(lang));
        head.push(ReviewWords::Header(crate::i18n::review::Column::UpdatedBy).text(lang));
    } else {
        head.extend(["unrated", "incomplete", "last_updated", "last_updated_by"].map(str::to_owned));
    }
    let mut rows = vec![head];
    let row = |organization: String, year: String, division: String, c: &CountsOut| {
        let mut row = vec![organization, year, division, c.sections.to_string()];
        row.extend(marks.iter().map(|m| c.ratings.iter().find(|g| g.mark == *m).map_or(0, |g| g.count).to_string()));
        row.push(c.unrated.to_string());
        row.push(c.incomplete.to_string());
        let at = c.last_updated.clone().unwrap_or_default();
        row.push(if people { at.get(..16).unwrap_or(&at).replace('T', " ") } else { at });
        row.push(c.last_updated_by.clone().unwrap_or_default());
        row.into_iter().map(|cell| sanitize(&cell).into_owned()).collect::<Vec<_>>()
    };
    let mut previous = String::new();
    for s in summaries {
        let organization = if people && s.organization == previous { String::new() } else { s.organization.clone() };
        previous.clone_from(&s.organization);
        let year = if people { s.fiscal_year_label.clone() } else { s.fiscal_year.to_string() };
        rows.push(row(organization, year.clone(), String::new(), &s.counts));
        for d in &s.divisions {
            let (organization, year) =
                if people { (String::new(), String::new()) } else { (s.organization.clone(), year.clone()) };
            let name = if people { format!("  {}", d.name) } else { d.name.clone() };
            rows.push(row(organization, year, name, &d.counts));
        }
    }
    rows
}
