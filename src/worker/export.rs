//! Writing an export from the screen: never over a data file, never over an existing file
//! without the second Enter.

use std::path::Path;

use crate::app::{ExportJob, ExportReport};
use crate::i18n::Lang;
use crate::interchange;
use crate::store::{is_data_path, write_atomically};

pub fn export(job: ExportJob, lang: Lang) -> ExportReport {
    let path = job.path;
    let same =
        |p: &Path| std::fs::canonicalize(p).ok().zip(std::fs::canonicalize(&path).ok()).is_some_and(|(a, b)| a == b);
    if is_data_path(&path) || job.data_files.iter().any(|p| same(p)) {
        return ExportReport::IntoData(path);
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
