//! What the table layout cannot carry, named where it is: the export refuses rather than drop it.
//!
//! - A text cell is one line. A line break can stand only before a `・` bullet (the published table
//!   writes it as a space, the importer turns " ・" back into a break). So: no tabs, no other control
//!   characters, no space directly before a `・`, no spaces at the start or end of a text or before a
//!   break (cells are trimmed). A sheet's cell holds any line break.
//! - The goals cell is split at ①…⑳ on the way back: neither the goals nor the lead-in contain them,
//!   no goal is empty, numbers end at ⑳, and a lead-in comes with at least one goal.
//! - `部 課` is split at the first space: division names have none. Names are one line and not empty;
//!   every division has a section; no division or section appears twice.
//! - The preface is one line starting with `～`, naming the document's year and organisation if any.
//! - The notes start with ※ (or 注, 備考…), since that is how the importer tells them from rows.
//! - The legend: marks a legend line reads back (a symbol, or a word of up to eight characters, without
//!   spaces, brackets or separators such as `：` `‥` `＝`); labels without `」`, not ending in `。`. The checkpoint lies within the fiscal year: the header gives month and day.
//! - `updated` and `updated_by` are the YAML files' bookkeeping, left out on purpose.

use std::borrow::Cow;

use chrono::Datelike;

use super::super::error::ExportError;
use super::super::visible;
use super::identity::organization_in;
use super::legend::mark_kind;
use super::{CIRCLED, Source, starts_a_note};
use crate::i18n::interchange::limits::{ExportMsg, Flaw};
use crate::i18n::interchange::place::{PlaceMsg, SectionPart};
use hyoka_core::model::{Division, Document, Section, fiscal_year_in, fiscal_year_label};

pub(crate) fn refuse(place: PlaceMsg, flaw: Flaw) -> ExportError {
    ExportError(ExportMsg::Refused { place, flaw })
}

pub(crate) fn division_place(name: &str) -> PlaceMsg {
    PlaceMsg::Division { name: visible(name).into_owned() }
}

pub(crate) fn section_place(division: &str, section: &str, part: SectionPart) -> PlaceMsg {
    PlaceMsg::Section { division: visible(division).into_owned(), section: visible(section).into_owned(), part }
}

/// How a text comes back from its cell: as one line verbatim, or with breaks restored before `・`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line,
    Bullets,
}

fn text_flaw(text: &str, source: Source, kind: Kind) -> Option<Flaw> {
    if text.trim() != text {
        return Some(Flaw::EdgeSpace);
    }
    if source == Source::Sheet {
        // A sheet's cell holds any text (the xlsx export shows controls as stand-ins first); only a
        // one-line text would have its " ・" read back as a line break.
        let joined = kind == Kind::Bullets && !text.contains('\n') && (text.contains(" ・") || text.contains("　・"));
        return joined.then_some(Flaw::SpaceBeforeBullet);
    }
    if text.contains('\t') {
        return Some(Flaw::Tab);
    }
    if let Some(c) = text.chars().find(|&c| c != '\n' && matches!(visible(c.encode_utf8(&mut [0; 4])), Cow::Owned(_))) {
        return Some(Flaw::Control(c));
    }
    match kind {
        Kind::Line if text.contains('\n') => Some(Flaw::LineBreak),
        Kind::Line => None,
        Kind::Bullets if text.split('\n').skip(1).any(|line| !line.starts_with('・')) => {
            Some(Flaw::BreakNotBeforeBullet)
        }
        Kind::Bullets if text.split('\n').any(|line| line.ends_with([' ', '　'])) => Some(Flaw::EdgeSpace),
        Kind::Bullets if text.contains(" ・") || text.contains("　・") => Some(Flaw::SpaceBeforeBullet),
        Kind::Bullets => None,
    }
}

fn circled_in(text: &str) -> Option<Flaw> {
    text.chars().find(|&c| CIRCLED.contains(c)).map(Flaw::Circled)
}

pub(crate) fn check_document(doc: &Document, source: Source) -> Result<(), ExportError> {
    flaws(doc, source).into_iter().next().map_or(Ok(()), Err)
}

