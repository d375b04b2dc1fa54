//! The layout's rules: every pane shows a line at the smallest size, the edited pane grows, zoom, kept heights.

use super::*;

#[test]
fn space_follows_the_text() {
    assert_eq!(share(18, [4, 10, 6]), [4, 8, 6]);
    assert_eq!(share(18, [3, 3, 3]), [3, 3, 12]);
    assert_eq!(share(18, [20, 20, 20]), [6, 6, 6]);
    assert_eq!(share(30, [5, 8, 4]), [5, 8, 17]);
    assert_eq!(share(9, [1, 30, 1]), [3, 3, 3], "the least there is room for at the smallest size");
    assert_eq!(share(5, [9, 9, 9]), [3, 2, 0], "below the smallest size, nothing is promised");
}

#[test]
fn at_the_smallest_size_every_pane_has_a_line_of_text() {
    let mut section = Section::new("総務課");
    section.progress = "長い文章".repeat(40);
    let layout = Layout::compute(MIN_WIDTH, MIN_HEIGHT, LayoutInput { section: Some(&section), ..Default::default() });
    assert!(!layout.too_small);
    for field in Field::PANES {
        assert!(layout.pane(field).height >= 3, "{field:?}: {:?}", layout.pane(field));
    }
    assert!(Layout::compute(MIN_WIDTH - 1, MIN_HEIGHT, LayoutInput::default()).too_small);
    assert!(Layout::compute(MIN_WIDTH, MIN_HEIGHT - 1, LayoutInput::default()).too_small);
}

#[test]
fn the_pane_being_edited_grows_with_its_rows_and_zoom_takes_the_right_side() {
    let section = Section::new("総務課");
    let input = LayoutInput { section: Some(&section), editing: Some((Field::Progress, 12)), ..Default::default() };
    let layout = Layout::compute(100, 40, input);
    assert!(layout.progress.height >= 14, "{:?}", layout.progress);
    let zoomed = Layout::compute(100, 40, LayoutInput { zoom: Some(Field::Reflection), ..input });
    assert_eq!(zoomed.reflection, zoomed.detail);
    assert_eq!(zoomed.goals.height, 0);
}

#[test]
fn the_panes_keep_their_heights_while_the_next_section_fits_them() {
    let (mut short, mut long) = (Section::new("総務課"), Section::new("市民税課"));
    short.progress = "短い".into();
    long.progress = "長い文章".repeat(60);
    let first = Layout::compute(100, 40, LayoutInput { section: Some(&long), ..Default::default() });
    let keep = Some([first.goals.height, first.progress.height, first.reflection.height]);
    let next = Layout::compute(100, 40, LayoutInput { section: Some(&short), keep, ..Default::default() });
    assert_eq!((next.goals, next.progress, next.reflection), (first.goals, first.progress, first.reflection));
    // The other way round the long text would not fit the short one's panes: laid out anew.
    let small = Layout::compute(100, 40, LayoutInput { section: Some(&short), ..Default::default() });
    let keep = Some([small.goals.height, small.progress.height, small.reflection.height]);
    let grown = Layout::compute(100, 40, LayoutInput { section: Some(&long), keep, ..Default::default() });
    assert_eq!(grown.progress, first.progress);
    // Kept heights from another size are not used.
    let other = Layout::compute(100, 30, LayoutInput { section: Some(&short), keep, ..Default::default() });
    assert_eq!(other, Layout::compute(100, 30, LayoutInput { section: Some(&short), ..Default::default() }));
}

#[test]
fn the_pane_being_edited_grows_with_room_so_that_a_new_line_moves_nothing_below() {
    let section = Section::new("総務課");
    let editing = |rows, keep| LayoutInput {
        section: Some(&section),
        editing: Some((Field::Goals, rows)),
        keep,
        ..Default::default()
    };
    let heights = |l: &Layout| Some([l.goals.height, l.progress.height, l.reflection.height]);
    let browse = Layout::compute(120, 40, LayoutInput { section: Some(&section), ..Default::default() });
    let started = Layout::compute(120, 40, editing(1, heights(&browse)));
    assert!(started.goals.height > browse.goals.height, "editing starts with room to write into");
    let wrapped = Layout::compute(120, 40, editing(2, heights(&started)));
    assert_eq!((wrapped.progress, wrapped.reflection), (started.progress, started.reflection));
    let grown = Layout::compute(120, 40, editing(6, heights(&wrapped)));
    assert!(grown.goals.height >= 6 + 1 + 2, "and grows when the caret would not fit");
}
