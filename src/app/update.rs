//! `update`: the only place where the state changes. No terminal, no disk.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::edit_keys::edit_key;
use super::keymap::Action;
use super::state::{App, Change, Editor, FileState, Focus, Mode, Node, SectionRef, Slot, Tone};
use crate::model::{Field, Section};

/// What the state asks the outside world to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Save,
    /// The user threw away the unsaved work kept in this journal file.
    DeleteJournal(std::path::PathBuf),
    /// Write the document of `file` in `format` to `path` (see `app::export`).
    Export {
        file: usize,
        format: crate::interchange::Format,
        path: std::path::PathBuf,
        overwrite: bool,
    },
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::EditKey(_) | Action::Resize(..)) {
        app.message = None;
    }
    if let Action::Resize(w, h) = action {
        app.size = (w, h);
        return Vec::new();
    }
    match std::mem::replace(&mut app.mode, Mode::Browse) {
        Mode::Help { scroll } => {
            // As far as the last entry, with the overlay as tall as the terminal allows.
            let visible = app.size.1.saturating_sub(4);
            let last = u16::try_from(super::keymap::HELP.len()).unwrap_or(u16::MAX).saturating_sub(visible);
            app.mode = match action {
                Action::Up => Mode::Help { scroll: scroll.saturating_sub(1) },
                Action::Down => Mode::Help { scroll: scroll.saturating_add(1).min(last) },
                Action::PageUp => Mode::Help { scroll: scroll.saturating_sub(10) },
                Action::PageDown => Mode::Help { scroll: scroll.saturating_add(10).min(last) },
                _ => Mode::Browse,
            };
            Vec::new()
        }
        Mode::ConfirmQuit => match action {
            Action::SaveAndQuit => {
                app.quit_after_save = true;
                vec![Effect::Save]
            }
            Action::DiscardAndQuit => {
                // Thrown away for real: back to what is on disk, so that no journal keeps it either.
                for entry in &mut app.files {
                    if let FileState::Loaded { doc, saved, .. } = &mut entry.state {
                        *doc = saved.clone();
                    }
                }
                app.should_quit = true;
                Vec::new()
            }
            _ => Vec::new(),
        },
        Mode::Editing(editor) => editing(app, *editor, action),
        Mode::Resolve(resolution) => super::resolve::resolve(app, *resolution, action),
        Mode::Recover(recovery) => super::recover::recover(app, *recovery, action),
        Mode::Export(dialog) => super::export::dialog(app, *dialog, action),
        Mode::Browse => browse(app, action),
    }
}

fn editing(app: &mut App, mut editor: Editor, action: Action) -> Vec<Effect> {
    match action {
        Action::EditKey(key) => {
            let width = crate::ui::editor_text_width(app, editor.slot);
            edit_key(&mut editor.textarea, key, width);
            app.mode = Mode::Editing(Box::new(editor));
            Vec::new()
        }
        Action::Paste(text) => {
            // Terminals send pasted line breaks as CR.
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            editor.textarea.insert_str(text);
            app.mode = Mode::Editing(Box::new(editor));
            Vec::new()
        }
        Action::EndEdit => {
            finish_edit(app, editor);
            Vec::new()
        }
        Action::Save => {
            // Saving ends the edit: a save may take in sections and goals from others, and an
            // editor left open would then point at a place that moved.
            finish_edit(app, editor);
            vec![Effect::Save]
        }
        Action::NextPane | Action::PrevPane => {
            finish_edit(app, editor);
            browse(app, action)
        }
        _ => {
            app.mode = Mode::Editing(Box::new(editor));
            Vec::new()
        }
    }
}

fn finish_edit(app: &mut App, editor: Editor) {
    let text = editor.textarea.lines().join("\n");
    commit_text(app, editor.section, editor.slot, text, editor.new_goal);
    app.mode = Mode::Browse;
}