/// Everything the layout cannot carry: the file's own parts, each division, and the first flaw of
/// each section (`hyoka check --publishable` lists them all).
pub(crate) fn flaws(doc: &Document, source: Source) -> Vec<ExportError> {
    let mut out: Vec<ExportError> = [check_preface(doc, source), check_notes(doc, source), check_scale(doc, source)]
        .into_iter()
        .chain([check_checkpoint(doc)])
        .filter_map(Result::err)
        .collect();
    for (index, division) in doc.divisions.iter().enumerate() {
        let place = || division_place(&division.name);
        if doc.divisions.iter().take(index).any(|d| d.name == division.name) {
            out.push(refuse(place(), Flaw::DuplicateDivision));
        }
        if let Some(flaw) = name_flaw(&division.name, source) {
            let place = if division.name.is_empty() { PlaceMsg::DivisionName } else { place() };
            out.push(refuse(place, flaw));
        } else if division.name.contains(char::is_whitespace) {
            out.push(refuse(place(), Flaw::DivisionSpace));
        }
        if division.sections.is_empty() {
            out.push(refuse(place(), Flaw::EmptyDivision));
        }
        for (i, section) in division.sections.iter().enumerate() {
            if division.sections.iter().take(i).any(|s| s.name == section.name) {
                let (division, section) = (visible(&division.name).into_owned(), visible(&section.name).into_owned());
                out.push(refuse(PlaceMsg::SectionItself { division, section }, Flaw::DuplicateSection));
                continue;
            }
            out.extend(check_section(doc, division, section, source).err());
        }
    }
    out
}

/// The first thing of one section the published table cannot carry (what `hyoka check
/// --publishable` says of it), for a section as it stands on screen, perhaps being edited.
pub(crate) fn section_flaw(doc: &Document, division: &Division, section: &Section) -> Option<ExportError> {
    check_section(doc, division, section, Source::Text).err()
}

fn name_flaw(name: &str, source: Source) -> Option<Flaw> {
    if name.is_empty() {
        return Some(Flaw::EmptyName);
    }
    text_flaw(name, source, Kind::Line)
}

fn check_preface(doc: &Document, source: Source) -> Result<(), ExportError> {
    let Some(preface) = &doc.preface else { return Ok(()) };
    let fail = |flaw| Err(refuse(PlaceMsg::Preface, flaw));
    if let Some(flaw) = text_flaw(preface, source, Kind::Line) {
        return fail(flaw);
    }
    if !preface.starts_with('～') {
        return fail(Flaw::PrefaceStart);
    }
    if let Some(year) = fiscal_year_in(preface).filter(|y| *y != doc.fiscal_year) {
        let (says, is) = (fiscal_year_label(year), fiscal_year_label(doc.fiscal_year));
        return fail(Flaw::PrefaceNames { says, is });
    }
    if let Some(org) = organization_in(preface).filter(|o| *o != doc.organization) {
        return fail(Flaw::PrefaceNames {
            says: visible(&org).into_owned(),
            is: visible(&doc.organization).into_owned(),
        });
    }
    Ok(())
}

/// Notes come back as the lines under the table: the first starts like a note, none has a cell's
/// separator, and blank lines stand only between lines.
fn check_notes(doc: &Document, source: Source) -> Result<(), ExportError> {
    let Some(notes) = doc.notes.as_deref().filter(|n| !n.is_empty()) else { return Ok(()) };
    let fail = |flaw| Err(refuse(PlaceMsg::Notes, flaw));
    if !starts_a_note(notes) {
        return fail(Flaw::NotesStart);
    }
    if notes.ends_with('\n') {
        return fail(Flaw::EdgeSpace);
    }
    for line in notes.split('\n') {
        if let Some(flaw) = text_flaw(line, source, Kind::Line) {
            return fail(flaw);
        }
    }
    Ok(())
}

