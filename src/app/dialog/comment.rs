//! The reviewer's comment on a section being returned: written in the editor (Japanese, several
//! lines), sent with Ctrl-S. Esc closes the dialog and keeps what was written as the section's
//! draft (as Esc keeps a pane's text); only the discard key throws it away, asked once more.

use ratatui_textarea::{CursorMove, TextArea};

use super::{Handled, close, close_with, stay};
use crate::app::action::Action;
use crate::app::cycle::steps::send_back;
use crate::app::edit_keys;
use crate::app::state::{App, SectionRef, Tone, text_box};
use crate::command::{Command, Context};
use crate::i18n::app::Msg;
use crate::i18n::cycle::CycleMsg;

/// A reviewer returning a section, writing why.
pub struct CommentDialog {
    pub section: SectionRef,
    pub textarea: TextArea<'static>,
    /// The discard key was pressed: asked once more before the text goes.
    pub confirming: bool,
}

impl CommentDialog {
    /// The dialog for `section`, holding the draft left for it (the caret after it).
    pub fn new(section: SectionRef, draft: &str) -> CommentDialog {
        let mut textarea = text_box(draft);
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        CommentDialog { section, textarea, confirming: false }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    pub fn contexts(&self) -> &'static [Context] {
        if self.confirming { &[Context::ConfirmDiscard] } else { &[Context::Comment, Context::TextInput] }
    }
}

pub(in crate::app) fn handle(
    mut dialog: Box<CommentDialog>,
    app: &mut App,
    action: Action,
) -> Handled<Box<CommentDialog>> {
    if dialog.confirming {
        dialog.confirming = false;
        if let Action::Command(Command::ConfirmDiscard) = action {
            app.keep_draft(dialog.section, "");
            app.say(Tone::Info, Msg::Cycle(CycleMsg::CommentDiscarded));
            return close();
        }
        return stay(dialog);
    }
    match action {
        Action::Command(Command::Send) => {
            let text = dialog.text();
            let comment = text.trim_matches('\n');
            if !comment.trim().is_empty() {
                app.keep_draft(dialog.section, "");
                return close_with(send_back(app, dialog.section, comment.to_owned()));
            }
            app.say(Tone::Error, Msg::Cycle(CycleMsg::NoComment));
        }
        Action::Command(Command::Cancel) => {
            let text = dialog.text();
            app.keep_draft(dialog.section, &text);
            let message = if text.trim().is_empty() { CycleMsg::NotReturned } else { CycleMsg::DraftKept };
            app.say(Tone::Info, Msg::Cycle(message));
            return close();
        }
        Action::Command(Command::Discard) if dialog.text().trim().is_empty() => {
            app.keep_draft(dialog.section, "");
            app.say(Tone::Info, Msg::Cycle(CycleMsg::NotReturned));
            return close();
        }
        Action::Command(Command::Discard) => dialog.confirming = true,
        Action::Command(command) => {
            edit_keys::apply(&mut dialog.textarea, command, app.layout.dialog_text_width(), app.ambiguous_width);
        }
        Action::Type(c) => edit_keys::type_char(&mut dialog.textarea, c),
        Action::Paste(text) => edit_keys::paste(&mut dialog.textarea, &text, false),
        _ => {}
    }
    stay(dialog)
}
