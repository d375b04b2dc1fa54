//! The reviewer's comment on a section being returned: written in the editor (Japanese, several
//! lines), sent with Ctrl-S, dropped with Esc.

use crate::app::action::{Action, Effect};
use crate::app::cycle::send_back;
use crate::app::edit_keys;
use crate::app::state::{App, CommentDialog, Mode, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::cycle::CycleMsg;

pub fn handle(mut dialog: Box<CommentDialog>, app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(Command::Send) => {
            let text = dialog.text();
            let comment = text.trim_matches('\n');
            if !comment.trim().is_empty() {
                return send_back(app, dialog.section, comment.to_owned());
            }
            app.say(Tone::Error, Msg::Cycle(CycleMsg::NoComment));
        }
        Action::Command(Command::Cancel) => {
            app.say(Tone::Info, Msg::Cycle(CycleMsg::NotReturned));
            return Vec::new();
        }
        Action::Command(command) => {
            edit_keys::apply(&mut dialog.textarea, command, app.layout.dialog_text_width());
        }
        Action::Type(c) => edit_keys::type_char(&mut dialog.textarea, c),
        Action::Paste(text) => edit_keys::paste(&mut dialog.textarea, &text, false),
        _ => {}
    }
    app.mode = Mode::Comment(dialog);
    Vec::new()
}
