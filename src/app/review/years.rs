//! Years side by side: the files of one organisation for different fiscal years are one history.
//! `[` / `]` step to the same section (by division and section name) a year before or after;
//! `y` shows the years next to each other. Pure lookups over the files, and the view's keys.

use crate::app::action::Action;
use crate::app::dialog::{Handled, close, stay};
use crate::app::state::{App, FileEntry, Mode, Node, SectionRef, Tone};
use crate::app::tree;
use crate::command::Command;
use crate::i18n::Lang;
use crate::i18n::app::Msg;
use crate::i18n::review::ReviewMsg;
use crate::i18n::review::ReviewWords;
use hyoka_core::model::{fiscal_year_label, goal_number};
use hyoka_core::text::{AmbiguousWidth, sanitize};

/// `y`: one section through the fiscal years of its organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearsView {
    pub organization: String,
    pub division: String,
    pub section: String,
    pub years: Vec<YearColumn>,
    /// The first year shown (←→ when they do not all fit).
    pub first: usize,
    pub scroll: usize,
    /// Each year's column as lines at the width of `laid_for` (laid out in `update`).
    pub lines: Vec<Vec<YearLine>>,
    /// The terminal width the lines were laid out for.
    pub laid_for: u16,
}

/// One line of a year's column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearLine {
    /// A heading (the year, a field's name) rather than the section's text.
    pub heading: bool,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearColumn {
    pub fiscal_year: i32,
    pub file: usize,
    /// `None`: the file of that year has no section of this division and name.
    pub at: Option<SectionRef>,
    /// The mark and its label, when rated.
    pub rating: Option<(String, String)>,
    pub goals: Vec<String>,
    pub reflection: String,
}

/// The files of `organization`, by fiscal year (the first file of a year, when there are two).
pub fn files_of(files: &[FileEntry], organization: &str) -> Vec<(i32, usize)> {
    let mut out: Vec<(i32, usize)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.doc().filter(|d| d.organization == organization).map(|d| (d.fiscal_year, i)))
        .collect();
    out.sort();
    out.dedup_by_key(|(year, _)| *year);
    out
}

/// The section of this division and name in a file, if it has one.
pub fn find(files: &[FileEntry], file: usize, division: &str, section: &str) -> Option<SectionRef> {
    let doc = files.get(file)?.doc()?;
    let (d, found) = doc.divisions.iter().enumerate().find(|(_, d)| d.name == division)?;
    let s = found.sections.iter().position(|s| s.name == section)?;
    Some(SectionRef { file, division: d, section: s })
}

/// The section's organisation, division and name.
fn names(app: &App, at: SectionRef) -> Option<(String, String, String)> {
    let doc = app.doc(at.file)?;
    let division = doc.divisions.get(at.division)?;
    Some((doc.organization.clone(), division.name.clone(), division.sections.get(at.section)?.name.clone()))
}

/// "平成18" for fiscal 2006, as the rating history line names a year.
pub fn short_year(fiscal_year: i32) -> String {
    let label = fiscal_year_label(fiscal_year);
    label.strip_suffix("年度").map(str::to_owned).unwrap_or(label)
}

/// `[` / `]`: the same section in the fiscal year before or after. A year without it is named
/// and passed over to the next year that has it.
pub(in crate::app) fn step(app: &mut App, forward: bool) {
    let Some(at) = app.selected() else {
        app.say(Tone::Info, Msg::Review(ReviewMsg::ChooseSection));
        return;
    };
    let Some((organization, division, section)) = names(app, at) else { return };
    let Some(year) = app.doc(at.file).map(|d| d.fiscal_year) else { return };
    let mut years = files_of(&app.files, &organization);
    years.retain(|(y, _)| if forward { *y > year } else { *y < year });
    if !forward {
        years.reverse();
    }
    if years.is_empty() {
        let said = ReviewMsg::NoOtherYear { forward };
        let said = match app.reading() {
            Some((read, total)) => ReviewMsg::SoFar { said: Box::new(said), read, total },
            None => said,
        };
        app.say(Tone::Info, Msg::Review(said));
        return;
    }
    let mut absent = Vec::new();
    for (y, file) in years {
        match find(&app.files, file, &division, &section) {
            Some(there) if !super::shows(app, there) => {
                app.say(Tone::Info, Msg::Review(ReviewMsg::HiddenByFilter { year: fiscal_year_label(y) }));
                return;
            }
            Some(there) => {
                tree::expand_to(app, there);
                tree::select(app, Node::Section(there));
                let year = fiscal_year_label(y);
                let absent: Vec<String> = absent.iter().map(|y| fiscal_year_label(*y)).collect();
                app.say(
                    Tone::Info,
                    Msg::Review(ReviewMsg::SteppedTo { year, absent, name: format!("{division} {section}") }),
                );
                return;
            }
            None => absent.push(y),
        }
    }
    let absent: Vec<String> = absent.iter().map(|y| fiscal_year_label(*y)).collect();
    app.say(Tone::Info, Msg::Review(ReviewMsg::AbsentIn { years: absent, name: format!("{division} {section}") }));
}

