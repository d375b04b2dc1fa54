//! The reviewer's comment on a section being returned: written in the editor (Japanese, several
//! lines), sent with Ctrl-S, dropped with Esc.

use ratatui_textarea::TextArea;

use super::{Handled, close, close_with, stay};
use crate::app::action::Action;
use crate::app::cycle::send_back;
use crate::app::edit_keys;
use crate::app::state::{App, SectionRef, Tone, text_box};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::cycle::CycleMsg;

/// A reviewer returning a section, writing why.
pub struct CommentDialog {
    pub section: SectionRef,
    pub textarea: TextArea<'static>,
}

impl CommentDialog {
    pub fn new(section: SectionRef) -> CommentDialog {
        CommentDialog { section, textarea: text_box("") }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }
}

pub(in crate::app) fn handle(
    mut dialog: Box<CommentDialog>,
    app: &mut App,
    action: Action,
) -> Handled<Box<CommentDialog>> {
    match action {
        Action::Command(Command::Send) => {
            let text = dialog.text();
            let comment = text.trim_matches('\n');
            if !comment.trim().is_empty() {
                return close_with(send_back(app, dialog.section, comment.to_owned()));
            }
            app.say(Tone::Error, Msg::Cycle(CycleMsg::NoComment));
        }
        Action::Command(Command::Cancel) => {
            app.say(Tone::Info, Msg::Cycle(CycleMsg::NotReturned));
            return close();
        }
        Action::Command(command) => {
            edit_keys::apply(&mut dialog.textarea, command, app.layout.dialog_text_width());
        }
        Action::Type(c) => edit_keys::type_char(&mut dialog.textarea, c),
        Action::Paste(text) => edit_keys::paste(&mut dialog.textarea, &text, false),
        _ => {}
    }
    stay(dialog)
}
