//! The conflict dialog's keys: for each field someone else saved differently while we changed
//! it, keep mine, keep theirs, or write a combined text. Nothing of that file is written until
//! every question is answered; a cancelled dialog leaves the questions waiting for the next save.

use ratatui_textarea::{CursorMove, TextArea};

use super::{Handled, close, close_with, stay};
use crate::app::action::Action;
use crate::app::state::{App, Pending, Tone, text_box};
use crate::app::{edit_keys, saving, sync};
use crate::command::{Command, Context};
use crate::i18n::app::Msg;
use hyoka_core::model::{Field, Section, goal_number};
use hyoka_data::store::FieldConflict;

/// The questions of one file, asked one by one before anything of it is written.
pub struct Conflict {
    pub file: usize,
    pub conflicts: Vec<Question>,
    /// Which question is shown.
    pub index: usize,
    /// Decisions so far, one per question.
    pub chosen: Vec<Option<Choice>>,
    /// Editing a combined text for the shown question.
    pub combined: Option<TextArea<'static>>,
}

/// One thing to decide before a file is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// A field both sides changed, differently.
    Field(Box<FieldConflict>),
    /// The same, where their side holds a reviewer's decision (an approval, a return) that this
    /// login may not undo: only theirs can be kept.
    Decided(Box<FieldConflict>),
    /// A section we changed that someone else removed or renamed: keep ours as a section of its
    /// own, or let it go.
    Gone { division: String, section: String, mine: Box<Section> },
}

impl Question {
    pub fn field(&self) -> Option<&FieldConflict> {
        match self {
            Question::Field(conflict) | Question::Decided(conflict) => Some(conflict),
            Question::Gone { .. } => None,
        }
    }

    pub fn place(&self) -> (&str, &str) {
        match self {
            Question::Field(c) | Question::Decided(c) => (&c.division, &c.section),
            Question::Gone { division, section, .. } => (division, section),
        }
    }
}

/// What the user kept of a conflicting field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// A text written in the dialog from both.
    Combined(String),
}

impl Conflict {
    /// The dialog for a file's questions; `None` when there are none to ask.
    pub fn new(file: usize, conflicts: Vec<Question>) -> Option<Conflict> {
        let chosen = vec![None; conflicts.len()];
        (!conflicts.is_empty()).then_some(Conflict { file, conflicts, index: 0, chosen, combined: None })
    }

    pub fn contexts(&self) -> &'static [Context] {
        match (&self.combined, self.conflicts.get(self.index)) {
            (Some(_), _) => &[Context::Combined, Context::TextInput],
            (None, Some(Question::Gone { .. })) => &[Context::Gone],
            (None, Some(Question::Decided(_))) => &[Context::Decided],
            (None, _) => &[Context::Conflict],
        }
    }
}

/// Lines of a combined text that say whose part follows; taken out when the text is used.
pub const MINE_MARK: &str = "【自分】";
pub const THEIRS_MARK: &str = "【相手】";

