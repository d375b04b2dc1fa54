//! The four panes of a section: scrolling, the goal list, the rating, and starting to edit.

use super::editing;
use super::state::{App, Focus, SectionRef, Tone, goal_rows};
use crate::command::Command;
use crate::i18n::app::Msg;
use hyoka_core::model::Field;

fn rows_of(app: &App, at: SectionRef) -> Vec<(Field, usize)> {
    app.section(at).map(goal_rows).unwrap_or_default()
}

pub(in crate::app) fn handle(app: &mut App, field: Field, command: Command) {
    let Some(at) = app.selected() else {
        app.focus = Focus::Tree;
        return;
    };
    if app.refuse(command) {
        return;
    }
    match field.pane() {
        Field::Goals => goals(app, at, command),
        Field::Rating => rating(app, at, command),
        text => text_pane(app, at, text, command),
    }
}

fn goals(app: &mut App, at: SectionRef, command: Command) {
    let rows = rows_of(app, at);
    let last = rows.len().saturating_sub(1);
    match command {
        Command::Up => {
            app.goal_cursor = app.goal_cursor.saturating_sub(1);
            app.goal_scroll = 0;
        }
        Command::Down => {
            app.goal_cursor = (app.goal_cursor + 1).min(last);
            app.goal_scroll = 0;
        }
        Command::PageDown => app.goal_scroll = app.goal_scroll.saturating_add(3),
        Command::PageUp => app.goal_scroll = app.goal_scroll.saturating_sub(3),
        Command::First => app.goal_cursor = 0,
        Command::Last => app.goal_cursor = last,
        Command::Edit => match rows.get(app.goal_cursor).copied() {
            Some((field, goal)) => editing::start(app, at, field, goal, false),
            None => add_goal(app, at, 0),
        },
        Command::AddGoalAfter => {
            let index = match rows.get(app.goal_cursor) {
                Some((Field::Goals, i)) => i + 1,
                Some(_) => 0,
                None => app.section(at).map_or(0, |s| s.goals.len()),
            };
            add_goal(app, at, index);
        }
        Command::AddGoalBefore => {
            let index = match rows.get(app.goal_cursor) {
                Some((Field::Goals, i)) => *i,
                _ => 0,
            };
            add_goal(app, at, index);
        }
        Command::EditIntro => {
            app.goal_cursor = 0;
            editing::start(app, at, Field::GoalsIntro, 0, false);
        }
        Command::RemoveGoal => remove_goal(app, at, rows.get(app.goal_cursor).copied()),
        Command::MoveGoalUp => move_goal(app, at, rows.get(app.goal_cursor).copied(), true),
        Command::MoveGoalDown => move_goal(app, at, rows.get(app.goal_cursor).copied(), false),
        Command::Rate(_) | Command::CycleRating | Command::CycleRatingBack | Command::ClearRating => {
            // The goal's own mark, with the keys of the section's rating.
            if let Some((Field::Goals, goal)) = rows.get(app.goal_cursor).copied() {
                let current = app.section(at).and_then(|s| s.goal_rating(goal).map(str::to_owned));
                if let Some(mark) = next_mark(app, at, current, command) {
                    app.change_section(at, |s| s.set_goal_rating(goal, mark));
                }
            }
        }
        _ => {}
    }
}

fn text_pane(app: &mut App, at: SectionRef, field: Field, command: Command) {
    let page = 5;
    let max = app.layout.overflow(field);
    let scroll = app.scroll.of_mut(field);
    *scroll = match command {
        Command::Up => scroll.saturating_sub(1),
        Command::Down => scroll.saturating_add(1),
        Command::PageUp => scroll.saturating_sub(page),
        Command::PageDown => scroll.saturating_add(page),
        Command::First => 0,
        Command::Last => u16::MAX,
        Command::Edit => return editing::start(app, at, field, 0, false),
        _ => return,
    }
    .min(max);
}

fn rating(app: &mut App, at: SectionRef, command: Command) {
    let current = app.section(at).and_then(|s| s.rating.clone());
    if let Some(mark) = next_mark(app, at, current, command) {
        set_rating(app, at, mark);
    }
}

/// The mark a rating key gives, from `current`: `Some(None)` clears it; `None` when the key does
/// nothing (a number past the scale, said).
fn next_mark(app: &mut App, at: SectionRef, current: Option<String>, command: Command) -> Option<Option<String>> {
    let marks: Vec<String> =
        app.doc(at.file).map(|d| d.scale().iter().map(|g| g.mark.clone()).collect()).unwrap_or_default();
    match command {
        Command::Rate(n) => match marks.get(usize::from(n).wrapping_sub(1)) {
            Some(mark) => Some(Some(mark.clone())),
            None => {
                app.say(Tone::Error, Msg::RatingRange { max: marks.len() });
                None
            }
        },
        Command::CycleRating | Command::CycleRatingBack => {
            // The cycle runs through "not rated" as well: none → ◎ → ○ → △ → × → none.
            let mut ring: Vec<Option<String>> = vec![None];
            ring.extend(marks.into_iter().map(Some));
            let pos = ring.iter().position(|r| *r == current).unwrap_or(0);
            let next = if command == Command::CycleRating {
                (pos + 1) % ring.len()
            } else {
                (pos + ring.len() - 1) % ring.len()
            };
            Some(ring.get(next).cloned().flatten())
        }
        Command::ClearRating => Some(None),
        _ => None,
    }
}

fn set_rating(app: &mut App, at: SectionRef, rating: Option<String>) {
    app.change_section(at, |s| s.rating = rating);
}

/// A new, empty goal at `index`, edited at once; adding and writing it are one undo step.
fn add_goal(app: &mut App, at: SectionRef, index: usize) {
    app.history.begin();
    let mut inserted = None;
    app.change_section(at, |s| inserted = Some(s.insert_goal(index, String::new())));
    let Some(index) = inserted else {
        app.history.commit();
        return;
    };
    let intro_rows = usize::from(app.section(at).is_some_and(|s| !s.goals_intro.is_empty()));
    app.goal_cursor = index + intro_rows;
    editing::start(app, at, Field::Goals, index, true);
}

fn remove_goal(app: &mut App, at: SectionRef, row: Option<(Field, usize)>) {
    let removed = match row {
        Some((Field::Goals, i)) => app.change_section(at, |s| s.remove_goal(i)),
        Some((Field::GoalsIntro, _)) => app.change_section(at, |s| s.goals_intro.clear()),
        _ => false,
    };
    if removed {
        app.say(Tone::Info, Msg::GoalRemoved);
    }
    app.clamp_goal_cursor();
}

fn move_goal(app: &mut App, at: SectionRef, row: Option<(Field, usize)>, up: bool) {
    let Some((Field::Goals, i)) = row else { return };
    let len = app.section(at).map_or(0, |s| s.goals.len());
    let j = if up { i.checked_sub(1) } else { (i + 1 < len).then_some(i + 1) };
    let Some(j) = j else { return };
    if app.change_section(at, |s| s.swap_goals(i, j)) {
        if up {
            app.goal_cursor = app.goal_cursor.saturating_sub(1);
        } else {
            app.goal_cursor += 1;
        }
    }
}
