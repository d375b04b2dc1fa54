//! Where everything goes on the screen and how the section's texts wrap there. `update`
//! recomputes it whenever its inputs change; drawing and scrolling both read the same result.

pub mod history;

use ratatui::layout::{Constraint, Layout as Split, Rect};

use hyoka_core::model::{Field, Section};
use hyoka_core::text::{AmbiguousWidth, sanitize};

/// Below this size the screen only says how big it must be (panes would vanish or overlap).
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;
/// Borders and the two lines of the rating pane (the mark, the legend).
pub const RATING_HEIGHT: u16 = 4;
/// Empty rows the pane being edited gets below its text when it grows.
const EDIT_ROOM: usize = 3;

/// What the layout depends on besides the terminal size.
#[derive(Clone, Copy, Debug, Default)]
pub struct LayoutInput<'a> {
    /// The section the panes show.
    pub section: Option<&'a Section>,
    /// The pane being edited and how many rows its text takes at the pane's width, so that the
    /// pane grows with what is typed.
    pub editing: Option<(Field, usize)>,
    /// A pane shown alone on the whole right side.
    pub zoom: Option<Field>,
    /// The section's review above its panes: the status line and the reviewer's comment.
    pub banner: Option<(&'a str, &'a str)>,
    /// What the published table cannot carry of the section: the pane it is in, and why; the
    /// pane grows by the lines that say it.
    pub flaw: Option<(Field, &'a str)>,
    /// The heights of the goals, progress and reflection panes last shown: kept while the new
    /// section's texts fit them, so that moving through the tree leaves the borders where they are
    /// (over SSH a moved border is a row of box characters sent again).
    pub keep: Option<[u16; 3]>,
    /// How wide the terminal draws ambiguous characters: the texts wrap by it.
    pub ambiguous_width: AmbiguousWidth,
}

/// One row of the goals pane before styling: the intro (no number) or a goal with its number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalItem {
    /// "①", or empty for the intro and for a single unnumbered goal.
    pub number: String,
    pub intro: bool,
    /// The goal's own mark, shown at the right of its first line; empty when it has none.
    pub mark: String,
    /// The text wrapped to the width left after the number (hanging indent) and the marks' column.
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub width: u16,
    pub height: u16,
    /// The terminal is smaller than [`MIN_WIDTH`] × [`MIN_HEIGHT`]: nothing else is drawn.
    pub too_small: bool,
    pub tree: Rect,
    /// The whole right side, for the overviews of files and divisions.
    pub detail: Rect,
    pub goals: Rect,
    pub progress: Rect,
    pub rating: Rect,
    pub reflection: Rect,
    pub status: Rect,
    pub hints: Rect,
    /// The review above the panes (empty when there is none or no room); its comment wrapped.
    pub banner: Rect,
    pub banner_lines: Vec<String>,
    /// Columns kept at the right of the goals for their marks (0 when no goal has one).
    pub mark_width: usize,
    /// The section's texts as the panes show them, wrapped at their inner widths.
    pub goal_items: Vec<GoalItem>,
    pub progress_lines: Vec<String>,
    pub reflection_lines: Vec<String>,
    /// What the published table cannot carry: the pane, and the lines at its bottom that say why.
    pub flaw: Option<(Field, Vec<String>)>,
}

