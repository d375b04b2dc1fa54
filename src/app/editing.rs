//! The text editor as a component: starting to edit a field, its keys, and how the finished
//! text goes back into the section.

use super::action::{Action, Effect};
use super::edit_keys;
use super::state::{App, Editor, Focus, Mode, SectionRef, part_text};
use super::sync;
use crate::command::Command;
use hyoka_core::model::Field;

/// Opens an editor on a field of a section (or one goal), the caret at the end of its text.
pub(in crate::app) fn start(app: &mut App, section: SectionRef, field: Field, goal: usize, new_goal: bool) {
    let text = app.section(section).map(|s| part_text(s, field, goal)).unwrap_or_default();
    app.focus = Focus::Pane(field.pane());
    app.mode = Mode::Editing(Box::new(Editor::new(section, field, goal, &text, new_goal)));
}

/// What the editor did with an action: nothing more to do, or a command for the screen after the
/// edit ended (Ctrl-S saves, Tab moves on, Ctrl-C quits).
pub enum Handled {
    Done(Vec<Effect>),
    EndedThen(Command),
}

pub(in crate::app) fn handle(mut editor: Editor, app: &mut App, action: Action) -> Handled {
    match action {
        Action::Command(Command::EndEdit) => {
            finish(editor, app);
            return Handled::Done(Vec::new());
        }
        // Saving ends the edit: a save may take in sections and goals from others, and an editor
        // left open would then point at a place that moved.
        Action::Command(command @ (Command::Save | Command::NextPane | Command::PrevPane | Command::Quit)) => {
            finish(editor, app);
            return Handled::EndedThen(command);
        }
        Action::Command(command) => {
            let width = app.layout.text_width(editor.field);
            edit_keys::apply(&mut editor.textarea, command, width, app.ambiguous_width);
        }
        Action::Type(c) => edit_keys::type_char(&mut editor.textarea, c),
        Action::Paste(text) => edit_keys::paste(&mut editor.textarea, &text, false),
        _ => {}
    }
    app.mode = Mode::Editing(Box::new(editor));
    Handled::Done(Vec::new())
}

/// Ends the edit: the text goes into the section (an emptied goal disappears from the list), and
/// what came in from disk meanwhile is taken in now.
pub(in crate::app) fn finish(editor: Editor, app: &mut App) {
    app.mode = Mode::Browse;
    let text = trim_trailing_newlines(editor.text());
    let (at, field, goal) = (editor.section, editor.field, editor.goal);
    if editor.new_goal && text.trim().is_empty() {
        // The goal was only a placeholder: take it out again, with its undo step.
        if let Some(step) = app.history.abandon() {
            for (at, before) in step.befores() {
                let before = before.clone();
                app.edit_section(at, |s| *s = before);
            }
        }
    } else {
        app.change_section(at, |section| match field {
            Field::Goals if text.trim().is_empty() => section.remove_goal(goal),
            Field::Goals => {
                if let Some(g) = section.goals.get_mut(goal) {
                    g.clone_from(&text);
                }
            }
            field => field.set_text(section, &text),
        });
        app.history.commit();
    }
    app.clamp_goal_cursor();
    sync::take_in_waiting(app, at.file);
}

fn trim_trailing_newlines(text: String) -> String {
    let trimmed = text.trim_end_matches('\n');
    if trimmed.len() == text.len() { text } else { trimmed.to_owned() }
}
