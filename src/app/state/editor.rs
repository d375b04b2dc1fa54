//! The state of the text editor over one field of a section (or one goal): which, and the text
//! with its caret and typing history.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::refs::SectionRef;
use hyoka_core::model::{Field, Section};
use hyoka_core::text::{AmbiguousWidth, edit_rows};

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

/// A text box for `text`, the caret at its end; wrapping and drawing are ours (ui::editor), the
/// widget keeps text, caret and history.
pub fn text_box(text: &str) -> TextArea<'static> {
    let mut textarea = TextArea::new(text.split('\n').map(str::to_owned).collect());
    textarea.set_wrap_mode(WrapMode::None);
    textarea.set_max_histories(1000);
    textarea.move_cursor(CursorMove::Bottom);
    textarea.move_cursor(CursorMove::End);
    textarea
}

impl Editor {
    pub fn new(section: SectionRef, field: Field, goal: usize, text: &str, new_goal: bool) -> Editor {
        Editor { section, field, goal, textarea: text_box(text), new_goal }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// The editor holds text the section does not have yet.
    pub fn changed(&self, section: Option<&Section>) -> bool {
        section.is_none_or(|s| part_text(s, self.field, self.goal) != self.text())
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
    pub fn rows(&self, width: usize, measure: AmbiguousWidth) -> usize {
        edit_rows(self.textarea.lines(), width, measure).len()
    }
}
