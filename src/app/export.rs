//! `e`: export the current document from the screen, as `hyoka export` does from the shell.

use std::path::{Path, PathBuf};

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::edit_keys::edit_key;
use super::keymap::Action;
use super::state::{App, ExportDialog, Mode, Node, Tone};
use super::update::Effect;
use crate::interchange::{self, Format};
use crate::store::is_data_path;

const FORMATS: [Format; 5] = [Format::Html, Format::Csv, Format::Md, Format::Tsv, Format::Xlsx];

fn current_file(app: &App) -> usize {
    match app.cursor {
        Node::File(f) | Node::Division(f, _) => f,
        Node::Section(at) => at.file,
    }
}

/// Next to the data file, with the format's extension: data/kamigyo/2008.yaml → 2008.html.
fn default_path(data_file: &Path, format: Format) -> PathBuf {
    data_file.with_extension(format.extension())
}

fn path_editor(path: &Path) -> TextArea<'static> {
    let mut textarea = TextArea::new(vec![path.display().to_string()]);
    textarea.set_wrap_mode(WrapMode::None);
    textarea.move_cursor(CursorMove::End);
    textarea
}

pub fn open_dialog(app: &mut App) {
    if app.read_only {
        app.say(
            Tone::Error,
            "閲覧専用で開いているので、書き出しもできません。hyoka export を使ってください。",
            "Opened read-only: nothing is written, exports included. Use hyoka export instead.",
        );
        return;
    }
    let file = current_file(app);
    if app.doc(file).is_none() {
        app.say(
            Tone::Error,
            "読み込めないファイルは書き出せません。",
            "A file that cannot be read cannot be exported.",
        );
        return;
    }
    let path = default_path(&app.files[file].path, Format::Html);
    app.mode = Mode::Export(Box::new(ExportDialog {
        file,
        format: Format::Html,
        path: path_editor(&path),
        confirm_overwrite: false,
    }));
}

pub fn dialog(app: &mut App, mut d: ExportDialog, action: Action) -> Vec<Effect> {
    match action {
        Action::Cancel => {
            app.mode = Mode::Browse;
            return Vec::new();
        }
        Action::NextFormat | Action::PrevFormat => {
            let i = FORMATS.iter().position(|f| *f == d.format).unwrap_or(0);
            let next = if action == Action::NextFormat {
                (i + 1) % FORMATS.len()
            } else {
                (i + FORMATS.len() - 1) % FORMATS.len()
            };
            let typed = PathBuf::from(d.path.lines().join(""));
            // A path still ending in the old format's extension follows the new format.
            if typed.extension().is_some_and(|e| e == d.format.extension()) {
                d.path = path_editor(&typed.with_extension(FORMATS[next].extension()));
            }
            d.format = FORMATS[next];
            d.confirm_overwrite = false;
        }
        Action::EditKey(key) => {
            edit_key(&mut d.path, key, usize::MAX / 2);
            d.confirm_overwrite = false;
        }
        Action::Paste(text) => {
            d.path.insert_str(text.replace(['\r', '\n'], ""));
            d.confirm_overwrite = false;
        }
        Action::Activate => {
            let path = PathBuf::from(d.path.lines().join("").trim());
            if path.as_os_str().is_empty() {
                app.say(Tone::Error, "書き出し先を入力してください。", "Type where to write the export.");
            } else {
                let effect = Effect::Export { file: d.file, format: d.format, path, overwrite: d.confirm_overwrite };
                app.mode = Mode::Export(Box::new(d));
                return vec![effect];
            }
        }
        _ => {}
    }
    app.mode = Mode::Export(Box::new(d));
    Vec::new()
}

/// Writes the export (the document as on screen, unsaved edits included) and says where it went.
/// An existing file is only overwritten after a second Enter.
pub fn carry_out_export(app: &mut App, file: usize, format: Format, path: &Path, overwrite: bool) {
    let same =
        |p: &Path| std::fs::canonicalize(p).ok().zip(std::fs::canonicalize(path).ok()).is_some_and(|(a, b)| a == b);
    if is_data_path(path) || app.files.iter().any(|f| same(&f.path)) {
        app.say(
            Tone::Error,
            "データファイル（.yaml）には書き出せません。別の名前にしてください。",
            "An export cannot go to a data file (.yaml); choose another name.",
        );
        return;
    }
    if path.exists() && !overwrite {
        if let Mode::Export(d) = &mut app.mode {
            d.confirm_overwrite = true;
        }
        app.say(
            Tone::Error,
            &format!("{} はもうあります。上書きするなら、もう一度 Enter を押してください。", path.display()),
            &format!("{} exists already; press Enter again to overwrite it.", path.display()),
        );
        return;
    }
    let Some(doc) = app.effective_doc(file) else { return };
    let unsaved = app.doc(file).is_some_and(|_| app.dirty_sections().iter().any(|s| s.file == file));
    let result = interchange::export(&doc, format).map_err(|e| e.describe(app.lang).to_owned()).and_then(|bytes| {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        dir.map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| crate::store::write_atomically(path, &bytes))
            .map_err(|e| e.to_string())
    });
    match result {
        Ok(()) => {
            app.mode = Mode::Browse;
            let note = if unsaved {
                ("（保存していない変更も含みます）", " (unsaved changes included)")
            } else {
                ("", "")
            };
            app.say(
                Tone::Info,
                &format!("書き出しました: {}{}", path.display(), note.0),
                &format!("Exported to {}{}", path.display(), note.1),
            );
        }
        Err(why) => app.say(
            Tone::Error,
            &format!("{} に書き出せません（{why}）。書き出し先を変えるか、Esc でやめてください。", path.display()),
            &format!("cannot export to {} ({why}); change the path or press Esc.", path.display()),
        ),
    }
}
