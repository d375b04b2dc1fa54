//! Exporting in reviewer mode (`--read-only`): allowed, since it is what a reviewer most often
//! wants, but never into the data folder (no file, no lock, no journal there).

use std::path::{Path, PathBuf};

use crate::app::state::App;
use hyoka_data::interchange::Format;

/// Where a reviewer's export goes by default: the folder hyoka was started in, named after the
/// data file's folder and name (data/kamigyo/2008.yaml → kamigyo-2008.html).
pub fn outside_path(data_file: &Path, format: Format) -> PathBuf {
    let stem = data_file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = data_file.parent().and_then(Path::file_name).map(|f| f.to_string_lossy().into_owned());
    let name = match folder {
        Some(folder) if !folder.is_empty() => format!("{folder}-{stem}"),
        _ => stem,
    };
    PathBuf::from(name).with_extension(format.extension())
}

/// The places an export may not be written into: none for an editor; for a reviewer the data
/// folder as opened and each data file's folder. (A place that is a file stands for its folder:
/// the worker, which may look at the disk, decides which it is.)
pub fn forbidden(app: &App) -> Vec<PathBuf> {
    if !app.read_only {
        return Vec::new();
    }
    let folders = app.files.iter().filter_map(|f| f.canonical.parent().map(Path::to_path_buf));
    app.data_root.iter().cloned().chain(folders).collect()
}
