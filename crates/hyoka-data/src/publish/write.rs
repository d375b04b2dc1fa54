//! Putting the site in place whole: every file is written and synced into a new folder beside the
//! site, which then takes the site's name. A failure before that leaves the old site as it was;
//! nobody ever sees half a site.
//!
//! The folder is hyoka's: it is replaced only when it is empty or hyoka wrote it (its index says
//! so), never when it overlaps the data. Entries whose names start with a dot (`.git`, `.htaccess`)
//! are not hyoka's and move into the new site, so that an office can keep the site in git.

use std::fs;
use std::path::{Path, PathBuf};

use super::error::PublishError;
use super::page::{GENERATOR, INDEX};
use super::site::Site;

/// Writes `site` as the folder `out`, replacing what hyoka published there before.
/// `data` is the data folder (or file) it was made from.
pub fn write_site(site: &Site, out: &Path, data: &Path) -> Result<(), PublishError> {
    let out = full_path(out).map_err(PublishError::write(out))?;
    let data = fs::canonicalize(data).map_err(PublishError::write(data))?;
    if out.starts_with(&data) || data.starts_with(&out) {
        return Err(PublishError::OverData { path: out });
    }
    let exists = hyokas_or_empty(&out)?;
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return Err(PublishError::NotASite { path: out });
    };
    fs::create_dir_all(parent).map_err(PublishError::write(parent))?;
    let name = name.to_string_lossy();
    let pid = std::process::id();
    let new = parent.join(format!(".{name}.hyoka-new-{pid}"));
    if new.exists() {
        // Left by a run of the same process id that was killed: never anyone's site.
        fs::remove_dir_all(&new).map_err(PublishError::write(&new))?;
    }
    if let Err(error) = write_all(site, &new) {
        let _ = fs::remove_dir_all(&new);
        return Err(error);
    }
    let swapped = match exists {
        true => swap(&out, &new, &parent.join(format!(".{name}.hyoka-old-{pid}"))),
        false => fs::rename(&new, &out).map_err(PublishError::write(&out)),
    };
    if swapped.is_err() {
        let _ = fs::remove_dir_all(&new);
    }
    swapped?;
    sync_dir(parent).map_err(PublishError::write(parent))
}

/// The absolute path, with links resolved as far as the path exists (the site may not yet).
fn full_path(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else { break };
        rest.push(name.to_owned());
        existing = parent;
    }
    let mut full = fs::canonicalize(existing)?;
    full.extend(rest.iter().rev());
    Ok(full)
}

/// Whether `out` exists (as a folder that is empty but for dot entries, or one hyoka wrote);
/// anything else there is refused.
fn hyokas_or_empty(out: &Path) -> Result<bool, PublishError> {
    let not_a_site = || PublishError::NotASite { path: out.to_path_buf() };
    let metadata = match fs::symlink_metadata(out) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(PublishError::write(out)(error)),
    };
    if !metadata.is_dir() {
        return Err(not_a_site());
    }
    let entries = fs::read_dir(out).map_err(PublishError::write(out))?;
    let mut names = entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned());
    if !names.any(|name| !name.starts_with('.')) {
        return Ok(true);
    }
    let index = fs::read_to_string(out.join(INDEX)).unwrap_or_default();
    match index.contains(GENERATOR) {
        true => Ok(true),
        false => Err(not_a_site()),
    }
}

fn write_all(site: &Site, root: &Path) -> Result<(), PublishError> {
    fs::create_dir(root).map_err(PublishError::write(root))?;
    let mut folders = vec![root.to_path_buf()];
    for (path, bytes) in site.files() {
        let target = root.join(path);
        if let Some(dir) = target.parent().filter(|d| !folders.iter().any(|f| f == d)) {
            fs::create_dir_all(dir).map_err(PublishError::write(dir))?;
            folders.push(dir.to_path_buf());
        }
        let written = fs::File::create_new(&target).and_then(|mut file| {
            std::io::Write::write_all(&mut file, bytes)?;
            file.sync_all()
        });
        written.map_err(PublishError::write(&target))?;
    }
    for folder in folders.iter().rev() {
        sync_dir(folder).map_err(PublishError::write(folder))?;
    }
    Ok(())
}

/// The new folder takes the site's name; the old one goes, its dot entries moved over first. Each
/// step that fails puts back what the steps before it moved.
fn swap(out: &Path, new: &Path, old: &Path) -> Result<(), PublishError> {
    let mut kept = Vec::new();
    for entry in fs::read_dir(out).map_err(PublishError::write(out))?.filter_map(Result::ok) {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with('.') || new.join(&name).exists() {
            continue;
        }
        if let Err(error) = fs::rename(entry.path(), new.join(&name)) {
            put_back(&kept, new, out);
            return Err(PublishError::write(entry.path())(error));
        }
        kept.push(name);
    }
    if let Err(error) = fs::rename(out, old) {
        put_back(&kept, new, out);
        return Err(PublishError::write(out)(error));
    }
    if let Err(error) = fs::rename(new, out) {
        let _ = fs::rename(old, out);
        put_back(&kept, new, out);
        return Err(PublishError::write(out)(error));
    }
    // The old site is no longer anyone's; a folder that cannot be removed is only clutter.
    let _ = fs::remove_dir_all(old);
    Ok(())
}

fn put_back(names: &[std::ffi::OsString], from: &Path, to: &Path) {
    for name in names {
        let _ = fs::rename(from.join(name), to.join(name));
    }
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn site(files: &[(&str, &str)]) -> Site {
        let files: BTreeMap<String, Vec<u8>> =
            files.iter().map(|(path, text)| ((*path).to_owned(), text.as_bytes().to_vec())).collect();
        Site { files }
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir).map_or(Vec::new(), |d| {
            d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect()
        });
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_site_and_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (data, out) = (dir.path().join("data"), dir.path().join("site"));
        fs::create_dir(&data).unwrap_or_else(|e| panic!("{e}"));
        let index = format!("<html>{GENERATOR}</html>");
        let old = site(&[(INDEX, &index), ("a/1.html", "一")]);
        write_site(&old, &out, &data).unwrap_or_else(|e| panic!("{e}"));
        fs::write(out.join(".htaccess"), "kept").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(listing(&out), [".htaccess", "a", "index.html"]);
        // The second file cannot be created (a NUL byte in its name): the first was already written.
        let broken = site(&[(INDEX, &index), ("b/bad\0name.html", "二")]);
        let error = write_site(&broken, &out, &data).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("bad"), "{error}");
        assert_eq!(listing(&out), [".htaccess", "a", "index.html"], "the old site as it was");
        assert_eq!(fs::read_to_string(out.join("a/1.html")).unwrap_or_default(), "一");
        assert_eq!(listing(dir.path()), ["data", "site"], "no half-written site beside it");
        let new = site(&[(INDEX, &index), ("b/2.html", "二")]);
        write_site(&new, &out, &data).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(listing(&out), [".htaccess", "b", "index.html"]);
        assert_eq!(listing(dir.path()), ["data", "site"]);
    }
}
