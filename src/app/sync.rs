//! Noticing what happens to the files on disk while they are open (a `git pull`, another
//! editor's save, a deleted file), and taking it in. Called about once a second.

use super::absorb::absorb;
use super::state::{App, FileState, Mode, Tone};
use super::update::{after_documents_changed, cursor_by_name};
use crate::store::{decode, parse_document, read_data_file};

pub fn check_disk(app: &mut App) {
    for file in 0..app.files.len() {
        check_file(app, file);
    }
}

fn check_file(app: &mut App, file: usize) {
    let entry = &app.files[file];
    if !matches!(entry.state, FileState::Loaded { .. }) {
        return;
    }
    let path = entry.path.clone();
    let metadata = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => {
            if !entry.gone {
                app.files[file].gone = true;
                let detail = e.to_string();
                app.say(
                    Tone::Error,
                    &format!(
                        "{} が見つからないか読めなくなりました（{detail}）。編集内容は画面に残っています。Ctrl-S で保存し直せます。",
                        path.display()
                    ),
                    &format!(
                        "{} was removed or cannot be read ({detail}). Your edits are kept; Ctrl-S writes the file again.",
                        path.display()
                    ),
                );
            }
            return;
        }
    };
    let stamp = super::disk_stamp(&metadata);
    if stamp == entry.disk_stamp && !entry.gone {
        return;
    }
    let editing_here = matches!(&app.mode, Mode::Editing(e) if e.section.file == file);
    if editing_here || matches!(app.mode, Mode::Resolve(_) | Mode::Recover(_)) {
        // Taken in once the text being typed is in the document, so that it is merged too.
        return;
    }
    // Once per change on disk, whatever it turns out to be.
    app.files[file].disk_stamp = stamp;
    app.files[file].gone = false;
    let bytes = match read_data_file(&path) {
        Ok(bytes) => bytes,
        Err(_) => return broken_on_disk(app, file),
    };
    let FileState::Loaded { disk_text, .. } = &app.files[file].state else { return };
    let Ok(text) = decode(&bytes) else { return broken_on_disk(app, file) };
    if text == *disk_text {
        return;
    }
    let Ok(theirs) = parse_document(&text) else { return broken_on_disk(app, file) };
    let place = cursor_by_name(app);
    let absorbed = absorb(&mut app.files[file], theirs, text);
    after_documents_changed(app, place);
    if absorbed.conflicts > 0 {
        app.say(
            Tone::Info,
            &format!(
                "他で保存された内容を取り込みました（{}項目）。同じ項目が {} 件あり、保存時に選びます。",
                absorbed.taken, absorbed.conflicts
            ),
            &format!(
                "Took in what was saved elsewhere ({} fields); {} fields changed on both sides are decided on saving.",
                absorbed.taken, absorbed.conflicts
            ),
        );
    } else {
        app.say(
            Tone::Info,
            &format!("他で保存された内容を取り込みました（{}項目）。", absorbed.taken),
            &format!("Took in what was saved elsewhere ({} fields).", absorbed.taken),
        );
    }
}

fn broken_on_disk(app: &mut App, file: usize) {
    let name = app.files[file].path.display().to_string();
    app.say(
        Tone::Error,
        &format!("{name} が他で書き換えられましたが、読めない内容です。画面の内容はそのままです。ファイルが直るまで保存は上書きしません。"),
        &format!("{name} was changed elsewhere and cannot be read. Your screen is unchanged; saving will not overwrite it until it is fixed."),
    );
}