pub(in crate::app) fn handle(mut dialog: Box<Conflict>, app: &mut App, action: Action) -> Handled<Box<Conflict>> {
    if let Some(mut textarea) = dialog.combined.take() {
        match action {
            Action::Command(Command::UseCombined) => {
                let text = textarea.lines().join("\n");
                return decide(dialog, app, Choice::Combined(text));
            }
            Action::Command(Command::Back) => {}
            Action::Command(Command::Cancel) => return cancel(app),
            Action::Command(command) => {
                edit_keys::apply(&mut textarea, command, app.layout.dialog_text_width(), app.ambiguous_width);
                dialog.combined = Some(textarea);
            }
            Action::Type(c) => {
                edit_keys::type_char(&mut textarea, c);
                dialog.combined = Some(textarea);
            }
            Action::Paste(text) => {
                edit_keys::paste(&mut textarea, &text, false);
                dialog.combined = Some(textarea);
            }
            _ => dialog.combined = Some(textarea),
        }
        return stay(dialog);
    }
    // `index` is past the last question only once all are decided, and then the dialog is gone.
    let Some(question) = dialog.conflicts.get(dialog.index) else { return close() };
    match (action, question) {
        // Not bound where their side is a reviewer's decision; the dialog says why.
        (Action::Command(Command::KeepMine | Command::EditBoth), Question::Decided(_)) => {}
        (Action::Command(Command::KeepMine), _) => return decide(dialog, app, Choice::Mine),
        (Action::Command(Command::KeepTheirs), _) => return decide(dialog, app, Choice::Theirs),
        (Action::Command(Command::EditBoth), Question::Gone { .. }) => {
            app.say(Tone::Info, Msg::GoneCannotCombine);
        }
        (Action::Command(Command::EditBoth), Question::Field(conflict)) if conflict.field == Field::Rating => {
            app.say(Tone::Info, Msg::RatingCannotCombine);
        }
        (Action::Command(Command::EditBoth), Question::Field(conflict)) if conflict.field == Field::Status => {
            app.say(Tone::Info, Msg::Cycle(crate::i18n::cycle::CycleMsg::StatusCannotCombine));
        }
        (Action::Command(Command::EditBoth), Question::Field(conflict)) => {
            let mut textarea = text_box(&combined_text(conflict));
            textarea.move_cursor(CursorMove::Top);
            textarea.move_cursor(CursorMove::Head);
            dialog.combined = Some(textarea);
        }
        (Action::Command(Command::Cancel), _) => return cancel(app),
        _ => {}
    }
    stay(dialog)
}

/// Records the decision for the shown field; after the last one, the decisions go into the
/// document, the questions are answered, and the save runs again.
fn decide(mut dialog: Box<Conflict>, app: &mut App, choice: Choice) -> Handled<Box<Conflict>> {
    if let Some(slot) = dialog.chosen.get_mut(dialog.index) {
        *slot = Some(choice);
    }
    dialog.index += 1;
    if dialog.index < dialog.conflicts.len() {
        return stay(dialog);
    }
    let place = app.cursor_by_name();
    // The file cannot go while its dialog is open (nothing is taken in meanwhile).
    let Some(entry) = app.files.get_mut(dialog.file) else { return close() };
    for (question, choice) in dialog.conflicts.iter().zip(&dialog.chosen) {
        if let Some(loaded) = entry.loaded_mut() {
            loaded.edit(|doc| apply(doc, question, choice.as_ref()));
        }
        let answered = match question.field() {
            Some(conflict) => Pending::of(conflict),
            None => Pending::gone(question.place().0, question.place().1),
        };
        entry.pending.retain(|p| *p != answered);
        let was_merge = entry.merge.len();
        entry.merge.retain(|c| {
            !question.field().is_some_and(|q| q.division == c.division && q.section == c.section && q.field == c.field)
        });
        entry.resolve_merge |= was_merge > 0 && entry.merge.is_empty();
    }
    let nothing_left = entry.dirty_count() == 0;
    app.work_changed(dialog.file);
    app.after_documents_changed(place);
    sync::take_in_all_waiting(app);
    let effects = saving::save(app);
    if nothing_left && effects.is_empty() {
        // Everything was decided their way: the file on disk is already what was chosen.
        app.say(Tone::Info, Msg::TheirsKept);
    }
    close_with(effects)
}

/// Puts one decision into the document.
fn apply(doc: &mut hyoka_core::model::Document, question: &Question, choice: Option<&Choice>) {
    match (question, choice) {
        (Question::Field(conflict) | Question::Decided(conflict), Some(choice)) => {
            let Some(section) = doc.find_section_mut(&conflict.division, &conflict.section) else { return };
            match choice {
                Choice::Mine => conflict.keep(&conflict.mine_section, section),
                Choice::Theirs => conflict.keep(&conflict.theirs_section, section),
                Choice::Combined(text) => set_combined(conflict.field, section, text),
            }
        }
        // Theirs: the section is gone (removed, or renamed on their side); ours goes too, and an
        // empty division with it.
        (Question::Gone { division, section, .. }, Some(Choice::Theirs)) => {
            if let Some(d) = doc.divisions.iter_mut().find(|d| d.name == *division) {
                d.sections.retain(|s| s.name != *section);
            }
            doc.divisions.retain(|d| !d.sections.is_empty() || d.name != *division);
        }
        // Mine: it stays as it is on screen, a section of its own.
        _ => {}
    }
}

