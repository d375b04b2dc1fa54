//! Who may approve and return sections, from places a clerk cannot write: the office's settings
//! (`office.rs`), and the data repository's `.hyoka.yaml` only where it is safe (`safe.rs`). A
//! user's own settings file never grants the right, nor does the environment. What is published is
//! read from the same places, with the same trust.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::office::{Office, OfficeFile, load_office, office_path};
use super::publish::PublishPolicy;
use super::reviewers::Reviewers;
use super::safe::{Unsafe, check_safe};
use crate::i18n::Lang;
use crate::identity::{Identity, of_uid};
use crate::store::Describe;

/// The data repository's settings file (a dot file: never taken for a data file).
pub const DATA_SETTINGS: &str = ".hyoka.yaml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataSettings {
    #[serde(default)]
    reviewers: Option<Reviewers>,
    #[serde(default)]
    publish: Option<PublishPolicy>,
}

/// Where the right to review comes from for data opened at a root, and what was not trusted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Authority {
    /// The office's settings file, as found.
    pub office: Option<OfficeFile>,
    /// The repository's `.hyoka.yaml` that counts, and whom it names.
    pub repository: Option<(PathBuf, Reviewers)>,
    /// What that file says to publish.
    pub repository_publish: Option<PublishPolicy>,
    /// Reviewers' files that were found but are not safe: ignored.
    pub ignored: Vec<Unsafe>,
    /// Login names the ignored files named (to tell them why they cannot approve).
    pub ignored_names: Vec<String>,
}

impl Authority {
    /// The office's settings as read, if they were.
    pub fn office_settings(&self) -> Option<&Office> {
        match &self.office {
            Some(OfficeFile::Read(office)) => Some(office),
            _ => None,
        }
    }

    /// What is published: the office's word, else the repository's, else everything.
    pub fn publish(&self) -> PublishPolicy {
        let office = self.office_settings().and_then(|o| o.publish);
        office.or(self.repository_publish).unwrap_or_default()
    }

    /// Whether `who` may approve and return sections.
    pub fn is_reviewer(&self, who: &Identity) -> bool {
        let office = self.office_settings().and_then(|o| o.reviewers.as_ref());
        office.is_some_and(|r| r.include(who)) || self.repository.as_ref().is_some_and(|(_, r)| r.include(who))
    }

    /// Whether someone should hear that a reviewers' file was ignored: a reviewer, or someone an
    /// ignored file names.
    pub fn tell_ignored(&self, who: &Identity) -> bool {
        !self.ignored.is_empty() && (self.is_reviewer(who) || self.ignored_names.contains(&who.login))
    }
}

/// The authority for data opened at `root` (a folder or a file): the office's settings file at
/// `office`, then the first safe `.hyoka.yaml` from the data's own folder (its canonical path)
/// up to the top of its git work tree (only its own folder outside git). Unsafe ones are passed
/// over and listed. A safe file with a mistake is an error in both languages.
pub fn authority(root: &Path, office: &Path) -> Result<Authority, String> {
    let office = load_office(office)?;
    let named_by_office = match &office {
        OfficeFile::Read(o) => o.reviewers.clone(),
        _ => None,
    };
    // Only root, or a reviewer the office names, may grant the right through the repository.
    let trusted = |uid: u32| named_by_office.as_ref().is_some_and(|r| of_uid(uid).is_some_and(|who| r.include(&who)));
    let mut found = Authority { office: Some(office.clone()), ..Authority::default() };
    let start = std::fs::canonicalize(root)
        .or_else(|e| root.parent().filter(|p| !p.as_os_str().is_empty()).map_or(Err(e), std::fs::canonicalize))
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let start = if start.is_dir() { start } else { start.parent().unwrap_or(Path::new("/")).to_path_buf() };
    let ancestors: Vec<&Path> = start.ancestors().collect();
    let top = ancestors.iter().position(|dir| dir.join(".git").exists());
    let searched = ancestors.get(..top.map_or(1, |top| top + 1)).unwrap_or(&ancestors);
    let top = searched.last().copied().unwrap_or(start.as_path());
    for path in searched.iter().map(|dir| dir.join(DATA_SETTINGS)) {
        if std::fs::symlink_metadata(&path).is_err() {
            continue;
        }
        if let Err(why) = check_safe(&path, top, &trusted) {
            // Read only to know whom to tell; what it says counts for nothing.
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let raw: Option<RawDataSettings> = serde_saphyr::from_str(&text).ok();
            found.ignored_names.extend(raw.and_then(|r| r.reviewers).map(|r| r.users).unwrap_or_default());
            found.ignored.push(why);
            continue;
        }
        if let Some(settings) = read_data_settings(&path)? {
            found.repository_publish = settings.publish;
            found.repository = settings.reviewers.map(|reviewers| (path, reviewers));
        }
        break;
    }
    Ok(found)
}

