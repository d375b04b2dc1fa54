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

/// The office's word on what to publish from the data at `root` (a folder or a file), from the
/// same settings file that names the reviewers. A settings file with a mistake is an error (in
/// both languages): publishing must not guess.
pub fn publish_policy(root: &Path) -> Result<PublishPolicy, String> {
    Ok(super::reviewers::read_data_settings(root)?.and_then(|(_, raw)| raw.publish).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_folders_settings_say_what_is_published() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(publish_policy(dir.path()), Ok(PublishPolicy::All), "no settings: everything");
        let settings = dir.path().join(super::super::DATA_SETTINGS);
        std::fs::write(&settings, "reviewers:\n  users: [suzuki]\npublish: approved_only\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(publish_policy(dir.path()), Ok(PublishPolicy::ApprovedOnly));
        let reviewers = super::super::data_settings(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reviewers.map(|(_, r)| r.users), Some(vec!["suzuki".to_owned()]), "reviewers still read");
        std::fs::write(&settings, "publish: approved\n").unwrap_or_else(|e| panic!("{e}"));
        let wrong = publish_policy(dir.path()).err().unwrap_or_default();
        assert!(wrong.contains("1:10") && wrong.contains("approved"), "{wrong}");
    }
}
