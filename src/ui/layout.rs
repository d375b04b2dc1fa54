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

pub const RATING_HEIGHT: u16 = 4;

/// Lays out the screen; `wanted` holds the text lines the goals, progress and reflection panes
/// would like to show, so that space goes where the text is instead of being split evenly.
pub fn areas(area: Rect, wanted: [usize; 3]) -> Areas {
    let [main, status, hints] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let tree_width = (main.width * 3 / 10).clamp(20, 34).min(main.width / 2);
    let [tree, detail] = Layout::horizontal([Constraint::Length(tree_width), Constraint::Fill(1)]).areas(main);
    let heights = share(detail.height.saturating_sub(RATING_HEIGHT), wanted.map(|n| n.saturating_add(2)));
    let [goals, progress, rating, reflection] = Layout::vertical([
        Constraint::Length(heights[0]),
        Constraint::Length(heights[1]),
        Constraint::Length(RATING_HEIGHT),
        Constraint::Fill(1),
    ])
    .areas(detail);
    Areas { tree, goals, progress, rating, reflection, detail, status, hints }
}

/// Splits `total` rows between three panes: each gets what it wants while that fits; when it does
/// not, a pane wanting less than an even share keeps what it wants and the others share the rest.
/// Every pane keeps at least three rows (two borders and a line).
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
mod tests {
    use super::share;

    #[test]
    fn space_follows_the_text() {
        assert_eq!(share(18, [4, 10, 6]), [4, 8, 6]);
        assert_eq!(share(18, [3, 3, 3]), [3, 3, 12]);
        assert_eq!(share(18, [20, 20, 20]), [6, 6, 6]);
        assert_eq!(share(30, [5, 8, 4]), [5, 8, 17]);
        assert_eq!(share(5, [9, 9, 9]), [3, 2, 0]);
    }
}
