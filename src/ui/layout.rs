//! Where everything goes on the screen; shared by drawing and by scrolling in `update`.

use ratatui::layout::{Constraint, Layout, Rect};

pub struct Areas {
    pub tree: Rect,
    pub goals: Rect,
    pub progress: Rect,
    pub rating: Rect,
    pub reflection: Rect,
    /// The whole right side, for the overviews of files and divisions.
    pub detail: Rect,
    pub status: Rect,
    pub hints: Rect,
}

pub const RATING_HEIGHT: u16 = 5;

pub fn areas(area: Rect) -> Areas {
    let [main, status, hints] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let tree_width = (main.width * 3 / 10).clamp(20, 34).min(main.width / 2);
    let [tree, detail] = Layout::horizontal([Constraint::Length(tree_width), Constraint::Fill(1)]).areas(main);
    let [goals, progress, rating, reflection] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(RATING_HEIGHT),
        Constraint::Fill(1),
    ])
    .areas(detail);
    Areas { tree, goals, progress, rating, reflection, detail, status, hints }
}