impl Layout {
    pub fn compute(width: u16, height: u16, input: LayoutInput<'_>) -> Layout {
        let area = Rect::new(0, 0, width, height);
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let [main, status, hints] =
            Split::vertical([Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)]).areas(area);
        let tree_width = (main.width * 3 / 10).clamp(20, 34).min(main.width / 2);
        let [tree, detail] = Split::horizontal([Constraint::Length(tree_width), Constraint::Fill(1)]).areas(main);
        let inner_width = usize::from(detail.width.saturating_sub(2));
        let measure = input.ambiguous_width;
        let (banner, banner_lines, panes_area) = banner(detail, input.banner, inner_width, measure);
        let mark_width = input.section.map_or(0, |section| mark_column(section, measure));
        let (goal_items, progress_lines, reflection_lines) = match input.section {
            Some(section) => (
                goal_items(section, inner_width, mark_width, measure),
                text_lines(&section.progress, inner_width, measure),
                text_lines(&section.reflection, inner_width, measure),
            ),
            None => Default::default(),
        };
        let goal_rows: usize = goal_items.iter().map(|g| g.lines.len()).sum();
        let mut wanted = [goal_rows.max(1), progress_lines.len().max(1), reflection_lines.len().max(1)];
        let mut needed = wanted;
        if let Some((field, rows)) = input.editing
            && let Some(slot) = text_pane_index(field)
        {
            // One row more: the caret may stand after a full last row, and one to write into. A
            // pane that must grow gets more room than that, so that the panes below move once every
            // few lines typed (and at once when editing starts) rather than with each line.
            if let (Some(need), Some(wish)) = (needed.get_mut(slot), wanted.get_mut(slot)) {
                *need = rows.saturating_add(2);
                *wish = rows.saturating_add(1 + EDIT_ROOM);
            }
        }
        let flaw = input.flaw.map(|(field, why)| (field.pane(), measure.wrap(&sanitize(why), inner_width.max(1))));
        if let Some((field, lines)) = &flaw
            && let Some(slot) = text_pane_index(*field)
            && let (Some(need), Some(wish)) = (needed.get_mut(slot), wanted.get_mut(slot))
        {
            *need = need.saturating_add(lines.len());
            *wish = wish.saturating_add(lines.len());
        }
        let kept = input.keep.filter(|keep| fits(*keep, needed, panes_area.height));
        let [goals, progress, rating, reflection] = match (input.zoom, kept) {
            (Some(field), _) => zoomed(panes_area, field),
            (None, Some(keep)) => stacked(panes_area, keep),
            (None, None) => panes(panes_area, wanted),
        };
        Layout {
            width,
            height,
            too_small,
            tree,
            detail,
            goals,
            progress,
            rating,
            reflection,
            status,
            hints,
            banner,
            banner_lines,
            mark_width,
            goal_items,
            progress_lines,
            reflection_lines,
            flaw,
        }
    }

    /// The rows at the bottom of a pane that say what the published table cannot carry (none
    /// where it can, or where the pane is too low to show its text as well).
    pub fn flaw_rows(&self, field: Field) -> usize {
        let inner = usize::from(self.pane(field).height.saturating_sub(2));
        match &self.flaw {
            Some((pane, lines)) if *pane == field.pane() => lines.len().min(inner.saturating_sub(1)),
            _ => 0,
        }
    }

    /// The rectangle of a pane (the intro is drawn in the goals pane).
    pub fn pane(&self, field: Field) -> Rect {
        match field.pane() {
            Field::Progress => self.progress,
            Field::Rating => self.rating,
            Field::Reflection => self.reflection,
            _ => self.goals,
        }
    }

    /// The text width inside a pane's borders.
    pub fn text_width(&self, field: Field) -> usize {
        usize::from(self.pane(field).width.saturating_sub(2))
    }

    /// How far the progress or reflection pane can scroll.
    pub fn overflow(&self, field: Field) -> u16 {
        let lines = match field {
            Field::Progress => self.progress_lines.len(),
            Field::Reflection => self.reflection_lines.len(),
            _ => return 0,
        };
        let shown = usize::from(self.pane(field).height.saturating_sub(2)).saturating_sub(self.flaw_rows(field));
        u16::try_from(lines.saturating_sub(shown)).unwrap_or(u16::MAX)
    }

    /// The area of the large dialogs (conflict, recovery): the screen above the two status lines
    /// (which keep saying where one is and what is unsaved), at most 100 wide.
    pub fn dialog(&self) -> Rect {
        let area = Rect::new(0, 0, self.width, self.height.saturating_sub(2));
        area.centered(Constraint::Length(self.width.saturating_sub(4).min(100)), Constraint::Length(area.height))
    }

    /// The text width of the conflict dialog's boxes (for the combined text's ↑↓).
    pub fn dialog_text_width(&self) -> usize {
        usize::from(self.dialog().width.saturating_sub(4))
    }
}

/// The lines a text pane shows at a given inner width, after taming control characters.
pub fn text_lines(text: &str, width: usize, measure: AmbiguousWidth) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    measure.wrap(&sanitize(text), width)
}

fn goal_items(section: &Section, width: usize, mark_width: usize, measure: AmbiguousWidth) -> Vec<GoalItem> {
    let intro = (!section.goals_intro.is_empty()).then(|| GoalItem {
        number: String::new(),
        intro: true,
        mark: String::new(),
        lines: measure.wrap(&sanitize(&section.goals_intro), width.max(2)),
    });
    let goals = section.goals.iter().enumerate().map(|(i, goal)| {
        // As the table numbered them (①②…, or ③④ where it started at ③), or not at all.
        let number = section.goal_label(i).unwrap_or_default();
        let indent = measure.display_width(&number);
        let width = width.saturating_sub(indent + mark_width).max(2);
        let mark = section.goal_rating(i).map(|m| sanitize(m).into_owned()).unwrap_or_default();
        GoalItem { lines: measure.wrap(&sanitize(goal), width), number, intro: false, mark }
    });
    intro.into_iter().chain(goals).collect()
}

