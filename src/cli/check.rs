//! `hyoka check`: every data file validated, every problem printed as `file:line:column: what`;
//! with `--publishable`, also what the published table (the TSV export) could not carry.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::i18n::interchange::limits::ExportMsg;
use crate::i18n::interchange::place::{PlaceMsg, SectionPart};
use hyoka_core::model::Document;
use hyoka_data::interchange::tsv::publishable_problems;
use hyoka_data::store::{LoadError, Position, locate};

pub fn run(path: &Path, publishable: bool, lang: Lang) -> ExitCode {
    // Read and validated once each, and nothing else asked of the disk: the check's time is the parse's.
    let files = match crate::worker::check_workspace(path) {
        Ok(files) if files.is_empty() => return super::fail(&CliMsg::NoDataFiles { path }.text(lang)),
        Ok(files) => files,
        Err(e) => return super::fail(&CliMsg::CannotOpen { path, why: e.to_string() }.text(lang)),
    };
    let errors: Vec<&LoadError> = files.iter().filter_map(|f| f.as_ref().err()).collect();
    for error in &errors {
        eprintln!("{}", error.render(lang));
    }
    let (mut unpublishable, mut places) = (0, 0);
    if publishable {
        for (path, doc) in files.iter().filter_map(|f| f.as_ref().ok()) {
            let lines = problem_lines(path, doc, lang);
            if !lines.is_empty() {
                unpublishable += 1;
                places += lines.len();
            }
            for line in lines {
                eprintln!("{line}");
            }
        }
    }
    if !errors.is_empty() {
        eprintln!("{}", CliMsg::SomeBroken { broken: errors.len(), files: files.len() }.text(lang));
    }
    if unpublishable > 0 {
        eprintln!("{}", CliMsg::NotPublishable { files: unpublishable, problems: places }.text(lang));
    }
    if errors.is_empty() && unpublishable == 0 {
        println!("{}", CliMsg::AllGood { files: files.len() }.text(lang));
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What the table export would refuse in `doc`, read from `path`, as `path:line:column: what` lines
/// (also what stops `hyoka publish`).
pub(super) fn problem_lines(path: &Path, doc: &Document, lang: Lang) -> Vec<String> {
    let problems = publishable_problems(doc);
    if problems.is_empty() {
        return Vec::new();
    }
    // The text only to point at lines, read again: hyoka keeps no second copy of every file.
    let text = std::fs::read_to_string(path).unwrap_or_default();
    problems
        .into_iter()
        .map(|problem| {
            let at = match &problem.0 {
                ExportMsg::Refused { place, .. } => where_is(&text, place),
                _ => None,
            };
            let at = at.map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default();
            format!("{}{at}: {}", path.display(), problem.describe(lang))
        })
        .collect()
}

/// The line and column of the part of the file a refusal names.
fn where_is(text: &str, place: &PlaceMsg) -> Option<Position> {
    let top = |key| locate(text, None, None, Some(key), 0);
    match place {
        PlaceMsg::Preface => top("preface"),
        PlaceMsg::Notes => top("notes"),
        PlaceMsg::Legend => top("scale"),
        PlaceMsg::Checkpoint => top("checkpoint"),
        PlaceMsg::DivisionName | PlaceMsg::SectionOrder => top("divisions"),
        PlaceMsg::Division { name } => locate(text, Some(name), None, None, 0),
        PlaceMsg::SectionItself { division, section } => locate(text, Some(division), Some(section), None, 0),
        PlaceMsg::Section { division, section, part } => {
            let (key, item) = match part {
                SectionPart::Name => ("name", 0),
                SectionPart::Intro => ("goals_intro", 0),
                SectionPart::GoalCount => ("goals", 0),
                SectionPart::Goal(n) => ("goals", *n),
                SectionPart::Progress => ("progress", 0),
                SectionPart::Rating => ("rating", 0),
                SectionPart::Reflection => ("reflection", 0),
                SectionPart::Fields => return locate(text, Some(division), Some(section), None, 0),
            };
            locate(text, Some(division), Some(section), Some(key), item)
                .or_else(|| locate(text, Some(division), Some(section), None, 0))
        }
    }
}