/// Writes the editor's text into the section; an emptied goal disappears from the list.
fn commit_text(app: &mut App, at: SectionRef, slot: Slot, text: String, new_goal: bool) {
    let text = trim_trailing_newlines(text);
    if new_goal && text.trim().is_empty() {
        // The goal was only a placeholder: take it out again, with its undo step.
        if let (Slot::Goal(i), Some(section)) = (slot, app.section_mut(at))
            && i < section.goals.len()
        {
            section.goals.remove(i);
        }
        if app.undo.last().is_some_and(|c| c.section == at && c.after.goals.len() == c.before.goals.len() + 1) {
            app.undo.pop();
        }
        clamp_goal_cursor(app);
        return;
    }
    change_section(app, at, |section| match slot {
        Slot::GoalsIntro => section.goals_intro = text.clone(),
        Slot::Goal(i) => {
            if text.trim().is_empty() {
                if i < section.goals.len() {
                    section.goals.remove(i);
                }
            } else if let Some(goal) = section.goals.get_mut(i) {
                *goal = text.clone();
            }
        }
        Slot::Progress => section.progress = text.clone(),
        Slot::Reflection => section.reflection = text.clone(),
    });
    if new_goal {
        // Adding a goal and writing it are one step for undo: undoing must not leave an empty goal.
        let len = app.undo.len();
        if len >= 2 && app.undo[len - 2].section == at && app.undo[len - 1].section == at {
            let written = app.undo.pop();
            if let (Some(added), Some(written)) = (app.undo.last_mut(), written) {
                added.after = written.after;
            }
        }
    }
    clamp_goal_cursor(app);
}

fn trim_trailing_newlines(text: String) -> String {
    let trimmed = text.trim_end_matches('\n');
    if trimmed.len() == text.len() { text } else { trimmed.to_owned() }
}

/// Applies a change to one section and records it for undo, if anything changed.
fn change_section(app: &mut App, at: SectionRef, edit: impl FnOnce(&mut Section)) -> bool {
    let Some(section) = app.section_mut(at) else { return false };
    let before = section.clone();
    edit(section);
    if section == &before {
        return false;
    }
    let after = section.clone();
    app.undo.push(Change { section: at, before, after });
    app.redo.clear();
    true
}

fn browse(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Save => return vec![Effect::Save],
        Action::Quit => {
            if app.has_unsaved() && !app.read_only {
                app.mode = Mode::ConfirmQuit;
            } else {
                app.should_quit = true;
            }
        }
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::Export => super::export::open_dialog(app),
        Action::Undo | Action::Redo if app.read_only => {
            app.may_edit(0);
        }
        Action::Undo => undo_redo(app, true),
        Action::Redo => undo_redo(app, false),
        Action::NextPane => cycle_focus(app, true),
        Action::PrevPane => cycle_focus(app, false),
        Action::FocusTree => app.focus = Focus::Tree,
        _ => match app.focus {
            Focus::Tree => tree(app, action),
            Focus::Pane(field) => pane(app, field, action),
        },
    }
    Vec::new()
}

fn undo_redo(app: &mut App, undo: bool) {
    let (from, to) = if undo { (&mut app.undo, &mut app.redo) } else { (&mut app.redo, &mut app.undo) };
    let Some(change) = from.pop() else {
        app.say(
            Tone::Info,
            if undo { "元に戻す変更はありません。" } else { "やり直す変更はありません。" },
            if undo { "Nothing to undo." } else { "Nothing to redo." },
        );
        return;
    };
    let restored = if undo { change.before.clone() } else { change.after.clone() };
    let at = change.section;
    to.push(change);
    if let Some(section) = app.section_mut(at) {
        *section = restored;
    }
    app.cursor = Node::Section(at);
    expand_to(app, at);
    clamp_goal_cursor(app);
    let name = app.section(at).map(|s| s.name.clone()).unwrap_or_default();
    if undo {
        app.say(Tone::Info, &format!("{name}の変更を元に戻しました。"), &format!("Undid a change in {name}."));
    } else {
        app.say(Tone::Info, &format!("{name}の変更をやり直しました。"), &format!("Redid a change in {name}."));
    }
}