fn cancel(app: &mut App) -> Handled<Box<Conflict>> {
    app.quit_after_save = false;
    app.say(Tone::Info, Msg::SaveCancelled);
    sync::take_in_all_waiting(app);
    close()
}

/// Both versions in one text, each part under a line saying whose it is. Goals are numbered one
/// per item (so a goal of two lines stays one), and a goal both sides have is listed once.
pub fn combined_text(conflict: &FieldConflict) -> String {
    if conflict.field != Field::Goals {
        return format!("{MINE_MARK}\n{}\n{THEIRS_MARK}\n{}", conflict.mine, conflict.theirs);
    }
    let mine = &conflict.mine_section.goals;
    let theirs_only: Vec<&String> = conflict.theirs_section.goals.iter().filter(|g| !mine.contains(g)).collect();
    let mut lines = vec![MINE_MARK.to_owned()];
    lines.extend(mine.iter().enumerate().map(|(i, g)| format!("{}{g}", goal_number(i))));
    lines.push(THEIRS_MARK.to_owned());
    lines.extend(theirs_only.iter().enumerate().map(|(i, g)| format!("{}{g}", goal_number(mine.len() + i))));
    lines.join("\n")
}

/// Puts a combined text into the field: the marker lines go; for goals, a line starting with a
/// goal number starts a goal and the lines after it belong to it.
pub fn set_combined(field: Field, section: &mut Section, text: &str) {
    let kept: Vec<&str> = text.split('\n').filter(|l| *l != MINE_MARK && *l != THEIRS_MARK).collect();
    if field != Field::Goals {
        field.set_text(section, kept.join("\n").trim_matches('\n'));
        return;
    }
    let mut goals: Vec<String> = Vec::new();
    for line in kept {
        match strip_goal_number(line) {
            Some(rest) => goals.push(rest.to_owned()),
            None => match goals.last_mut() {
                Some(goal) => {
                    goal.push('\n');
                    goal.push_str(line);
                }
                None => goals.push(line.to_owned()),
            },
        }
    }
    let goals =
        goals.into_iter().map(|g| g.trim_end_matches('\n').to_owned()).filter(|g| !g.trim().is_empty()).collect();
    section.replace_goals(goals);
}

fn strip_goal_number(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        return line.get(first.len_utf8()..);
    }
    let rest = line.strip_prefix('(')?;
    let close = rest.find(')')?;
    rest.get(..close)?.parse::<u32>().ok()?;
    rest.get(close + 1..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(mine: &[&str], theirs: &[&str]) -> FieldConflict {
        let mut m = Section::new("総務課");
        m.goals = mine.iter().map(|g| (*g).to_owned()).collect();
        let mut t = Section::new("総務課");
        t.goals = theirs.iter().map(|g| (*g).to_owned()).collect();
        FieldConflict {
            division: "区民部".into(),
            section: "総務課".into(),
            field: Field::Goals,
            with: Vec::new(),
            mine: Field::Goals.text(&m),
            theirs: Field::Goals.text(&t),
            mine_section: m,
            theirs_section: t,
            their_by: None,
            their_at: None,
        }
    }

    #[test]
    fn both_goal_lists_combine_without_duplicating_or_splitting_a_goal() {
        let c = conflict(&["同じ目標", "二行の\n目標"], &["同じ目標", "相手の目標"]);
        let text = combined_text(&c);
        assert_eq!(text, "【自分】\n①同じ目標\n②二行の\n目標\n【相手】\n③相手の目標");
        let mut section = Section::new("総務課");
        set_combined(Field::Goals, &mut section, &text);
        assert_eq!(section.goals, ["同じ目標", "二行の\n目標", "相手の目標"]);
    }

    #[test]
    fn the_marks_go_when_a_combined_text_is_used() {
        let mut section = Section::new("総務課");
        set_combined(Field::Progress, &mut section, "【自分】\n私の文\n【相手】\n相手の文");
        assert_eq!(section.progress, "私の文\n相手の文");
    }
}
