//! Writing next year's file: named after this year's (`2008.yaml` → `2009.yaml`), never over a
//! file that exists, and never a second file for a year the folder already holds.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::emit::emit_document;
use super::files::is_data_path;
use super::load::load_file;
use hyoka_core::model::Document;

pub use hyoka_core::model::NewYearError;

/// `data/kamigyo/2009.yaml` for `data/kamigyo/2008.yaml` of fiscal year 2008: the year in the
/// file's name, counted on by one (the last place it stands, `上京-2008.yaml` too). `None` when
/// the name does not hold the year.
pub fn next_year_path(path: &Path, fiscal_year: i32) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let (year, next) = (fiscal_year.to_string(), (fiscal_year + 1).to_string());
    let at = name.rmatch_indices(&year).map(|(i, _)| i).find(|i| {
        let before = name.get(..*i).and_then(|b| b.chars().last());
        let after = name.get(i + year.len()..).and_then(|a| a.chars().next());
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })?;
    let renamed = format!("{}{next}{}", name.get(..at)?, name.get(at + year.len()..)?);
    Some(path.with_file_name(renamed))
}

/// Writes `doc` as a new file at `path`: refused when the path exists or another data file in
/// its folder holds the same organisation and year; the text is complete on disk before the
/// name appears, and the name is taken only if nobody took it meanwhile. Returns the text.
pub fn create_new_year(path: &Path, doc: &Document) -> Result<String, NewYearError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(NewYearError::Exists(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Some(held) = year_held(&folder, doc) {
        return Err(NewYearError::YearHeld(held));
    }
    let text = emit_document(doc);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = folder.join(format!(".{name}.hyoka-new-{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        super::shared::share_as_folder(&file, &folder)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        // A link fails if the name exists: no race with another hyoka making the same year.
        match fs::hard_link(&temp, path) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(NewYearError::Exists(path.to_path_buf())),
            Err(_) if fs::symlink_metadata(path).is_err() => fs::rename(&temp, path).map_err(NewYearError::Io),
            other => other.map_err(NewYearError::Io),
        }
    })();
    let _ = fs::remove_file(&temp);
    written?;
    if let Ok(dir) = fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(text)
}

/// A data file of the folder (not below it) that holds the organisation's year already.
fn year_held(folder: &Path, doc: &Document) -> Option<PathBuf> {
    let entries = fs::read_dir(folder).ok()?;
    entries.flatten().map(|e| e.path()).filter(|p| is_data_path(p) && p.is_file()).find(|p| {
        load_file(p)
            .is_ok_and(|(other, _)| other.organization == doc.organization && other.fiscal_year == doc.fiscal_year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_name_counts_the_year_on() {
        let next = |p: &str, y| next_year_path(Path::new(p), y).map(|p| p.display().to_string());
        assert_eq!(next("data/kamigyo/2008.yaml", 2008).as_deref(), Some("data/kamigyo/2009.yaml"));
        assert_eq!(next("上京-2018-目標.yml", 2018).as_deref(), Some("上京-2019-目標.yml"));
        assert_eq!(next("data/kamigyo/kamigyo.yaml", 2008), None);
        assert_eq!(next("data/12008.yaml", 2008), None, "2008 inside another number is no year");
    }

    #[test]
    fn a_file_that_exists_or_a_year_held_elsewhere_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let sample = include_str!("../../../../data/kamigyo/2008.yaml");
        let this = crate::store::parse_document(sample).unwrap_or_else(|p| panic!("{p:?}"));
        let next = hyoka_core::model::next_year(&this, false);
        let target = dir.path().join("2009.yaml");
        fs::write(&target, "keep me").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(create_new_year(&target, &next), Err(NewYearError::Exists(_))));
        assert_eq!(fs::read_to_string(&target).unwrap_or_default(), "keep me");
        fs::remove_file(&target).unwrap_or_else(|e| panic!("{e}"));
        fs::write(dir.path().join("kamigyo-r1.yaml"), emit_document(&next)).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(create_new_year(&target, &next), Err(NewYearError::YearHeld(_))));
        fs::remove_file(dir.path().join("kamigyo-r1.yaml")).unwrap_or_else(|e| panic!("{e}"));
        let text = create_new_year(&target, &next).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fs::read_to_string(&target).unwrap_or_default(), text);
        let listing: Vec<_> = fs::read_dir(dir.path()).into_iter().flatten().flatten().collect();
        assert_eq!(listing.len(), 1, "no temporary file is left");
    }
}