fn expand_to(app: &mut App, at: SectionRef) {
    app.collapsed.remove(&Node::File(at.file));
    app.collapsed.remove(&Node::Division(at.file, at.division));
}

const PANE_ORDER: [Focus; 5] = [
    Focus::Tree,
    Focus::Pane(Field::Goals),
    Focus::Pane(Field::Progress),
    Focus::Pane(Field::Rating),
    Focus::Pane(Field::Reflection),
];

fn cycle_focus(app: &mut App, forward: bool) {
    if app.selected().is_none() {
        app.focus = Focus::Tree;
        app.say(Tone::Info, "一覧で課を選んでください。", "Choose a section in the tree first.");
        return;
    }
    let index = PANE_ORDER.iter().position(|f| *f == app.focus).unwrap_or(0);
    let next = if forward { (index + 1) % PANE_ORDER.len() } else { (index + PANE_ORDER.len() - 1) % PANE_ORDER.len() };
    app.focus = PANE_ORDER[next];
}

fn tree(app: &mut App, action: Action) {
    let nodes = app.visible_nodes();
    let index = nodes.iter().position(|n| *n == app.cursor).unwrap_or(0);
    let page = usize::from(app.size.1.saturating_sub(4)).max(1);
    let target = match action {
        Action::Up => index.saturating_sub(1),
        Action::Down => (index + 1).min(nodes.len().saturating_sub(1)),
        Action::PageUp => index.saturating_sub(page),
        Action::PageDown => (index + page).min(nodes.len().saturating_sub(1)),
        Action::Top => 0,
        Action::Bottom => nodes.len().saturating_sub(1),
        Action::Collapse => {
            match app.cursor {
                node @ (Node::File(_) | Node::Division(..))
                    if !app.collapsed.contains(&node) && has_children(app, node) =>
                {
                    app.collapsed.insert(node);
                }
                Node::Division(file, _) => app.cursor = Node::File(file),
                Node::Section(at) => app.cursor = Node::Division(at.file, at.division),
                Node::File(_) => {}
            }
            return;
        }
        Action::Expand => {
            if app.collapsed.remove(&app.cursor) {
                return;
            }
            // Already open: step onto the first child, as file managers do.
            (index + 1).min(nodes.len().saturating_sub(1))
        }
        Action::Activate => {
            match app.cursor {
                Node::Section(_) => app.focus = Focus::Pane(Field::Goals),
                node => {
                    if !app.collapsed.remove(&node) && has_children(app, node) {
                        app.collapsed.insert(node);
                    }
                }
            }
            return;
        }
        _ => return,
    };
    if let Some(node) = nodes.get(target) {
        select(app, *node);
    }
}

fn has_children(app: &App, node: Node) -> bool {
    match node {
        Node::File(file) => app.doc(file).is_some_and(|d| !d.divisions.is_empty()),
        Node::Division(file, division) => {
            app.doc(file).and_then(|d| d.divisions.get(division)).is_some_and(|d| !d.sections.is_empty())
        }
        Node::Section(_) => false,
    }
}

fn select(app: &mut App, node: Node) {
    if app.cursor != node {
        app.cursor = node;
        app.goal_cursor = 0;
        app.goal_scroll = 0;
        app.scroll = [0; 2];
    }
}

