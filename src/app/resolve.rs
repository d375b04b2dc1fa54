//! The conflict dialog: for each field that someone else saved differently, keep mine, keep
//! theirs, or write a combined text. Nothing is written until every field is decided.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::edit_keys::edit_key;
use super::keymap::Action;
use super::state::{App, Choice, FileState, Mode, Resolution, Tone};
use super::update::{Effect, after_documents_changed, cursor_by_name};
use crate::model::Field;

pub fn resolve(app: &mut App, mut r: Resolution, action: Action) -> Vec<Effect> {
    if let Some(mut textarea) = r.combined.take() {
        match action {
            Action::EditKey(key) => {
                edit_key(&mut textarea, key, crate::ui::conflict_text_width(app));
                r.combined = Some(textarea);
            }
            Action::Paste(text) => {
                textarea.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
                r.combined = Some(textarea);
            }
            Action::EndEdit => {
                let text = textarea.lines().join("\n").trim_end_matches('\n').to_owned();
                return decide(app, r, Choice::Combined(text));
            }
            _ => r.combined = Some(textarea),
        }
        app.mode = Mode::Resolve(Box::new(r));
        return Vec::new();
    }
    let Some(conflict) = r.conflicts.get(r.index).cloned() else {
        app.mode = Mode::Browse;
        return Vec::new();
    };
    match action {
        Action::KeepMine => return decide(app, r, Choice::Mine),
        Action::KeepTheirs => return decide(app, r, Choice::Theirs),
        Action::EditCombined if conflict.field == Field::Rating => app.say(
            Tone::Info,
            "目標達成度は合わせられません。m か t で選んでください。",
            "A rating cannot be combined: choose with m or t.",
        ),
        Action::EditCombined => {
            let combined = [conflict.mine.as_str(), conflict.theirs.as_str()].join("\n");
            let mut textarea = TextArea::new(combined.split('\n').map(str::to_owned).collect());
            textarea.set_wrap_mode(WrapMode::None);
            textarea.set_max_histories(1000);
            textarea.move_cursor(CursorMove::Top);
            r.combined = Some(textarea);
        }
        Action::Cancel => {
            app.mode = Mode::Browse;
            app.quit_after_save = false;
            app.say(
                Tone::Info,
                "保存をやめました。あなたの変更は画面に残っています（未保存）。",
                "Save cancelled. Your changes are still here, unsaved.",
            );
            return Vec::new();
        }
        _ => {}
    }
    app.mode = Mode::Resolve(Box::new(r));
    Vec::new()
}

/// Records the decision for the shown field; after the last one, the decisions go into the
/// document, their file becomes the base, and the save runs again.
fn decide(app: &mut App, mut r: Resolution, choice: Choice) -> Vec<Effect> {
    if let Some(slot) = r.chosen.get_mut(r.index) {
        *slot = Some(choice);
    }
    r.index += 1;
    if r.index < r.conflicts.len() {
        app.mode = Mode::Resolve(Box::new(r));
        return Vec::new();
    }
    let mut doc = r.merged;
    for (conflict, choice) in r.conflicts.iter().zip(&r.chosen) {
        let Some(section) = doc.find_section_mut(&conflict.division, &conflict.section) else { continue };
        match choice {
            Some(Choice::Mine) => conflict.field.copy(&conflict.mine_section, section),
            Some(Choice::Theirs) => conflict.field.copy(&conflict.theirs_section, section),
            Some(Choice::Combined(text)) => conflict.field.set_text(section, text),
            None => {}
        }
    }
    let place = cursor_by_name(app);
    if let Some(entry) = app.files.get_mut(r.file) {
        entry.state = FileState::Loaded { doc, saved: r.theirs, disk_text: r.theirs_text };
        entry.pending.clear();
    }
    app.mode = Mode::Browse;
    after_documents_changed(app, place);
    vec![Effect::Save]
}