/// The office's word on what to publish from the data at `root` (a folder or a file): the office's
/// settings, else a repository `.hyoka.yaml` that is safe (as for who reviews: a clerk cannot
/// widen what is published). A settings file with a mistake is an error (in both languages):
/// publishing must not guess.
pub fn publish_policy(root: &Path) -> Result<PublishPolicy, String> {
    let found = authority(root, &office_path())?;
    Ok(found.publish())
}

fn read_data_settings(path: &Path) -> Result<Option<RawDataSettings>, String> {
    let say = |ja: String, en: String| format!("{}: {ja} / {en}", path.display());
    let text = std::fs::read_to_string(path)
        .map_err(|e| say(format!("読めません（{e}）"), format!("cannot be read ({e})")))?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let raw: RawDataSettings = serde_saphyr::from_str(&text).map_err(|e| {
        let problem = crate::store::explain_parse_error(&e, &text);
        let at = problem.position.map(|p| format!("{}:{}: ", p.line, p.column)).unwrap_or_default();
        let (ja, en) = (problem.kind.describe(Lang::Ja), problem.kind.describe(Lang::En));
        say(
            format!("{at}データフォルダの設定（使える項目は reviewers, publish）: {ja}"),
            format!("the data folder's settings: {en}"),
        )
    })?;
    Ok(Some(raw))
}

#[cfg(test)]
mod tests {
    use super::super::reviewers::tests::someone;
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn a_safe_repository_file_names_reviewers_and_an_unsafe_one_is_passed_over() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let top = dir.path().canonicalize().unwrap_or_else(|e| panic!("{e}"));
        let data = top.join("data/kamigyo");
        std::fs::create_dir_all(&data).unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir(top.join(".git")).unwrap_or_else(|e| panic!("{e}"));
        let set = |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap_or(());
        set(&top, 0o755);
        set(&top.join("data"), 0o755);
        set(&data, 0o2775);
        let office = top.join("no-office.yaml");
        std::fs::write(top.join(DATA_SETTINGS), "reviewers:\n  users: [suzuki]\n").unwrap_or_else(|e| panic!("{e}"));
        set(&top.join(DATA_SETTINGS), 0o644);
        // A clerk's file in the group-writable data folder: not trusted, and the search goes on.
        std::fs::write(data.join(DATA_SETTINGS), "reviewers:\n  users: [clerk]\n").unwrap_or_else(|e| panic!("{e}"));
        let found = authority(&data.join("2008.yaml"), &office).unwrap_or_else(|e| panic!("{e}"));
        if nix::unistd::Uid::current().is_root() {
            assert_eq!(found.repository.as_ref().map(|(_, r)| r.users.clone()), Some(vec!["suzuki".to_owned()]));
            assert!(found.is_reviewer(&someone("suzuki")));
        }
        assert!(!found.is_reviewer(&someone("clerk")));
        assert!(matches!(found.ignored.first(), Some(Unsafe::Folder { path, .. }) if *path == data));
        assert!(found.tell_ignored(&someone("clerk")));
        assert!(!found.tell_ignored(&someone("kumin02")));
        // A safe file with a mistake stops hyoka: who reviews is never guessed.
        std::fs::write(top.join(DATA_SETTINGS), "reviewer: [suzuki]\n").unwrap_or_else(|e| panic!("{e}"));
        if nix::unistd::Uid::current().is_root() {
            let wrong = authority(&data, &office).err().unwrap_or_default();
            assert!(wrong.contains("1:1") && wrong.contains("reviewer"), "{wrong}");
        }
    }

    #[test]
    fn the_office_says_what_is_published() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // Two folders down, so that what is checked for being safe is the test's own folder, not /tmp.
        let office = dir.path().join("etc/hyoka/office.yaml");
        std::fs::create_dir_all(dir.path().join("etc/hyoka")).unwrap_or_else(|e| panic!("{e}"));
        let policy = |office: &Path| -> Result<PublishPolicy, String> { Ok(authority(dir.path(), office)?.publish()) };
        assert_eq!(policy(&office), Ok(PublishPolicy::All), "no settings: everything");
        std::fs::write(&office, "reviewers:\n  users: [suzuki]\npublish: approved_only\n")
            .unwrap_or_else(|e| panic!("{e}"));
        if nix::unistd::Uid::current().is_root() {
            assert_eq!(policy(&office), Ok(PublishPolicy::ApprovedOnly));
            std::fs::write(&office, "publish: approved\n").unwrap_or_else(|e| panic!("{e}"));
            let wrong = policy(&office).err().unwrap_or_default();
            assert!(wrong.contains("1:10") && wrong.contains("approved"), "{wrong}");
        }
    }
}