fn pane(app: &mut App, field: Field, action: Action) {
    let Some(at) = app.selected() else {
        app.focus = Focus::Tree;
        return;
    };
    let changes = matches!(
        action,
        Action::StartEdit
            | Action::AddGoalAfter
            | Action::AddGoalBefore
            | Action::RemoveGoal
            | Action::MoveGoalUp
            | Action::MoveGoalDown
            | Action::SetRating(_)
            | Action::CycleRating
            | Action::CycleRatingBack
            | Action::ClearRating
    );
    if changes && !app.may_edit(at.file) {
        return;
    }
    match (field, action.clone()) {
        (Field::Goals, Action::Up) => {
            app.goal_cursor = app.goal_cursor.saturating_sub(1);
            app.goal_scroll = 0;
        }
        (Field::Goals, Action::Down) => {
            app.goal_cursor = (app.goal_cursor + 1).min(app.goal_slots(at).len().saturating_sub(1));
            app.goal_scroll = 0;
        }
        (Field::Goals, Action::PageDown) => app.goal_scroll = app.goal_scroll.saturating_add(3),
        (Field::Goals, Action::PageUp) => app.goal_scroll = app.goal_scroll.saturating_sub(3),
        (Field::Goals, Action::Top) => app.goal_cursor = 0,
        (Field::Goals, Action::Bottom) => app.goal_cursor = app.goal_slots(at).len().saturating_sub(1),
        (Field::Goals, Action::StartEdit) => match app.goal_slots(at).get(app.goal_cursor).copied() {
            Some(slot) => start_edit(app, at, slot, false),
            None => add_goal(app, at, 0),
        },
        (Field::Goals, Action::AddGoalAfter) => {
            let index = match app.goal_slots(at).get(app.goal_cursor) {
                Some(Slot::Goal(i)) => i + 1,
                Some(_) => 0,
                None => app.section(at).map_or(0, |s| s.goals.len()),
            };
            add_goal(app, at, index);
        }
        (Field::Goals, Action::AddGoalBefore) => {
            let index = match app.goal_slots(at).get(app.goal_cursor) {
                Some(Slot::Goal(i)) => *i,
                _ => 0,
            };
            add_goal(app, at, index);
        }
        (Field::Goals, Action::RemoveGoal) => remove_goal(app, at),
        (Field::Goals, Action::MoveGoalUp) => move_goal(app, at, true),
        (Field::Goals, Action::MoveGoalDown) => move_goal(app, at, false),
        (
            Field::Progress | Field::Reflection,
            action @ (Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom),
        ) => {
            let index = usize::from(field == Field::Reflection);
            let page = 5;
            let scroll = &mut app.scroll[index];
            *scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(page),
                Action::PageDown => scroll.saturating_add(page),
                Action::Top => 0,
                _ => u16::MAX,
            };
            let max = crate::ui::pane_overflow(app, field);
            app.scroll[index] = app.scroll[index].min(max);
        }
        (Field::Progress, Action::StartEdit) => start_edit(app, at, Slot::Progress, false),
        (Field::Reflection, Action::StartEdit) => start_edit(app, at, Slot::Reflection, false),
        (Field::Rating, Action::SetRating(i)) => {
            let scale = app.doc(at.file).map(|d| d.scale().into_owned()).unwrap_or_default();
            match scale.get(i) {
                Some(grade) => set_rating(app, at, Some(grade.mark.clone())),
                None => app.say(
                    Tone::Error,
                    &format!("達成度は 1〜{} で選んでください。", scale.len()),
                    &format!("Choose a rating from 1 to {}.", scale.len()),
                ),
            }
        }
        (Field::Rating, Action::CycleRating | Action::CycleRatingBack) => {
            let forward = action == Action::CycleRating;
            let marks: Vec<String> =
                app.doc(at.file).map(|d| d.scale().iter().map(|g| g.mark.clone()).collect()).unwrap_or_default();
            // The cycle runs through "not rated" as well: none → ◎ → ○ → △ → × → none.
            let mut ring: Vec<Option<String>> = vec![None];
            ring.extend(marks.into_iter().map(Some));
            let current = app.section(at).and_then(|s| s.rating.clone());
            let pos = ring.iter().position(|r| *r == current).unwrap_or(0);
            let next = if forward { (pos + 1) % ring.len() } else { (pos + ring.len() - 1) % ring.len() };
            set_rating(app, at, ring[next].clone());
        }
        (Field::Rating, Action::ClearRating) => set_rating(app, at, None),
        _ => {}
    }
}

fn set_rating(app: &mut App, at: SectionRef, rating: Option<String>) {
    change_section(app, at, |s| s.rating = rating);
}

