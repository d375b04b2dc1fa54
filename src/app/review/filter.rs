//! The filter (`f`, cleared with `F`): which sections it lets through (a pure function over the
//! files), and the keys of its dialog.

use chrono::NaiveDate;
use unicode_segmentation::UnicodeSegmentation;

use crate::app::action::Action;
use crate::app::dialog::{Handled, close, stay};
use std::collections::BTreeSet;

use crate::app::state::{App, FileEntry, Filter, Mode, Rated, SearchIndex, SectionRef, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::review::ReviewMsg;
use hyoka_core::model::{Section, Status};
use hyoka_core::text::fold::fold;

/// `f`: the filter being put together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterDialog {
    /// The marks offered: those of the files' scales, in order.
    pub marks: Vec<String>,
    pub ratings: BTreeSet<Rated>,
    pub incomplete: bool,
    pub statuses: BTreeSet<hyoka_core::model::Status>,
    pub since: String,
    pub by: String,
    pub word: String,
    /// The row with the keys.
    pub row: usize,
}

/// Which sections `filter` lets through, per file, division and section. A text asked for is
/// looked up in `index`, which must be up to date.
pub fn shown(files: &[FileEntry], index: &SearchIndex, filter: &Filter) -> Vec<Vec<Vec<bool>>> {
    let word = filter.word.as_deref().map(|w| fold(w, index.kana)).filter(|w| !w.is_empty());
    files
        .iter()
        .enumerate()
        .map(|(file, entry)| {
            let Some(doc) = entry.doc() else { return Vec::new() };
            doc.divisions
                .iter()
                .enumerate()
                .map(|(division, d)| {
                    d.sections
                        .iter()
                        .enumerate()
                        .map(|(section, s)| {
                            lets_through(filter, s)
                                && word.as_deref().is_none_or(|w| {
                                    super::index::holds(index, SectionRef { file, division, section }, w)
                                })
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The parts of the filter that look at the section alone (all but the text).
pub fn lets_through(filter: &Filter, section: &Section) -> bool {
    let rated = match &section.rating {
        Some(mark) => Rated::Mark(mark.clone()),
        None => Rated::Unrated,
    };
    (filter.ratings.is_empty() || filter.ratings.contains(&rated))
        && (!filter.incomplete || !section.empty_fields().is_empty())
        && filter.since.is_none_or(|since| section.updated.is_some_and(|at| at.date_naive() >= since))
        && filter.by.as_deref().is_none_or(|by| section.updated_by.as_deref() == Some(by))
        && (filter.statuses.is_empty() || filter.statuses.contains(&section.status))
}

/// A day as people write it: 2008-11-30, 2008/11/30 or 20081130.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = fold(text.trim(), false);
    ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"].iter().find_map(|f| NaiveDate::parse_from_str(&text, f).ok())
}

/// The dialog's rows: one per mark, 未評価, 未記入のみ, the three texts, then one per status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Mark(usize),
    Unrated,
    Incomplete,
    Status(Status),
    Since,
    By,
    Word,
}

pub fn rows(dialog: &FilterDialog) -> Vec<Row> {
    let mut rows: Vec<Row> = (0..dialog.marks.len()).map(Row::Mark).collect();
    rows.extend([Row::Unrated, Row::Incomplete, Row::Since, Row::By, Row::Word]);
    rows.extend(Status::ALL.map(Row::Status));
    rows
}

/// `f`: the dialog, filled in with the filter in force (or the search in force as its text).
pub(in crate::app) fn open(app: &mut App) {
    let mut marks: Vec<String> = Vec::new();
    for doc in app.files.iter().filter_map(FileEntry::doc) {
        for grade in doc.scale().iter() {
            if !marks.contains(&grade.mark) {
                marks.push(grade.mark.clone());
            }
        }
    }
    let filter = &app.review.filter;
    let word = filter.word.clone().or_else(|| app.review.search.as_ref().map(|s| s.query.clone()));
    app.mode = Mode::Filter(Box::new(FilterDialog {
        marks,
        ratings: filter.ratings.clone(),
        incomplete: filter.incomplete,
        statuses: filter.statuses.clone(),
        since: filter.since.map(|d| d.to_string()).unwrap_or_default(),
        by: filter.by.clone().unwrap_or_default(),
        word: word.unwrap_or_default(),
        row: 0,
    }));
}

/// `F`: everything shown again.
pub(in crate::app) fn clear(app: &mut App) {
    if app.review.filter.is_empty() {
        app.say(Tone::Info, Msg::Review(ReviewMsg::NoFilter));
        return;
    }
    app.review.filter = Filter::default();
    app.review.stale = true;
    app.say(Tone::Info, Msg::Review(ReviewMsg::FilterCleared));
}

pub(in crate::app) fn handle(
    mut dialog: Box<FilterDialog>,
    app: &mut App,
    action: Action,
) -> Handled<Box<FilterDialog>> {
    let rows = rows(&dialog);
    let row = rows.get(dialog.row).copied().unwrap_or(Row::Unrated);
    match action {
        Action::Command(Command::Close) => return close(),
        Action::Command(Command::Up) => dialog.row = (dialog.row + rows.len() - 1) % rows.len().max(1),
        Action::Command(Command::Down) => dialog.row = (dialog.row + 1) % rows.len().max(1),
        Action::Command(Command::Accept) if accept(&dialog, app) => return close(),
        Action::Command(Command::Toggle) => match row {
            Row::Mark(i) => {
                let mark = dialog.marks.get(i).cloned().unwrap_or_default();
                flip(&mut dialog.ratings, Rated::Mark(mark));
            }
            Row::Unrated => flip(&mut dialog.ratings, Rated::Unrated),
            Row::Incomplete => dialog.incomplete = !dialog.incomplete,
            Row::Status(status) => {
                if !dialog.statuses.remove(&status) {
                    dialog.statuses.insert(status);
                }
            }
            _ => type_into(&mut dialog, row, " "),
        },
        Action::Command(Command::DeleteBack) => {
            if let Some(text) = text_of(&mut dialog, row) {
                let keep = text.grapheme_indices(true).next_back().map_or(0, |(at, _)| at);
                text.truncate(keep);
            }
        }
        Action::Type(c) => type_into(&mut dialog, row, c.encode_utf8(&mut [0; 4])),
        Action::Paste(text) => type_into(&mut dialog, row, &text.replace(['\r', '\n'], "")),
        _ => {}
    }
    stay(dialog)
}

fn flip(set: &mut std::collections::BTreeSet<Rated>, rated: Rated) {
    if !set.remove(&rated) {
        set.insert(rated);
    }
}

fn text_of(dialog: &mut FilterDialog, row: Row) -> Option<&mut String> {
    match row {
        Row::Since => Some(&mut dialog.since),
        Row::By => Some(&mut dialog.by),
        Row::Word => Some(&mut dialog.word),
        _ => None,
    }
}

fn type_into(dialog: &mut FilterDialog, row: Row, text: &str) {
    if let Some(field) = text_of(dialog, row) {
        field.push_str(text);
    }
}

/// Enter: the filter goes into force, unless it is mistyped or lets nothing through.
fn accept(dialog: &FilterDialog, app: &mut App) -> bool {
    let since = match dialog.since.trim() {
        "" => None,
        text => match parse_day(text) {
            Some(day) => Some(day),
            None => {
                app.say(Tone::Error, Msg::Review(ReviewMsg::BadDay { text: text.to_owned() }));
                return false;
            }
        },
    };
    let given = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    let filter = Filter {
        ratings: dialog.ratings.clone(),
        incomplete: dialog.incomplete,
        since,
        by: given(&dialog.by),
        word: given(&dialog.word),
        statuses: dialog.statuses.clone(),
    };
    if filter.word.is_some() {
        super::index::refresh(&mut app.review.index, &app.files, app.review.kana);
    }
    let shown = shown(&app.files, &app.review.index, &filter);
    let sections: usize = shown.iter().flatten().flatten().filter(|s| **s).count();
    if sections == 0 && !filter.is_empty() {
        app.say(Tone::Error, Msg::Review(ReviewMsg::FilterMatchesNothing));
        return false;
    }
    app.review.filter = filter;
    app.review.stale = true;
    app.say(Tone::Info, Msg::Review(ReviewMsg::Filtered { sections }));
    true
}
