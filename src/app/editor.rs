//! The text editor over one field of a section (or one goal): its state, its keys, and how the
//! finished text goes back into the section.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::action::{Action, Effect};
use super::edit_keys;
use super::state::{App, Focus, Mode, SectionRef};
use crate::command::Command;
use crate::model::{Field, Section};
use crate::text::edit_rows;

pub struct Editor {
    pub section: SectionRef,
    /// `Goals` edits the goal at `goal`; the other text fields are edited whole.
    pub field: Field,
    pub goal: usize,
    pub textarea: TextArea<'static>,
    /// Set when the goal was added for this edit, so that leaving it empty removes it again.
    pub new_goal: bool,
}

/// The text of a field (or of one goal) as an editor starts with it.
pub fn part_text(section: &Section, field: Field, goal: usize) -> String {
    match field {
        Field::Goals => section.goals.get(goal).cloned().unwrap_or_default(),
        other => other.text(section),
    }
}

impl Editor {
    /// Opens an editor on a field of a section, the caret at the end of its text.
    pub fn start(app: &mut App, section: SectionRef, field: Field, goal: usize, new_goal: bool) {
        let text = app.section(section).map(|s| part_text(s, field, goal)).unwrap_or_default();
        let mut textarea = TextArea::new(text.split('\n').map(str::to_owned).collect());
        // Wrapping and drawing are ours (ui::editor); the widget keeps text, caret and history.
        textarea.set_wrap_mode(WrapMode::None);
        textarea.set_max_histories(1000);
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        app.focus = Focus::Pane(field.pane());
        app.mode = Mode::Editing(Box::new(Editor { section, field, goal, textarea, new_goal }));
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// The editor holds text the section does not have yet.
    pub fn changed(&self, app: &App) -> bool {
        app.section(self.section).is_none_or(|s| part_text(s, self.field, self.goal) != self.text())
    }

    /// Writes the text as it stands into `section` (for the journal and exports while editing).
    pub fn apply_to(&self, section: &mut Section) {
        let text = self.text();
        match self.field {
            Field::Goals => {
                if let Some(goal) = section.goals.get_mut(self.goal) {
                    *goal = text;
                }
            }
            field => field.set_text(section, &text),
        }
    }

    /// How many rows the text takes at `width` columns, as drawn.
    pub fn rows(&self, width: usize) -> usize {
        edit_rows(self.textarea.lines(), width).len()
    }

    pub fn handle(mut self, app: &mut App, action: Action) -> Vec<Effect> {
        match action {
            Action::Command(Command::EndEdit) => {
                self.finish(app);
                Vec::new()
            }
            Action::Command(Command::Save) => {
                // Saving ends the edit: a save may take in sections and goals from others, and an
                // editor left open would then point at a place that moved.
                self.finish(app);
                super::saving::save(app)
            }
            Action::Command(command @ (Command::NextPane | Command::PrevPane | Command::Quit)) => {
                self.finish(app);
                super::update::browse(app, command)
            }
            Action::Command(command) => {
                let width = app.layout.text_width(self.field);
                edit_keys::apply(&mut self.textarea, command, width);
                app.mode = Mode::Editing(Box::new(self));
                Vec::new()
            }
            Action::Type(c) => {
                edit_keys::type_char(&mut self.textarea, c);
                app.mode = Mode::Editing(Box::new(self));
                Vec::new()
            }
            Action::Paste(text) => {
                edit_keys::paste(&mut self.textarea, &text, false);
                app.mode = Mode::Editing(Box::new(self));
                Vec::new()
            }
            _ => {
                app.mode = Mode::Editing(Box::new(self));
                Vec::new()
            }
        }
    }

    /// Ends the edit: the text goes into the section (an emptied goal disappears from the list),
    /// and what came in from disk meanwhile is taken in now.
    pub fn finish(self, app: &mut App) {
        app.mode = Mode::Browse;
        let text = trim_trailing_newlines(self.text());
        let (at, field, goal) = (self.section, self.field, self.goal);
        if self.new_goal && text.trim().is_empty() {
            // The goal was only a placeholder: take it out again, with its undo step.
            if let Some(step) = app.history.abandon() {
                for (at, before) in step.befores() {
                    let before = before.clone();
                    app.edit_section(at, |s| *s = before);
                }
            }
        } else {
            app.change_section(at, |section| match field {
                Field::Goals if text.trim().is_empty() => {
                    if goal < section.goals.len() {
                        section.goals.remove(goal);
                    }
                }
                Field::Goals => {
                    if let Some(g) = section.goals.get_mut(goal) {
                        g.clone_from(&text);
                    }
                }
                field => field.set_text(section, &text),
            });
            app.history.commit();
        }
        super::panes::clamp_goal_cursor(app);
        super::sync::take_in_waiting(app, at.file);
    }
}

fn trim_trailing_newlines(text: String) -> String {
    let trimmed = text.trim_end_matches('\n');
    if trimmed.len() == text.len() { text } else { trimmed.to_owned() }
}