/// The section through every fiscal year of its organisation.
pub fn columns(files: &[FileEntry], organization: &str, division: &str, section: &str) -> Vec<YearColumn> {
    files_of(files, organization)
        .into_iter()
        .map(|(fiscal_year, file)| {
            let at = find(files, file, division, section);
            let doc = files.get(file).and_then(FileEntry::doc);
            let found = at.and_then(|at| doc?.section(at.division, at.section));
            let rating = found.and_then(|s| {
                let mark = s.rating.clone()?;
                let label = doc.and_then(|d| d.grade(&mark)).map(|g| g.label).unwrap_or_default();
                Some((mark, label))
            });
            YearColumn {
                fiscal_year,
                file,
                at,
                rating,
                goals: found.map(|s| s.goals.clone()).unwrap_or_default(),
                reflection: found.map(|s| s.reflection.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// "平成18 ○ → 平成19 △ → 平成20 ◎", with what a year lacks said in `absent` and `unrated`.
pub fn history(years: &[YearColumn], absent: &str, unrated: &str) -> String {
    years
        .iter()
        .map(|y| {
            let what = match (&y.at, &y.rating) {
                (None, _) => absent,
                (Some(_), Some((mark, _))) => mark,
                (Some(_), None) => unrated,
            };
            format!("{} {what}", short_year(y.fiscal_year))
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// `y`: the view, for the section under the cursor.
pub(in crate::app) fn open(app: &mut App) {
    let Some(at) = app.selected() else {
        app.say(Tone::Info, Msg::Review(ReviewMsg::ChooseSection));
        return;
    };
    let Some((organization, division, section)) = names(app, at) else { return };
    let years = columns(&app.files, &organization, &division, &section);
    let first = years.iter().position(|y| y.file == at.file).unwrap_or(0);
    let fitting = fitting_years(app.layout.width);
    // As many years as fit, ending with the one the cursor came from where possible.
    let first = first.saturating_sub(fitting.saturating_sub(1)).min(years.len().saturating_sub(fitting));
    app.mode =
        Mode::Years(Box::new(YearsView { organization, division, section, years, first, ..YearsView::default() }));
}

/// Lays the columns out for the terminal's width, when it changed (called from `update`).
pub fn lay_out(view: &mut YearsView, (width, measure): (u16, AmbiguousWidth), lang: Lang) {
    if view.laid_for == width && !view.lines.is_empty() {
        return;
    }
    let fitting = fitting_years(width);
    let column = column_width(width, fitting.min(view.years.len()));
    view.lines = view.years.iter().map(|y| column_lines(y, (column, measure), lang)).collect();
    view.laid_for = width;
    view.first = view.first.min(view.years.len().saturating_sub(fitting));
}

/// The text width of one year's column when `fitting` share the screen (a space between them).
pub fn column_width(width: u16, fitting: usize) -> usize {
    let inner = usize::from(width.saturating_sub(2));
    (inner / fitting.max(1)).saturating_sub(1).max(1)
}

fn column_lines(year: &YearColumn, (width, measure): (usize, AmbiguousWidth), lang: Lang) -> Vec<YearLine> {
    let heading = |text: String| YearLine { heading: true, text };
    let text =
        |text: &str| measure.wrap(&sanitize(text), width).into_iter().map(|text| YearLine { heading: false, text });
    let mut lines = vec![heading(fiscal_year_label(year.fiscal_year))];
    if year.at.is_none() {
        lines.extend(text(&ReviewWords::AbsentThisYear.text(lang)));
        return lines;
    }
    lines.push(heading(ReviewWords::RatingHeading.text(lang)));
    match &year.rating {
        Some((mark, label)) => lines.extend(text(&format!("{mark} {label}"))),
        None => lines.extend(text(&ReviewWords::Unrated.text(lang))),
    }
    lines.push(heading(ReviewWords::GoalsHeading.text(lang)));
    let numbered = year.goals.len() > 1;
    for (i, goal) in year.goals.iter().enumerate() {
        let number = if numbered { goal_number(i) } else { String::new() };
        lines.extend(text(&format!("{number}{goal}")));
    }
    lines.push(heading(ReviewWords::ReflectionHeading.text(lang)));
    lines.extend(text(if year.reflection.is_empty() { "―" } else { &year.reflection }));
    lines
}

/// How many year columns fit side by side (each at least 26 columns wide).
pub fn fitting_years(width: u16) -> usize {
    (usize::from(width.saturating_sub(2)) / 26).max(1)
}

pub(in crate::app) fn handle(mut view: Box<YearsView>, app: &mut App, action: Action) -> Handled<Box<YearsView>> {
    let fitting = fitting_years(app.layout.width);
    match action {
        Action::Command(Command::Close) => return close(),
        Action::Command(Command::Up) => view.scroll = view.scroll.saturating_sub(1),
        Action::Command(Command::Down) => {
            let longest = view.lines.iter().map(Vec::len).max().unwrap_or(0);
            // The screen less the status lines, the borders, the name and history lines and a blank.
            let shown = usize::from(app.layout.height.saturating_sub(7));
            view.scroll = (view.scroll + 1).min(longest.saturating_sub(shown));
        }
        Action::Command(Command::PrevColumn) => view.first = view.first.saturating_sub(1),
        Action::Command(Command::NextColumn) => {
            view.first = (view.first + 1).min(view.years.len().saturating_sub(fitting));
        }
        _ => {}
    }
    stay(view)
}