/// The columns the goals' marks take at the right (with a blank before them), 0 when none has one.
fn mark_column(section: &Section, measure: AmbiguousWidth) -> usize {
    let widest = section.goal_ratings.iter().flatten().map(|m| measure.display_width(&sanitize(m))).max();
    widest.map_or(0, |w| w + 1)
}

/// Rows the panes need at the least: three text panes of three rows and the rating pane.
const PANES_LEAST: u16 = 3 * 3 + RATING_HEIGHT;
/// The most rows a review takes above the panes.
const BANNER_MOST: u16 = 8;

/// The review above the panes: a bordered box with the status as its title and the comment
/// inside, or one line for a status without a comment; smaller, or nothing, where the panes
/// need the room. Returns its area, the comment's lines, and what is left for the panes.
fn banner(
    detail: Rect,
    banner: Option<(&str, &str)>,
    width: usize,
    measure: AmbiguousWidth,
) -> (Rect, Vec<String>, Rect) {
    let Some((_, comment)) = banner else {
        return (Rect::new(detail.x, detail.y, detail.width, 0), Vec::new(), detail);
    };
    let lines = if comment.is_empty() { Vec::new() } else { measure.wrap(&sanitize(comment), width.max(1)) };
    let room = detail.height.saturating_sub(PANES_LEAST);
    let wanted = if lines.is_empty() { 1 } else { u16::try_from(lines.len() + 2).unwrap_or(u16::MAX) };
    let height = match wanted.min(room).min(BANNER_MOST) {
        // A box needs its two borders and a line; with less room the status line alone is shown.
        2 if !lines.is_empty() => 1,
        h => h,
    };
    let [top, rest] = Split::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(detail);
    (top, lines, rest)
}

/// Index of a pane among the three whose height follows their text.
fn text_pane_index(field: Field) -> Option<usize> {
    match field.pane() {
        Field::Goals => Some(0),
        Field::Progress => Some(1),
        Field::Reflection => Some(2),
        _ => None,
    }
}

fn panes(detail: Rect, wanted: [usize; 3]) -> [Rect; 4] {
    stacked(detail, share(detail.height.saturating_sub(RATING_HEIGHT), wanted.map(|n| n.saturating_add(2))))
}

/// Whether heights kept from the last frame fill the same room and show every line wanted now.
fn fits(keep: [u16; 3], wanted: [usize; 3], room: u16) -> bool {
    let total: u16 = keep.iter().sum();
    total == room.saturating_sub(RATING_HEIGHT)
        && keep.iter().zip(wanted).all(|(&height, rows)| usize::from(height) >= rows.saturating_add(2))
}

/// The panes one under another: goals, progress, the rating's fixed rows, reflection.
fn stacked(detail: Rect, [goals, progress, reflection]: [u16; 3]) -> [Rect; 4] {
    Split::vertical([
        Constraint::Length(goals),
        Constraint::Length(progress),
        Constraint::Length(RATING_HEIGHT),
        Constraint::Length(reflection),
    ])
    .areas(detail)
}

/// One pane on the whole right side; the others get no room.
fn zoomed(detail: Rect, field: Field) -> [Rect; 4] {
    let empty = Rect::new(detail.x, detail.bottom(), detail.width, 0);
    let mut out = [empty; 4];
    let index = match field.pane() {
        Field::Goals => 0,
        Field::Progress => 1,
        Field::Rating => 2,
        _ => 3,
    };
    if let Some(slot) = out.get_mut(index) {
        *slot = detail;
    }
    out
}

/// Splits `total` rows between three panes: each gets what it wants while that fits; when it does
/// not, a pane wanting less than an even share keeps what it wants and the others share the rest.
/// Every pane keeps at least three rows (two borders and a line) while there is room for that —
/// always from [`MIN_HEIGHT`] up; below it the panes are not drawn at all.
fn share(total: u16, wanted: [usize; 3]) -> [u16; 3] {
    const MIN: u16 = 3;
    let wanted = wanted.map(|w| u16::try_from(w).unwrap_or(u16::MAX).max(MIN));
    let mut heights = [0u16; 3];
    let mut left = total;
    let mut open: Vec<(u16, &mut u16)> = wanted.into_iter().zip(heights.iter_mut()).collect();
    // Hand out the smallest wishes first, each capped at an even share of what is left.
    open.sort_by_key(|(wish, _)| *wish);
    for (n, (wish, height)) in open.into_iter().enumerate() {
        let fair = left / (3 - n) as u16;
        *height = wish.min(fair).max(MIN.min(left));
        left = left.saturating_sub(*height);
    }
    // Whatever is left (everybody was satisfied) goes to the last pane, the reflection.
    let [goals, progress, reflection] = heights;
    [goals, progress, reflection + left]
}

#[cfg(test)]
mod tests;
