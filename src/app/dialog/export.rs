//! The export dialog's keys (`e`): the current document exported from the screen, as
//! `hyoka export` does from the shell — the format, where to, and what the worker said about it.

use std::path::{Path, PathBuf};

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::{Handled, close, stay};
use crate::app::action::{Action, Effect, ExportJob, ExportReport};
use crate::app::edit_keys;
use crate::app::state::{App, Mode, Tone};
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::review::ReviewMsg;
use hyoka_data::interchange::Format;

/// The export dialog: which file, in which format, to where.
pub struct ExportDialog {
    pub file: usize,
    pub format: Format,
    /// The output path, editable; in the user's export folder by default.
    pub path: TextArea<'static>,
    /// The path exists: the next Enter overwrites it.
    pub confirm_overwrite: bool,
    /// The path's folder does not exist: the next Enter creates it.
    pub confirm_folder: bool,
}

impl ExportDialog {
    pub fn typed_path(&self) -> String {
        self.path.lines().join("")
    }

    /// The path or format changed: a question asked about the old one no longer holds.
    fn changed(&mut self) {
        self.confirm_overwrite = false;
        self.confirm_folder = false;
    }
}

/// Where an export goes unless the clerk types otherwise: in the user's export folder, under the
/// data file's folder name (data/kamigyo/2008.yaml → ~/hyoka-exports/kamigyo/2008.html); without
/// one, next to the data file.
pub fn default_path(export_dir: Option<&Path>, data_file: &Path, format: Format) -> PathBuf {
    let name = Path::new(data_file.file_name().unwrap_or_default()).with_extension(format.extension());
    match export_dir {
        Some(dir) => match data_file.parent().and_then(Path::file_name) {
            Some(folder) => dir.join(folder).join(name),
            None => dir.join(name),
        },
        None => data_file.with_extension(format.extension()),
    }
}

fn path_editor(path: &Path) -> TextArea<'static> {
    let mut textarea = TextArea::new(vec![path.display().to_string()]);
    textarea.set_wrap_mode(WrapMode::None);
    textarea.move_cursor(CursorMove::End);
    textarea
}

pub(in crate::app) fn open(app: &mut App) {
    let file = app.cursor.file();
    let Some(entry) = app.files.get(file).filter(|f| f.doc().is_some()) else {
        app.say(Tone::Error, Msg::ExportBroken);
        return;
    };
    // The default is outside the data folder (in the user's home); a reviewer without a home
    // gets the folder hyoka was started in, never the data folder.
    let path = match (&app.export_dir, app.read_only) {
        (None, true) => crate::app::review::export::outside_path(&entry.path, Format::Html),
        _ => default_path(app.export_dir.as_deref(), &entry.path, Format::Html),
    };
    app.mode = Mode::Export(Box::new(ExportDialog {
        file,
        format: Format::Html,
        path: path_editor(&path),
        confirm_overwrite: false,
        confirm_folder: false,
    }));
}

pub(in crate::app) fn handle(
    mut dialog: Box<ExportDialog>,
    app: &mut App,
    action: Action,
) -> Handled<Box<ExportDialog>> {
    match action {
        Action::Command(Command::Cancel) => return close(),
        Action::Command(command @ (Command::NextFormat | Command::PrevFormat)) => {
            let next = dialog.format.beside(command == Command::PrevFormat);
            let typed = PathBuf::from(dialog.typed_path());
            // A path still ending in the old format's extension follows the new format.
            if typed.extension().is_some_and(|e| e == dialog.format.extension()) {
                dialog.path = path_editor(&typed.with_extension(next.extension()));
            }
            dialog.format = next;
            dialog.changed();
        }
        Action::Command(Command::Write) => {
            let path = PathBuf::from(dialog.typed_path().trim());
            if path.as_os_str().is_empty() {
                app.say(Tone::Error, Msg::ExportNoPath);
            } else if path.as_os_str() == "-" {
                // `-` means standard output on the command line; never a file of that name.
                app.say(Tone::Error, Msg::ExportDash);
            } else if let Some(doc) = app.effective_doc(dialog.file) {
                let job = ExportJob {
                    doc,
                    format: dialog.format,
                    path,
                    overwrite: dialog.confirm_overwrite,
                    create_folder: dialog.confirm_folder,
                    data_files: app.files.iter().map(|f| f.path.clone()).collect(),
                    forbidden: crate::app::review::export::forbidden(app),
                };
                // Open until the worker says how it went (written, or a question).
                return (super::Next::Stay(dialog), vec![Effect::Export(job)]);
            }
        }
        Action::Command(command)
            if edit_keys::apply(&mut dialog.path, command, usize::MAX / 2, app.ambiguous_width) =>
        {
            dialog.changed();
        }
        Action::Type(c) => {
            edit_keys::type_char(&mut dialog.path, c);
            dialog.changed();
        }
        Action::Paste(text) => {
            edit_keys::paste(&mut dialog.path, &text, true);
            dialog.changed();
        }
        _ => {}
    }
    stay(dialog)
}

/// What the worker did with the export: the dialog closes, asks before overwriting, or says why not.
pub(in crate::app) fn exported(app: &mut App, report: ExportReport) -> Vec<Effect> {
    match report {
        ExportReport::Written(path) => {
            if matches!(app.mode, Mode::Export(_)) {
                app.mode = Mode::Browse;
            }
            let unsaved = app.unsaved_sections() > 0 || app.has_unsaved();
            app.say(Tone::Info, Msg::Exported { path: path.display().to_string(), unsaved });
        }
        ExportReport::Exists(path) => {
            if let Mode::Export(dialog) = &mut app.mode {
                dialog.confirm_overwrite = true;
            }
            app.say(Tone::Error, Msg::ExportExists { path: path.display().to_string() });
        }
        ExportReport::NoFolder(folder) => {
            if let Mode::Export(dialog) = &mut app.mode {
                dialog.confirm_folder = true;
            }
            app.say(Tone::Error, Msg::ExportNoFolder { folder: folder.display().to_string() });
        }
        ExportReport::IntoData(_) => app.say(Tone::Error, Msg::ExportOverData),
        ExportReport::InsideData(path) => {
            app.say(Tone::Error, Msg::Review(ReviewMsg::ExportInsideData { path: path.display().to_string() }));
        }
        ExportReport::Refused(why) => app.say(Tone::Error, Msg::Raw(why)),
        ExportReport::Failed { path, why } => {
            app.say(Tone::Error, Msg::ExportFailed { path: path.display().to_string(), why });
        }
    }
    Vec::new()
}
