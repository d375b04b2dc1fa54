//! Writing an export from the screen: never over a data file, never over an existing file
//! without the second Enter.

use std::path::Path;

use crate::app::{ExportJob, ExportReport};
use crate::i18n::Lang;
use hyoka_data::interchange;
use hyoka_data::store::{is_data_path, write_atomically};

/// Whether `path` (which may not exist yet) lies inside the folder `dir`, links resolved: the
/// nearest folder of it that exists is resolved, and the rest of the path (which holds no links,
/// since it does not exist) is added back, `..` taken as one folder up.
fn inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = std::fs::canonicalize(dir) else { return false };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while std::fs::symlink_metadata(existing).is_err() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.components().next_back()) else { break };
        rest.push(name.as_os_str().to_owned());
        existing = parent;
    }
    let Ok(mut resolved) = std::fs::canonicalize(existing) else { return false };
    for name in rest.into_iter().rev() {
        if name == ".." {
            resolved.pop();
        } else if name != "." {
            resolved.push(name);
        }
    }
    resolved.starts_with(&dir)
}

pub fn export(job: ExportJob, lang: Lang) -> ExportReport {
    let path = job.path;
    let same =
        |p: &Path| std::fs::canonicalize(p).ok().zip(std::fs::canonicalize(&path).ok()).is_some_and(|(a, b)| a == b);
    if is_data_path(&path) || job.data_files.iter().any(|p| same(p)) {
        return ExportReport::IntoData(path);
    }
    // A data root that is a file forbids its folder.
    let folder =
        |place: &Path| if place.is_dir() { Some(place.to_path_buf()) } else { place.parent().map(Path::to_path_buf) };
    if job.forbidden.iter().filter_map(|place| folder(place)).any(|dir| inside(&path, &dir)) {
        return ExportReport::InsideData(path);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir
        && !dir.is_dir()
        && !job.create_folder
    {
        return ExportReport::NoFolder(dir.to_path_buf());
    }
    if path.exists() && !job.overwrite {
        return ExportReport::Exists(path);
    }
    let bytes = match interchange::export(&job.doc, job.format) {
        Ok(bytes) => bytes,
        Err(e) => return ExportReport::Refused(e.describe(lang).to_owned()),
    };
    match dir.map_or(Ok(()), std::fs::create_dir_all).and_then(|()| write_atomically(&path, &bytes)) {
        Ok(()) => ExportReport::Written(path),
        Err(e) => ExportReport::Failed { path, why: e.to_string() },
    }
}
