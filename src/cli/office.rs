//! What the screen starts with from the office: who runs hyoka (the real account), whether they
//! may review (the office's settings and a safe reviewers' file), commits on save for everyone,
//! and what the clerk must hear about settings that were not trusted.

use std::path::Path;

use crate::i18n::Lang;
use crate::worker::rights::{RightsSource, rights};
use hyoka_data::config::{Config, OfficeFile, authority, office_path};
use hyoka_data::i18n::office::{office_ignored, own_reviewers_ignored, unnamed};

pub struct Office {
    pub rights: (RightsSource, crate::app::Rights),
    /// The office commits every save (`git: { commit: true }` in its settings).
    pub commit: bool,
    pub notices: Vec<String>,
    /// Who the commits of a shared work tree are by.
    pub author: hyoka_data::git::Author,
}

impl Office {
    /// Decides it for data opened at `root`; an account without a name, or a trusted settings file
    /// with a mistake, stops hyoka with what to do.
    pub fn find(root: &Path, config: &Config, lang: Lang) -> Result<Office, String> {
        let identity = hyoka_data::identity::current().map_err(|e| unnamed(&e, lang))?;
        let office = office_path();
        let found = authority(root, &office)?;
        let mut notices = Vec::new();
        if let Some(OfficeFile::Ignored(why)) = &found.office {
            notices.push(office_ignored(why, lang));
        }
        if config.reviewers.is_some() {
            let own = hyoka_data::config::config_path().unwrap_or_default();
            notices.push(own_reviewers_ignored(&own, &office, lang));
        }
        let settings = found.office_settings();
        let commit = settings.and_then(|o| o.commit).unwrap_or(false);
        crate::i18n::cycle::set_office_zone(settings.and_then(|o| o.time_zone));
        let first = rights(&found, &identity, lang);
        let name = if identity.full_name.is_empty() { identity.login.clone() } else { identity.full_name.clone() };
        let author = hyoka_data::git::Author { login: identity.login.clone(), name };
        let source = RightsSource { identity, root: root.to_path_buf(), office };
        Ok(Office { rights: (source, first), commit, notices, author })
    }
}
