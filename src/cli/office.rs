//! What the screen starts with from the office's own settings (a place the clerks cannot write):
//! commits on save for everyone, the office's time zone, and what the clerk must hear about
//! settings that were not trusted. Who runs hyoka and whether they may review are the worker's to
//! find out (the user database may be slow; the first frame does not wait for it).

use std::path::Path;

use crate::i18n::Lang;
use crate::worker::rights::RightsSource;
use hyoka_data::config::{Config, OfficeFile, load_office, office_path};
use hyoka_data::i18n::office::{office_ignored, own_reviewers_ignored};

pub struct Office {
    pub rights: RightsSource,
    /// The office commits every save (`git: { commit: true }` in its settings).
    pub commit: bool,
    pub notices: Vec<String>,
}

impl Office {
    /// Reads the office's settings for data opened at `root`; a trusted settings file with a
    /// mistake stops hyoka with what to do.
    pub fn find(root: &Path, config: &Config, lang: Lang) -> Result<Office, String> {
        let office = office_path();
        let found = load_office(&office)?;
        let mut notices = Vec::new();
        if let OfficeFile::Ignored(why) = &found {
            notices.push(office_ignored(why, lang));
        }
        if config.reviewers.is_some() {
            let own = hyoka_data::config::config_path().unwrap_or_default();
            notices.push(own_reviewers_ignored(&own, &office, lang));
        }
        let settings = match &found {
            OfficeFile::Read(settings) => Some(settings),
            _ => None,
        };
        let commit = settings.and_then(|o| o.commit).unwrap_or(false);
        crate::i18n::cycle::set_office_zone(settings.and_then(|o| o.time_zone));
        let rights = RightsSource { root: root.to_path_buf(), office };
        Ok(Office { rights, commit, notices })
    }
}
