//! The recovery dialog at start-up: unsaved work from a session that ended without saving.

use super::absorb::absorb;
use super::keymap::Action;
use super::state::{App, FileState, Mode, Recovery, Tone};
use super::update::{Effect, after_documents_changed, cursor_by_name};

pub fn recover(app: &mut App, mut r: Recovery, action: Action) -> Vec<Effect> {
    if let Some(scroll) = r.diff_scroll {
        r.diff_scroll = match action {
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::Down => Some(scroll.saturating_add(1)),
            _ => None,
        };
        app.mode = Mode::Recover(Box::new(r));
        return Vec::new();
    }
    let Some(entry) = r.entries.get(r.index) else {
        app.mode = Mode::Browse;
        return Vec::new();
    };
    let mut effects = Vec::new();
    match action {
        Action::Restore => {
            let (file, base, mine) = (entry.file, entry.base.clone(), entry.mine.clone());
            let place = cursor_by_name(app);
            if let Some(target) = app.files.get_mut(file)
                && let FileState::Loaded { doc, saved, disk_text } = &mut target.state
            {
                // The journal's work over its own base, then what is on disk now taken in on top.
                let (theirs, theirs_text) = (doc.clone(), disk_text.clone());
                *doc = mine;
                *saved = base;
                let absorbed = absorb(target, theirs, theirs_text);
                let name = target.path.display().to_string();
                after_documents_changed(app, place);
                app.say(
                    Tone::Info,
                    &format!(
                        "{name} の保存していなかった変更を戻しました。確かめて Ctrl-S で保存してください。{}",
                        if absorbed.conflicts > 0 {
                            "（他の人が同じ項目を保存しています。保存時に選びます）"
                        } else {
                            ""
                        }
                    ),
                    &format!("Restored the unsaved changes of {name}; check them and save with Ctrl-S."),
                );
            }
            r.index += 1;
        }
        Action::Discard => {
            effects.push(Effect::DeleteJournal(entry.journal_path.clone()));
            app.say(Tone::Info, "保存していなかった変更を破棄しました。", "The unsaved changes were discarded.");
            r.index += 1;
        }
        Action::ShowDiff => r.diff_scroll = Some(0),
        _ => {}
    }
    if r.index < r.entries.len() {
        app.mode = Mode::Recover(Box::new(r));
    } else {
        app.mode = Mode::Browse;
    }
    effects
}
