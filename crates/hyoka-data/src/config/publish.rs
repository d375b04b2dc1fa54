//! What the office publishes: `publish:` in the data folder's settings (`.hyoka.yaml`), read in one
//! place so that where the office's settings live can change without touching `hyoka publish`.

use std::path::Path;

use serde::Deserialize;

/// `publish: all` (the default) or `publish: approved_only`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishPolicy {
    /// Every section of a file that is published.
    #[default]
    All,
    /// Only the sections a reviewer approved (`status: approved`); the others are left out and named.
    ApprovedOnly,
}

/// The office's word on what to publish from the data at `root` (a folder or a file): the office's
/// settings, else a repository `.hyoka.yaml` that is safe (as for who reviews: a clerk cannot
/// widen what is published). A settings file with a mistake is an error (in both languages):
/// publishing must not guess.
pub fn publish_policy(root: &Path) -> Result<PublishPolicy, String> {
    let found = super::authority(root, &super::office_path())?;
    let office = found.office_settings().and_then(|o| o.publish);
    Ok(office.or(found.repository_publish).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_says_what_is_published() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // Two folders down, so that what is checked for being safe is the test's own folder, not /tmp.
        let office = dir.path().join("etc/hyoka/office.yaml");
        std::fs::create_dir_all(dir.path().join("etc/hyoka")).unwrap_or_else(|e| panic!("{e}"));
        let policy = |office: &Path| -> Result<PublishPolicy, String> {
            let found = super::super::authority(dir.path(), office)?;
            Ok(found.office_settings().and_then(|o| o.publish).or(found.repository_publish).unwrap_or_default())
        };
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
