//! `hyoka list PATH`: the sections that match (rating, empty fields, changed since or by, a
//! text found as the screen's search finds it), as text, JSON, CSV or TSV.
//! Exit 0 when sections were listed; 1 when a data file could not be read (the others are
//! listed); 2 for a usage mistake or a path without data files; 3 when no section matches.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::report::{ReportFormat, delimited, read, text_table};
use crate::app::keymap::Keymap;
use crate::app::review::Column;
use crate::app::review::filter::{parse_day, shown};
use crate::app::review::index;
use crate::app::review::table::rows;
use crate::app::state::{Filter, Rated, SearchIndex};
use crate::i18n::Lang;
use crate::i18n::review::ReviewWords;
use hyoka_core::text::sanitize;

/// What `hyoka list` was asked for.
pub struct ListArgs {
    pub ratings: Vec<String>,
    pub incomplete: bool,
    pub search: Option<String>,
    pub since: Option<String>,
    pub by: Option<String>,
    pub kana: bool,
    pub format: ReportFormat,
}

#[derive(Serialize)]
struct Listed {
    organization: String,
    fiscal_year: i32,
    division: String,
    section: String,
    rating: Option<String>,
    goals: usize,
    complete: bool,
    updated: Option<String>,
    updated_by: Option<String>,
    path: String,
}

pub fn run(path: &Path, args: &ListArgs, lang: Lang) -> ExitCode {
    let filter = match filter(args, lang) {
        Ok(filter) => filter,
        Err(message) => return super::fail(&message),
    };
    let (files, broken) = match read(path, lang) {
        Ok(read) => read,
        Err(code) => return code,
    };
    // A mark no file's scale has is a typing mistake (〇 for ○), not a filter that finds nothing.
    let known = |mark: &str| files.iter().filter_map(|f| f.doc()).any(|d| d.grade(mark).is_some());
    if let Some(Rated::Mark(mark)) = filter.ratings.iter().find(|r| matches!(r, Rated::Mark(m) if !known(m))) {
        return super::fail(
            &crate::i18n::review::ReviewMsg::BadMark { mark: mark.clone() }.keyed(lang, &Keymap::default()),
        );
    }
    let mut search = SearchIndex::default();
    if filter.word.is_some() {
        index::refresh(&mut search, &files, args.kana);
    }
    let shown = shown(&files, &search, &filter);
    let listed: Vec<Listed> = rows(&files, Some(&shown))
        .into_iter()
        .filter_map(|row| {
            let entry = files.get(row.at.file)?;
            let doc = entry.doc()?;
            Some(Listed {
                organization: doc.organization.clone(),
                fiscal_year: doc.fiscal_year,
                division: row.division,
                section: row.section,
                rating: row.rating,
                goals: row.goals,
                complete: row.complete,
                updated: row.updated.map(|at| at.to_rfc3339()),
                updated_by: Some(row.updated_by).filter(|by| !by.is_empty()),
                path: entry.path.display().to_string(),
            })
        })
        .collect();
    let printed = match args.format {
        ReportFormat::Json => serde_json::to_string_pretty(&listed).map(|s| s + "\n").map_err(|e| e.to_string()),
        ReportFormat::Text => Ok(text_table(&table(&listed, lang, true), &[false, false, false, false, false, true])),
        ReportFormat::Csv => delimited(&table(&listed, lang, false), b','),
        ReportFormat::Tsv => delimited(&table(&listed, lang, false), b'\t'),
    };
    match printed {
        Err(why) => super::fail(&why),
        Ok(text) => {
            print!("{text}");
            if broken {
                ExitCode::FAILURE
            } else if listed.is_empty() {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// The filter the flags describe; a mark or a date that cannot be read is refused.
fn filter(args: &ListArgs, lang: Lang) -> Result<Filter, String> {
    let mut filter =
        Filter { incomplete: args.incomplete, by: args.by.clone(), word: args.search.clone(), ..Filter::default() };
    for mark in args.ratings.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
        let rated = match mark {
            "未評価" | "none" | "unrated" | "-" => Rated::Unrated,
            other => Rated::Mark(other.to_owned()),
        };
        filter.ratings.insert(rated);
    }
    if let Some(since) = &args.since {
        filter.since = Some(parse_day(since).ok_or_else(|| {
            crate::i18n::review::ReviewMsg::BadDay { text: since.clone() }.keyed(lang, &Keymap::default())
        })?);
    }
    Ok(filter)
}

/// A heading row, then one row per section.
fn table(listed: &[Listed], lang: Lang, people: bool) -> Vec<Vec<String>> {
    let head: Vec<String> = if people {
        [
            Column::File,
            Column::Division,
            Column::Section,
            Column::Rating,
            Column::Complete,
            Column::Goals,
            Column::Updated,
            Column::UpdatedBy,
        ]
        .iter()
        .map(|c| ReviewWords::Header(*c).text(lang))
        .collect()
    } else {
        [
            "organization",
            "fiscal_year",
            "division",
            "section",
            "rating",
            "goals",
            "complete",
            "updated",
            "updated_by",
            "path",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let mut out = vec![head];
    for l in listed {
        let row: Vec<String> = if people {
            vec![
                format!("{} {}", l.organization, hyoka_core::model::fiscal_year_label(l.fiscal_year)),
                l.division.clone(),
                l.section.clone(),
                l.rating.clone().unwrap_or_else(|| ReviewWords::Unrated.text(lang)),
                if l.complete { "○" } else { "!" }.to_owned(),
                l.goals.to_string(),
                l.updated.as_deref().map(|at| at.get(..16).unwrap_or(at).replace('T', " ")).unwrap_or_default(),
                l.updated_by.clone().unwrap_or_default(),
            ]
        } else {
            vec![
                l.organization.clone(),
                l.fiscal_year.to_string(),
                l.division.clone(),
                l.section.clone(),
                l.rating.clone().unwrap_or_default(),
                l.goals.to_string(),
                l.complete.to_string(),
                l.updated.clone().unwrap_or_default(),
                l.updated_by.clone().unwrap_or_default(),
                l.path.clone(),
            ]
        };
        out.push(row.into_iter().map(|cell| sanitize(&cell).into_owned()).collect());
    }
    out
}
