//! Who may review, looked at again while hyoka runs: the office's list, the repository's safe
//! reviewers' file and the account's groups are read every few seconds, and a change reaches the
//! screen as an action — a reviewer taken off the list stops approving without a restart.

use std::path::PathBuf;
use std::time::Duration;

use crate::app::{Action, Rights};
use crate::i18n::Lang;
use hyoka_data::config::{Authority, authority};
use hyoka_data::identity::{Identity, of_uid};

/// How often the right to review is looked at again.
const EVERY: Duration = Duration::from_secs(2);

/// What decides the right: who runs hyoka, and where the data and the office's settings are.
#[derive(Clone, Debug)]
pub struct RightsSource {
    pub identity: Identity,
    pub root: PathBuf,
    pub office: PathBuf,
}

impl RightsSource {
    /// Decides the right from the settings and the user database as they are now. A settings file
    /// that became unreadable or wrong takes the right away until it is mended.
    pub fn decide(&self, lang: Lang) -> Rights {
        let Ok(found) = authority(&self.root, &self.office) else {
            return Rights { reviewer: false, ignored: Vec::new() };
        };
        // Groups as the database gives them now (a reviewer taken out of the group loses the right).
        let now = of_uid(self.identity.uid)
            .filter(|i| i.login == self.identity.login)
            .unwrap_or_else(|| self.identity.clone());
        rights(&found, &now, lang)
    }
}

/// The right of `who` under `found`, with the files it ignored when `who` should hear of them.
pub fn rights(found: &Authority, who: &Identity, lang: Lang) -> Rights {
    let ignored = if found.tell_ignored(who) {
        found.ignored.iter().map(|why| hyoka_data::i18n::office::reviewers_ignored(why, lang)).collect()
    } else {
        Vec::new()
    };
    Rights { reviewer: found.is_reviewer(who), ignored }
}

/// Looks again every few seconds and sends what changed.
pub fn watch(source: RightsSource, first: Rights, lang: Lang, outbox: super::Outbox) {
    let spawned = std::thread::Builder::new().name("hyoka-rights".to_owned()).spawn(move || {
        let mut last = first;
        loop {
            std::thread::sleep(EVERY);
            let now = source.decide(lang);
            if now != last {
                outbox(Action::Rights(Box::new(now.clone())));
                last = now;
            }
        }
    });
    // Without the thread the right stays as decided at start; hyoka works on.
    drop(spawned);
}