fn check_scale(doc: &Document, source: Source) -> Result<(), ExportError> {
    let Some(scale) = &doc.scale else { return Ok(()) };
    let fail = |flaw| Err(refuse(PlaceMsg::Legend, flaw));
    if scale.is_empty() {
        return fail(Flaw::EmptyScale);
    }
    for grade in scale {
        // The legend is written under its heading, where words may be marks too.
        let mark = &grade.mark;
        if mark_kind(mark, true).is_none() {
            return fail(Flaw::LegendMark(visible(mark).into_owned()));
        }
        let label = &grade.label;
        let line_flaw = text_flaw(label.trim(), source, Kind::Line).is_some() || label.contains('\n');
        if label.contains('」') || label.ends_with('。') || line_flaw {
            return fail(Flaw::LegendLabel(visible(label).into_owned()));
        }
    }
    Ok(())
}

fn check_checkpoint(doc: &Document) -> Result<(), ExportError> {
    let Some(date) = doc.checkpoint else { return Ok(()) };
    let year_of_month = if date.month() <= 3 { i64::from(doc.fiscal_year) + 1 } else { i64::from(doc.fiscal_year) };
    if i64::from(date.year()) != year_of_month {
        return Err(refuse(PlaceMsg::Checkpoint, Flaw::CheckpointOutside { date, fiscal_year: doc.fiscal_year }));
    }
    Ok(())
}

fn check_section(doc: &Document, division: &Division, section: &Section, source: Source) -> Result<(), ExportError> {
    let at = |part, flaw| Err(refuse(section_place(&division.name, &section.name, part), flaw));
    if let Some(flaw) = name_flaw(&section.name, source) {
        return at(SectionPart::Name, flaw);
    }
    let name_alone = section.goals.is_empty()
        && section.progress.is_empty()
        && section.rating.is_none()
        && section.reflection.is_empty();
    if name_alone && starts_a_note(&division.name) {
        return Err(refuse(
            PlaceMsg::SectionItself {
                division: visible(&division.name).into_owned(),
                section: visible(&section.name).into_owned(),
            },
            Flaw::NameLikeNote,
        ));
    }
    if !section.goals_intro.is_empty() {
        if section.goals.is_empty() {
            return at(SectionPart::Intro, Flaw::IntroWithoutGoals);
        }
        let flaw = text_flaw(&section.goals_intro, source, Kind::Line).or_else(|| circled_in(&section.goals_intro));
        if let Some(flaw) = flaw {
            return at(SectionPart::Intro, flaw);
        }
    }
    let first = usize::try_from(section.goals_numbered_from.unwrap_or(1)).unwrap_or(usize::MAX);
    let last = first.saturating_add(section.goals.len()).saturating_sub(1);
    if section.goals_numbered() && last > CIRCLED.chars().count() {
        return at(SectionPart::GoalCount, Flaw::TooManyGoals);
    }
    // In a sheet, the goals of a cell that has line breaks are taken as they are.
    let goal_kind = if source == Source::Sheet && (section.goals.len() > 1 || !section.goals_intro.is_empty()) {
        Kind::Line
    } else {
        Kind::Bullets
    };
    for (i, goal) in section.goals.iter().enumerate() {
        let flaw = if goal.is_empty() {
            Some(Flaw::EmptyGoal)
        } else {
            text_flaw(goal, source, goal_kind).or_else(|| circled_in(goal))
        };
        if let Some(flaw) = flaw {
            return at(SectionPart::Goal(i + 1), flaw);
        }
    }
    if let Some(flaw) = text_flaw(&section.progress, source, Kind::Bullets) {
        return at(SectionPart::Progress, flaw);
    }
    if let Some(mark) = section.rating.as_ref().filter(|m| doc.grade(m).is_none()) {
        return at(SectionPart::Rating, Flaw::RatingNotOnScale(visible(mark).into_owned()));
    }
    if let Some(mark) = section.goal_ratings.iter().flatten().find(|m| doc.grade(m).is_none()) {
        return at(SectionPart::Rating, Flaw::RatingNotOnScale(visible(mark).into_owned()));
    }
    if let Some(flaw) = text_flaw(&section.reflection, source, Kind::Bullets) {
        return at(SectionPart::Reflection, flaw);
    }
    Ok(())
}