fn add_goal(app: &mut App, at: SectionRef, index: usize) {
    let mut inserted = None;
    change_section(app, at, |s| {
        let index = index.min(s.goals.len());
        s.goals.insert(index, String::new());
        inserted = Some(index);
    });
    let Some(index) = inserted else { return };
    let intro_rows = usize::from(app.section(at).is_some_and(|s| !s.goals_intro.is_empty()));
    app.goal_cursor = index + intro_rows;
    start_edit(app, at, Slot::Goal(index), true);
}

fn remove_goal(app: &mut App, at: SectionRef) {
    let Some(slot) = app.goal_slots(at).get(app.goal_cursor).copied() else { return };
    let removed = match slot {
        Slot::Goal(i) => change_section(app, at, |s| {
            s.goals.remove(i);
        }),
        Slot::GoalsIntro => change_section(app, at, |s| s.goals_intro.clear()),
        _ => false,
    };
    if removed {
        app.say(Tone::Info, "目標を削除しました（u で元に戻せます）。", "Goal removed (u brings it back).");
    }
    clamp_goal_cursor(app);
}

fn move_goal(app: &mut App, at: SectionRef, up: bool) {
    let Some(Slot::Goal(i)) = app.goal_slots(at).get(app.goal_cursor).copied() else { return };
    let len = app.section(at).map_or(0, |s| s.goals.len());
    let j = if up { i.checked_sub(1) } else { (i + 1 < len).then_some(i + 1) };
    let Some(j) = j else { return };
    if change_section(app, at, |s| s.goals.swap(i, j)) {
        if up {
            app.goal_cursor -= 1;
        } else {
            app.goal_cursor += 1;
        }
    }
}

fn clamp_goal_cursor(app: &mut App) {
    let rows = app.selected().map_or(0, |at| app.goal_slots(at).len());
    app.goal_cursor = app.goal_cursor.min(rows.saturating_sub(1));
}

fn start_edit(app: &mut App, at: SectionRef, slot: Slot, new_goal: bool) {
    let text = app.slot_text(at, slot);
    let mut textarea = TextArea::new(text.split('\n').map(str::to_owned).collect());
    // Wrapping and drawing are ours (ui::editor); the editor keeps text, caret and history.
    textarea.set_wrap_mode(WrapMode::None);
    textarea.set_max_histories(1000);
    textarea.move_cursor(CursorMove::Bottom);
    textarea.move_cursor(CursorMove::End);
    app.focus = Focus::Pane(match slot {
        Slot::GoalsIntro | Slot::Goal(_) => Field::Goals,
        Slot::Progress => Field::Progress,
        Slot::Reflection => Field::Reflection,
    });
    app.mode = Mode::Editing(Box::new(Editor { section: at, slot, textarea, new_goal }));
}

/// Where the tree cursor is, by names: positions change when sections come or go.
pub(super) fn cursor_by_name(app: &App) -> Option<(usize, String, String)> {
    let at = app.selected()?;
    let doc = app.doc(at.file)?;
    let division = doc.divisions.get(at.division)?;
    Some((at.file, division.name.clone(), division.sections.get(at.section)?.name.clone()))
}

/// After the documents took in work from elsewhere (disk, a merge, a journal): the cursor goes back
/// to the section it was on, found by name, and the undo history is dropped, since each step
/// would put back a whole section over what was just taken in.
pub(super) fn after_documents_changed(app: &mut App, before: Option<(usize, String, String)>) {
    if let Some((file, division, section)) = before
        && let Some(doc) = app.doc(file)
        && let Some(d) = doc.divisions.iter().position(|d| d.name == division)
        && let Some(s) = doc.divisions[d].sections.iter().position(|s| s.name == section)
    {
        app.cursor = Node::Section(SectionRef { file, division: d, section: s });
    }
    let nodes = app.visible_nodes();
    if !nodes.contains(&app.cursor) {
        app.cursor = nodes.first().copied().unwrap_or(Node::File(0));
        app.focus = Focus::Tree;
    }
    app.undo.clear();
    app.redo.clear();
    clamp_goal_cursor(app);
}
